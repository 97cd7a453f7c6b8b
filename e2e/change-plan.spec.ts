// The change plan (issue 11): shown first on the tech note's example, one copy per step and one for the whole
// script, config steps inside configure terminal ... end, exec steps apart, and the reload safety net on demand.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { appRunning, pasteBox, waitForAnalysis } from './helpers';

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
  // Every step waits on its pre-checks (no running-config: the plan cannot see the lists): no whole-plan copy, the
  // page says why, each step carries its checklist, and the first thing to do is to copy the pre-checks.
  await expect(plan.getByRole('button', { name: 'Copy the whole change plan' })).toHaveCount(0);
  await expect(plan.locator('.plan-alone')).toContainText('so there is no whole-plan copy');
  await expect(plan.getByRole('note', { name: 'Before pasting step 1' })).toContainText('Paste it only if show access-lists on that ACL prints an Extended IP access list with entries');
  await expect(page.getByTestId('report-headline').getByRole('button', { name: /^Copy the pre-checks of the change plan for / })).toBeVisible();
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
  await expect(plan.locator('[data-plan-step]').first()).not.toContainText(/reload in \d+/);
  await plan.getByRole('checkbox', { name: /safety net/ }).check();
  // (Its timer sized to the plan: more minutes for steps pasted one at a time; the step says to re-arm it.)
  await expect(plan.locator('[data-plan-step]').first()).toContainText(/reload in (1\d|20)\b/);
  await expect(plan.getByRole('note', { name: 'Before pasting step 1' })).toContainText('show running-config | include Last configuration change|NVRAM config last updated');
  await expect(plan.locator('[data-plan-step]').last()).toContainText('reload cancel');
});

test('a plan whose steps wait on nothing is offered whole: a copy of ACL 120 on an IOS without sequence numbers', async ({ page }) => {
  const read = (p: string) => readFileSync(new URL(`../src/core/${p}`, import.meta.url), 'utf8');
  await page.goto('./#/paste');
  await pasteBox(page).fill(`${read('rules/fixtures/constructed-cache-flow-code-red-ii.txt')}\n${read('plan/fixtures/constructed-acl120-fa00-ios121.txt')}`);
  await waitForAnalysis(page);
  await page.getByRole('link', { name: 'See the report' }).click();
  const plan = page.locator('.change-plan').first();
  await expect(plan.getByRole('button', { name: 'Copy the whole change plan' })).toBeVisible();
  await expect(plan.locator('.plan-alone')).toHaveCount(0);
  await expect(plan.locator('.step-gate')).toHaveCount(0);
  await expect(plan).toContainText('ip access-group 150 in');
  await expect(page.getByTestId('report-headline').getByRole('button', { name: /^Copy the whole change plan for / })).toBeVisible();
});

test('an NX-OS config gets its plan in NX-OS syntax, with a checkpoint for its safety net', async ({ page }) => {
  // An NX-OS config and port-80 flows from a host behind Vlan20 (src/core/plan/fixtures/README.md).
  const paste = readFileSync(new URL('../src/core/plan/fixtures/constructed-nxos-n9k-core.txt', import.meta.url), 'utf8');
  await page.goto('./#/paste');
  await pasteBox(page).fill(paste);
  await waitForAnalysis(page);
  await page.getByRole('link', { name: 'See the report' }).click();
  const plan = page.locator('.change-plan').first();
  await expect(plan.locator('h3')).toHaveText('Change plan for N9K-CORE, in NX-OS syntax');
  await expect(plan).toContainText('ip access-list SERVERS-IN');
  await expect(plan).toContainText('no ip route 0.0.0.0/0 Vlan10');
  await expect(plan).toContainText('clear ip arp');
  await expect(plan).not.toContainText('ip access-list extended');
  await expect(plan).not.toContainText('ip cef');
  await plan.getByRole('checkbox', { name: /safety net/ }).check();
  await expect(plan.locator('[data-plan-step]').first()).toContainText('checkpoint code-red-triage');
  await expect(plan).not.toContainText('reload in');
});

test('an ASA config gets no plan, and the page says why rather than "no change to make"', async ({ page }) => {
  const paste = [
    'fw# show running-config',
    ': Saved',
    'ASA Version 9.8(2)',
    'hostname fw',
    'interface Ethernet0/1',
    ' nameif inside',
    ' security-level 100',
    ' ip address 192.168.1.1 255.255.255.0',
    'access-list INSIDE_IN extended permit ip any any',
    'access-group INSIDE_IN in interface inside',
    ': end',
    'fw# show ip cache flow',
    'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts',
    ...Array.from({ length: 40 }, (_, i) => `Et0/1         192.168.1.55    Et0/0         ${i + 11}.${(i * 7) % 250}.${(i * 13) % 250}.${i + 1}   06 0B8A 0050     1`),
  ].join('\n');
  await page.goto('./#/paste');
  await pasteBox(page).fill(paste);
  await waitForAnalysis(page);
  await page.getByRole('link', { name: 'See the report' }).click();
  await expect(page.locator('[data-finding-id="scanning-host"]')).toContainText('This is an ASA configuration');
  await expect(page.getByText("The configuration pasted is an ASA's")).toBeVisible();
  await expect(page.locator('.change-plan')).toHaveCount(0);
  await expect(page.getByText('No change to make')).toHaveCount(0);
});
