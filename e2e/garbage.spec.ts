// Garbage and empty input: an inline "no router output recognised" with the unread lines, never a crash.
import { truncateSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { appRunning, pasteBox, waitForAnalysis } from './helpers';

test('garbage input is explained next to the paste with its unread lines', async ({ page }) => {
  await page.goto('./#/paste');
  await pasteBox(page).fill('hello world\nthis is not a router\n<b>bold</b> & more <img src=x onerror=alert(1)>');
  await waitForAnalysis(page);
  const status = page.locator('.paste-status');
  await expect(status).toContainText('No router output recognised');
  await expect(status).toContainText('line 1');
  await expect(status).toContainText('hello world');
  await expect(status).toContainText('line 3');
  // Pasted markup is shown as text, never interpreted: formatting tags a page leaves around output are taken off
  // with a note quoting them, anything else stays in the line as typed.
  await expect(status).toContainText('HTML markup taken off (<b>, </b>)');
  await expect(status).toContainText('bold & more <img src=x onerror=alert(1)>');
  await expect(page.locator('.paste-status b')).toHaveCount(0);
  await expect(page.locator('.paste-status img')).toHaveCount(0);

  await page.getByRole('link', { name: 'See the report' }).click();
  await expect(page.locator('.inputs-summary')).toContainText('No router output recognised');
  await expect(page.locator('.inputs-summary')).toContainText('this is not a router');
});

test('an empty panel says nothing was recognised yet', async ({ page }) => {
  await page.goto('./#/paste');
  await expect(page.locator('.paste-status')).toContainText('no router output recognised');
  await pasteBox(page).fill('   \n\n  ');
  await waitForAnalysis(page);
  await expect(page.locator('.paste-status')).toContainText(/no router output recognised/i);
});

test('a file past the size limit is refused with a message', async ({ page }, info) => {
  await page.goto('./#/paste');
  await appRunning(page);
  const big = info.outputPath('huge.txt');
  // Past the 500 MB limit for files (issue 16): a sparse file, so the disk holds none of it.
  writeFileSync(big, '');
  truncateSync(big, 501 * 1024 * 1024);
  await page.locator('input[type="file"][aria-label="Open saved captures"]').setInputFiles(big);
  await expect(page.getByRole('alert')).toContainText('huge.txt');
  await expect(page.getByRole('alert')).toContainText('limit');
  await expect(page.getByRole('alert')).toContainText('npm run analyze');
  await expect(page.locator('[data-file-name]')).toHaveCount(0);
});

test('an unknown route goes back to the start page', async ({ page }) => {
  await page.goto('./#/no-such-page?x=<script>');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Code Red');
});
