// Installable: Chromium finds no installability error, the manifest's icons and screenshots load, the favicon is real.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';

test('Chromium reports no installability error, and every manifest image loads', async ({ baseURL, request }) => {
  // A real profile: Chromium never offers to install from an incognito context (Playwright's default).
  const dir = mkdtempSync(join(tmpdir(), 'code-red-install-'));
  const ctx = await chromium.launchPersistentContext(dir, { ...test.info().project.use.launchOptions, baseURL });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  // The manifest is fetched after load; poll until Chromium has read it.
  await expect
    .poll(async () => {
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      return installabilityErrors.map((e) => e.errorId);
    }, { timeout: 15_000 })
    .toEqual([]);
  const { url, data } = await cdp.send('Page.getAppManifest');
  expect(url).toMatch(/manifest\.webmanifest$/);
  const manifest = JSON.parse(data ?? '{}') as { id?: string; icons: { src: string; purpose?: string; sizes: string }[]; screenshots: { src: string; form_factor?: string }[]; categories?: string[] };
  expect(manifest.id).toBeTruthy();
  expect(manifest.categories?.length).toBeGreaterThan(0);
  expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`)).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  expect(manifest.screenshots.map((s) => s.form_factor)).toEqual(expect.arrayContaining(['wide', 'narrow']));
  for (const src of [...manifest.icons.map((i) => i.src), ...manifest.screenshots.map((s) => s.src)]) {
    const res = await request.get(new URL(src, url).href);
    expect(res.ok(), src).toBe(true);
    expect(res.headers()['content-type']).toMatch(/^image\//);
  }
  const favicon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(favicon).not.toMatch(/^data:/);
  expect((await request.get(new URL(favicon!, page.url()).href)).ok()).toBe(true);
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});
