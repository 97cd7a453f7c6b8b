// Guards every share/offline/security journey uses: no request leaves the origin, no CSP violation, nothing
// injected runs (no dialog, no marker set by hostile markup), and the report read as plain facts to compare.
import { expect, type BrowserContext, type Page } from '@playwright/test';

export interface Guard {
  foreign: string[];
  cspViolations: string[];
  dialogs: string[];
  /** The next dialog is the app's own (e.g. "Start over" asks first): leave it to the test. */
  allowDialog(): void;
  /** Assert all three lists are empty (call at the end of a journey). */
  check(): Promise<void>;
}

/** The app's origin under test (playwright.config.ts: E2E_PORT, default vite preview's 4173). */
export const APP_ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173)}`;

/** Schemes that never leave the machine; anything else must be the page's own origin. */
const LOCAL_SCHEMES = ['data:', 'blob:', 'file:', 'chrome-extension:'];

/** Collect what the pages of a context do. `origin` is the app's origin, or null for file:// pages. */
export async function guardContext(context: BrowserContext, origin: string | null): Promise<Guard> {
  const g = { foreign: [] as string[], cspViolations: [] as string[], dialogs: [] as string[] };
  let allowed = 0;
  context.on('request', (r) => {
    const url = r.url();
    if (LOCAL_SCHEMES.some((s) => url.startsWith(s))) return;
    if (origin !== null && new URL(url).origin === origin) return;
    g.foreign.push(url);
  });
  // The service worker's own fetches are requests too; they are covered above through the context.
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) g.cspViolations.push(`console: ${m.text()}`);
    });
    page.on('dialog', (d) => {
      if (allowed > 0) {
        allowed--; // the app's own confirm, answered by the test
        return;
      }
      g.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    ...g,
    allowDialog() {
      allowed++;
    },
    async check() {
      for (const page of context.pages()) {
        if (page.isClosed()) continue;
        const v = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => []);
        g.cspViolations.push(...v);
      }
      expect(g.foreign, 'requests that left the origin').toEqual([]);
      expect(g.cspViolations, 'CSP violations').toEqual([]);
      expect(g.dialogs, 'dialogs opened by injected code').toEqual([]);
    },
  };
}

/** What a report shows, as plain facts: finding ids, flagged hosts, chart tables. */
export async function reportFacts(page: Page) {
  await expect(page.locator('[data-finding-id]').first()).toBeVisible({ timeout: 15_000 });
  const findings = await page.locator('[data-finding-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding-id')));
  const hosts = await page
    .locator('[data-host-ip]')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-host-ip')}=${e.getAttribute('data-verdict')}`).filter((s) => !s.endsWith('=clean')));
  // Charts load lazily, when scrolled near: bring them in and wait for their tables (or the no-data line).
  await page.locator('.charts-section').scrollIntoViewIfNeeded();
  // The charts' own tables (figures), not the print-only copy that is in the page from the start.
  await expect(page.locator('.charts-section figure table').first().or(page.locator('.charts-section').getByText('No flow data to chart'))).toBeAttached({ timeout: 15_000 });
  const charts = await page.locator('.charts-section figure table').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  return { findings, hosts, charts };
}

/** Press the share button and read the link from the field beside it. */
export async function makeShareLink(page: Page, opts: { anonymise?: boolean } = {}): Promise<string> {
  if (opts.anonymise) await page.getByLabel(/Anonymise addresses and names/).check();
  await page.getByRole('button', { name: /share link/i }).click();
  const field = page.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#\/report\?d=v1\./);
  return field.inputValue();
}
