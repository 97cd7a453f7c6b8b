// The tech note's example gives a full report on a first visit: findings, hosts, charts, export.
import { expect, test } from '@playwright/test';
import { appRunning, waitForAnalysis } from './helpers';

test("loading the tech note's example shows a complete report", async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: "Load the tech note's example" }).click();
  await expect(page).toHaveURL(/#\/report$/);
  await waitForAnalysis(page);
  await expect(page.locator('[data-finding-id="scanning-host"]').first()).toBeVisible();
  await expect(page.locator('[data-host-ip="193.23.45.35"]')).toHaveAttribute('data-verdict', 'infected');
  // More than the flow sample was read: accounting and the other captures are listed.
  await expect(page.locator('.inputs-summary')).toContainText('show ip accounting');
  await expect(page.locator('.inputs-summary')).toContainText('show ip cache flow');
  // Findings come most severe first.
  const severities = await page.locator('[data-finding-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')));
  const rank = { critical: 0, warning: 1, info: 2 } as Record<string, number>;
  expect(severities.length).toBeGreaterThan(0);
  expect(severities.map((s) => rank[s!])).toEqual([...severities.map((s) => rank[s!])].sort((a, b) => a! - b!));

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download the report/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.md$/);
});

test('#/example (the URL npm start prints) opens the full report, and keeps existing work', async ({ page }) => {
  await page.goto('./#/example');
  await appRunning(page);
  await expect(page).toHaveURL(/#\/report$/);
  await expect(page.locator('[data-host-ip="193.23.45.35"]')).toHaveAttribute('data-verdict', 'infected');
  await page.locator('#charts-heading').scrollIntoViewIfNeeded(); // charts load when scrolled to
  await expect(page.locator('[data-chart="top-sources"]')).toBeVisible();
  // Drawn one a frame (charts.tsx useOnePerFrame), every chart ends up drawn.
  const figures = await page.locator('figure.chart').count();
  expect(figures).toBeGreaterThanOrEqual(4);
  await expect(page.locator('figure.chart .chart-canvas .recharts-wrapper')).toHaveCount(figures);

  await page.goto('./#/paste');
  await page.getByRole('textbox', { name: /router output/i }).first().fill('Router#show ip cache flow\nmine');
  await page.goto('./#/example');
  await appRunning(page);
  await expect(page).toHaveURL(/#\/paste$/);
  await expect(page.getByRole('status').filter({ hasText: 'Your own pastes were kept' })).toBeVisible();
});

test('the print view opens every details block and hides the controls', async ({ page }) => {
  await page.goto('./#/example');
  await appRunning(page);
  await expect(page.locator('[data-finding-id="scanning-host"]').first()).toBeVisible();
  await page.locator('#charts-heading').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-chart="top-sources"]')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.locator('details:not([open])')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Download the report/ })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Start over' })).toBeHidden();
  await expect(page.locator('.remedy-block pre').first()).toBeVisible();
});
