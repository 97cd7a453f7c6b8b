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
