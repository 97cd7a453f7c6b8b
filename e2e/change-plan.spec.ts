// The change plan (issue 11): shown first on the tech note's example, one copy per step and one for the whole
// script, config steps inside configure terminal ... end, exec steps apart, and the reload safety net on demand.
import { expect, test } from '@playwright/test';
import { appRunning, waitForAnalysis } from './helpers';

test("the tech note's example shows its remedies as one change plan, first", async ({ page }) => {
  await page.goto('./#/example');
  await appRunning(page);
  await expect(page).toHaveURL(/#\/report$/);
  await waitForAnalysis(page);
  const plan = page.locator('.change-plan').first();
  await expect(plan).toBeVisible();
  // The plan comes before the findings.
  const order = await page.locator('h2').allTextContents();
  expect(order.indexOf('Change plan')).toBeGreaterThanOrEqual(0);
  expect(order.indexOf('Change plan')).toBeLessThan(order.indexOf('Findings'));
  await expect(plan.getByRole('button', { name: 'Copy the whole change plan' })).toBeVisible();
  const steps = plan.locator('[data-plan-step]');
  expect(await steps.count()).toBeGreaterThan(1);
  await expect(plan.getByRole('button', { name: 'Copy step 1' })).toBeVisible();
  // No running-config in the example: the plan says it cannot see Vlan1's ACLs and never binds a new list.
  await expect(plan).toContainText('show ip interface Vlan1 | include access list');
  await expect(plan).not.toContainText('ip access-group');
  // Exec lines sit in their own steps, never between configure terminal and end.
  for (const step of await plan.locator('[data-plan-mode="config"] code').allTextContents()) {
    expect(step.startsWith('configure terminal')).toBe(true);
    expect(step).not.toMatch(/\n(clear|undebug|show) /);
  }
  // Human words, not finding ids, in the step headings.
  await expect(plan.locator('[data-plan-step] h4').first()).not.toContainText('scanning-host');
  await expect(plan.locator('[data-plan-step]').first()).not.toContainText('reload in 10');
  await plan.getByRole('checkbox', { name: /safety net/ }).check();
  await expect(plan.locator('[data-plan-step]').first()).toContainText('reload in 10');
  await expect(plan.locator('[data-plan-step]').last()).toContainText('reload cancel');
});
