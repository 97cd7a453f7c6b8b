// Every journey an engineer takes, end to end under the egress and CSP guards: questionnaire, paste, report,
// host filter, export, reload, start over, the example, and a share link. Nothing may leave the origin.
import { expect, test } from '@playwright/test';
import { pasteBox, sample, waitForAnalysis } from './helpers';
import { APP_ORIGIN, guardContext, makeShareLink } from './security-guards';

const ORIGIN = APP_ORIGIN;

test('a whole triage session makes no request outside the origin and trips no CSP rule', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  const guard = await guardContext(context, ORIGIN);
  const page = await context.newPage();

  await page.goto('./');
  await page.getByRole('radio', { name: 'High at interrupt level (e.g. 99%/98%)' }).check();
  await page.getByRole('radio', { name: '%SYS-2-MALLOCFAIL in the log' }).check();
  await page.getByRole('link', { name: 'Next: paste router output' }).click();
  await pasteBox(page).fill(sample('seed_show_ip_cache_flow.txt') + sample('seed_show_ip_accounting.txt') + sample('seed_show_logging.txt'));
  await waitForAnalysis(page);
  await page.getByRole('link', { name: 'See the report' }).click();
  await expect(page.locator('[data-finding-id="scanning-host"]').first()).toBeVisible();
  await page.locator('[data-host-ip="193.23.45.35"]').getByRole('button', { name: '193.23.45.35' }).click();
  await page.locator('.charts-section').scrollIntoViewIfNeeded(); // charts load when scrolled near
  await expect(page.locator('.charts-section table').first()).toBeAttached();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download the report/ }).click();
  await download;

  await page.reload(); // persistence
  await expect(page.locator('[data-finding-id="scanning-host"]').first()).toBeVisible();
  const link = await makeShareLink(page, { anonymise: true });

  // The link opened as a colleague would, in a browser of its own (its own storage, its own guards): a tab of this
  // context shares the stored work, and its last save on closing could land after "Start over" below (seen once on
  // a loaded machine: the link's answers and pastes came back, and the example then asked before replacing them).
  const colleague = await browser.newContext({ serviceWorkers: 'allow' });
  const colleagueGuard = await guardContext(colleague, ORIGIN);
  const tab = await colleague.newPage();
  await tab.goto(link);
  await waitForAnalysis(tab);
  await expect(tab.locator('[data-finding-id="scanning-host"]').first()).toBeVisible();
  await colleagueGuard.check();
  await colleague.close();

  guard.allowDialog();
  page.once('dialog', (d) => void d.accept()); // "Start over" asks first
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Started over' })).toBeVisible();
  await page.goto('./');
  await page.getByRole('button', { name: "Load the tech note's example" }).click();
  await waitForAnalysis(page);
  await expect(page.locator('[data-finding-id]').first()).toBeVisible();

  await guard.check();
  await context.close();
});
