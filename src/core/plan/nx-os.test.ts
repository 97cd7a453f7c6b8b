// NX-OS change plans: every line in a form NX-OS takes, the IOS safety rules kept (read back, the plan keeps every
// filter and a default route, and its back-out restores the config), and what has no NX-OS form held back in words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { runningConfigParser } from '../parsers/show-running-config/parser';
import { normaliseLines } from '../text/normalise';
import { buildPlan } from './build-plan';
import { buildModel } from './config-model';
import { lengthOfMask } from '../text/lines';
import { nxosConfigLines, nxosExecLine, nxosShow } from './nx-os';
import { planScript } from './plan-text';
import { withoutSafetyNet, withSafetyNet } from './safety-net';
import { iosPlanOf, nxosFormProblems } from './testing/nx-os-checks';
import { findingArb, findingsFor, lastOfEach } from '../proof/plan-arbitraries';
import { alternativeAlone, planProblems, problemsEveryWay, routerProblems } from './testing/plan-checks';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 150;
const SEED = Number(process.env.FUZZ_SEED) || 20010719;

describe('NX-OS forms of plan lines', () => {
  it('writes lists by name, hosts as /32, routes with prefix lengths, a VRF route under its vrf context', () => {
    expect(nxosConfigLines(['ip access-list extended CODE-RED-BLOCK', ' deny tcp host 10.0.0.5 any eq www', ' permit ip any any', 'interface Vlan20', ' ip access-group CODE-RED-BLOCK in'])).toEqual([
      'ip access-list CODE-RED-BLOCK',
      ' deny tcp 10.0.0.5/32 any eq www',
      ' permit ip any any',
      'interface Vlan20',
      ' ip access-group CODE-RED-BLOCK in',
    ]);
    expect(nxosConfigLines(['ip route vrf TENANT 0.0.0.0 0.0.0.0 10.1.30.254', 'no ip route vrf TENANT 0.0.0.0 0.0.0.0 Vlan30'])).toEqual([
      'vrf context TENANT',
      ' ip route 0.0.0.0/0 10.1.30.254',
      ' no ip route 0.0.0.0/0 Vlan30',
    ]);
    expect(nxosConfigLines(['ip route 10.0.0.0 255.0.0.0 Vlan10 10.1.10.2'])).toEqual(['ip route 10.0.0.0/8 Vlan10 10.1.10.2']);
    expect(nxosConfigLines(['logging console warnings'])).toEqual(['logging console 4']);
    expect(nxosConfigLines(['ip access-list extended <inbound ACL on Vlan20: show ip interface Vlan20 | include access list>', ' 1 deny tcp any any eq www'])).toEqual([
      'ip access-list <inbound ACL on Vlan20: show running-config interface Vlan20>',
      ' 1 deny tcp any any eq www',
    ]);
    expect(nxosExecLine('clear arp-cache')).toBe('clear ip arp');
    expect(nxosShow('show processes cpu sorted')).toBe('show processes cpu sort');
    expect(nxosShow('show ip interface Vlan20 | include access list')).toBe('show running-config interface Vlan20');
    expect(lengthOfMask('255.255.255.0')).toBe(24);
    expect(lengthOfMask('0.0.0.0')).toBe(0);
    expect(lengthOfMask('255.0.255.0')).toBe(-1);
  });

  it('has no form for IOS-only lines, for options NX-OS orders otherwise, or for a line out of its context', () => {
    for (const l of ['ip cef', 'no ip http server', 'ip cache-ager-interval 60 5 25', 'mls flow ip full', 'access-list 150 deny tcp any any eq www', 'class-map match-any http-hacks'])
      expect(nxosConfigLines([l]), l).toBeNull();
    expect(nxosConfigLines(['ip route 0.0.0.0 0.0.0.0 10.0.0.2 250'])).toEqual(['ip route 0.0.0.0/0 10.0.0.2 250']);
    expect(nxosConfigLines(['ip route 0.0.0.0 0.0.0.0 10.0.0.2 name UPLINK'])).toBeNull();
    expect(nxosConfigLines(['ip route 0.0.0.0 0.0.0.0 10.0.0.2 track 7'])).toBeNull();
    expect(nxosConfigLines(['ip access-list extended X', ' deny tcp any any eq www log-input'])).toBeNull();
    expect(nxosConfigLines(['interface Vlan20', ' ip accounting'])).toBeNull();
    expect(nxosConfigLines([' deny tcp any any eq www'])).toBeNull();
    expect(nxosExecLine('reload in 10')).toBeNull();
  });
});

const NX_IFACES = ['Vlan10', 'Vlan20', 'Vlan30', 'Ethernet1/1', 'Ethernet1/2', 'port-channel10'];
const NX_NAMES = ['EDGE_IN', 'MGMT', 'WEB-FILTER', 'EDGE_IN-BLOCK', '101', 'CODE-RED-BLOCK', 'ACL-101-NOLOG'];
const nxAddress = fc.constantFrom('any', '10.0.0.9/32', '10.1.0.0/16', '192.168.1.0 0.0.0.255', 'addrgroup SERVERS');
const nxEntry = fc
  .tuple(fc.constantFrom('permit', 'deny'), fc.constantFrom('ip', 'tcp', 'udp'), nxAddress, fc.constantFrom('any', '172.16.0.1/32'), fc.constantFrom('', ' eq www', ' eq 1434', ' range 135 139'), fc.boolean())
  .map(([a, p, s, d, port, log]) => `${a} ${p} ${s} ${d}${p === 'ip' ? '' : port}${log ? ' log' : ''}`);
const nxRemark = fc.constantFrom('remark worm filter', 'remark managed by NOC');

const nxConfigArb = fc.record({
  version: fc.constantFrom('6.2(12)', '7.0(3)I7(6)', '9.3(9)', '10.2(5)'),
  header: fc.boolean(),
  switchname: fc.boolean(),
  ifaces: fc.uniqueArray(fc.constantFrom(...NX_IFACES), { minLength: 1, maxLength: 5 }),
  acls: fc.uniqueArray(fc.record({ id: fc.constantFrom(...NX_NAMES), entries: fc.array(fc.oneof(nxEntry, nxRemark), { maxLength: 5 }), stats: fc.boolean() }), { maxLength: 4, selector: (a) => a.id }),
  bindings: fc.array(fc.tuple(fc.nat(5), fc.constantFrom('in', 'out'), fc.nat(5), fc.boolean()), { maxLength: 6 }),
  routes: fc.array(fc.tuple(fc.boolean(), fc.nat(5), fc.option(fc.constantFrom(1, 250), { nil: undefined })), { maxLength: 3 }),
  tenantRoute: fc.boolean(),
  vty: fc.option(fc.nat(5), { nil: undefined }),
});

type NxCfg = typeof nxConfigArb extends fc.Arbitrary<infer T> ? T : never;

/** A config as NX-OS shows it: two-space indents, prefix lengths, numbered entries, no closing end. */
function nxConfigText(c: NxCfg): string {
  const out = c.header ? ['!Command: show running-config', '!Time: Sat Dec  5 10:00:00 2026', ''] : [];
  out.push(`version ${c.version}`, c.switchname ? 'switchname P1' : 'hostname P1', 'feature interface-vlan', '');
  for (const a of c.acls) {
    out.push(`ip access-list ${a.id}`);
    if (a.stats) out.push('  statistics per-entry');
    a.entries.forEach((e, i) => out.push(`  ${(i + 1) * 10} ${e}`));
  }
  out.push('vrf context management', '  ip route 0.0.0.0/0 172.16.0.1');
  if (c.tenantRoute) out.push('vrf context TENANT', '  ip route 0.0.0.0/0 Vlan30');
  for (const [toIf, i, dist] of c.routes) {
    const via = toIf ? c.ifaces[i % c.ifaces.length]! : `10.0.${i % c.ifaces.length}.2`;
    out.push(`ip route 0.0.0.0/0 ${via}${dist !== undefined ? ` ${dist}` : ''}`);
  }
  out.push('');
  c.ifaces.forEach((name, k) => {
    out.push(`interface ${name}`, '  no shutdown');
    if (/^Ethernet/.test(name) && k % 2 === 1) out.push('  switchport');
    else out.push(`  ip address 10.0.${k}.1/24`);
    if (k === 1) out.push('  ip address 20.1.0.1/16 secondary');
    for (const [i, dir, a, port] of c.bindings) {
      if (i % c.ifaces.length !== k || !c.acls.length) continue;
      const id = c.acls[a % c.acls.length]!.id;
      // A port ACL (layer 2) on a switchport: the list is then used by something other than a router ACL.
      out.push(port && dir === 'in' ? `  ip port access-group ${id} in` : `  ip access-group ${id} ${dir}`);
    }
    out.push('');
  });
  out.push('interface mgmt0', '  vrf member management', '  ip address 172.16.0.10/24', '');
  if (c.vty !== undefined && c.acls.length) out.push('line vty', `  access-class ${c.acls[c.vty % c.acls.length]!.id} in`);
  return out.join('\n');
}

describe('NX-OS change plans over generated configs', () => {
  it(
    'built from a config cut anywhere (NX-OS prints no end: a cut cannot be told), on the switch as it is: following each step\'s gates, or pasting the whole-plan copy unread, no interface loses a filter or drops all it does not permit',
    () => {
      fc.assert(
        fc.property(
          nxConfigArb.chain((c) => fc.tuple(fc.constant(c), findingArb(c.ifaces), fc.nat(), fc.boolean())),
          ([generated, spec, cutAt, safetyNet]) => {
            const n = generated.ifaces.length;
            const bindings = lastOfEach(generated.bindings, ([i, dir, , port]) => `${i % n} ${dir} ${port && dir === 'in'}`);
            const c = { ...generated, bindings, routes: lastOfEach(generated.routes, ([toIf, i]) => `${toIf} ${i % n}`) };
            const text = nxConfigText(c);
            const all = text.split('\n');
            const from = all.indexOf('feature interface-vlan') + 1;
            const cut = all.slice(0, from + (cutAt % Math.max(1, all.length - from + 1))).join('\n');
            const modelOf = (t: string) => {
              const lines = normaliseLines(t);
              return buildModel(runningConfigParser.parse({ lines, from: 0, to: lines.length }).data, undefined);
            };
            const seen = modelOf(cut);
            const router = modelOf(text);
            const built = buildPlan(seen, findingsFor(spec, seen), { router: 'P1', safetyNet });
            const dump = `${cut}\n--- cut; the switch has ---\n${text}\n\n${JSON.stringify(built.plan, null, 1)}`;
            expect(problemsEveryWay(router, built, iosPlanOf), dump).toEqual([]);
          },
        ),
        { seed: SEED, numRuns: RUNS },
      );
    },
    30_000 + RUNS * 200,
  );

  it(
    'are written in NX-OS forms only, keep every filter and a default route (read back), back out exactly, and hold back what NX-OS has no form for',
    () => {
      fc.assert(
        fc.property(
          nxConfigArb.chain((c) => fc.tuple(fc.constant(c), findingArb(c.ifaces), fc.boolean())),
          ([c, spec, safetyNet]) => {
            const text = nxConfigText(c);
            const lines = normaliseLines(text);
            const parsed = runningConfigParser.parse({ lines, from: 0, to: lines.length });
            expect(parsed.data.platform).toBe('nx-os');
            expect(parsed.warnings, text).toEqual([]);
            const model = buildModel(parsed.data, undefined);
            const findings = findingsFor(spec, model);
            const built = buildPlan(model, findings, { router: 'P1', safetyNet });
            const dump = `${text}\n\n${JSON.stringify(built.plan, null, 1)}`;
            expect(built.plan.platform).toBe('nx-os');
            expect(nxosFormProblems(built.plan), dump).toEqual([]);
            expect(planProblems(model, iosPlanOf(built.plan)), dump).toEqual([]);
            // The whole-plan copy pasted unread, and each alternative by its own gate's words, keep every filter too.
            expect(routerProblems(model, iosPlanOf(built.plan), 'whole copy'), dump).toEqual([]);
            for (const a of [...built.alternatives.values()].flat()) {
              expect(nxosFormProblems(alternativeAlone(built.plan, a)), dump).toEqual([]);
              if (a.commands.length) expect(routerProblems(model, iosPlanOf(alternativeAlone(built.plan, a))), `alternative "${a.summary}"\n${dump}`).toEqual([]);
            }
            // What was asked for and left out is said, per finding; nothing it asked for is in the plan in IOS form.
            for (const f of findings) {
              const part = built.parts.get(f) ?? [];
              expect(part.filter((l) => /^(ip cef|no ip http server|ip cache-ager|mls flow|class-map|access-list \d)/.test(l.trim())), dump).toEqual([]);
            }
            const asked = spec.some((s) => s.kind === 'toggle' && s.lines.some((l) => l !== 'no logging console'));
            if (asked) expect(built.withheld.size, dump).toBeGreaterThan(0);
            // The safety net is NX-OS's: a checkpoint first, never a timed reload; the whole-plan script never saves.
            if (safetyNet && built.plan.steps.length) {
              expect(built.plan.steps[0]!.commands).toEqual(['checkpoint code-red-triage']);
              expect(planScript(built.plan)).not.toMatch(/copy running-config startup-config|reload/);
            }
          },
        ),
        { seed: SEED, numRuns: RUNS },
      );
    },
    30_000 + RUNS * 200,
  );

  it('toggle the safety net on and off without losing a step', () => {
    const text = nxConfigText({ version: '9.3(9)', header: true, switchname: false, ifaces: ['Vlan10'], acls: [], bindings: [], routes: [[true, 0, undefined]], tenantRoute: false, vty: undefined });
    const lines = normaliseLines(text);
    const model = buildModel(runningConfigParser.parse({ lines, from: 0, to: lines.length }).data, undefined);
    const route = model.routes.find((r) => r.interface)!;
    const findings = findingsFor([], model).filter((f) => f.id === 'default-route-to-broadcast-interface');
    expect(route.interface).toBe('Vlan10');
    const plan = buildPlan(model, findings, { router: 'P1' }).plan;
    const netted = withSafetyNet(plan);
    expect(netted.steps.map((s) => s.commands[0])).toEqual(['checkpoint code-red-triage', 'ip route 0.0.0.0/0 10.0.0.2', 'clear ip arp', 'copy running-config startup-config']);
    expect(withoutSafetyNet(netted)).toEqual(plan);
  });
});

describe('an NX-OS running-config end to end', () => {
  // The config and 60 port-80 flows from 10.1.20.55 on Vl20, as the e2e test pastes them (fixtures/README.md).
  const paste = readFileSync(join(__dirname, 'fixtures/constructed-nxos-n9k-core.txt'), 'utf8');
  const cut = paste.indexOf('N9K-CORE# show ip cache flow');
  const config = paste.slice(0, cut);
  const flows = paste.slice(cut);

  it('reads addresses, lists and routes in NX-OS forms, stays silent on CEF, and plans in NX-OS syntax', () => {
    const d = diagnose([{ source: 'n9k.txt', text: config }, { source: 'flows.txt', text: flows }]);
    expect(d.inputs.find((i) => i.source === 'n9k.txt')!.warnings).toEqual([]);
    const ids = d.findings.map((f) => f.id);
    expect(ids).toContain('default-route-to-broadcast-interface');
    expect(ids).toContain('scanning-host');
    // NX-OS switches in hardware: no `ip cef` line means nothing there.
    expect(ids).not.toContain('cef-not-enabled');
    const plan = d.plans![0]!;
    expect(plan.platform).toBe('nx-os');
    const all = plan.steps.flatMap((s) => s.commands);
    expect(all).toContain('ip access-list SERVERS-IN');
    expect(all).toContain(' 1 deny tcp any any eq www');
    expect(all.some((l) => /^ip route 0\.0\.0\.0\/0 /.test(l))).toBe(true);
    expect(all).toContain('no ip route 0.0.0.0/0 Vlan10');
    expect(all).toContain('clear ip arp');
    expect(nxosFormProblems(plan)).toEqual([]);
    expect(plan.precheck).toContain('show running-config interface Vlan20');
    expect(plan.verify).toContain('show processes cpu sort');
  });

  it('the same config without its NX-OS marks is read as IOS: an IOS plan, and no ip cef line is reported', () => {
    const ios = config
      .replace(/^!(Command|Time):.*$/gm, '!')
      .replace(/^feature .*$/m, '!')
      .replace(/^vrf context management\n {2}ip route .*$/m, '!')
      .replace('ip address 192.168.10.1/24', 'ip address 192.168.10.1 255.255.255.0')
      .replace('ip address 10.1.20.1/24', 'ip address 10.1.20.1 255.255.255.0')
      .replace('ip address 172.16.0.10/24', 'ip address 172.16.0.10 255.255.255.0')
      .replace('ip route 0.0.0.0/0 Vlan10', 'ip route 0.0.0.0 0.0.0.0 Vlan10')
      .replace('ip access-list SERVERS-IN', 'ip access-list extended SERVERS-IN')
      .replace('version 7.0(3)I7(6)', 'version 12.1');
    const d = diagnose([{ source: 'r.txt', text: ios }, { source: 'flows.txt', text: flows }]);
    expect(d.plans![0]!.platform).toBeUndefined();
    expect(d.findings.map((f) => f.id)).toContain('cef-not-enabled');
    expect(d.plans![0]!.steps.flatMap((s) => s.commands)).toContain('clear arp-cache');
  });

  it('a fix with no NX-OS form is held back and said, never given in IOS syntax', () => {
    // Flows to the switch's own address on port 80: the HTTP server finding, whose fix (no ip http server) is IOS's.
    const own = [
      'R# show ip cache flow',
      'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts',
      ...Array.from({ length: 30 }, (_, i) => `Vl20          10.1.20.${60 + i}      Local         10.1.20.1       06 0B8A 0050     1`),
    ].join('\n');
    const d = diagnose([{ source: 'n9k.txt', text: config }, { source: 'flows.txt', text: own }]);
    const http = d.findings.find((f) => f.id === 'http-server-enabled')!;
    expect(d.findings.map((f) => f.id)).toContain('http-server-enabled');
    expect(http.remedy.commands).toEqual([]);
    expect(http.remedy.caveats[0]).toMatch(/NX-OS configuration.*no ip http server/);
    expect(d.plans!.flatMap((p) => p.steps.flatMap((s) => s.commands))).not.toContain('no ip http server');
  });
});

describe('NX-OS from the questionnaire', () => {
  const flows = [
    'R# show ip cache flow',
    'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts',
    ...Array.from({ length: 40 }, (_, i) => `Vl20          10.1.20.55      Vl10          ${i + 11}.${(i * 7) % 250}.${(i * 13) % 250}.${i + 1}   06 0B8A 0050     1`),
  ].join('\n');

  it('a Nexus answer makes the plan NX-OS when no config tells; an IOS show version outranks it', () => {
    const nexus = diagnose([{ source: 'flows.txt', text: flows }], { platform: 'nexus' });
    expect(nexus.plans![0]!.platform).toBe('nx-os');
    expect(nxosFormProblems(nexus.plans![0]!)).toEqual([]);
    expect(nexus.plans![0]!.precheck).toContain('show running-config interface Vlan20');
    const ios = diagnose([{ source: 'flows.txt', text: flows }], { platform: 'ios-router' });
    expect(ios.plans![0]!.platform).toBeUndefined();
    const version = 'R#show version\nCisco IOS Software, C2600 Software (C2600-ADVIPSERVICESK9-M), Version 12.4(25d), RELEASE SOFTWARE (fc1)\nR uptime is 1 week\n';
    const both = diagnose([{ source: 'v.txt', text: version }, { source: 'flows.txt', text: flows }], { platform: 'nexus' });
    expect(both.plans![0]!.platform).toBeUndefined();
  });
});

describe('an NX-OS config cut in its interfaces (lists print first: their other uses may sit past the cut)', () => {
  const whole = [
    'version 9.3(9)', 'hostname N1', 'feature interface-vlan', '',
    'ip access-list SERVERS-IN', '  10 permit ip 10.1.0.0/16 any', '  20 deny ip any any', '',
    'interface Vlan10', '  no shutdown', '  ip address 10.0.10.1/24', '  ip access-group SERVERS-IN in', '',
    'interface Vlan20', '  no shutdown', '  ip address 10.0.20.1/24', '  ip access-group SERVERS-IN in', '',
  ].join('\n');
  const modelOf = (t: string) => {
    const lines = normaliseLines(t);
    return buildModel(runningConfigParser.parse({ lines, from: 0, to: lines.length }).data, undefined);
  };
  it('a list bound on Vlan10 and, past the cut, on Vlan20 is edited in place only after a check that it filters nowhere else', () => {
    const cut = whole.slice(0, whole.indexOf('interface Vlan20'));
    const seen = modelOf(cut);
    const router = modelOf(whole);
    const built = buildPlan(seen, findingsFor([{ kind: 'block', iface: 'Vlan10', dir: 'in', host: '10.0.0.5', service: 'eq www', scoped: false, alt: false }], seen), { router: 'N1' });
    const step = built.plan.steps.find((s) => s.commands[0] === 'ip access-list SERVERS-IN')!;
    expect(step.gate?.join(' ')).toContain('show running-config | include SERVERS-IN( |$) shows the ACL used anywhere else');
    expect(routerProblems(router, iosPlanOf(built.plan))).toEqual([]);
    // Its words ignored, the deny would filter Vlan20 too.
    const unread = { ...built.plan, steps: built.plan.steps.map(({ gate: _, ...s }) => s) };
    expect(routerProblems(router, iosPlanOf(unread)).join('\n')).toMatch(/ACL SERVERS-IN was edited in place, though it is used by Vlan10 in, Vlan20 in/);
  });
});

describe('list-wide lines of an NX-OS list (red team, round 3): a copy keeps statistics per-entry and fragments deny-all', () => {
  const config = [
    '!Command: show running-config', 'version 9.3(8)', 'hostname N9K-AGG1', 'feature interface-vlan', '',
    'ip access-list USERS-IN', '  statistics per-entry', '  fragments deny-all', '  10 permit udp any any eq bootps', '  20 permit ip 10.30.0.0/16 any', '  30 deny ip any any', '',
    'interface Vlan30', '  no shutdown', '  ip address 10.30.0.1/16', '  ip access-group USERS-IN in', '',
    'interface Vlan31', '  no shutdown', '  ip address 10.31.0.1/16', '  ip access-group USERS-IN in', '',
  ].join('\n');
  it('the copy swapped in on Vlan30 carries them (without, non-initial fragments USERS-IN dropped would pass)', () => {
    const lines = normaliseLines(config);
    const seen = buildModel(runningConfigParser.parse({ lines, from: 0, to: lines.length }).data, undefined);
    expect(seen.acls['USERS-IN']!.settings).toEqual(['statistics per-entry', 'fragments deny-all']);
    const built = buildPlan(seen, findingsFor([{ kind: 'block', iface: 'Vlan30', dir: 'in', host: '10.30.0.5', service: 'eq www', scoped: false, alt: false }], seen), { router: 'N1' });
    const copy = built.plan.steps.flatMap((s) => s.commands);
    expect(copy.slice(0, 4)).toEqual(['ip access-list USERS-IN-BLOCK', ' statistics per-entry', ' fragments deny-all', ' deny tcp any any eq www']);
    expect(routerProblems(seen, iosPlanOf(built.plan))).toEqual([]);
  });
});
