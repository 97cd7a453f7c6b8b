// The start page: answers give likely causes and a checklist of commands to paste next, with copy buttons.
import { expect, test } from '@playwright/test';
import { pasteBox, sample, waitForAnalysis } from './helpers';

test('answers turn into likely causes and commands to paste next', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await expect(page.getByText('Answer a question or two')).toBeVisible();
  await page.getByRole('radio', { name: 'High at interrupt level (e.g. 99%/98%)' }).check();
  await page.getByRole('radio', { name: '%SYS-2-MALLOCFAIL in the log' }).check();
  const causes = page.getByTestId('likely-causes');
  await expect(causes.locator('[data-cause-id="mallocfail"]')).toBeVisible();
  await expect(causes.locator('[data-cause-id="high-cpu-interrupt"]')).toBeVisible();
  const flow = page.locator('[data-next-command^="show ip cache flow"]');
  await expect(flow).toBeVisible();
  await page.getByRole('button', { name: /^Copy show processes cpu/ }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^show processes cpu/);

  // Once the flows are pasted, the checklist stops asking for them.
  await page.goto('./#/paste');
  await pasteBox(page).fill(sample('seed_show_ip_cache_flow.txt'));
  await waitForAnalysis(page);
  await page.goto('./');
  await expect(page.locator('[data-next-command="show processes cpu"], [data-next-command^="show processes cpu"]').first()).toBeVisible();
  await expect(page.locator('[data-next-command^="show ip cache flow"]')).toHaveCount(0);
});
