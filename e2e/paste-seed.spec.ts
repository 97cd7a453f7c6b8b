// Pasting the tech note's show ip cache flow: the scanning-host finding and 193.23.45.35 infected.
import { expect, test } from '@playwright/test';
import { pasteBox, sample, waitForAnalysis } from './helpers';

test('pasting the seed flow sample shows the scanning host and its remedy', async ({ page }) => {
  await page.goto('./#/paste');
  await pasteBox(page).fill(sample('seed_show_ip_cache_flow.txt'));
  await waitForAnalysis(page);
  // Live status next to the paste: what it was recognised as, and how many rows.
  await expect(page.locator('.paste-status')).toContainText('show ip cache flow');
  await expect(page.locator('.paste-status')).toContainText('10 records');

  await page.getByRole('link', { name: 'See the report' }).click();
  const finding = page.locator('[data-finding-id="scanning-host"]');
  await expect(finding).toBeVisible();
  await expect(finding).toContainText('193.23.45.35');
  await expect(finding).toContainText('interface Vlan1');
  await expect(finding).toContainText('access-list');
  await expect(page.locator('[data-host-ip="193.23.45.35"]')).toHaveAttribute('data-verdict', 'infected');
  // Evidence cites source:line and the line itself.
  await expect(finding.locator('.evidence li').first()).toContainText(/paste 1:\d+/);
});

test('clicking a source filters the evidence to its lines', async ({ page }) => {
  await page.goto('./#/paste');
  await pasteBox(page).fill(sample('seed_show_ip_cache_flow.txt'));
  await waitForAnalysis(page);
  await page.goto('./#/report');
  const finding = page.locator('[data-finding-id="scanning-host"]');
  await expect(finding.locator('.evidence li').first()).toBeVisible();
  const all = await finding.locator('.evidence li').count();
  expect(all).toBeGreaterThan(1);
  await page.locator('[data-host-ip="211.101.189.208"]').getByRole('button', { name: '211.101.189.208' }).click();
  await expect(finding).toContainText('lines mentioning 211.101.189.208');
  for (const text of await finding.locator('.evidence li').allInnerTexts()) expect(text).toContain('211.101.189.208');
  await finding.getByRole('button', { name: 'Show all' }).click();
  await expect(finding.locator('.evidence li')).toHaveCount(all);
});
