// Offline: after one visit the service worker has precached the app; with the network cut it reloads, analyses
// a paste in its worker, and opens a share link.
import { expect, test, type Page } from '@playwright/test';
import { pasteBox, sample, waitForAnalysis } from './helpers';
import { APP_ORIGIN, guardContext, makeShareLink, reportFacts } from './security-guards';

const ORIGIN = APP_ORIGIN;

/** Wait until a service worker controls the page (first visit: install, activate, then claim on reload). */
async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }
}

test('after the first visit the app reloads and works with the network off, share links included', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const guard = await guardContext(context, ORIGIN);
  const page = await context.newPage();
  await page.goto('./');
  await waitForServiceWorker(page);
  // A link made online, to open offline later.
  await page.goto('./#/paste');
  await pasteBox(page).fill(sample('seed_show_ip_cache_flow.txt'));
  await waitForAnalysis(page);
  await page.goto('./#/report');
  const before = await reportFacts(page);
  const link = await makeShareLink(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Paste and analyse with no network: the worker script and every route chunk come from the cache.
  await page.goto('./#/paste');
  await pasteBox(page).fill(sample('seed_show_ip_accounting.txt'));
  await waitForAnalysis(page);
  await page.goto('./#/report');
  await expect(page.locator('[data-host-ip="20.1.104.194"]')).toHaveAttribute('data-verdict', 'infected');
  // And a share link opens offline in a new tab of the same (cached) browser.
  const tab = await context.newPage();
  await tab.goto(link);
  await waitForAnalysis(tab);
  expect(await reportFacts(tab)).toEqual(before);
  await guard.check();
  await context.close();
});
