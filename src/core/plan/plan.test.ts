// Change plans end to end (issue 11): an ACL in place is kept, the default route never disappears, modes never mix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../diagnose';
import { configs } from '../rules/parsed-facts';
import type { ChangePlan, Paste } from '../types';
import { apply } from './apply';
import { fallbackIntents } from './fallback-intents';
import { buildModel, takesSequenceNumbers } from './config-model';
import { reloadMinutes, withoutSafetyNet, withSafetyNet } from './safety-net';
import { planScript } from './plan-text';
import { planProblems, routerProblems } from './testing/plan-checks';

const here = (name: string): Paste => ({ source: name, text: readFileSync(join(__dirname, 'fixtures', name), 'utf8') });
const rules = (name: string): Paste => ({ source: name, text: readFileSync(join(__dirname, '../rules/fixtures', name), 'utf8') });

/** The plan and the model of the config it was built on. */
function planOf(pastes: Paste[]): { plan: ChangePlan; model: ReturnType<typeof buildModel> } {
  const d = diagnoseDetailed(pastes);
  const cfg = configs({ sections: d.sections })[0]?.data;
  const plans = d.diagnosis.plans ?? [];
  expect(plans).toHaveLength(1);
  return { plan: plans[0]!, model: buildModel(cfg) };
}

describe('an inbound ACL in place is kept (ip access-group 120 in on the infected host\'s interface)', () => {
  it('IOS 12.4 with ACL 120 shared by two interfaces: a copy of 120 behind the port-80 deny, swapped in on Fa0/0 only', () => {
    const { plan, model } = planOf([rules('constructed-cache-flow-code-red-ii.txt'), here('constructed-acl120-fa00.txt')]);
    expect(planProblems(model, plan)).toEqual([]);
    const after = apply(model, plan).model;
    const bound = after.interfaces['fastethernet0/0']!.groups.in!;
    expect(bound).not.toBe('120');
    expect(after.acls[bound]!.entries.map((e) => e.text)).toEqual([
      'deny tcp any any eq www',
      'remark block SQL Slammer',
      'deny udp any any eq 1434',
      'permit ip any any',
    ]);
    // Fa0/1 still filters outbound with the untouched ACL 120.
    expect(after.interfaces['fastethernet0/1']!.groups.out).toBe('120');
    expect(after.acls['120']).toEqual(model.acls['120']);
  });

  it('IOS 12.1 (no sequence numbers): the same copy; never a bare `ip access-group` over ACL 120', () => {
    const { plan, model } = planOf([rules('constructed-cache-flow-code-red-ii.txt'), here('constructed-acl120-fa00-ios121.txt')]);
    expect(planProblems(model, plan)).toEqual([]);
    const block = plan.steps.find((s) => s.findings.includes('scanning-host'))!;
    expect(block.commands).toEqual([
      'access-list 150 deny tcp any any eq www',
      'access-list 150 remark block SQL Slammer',
      'access-list 150 deny udp any any eq 1434',
      'access-list 150 permit ip any any',
      'interface FastEthernet0/0',
      ' ip access-group 150 in',
    ]);
    expect(block.why).toContain('IOS 12.1 does not prove sequence-numbered editing');
    expect(plan.rollback.flatMap((r) => r.commands)).toEqual(['interface FastEthernet0/0', ' ip access-group 120 in', 'no access-list 150']);
  });

  it('IOS 15.1 named ACL not shared: the deny goes in at the top by sequence number; the back-out removes it by number', () => {
    const { plan, model } = planOf([rules('constructed-cache-flow-code-red-ii.txt'), here('constructed-named-acl-fa00.txt')]);
    expect(planProblems(model, plan)).toEqual([]);
    const block = plan.steps.find((s) => s.findings.includes('scanning-host'))!;
    expect(block.commands).toEqual(['ip access-list extended EDGE_IN', ' 1 deny tcp any any eq www']);
    const after = apply(model, plan).model;
    expect(after.interfaces['fastethernet0/0']!.groups.in).toBe('EDGE_IN');
    // The log-free copy (acl-log-keyword) is built after the insertion, so it carries the deny too.
    expect(plan.rollback.flatMap((r) => r.commands)).toContain(' no 1');
  });

  it('with no running-config the plan says it cannot see the ACLs, pre-checks first, inserts by sequence number', () => {
    const d = diagnose([rules('constructed-cache-flow-code-red-ii.txt')]);
    const plan = d.plans![0]!;
    expect(plan.precheck[0]).toBe('show ip interface FastEthernet0/0 | include access list');
    const block = plan.steps.find((s) => s.findings.includes('scanning-host'))!;
    expect(block.why).toContain('No running-config was pasted, so this plan cannot see the access lists on FastEthernet0/0');
    expect(block.commands.join('\n')).not.toMatch(/ip access-group/);
    expect(block.commands[1]).toBe(' 1 deny tcp any any eq www');
  });
});

describe('an interface bound to a list the config does not define (ip access-group 101 in, no access-list 101)', () => {
  it('read to its end: a new list built whole (the deny, then permit ip any any) is bound in its place; 101 is never created', () => {
    const { plan, model } = planOf([rules('constructed-cache-flow-code-red-ii.txt'), here('constructed-dangling-acl101-fa00.txt')]);
    expect(model.interfaces['fastethernet0/0']!.groups.in).toBe('101');
    expect(model.acls['101']).toBeUndefined();
    // (Checks too that Fa0/0, open before, never drops all it does not permit.)
    expect(planProblems(model, plan)).toEqual([]);
    const lines = plan.steps.flatMap((s) => s.commands);
    expect(lines.some((l) => /^ip access-list extended 101$|^access-list 101 /.test(l))).toBe(false);
    const after = apply(model, plan).model;
    const bound = after.interfaces['fastethernet0/0']!.groups.in!;
    expect(bound).not.toBe('101');
    expect(after.acls[bound]!.entries.map((e) => e.text).at(-1)).toBe('permit ip any any');
    expect(plan.precheck).toContain('show access-lists 101');
    expect(plan.steps[0]!.why).toMatch(/does not define.*lets everything through/s);
    expect(plan.steps[0]!.gate).toEqual([expect.stringMatching(/^If the pre-check \(show access-lists 101\) lists entries, do not paste it/)]);
    // The back-out binds 101 again, as it was.
    expect(plan.rollback.flatMap((s) => s.commands)).toContain(' ip access-group 101 in');
  });

  it('a list of remarks only lets everything through too: a new list built whole is bound in its place, the old one left as it is', () => {
    const { plan, model } = planOf([rules('constructed-cache-flow-code-red-ii.txt'), here('constructed-empty-acl-fa00.txt')]);
    expect(model.acls['EDGE-IN']!.entries.map((e) => e.text)).toEqual(['remark filters to come: nothing here yet']);
    expect(planProblems(model, plan)).toEqual([]);
    const after = apply(model, plan).model;
    const bound = after.interfaces['fastethernet0/0']!.groups.in!;
    expect(bound).not.toBe('EDGE-IN');
    expect(after.acls[bound]!.entries.map((e) => e.text)).toEqual(['deny tcp any any eq www', 'permit ip any any']);
    expect(after.acls['EDGE-IN']).toEqual(model.acls['EDGE-IN']);
    expect(plan.steps[0]!.why).toMatch(/holds no entries.*lets everything through a list with no entries/);
  });

  it('cut short before its end: the entries go in at the top of the list the pre-check names, gated on that list having entries', () => {
    const { plan, model } = planOf([rules('constructed-cache-flow-code-red-ii.txt'), here('constructed-dangling-acl101-fa00-cut.txt')]);
    expect(model.cutShort).toBe(true);
    expect(planProblems(model, plan)).toEqual([]);
    const step = plan.steps.find((s) => s.commands.some((l) => l.startsWith('ip access-list extended <inbound ACL on FastEthernet0/0')))!;
    expect(step.why).toContain('FastEthernet0/0 names ACL 101, which the running-config pasted (cut short before its end) does not show.');
    expect(step.gate?.[0]).toBe('Paste it only if show access-lists on that ACL prints an Extended IP access list with entries, the first numbered above 1.');
    expect(plan.steps.flatMap((s) => s.commands).some((l) => / ip access-group /.test(l))).toBe(false);
  });
});

describe('a running-config cut short inside a list (its last line one of the list\'s entries, no end)', () => {
  it('IOS 12.1, ACL 120 cut after its deny: no copy of 120 is made (it would drop what follows the cut), the finding says why', () => {
    const pastes = [rules('constructed-cache-flow-code-red-ii.txt'), here('constructed-acl120-fa00-ios121-cut.txt')];
    const { plan, model } = planOf(pastes);
    expect(model.tailAcl).toBe('120');
    expect(planProblems(model, plan)).toEqual([]);
    const lines = plan.steps.flatMap((s) => s.commands);
    expect(lines.some((l) => / ip access-group /.test(l))).toBe(false);
    expect(lines.some((l) => /deny udp any any eq 1434/.test(l))).toBe(false);
    const f = diagnose(pastes).findings.find((x) => x.id === 'scanning-host')!;
    expect(f.remedy.caveats.join(' ')).toMatch(/stops inside ACL 120.*a copy of what was pasted would drop the entries the router has after it/);
    // Read to its permit ip any any (what follows it never matches), the same list is copied as before.
    const whole = here('constructed-acl120-fa00-ios121.txt');
    const cutAfterPermit: Paste = { source: 'cut.txt', text: whole.text.replace(/!\nend\n?$/, '') };
    const again = planOf([rules('constructed-cache-flow-code-red-ii.txt'), cutAfterPermit]);
    expect(again.model.cutShort).toBe(true);
    expect(again.model.tailAcl).toBeUndefined();
    expect(again.plan.steps.flatMap((s) => s.commands).some((l) => / ip access-group /.test(l))).toBe(true);
  });
});

describe('a default route at every line (the seed\'s ip route 0.0.0.0 0.0.0.0 Vlan3)', () => {
  it('adds the next-hop route before removing the interface route, and the back-out does the same in reverse', () => {
    const { plan, model } = planOf([rules('seed-cache-flow.txt'), rules('constructed-config-vlan3.txt'), rules('constructed-arp-proxy-explosion.txt')]);
    expect(planProblems(model, plan)).toEqual([]);
    const route = plan.steps.find((s) => s.findings.includes('default-route-to-broadcast-interface') && s.mode === 'config')!;
    expect(route.commands).toEqual(['ip route 0.0.0.0 0.0.0.0 10.10.3.2', 'no ip route 0.0.0.0 0.0.0.0 Vlan3']);
    // One route step serves every finding that asked for it (the ARP findings too), and clear arp-cache is its own exec step.
    expect(route.findings).toEqual(expect.arrayContaining(['default-route-to-broadcast-interface', 'arp-table-explosion']));
    const clear = plan.steps.filter((s) => s.commands.includes('clear arp-cache'));
    expect(clear).toHaveLength(1);
    expect(clear[0]!.mode).toBe('exec');
    let line = 0;
    apply(model, plan, {
      onLine(m) {
        line++;
        expect(m.routes.some((r) => r.prefix === '0.0.0.0' && r.mask === '0.0.0.0'), `line ${line}`).toBe(true);
      },
    });
    expect(line).toBeGreaterThan(2);
  });

  it('a floating default route keeps its distance; a config with two default routes keeps one at every line', () => {
    const { plan, model } = planOf([here('constructed-named-acl-fa00.txt')]);
    expect(planProblems(model, plan)).toEqual([]);
  });
});

describe('no number or name used twice', () => {
  it('the NBAR alternative takes a class-map name the config does not use, and never replaces an outbound ACL', () => {
    const d = diagnose([rules('constructed-cache-flow-code-red-ii.txt'), here('constructed-named-acl-fa00.txt')]);
    const f = d.findings.find((x) => x.id === 'scanning-host')!;
    const nbar = f.remedy.alternatives![1]!.commands;
    expect(nbar[0]).toBe('class-map match-any http-hacks-2');
    expect(nbar).toContain(' class http-hacks-2');
  });

  it('the finding card and the plan agree: each finding\'s commands are its steps\' lines', () => {
    const d = diagnose([rules('seed-cache-flow.txt'), rules('constructed-config-vlan3.txt')]);
    for (const f of d.findings) {
      const lines = d.plans![0]!.steps.filter((s) => s.findings.includes(f.id)).flatMap((s) => s.commands);
      expect(f.remedy.commands, f.id).toEqual(lines);
    }
  });
});

describe('placeholders last', () => {
  it('accounting names no interface: show ip arp does, so the plan pre-checks that interface instead of a placeholder', () => {
    const arp = [
      'Router#show ip arp',
      'Protocol  Address          Age (min)  Hardware Addr   Type   Interface',
      'Internet  20.1.104.194            3   0010.7b3a.1c01  ARPA   Vlan1000',
      'Internet  20.1.145.49             5   0010.7b3a.1c02  ARPA   Vlan1000',
    ].join('\n');
    const d = diagnose([rules('seed-accounting.txt'), { source: 'arp.txt', text: arp }]);
    const block = d.plans![0]!.steps.find((s) => s.findings.includes('scanning-host'))!;
    expect(block.commands[0]).toBe('ip access-list extended <inbound ACL on Vlan1000: show ip interface Vlan1000 | include access list>');
    const bare = diagnose([rules('seed-accounting.txt')]).plans![0]!;
    expect(bare.precheck).toEqual(expect.arrayContaining(['show ip arp 20.1.104.194', 'show ip route 20.1.104.194']));
  });

  it('the NBAR alternative keeps the outbound ACL on the egress interface (a copy behind the dscp deny)', () => {
    const d = diagnose([rules('constructed-cache-flow-code-red-ii.txt'), here('constructed-acl120-fa00.txt')]);
    const nbar = d.findings.find((x) => x.id === 'scanning-host')!.remedy.alternatives![1]!.commands;
    const at = nbar.findIndex((l) => / deny ip any any dscp 1$/.test(l));
    const id = /^access-list (\d+) /.exec(nbar[at]!)![1];
    expect(nbar.slice(at)).toEqual([
      `access-list ${id} deny ip any any dscp 1`,
      `access-list ${id} remark block SQL Slammer`,
      `access-list ${id} deny udp any any eq 1434`,
      `access-list ${id} permit ip any any`,
      'interface FastEthernet0/1',
      ` ip access-group ${id} out`,
    ]);
    // Not the number the plan's own copy took.
    const planIds = d.plans![0]!.steps.flatMap((s) => s.commands).map((l) => /^access-list (\d+) /.exec(l)?.[1]).filter(Boolean);
    expect(planIds).not.toContain(id);
  });
});

describe('safety net and IOS versions', () => {
  it('reload in N first (N sized to the plan: safety-net.test.ts), reload cancel last, flagged; removable again', () => {
    const { plan } = planOf([rules('seed-cache-flow.txt'), rules('constructed-config-vlan3.txt')]);
    const safe = withSafetyNet(plan);
    expect(safe.safetyNet).toBe(true);
    expect(safe.steps[0]).toMatchObject({ mode: 'exec', commands: [`reload in ${reloadMinutes(plan)}`] });
    expect(safe.steps[safe.steps.length - 1]).toMatchObject({ mode: 'exec', commands: ['reload cancel'] });
    expect(withoutSafetyNet(safe)).toEqual(plan);
  });

  it('sequence-numbered ACL editing from 12.2(14)S / 12.3(2)T on', () => {
    const yes = ['12.2(14)S', '12.2(18)SXF7', '12.2(15)T', '12.3(2)T', '12.3(4)', '12.4(25d)', '15.1(4)M', '16.9.5', '12.4'];
    const no = ['12.1(5)T', '12.2(13)T', '12.2(13)S', '12.0(7)T', '12.3(1)T', '11.3(1)', '12.1', 'garbage'];
    for (const v of yes) expect(takesSequenceNumbers(v), v).toBe(true);
    for (const v of no) expect(takesSequenceNumbers(v), v).toBe(false);
  });
});

describe('remedies stated as plain commands', () => {
  it('are split by mode: shows before a change are pre-checks, after it checks; end is dropped; exec verbs get exec steps', () => {
    const f = {
      id: 'netflow-unavailable' as const,
      severity: 'info' as const,
      title: 't',
      evidence: [],
      remedy: { summary: 'Use IP accounting on the egress interface. More.', commands: ['show version', 'interface Vlan3', ' ip accounting', 'end', 'undebug all', 'show ip accounting'], caveats: [] },
    };
    expect(fallbackIntents(f)).toEqual([
      { kind: 'precheck', commands: ['show version'] },
      { kind: 'interface', interface: 'Vlan3', commands: ['ip accounting'], why: 'Use IP accounting on the egress interface.' },
      { kind: 'exec', commands: ['undebug all'], when: 'before', why: 'Use IP accounting on the egress interface.' },
      { kind: 'verify', commands: ['show ip accounting'] },
    ]);
  });
});

describe('the whole-plan copy, pasted in one go with no step read', () => {
  it('a config cut inside an interface (its access-group line lost): the new list waits on its pre-check, out of the copy, and the copy keeps ACL 120', () => {
    const whole = here('constructed-acl120-fa00.txt');
    const text = whole.text.slice(0, whole.text.indexOf(' ip access-group 120 in'));
    const { plan, model } = planOf([rules('constructed-cache-flow-code-red-ii.txt'), { source: 'cut.txt', text }]);
    const router = planOf([rules('constructed-cache-flow-code-red-ii.txt'), whole]).model;
    expect(model.cutShort).toBe(true);
    expect(model.interfaces['fastethernet0/0']!.groups.in).toBeUndefined();
    expect(router.interfaces['fastethernet0/0']!.groups.in).toBe('120');
    const bind = plan.steps.find((s) => s.commands.some((l) => / ip access-group \S+ in$/.test(l)))!;
    expect(bind.gate?.[0]).toMatch(/^If the pre-check \(show ip interface FastEthernet0\/0\) names an inbound access list, do not paste it/);
    expect(planScript(plan)).not.toContain('ip access-group');
    expect(routerProblems(router, plan, 'whole copy')).toEqual([]);
    expect(routerProblems(router, plan)).toEqual([]);
    // The same plan with its gate ignored by the copy: 120 would be swapped out on the router as it is.
    const ungated = { ...plan, steps: plan.steps.map(({ gate: _, ...s }) => s) };
    expect(planScript(ungated)).toContain('ip access-group');
    expect(routerProblems(router, ungated, 'whole copy').join('\n')).toMatch(/fastethernet0\/0 in lost filtering/);
    // The back-out comes a part a step: the engineer who left the new list out (its pre-check named 120) leaves its
    // part out too. Pasted whole, its no ip access-group line would meet a list it never bound.
    expect(plan.rollback.every((r) => r.step !== undefined)).toBe(true);
    expect(plan.rollback.find((r) => r.commands.some((l) => /no ip access-group/.test(l)))!.step).toBe(plan.steps.indexOf(bind) + 1);
    const backWhole = { ...plan, rollback: plan.rollback.map(({ step: _, ...r }) => r) };
    expect(routerProblems(router, backWhole).join('\n')).toMatch(/back-out line " no ip access-group \d+ in": FastEthernet0\/0 has no access-group \d+ in/);
  });
});

describe('the ARP cache is cleared before CEF is turned on (the tech note; red team, round 3)', () => {
  it('route fixed first, then clear arp-cache, then ip cef: the clear no longer waits for the end of the plan', () => {
    const { plan } = planOf([rules('constructed-config-vlan3.txt'), rules('cef-not-running.txt'), rules('technote-procmem-arp-input.txt')]);
    const at = (re: RegExp) => plan.steps.findIndex((s) => s.commands.some((c) => re.test(c)));
    const route = at(/^ip route 0\.0\.0\.0 0\.0\.0\.0 /);
    const clear = at(/^clear arp-cache$/);
    const cef = at(/^ip cef$/);
    expect([route, clear, cef].every((i) => i >= 0)).toBe(true);
    expect(route).toBeLessThan(clear);
    expect(clear).toBeLessThan(cef);
    expect(plan.steps[clear]!.why).toMatch(/clear the ARP cache before enabling CEF/);
  });

  it('without a CEF step the clear stays last', () => {
    const cfg = rules('constructed-config-vlan3.txt');
    const { plan } = planOf([{ ...cfg, text: cfg.text.replace(/^(hostname .*)$/m, '$1\nip cef') }, rules('technote-procmem-arp-input.txt')]);
    expect(plan.steps.some((st) => st.commands.includes('ip cef'))).toBe(false);
    expect(plan.steps.at(-1)!.commands).toEqual(['clear arp-cache']);
  });
});
