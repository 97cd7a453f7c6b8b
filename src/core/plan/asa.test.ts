// An ASA's running-config: read (nameif, lists, access-group by interface name, routes), never given IOS commands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../diagnose';
import { configs } from '../rules/parsed-facts';
import { planlessSystem } from './planless';
import { runningConfigParser } from '../parsers/show-running-config/parser';
import { findingArb, findingsFor } from '../proof/plan-arbitraries';
import { normaliseLines } from '../text/normalise';
import { buildPlan } from './build-plan';
import { buildModel } from './config-model';
import { intentsOf } from './intents';

const ASA = [
  'ciscoasa# show running-config',
  ': Saved',
  ':',
  'ASA Version 8.2(5)',
  '!',
  'hostname ciscoasa',
  'names',
  '!',
  'interface Ethernet0/0',
  ' nameif outside',
  ' security-level 0',
  ' ip address 203.0.113.2 255.255.255.0',
  '!',
  'interface Ethernet0/1',
  ' nameif inside',
  ' security-level 100',
  ' ip address 192.168.1.1 255.255.255.0',
  '!',
  'access-list OUTSIDE_IN extended permit tcp any host 203.0.113.10 eq www',
  'access-list OUTSIDE_IN extended permit icmp any any echo-reply',
  'pager lines 24',
  'logging enable',
  'mtu outside 1500',
  'access-group OUTSIDE_IN in interface outside',
  'route outside 0.0.0.0 0.0.0.0 203.0.113.1 1',
  'http server enable',
  'Cryptochecksum:d41d8cd98f00b204e9800998ecf8427e',
  ': end',
].join('\n');

const FLOWS = [
  'R# show ip cache flow',
  'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts',
  ...Array.from({ length: 40 }, (_, i) => `Et0/1         192.168.1.55    Et0/0         ${i + 11}.${(i * 7) % 250}.${(i * 13) % 250}.${i + 1}   06 0B8A 0050     1`),
].join('\n');

describe('an ASA running-config', () => {
  it('is read without unread lines: nameif, the list bound by interface name, the route out of outside', () => {
    const d = diagnoseDetailed([{ source: 'asa.txt', text: ASA }]);
    expect(d.diagnosis.inputs[0]!.warnings).toEqual([]);
    const c = configs({ sections: d.sections })[0]!.data;
    expect(c).toMatchObject({ platform: 'asa', platformLine: 2, version: '8.2(5)', hostname: 'ciscoasa' });
    expect(c.interfaces.find((i) => i.name === 'Ethernet0/0')).toMatchObject({ nameif: 'outside', accessGroups: [{ acl: 'OUTSIDE_IN', direction: 'in', line: 24 }] });
    expect(c.acls.map((a) => a.text)).toEqual(['permit tcp any host 203.0.113.10 eq www', 'permit icmp any any echo-reply']);
    expect(c.staticRoutes).toEqual([{ prefix: '0.0.0.0', mask: '0.0.0.0', nextHop: '203.0.113.1', interface: 'Ethernet0/0', line: 25 }]);
    // No CEF on an ASA, and console logging is off until configured.
    expect(c.loggingConsole).toEqual({ enabled: false });
  });

  it('gets no "no ip cef line" finding and no plan; a scanning host\'s finding says why it has no commands', () => {
    expect(diagnose([{ source: 'asa.txt', text: ASA }]).findings).toEqual([]);
    const d = diagnose([{ source: 'asa.txt', text: ASA }, { source: 'flows.txt', text: FLOWS }]);
    const scan = d.findings.find((f) => f.id === 'scanning-host')!;
    expect(scan).toBeDefined();
    expect(scan.remedy.commands).toEqual([]);
    expect(scan.remedy.alternatives).toBeUndefined();
    expect(scan.remedy.caveats[0]).toMatch(/^This is an ASA configuration/);
    expect(scan.remedy.caveats.join(' ')).not.toMatch(/change plan adds/);
    expect(d.plans ?? []).toEqual([]);
    // The report says why there is no plan at all, from the finding's own words.
    expect(planlessSystem(scan)).toBe('an ASA');
  });

  it('counts the entries that log, not those with log disable, and says how without IOS commands', () => {
    const text = ASA.replace(
      'access-list OUTSIDE_IN extended permit tcp any host 203.0.113.10 eq www',
      'access-list OUTSIDE_IN extended permit tcp any host 203.0.113.10 eq www log\naccess-list OUTSIDE_IN extended permit tcp any host 203.0.113.11 eq www log disable',
    );
    const f = diagnose([{ source: 'asa.txt', text }]).findings.find((x) => x.id === 'acl-log-keyword')!;
    expect(f.title).toContain('1 entry with log');
    expect(f.remedy.commands).toEqual([]);
    expect(f.remedy.caveats.join(' ')).not.toMatch(/no ip access-list|the change plan/);
  });

  it('the same flows with an IOS config get their IOS plan', () => {
    // The ASA-only lines (framing, nameif, access-group by interface name, route by nameif) turned into IOS ones.
    const ios = ASA.replace(/^: .*$|^:$|^Cryptochecksum:.*$|^(names|pager .*|mtu .*|http server enable|logging enable)$/gm, '!')
      .replace('ASA Version 8.2(5)', 'version 12.4')
      .replace(/^ (nameif|security-level) .*$/gm, ' no shutdown')
      .replace('access-group OUTSIDE_IN in interface outside', 'ip route 0.0.0.0 0.0.0.0 203.0.113.1')
      .replace('route outside 0.0.0.0 0.0.0.0 203.0.113.1 1', 'ip cef');
    const d = diagnose([{ source: 'r.txt', text: ios }, { source: 'flows.txt', text: FLOWS }]);
    expect(d.findings.find((f) => f.id === 'scanning-host')!.remedy.commands.length).toBeGreaterThan(0);
    expect(planlessSystem(d.findings.find((f) => f.id === 'scanning-host')!)).toBeUndefined();
    expect(d.plans).toHaveLength(1);
  });
});

describe('ASA and IOS XR configs, over generated findings', () => {
  const XR = ['!! IOS XR Configuration 6.1.2', 'hostname PE1', 'ipv4 access-list EDGE-IN', ' 10 permit ipv4 any any', '!', 'interface GigabitEthernet0/0/0/0', ' ipv4 address 10.0.0.1 255.255.255.0', ' ipv4 access-group EDGE-IN ingress', '!', 'router static', ' address-family ipv4 unicast', '  0.0.0.0/0 GigabitEthernet0/0/0/0', '!', 'end'].join('\n');

  it('never get a plan step: every finding that asked for a change has it held back', () => {
    for (const [text, platform] of [[ASA, 'asa'], [XR, 'ios-xr']] as const) {
      const lines = normaliseLines(text);
      const parsed = runningConfigParser.parse({ lines, from: 0, to: lines.length });
      expect(parsed.data.platform).toBe(platform);
      const model = buildModel(parsed.data);
      fc.assert(
        fc.property(findingArb(['Ethernet0/0', 'Ethernet0/1', 'GigabitEthernet0/0/0/0']), fc.boolean(), (spec, safetyNet) => {
          const findings = findingsFor(spec, model);
          const built = buildPlan(model, findings, { router: 'fw', safetyNet });
          expect(built.plan.steps).toEqual([]);
          expect(built.plan.rollback).toEqual([]);
          for (const alts of built.alternatives.values()) for (const a of alts) expect(a.commands).toEqual([]);
          // Every change asked for is among the lines held back (two findings asking for one line share it).
          const held = [...built.withheld.values()].flat().map((l) => l.trim());
          for (const f of findings) {
            for (const i of intentsOf(f) ?? []) {
              if (i.kind === 'global' || i.kind === 'exec') for (const c of i.commands) expect(held, `${f.id}: ${c}`).toContain(c);
              if (i.kind === 'block') for (const e of i.entries) expect(held.some((l) => l.endsWith(e)), `${f.id}: ${e}`).toBe(true);
            }
          }
        }),
        { seed: 20010719, numRuns: 100 },
      );
    }
  });
});
