// The service worker answers navigations for the app's own page only (issue 12): another page under the same
// origin and scope (`/not-this-app/admin.html`) must reach the network, never be handed the app from the cache.
import { expect, test, type Page } from '@playwright/test';

async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }
}

test('pages in the worker scope that are not the app are left to the network', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  // Stands in for the other site on this host: vite preview would hand back the app itself for unknown paths.
  // context.route sees requests that reach the network, the service worker's own fetches included.
  let reachedNetwork = 0;
  await context.route('**/not-this-app/**', (route) => {
    reachedNetwork++;
    return route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>Other</title><h1>Another site</h1>' });
  });
  const page = await context.newPage();
  await page.goto('./');
  await waitForServiceWorker(page);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Another site');

  for (const path of ['./not-this-app/admin.html', './not-this-app/', './not-this-app/deep/page?x=1']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Another site');
  }
  expect(reachedNetwork).toBe(3);

  // The app itself is still served by the worker, offline included.
  await context.setOffline(true);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Another site');
  await page.goto('./index.html#/paste');
  await expect(page.getByRole('textbox', { name: /router output/i }).first()).toBeVisible();
  await context.close();
});
