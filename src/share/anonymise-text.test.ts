// Everything "anonymise" promises beyond plain IPv4 (issue 12): tcp-brief and zero-padded quads, IPv6 with its
// prefixes, MAC addresses in three notations, and the names and free text that identify a network, consistently
// across every paste of one link.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnose';
import { mulberry32 } from '../core/proof/mulberry32';
import { STAMPS } from '../core/proof/paste-variants';
import { createAnonymiser, formatIpv6, parseIpv6 } from './anonymise-addresses';
import { NAMES_REPLACED, createNameAnonymiser } from './anonymise-names';
import { buildShareLink } from './build-share';
import { decodePayload } from './codec';
import { payloadFromHash } from './share-route';

const KEY = [3, 1, 4, 1, 5, 9, 2, 6];
const anon = createAnonymiser(KEY);

describe('IPv4 in every form a router prints', () => {
  it('show tcp brief: the address is anonymised and the port kept', () => {
    const out = anon.text('tcp 10.1.1.1.23        10.9.9.9.11003      ESTAB');
    expect(out).toBe(`tcp ${anon.ip('10.1.1.1')}.23        ${anon.ip('10.9.9.9')}.11003      ESTAB`);
  });
  it('zero-padded quads are anonymised, padded the same way', () => {
    const [a, b, c, d] = anon.ip('10.1.1.1').split('.').map((x) => x.padStart(3, '0'));
    expect(anon.text('host 010.001.001.001 up')).toBe(`host ${a}.${b}.${c}.${d} up`);
  });
  it('leaves OIDs, versions and masks alone', () => {
    for (const s of ['oid 1.3.6.1.4.1.9.9', 'Version 12.2(15)T', 'mask 255.255.255.000', '0.0.0.0 0.0.0.0', '300.1.1.1']) expect(anon.text(s)).toBe(s);
  });
});

describe('IPv6', () => {
  const rnd = mulberry32(6);
  const random = () => Array.from({ length: 8 }, () => Math.floor(rnd() * 65536));
  const bitsOf = (g: number[]) => g.map((x) => x.toString(2).padStart(16, '0')).join('');
  const common = (a: string, b: string) => {
    let i = 0;
    while (i < 128 && a[i] === b[i]) i++;
    return i;
  };
  it('keeps the length of the common prefix of any two addresses', () => {
    for (let i = 0; i < 400; i++) {
      const a = random();
      const b = [...a];
      const cut = Math.floor(rnd() * 8);
      b[cut] = (b[cut]! ^ (1 << Math.floor(rnd() * 16))) & 0xffff;
      for (let k = cut + 1; k < 8; k++) b[k] = Math.floor(rnd() * 65536);
      const x = parseIpv6(anon.ip(formatIpv6(a)))!;
      const y = parseIpv6(anon.ip(formatIpv6(b)))!;
      expect(common(bitsOf(x), bitsOf(y))).toBe(common(bitsOf(a), bitsOf(b)));
    }
  });
  it('rewrites addresses in text, keeps prefix lengths, loopback, unspecified and times', () => {
    const out = anon.text('ipv6 address 2001:DB8:0:1::1/64 ; ::1 ; :: ; 11:23:23 ; fe80::1');
    expect(out).toContain(`${anon.ip('2001:db8:0:1::1')}/64`);
    expect(out).toContain('; ::1 ; :: ; 11:23:23 ;');
    expect(out).not.toMatch(/2001:db8/i);
    expect(anon.ip('2001:db8:0:1::1')).not.toBe('2001:db8:0:1::1');
    // An IPv4 address embedded in IPv6 is anonymised as IPv4, whole.
    expect(anon.text('from ::ffff:10.1.1.1 and 2001:db8::1.')).toBe(`from ::ffff:${anon.ip('10.1.1.1')} and ${anon.ip('2001:db8::1')}.`);
  });
  it('parses and prints RFC 5952 text', () => {
    expect(formatIpv6(parseIpv6('2001:0db8:0000:0000:0000:0000:0000:0001')!)).toBe('2001:db8::1');
    expect(parseIpv6('1:2:3')).toBeNull();
    expect(parseIpv6('1::2::3')).toBeNull();
  });
});

describe('MAC addresses', () => {
  it('keep the vendor prefix, change the rest, the same way in all three notations', () => {
    const dotted = anon.text('Internet  10.0.0.2  5  0050.56c0.0001  ARPA  Vlan1');
    const image = /([0-9a-f]{4})\.([0-9a-f]{4})\.([0-9a-f]{4})/.exec(dotted)!;
    const hex = image.slice(1).join('');
    expect(hex.slice(0, 6)).toBe('005056');
    expect(hex).not.toBe('005056c00001');
    expect(anon.text('mac 00:50:56:C0:00:01')).toBe(`mac ${hex.toUpperCase().match(/../g)!.join(':')}`);
    expect(anon.text('mac 00-50-56-c0-00-01')).toBe(`mac ${hex.match(/../g)!.join('-')}`);
    expect(anon.text('ffff.ffff.ffff 0000.0000.0000')).toBe('ffff.ffff.ffff 0000.0000.0000');
  });
  it('never merges two hosts of one vendor', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) seen.add(anon.text(`0000.0c${(i >> 8).toString(16).padStart(2, '0')}.${(i & 255).toString(16).padStart(2, '0')}01`));
    expect(seen.size).toBe(5000);
  });
});

describe('names other systems print', () => {
  it('IOS XR prompts and domain name, ASA failover prompts and name lines: the names and the description go', () => {
    const text = [
      'RP/0/RSP0/CPU0:PE1#show running-config',
      'domain name corp.example.zz',
      'name 192.0.2.13 Machine01 description machine in rack 4',
      'access-list X extended permit ip any host Machine01',
      'RP/0/RSP0/CPU0:PE1#',
      'edgefw/pri/act# show conn count',
    ].join('\n');
    const names = createNameAnonymiser(KEY);
    names.learn(text);
    const out = names.text(text);
    for (const gone of ['PE1', 'corp.example.zz', 'Machine01', 'rack 4', 'edgefw']) expect(out, out).not.toContain(gone);
    expect(out).toMatch(/^RP\/0\/RSP0\/CPU0:router-[0-9a-f]{6}#show running-config$/m);
    expect(out).toMatch(/^name 192\.0\.2\.13 router-[0-9a-f]{6} description \[description removed\]$/m);
  });
});

describe('names and free text', () => {
  const config = [
    'core-gw1#show running-config',
    'hostname core-gw1',
    'ip domain-name corp.example.com',
    'username alice privilege 15 secret 5 $1$abc',
    'banner motd ^C',
    'Property of ACME Corp, call 555-0100',
    '^C',
    'interface FastEthernet0/0',
    ' description uplink to ACME-HQ room 4',
    ' ip address 10.1.1.1 255.255.255.0',
    'snmp-server location Building 7, ACME HQ',
    'snmp-server contact noc@acme.example',
    'ip host mail.corp.example.com 10.1.1.9',
    'ntp server time.acmecorp.net',
    '*Mar  1 00:00:12: %SYS-5-CONFIG_I: Configured from console by bob on vty0 (10.1.1.2)',
    'Technical Support: http://www.cisco.com/techsupport',
    'end',
    'core-gw1#',
  ].join('\n');

  it('replaces hostnames, domains, FQDNs, usernames, descriptions, SNMP fields and banners, keeping every line', () => {
    const names = createNameAnonymiser(KEY);
    names.learn(config);
    const out = names.text(config);
    expect(out.split('\n')).toHaveLength(config.split('\n').length);
    for (const gone of ['core-gw1', 'corp.example.com', 'alice', 'ACME', '555-0100', 'Building 7', 'noc@', 'mail.', 'acmecorp', 'bob ']) expect(out).not.toContain(gone);
    expect(out).toContain('http://www.cisco.com/techsupport');
    expect(out).toMatch(/^ntp server name-[0-9a-f]{6}\.domain-[0-9a-f]{6}\.example$/m);
    expect(out).toMatch(/Configured from console by user-[0-9a-f]{6} on vty0/);
    expect(out).toMatch(/^router-[0-9a-f]{6}#show running-config$/m);
    expect(out).toMatch(/^hostname router-[0-9a-f]{6}$/m);
    expect(out).toMatch(/^ip domain-name domain-[0-9a-f]{6}\.example$/m);
    expect(out).toMatch(/^username user-[0-9a-f]{6} privilege 15/m);
    expect(out).toContain(' description [description removed]');
    expect(out).toContain('snmp-server location [location removed]');
    expect(out).toMatch(/^ip host name-[0-9a-f]{6}\.domain-[0-9a-f]{6}\.example 10\.1\.1\.9$/m);
    expect(out).toContain('banner motd ^C\n[banner removed]\n^C');
    expect(NAMES_REPLACED.length).toBeGreaterThan(4);
  });

  it('no serial number survives, in any of the forms show version, show inventory, an ASA or a license line print (property)', () => {
    const serial = fc.stringMatching(/^[A-Z]{3}[0-9A-Z]{5,8}$/);
    const form = fc.constantFrom(
      (x: string) => `Processor board ID ${x}`,
      (x: string) => `Processor Board ID ${x}`,
      (x: string) => `System serial number            : ${x}`,
      (x: string) => `Motherboard serial number       : ${x}`,
      (x: string) => `Serial Number: ${x}`,
      (x: string) => `PID: CISCO1841         , VID: V07 , SN: ${x}`,
      (x: string) => `license udi pid CISCO2911/K9 sn ${x}`,
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(serial, form), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        const text = rows.map(([x, f]) => f(x)).join(eol);
        const names = createNameAnonymiser(KEY);
        names.learn(text);
        const out = names.text(text);
        for (const [x] of rows) expect(out).not.toContain(x);
        expect(out.split('\n')).toHaveLength(text.split('\n').length);
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });

  it('replaces the names a dialer sends (ppp chap hostname with a realm, ppp pap sent-username)', () => {
    const text = ['interface Dialer1', ' ppp chap hostname acme-br1@isp.net', ' ppp pap sent-username acmebranch password 7 1234'].join('\n');
    const names = createNameAnonymiser(KEY);
    names.learn(text);
    const out = names.text(text);
    for (const gone of ['acme-br1', 'isp.net', 'acmebranch']) expect(out).not.toContain(gone);
    expect(out).toMatch(/^ ppp chap hostname user-[0-9a-f]{6}@domain-[0-9a-f]{6}\.example$/m);
    expect(out).toMatch(/^ ppp pap sent-username user-[0-9a-f]{6} password 7 1234$/m);
  });

  it('replaces serial numbers (show version, show inventory, a license line, an ASA), one pseudonym a serial, and the names show version gives', () => {
    const text = [
      'Processor board ID FTX1234A5BC',
      'System serial number            : FOC1234X0AB',
      'Serial Number: JMX1234L0AB',
      'PID: CISCO1841         , VID: V07 , SN: FTX1234A5BC',
      'license udi pid CISCO2911/K9 sn FGL1234567A',
      'Device name: N9K-CORE',
      'edge-7 uptime is 1 day, 2 hours',
      'Serial0/0 is up, line protocol is up',
      'interface Serial0/0/0',
    ].join('\n');
    const names = createNameAnonymiser(KEY);
    names.learn(text);
    const out = names.text(text);
    for (const gone of ['FTX1234A5BC', 'FOC1234X0AB', 'JMX1234L0AB', 'FGL1234567A', 'N9K-CORE', 'edge-7']) expect(out).not.toContain(gone);
    const lines = out.split('\n');
    const serial = /SN-[0-9A-F]{6}/;
    expect(lines[0]).toMatch(/^Processor board ID SN-[0-9A-F]{6}$/);
    expect(lines[1]).toMatch(/^System serial number {12}: SN-[0-9A-F]{6}$/);
    // The same chassis in show version and show inventory: the same pseudonym.
    expect(serial.exec(lines[3]!)![0]).toBe(serial.exec(lines[0]!)![0]);
    expect(lines[4]).toMatch(/^license udi pid CISCO2911\/K9 sn SN-[0-9A-F]{6}$/);
    expect(lines[5]).toMatch(/^Device name: router-[0-9a-f]{6}$/);
    expect(lines[6]).toMatch(/^router-[0-9a-f]{6} uptime is 1 day, 2 hours$/);
    // Interfaces named Serial are no serial numbers.
    expect(lines.slice(7)).toEqual(['Serial0/0 is up, line protocol is up', 'interface Serial0/0/0']);
  });

  it('does the same in a terminal log that stamps every line (Tera Term, SecureCRT, ts), keeping the stamps', () => {
    const lines = config.split('\n');
    for (const stamp of STAMPS) {
      const stamps = lines.map((_l, n) => stamp(Date.UTC(2026, 11, 3, 23, 59, 59) + n * 900));
      const text = lines.map((l, n) => stamps[n] + l).join('\n');
      const names = createNameAnonymiser(KEY);
      names.learn(text);
      const out = names.text(text).split('\n');
      const plain = createNameAnonymiser(KEY);
      plain.learn(config);
      // Line for line what the unstamped config gives, behind the same stamps.
      expect(out).toEqual(plain.text(config).split('\n').map((l, n) => stamps[n] + l));
    }
  });

  it('one pseudonym per name across every paste of a link, and the report still reads', () => {
    const pastes = [
      { source: 'config.txt', text: config },
      { source: 'flows.txt', text: 'core-gw1#show ip cache flow\nSrcIf  SrcIPaddress  DstIf  DstIPaddress  Pr SrcP DstP  Pkts\nFa0/0  10.1.1.5  Fa0/1  2.3.4.5  06 0F9F 0050  1\n' },
    ];
    const diagnosis = diagnose(pastes);
    const link = buildShareLink({ pageUrl: 'https://x.test/', pastes, answers: {}, diagnosis, anonymiseKey: KEY });
    const r = decodePayload(payloadFromHash(new URL(link.url).hash)!);
    expect(r.ok && r.payload.mode).toBe('input');
    if (!r.ok || r.payload.mode !== 'input') return;
    const [a, b] = r.payload.pastes.map((p) => p.text);
    const name = /^(router-[0-9a-f]{6})#/.exec(a!)![1]!;
    expect(b!.startsWith(`${name}#show ip cache flow`)).toBe(true);
    expect(JSON.stringify(r.payload)).not.toMatch(/core-gw1|alice|ACME|10\.1\.1\.5/);
    expect(diagnose(r.payload.pastes).findings.map((f) => f.id)).toEqual(diagnosis.findings.map((f) => f.id));
  });
});
