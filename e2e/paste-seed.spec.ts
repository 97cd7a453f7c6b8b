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
  // Remedy first: the evidence is folded under it, with its count (issue 17).
  const evidence = finding.locator('.evidence-block');
  await expect(evidence.locator('summary')).toContainText(/Evidence \(\d+ lines\)/);
  await expect(finding.locator('.evidence li').first()).toBeHidden();
  await evidence.locator('summary').click();
  await expect(finding.locator('.evidence li').first()).toBeVisible();
  const all = await finding.locator('.evidence li').count();
  expect(all).toBeGreaterThan(1);
  // The infected host: its lines are the evidence, opened and said beside the table, where the click was.
  await page.locator('[data-host-ip="193.23.45.35"]').getByRole('button', { name: '193.23.45.35' }).click();
  await expect(finding).toContainText(`Evidence (${all} of ${all} lines mention 193.23.45.35)`);
  await expect(page.locator('.host-filter-status')).toContainText('193.23.45.35');
  for (const text of await finding.locator('.evidence li').allInnerTexts()) expect(text).toContain('193.23.45.35');
  // A host the scan evidence never quotes (an inbound probe to a null route): nothing of it is shown.
  await page.locator('[data-host-ip="211.101.189.208"]').getByRole('button', { name: '211.101.189.208' }).click();
  await expect(finding).toContainText(`Evidence (0 of ${all} lines mention 211.101.189.208)`);
  await expect(finding.locator('.evidence li')).toHaveCount(0);
  await finding.getByRole('button', { name: 'Show all the evidence' }).click();
  await expect(finding.locator('.evidence li')).toHaveCount(all);
});
