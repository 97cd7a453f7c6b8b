// The names of a router's objects (access lists, VRFs, maps, groups, VLANs...) get pseudonyms in an anonymised link,
// wherever a config, a show command or a log prints them, and the receiver's diagnosis is the sender's, renamed.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnose';
import { createNameAnonymiser } from './anonymise-names';
import { isPrivateName } from './object-names';

const KEY = [9, 8, 7, 6, 5, 4, 3, 2];
const flows = readFileSync(new URL('./fixtures/seed_show_ip_cache_flow.txt', import.meta.url), 'utf8');

function anonymise(...texts: string[]): string[] {
  const names = createNameAnonymiser(KEY);
  for (const t of texts) names.learn(t);
  return texts.map((t) => names.text(t));
}

/** The words of a text as object names are written (what a name could hide in). */
const tokens = (s: string) => new Set(s.split(/[^\w.+:/@#$-]+/).flatMap((w) => [w, ...w.split(/[.:/@#$+]/)]));

describe('object names an anonymised link replaces', () => {
  // [line as a router prints it, the name in it, the pseudonym's kind]
  const FORMS: [string, string, string][] = [
    ['ip access-list extended ACME-IN', 'ACME-IN', 'acl'],
    ['ip access-list standard ACME_MGMT', 'ACME_MGMT', 'acl'],
    ['R1(config)#ip access-list extended ACME-IN', 'ACME-IN', 'acl'],
    ['ipv6 access-list ACME-V6', 'ACME-V6', 'acl'],
    ['ip access-list AcmeNx', 'AcmeNx', 'acl'],
    [' ip access-group ACME-IN in', 'ACME-IN', 'acl'],
    [' ipv6 traffic-filter ACME-V6 in', 'ACME-V6', 'acl'],
    [' ip port access-group AcmePort in', 'AcmePort', 'acl'],
    [' access-class ACME-VTY in', 'ACME-VTY', 'acl'],
    ['access-list acme_outside_in extended permit tcp any any eq 443', 'acme_outside_in', 'acl'],
    ['access-group acme_outside_in in interface outside', 'acme_outside_in', 'acl'],
    [' match access-group name ACME-WEB', 'ACME-WEB', 'acl'],
    ['ip nat inside source list ACME-NAT interface Dialer0 overload', 'ACME-NAT', 'acl'],
    ['Extended IP access list ACME-IN', 'ACME-IN', 'acl'],
    ['IP access list AcmeNx', 'AcmeNx', 'acl'],
    ['  Inbound  access list is ACME-IN', 'ACME-IN', 'acl'],
    ['  Outgoing access list is ACME-OUT', 'ACME-OUT', 'acl'],
    ['*Mar  1 00:01:02: %SEC-6-IPACCESSLOGP: list ACME-IN denied tcp 10.1.1.5(1024) -> 10.2.2.2(80), 1 packet', 'ACME-IN', 'acl'],
    ['ip vrf GLOBEX', 'GLOBEX', 'vrf'],
    ['vrf definition GLOBEX', 'GLOBEX', 'vrf'],
    ['vrf context GLOBEX', 'GLOBEX', 'vrf'],
    [' ip vrf forwarding GLOBEX', 'GLOBEX', 'vrf'],
    [' vrf forwarding GLOBEX', 'GLOBEX', 'vrf'],
    [' vrf member GLOBEX', 'GLOBEX', 'vrf'],
    [' address-family ipv4 vrf GLOBEX', 'GLOBEX', 'vrf'],
    ['ip route vrf GLOBEX 0.0.0.0 0.0.0.0 10.1.1.254', 'GLOBEX', 'vrf'],
    ['Routing Table: GLOBEX', 'GLOBEX', 'vrf'],
    ['route-map ACME-RM permit 10', 'ACME-RM', 'map'],
    ['route-map ACME-RM, permit, sequence 10', 'ACME-RM', 'map'],
    [' neighbor 10.1.1.2 route-map ACME-RM in', 'ACME-RM', 'map'],
    [' ip policy route-map ACME-PBR', 'ACME-PBR', 'map'],
    ['class-map match-any ACME-WEB-CLASS', 'ACME-WEB-CLASS', 'class'],
    ['class-map type inspect match-all ACME-INSPECT', 'ACME-INSPECT', 'class'],
    [' class ACME-WEB-CLASS', 'ACME-WEB-CLASS', 'class'],
    ['    Class-map: ACME-WEB-CLASS (match-any)', 'ACME-WEB-CLASS', 'class'],
    ['policy-map ACME-QOS', 'ACME-QOS', 'policy'],
    [' service-policy input ACME-QOS', 'ACME-QOS', 'policy'],
    [' service-policy type qos input ACME-QOS', 'ACME-QOS', 'policy'],
    ['  Service-policy input: ACME-QOS', 'ACME-QOS', 'policy'],
    ['ip prefix-list ACME-PL seq 5 permit 10.0.0.0/8', 'ACME-PL', 'list'],
    ['object-group network ACME-SERVERS', 'ACME-SERVERS', 'group'],
    ['object network acme-web-01', 'acme-web-01', 'group'],
    ['zone security ACME-LAN', 'ACME-LAN', 'zone'],
    [' zone-member security ACME-LAN', 'ACME-LAN', 'zone'],
    ['dot11 ssid ACME-WIFI', 'ACME-WIFI', 'ssid'],
    ['aaa group server tacacs+ ACME-TAC', 'ACME-TAC', 'aaa'],
    ['tacacs server ACME-TAC1', 'ACME-TAC1', 'aaa'],
    ['aaa authentication login ACME-VTY group tacacs+ local', 'ACME-VTY', 'aaa'],
    ['aaa authorization exec AcmeExec group tacacs+ if-authenticated', 'AcmeExec', 'aaa'],
    [' login authentication ACME-VTY', 'ACME-VTY', 'aaa'],
    ['ip dhcp pool ACME-USERS', 'ACME-USERS', 'pool'],
    ['ip nat pool ACME-POOL 203.0.113.1 203.0.113.6 netmask 255.255.255.248', 'ACME-POOL', 'pool'],
    [' nameif acme-partner', 'acme-partner', 'if'],
    ['tunnel-group 198.51.100.7 type ipsec-l2l', '', ''],
    ['tunnel-group ACME-VPN type remote-access', 'ACME-VPN', 'peer'],
    ['group-policy ACME-GP internal', 'ACME-GP', 'peer'],
    ['20   ACME-USERS                       active    Fa0/2, Fa0/3', 'ACME-USERS', 'vlan'],
    ['flow exporter ACME-EXPORT', 'ACME-EXPORT', 'group'],
    ['flow monitor ACME-MON', 'ACME-MON', 'group'],
    [' ip flow monitor ACME-MON input', 'ACME-MON', 'group'],
    ['port-profile type ethernet AcmeFarm', 'AcmeFarm', 'group'],
    ['  destination 192.0.2.9 use-vrf ACME-MGMT', 'ACME-MGMT', 'vrf'],
  ];
  it.each(FORMS)('%s', (line, name, kind) => {
    const [out] = anonymise(line) as [string];
    if (!name) {
      expect(out).toBe(line);
      return;
    }
    expect(tokens(out).has(name), out).toBe(false);
    expect(out).toMatch(new RegExp(`(?:^|[\\s,:])${kind}-[0-9a-f]{6}(?:$|[\\s,(])`));
  });

  it("names a vlan block's name line, and not a name line anywhere else", () => {
    const [out] = anonymise('vlan 20\n name ACME-USERS\n!\nip dhcp pool X1\n name ACMEDHCP') as [string];
    expect(out).toMatch(/^vlan 20\n name vlan-[0-9a-f]{6}\n/);
    expect(out).toContain(' name ACMEDHCP');
  });

  it("keeps the names that identify nobody and the analysis reads as they are", () => {
    const kept = [
      ' class class-default',
      'vrf definition Mgmt-intf',
      'class-map match-any http-hacks',
      'policy-map mark-inbound-http-hacks',
      'ip access-list CODE-RED-BLOCK',
      ' ip access-group 150 in',
      'ip access-list extended 101',
      '  Outgoing access list is not set',
      'IP VRF ID INPUT                IPV4 SRC ADDR    IPV4 DST ADDR',
      '1002 fddi-default                     act/unsup',
      ' nameif outside',
      'access-group outside_access_in in interface outside'.replace('outside_access_in', 'in'),
    ];
    for (const line of kept) expect(anonymise(line)[0]).toBe(line);
    for (const n of ['150', 'Mgmt-intf', 'class-default', '10.1.1.0', 'GigabitEthernet0/1', 'Vlan10', 'VLAN0010']) expect(isPrivateName(n), n).toBe(false);
  });

  it('one pseudonym a name, in every paste and in names the plan builds on it (ACME-IN-NOLOG)', () => {
    const [a, b, c] = anonymise('ip access-list extended ACME-IN', 'Extended IP access list ACME-IN', 'copy it to ACME-IN-NOLOG, then ACME-IN.') as [string, string, string];
    const p = /acl-[0-9a-f]{6}/.exec(a)![0];
    expect(b).toBe(`Extended IP access list ${p}`);
    expect(c).toBe(`copy it to ${p}-NOLOG, then ${p}.`);
  });

  it('costs a lookup a word: a 400,000-character word of dashes and a config of 5,000 lists', () => {
    const many = Array.from({ length: 5000 }, (_v, i) => `ip access-list extended ACME-${i}\n permit ip any any`).join('\n');
    const hostile = `ip access-list extended ACME-1\n${'-'.repeat(400_000)}A`;
    const t0 = performance.now();
    const [out] = anonymise(many);
    anonymise(hostile);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(out).not.toMatch(/ACME-\d/);
  });
});

// A config whose objects carry the owner's names, bound where the worm's hosts come in (the tech note's flows on Vl1).
const NAME = fc
  .tuple(fc.constantFrom('ACME', 'Globex', 'INITECH', 'umbrella', 'Hooli', 'cust'), fc.stringMatching(/^[A-Za-z0-9_]{0,8}$/), fc.constantFrom('', '-IN', '-WEB', '_01', '.v2'))
  .map(([a, b, c]) => `${a}${b}${c}`)
  .filter(isPrivateName);

function config(n: { acl: string; vrf: string; cls: string; pol: string; map: string; pl: string; vlan: string; bindAcl: boolean }): string {
  return [
    'hostname edge1',
    `ip vrf ${n.vrf}`,
    ' rd 65000:1',
    'vlan 20',
    ` name ${n.vlan}`,
    'interface Vlan1',
    ' ip address 10.1.1.1 255.255.255.0',
    ...(n.bindAcl ? [` ip access-group ${n.acl} in`] : []),
    'interface Vlan3',
    ' ip address 192.0.2.1 255.255.255.0',
    ` service-policy input ${n.pol}`,
    'interface Vlan4',
    ` ip vrf forwarding ${n.vrf}`,
    ' ip address 172.16.1.1 255.255.255.0',
    `ip access-list extended ${n.acl}`,
    ' permit tcp any any eq 22',
    ' permit ip any any',
    `class-map match-any ${n.cls}`,
    ` match access-group name ${n.acl}`,
    `policy-map ${n.pol}`,
    ` class ${n.cls}`,
    '  set ip dscp 2',
    `route-map ${n.map} permit 10`,
    ` match ip address ${n.acl}`,
    `ip prefix-list ${n.pl} seq 5 permit 10.0.0.0/8`,
    'ip route 0.0.0.0 0.0.0.0 192.0.2.254',
    `ip route vrf ${n.vrf} 0.0.0.0 0.0.0.0 172.16.1.254`,
    'ip http server',
    'end',
  ].join('\n');
}

describe('an anonymised config (property)', () => {
  const names = fc.record({ acl: NAME, vrf: NAME, cls: NAME, pol: NAME, map: NAME, pl: NAME, vlan: NAME, bindAcl: fc.boolean() });
  it('leaves none of its names, and the receiver gets the sender\'s findings and plan, renamed', () => {
    fc.assert(
      fc.property(names, (n) => {
        const text = config(n);
        const an = createNameAnonymiser(KEY);
        an.learn(text);
        an.learn(flows);
        const [cfg, fl] = [an.text(text), an.text(flows)];
        const words = tokens(cfg);
        for (const name of Object.values(n)) if (typeof name === 'string') expect(words.has(name), `${name} in\n${cfg}`).toBe(false);
        expect(cfg.split('\n')).toHaveLength(text.split('\n').length);
        const sender = diagnose([{ source: 'cfg', text }, { source: 'flows', text: flows }]);
        const receiver = diagnose([{ source: 'cfg', text: cfg }, { source: 'flows', text: fl }]);
        expect(receiver.findings.map((f) => `${f.id} ${f.severity}`)).toEqual(sender.findings.map((f) => `${f.id} ${f.severity}`));
        expect(receiver.hosts).toEqual(sender.hosts);
        // The plan the receiver works out is the sender's with the same pseudonyms: anonymising commutes with it.
        const steps = (d: typeof sender) => (d.plans ?? []).flatMap((p) => p.steps.flatMap((s) => [...s.commands, ...(s.gate ?? [])]));
        expect(steps(receiver)).toEqual(steps(sender).map((l) => an.text(l)));
        expect(steps(sender).length).toBeGreaterThan(0);
      }),
      { seed: 20261206, numRuns: 100 },
    );
  });
});

describe('the mask a secret left', () => {
  it('is never learned as a user or a name (every <removed> would read as user-...)', () => {
    const text = ['%SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: <removed>] [Source: 10.1.1.2]', 'username <removed>', 'username bob secret 0 <removed>'].join('\n');
    const [out] = anonymise(text) as [string];
    expect(out.match(/<removed>/g)).toHaveLength(3);
    expect(out).toMatch(/^username user-[0-9a-f]{6} secret 0 <removed>$/m);
  });
});

describe('names met only where they are used', () => {
  it('every object group of an entry, a list a show command or a route-map names, and a list named like an interface but not one', () => {
    const lines = [
      'access-list INSIDE_in extended permit object-group GMAIL_svc object-group TSUNAMI_addrs object-group ANY_addrs log',
      'command-alias exec sacl sh access-list INSIDE_out | e hitcnt=0',
      ' match ip address MATCH_WEB',
      'ip access-list extended ETH0_0_IN',
    ];
    const [out] = anonymise(lines.join('\n')) as [string];
    for (const name of ['GMAIL_svc', 'TSUNAMI_addrs', 'ANY_addrs', 'INSIDE_in', 'INSIDE_out', 'MATCH_WEB', 'ETH0_0_IN']) expect(tokens(out).has(name), `${name}\n${out}`).toBe(false);
    expect(isPrivateName('Ethernet1/1')).toBe(false);
    expect(isPrivateName('ETH0_0_IN')).toBe(true);
  });
});
