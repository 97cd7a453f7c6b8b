// The single-file build (dist/single/code-red-triage.html) opened from file://: paste, report, share link, with
// its worker inlined, no service worker, no request anywhere, and its hash-based CSP never violated.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { pasteBox, sample, waitForAnalysis } from './helpers';
import { guardContext, makeShareLink, reportFacts } from './security-guards';

// SINGLE_FILE lets a run point at a copy built elsewhere (dist/ is rebuilt by every `npm run build`).
const SINGLE = process.env.SINGLE_FILE ?? fileURLToPath(new URL('../dist/single/code-red-triage.html', import.meta.url));

test('the single HTML file works from file://: paste, report, share link', async ({ browser }) => {
  expect(existsSync(SINGLE), `${SINGLE} is missing: run npm run build first`).toBe(true);
  const url = pathToFileURL(SINGLE).href;
  const context = await browser.newContext();
  const guard = await guardContext(context, null);
  const page = await context.newPage();
  await page.goto(url);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toContain('unsafe-inline');
  await page.goto(`${url}#/paste`);
  await pasteBox(page).fill(sample('seed_show_ip_cache_flow.txt') + sample('seed_show_ip_accounting.txt'));
  await waitForAnalysis(page);
  await page.goto(`${url}#/report`);
  const before = await reportFacts(page);
  expect(before.hosts).toContain('193.23.45.35=infected');
  const link = await makeShareLink(page);
  expect(link.startsWith(`${url}#/report?d=v1.`)).toBe(true);
  expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();

  const other = await browser.newContext();
  const guard2 = await guardContext(other, null);
  const page2 = await other.newPage();
  await page2.goto(link);
  await waitForAnalysis(page2);
  expect(await reportFacts(page2)).toEqual(before);
  await guard.check();
  await guard2.check();
  await context.close();
  await other.close();
});
