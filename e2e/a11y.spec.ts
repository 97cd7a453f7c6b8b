// axe: no violations on any route, in light and dark, empty and with the tech note's example loaded.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { pasteBox, waitForAnalysis } from './helpers';

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(' ')} (${v.nodes[0]?.failureSummary ?? ''})`);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    // axe walks the whole report (charts included): slower than a journey.
    test.setTimeout(120_000);

    test('empty routes', async ({ page }) => {
      for (const route of ['./', './#/paste', './#/report']) {
        await page.goto(route);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await axe(page), route).toEqual([]);
      }
    });

    test('routes with the example loaded', async ({ page }) => {
      await page.goto('./');
      await page.getByRole('radio', { name: 'High at interrupt level (e.g. 99%/98%)' }).check();
      await page.getByRole('button', { name: "Load the tech note's example" }).click();
      await waitForAnalysis(page);
      await page.locator('#charts-heading').scrollIntoViewIfNeeded(); // charts load when scrolled to
      await expect(page.locator('[data-chart="top-sources"]')).toBeVisible();
      await page.locator('.hosts details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
      expect(await axe(page), 'report').toEqual([]);
      await page.goto('./#/paste');
      await expect(page.locator('.paste-status').first()).toContainText('Recognised');
      expect(await axe(page), 'paste').toEqual([]);
      await page.goto('./');
      await expect(page.getByTestId('likely-causes')).toBeVisible();
      expect(await axe(page), 'start').toEqual([]);
    });

    test('the report of an NX-OS config, its plan in NX-OS syntax with the checkpoint net on', async ({ page }) => {
      await page.goto('./#/paste');
      await pasteBox(page).fill(readFileSync(new URL('../src/core/plan/fixtures/constructed-nxos-n9k-core.txt', import.meta.url), 'utf8'));
      await waitForAnalysis(page);
      await page.goto('./#/report');
      const plan = page.locator('.change-plan').first();
      await plan.getByRole('checkbox', { name: /safety net/ }).check();
      await expect(plan.locator('[data-plan-step]').first()).toContainText('checkpoint');
      expect(await axe(page), 'report').toEqual([]);
    });
  });
}
