// A new deployment is offered, not forced: the waiting service worker shows an accessible banner, and
// "Update now" switches to it. Served from a private copy of dist/ so the test can "deploy" without touching it.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { guardContext } from './security-guards';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.webmanifest': 'application/manifest+json',
};

function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    resolve({ server, origin: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` });
  }));
}

test('when a new version is deployed the app offers to update', async ({ browser }) => {
  const root = mkdtempSync(join(tmpdir(), 'code-red-deploy-'));
  cpSync(DIST, root, { recursive: true });
  const { server, origin } = await serve(root);
  try {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const guard = await guardContext(context, origin);
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // In the footer's status slot, in the page flow: it covers nothing (issue 17).
    const ready = page.locator('footer').getByRole('status').filter({ hasText: 'Ready to work offline' });
    await expect(ready).toBeVisible();
    expect(await ready.evaluate((el) => getComputedStyle(el).position)).toBe('static');
    // A returning visitor: the page is now served and controlled by the installed worker.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await expect(page.getByText('Ready to work offline')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'App update' })).toHaveCount(0);

    // "Deploy" a new version: a new build changes sw.js (its precache revisions); one more byte does the same.
    appendFileSync(join(root, 'sw.js'), '\n// next deployment\n');
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg?.update();
    });
    const banner = page.getByRole('region', { name: 'App update' });
    await expect(banner).toContainText('A new version of Code Red Triage is available');
    await banner.getByRole('button', { name: 'Update now' }).click();
    // The page reloads under the new worker; the offer is gone (the new worker now controls the page).
    await expect(page.getByText('A new version of Code Red Triage is available')).toHaveCount(0);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await guard.check();
    await context.close();
  } finally {
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
});
