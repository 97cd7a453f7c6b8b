// Issue 17's proof: at a phone's and a NOC laptop's size, light and dark, nothing is wider than the screen, config
// stays readable inside its box, the headline names the first infected host with its one action in the first
// screen, paper gets the charts' numbers, and axe stays at 0. Screenshots land in test-results/screens for review.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { appRunning, pasteBox, waitForAnalysis } from './helpers';

const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

/** Elements wider than the viewport, and code blocks that neither fit nor scroll inside themselves. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const vw = window.innerWidth;
    if (document.documentElement.scrollWidth > vw) bad.push(`page scrollWidth ${document.documentElement.scrollWidth} > ${vw}`);
    for (const pre of Array.from(document.querySelectorAll('pre'))) {
      const r = pre.getBoundingClientRect();
      if (r.width === 0) continue;
      const style = getComputedStyle(pre);
      const scrollsInside = style.overflowX === 'auto' || style.overflowX === 'scroll';
      if (r.right > vw + 0.5) bad.push(`pre ends at ${Math.round(r.right)} px: "${pre.textContent?.slice(0, 40)}"`);
      if (pre.scrollWidth > pre.clientWidth + 1 && !scrollsInside) bad.push(`pre overflows its box: "${pre.textContent?.slice(0, 40)}"`);
    }
    return bad;
  });
}

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(' ')}`);
}

/** The headline must name the first infected host of the hosts table (sorted by fan-out, as the report opens). */
async function checkHeadline(page: Page) {
  const first = await page.locator('.hosts tr[data-verdict="infected"]').first().getAttribute('data-host-ip');
  expect(first).toBeTruthy();
  const headline = page.getByTestId('report-headline');
  await expect(headline).toContainText(first!);
  const action = headline.getByRole('button', { name: /^Copy / });
  await expect(action).toBeVisible();
  const box = await action.boundingBox();
  const vh = page.viewportSize()!.height;
  expect(box && box.y + box.height <= vh, `primary action ends at ${box && box.y + box.height} px in a ${vh} px screen`).toBe(true);
}

/** 5,000 sources with two flows each (about 800 KB: the big-paste path), and three scanners sweeping TCP/80. */
function bigCapture(): string {
  const rows = ['Router#show ip cache flow', 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts'];
  const row = (src: string, dst: string, port: string, pkts: number) =>
    `${'Fa0/1'.padEnd(14)}${src.padEnd(16)}${'Se0/0'.padEnd(14)}${dst.padEnd(16)}06 ${(1024 + (rows.length % 60000)).toString(16).toUpperCase().padStart(4, '0')} ${port} ${String(pkts).padStart(5)}`;
  for (let i = 0; i < 5000; i++) {
    const src = `10.${1 + (i >> 16)}.${(i >> 8) & 255}.${(i & 255) || 1}`;
    rows.push(row(src, `172.16.0.${1 + (i % 40)}`, '01BB', 20 + (i % 300)));
    rows.push(row(src, `172.16.1.${1 + (i % 40)}`, '0050', 8 + (i % 30)));
  }
  for (const [k, s] of ['10.9.9.1', '10.9.9.2', '10.9.9.3'].entries())
    for (let j = 0; j < 60; j++) rows.push(row(s, `${20 + k * 40 + (j % 37)}.${(j * 7) % 256}.${(j * 13) % 256}.${1 + (j % 250)}`, '0050', 1));
  return rows.join('\n') + '\n';
}

for (const size of SIZES) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${size.width}x${size.height} ${scheme}`, () => {
      test.use({ viewport: size, colorScheme: scheme });
      test.setTimeout(120_000);

      test('the tech note example: fits, acts, prints, axe-clean', async ({ page }) => {
        for (const route of ['./', './#/paste', './#/report']) {
          await page.goto(route);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          expect(await overflow(page), route).toEqual([]);
        }
        await page.goto('./#/example');
        await appRunning(page);
        await expect(page).toHaveURL(/#\/report$/);
        await waitForAnalysis(page);
        await expect(page.locator('[data-finding-id]').first()).toBeVisible();
        await checkHeadline(page);
        await page.screenshot({ path: `test-results/screens/report-${size.width}x${size.height}-${scheme}.png` });
        // Every finding's config in view once, so content-visibility lays it out before measuring.
        for (const f of await page.locator('[data-finding-id]').all()) await f.scrollIntoViewIfNeeded();
        await page.locator('#charts-heading').scrollIntoViewIfNeeded();
        await expect(page.locator('[data-chart="top-sources"]')).toBeVisible();
        expect(await overflow(page), 'report').toEqual([]);
        expect(await axe(page)).toEqual([]);
        for (const route of ['./#/paste', './']) {
          await page.goto(route);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          expect(await overflow(page), `${route} with the example loaded`).toEqual([]);
        }

        // Paper, from the top of the report, charts never scrolled into view: the numbers print as tables.
        await page.goto('./#/report');
        await expect(page.locator('[data-finding-id]').first()).toBeVisible();
        await page.emulateMedia({ media: 'print' });
        await expect(page.getByTestId('chart-tables')).toBeVisible();
        expect(await page.getByTestId('chart-tables').locator('table').count()).toBeGreaterThanOrEqual(4);
        await expect(page.getByText('Charts load when you scroll here.')).toBeHidden();
      });
    });
  }
}

test.describe('a 5,000-host capture on a phone', () => {
  test.use({ viewport: SIZES[0] });
  test.setTimeout(120_000);
  test('fits the screen and names the scanners first', async ({ page }) => {
    await page.goto('./#/paste');
    await appRunning(page);
    // A big capture arrives as a paste event (as from the clipboard), like an engineer's Ctrl+V.
    await pasteBox(page).evaluate((ta, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      ta.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }));
    }, bigCapture());
    await waitForAnalysis(page);
    await page.goto('./#/report');
    await expect(page.locator('[data-finding-id="scanning-host"]').first()).toBeVisible();
    await checkHeadline(page);
    await expect(page.getByTestId('report-headline')).toContainText('3 infected hosts');
    expect(await overflow(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screens/report-5000-hosts-390x844.png' });
  });
});
