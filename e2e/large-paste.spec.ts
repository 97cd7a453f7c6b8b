// A big paste is taken from the clipboard event straight to the analysis and shown as a read-only preview.
import { expect, test, type Page } from '@playwright/test';
import { appRunning, pasteBox, readStored, waitForAnalysis } from './helpers';

/** 20,000 port-80 rows from one scanner. */
const scannerRows = () =>
  Array.from({ length: 20_000 }, (_, i) => `Vl1           10.1.1.99       Se0/0         ${20 + (i % 200)}.${(i >> 8) & 255}.${i & 255}.7       06 1F40 0050     1`);

/** Paste `text` into the first panel as the clipboard would (a paste event with its data). */
async function pasteFromClipboard(page: Page, text: string): Promise<void> {
  await pasteBox(page).evaluate((ta, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    ta.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }));
  }, text);
}

test('a multi-megabyte paste shows a preview and its verdicts, and can still be edited or cleared', async ({ page }) => {
  await page.goto('./#/paste');
  await appRunning(page);
  const rows = scannerRows();
  const text = ['Router#show ip cache flow', 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts', ...rows].join('\n');
  await pasteFromClipboard(page, text);
  await waitForAnalysis(page);
  await expect(page.locator('.paste-panel')).toContainText('20,002 lines');
  await expect(page.locator('.paste-status')).toContainText('20,000 records');
  const preview = pasteBox(page);
  await expect(preview).toHaveAttribute('readonly', '');
  expect((await preview.inputValue()).split('\n')).toHaveLength(200);

  await page.getByRole('link', { name: 'See the report' }).click();
  await expect(page.locator('[data-host-ip="10.1.1.99"]')).toHaveAttribute('data-verdict', 'infected');

  await page.goto('./#/paste');
  await page.getByRole('button', { name: 'Edit the full text (slow)' }).click();
  await expect(pasteBox(page)).not.toHaveAttribute('readonly', '');
  expect((await pasteBox(page).inputValue()).length).toBe(text.length);
  // Leaving the page drops the full editor; back on it, the preview offers to clear.
  await page.getByRole('link', { name: '3. Report' }).click();
  await page.getByRole('link', { name: '2. Paste output' }).click();
  await page.getByRole('button', { name: /Clear paste 1/ }).click();
  await expect(pasteBox(page)).toHaveValue('');
});

test('a big paste is stored and quoted with its secrets masked (masked in a worker, not on the page)', async ({ page }) => {
  await page.goto('./#/paste');
  await appRunning(page);
  const config = ['R1#show running-config', 'hostname r1', 'enable secret 5 $1$Xy7z$SuperSecretHash', 'snmp-server community s3cr3tcomm RO', 'end'];
  const rows = scannerRows();
  const text = [...config, 'R1#show ip cache flow', 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts', ...rows].join('\n');
  await pasteFromClipboard(page, text);
  await waitForAnalysis(page);
  const stored = () => readStored(page);
  await expect.poll(async () => (await stored()).includes('10.1.1.99'), { timeout: 10_000 }).toBe(true);
  const saved = await stored();
  expect(saved).toContain('hostname r1');
  expect(saved).not.toContain('SuperSecretHash');
  expect(saved).not.toContain('s3cr3tcomm');
  // The report quotes its lines masked too (a worker masked them, with the paste).
  await page.getByRole('link', { name: 'See the report' }).click();
  await expect(page.locator('[data-host-ip="10.1.1.99"]')).toHaveAttribute('data-verdict', 'infected');
  await expect(page.locator('main')).not.toContainText('SuperSecretHash');
  await page.goto('./#/paste');
  await page.reload();
  await expect(page.locator('.paste-panel')).toContainText('20,007 lines');
  await expect(pasteBox(page)).toHaveValue(/enable secret 5 <removed>/);
});

test('a finding quoting hundreds of evidence lines lists the first 500, and all of them on request', async ({ page }) => {
  await page.goto('./#/paste');
  await appRunning(page);
  // 100 scanners, 70 unanswered port-80 probes each (a paste past 512 KB, taken from the clipboard event): the one
  // scanning finding quotes several lines of each.
  const rows = Array.from({ length: 100 * 70 }, (_, i) => {
    const s = 1 + Math.floor(i / 70);
    return `Vl1           10.1.2.${String(s).padEnd(3)}      Se0/0         ${30 + (i % 70)}.${s}.${i & 255}.9        06 1F40 0050     1`;
  });
  await pasteFromClipboard(page, ['Router#show ip cache flow', 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts', ...rows].join('\n'));
  await waitForAnalysis(page);
  await page.getByRole('link', { name: 'See the report' }).click();
  const finding = page.locator('[data-finding-id="scanning-host"]');
  const summary = finding.locator('.evidence-block summary');
  await expect(summary).toContainText(/Evidence \([\d,]+ lines\)/);
  const total = Number((await summary.textContent())!.replace(/\D/g, ''));
  expect(total).toBeGreaterThan(500);
  await summary.click();
  await expect(finding.locator('.evidence li')).toHaveCount(500);
  await expect(finding.locator('.evidence-more')).toContainText(`The first 500 lines of ${total}.`);
  await finding.getByRole('button', { name: `List all ${total} lines` }).click();
  await expect(finding.locator('.evidence li')).toHaveCount(total);
  await expect(finding.locator('.evidence-more')).toHaveCount(0);
});
