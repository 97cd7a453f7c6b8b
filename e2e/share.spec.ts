// Share links: the round trip into a fresh browser, the large-input fallback, secrets, and broken links.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser } from '@playwright/test';
import { deflateSync, strToU8 } from 'fflate';
import { toBase64Url } from '../src/share/base64url';
import { pasteBox, sample, waitForAnalysis } from './helpers';
import { APP_ORIGIN, guardContext, makeShareLink, reportFacts } from './security-guards';

const ORIGIN = APP_ORIGIN;

/** A fresh browser profile: no stored work, no service worker, no cache. */
async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  const guard = await guardContext(context, ORIGIN);
  return { context, guard, page: await context.newPage() };
}

/** A big flow capture (one scanner among many quiet clients): far past what a link can carry raw. */
function bigCapture(rows: number): string {
  const out = ['Router#show ip cache flow', 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts'];
  for (let i = 0; i < rows; i++) {
    const scanner = i % 4 === 0;
    const src = scanner ? '172.16.5.9' : `172.16.${(i >> 8) & 255}.${i & 255}`;
    const dst = `${((i * 97) % 223) + 1}.${(i * 31) % 256}.${(i * 7) % 256}.${(i % 254) + 1}`;
    out.push(`Fa0/0  ${src}  Fa0/1  ${dst}  06 ${(4096 + i).toString(16).toUpperCase()} 0050  ${scanner ? 1 : 12}`);
  }
  return out.join('\n') + '\n';
}

test('a share link reopens the same findings, hosts and charts in a fresh browser', async ({ browser }) => {
  const a = await freshPage(browser);
  await a.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await a.page.goto('./#/paste');
  await pasteBox(a.page).fill(sample('seed_show_ip_cache_flow.txt') + sample('seed_show_ip_accounting.txt'));
  await waitForAnalysis(a.page);
  await a.page.goto('./#/report');
  const before = await reportFacts(a.page);
  expect(before.hosts).toContain('193.23.45.35=infected');
  const link = await makeShareLink(a.page);
  await expect(a.page.getByRole('status').filter({ hasText: 'copied to the clipboard' })).toBeVisible();
  expect(await a.page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(link.length).toBeLessThan(2000);
  // The share panel, with its link and notes on screen, passes axe.
  expect((await new AxeBuilder({ page: a.page }).include('.share-panel').analyze()).violations).toEqual([]);

  const b = await freshPage(browser);
  await b.page.goto(link);
  await waitForAnalysis(b.page);
  expect(await reportFacts(b.page)).toEqual(before);
  await expect(b.page.locator('[data-shared-mode="input"]')).toBeVisible();
  expect((await new AxeBuilder({ page: b.page }).include('.shared-link-notice').analyze()).violations).toEqual([]);
  await a.guard.check();
  await b.guard.check();
  await a.context.close();
  await b.context.close();
});

test('past 8,000 characters the link carries the diagnosis and says the pastes were left out', async ({ browser }) => {
  test.setTimeout(90_000); // filling a 70 KB paste takes the paste panel several seconds
  const a = await freshPage(browser);
  await a.page.goto('./#/paste');
  await pasteBox(a.page).fill(bigCapture(1200));
  await waitForAnalysis(a.page);
  await a.page.goto('./#/report');
  const before = await reportFacts(a.page);
  expect(before.hosts).toContain('172.16.5.9=infected');
  const link = await makeShareLink(a.page);
  await expect(a.page.locator('[data-share-mode="diagnosis"]')).toContainText('raw pastes were left out');
  expect(link.length).toBeLessThanOrEqual(8000);

  const b = await freshPage(browser);
  await b.page.goto(link);
  await expect(b.page.locator('[data-shared-mode="diagnosis"]')).toContainText('raw pastes were left out');
  expect(await reportFacts(b.page)).toEqual(before);
  // Nothing re-runs it away: the runner has no pastes, and the diagnosis stays.
  await b.page.waitForTimeout(1500);
  expect(await reportFacts(b.page)).toEqual(before);
  await a.guard.check();
  await b.guard.check();
  await a.context.close();
  await b.context.close();
});

test('router secrets are masked in the link, and the page says so', async ({ browser }) => {
  const a = await freshPage(browser);
  await a.page.goto('./#/paste');
  const config = 'Router#show running-config\nenable secret 5 $1$ab$SECRETHASHxx\nsnmp-server community NOCcommunity RO\n!\n';
  await pasteBox(a.page).fill(config + sample('seed_show_ip_cache_flow.txt'));
  await waitForAnalysis(a.page);
  await a.page.goto('./#/report');
  const link = await makeShareLink(a.page);
  await expect(a.page.locator('.share-notes')).toContainText('2 secret lines masked (enable secret, snmp community)');
  const b = await freshPage(browser);
  await b.page.goto(link);
  await waitForAnalysis(b.page);
  await expect(b.page.locator('.shared-link-notice')).toContainText('2 secret lines were masked');
  await b.page.goto(link.replace(/#.*/, '#/paste'));
  const text = await pasteBox(b.page).inputValue();
  expect(text).toContain('enable secret 5 <removed>');
  expect(text).not.toContain('SECRETHASHxx');
  expect(text).not.toContain('NOCcommunity');
  await a.guard.check();
  await b.guard.check();
  await a.context.close();
  await b.context.close();
});

test('an anonymised link keeps the verdicts but not the addresses', async ({ browser }) => {
  const a = await freshPage(browser);
  await a.page.goto('./#/paste');
  await pasteBox(a.page).fill(sample('seed_show_ip_cache_flow.txt'));
  await waitForAnalysis(a.page);
  await a.page.goto('./#/report');
  const before = await reportFacts(a.page);
  const link = await makeShareLink(a.page, { anonymise: true });
  const b = await freshPage(browser);
  await b.page.goto(link);
  await waitForAnalysis(b.page);
  const after = await reportFacts(b.page);
  expect(after.findings).toEqual(before.findings);
  expect(after.hosts.map((h) => h.split('=')[1]).sort()).toEqual(before.hosts.map((h) => h.split('=')[1]).sort());
  expect(after.hosts.join(' ')).not.toContain('193.23.45.35');
  await expect(b.page.locator('.shared-link-notice')).toContainText('anonymised');
  await b.guard.check();
  await a.context.close();
  await b.context.close();
});

for (const [name, payload, words] of [
  ['tampered', 'v1.eJzLSM3JyVcozy_KSQEAGgQEXQ-tampered', /damaged/],
  ['truncated', 'v1.eJx', /damaged/],
  ['unknown-version', 'v7.eJzLSM3JyVcozy_KSQEAGgQEXQ', /newer version/],
  ['not a link', '%3Cscript%3Ealert(1)%3C/script%3E', /not a Code Red Triage share link/],
  // 20 MB of JSON deflated into a ~20 KB link: refused while inflating, never expanded whole.
  ['too-large', `v1.${toBase64Url(deflateSync(strToU8(`{"pad":"${' '.repeat(20_000_000)}"}`)))}`, /expands to more than/],
] as const) {
  test(`a ${name} link shows a clear message and the start page`, async ({ browser }) => {
    const { context, guard, page } = await freshPage(browser);
    await page.goto(`./#/report?d=${payload}`);
    await expect(page.getByRole('status').filter({ hasText: words })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Router at 100% CPU');
    await expect(page).toHaveURL(/#\/$/);
    await guard.check();
    await context.close();
  });
}

test('once the work moves on from a link, the link leaves the address bar (a reload does not bring it back)', async ({ browser }) => {
  const a = await freshPage(browser);
  await a.page.goto('./#/paste');
  await pasteBox(a.page).fill(sample('seed_show_ip_cache_flow.txt'));
  await waitForAnalysis(a.page);
  await a.page.goto('./#/report');
  const link = await makeShareLink(a.page);
  await a.guard.check();
  await a.context.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await waitForAnalysis(page);
  await expect(page).toHaveURL(/#\/report\?d=v1\./);
  page.once('dialog', (d) => void d.accept()); // "Start over" asks first
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page).toHaveURL(/#\/report$/); // history.replaceState, debounced
  await page.reload();
  await expect(page.getByText('Nothing to report yet')).toBeVisible();
  await context.close();
});

test('opening a link over existing work says it replaced it', async ({ browser }) => {
  const a = await freshPage(browser);
  await a.page.goto('./#/paste');
  await pasteBox(a.page).fill(sample('seed_show_ip_cache_flow.txt'));
  await waitForAnalysis(a.page);
  await a.page.goto('./#/report');
  const link = await makeShareLink(a.page);
  await a.page.goto('./#/paste');
  await pasteBox(a.page).fill(sample('seed_show_ip_accounting.txt'));
  await waitForAnalysis(a.page);
  await a.page.goto(link);
  await expect(a.page.getByRole('status').filter({ hasText: 'replaced the pastes and answers' })).toBeVisible();
  await expect(a.page.locator('[data-host-ip="193.23.45.35"]')).toHaveAttribute('data-verdict', 'infected');
  await a.guard.check();
  await a.context.close();
});
