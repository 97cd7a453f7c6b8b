// Shared e2e helpers: the tech note's samples (from the app's own copy) and common waits.
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

const SAMPLES = new URL('../src/features/example/samples/', import.meta.url);

export function sample(name: string): string {
  return readFileSync(new URL(name, SAMPLES), 'utf8');
}

/** Wait until the worker has answered for the current input. */
export async function waitForAnalysis(page: Page): Promise<void> {
  await expect(page.locator('[data-run-status="done"]')).toBeVisible({ timeout: 15_000 });
}

export function pasteBox(page: Page, n = 0) {
  return page.getByRole('textbox', { name: /router output/i }).nth(n);
}

/**
 * Wait until the app has replaced the prerendered first screen (index.html, src/prerender): before that, a
 * textarea or drop zone on the page is the prerendered one, with no handlers. Clicks and typing need no wait
 * (prerendered controls are disabled, so Playwright waits for the app's), events dispatched by hand and
 * setInputFiles do.
 */
export async function appRunning(page: Page): Promise<void> {
  await expect(page.locator('.shell-page')).toHaveCount(0, { timeout: 15_000 });
}

/** The work the store keeps in IndexedDB, as JSON text ("null" when nothing is stored yet). */
export async function readStored(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('code-red-triage', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('kv');
        req.onsuccess = () => {
          const get = req.result.transaction('kv').objectStore('kv').get('code-red-triage');
          get.onsuccess = () => {
            req.result.close();
            resolve(JSON.stringify(get.result ?? null));
          };
          get.onerror = () => reject(get.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );
}
