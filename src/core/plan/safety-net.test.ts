// The safety net's words: the timed reload happens unless cancelled, its timer fits the plan, and the reload's loss of
// unsaved changes is checked before it is armed (red-team round: "if the session is cut, it reloads" was wrong).
import { describe, expect, it } from 'vitest';
import type { ChangePlan, PlanStep } from '../types';
import { buildModel } from './config-model';
import { planOutline, wholePlanParts } from './plan-text';
import { RELOAD_MAX_MINUTES, reloadMinutes, UNSAVED_CHECK, withoutSafetyNet, withSafetyNet } from './safety-net';
import { gatedOut, stepWords } from './testing/plan-checks';

const http: PlanStep = { mode: 'config', findings: ['http-server-enabled'], why: 'Off.', commands: ['no ip http server'] };
const gated = (n: number): PlanStep => ({
  mode: 'config',
  findings: ['scanning-host'],
  why: 'Block.',
  commands: [`access-list 15${n} deny tcp any any eq www`],
  gate: [`If the pre-check (show ip access-lists 15${n}) lists entries, do not paste it.`],
});
const plan = (steps: PlanStep[], platform?: 'nx-os'): ChangePlan => ({ router: 'R', precheck: ['show version'], steps, verify: ['show access-lists'], rollback: [], ...(platform ? { platform } : {}) });

describe('the IOS safety net', () => {
  it('says the router reloads unless reload cancel is typed, cut or not, and how to re-arm it; never "if the session is cut, it reloads"', () => {
    const first = withSafetyNet(plan([http])).steps[0]!;
    expect(first.commands).toEqual(['reload in 10']);
    expect(first.why).toContain('it reloads in 10 minutes unless reload cancel is typed before then, whether the session is cut or not');
    expect(first.why).toContain('type reload in 10 again before the time is up');
    expect(first.why).toContain('reload cancel is the last step');
    expect(first.why).toContain('every other change not saved');
    expect(first.why).not.toMatch(/if the session is cut, it reloads/);
  });

  it('checks for unsaved changes before it is armed: the reload would throw them away', () => {
    const first = withSafetyNet(plan([http])).steps[0]!;
    expect(UNSAVED_CHECK).toBe('show running-config | include Last configuration change|NVRAM config last updated');
    expect(first.gate).toHaveLength(1);
    expect(first.gate![0]).toContain(UNSAVED_CHECK);
    expect(first.gate![0]).toContain('only if you know what they are and they are wanted; otherwise do not use the safety net');
    // Shown as the step's checks in the CLI and Markdown outline.
    expect(planOutline(withSafetyNet(plan([http]))).find((p) => p.heading.startsWith('Step 1'))!.checks).toEqual(first.gate);
  });

  it('sizes the timer to the plan: 10 minutes pasted in one go, 5 more a step pasted on its own, at most 20', () => {
    expect(reloadMinutes(plan([http]))).toBe(10);
    expect(reloadMinutes(plan([gated(1), http]))).toBe(15);
    expect(reloadMinutes(plan([gated(1), gated(2), gated(3), gated(4), http]))).toBe(RELOAD_MAX_MINUTES);
    expect(RELOAD_MAX_MINUTES).toBe(20);
    const safe = withSafetyNet(plan([gated(1), http]));
    expect(safe.steps[0]!.commands).toEqual(['reload in 15']);
    expect(safe.steps[0]!.why).toContain('type reload in 15 again');
    // The net's own steps do not count: the same minutes with the net on.
    expect(reloadMinutes(safe)).toBe(15);
    expect(withoutSafetyNet(safe)).toEqual(plan([gated(1), http]));
  });

  it('stays typed by hand, and its gate is no reason for the plan checker to leave a step out', () => {
    const safe = withSafetyNet(plan([http]));
    expect(wholePlanParts(safe)).toEqual({ pasted: [2], alone: [] });
    const router = buildModel(undefined);
    expect(gatedOut(safe.steps[0]!, router)).toBe(false);
    expect(stepWords(safe.steps[0]!)).toContain(UNSAVED_CHECK);
  });

  it('ends with reload cancel, the last step, after the checks', () => {
    const safe = withSafetyNet(plan([http]));
    expect(safe.steps.at(-1)).toMatchObject({ mode: 'exec', commands: ['reload cancel'] });
    expect(safe.steps.at(-1)!.why).toMatch(/^The last step, once the verification output looks right/);
  });
});

describe('the NX-OS safety net (a checkpoint, no timer)', () => {
  it('keeps changes not saved on the way back, so it has no unsaved-changes gate, and nothing happens by itself', () => {
    const safe = withSafetyNet(plan([http], 'nx-os'));
    expect(safe.steps[0]!.commands).toEqual(['checkpoint code-red-triage']);
    expect(safe.steps[0]!.gate).toBeUndefined();
    expect(safe.steps[0]!.why).toContain('Nothing happens by itself');
    expect(safe.steps[0]!.why).toContain('changes not yet saved included, so going back to it undoes the plan only');
    expect(safe.steps[0]!.why).not.toMatch(/reload in/);
    expect(safe.steps.at(-1)!.why).toMatch(/^The last step, /);
  });
});
