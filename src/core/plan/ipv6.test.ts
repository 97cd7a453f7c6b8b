// IPv6 scanners (Flexible NetFlow IPv6 records): their block goes into the interface's IPv6 filtering (`ipv6
// traffic-filter`), never into an IPv4 list, and never drops an IPv6 entry the router had. Examples, then a property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnoseDetailed } from '../diagnose';
import { configs } from '../rules/parsed-facts';
import type { ChangePlan, Paste } from '../types';
import { applySteps, comparable } from './apply';
import { buildModel, interfaceKey, type ConfigModel } from './config-model';

const V6_HOST = '2001:DB8:10::66';

/** A Flexible NetFlow cache in record format: `host` sweeping TCP port 80 (or `port`) from interface `iface`. */
function sweep(host: string, iface: string, port = 80, n = 8): string {
  const v6 = host.includes(':');
  const recs = Array.from({ length: n }, (_, i) =>
    [
      `${v6 ? 'IPV6' : 'IPV4'} SOURCE ADDRESS:       ${host}`,
      `${v6 ? 'IPV6' : 'IPV4'} DESTINATION ADDRESS:  ${v6 ? `2001:DB8:${(0x40 + i * 7).toString(16)}::${(i * 13 + 5).toString(16)}` : `198.51.${i * 7}.${i * 13 + 5}`}`,
      `TRNS SOURCE PORT:          ${3300 + i}`,
      `TRNS DESTINATION PORT:     ${port}`,
      `INTERFACE INPUT:           ${iface}`,
      'IP PROTOCOL:               6',
      `counter packets:           ${1 + (i % 2)}`,
      '',
    ].join('\n'),
  );
  return `R#show flow monitor MON cache\n${recs.join('\n')}`;
}

function planOf(pastes: Paste[]): { plan: ChangePlan; model: ConfigModel } {
  const d = diagnoseDetailed(pastes);
  const plans = d.diagnosis.plans ?? [];
  expect(plans).toHaveLength(1);
  return { plan: plans[0]!, model: buildModel(configs({ sections: d.sections })[0]?.data) };
}

const lines = (p: ChangePlan) => p.steps.flatMap((s) => s.commands);
/** Lines of IPv4 lists (`access-list N`, or inside `ip access-list`) in a step. */
function ipv4AclLines(commands: readonly string[]): string[] {
  const out: string[] = [];
  let inV4 = false;
  for (const l of commands) {
    if (!l.startsWith(' ')) inV4 = /^ip access-list /.test(l);
    if (/^access-list /.test(l) || (inV4 && l.startsWith(' '))) out.push(l);
  }
  return out;
}

const CONFIG = (iface: string) => `R#show running-config
Building configuration...
!
version 15.4
hostname R
!
interface GigabitEthernet0/0
 ip address 192.0.2.1 255.255.255.0
 ipv6 address 2001:DB8:FFFF::1/64
!
interface GigabitEthernet0/1
 ip address 10.1.1.1 255.255.255.0
 ip access-group 120 in
 ipv6 address 2001:DB8:10::1/64
${iface}!
interface GigabitEthernet0/2
 ip address 10.2.2.1 255.255.255.0
 ipv6 address 2001:DB8:20::1/64
 ipv6 traffic-filter SHARED-V6 in
!
access-list 120 permit ip 10.1.1.0 0.0.0.255 any
!
ipv6 access-list LAN-V6-IN
 permit ipv6 2001:DB8:10::/64 any
 sequence 15 permit icmp any any
!
ipv6 access-list SHARED-V6
 permit ipv6 2001:DB8::/32 any
!
ipv6 access-list EMPTY-V6
!
end
`;

describe('an IPv6 scanner, no running-config', () => {
  const { plan } = planOf([{ source: 'fnf', text: sweep(V6_HOST, 'Gi0/1') }]);
  it('puts the deny into the IPv6 list the pre-check names, by sequence number, and no IPv4 line at all', () => {
    expect(ipv4AclLines(lines(plan))).toEqual([]);
    expect(lines(plan)).not.toContain('access-list 150 deny tcp any any eq www');
    expect(lines(plan).join('\n')).toMatch(/^ipv6 access-list <IPv6 list filtering GigabitEthernet0\/1 in: [^>]+>\n deny tcp host 2001:DB8:10::66 any eq www sequence 1$/);
    expect(plan.precheck).toContain('show running-config interface GigabitEthernet0/1 | include ipv6 traffic-filter');
    expect(plan.steps[0]!.gate!.join(' ')).toMatch(/the first numbered \(sequence\) above 1/);
    // The back-out removes the entry by its text (the form every IOS with IPv6 lists takes).
    expect(plan.rollback[0]!.commands).toContain(' no deny tcp host 2001:DB8:10::66 any eq www');
  });
});

describe('an IPv6 scanner with the running-config', () => {
  it('no IPv6 filter on the interface: a list built whole, ending in permit ipv6 any any, then bound; the IPv4 ACL 120 untouched', () => {
    const { plan, model } = planOf([{ source: 'cfg', text: CONFIG('') }, { source: 'fnf', text: sweep(V6_HOST, 'Gi0/1') }]);
    expect(lines(plan)).toEqual(['ipv6 access-list BLOCK-WWW-V6', ' deny tcp host 2001:DB8:10::66 any eq www', ' permit ipv6 any any', 'interface GigabitEthernet0/1', ' ipv6 traffic-filter BLOCK-WWW-V6 in']);
    const r = applySteps(model, plan.steps);
    expect(r.errors).toEqual([]);
    expect(r.model.acls).toEqual(model.acls);
    expect(r.model.interfaces['gigabitethernet0/1']!.groups).toEqual(model.interfaces['gigabitethernet0/1']!.groups);
    expect(comparable(applySteps(r.model, plan.rollback).model)).toEqual(comparable(model));
  });

  it('its own list with room in front: the entry goes in at sequence 1, the list kept whole', () => {
    const { plan, model } = planOf([{ source: 'cfg', text: CONFIG(' ipv6 traffic-filter LAN-V6-IN in\n') }, { source: 'fnf', text: sweep(V6_HOST, 'Gi0/1') }]);
    expect(lines(plan)).toEqual(['ipv6 access-list LAN-V6-IN', ' deny tcp host 2001:DB8:10::66 any eq www sequence 1']);
    expect(plan.steps[0]!.gate!.join(' ')).toMatch(/show ipv6 access-list LAN-V6-IN prints the list with entries, the first numbered \(sequence\) above 1/);
    const after = applySteps(model, plan.steps).model;
    expect(after.acls6!['LAN-V6-IN']!.map((e) => e.text)).toEqual(['deny tcp host 2001:DB8:10::66 any eq www', 'permit ipv6 2001:DB8:10::/64 any', 'permit icmp any any']);
    expect(plan.rollback[0]!.commands).toEqual(['ipv6 access-list LAN-V6-IN', ' no deny tcp host 2001:DB8:10::66 any eq www']);
  });

  it('a list another interface also binds: copied whole behind the deny, and the copy swapped in here only', () => {
    const { plan, model } = planOf([{ source: 'cfg', text: CONFIG(' ipv6 traffic-filter SHARED-V6 in\n') }, { source: 'fnf', text: sweep(V6_HOST, 'Gi0/1') }]);
    expect(lines(plan)).toEqual(['ipv6 access-list SHARED-V6-BLOCK', ' deny tcp host 2001:DB8:10::66 any eq www', ' permit ipv6 2001:DB8::/32 any', 'interface GigabitEthernet0/1', ' ipv6 traffic-filter SHARED-V6-BLOCK in']);
    const after = applySteps(model, plan.steps).model;
    expect(after.acls6!['SHARED-V6']).toEqual(model.acls6!['SHARED-V6']);
    expect(after.interfaces['gigabitethernet0/2']!.filters6).toEqual({ in: 'SHARED-V6' });
    expect(plan.rollback[0]!.commands).toEqual(['interface GigabitEthernet0/1', ' ipv6 traffic-filter SHARED-V6 in', 'no ipv6 access-list SHARED-V6-BLOCK']);
  });

  it('a list a vty line also uses (ipv6 access-class): copied, never edited in place', () => {
    const text = CONFIG(' ipv6 traffic-filter LAN-V6-IN in\n').replace('end\n', 'line vty 0 4\n ipv6 access-class LAN-V6-IN in\n!\nend\n');
    const { plan } = planOf([{ source: 'cfg', text }, { source: 'fnf', text: sweep(V6_HOST, 'Gi0/1') }]);
    expect(lines(plan)[0]).toBe('ipv6 access-list LAN-V6-IN-BLOCK');
    expect(plan.steps[0]!.why).toMatch(/also used by "ipv6 access-class LAN-V6-IN/);
  });

  it('a list with no entries, or one the config does not define: a new list bound in its place (deny entries alone would drop all IPv6)', () => {
    for (const name of ['EMPTY-V6', 'GONE-V6']) {
      const { plan } = planOf([{ source: 'cfg', text: CONFIG(` ipv6 traffic-filter ${name} in\n`) }, { source: 'fnf', text: sweep(V6_HOST, 'Gi0/1') }]);
      expect(lines(plan)).toEqual(['ipv6 access-list BLOCK-WWW-V6', ' deny tcp host 2001:DB8:10::66 any eq www', ' permit ipv6 any any', 'interface GigabitEthernet0/1', ' ipv6 traffic-filter BLOCK-WWW-V6 in']);
      expect(plan.steps[0]!.gate!.join(' ')).toMatch(new RegExp(`If the pre-check \\(show ipv6 access-list ${name}\\) lists entries, do not paste it`));
    }
  });

  it('an IPv4 and an IPv6 scanner on one interface: each family in its own list, no address in the other\'s', () => {
    const { plan } = planOf([
      { source: 'cfg', text: CONFIG('') },
      { source: 'fnf', text: `${sweep(V6_HOST, 'Gi0/1')}\n${sweep('10.1.1.77', 'Gi0/1').split('\n').slice(1).join('\n')}` },
    ]);
    const v4 = ipv4AclLines(lines(plan));
    expect(v4.length).toBeGreaterThan(0);
    expect(v4.join('\n')).not.toMatch(/::/);
    expect(lines(plan)).toContain(' deny tcp host 2001:DB8:10::66 any eq www');
  });

  it('another service (TCP/445) from an IPv6 host: the host\'s own entry in IPv6 words, no IPv4 step', () => {
    const { plan } = planOf([{ source: 'cfg', text: CONFIG('') }, { source: 'fnf', text: sweep(V6_HOST, 'Gi0/1', 445, 40) }]);
    expect(ipv4AclLines(lines(plan))).toEqual([]);
    expect(lines(plan)).toContain(' deny tcp host 2001:DB8:10::66 any eq 445');
  });
});

describe('the running-config parser reads IPv6 filtering', () => {
  it('lists (sequence before or after an entry), traffic-filter bindings, and uses other than the binding', () => {
    const text = `${CONFIG(' ipv6 traffic-filter LAN-V6-IN in\n').replace('end\n', 'route-map PBR permit 10\n match ipv6 address SHARED-V6\n!\nend\n')}`;
    const m = buildModel(configs({ sections: diagnoseDetailed([{ source: 'cfg', text }]).sections })[0]?.data);
    expect(m.acls6!['LAN-V6-IN']).toEqual([{ seq: 10, text: 'permit ipv6 2001:DB8:10::/64 any' }, { seq: 15, text: 'permit icmp any any' }]);
    expect(m.acls6!['EMPTY-V6']).toEqual([]);
    expect(m.interfaces[interfaceKey('Gi0/1')]!.filters6).toEqual({ in: 'LAN-V6-IN' });
    // Its own header and its binding are not other uses; a route-map's match is.
    expect(m.aclUses?.['LAN-V6-IN']).toBeUndefined();
    expect(m.aclUses?.['SHARED-V6']).toMatch(/^match ipv6 address/);
  });
});

// The property: over generated configs (IPv6 lists with and without numbers, bound on one interface or several, used by
// a vty line, missing, empty; a config cut short) and an IPv6 scanner behind one interface, the steps pasted (those
// with nothing to fill in) never change an IPv4 list or binding, never lose an IPv6 entry any interface or line had,
// leave the scanner's interface filtering with every old entry behind the deny, and the back-out restores the config.
const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 400;
const IFS = ['GigabitEthernet0/0', 'GigabitEthernet0/1', 'Vlan10'];
const LISTS = ['LAN-V6-IN', 'EDGE6', 'MGMT-V6'];
const entry6 = fc.constantFrom('permit ipv6 2001:DB8:10::/64 any', 'deny ipv6 host 2001:DB8:10::9 any', 'permit tcp any any eq 22', 'permit icmp any any', 'remark NOC filter', 'deny udp any any eq 1434', 'permit ipv6 any any');
const cfgArb = fc.record({
  lists: fc.uniqueArray(fc.record({ name: fc.constantFrom(...LISTS), entries: fc.uniqueArray(entry6, { maxLength: 4 }), numbered: fc.constantFrom('none', 'before', 'after', 'one') }), { maxLength: 3, selector: (l) => l.name }),
  bindings: fc.array(fc.tuple(fc.nat(2), fc.constantFrom('in', 'out'), fc.constantFrom(...LISTS, 'GONE-V6')), { maxLength: 4 }),
  vty: fc.option(fc.constantFrom(...LISTS), { nil: undefined }),
  scanner: fc.nat(2),
  ended: fc.boolean(),
});

type Cfg = typeof cfgArb extends fc.Arbitrary<infer T> ? T : never;

function cfgText(c: Cfg): string {
  const out = ['R#show running-config', 'Building configuration...', '!', 'version 15.4', 'hostname R', '!'];
  IFS.forEach((name, k) => {
    out.push(`interface ${name}`, ` ip address 10.${k}.0.1 255.255.255.0`, ' ip access-group 120 in', ` ipv6 address 2001:DB8:${k}::1/64`);
    const seen = new Set<string>();
    for (const [i, dir, list] of c.bindings) {
      if (i !== k || seen.has(dir)) continue;
      seen.add(dir);
      out.push(` ipv6 traffic-filter ${list} ${dir}`);
    }
    out.push('!');
  });
  out.push('access-list 120 permit ip any any', '!');
  for (const l of c.lists) {
    out.push(`ipv6 access-list ${l.name}`);
    l.entries.forEach((e, i) => {
      const n = (i + 1) * 10 - (l.numbered === 'one' && i === 0 ? 9 : 0);
      out.push(l.numbered === 'before' || (l.numbered === 'one' && i === 0) ? ` sequence ${n} ${e}` : l.numbered === 'after' ? ` ${e} sequence ${n}` : ` ${e}`);
    });
    out.push('!');
  }
  if (c.vty) out.push('line vty 0 4', ` ipv6 access-class ${c.vty} in`, '!');
  if (c.ended) out.push('end');
  return `${out.join('\n')}\n`;
}

/** Every IPv6 filter in force, as (where, entries in order): a binding's list, or a vty line's. */
function filters6(m: ConfigModel, vty?: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, i] of Object.entries(m.interfaces)) for (const d of ['in', 'out'] as const) if (i.filters6?.[d]) out.set(`${k} ${d}`, (m.acls6?.[i.filters6[d]!] ?? []).map((e) => e.text));
  if (vty) out.set('vty', (m.acls6?.[vty] ?? []).map((e) => e.text));
  return out;
}

describe('property: IPv6 blocks keep every IPv6 filter and never touch IPv4 filtering', () => {
  it(`holds over ${RUNS} generated configs`, () => {
    fc.assert(
      fc.property(cfgArb, (c) => {
        const d = diagnoseDetailed([{ source: 'cfg', text: cfgText(c) }, { source: 'fnf', text: sweep(V6_HOST, IFS[c.scanner]!) }]);
        const plan = d.diagnosis.plans?.[0];
        if (!plan) return;
        const model = buildModel(configs({ sections: d.sections })[0]?.data);
        const pasted = plan.steps.filter((s) => s.mode === 'config' && !s.commands.some((l) => l.includes('<')));
        expect(ipv4AclLines(plan.steps.flatMap((s) => s.commands))).toEqual([]);
        const r = applySteps(model, pasted);
        expect(r.errors).toEqual([]);
        // IPv4 filtering exactly as it was.
        expect(r.model.acls).toEqual(model.acls);
        for (const [k, i] of Object.entries(model.interfaces)) expect(r.model.interfaces[k]!.groups).toEqual(i.groups);
        // Every IPv6 filter in force before still is, with every entry in order (the scanner's interface: behind the deny).
        const key = `${interfaceKey(IFS[c.scanner]!)} in`;
        const before = filters6(model, c.vty);
        const after = filters6(r.model, c.vty);
        for (const [where, entries] of before) {
          const now = after.get(where);
          expect(now, where).toBeDefined();
          if (where === key && pasted.length) {
            // A list bound with no entries (or none defined) let everything through: the new one does too, but the host.
            const tail = entries.filter((e) => !e.startsWith('remark')).length ? entries : ['permit ipv6 any any'];
            expect(now!.filter((e) => !e.startsWith('remark')).slice(1), where).toEqual(tail.filter((e) => !e.startsWith('remark')));
          } else expect(now, where).toEqual(entries);
        }
        // Pasted on an interface with no IPv6 filter, the new list lets everything else through.
        if (!before.has(key) && pasted.length) expect(after.get(key)).toEqual(['deny tcp host 2001:DB8:10::66 any eq www', 'permit ipv6 any any']);
        // The back-out of the steps pasted restores the config.
        const parts = plan.rollback.filter((p) => pasted.includes(plan.steps[(p.step ?? 0) - 1]!));
        const back = applySteps(r.model, parts);
        expect(back.errors).toEqual([]);
        expect(comparable(back.model)).toEqual(comparable(model));
      }),
      { seed: Number(process.env.FUZZ_SEED) || 20010719, numRuns: RUNS },
    );
  }, 60_000);
});
