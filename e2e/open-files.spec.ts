// Saved captures: opened with the file picker or dropped on the panels, one panel per file, named after it.
import { expect, test } from '@playwright/test';
import { appRunning, sample, waitForAnalysis } from './helpers';

test('opening two saved captures fills the empty panel and adds a second', async ({ page }) => {
  await page.goto('./#/paste');
  await appRunning(page);
  await page.locator('input[type="file"]').setInputFiles([
    { name: 'flows.txt', mimeType: 'text/plain', buffer: Buffer.from(sample('seed_show_ip_cache_flow.txt')) },
    { name: 'accounting.txt', mimeType: 'text/plain', buffer: Buffer.from(sample('seed_show_ip_accounting.txt')) },
  ]);
  await waitForAnalysis(page);
  await expect(page.locator('[data-paste-name]')).toHaveCount(2);
  await expect(page.locator('[data-paste-name="flows.txt"] .paste-status')).toContainText('show ip cache flow');
  await expect(page.locator('[data-paste-name="accounting.txt"] .paste-status')).toContainText('show ip accounting');
});

test('dropping a capture file on the panels opens it', async ({ page }) => {
  await page.goto('./#/paste');
  await appRunning(page);
  await expect(page.locator('[data-paste-name]')).toHaveCount(1);
  await page.locator('.paste-panels').evaluate((el, text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
    el.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    el.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  }, sample('seed_show_ip_cache_flow.txt'));
  await waitForAnalysis(page);
  await expect(page.locator('[data-paste-name="dropped.txt"] .paste-status')).toContainText('10 records');
  await page.getByRole('link', { name: 'See the report' }).click();
  await expect(page.locator('[data-host-ip="193.23.45.35"]')).toHaveAttribute('data-verdict', 'infected');
  await expect(page.locator('[data-finding-id="scanning-host"] .evidence li').first()).toContainText('dropped.txt:');
});

test('a terminal log with a time stamp on every line (Tera Term) reads as the capture itself', async ({ page }) => {
  const lines = sample('seed_show_ip_cache_flow.txt').replace(/\r\n/g, '\n').split('\n');
  const stamped = lines.map((l, i) => `[Thu Dec 03 03:30:${String(i % 60).padStart(2, '0')}.123 2026] ${l}`).join('\r\n');
  await page.goto('./#/paste');
  await appRunning(page);
  await page.locator('input[type="file"]').setInputFiles([{ name: 'teraterm.log', mimeType: 'text/plain', buffer: Buffer.from(stamped) }]);
  await waitForAnalysis(page);
  await expect(page.locator('[data-paste-name="teraterm.log"] .paste-status')).toContainText('10 records');
  await page.getByRole('link', { name: 'See the report' }).click();
  await expect(page.locator('[data-host-ip="193.23.45.35"]')).toHaveAttribute('data-verdict', 'infected');
  // Evidence quotes the router's line, not the terminal's stamp.
  const evidence = page.locator('[data-finding-id="scanning-host"] .evidence li').first();
  await expect(evidence).toContainText('193.23.45.35');
  await expect(evidence).not.toContainText('Thu Dec 03');
});
