// Issue 12 in the built app: secrets quoted in the report (what prints), in storage and in the Markdown download
// are masked, including forms no keyword list caught (`snmp-server host … COMM`, `standby 1 authentication X`).
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { pasteBox, readStored, sample, waitForAnalysis } from './helpers';

const SECRETS = ['E2eComm1', 'E2eHsrp3', 'E2eComm4', 'E2eScrypt5'];
const unread = [
  'R1#show snmp community',
  '',
  'Community name: E2eComm1',
  'Community Index: cisco0',
  '',
  'R1#show archive log config all',
  '   12    1 admin@vty0     | standby 1 authentication E2eHsrp3',
  '   13    1 admin@vty0     |snmp-server host 10.1.1.5 version 2c E2eComm4',
  '*Mar  1 00:01:02.123: %PARSER-5-CFGLOG_LOGGEDCMD: User:admin  logged command:enable algorithm-type scrypt secret E2eScrypt5',
  '',
].join('\n');

test('secrets quoted on the report page, stored in the browser and in the Markdown export are masked', async ({ page }) => {
  await page.goto('./#/paste');
  await pasteBox(page).fill(`${sample('seed_show_ip_cache_flow.txt')}\n${unread}`);
  await waitForAnalysis(page);
  await page.goto('./#/report');
  await expect(page.getByText(/Community name: <removed>/)).toBeAttached();
  await expect(page.getByText(/logged command:enable algorithm-type scrypt secret <removed>/)).toBeAttached();
  // What prints is the page: with every detail open, no secret is on it.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => document.body.innerText);
  for (const s of SECRETS) expect(printed).not.toContain(s);
  await page.emulateMedia({ media: 'screen' });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the report (Markdown)' }).click();
  const md = readFileSync(await (await download).path(), 'utf8');
  expect(md).toContain('# Code Red triage report');
  for (const s of SECRETS) expect(md).not.toContain(s);

  await page.waitForTimeout(500); // the store's batched write
  const stored = await readStored(page);
  expect(stored).toContain('193.23.45.35'); // the flows were stored
  for (const s of SECRETS) expect(stored).not.toContain(s);
});
