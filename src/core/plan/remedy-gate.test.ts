// A finding's own commands carry the checks of the plan steps they come from (remedy.gate): the same checks its card
// shows above those lines, so the text report, the Markdown and --json never print a gated line without them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import type { ChangePlan, Diagnosis, Finding, Paste, PlanStep } from '../types';
import { partGate } from './plans';

const here = (name: string): Paste => ({ source: name, text: readFileSync(join(__dirname, 'fixtures', name), 'utf8') });
const rules = (name: string): Paste => ({ source: name, text: readFileSync(join(__dirname, '../rules/fixtures', name), 'utf8') });

/** Two hosts seen by show ip accounting (no interface), one behind each LAN of constructed-two-lans-acl120.txt. */
function accounting(): Paste {
  const rows = (ip: string, first: number) =>
    Array.from({ length: 40 }, (_, i) => ` ${ip.padEnd(16)} ${`${first + i}.${(i * 7) % 250}.${(i * 13) % 250}.${i + 1}`.padEnd(24)} ${'1'.padStart(7)} ${'48'.padStart(19)}`);
  return { source: 'acct', text: ['R1#show ip accounting', '   Source           Destination              Packets               Bytes', ...rows('10.1.1.5', 11), ...rows('10.2.2.9', 61), '', 'Accounting data age is 5'].join('\n') };
}

/**
 * The finding card's steps (features/report/findings-list.tsx partOf): the steps naming the finding whose lines are
 * all in its commands, when they add up to them; undefined otherwise.
 */
function cardSteps(plans: readonly ChangePlan[] | undefined, f: Finding): PlanStep[] | undefined {
  const steps = (plans ?? []).flatMap((p) => p.steps).filter((s) => s.findings.includes(f.id) && !/^reload\b/.test(s.commands[0] ?? ''));
  const mine = steps.filter((s) => s.commands.every((c) => f.remedy.commands.includes(c)));
  return mine.flatMap((s) => s.commands).join('\n') === f.remedy.commands.join('\n') ? mine : undefined;
}

const withGates = (d: Diagnosis) => d.findings.filter((f) => f.remedy.gate !== undefined);

describe('remedy.gate', () => {
  it('gives each of two scanning hosts its own step\'s checks (a config cut short: both steps are gated)', () => {
    const cfg = here('constructed-two-lans-acl120.txt');
    const cut = { ...cfg, text: cfg.text.slice(0, cfg.text.indexOf('access-list 120')) };
    const d = diagnose([cut, accounting()]);
    const [fa0, fa1] = d.findings.filter((f) => f.id === 'scanning-host');
    const [s1, s2] = d.plans![0]!.steps;
    expect(fa0!.remedy.commands).toEqual(s1!.commands);
    expect(fa0!.remedy.gate).toEqual(s1!.gate);
    expect(fa0!.remedy.gate!.join(' ')).toContain('Paste it only if show access-lists on that ACL prints an Extended IP access list with entries');
    expect(fa1!.remedy.commands).toEqual(s2!.commands);
    expect(fa1!.remedy.gate).toEqual(s2!.gate);
    expect(fa1!.remedy.gate!.join(' ')).toContain('show access-lists 150 must print nothing before it is pasted');
  });

  it('is absent when the finding\'s steps wait on nothing', () => {
    const d = diagnose([rules('constructed-cache-flow-code-red-ii.txt'), here('constructed-acl120-fa00-ios121.txt')]);
    expect(d.plans![0]!.steps.some((s) => s.gate)).toBe(false);
    expect(d.findings.filter((f) => f.remedy.commands.length > 0).length).toBeGreaterThan(0);
    expect(withGates(d)).toEqual([]);
  });

  it('is in NX-OS\'s words on an NX-OS plan, as its steps\' are', () => {
    const d = diagnose([here('constructed-nxos-n9k-core.txt')]);
    expect(d.findings.find((f) => f.id === 'scanning-host')!.remedy.gate!.join(' ')).toContain('show ip access-lists SERVERS-IN shows the sequence numbers');
    for (const f of d.findings) {
      const steps = cardSteps(d.plans, f);
      if (steps) expect(f.remedy.gate ?? []).toEqual([...new Set(steps.flatMap((s) => s.gate ?? []))]);
    }
  });

  // Every plan fixture with the flows the plan tests use: the gate the card shows from the plan's steps, and no other.
  const flows = ['seed-cache-flow.txt', 'constructed-cache-flow-code-red-ii.txt'];
  const configs = [
    'constructed-acl120-fa00.txt',
    'constructed-acl120-fa00-ios121.txt',
    'constructed-acl120-fa00-ios121-cut.txt',
    'constructed-named-acl-fa00.txt',
    'constructed-dangling-acl101-fa00.txt',
    'constructed-dangling-acl101-fa00-cut.txt',
    'constructed-empty-acl-fa00.txt',
    'constructed-two-lans-acl120.txt',
  ];
  const cases = [...flows.map((f) => [f, [rules(f)]] as const), ...flows.flatMap((f) => configs.map((c) => [`${f} + ${c}`, [rules(f), here(c)]] as const))];
  it.each(cases)('%s: the same checks as the card shows', (_name, pastes) => {
    const d = diagnose([...pastes]);
    for (const f of d.findings) {
      const steps = cardSteps(d.plans, f);
      if (!steps) continue;
      const shown = [...new Set(steps.flatMap((s) => s.gate ?? []))];
      expect(f.remedy.gate ?? []).toEqual(shown);
      if (shown.length === 0) expect(f.remedy).not.toHaveProperty('gate');
    }
  });

  it('the seed flows alone (no config: every block waits on its pre-checks) carry it', () => {
    const d = diagnose([rules('seed-cache-flow.txt')]);
    const scan = d.findings.find((f) => f.id === 'scanning-host')!;
    expect(scan.remedy.gate?.join(' ')).toContain('Paste it only if show access-lists on that ACL prints an Extended IP access list with entries');
  });
});

describe('partGate', () => {
  const f = { id: 'scanning-host', severity: 'critical', title: 't', evidence: [], remedy: { summary: '', commands: [], caveats: [] } } as Finding;
  const step = (commands: string[], gate?: string[], findings: PlanStep['findings'] = ['scanning-host']): PlanStep => ({ mode: 'config', findings, why: '', commands, ...(gate ? { gate } : {}) });

  it('takes the steps that make up the part, in order, each check once', () => {
    const steps = [step(['a'], ['g1']), step(['b'], ['g2', 'g1']), step(['c'], ['g3']), step(['d'], ['g4'], ['http-server-enabled'])];
    expect(partGate(steps, f, ['b', 'c'])).toEqual(['g2', 'g1', 'g3']);
    expect(partGate(steps, f, ['a'])).toEqual(['g1']);
  });

  it('when the part is not whole steps, takes every step naming the finding that shares a line with it', () => {
    const steps = [step(['a', 'b'], ['g1']), step(['c'], ['g2']), step(['e'], ['g3'])];
    expect(partGate(steps, f, ['b', 'c'])).toEqual(['g1', 'g2']);
  });
});
