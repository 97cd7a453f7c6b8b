// Big capture files: read as bytes in the worker (never as text on the page), with progress, Cancel, and reopen after a reload.
import { expect, test, type Page } from '@playwright/test';
import { flowTable, SCANNERS } from './bench/flow-table.mjs';
import { appRunning, waitForAnalysis } from './helpers';

// 20,000 rows: about 1.5 MB, past the 1 MB from which files are read as files (not as paste panels).
const DUMP = Buffer.from(flowTable(20_000));
const FILE = { name: 'core-flows.txt', mimeType: 'text/plain', buffer: DUMP };

/** Slow the page's CPU (its worker too) so progress and Cancel can be seen; 1 restores full speed. */
async function throttle(page: Page, rate: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

async function noTextOnThePage(page: Page) {
  // The file's text is in no textarea and not in the stored work.
  for (const value of await page.locator('textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))) {
    expect(value).not.toContain(SCANNERS[0]);
  }
}

test('an opened big file is read in the worker with a progress bar, to the verdict', async ({ page }) => {
  await page.goto('./#/paste');
  await appRunning(page);
  // The worker starts reading the moment the file is opened and may be done with 1.5 MB before a poll sees the bar:
  // every progress bar the page shows is recorded as it appears.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { bars: string[] }).bars = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Analysis progress"], progress[aria-label="Analysis progress"]');
      if (bar) seen.push(`${bar.getAttribute('max')} ${bar.getAttribute('value') ?? ''}`);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await throttle(page, 12);
  await page.locator('input[type="file"][aria-label="Open saved captures"]').setInputFiles([FILE]);
  await throttle(page, 1);
  await waitForAnalysis(page);
  const bars = await page.evaluate(() => (window as unknown as { bars: string[] }).bars);
  // A determinate bar (max 100), as the file's bytes are read.
  expect(bars.some((b) => b.startsWith('100 '))).toBe(true);
  await expect(page.locator('[data-file-name="core-flows.txt"]')).toHaveAttribute('data-file-state', 'open');
  await expect(page.locator('[data-file-name="core-flows.txt"] .paste-status')).toContainText('20,000 records');
  await noTextOnThePage(page);
  await page.getByRole('link', { name: 'See the report' }).click();
  await expect(page.locator(`[data-host-ip="${SCANNERS[0]}"]`)).toHaveAttribute('data-verdict', 'infected');
  await expect(page.locator('[data-finding-id="scanning-host"] .evidence li').first()).toContainText('core-flows.txt:');
  // The quoted lines are read back from the file by their offsets, nearby ones together: each is a scanner's row.
  const quoted = await page.locator('[data-finding-id="scanning-host"] .evidence li').allTextContents();
  expect(quoted.length).toBeGreaterThan(0);
  for (const q of quoted) expect(SCANNERS.some((ip) => q.includes(` ${ip} `))).toBe(true);
  // An answer changed: the worker diagnoses the file it kept again, and the rows it quoted count once, as before.
  const flowsCell = page.locator(`[data-host-ip="${SCANNERS[0]}"] td.num`).first();
  const flows = await flowsCell.textContent();
  // (Through the app's own links: a page load would let go of the opened file, which the page then offers to reopen.)
  await page.getByRole('link', { name: '1. Symptoms' }).click();
  await page.getByRole('radio', { name: 'High at interrupt level (e.g. 99%/98%)' }).check();
  // (The worker's answer for the new answers names the cause the answer points at.)
  await expect(page.locator('[data-cause-id="high-cpu-interrupt"]')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('link', { name: '3. Report' }).click();
  await expect(page.locator(`[data-host-ip="${SCANNERS[0]}"]`)).toHaveAttribute('data-verdict', 'infected');
  await expect(flowsCell).toHaveText(flows!);
});

test('a dropped big file can be cancelled while it is read, and analysed again', async ({ page }) => {
  await page.goto('./#/paste');
  await appRunning(page);
  // 40 copies of the dump (about 60 MB, built in the page from one string): long enough to read that Cancel is
  // reliably in time (CPU throttling slows the page, not its worker).
  await page.evaluate(
    (text) => ((window as unknown as { dump: File }).dump = new File(Array(40).fill(text), 'core-flows.txt', { type: 'text/plain' })),
    DUMP.toString(),
  );
  await page.locator('.paste-panels').evaluate((el) => {
    const data = new DataTransfer();
    data.items.add((window as unknown as { dump: File }).dump);
    el.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('[data-file-name="core-flows.txt"]')).toHaveAttribute('data-file-state', 'cancelled');
  await expect(page.locator('[data-file-name="core-flows.txt"]')).toContainText('Analysis cancelled');
  await expect(page.locator('[data-run-status]')).not.toHaveAttribute('data-run-status', /running|waiting/);
  await page.getByRole('button', { name: 'Analyse core-flows.txt again' }).click();
  await waitForAnalysis(page);
  await expect(page.locator('[data-file-name="core-flows.txt"] .paste-status')).toContainText('show ip cache flow');
});

test('after a reload the report offers to reopen the big file instead of losing it', async ({ page }) => {
  await page.goto('./#/paste');
  await appRunning(page);
  await page.locator('input[type="file"][aria-label="Open saved captures"]').setInputFiles([FILE]);
  await waitForAnalysis(page);
  await page.waitForTimeout(500); // the store batches its writes
  await page.reload();
  await page.goto('./#/report');
  const offer = page.getByRole('region', { name: 'Files to reopen' });
  await expect(offer).toContainText('core-flows.txt');
  await expect(offer).toContainText('not in this report yet');
  await expect(page.locator('[data-file-name="core-flows.txt"]')).toHaveAttribute('data-file-state', 'missing');
  await page.locator('input[type="file"][aria-label="Reopen core-flows.txt"]').setInputFiles([FILE]);
  await waitForAnalysis(page);
  await expect(page.locator(`[data-host-ip="${SCANNERS[0]}"]`)).toHaveAttribute('data-verdict', 'infected');
  await expect(offer).toHaveCount(0);
});

test('a big Flexible NetFlow cache opened as a file reaches its verdict and its evidence', async ({ page }) => {
  // 20,000 records (about 5 MB): a scanner's one-packet port-80 flows to new addresses among clients' web traffic.
  const records: string[] = ['R1#show flow monitor MON cache', '  Cache type:                               Normal', '  Current entries:                        20000', ''];
  for (let i = 0; i < 20_000; i++) {
    const scan = i % 4 === 0;
    records.push(
      `IPV4 SOURCE ADDRESS:       ${scan ? '10.77.1.5' : `10.1.${(i >> 8) & 255}.${1 + (i % 200)}`}`,
      `IPV4 DESTINATION ADDRESS:  ${scan ? `${1 + (i % 220)}.${(i * 7) % 250}.${(i * 13) % 250}.9` : `172.16.${i % 9}.10`}`,
      `TRNS SOURCE PORT:          ${1024 + (i % 60000)}`,
      'TRNS DESTINATION PORT:     80',
      'INTERFACE INPUT:           Gi0/1',
      'IP PROTOCOL:               6',
      `counter bytes:             ${scan ? 48 : 9000}`,
      `counter packets:           ${scan ? 1 : 12}`,
      '',
    );
  }
  const fnf = { name: 'fnf-cache.txt', mimeType: 'text/plain', buffer: Buffer.from(records.join('\n')) };
  await page.goto('./#/paste');
  await appRunning(page);
  await page.locator('input[type="file"][aria-label="Open saved captures"]').setInputFiles([fnf]);
  await waitForAnalysis(page);
  const status = page.locator('[data-file-name="fnf-cache.txt"] .paste-status');
  await expect(status).toContainText('show flow monitor cache');
  await expect(status).toContainText('20,000 records');
  await page.getByRole('link', { name: 'See the report' }).click();
  await expect(page.locator('[data-host-ip="10.77.1.5"]')).toHaveAttribute('data-verdict', 'infected');
  await expect(page.locator('[data-finding-id="scanning-host"] .evidence li').first()).toContainText('fnf-cache.txt:');
});
