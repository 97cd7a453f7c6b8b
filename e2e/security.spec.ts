// Security in the built app: the CSP is in place and never violated on any route, and hostile markup in a paste
// or inside a link payload is shown as text, never run.
import { expect, test, type Page } from '@playwright/test';
import { encodePayload } from '../src/share/codec';
import { appRunning, pasteBox, sample, waitForAnalysis } from './helpers';
import { APP_ORIGIN, guardContext, makeShareLink } from './security-guards';

const ORIGIN = APP_ORIGIN;
const MARK = '__pwned';
// Each would set window.__pwned (or open a dialog) if it ever ran.
const HOSTILE_IMG = `<img src=x onerror="window.${MARK}=1;alert(1)">`;
const HOSTILE_SCRIPT = `<script>window.${MARK}=2;alert(2)</script>`;

async function nothingRan(page: Page) {
  expect(await page.evaluate((m) => (window as unknown as Record<string, unknown>)[m], MARK)).toBeUndefined();
  expect(await page.locator('img[src="x"], main script').count()).toBe(0);
}

test('the CSP meta tag is in the built page, with the directives the issue asks for', async ({ page }) => {
  await page.goto('./');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "connect-src 'self'", "form-action 'none'"]) {
    expect(csp).toContain(d);
  }
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  // frame-ancestors only works as a header: it is in dist/_headers, not in the meta tag (where it would warn).
  expect(csp).not.toContain('frame-ancestors');
  const headers = await page.request.get('./_headers');
  expect(await headers.text()).toContain("frame-ancestors 'none'");
});

test('no CSP violation and no foreign request on any route', async ({ browser }) => {
  const context = await browser.newContext();
  const guard = await guardContext(context, ORIGIN);
  const page = await context.newPage();
  for (const route of ['./', './#/paste', './#/report', './#/nowhere']) {
    await page.goto(route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.getByRole('button', { name: "Load the tech note's example" }).click();
  await waitForAnalysis(page);
  await expect(page.locator('[data-finding-id]').first()).toBeVisible();
  await expect(page.locator('.charts-section')).toBeVisible();
  await page.locator('.charts-section').scrollIntoViewIfNeeded(); // charts (recharts) load when scrolled near
  await expect(page.locator('.charts-section svg').first()).toBeVisible();
  await page.waitForTimeout(500);
  await makeShareLink(page);
  await guard.check();
  await context.close();
});

test('markup in a pasted hostname is shown as text and never runs, here and through a share link', async ({ browser }) => {
  const context = await browser.newContext();
  const guard = await guardContext(context, ORIGIN);
  const page = await context.newPage();
  await page.goto('./#/paste');
  const flow = sample('seed_show_ip_cache_flow.txt').replace('Router#show ip cache flow', `${HOSTILE_IMG}${HOSTILE_SCRIPT}#show ip cache flow`);
  await pasteBox(page).fill(`${flow}${HOSTILE_IMG}#show version\n${HOSTILE_SCRIPT}\n`);
  await waitForAnalysis(page);
  // The warnings quote the unread lines: the markup is there, as text.
  await expect(page.locator('.paste-status').first()).toContainText(HOSTILE_IMG);
  await nothingRan(page);
  await page.goto('./#/report');
  await expect(page.locator('[data-finding-id]').first()).toBeVisible();
  await nothingRan(page);
  const link = await makeShareLink(page);

  const fresh = await browser.newContext();
  const guard2 = await guardContext(fresh, ORIGIN);
  const page2 = await fresh.newPage();
  await page2.goto(link);
  await waitForAnalysis(page2);
  await expect(page2.locator('[data-finding-id]').first()).toBeVisible();
  await nothingRan(page2);
  await page2.goto(link.replace(/#.*/, '#/paste'));
  await expect(page2.locator('.paste-status').first()).toContainText(HOSTILE_SCRIPT);
  await nothingRan(page2);
  await guard.check();
  await guard2.check();
  await context.close();
  await fresh.close();
});

test('markup inside a crafted link payload (a carried diagnosis) is shown as text and never runs', async ({ browser }) => {
  const context = await browser.newContext();
  const guard = await guardContext(context, ORIGIN);
  const page = await context.newPage();
  const payload = encodePayload({
    mode: 'diagnosis',
    v: 1,
    answers: { cpu: 'interrupt' },
    anonymised: false,
    redacted: 0,
    omitted: ['raw pastes', HOSTILE_SCRIPT],
    diagnosis: {
      version: 1,
      inputs: [{ source: HOSTILE_IMG, kind: 'show ip cache flow', records: 1, warnings: [{ line: 1, message: HOSTILE_SCRIPT }], firstLine: 1, lastLine: 2 }],
      hosts: [{ ip: '10.6.6.6', interface: HOSTILE_SCRIPT, flows: 9, destinations: 9, port80Flows: 9, packetsPerFlow: 1, verdict: 'infected', variant: 'code-red', failedFlows: 9, reasons: [HOSTILE_IMG], inbound: false }],
      findings: [{
        id: 'scanning-host',
        severity: 'critical',
        title: `${HOSTILE_IMG} is scanning`,
        evidence: [{ source: HOSTILE_SCRIPT, line: 2, text: HOSTILE_IMG }],
        remedy: { summary: HOSTILE_SCRIPT, commands: [HOSTILE_IMG], caveats: [HOSTILE_SCRIPT] },
      }],
    },
  });
  await page.goto(`./#/report?d=${payload}`);
  await appRunning(page); // the prerendered example report (hidden) holds scanning-host findings too
  await expect(page.locator('[data-finding-id="scanning-host"]')).toContainText(`${HOSTILE_IMG} is scanning`);
  await expect(page.locator('.shared-link-notice')).toContainText(HOSTILE_SCRIPT);
  await page.waitForTimeout(500);
  await nothingRan(page);
  await guard.check();
  await context.close();
});

test('the guards are not blind: an injected inline script and a foreign image are caught', async ({ browser }) => {
  const context = await browser.newContext();
  const guard = await guardContext(context, ORIGIN);
  const page = await context.newPage();
  await page.goto('./');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = 3';
    document.body.appendChild(s);
    const img = document.createElement('img');
    img.src = 'http://192.0.2.1/beacon.png';
    document.body.appendChild(img);
  });
  await page.waitForTimeout(300);
  await nothingRan(page).catch(() => undefined);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined(); // CSP blocked it
  await expect(guard.check()).rejects.toThrow();
  expect(guard.foreign).toEqual(['http://192.0.2.1/beacon.png']);
  expect(guard.cspViolations.join(' ')).toMatch(/script-src/);
  await context.close();
});
