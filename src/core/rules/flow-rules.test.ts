import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';

const read = (name: string) => ({ source: name, text: readFileSync(join(__dirname, 'fixtures', name), 'utf8') });
// Every fixture must be read as the command it is: a silent rule on an unread capture would prove nothing.
const run = (names: string[], answers: Record<string, string> = {}) => {
  const d = diagnose(names.map(read), answers);
  for (const i of d.inputs) expect(i.kind, i.source).not.toBe('unknown');
  return d.findings;
};
const ids = (names: string[], answers: Record<string, string> = {}) => run(names, answers).map((f) => f.id);

describe('scanning-host', () => {
  it('fires on the tech note cache flow: port-80 ACL inbound on interface Vlan1, narrow variant, NBAR, MS01-033', () => {
    const f = run(['seed-cache-flow.txt']).find((x) => x.id === 'scanning-host')!;
    expect(f.severity).toBe('critical');
    expect(f.title).toBe('193.23.45.35 on Vl1 is scanning TCP port 80');
    // No running-config: the plan cannot see Vlan1's ACLs, so it inserts at the top of the list the pre-check
    // names; the old remedy bound a new ACL 150, silently replacing any inbound list Vlan1 had.
    expect(f.remedy.commands).toEqual([
      'ip access-list extended <inbound ACL on Vlan1: show ip interface Vlan1 | include access list>',
      ' 1 deny tcp any any eq www',
    ]);
    expect(f.remedy.commands.join('\n')).not.toContain('ip access-group');
    expect(f.remedy.summary).toContain('MS01-033');
    expect(f.remedy.summary).toContain('Variant: Code Red (uniformly random targets).');
    const [narrow, nbar] = f.remedy.alternatives!;
    expect(narrow!.commands[1]).toBe(' 1 deny tcp host 193.23.45.35 any eq www');
    expect(nbar!.commands).toContain(' match protocol http url "*default.ida*"');
    expect(nbar!.commands).toContain('  set ip dscp 1');
    expect(nbar!.commands).toContain(' 1 deny ip any any dscp 1');
    expect(nbar!.commands.join('\n')).not.toContain('ip access-group');
  });

  it('says Code Red II when the targets keep to the source\'s /8 and /16', () => {
    const f = run(['constructed-cache-flow-code-red-ii.txt']).find((x) => x.id === 'scanning-host')!;
    expect(f.title).toBe('61.146.138.212 on Fa0/0 is scanning TCP port 80');
    expect(f.remedy.summary).toContain('Variant: Code Red II');
    expect(f.remedy.commands[0]).toContain('inbound ACL on FastEthernet0/0');
  });

  it('fires on the tech note accounting sample (bare SYNs to many destinations)', () => {
    const f = run(['seed-accounting.txt']).filter((x) => x.id === 'scanning-host');
    expect(f.length).toBeGreaterThan(0);
    expect(f.map((x) => x.title).join(' ')).toContain('20.1.145.49');
    // Accounting has no ports: the title says what it shows, never "port 80".
    for (const x of f) {
      expect(x.title).toMatch(/likely infected: \d+ destinations, about 48-byte packets$/);
      expect(x.title).not.toMatch(/port 80/i);
    }
  });

  it('accounting names no interface: the config\'s subnet holding the hosts does (Vlan1000), the default route the egress', () => {
    const f = run(['seed-accounting.txt', 'constructed-config-vlan1000.txt']).find((x) => x.id === 'scanning-host')!;
    expect(f.remedy.commands).toEqual(['access-list 150 deny tcp any any eq www', 'access-list 150 permit ip any any', 'interface Vlan1000', ' ip access-group 150 in']);
    expect(f.remedy.alternatives![1]!.commands.slice(-2)).toEqual(['interface FastEthernet0/1', ' ip access-group 152 out']);
  });

  it('takes a free ACL number and names the inbound ACL already on the facing interface', () => {
    // Vlan1 already filters inbound with ACL 150 on IOS 12.1 (no sequence numbers): ACL 151 holds the deny and
    // then every entry of 150 (log keywords dropped, for acl-log-keyword), swapped in by one access-group line.
    // The old remedy bound a bare deny+permit ACL 151, dropping ACL 150's filtering.
    const f = run(['seed-cache-flow.txt', 'constructed-config-vlan3.txt']).find((x) => x.id === 'scanning-host')!;
    expect(f.remedy.commands).toEqual([
      'access-list 151 deny tcp any any eq www',
      'access-list 151 permit tcp any any eq www',
      'access-list 151 permit ip any any',
      'interface Vlan1',
      ' ip access-group 151 in',
    ]);
    expect(f.remedy.caveats.join(' ')).toContain('Vlan1 already filters inbound with ACL 150');
  });

  it('MLS names a switch port: the ACL goes on the VLAN interface (from the config subnet, or a marked placeholder)', () => {
    const native = run(['mls-ip-full-flow.txt']).find((x) => x.id === 'scanning-host')!;
    expect(native.title).toBe('20.1.145.49 on Fa4/1 is scanning TCP port 80');
    expect(native.remedy.commands[0]).toContain('VLAN interface of switch port Fa4/1: show interfaces Fa4/1 switchport');
    expect(native.remedy.caveats.join(' ')).toContain('show interfaces Fa4/1 switchport');
    const hybrid = run(['mls-entry-full-flow.txt', 'constructed-config-vlan1000.txt']).find((x) => x.id === 'scanning-host')!;
    expect(hybrid.remedy.commands[2]).toBe('interface Vlan1000');
  });

  it('stays silent on a real cache flow with ordinary traffic (CCNA book capture)', () => {
    expect(ids(['cache-flow-ccna60d-1.txt'])).not.toContain('scanning-host');
  });
});

describe('mls-flowmask-hides-sources', () => {
  it('native: show mls ip entries with no source -> mls flow ip full, revert mls flow ip destination', () => {
    const f = run(['mls-ip-destination-only.txt']).find((x) => x.id === 'mls-flowmask-hides-sources')!;
    expect(f.severity).toBe('warning');
    expect(f.title).toBe('3 MLS entries in show mls ip carry no source address (destination-only flow mask)');
    expect(f.evidence.map((e) => e.line)).toEqual([6, 8, 10]);
    expect(f.remedy.commands).toEqual(['mls flow ip full']);
    expect(f.remedy.caveats.join(' ')).toContain('mls flow ip destination');
    expect(f.remedy.alternatives![0]!.commands).toEqual(['mls flow ip destination']);
    expect(f.remedy.caveats.join(' ')).toMatch(/increase the number of MLS entries dramatically/);
  });

  it('hybrid: show mls entry with no source -> set mls flow full, revert set mls flow destination', () => {
    const f = run(['mls-entry-destination-only.txt']).find((x) => x.id === 'mls-flowmask-hides-sources')!;
    expect(f.remedy.commands).toEqual(['set mls flow full']);
    expect(f.remedy.caveats.join(' ')).toContain('set mls flow destination');
    expect(f.remedy.alternatives![0]!.commands).toEqual(['set mls flow destination']);
    expect(f.evidence[0]!.text).toMatch(/^75\.246\.253\.88/);
  });

  it('CatOS show mls ip summary stating a destination flow mask: hybrid commands', () => {
    const f = run(['mls-ip-catos-summary.txt']).find((x) => x.id === 'mls-flowmask-hides-sources')!;
    expect(f.title).toBe('The MLS flow mask is Destination flow on 87 active entries: MLS entries do not name the infected sources');
    expect(f.evidence[0]!.text).toBe('IP Current flow mask is Destination flow');
    expect(f.remedy.commands).toEqual(['set mls flow full']);
  });

  it('stays silent when the entries carry sources (full flow mask), native and hybrid', () => {
    expect(ids(['mls-ip-full-flow.txt'])).not.toContain('mls-flowmask-hides-sources');
    expect(ids(['mls-entry-full-flow.txt'])).not.toContain('mls-flowmask-hides-sources');
  });

  it('from the answers alone: info naming show mls entry for a hybrid Sup1, silent on a Sup2', () => {
    const f = run([], { platform: 'cat6k-sup1-msfc1', 'platform-mode': 'hybrid' }).find((x) => x.id === 'mls-flowmask-hides-sources')!;
    expect(f).toMatchObject({ severity: 'info', evidence: [] });
    expect(f.remedy.commands).toEqual(['show mls entry']);
    expect(f.title).toContain('show mls entry');
    expect(ids([], { platform: 'cat6k-sup2-msfc2', 'platform-mode': 'hybrid' })).not.toContain('mls-flowmask-hides-sources');
  });

  it('the answer gives way to pasted output that shows sources', () => {
    expect(ids(['mls-ip-full-flow.txt'], { platform: 'cat6k-sup1-msfc1', 'platform-mode': 'native' })).not.toContain('mls-flowmask-hides-sources');
  });
});

describe('scanning-host: flows that name no interface (show ip accounting), hosts behind two interfaces', () => {
  const config = readFileSync(join(__dirname, '../plan/fixtures/constructed-two-lans-acl120.txt'), 'utf8');
  const rows = (ip: string, first: number) =>
    Array.from({ length: 40 }, (_, i) => ` ${ip.padEnd(16)} ${`${first + i}.${(i * 7) % 250}.${(i * 13) % 250}.${i + 1}`.padEnd(24)} ${'1'.padStart(7)} ${'48'.padStart(19)}`);
  const accounting = ['R1#show ip accounting', '   Source           Destination              Packets               Bytes', ...rows('10.1.1.5', 11), ...rows('10.2.2.9', 61), '', 'Accounting data age is 5'].join('\n');

  it('gives each host its own finding and block where its subnet is, keeping ACL 120 on FastEthernet0/0', () => {
    const d = diagnose([{ source: 'cfg', text: config }, { source: 'acct', text: accounting }]);
    const scans = d.findings.filter((f) => f.id === 'scanning-host');
    expect(scans.map((f) => f.title.split(':')[0])).toEqual(['10.1.1.5', '10.2.2.9']);
    const steps = d.plans![0]!.steps.map((s) => s.commands);
    // 10.1.1.5 enters on Fa0/0, which filters with ACL 120: the deny goes in at its top; 10.2.2.9 on Fa0/1 gets a list.
    expect(steps).toContainEqual(['ip access-list extended 120', ' 1 deny tcp any any eq www']);
    expect(steps).toContainEqual(['access-list 150 deny tcp any any eq www', 'access-list 150 permit ip any any', 'interface FastEthernet0/1', ' ip access-group 150 in']);
    expect(d.plans![0]!.steps.flatMap((s) => s.commands).join('\n')).not.toMatch(/</);
  });

  it('without a config or ARP table the hosts stay one finding, the interface left to the pre-check', () => {
    const scans = diagnose([{ source: 'acct', text: accounting }]).findings.filter((f) => f.id === 'scanning-host');
    expect(scans).toHaveLength(1);
  });
});

describe('scanning-host: the same subnet in two VRFs', () => {
  const config = (second: boolean) =>
    ['PE1#show running-config', 'version 15.2', 'hostname PE1', '!', 'ip vrf CUST-A', ' rd 65000:1', '!', 'ip vrf CUST-B', ' rd 65000:2', '!',
      'interface GigabitEthernet0/1', ' ip vrf forwarding CUST-A', ' ip address 10.1.1.1 255.255.255.0', '!',
      ...(second ? ['interface GigabitEthernet0/2', ' ip vrf forwarding CUST-B', ' ip address 10.1.1.1 255.255.255.0', '!'] : []), 'end'].join('\n');
  // A bare-SYN sweep as show ip accounting prints it (no interface): the subnet alone places the host.
  const rows = Array.from({ length: 60 }, (_v, i) => ` 10.1.1.55      ${20 + (i % 200)}.${(i * 37) % 250}.${(i * 11) % 250}.${1 + (i % 250)}                  1                  48`);
  const acct = ['PE1#show ip accounting', '   Source           Destination              Packets               Bytes', ...rows].join('\n');
  const plan = (second: boolean) => {
    const d = diagnose([{ source: 'cfg.txt', text: config(second) }, { source: 'acct.txt', text: acct }]);
    return { d, f: d.findings.find((x) => x.id === 'scanning-host')!, lines: (d.plans ?? []).flatMap((p) => p.steps.flatMap((s) => s.commands)) };
  };
  it('picks no interface, and asks each VRF\'s ARP table which one the host is behind', () => {
    const { d, f, lines } = plan(true);
    expect(lines.some((l) => / ip access-group /.test(l))).toBe(false);
    expect(d.plans![0]!.precheck).toContain('show ip arp vrf CUST-A 10.1.1.55, show ip arp vrf CUST-B 10.1.1.55');
    expect(f.remedy.caveats.join(' ')).toContain('10.1.1.55 is in the subnet of GigabitEthernet0/1 (VRF CUST-A) and GigabitEthernet0/2 (VRF CUST-B)');
  });
  it('with the subnet on one interface only, binds there as before', () => {
    expect(plan(false).lines).toContain('interface GigabitEthernet0/1');
  });
});

describe('scanning-host: the port the flows name routes nothing itself', () => {
  const seed = readFileSync(join(__dirname, 'fixtures', 'seed-cache-flow.txt'), 'utf8');
  const flows = (port: string, host: string) => seed.replace(/Vl1(\s+)193\.23\.45\.35/g, (_m, sp: string) => `${port}${sp}${host}`);
  const lines = (config: string[], port: string, host: string) =>
    (diagnose([{ source: 'cfg.txt', text: ['version 12.4', 'hostname R', '!', ...config, '!', 'end'].join('\n') }, { source: 'flows.txt', text: flows(port, host) }]).plans ?? []).flatMap((p) =>
      p.steps.flatMap((s) => s.commands),
    );
  it('an IRB member port: the block goes on the BVI that holds the hosts\' subnet', () => {
    const got = lines(['bridge irb', 'interface FastEthernet0/1', ' no ip address', ' bridge-group 1', '!', 'interface BVI1', ' ip address 10.20.0.1 255.255.255.0'], 'Fa0/1', '10.20.0.66');
    expect(got).toContain('interface BVI1');
    expect(got).not.toContain('interface FastEthernet0/1');
  });
  it('a dot1Q parent: the block goes on the subinterface that holds the hosts\' subnet', () => {
    const got = lines(['interface GigabitEthernet0/1', ' no ip address', '!', 'interface GigabitEthernet0/1.20', ' encapsulation dot1Q 20', ' ip address 10.10.20.1 255.255.255.0'], 'Gi0/1', '10.10.20.66');
    expect(got).toContain('interface GigabitEthernet0/1.20');
    expect(got).not.toContain('interface GigabitEthernet0/1');
  });
  it('a routed port with its own address keeps the block', () => {
    expect(lines(['interface GigabitEthernet0/1', ' ip address 10.10.20.1 255.255.255.0'], 'Gi0/1', '10.10.20.66')).toContain('interface GigabitEthernet0/1');
  });
});

describe('scanning-host: a PPP session\'s Virtual-Access', () => {
  it('blocks the infected hosts only: the list on a session is its template\'s, on every session', () => {
    const seed = readFileSync(join(__dirname, 'fixtures', 'seed-cache-flow.txt'), 'utf8');
    const run2 = (port: string) => {
      const flows = seed.replace(/Vl1(\s+)193\.23\.45\.35/g, (_m, sp: string) => `${port}${sp}10.20.1.77`);
      return diagnose([{ source: 'flows.txt', text: flows }]).findings.find((x) => x.id === 'scanning-host')!.remedy.commands.join('\n');
    };
    expect(run2('Vi1')).toContain('deny tcp host 10.20.1.77 any eq www');
    expect(run2('Vi1')).not.toContain('deny tcp any any eq www');
    expect(run2('Fa0/1')).toContain('deny tcp any any eq www');
  });
});
