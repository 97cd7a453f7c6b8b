// A keyboard-only journey: answer, move on, paste, reach the report and copy a remedy, never touching the mouse.
import { expect, test, type Page } from '@playwright/test';
import { appRunning, sample } from './helpers';

/** Press Tab until the focused element matches, failing after `max` presses. */
async function tabTo(page: Page, test: (el: Element) => boolean, max = 80): Promise<void> {
  const fn = `(${test.toString()})(document.activeElement)`;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(fn)) return;
  }
  throw new Error('focus never reached the wanted element');
}

test('keyboard only: start, answer, paste, report', async ({ page }) => {
  await page.goto('./');
  // The prerendered questionnaire is disabled until the app runs: keys pressed before would go nowhere.
  await appRunning(page);
  await expect(page.getByRole('radio').first()).toBeEnabled();
  // The skip link is the first stop and is visible when focused.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

  await tabTo(page, (el) => el instanceof HTMLInputElement && el.type === 'radio' && el.name === 'q-cpu');
  await page.keyboard.press('Space');
  await expect(page.locator('input[name="q-cpu"]:checked')).toHaveCount(1);
  // Focus must be visible: the outline is drawn.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');

  await tabTo(page, (el) => el.textContent === 'Next: paste router output');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/paste$/);

  await tabTo(page, (el) => el instanceof HTMLTextAreaElement);
  await page.keyboard.insertText(sample('seed_show_ip_cache_flow.txt'));
  await expect(page.locator('.paste-status')).toContainText('show ip cache flow', { timeout: 15_000 });

  await tabTo(page, (el) => el.textContent === 'See the report');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-finding-id="scanning-host"]').first()).toBeVisible();

  // Sort the hosts table and pick a source, by keyboard.
  await tabTo(page, (el) => el.textContent?.startsWith('Destinations') === true && el.closest('th') !== null);
  await page.keyboard.press('Enter');
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('Destinations');
  await tabTo(page, (el) => el.textContent === '193.23.45.35' && el.closest('tr') !== null);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-finding-id="scanning-host"]').first()).toContainText('mention 193.23.45.35');
});
