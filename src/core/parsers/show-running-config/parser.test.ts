import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../../diagnose';
import { sectionsOf } from '../../sections';
import { runParser } from '../fixture-harness';
import { runningConfigParser, type RunningConfigData } from './parser';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

/** The config facts of a paste read through diagnose (echo, split, sniff), with its input summary. */
function read(name: string, text = fixture(name)) {
  const d = diagnoseDetailed([{ source: name, text }]);
  const [s] = sectionsOf(d.sections, 'show running-config');
  return { inputs: d.diagnosis.inputs, data: s!.data, summary: s!.summary };
}

const iface = (d: RunningConfigData, name: string) => d.interfaces.find((i) => i.name === name);

describe('show running-config: ciscoconfparse-1 (IOS 12.4 SOHO router, mixed CRLF/LF, no echo)', () => {
  const { inputs, data, summary } = read('ciscoconfparse-1.txt');

  it('is recognised by shape, one record, and every line is config syntax', () => {
    expect(inputs).toHaveLength(1);
    expect(summary).toMatchObject({ kind: 'show running-config', records: 1, warnings: [] });
  });

  it('reads the NAT translation timeouts (lines 292-294), so a remedy never raises one', () => {
    expect(data.natTimeouts).toEqual({
      timeout: { seconds: 300, line: 292 },
      'tcp-timeout': { seconds: 7200, line: 293 },
      'udp-timeout': { seconds: 1200, line: 294 },
    });
  });

  it('reads hostname, CEF, the HTTP servers and the untouched console logging', () => {
    expect(data.hostname).toBe('Foo');
    expect(data.version).toBe('12.4');
    // line 45 `ip cef`; line 46 `ip cef accounting ...` does not change the mode.
    expect(data.cef).toEqual({ mode: 'enabled', line: 45 });
    expect(data.httpServer).toEqual({ enabled: true, line: 288 });
    expect(data.httpSecureServer).toEqual({ enabled: false, line: 291 });
    // `no logging console guaranteed` (line 32) does not turn console logging off.
    expect(data.loggingConsole).toEqual({ enabled: true });
  });

  it('reads the three static routes, one to an interface without next hop', () => {
    expect(data.staticRoutes).toEqual([
      { prefix: '0.0.0.0', mask: '0.0.0.0', interface: 'Dialer1', distance: 250, line: 282 },
      { prefix: '0.0.0.0', mask: '0.0.0.0', nextHop: '172.16.2.254', distance: 254, line: 283 },
      { prefix: '172.16.255.254', mask: '255.255.255.255', interface: 'Null0', line: 284 },
    ]);
  });

  it('reads interfaces: addresses, NAT sides, access-groups, proxy-arp, point-to-point subinterface', () => {
    expect(data.interfaces.map((i) => i.name)).toEqual([
      'Loopback0', 'Null0', 'ATM0/0', 'ATM0/0.32', 'FastEthernet0/0', 'FastEthernet0/1', 'FastEthernet1/0', 'Virtual-Template1', 'Dialer1',
    ]);
    expect(iface(data, 'FastEthernet0/0')).toMatchObject({
      line: 218, type: 'FastEthernet', address: '172.16.2.1', mask: '255.255.255.0', nat: 'inside', proxyArp: false,
      accessGroups: [{ acl: 'ETH0_0_IN', direction: 'in', line: 220 }, { acl: 'BLACKHOLE', direction: 'out', line: 221 }],
    });
    expect(iface(data, 'Dialer1')).toMatchObject({ nat: 'outside', addressMode: 'negotiated', encapsulation: 'ppp' });
    expect(iface(data, 'Dialer1')?.address).toBeUndefined();
    // `ip accounting access-violations` is another feature than IP accounting of output packets.
    expect(iface(data, 'ATM0/0.32')).toMatchObject({ multipoint: false, ipAccounting: false });
    expect(data.interfaces.every((i) => !i.shutdown && !i.flowAccounting)).toBe(true);
  });

  it('reads 65 ACL entries; 7 log, and the remark "log all IPSEC" is not one of them', () => {
    expect(data.acls).toHaveLength(61 + 4);
    expect(data.acls.filter((a) => a.log).map((a) => [a.line, a.acl, a.log])).toEqual([
      [332, 'BLACKHOLE', 'log'], [340, 'ETH0_0_IN', 'log'], [355, 'EXT_IN', 'log'], [356, 'EXT_IN', 'log'],
      [357, 'EXT_IN', 'log'], [359, 'EXT_IN', 'log'], [360, 'EXT_IN', 'log'],
    ]);
    expect(data.acls.find((a) => a.line === 339)).toMatchObject({ acl: 'ETH0_0_IN', action: 'remark' });
    expect(data.acls.find((a) => a.line === 373)).toMatchObject({ acl: '11', action: 'remark', text: 'remark JAVA access-list' });
  });

  it('lists every ACL defined or referenced (WCCP, CBAC java-list, class-map, HTTP, SNMP, route-map)', () => {
    expect(data.aclIds).toEqual(
      ['11', '12', '99', 'BLACKHOLE', 'ETH0_0_IN', 'EXT_IN', 'EXT_OUT', 'INTERNAL_NETWORKS', 'MATCH_ANY', 'NOT_INTERNAL', 'PERMIT_ANY', 'TEMPORARY'],
    );
  });

  it('keeps named ACL kinds, class-map and policy-map names, and service-policies (the change plan needs them)', () => {
    expect(data.aclKinds).toMatchObject({ BLACKHOLE: 'extended', EXT_IN: 'extended' });
    expect(data.classMaps).toEqual(['IP_PREC_MEDIUM', 'IP_PREC_HIGH', 'TEST', 'TO_ATM', 'ALL']);
    expect(data.policyMaps?.length).toBeGreaterThan(0);
    expect(data.interfaces.flatMap((i) => i.servicePolicies ?? []).map((p) => [p.policy, p.direction])).toEqual([['EXTERNAL_CBWFQ', 'output']]);
  });

  it('reads the PAT rule and the static NAT', () => {
    expect(data.natRules).toEqual([
      { text: 'ip nat inside source list INTERNAL_NETWORKS interface Dialer1 overload', overload: true, line: 295, direction: 'inside', type: 'list', acl: 'INTERNAL_NETWORKS', interface: 'Dialer1' },
      { text: 'ip nat inside source static tcp 172.16.1.5 22 interface Dialer1 1415', overload: false, line: 296, direction: 'inside', type: 'static', interface: 'Dialer1' },
    ]);
  });
});

describe('show running-config: ciscoconfparse-2 (Aironet, bridge irb)', () => {
  const { data, summary } = read('ciscoconfparse-2.txt');

  it('reads bridge irb, bridge groups, the BVI, ip http server, and no CEF line', () => {
    expect(summary.warnings).toEqual([]);
    expect(data.bridgeIrb).toEqual({ line: 74 });
    expect(data.interfaces.map((i) => [i.name, i.type, i.bridgeGroup, i.address])).toEqual([
      ['Dot11Radio0', 'Dot11Radio', 1, undefined],
      ['FastEthernet0', 'FastEthernet', 1, undefined],
      ['BVI1', 'BVI', undefined, '10.32.200.12'],
    ]);
    expect(data.httpServer).toEqual({ enabled: true, line: 122 });
    expect(data.cef).toEqual({ mode: 'absent' });
    expect(data.acls).toEqual([{ acl: '111', text: 'permit tcp any any neq telnet', action: 'permit', line: 130 }]);
    expect(data.aclIds).toEqual(['111']);
  });
});

describe('show running-config: ciscoconfparse-3 (Cat6500 native, starts at version)', () => {
  const { data, summary } = read('ciscoconfparse-3.txt');

  it('reads 38 interfaces, 11 shut down, the next-hop default route, no ip http server; skips the banner', () => {
    expect(summary).toMatchObject({ kind: 'show running-config', records: 1, warnings: [], firstLine: 1, lastLine: 268 });
    expect(data.interfaces).toHaveLength(38);
    expect(data.interfaces.filter((i) => i.shutdown)).toHaveLength(11);
    expect(iface(data, 'Vlan1')).toMatchObject({ line: 226, address: '172.24.8.2', mask: '255.255.255.0' });
    expect(data.staticRoutes).toEqual([{ prefix: '0.0.0.0', mask: '0.0.0.0', nextHop: '172.24.8.1', line: 230 }]);
    expect(data.httpServer).toEqual({ enabled: false, line: 231 });
    expect(data.cef.mode).toBe('absent');
    expect(data.firstLine).toBe(1);
  });
});

describe('show running-config: dean-1 (IOSv session: terminal length 0, sh run, banners)', () => {
  const { inputs, data, summary } = read('dean-1.txt');

  it('is one input from the sh run echo, with no input for terminal length 0', () => {
    expect(inputs).toEqual([expect.objectContaining({ kind: 'show running-config', command: 'sh run', firstLine: 2, lastLine: 168, records: 1 })]);
    expect(summary.warnings).toEqual([]);
  });

  it('reads ip flow ingress as flow accounting on the dot1Q subinterface, and the HTTP servers off', () => {
    expect(iface(data, 'GigabitEthernet0/1.100')).toMatchObject({ line: 91, flowAccounting: true, flowEgress: true, encapsulation: 'dot1Q', address: '192.168.100.1' });
    expect(data.interfaces.filter((i) => i.flowAccounting).map((i) => i.name)).toEqual(['GigabitEthernet0/1.100']);
    expect(data.interfaces.filter((i) => i.shutdown).map((i) => i.name)).toEqual(['GigabitEthernet0/2', 'GigabitEthernet0/3']);
    expect(data.cef).toEqual({ mode: 'enabled', line: 51 });
    expect(data.httpServer).toEqual({ enabled: false, line: 121 });
    expect(data.hostname).toBe('R1');
    // Line 8 `version 15.6`: past the echo, the header and the `!` comments.
    expect(data.firstLine).toBe(8);
  });
});

describe('show running-config: napalm-1 (CSR1000V)', () => {
  it('reads four interfaces and nothing the rules would fire on', () => {
    const { data, summary } = read('napalm-1.txt');
    expect(summary.warnings).toEqual([]);
    expect(data.hostname).toBe('CSR1');
    expect(data.interfaces.map((i) => [i.name, i.address ?? null, i.shutdown])).toEqual([
      ['Loopback0', '1.1.1.1', false], ['GigabitEthernet1', '192.168.35.121', false], ['GigabitEthernet2', '10.1.1.1', false], ['GigabitEthernet3', null, true],
    ]);
    expect(data).toMatchObject({ staticRoutes: [], acls: [], natRules: [], aclIds: [], httpServer: { enabled: false, line: 128 } });
  });
});

describe('show running-config: the tech note problems (constructed) and their clean counterpart', () => {
  const bad = read('constructed-code-red.cfg.txt');
  const good = read('constructed-clean.cfg.txt');

  it('reads every problem with its line', () => {
    const d = bad.data;
    expect(bad.summary.warnings).toEqual([]);
    expect(d.staticRoutes[0]).toEqual({ prefix: '0.0.0.0', mask: '0.0.0.0', interface: 'Vlan3', line: 54 });
    expect(d.staticRoutes[1]).toEqual({ prefix: '10.20.0.0', mask: '255.255.0.0', interface: 'Serial0/0.1', line: 55 });
    expect(d.cef).toEqual({ mode: 'disabled', line: 17 });
    expect(d.httpServer).toEqual({ enabled: true, line: 56 });
    expect(d.loggingConsole).toEqual({ enabled: true, level: 'debugging', line: 14 });
    expect(d.bridgeIrb).toEqual({ line: 19 });
    expect(d.natRules).toEqual([{ text: 'ip nat inside source list 1 pool PUBLIC overload', overload: true, line: 52, direction: 'inside', type: 'list', acl: '1', pool: 'PUBLIC' }]);
    expect(d.acls.filter((a) => a.log).map((a) => [a.acl, a.log, a.line])).toEqual([['101', 'log', 59], ['101', 'log-input', 60]]);
    expect(d.aclIds).toEqual(['1', '101']);
    expect(good.data.aclIds).toEqual(['1', '150']);
  });

  it('reads the interfaces: multipoint FR subinterface and FR main, accounting and netflow on Vlan1', () => {
    const d = bad.data;
    expect(iface(d, 'Serial0/0.1')).toMatchObject({ multipoint: true, address: '172.16.1.1' });
    expect(iface(d, 'Serial0/0')).toMatchObject({ multipoint: true, encapsulation: 'frame-relay' });
    expect(iface(d, 'Vlan1')).toMatchObject({ nat: 'inside', ipAccounting: true, flowAccounting: true, multipoint: false });
    expect(iface(d, 'Vlan3')).toMatchObject({ accessGroups: [{ acl: '101', direction: 'in', line: 42 }] });
    expect(iface(d, 'Ethernet1')?.bridgeGroup).toBe(1);
  });

  it('reads the clean config as clean', () => {
    const d = good.data;
    expect(good.summary.warnings).toEqual([]);
    expect(d.staticRoutes).toEqual([{ prefix: '0.0.0.0', mask: '0.0.0.0', nextHop: '2.34.56.2', line: 34 }]);
    expect(d.cef).toEqual({ mode: 'enabled', line: 17 });
    expect(d.httpServer).toEqual({ enabled: false, line: 35 });
    expect(d.loggingConsole).toEqual({ enabled: false, line: 14 });
    expect(d.bridgeIrb).toBeUndefined();
    expect(d.natRules.map((r) => r.overload)).toEqual([false]);
    expect(d.acls.some((a) => a.log)).toBe(false);
    expect(d.interfaces.some((i) => i.multipoint || i.ipAccounting)).toBe(false);
  });
});

describe('show running-config: lines that are not configuration', () => {
  const paste = [
    'R1#sh run',
    'Hi team, here is the config you asked for.',
    '!',
    'hostname R1',
    'interface Vlan3',
    ' ip address 10.0.0.1 255.0.0.0',
    ' Please check this one',
    'ip route 0.0.0.0 0.0.0.0 Vlan3 name DEFAULT permanent',
    'ip route 10.0.0.0 255.0.0.0.0 Null0',
    'banner motd ^C',
    'Anything at all: interface x, ip http server, !',
    '^C',
    'ntp server 10.1.1.1',
    '-- John',
    'end',
  ].join('\n');
  const { data, summary } = read('prose.txt', paste);

  it('warns on prose and garbled lines with their line numbers, not on commands it does not model', () => {
    expect(summary.warnings).toEqual([
      { line: 2, message: 'not configuration syntax: "Hi team, here is the config you asked for."' },
      { line: 7, message: 'not configuration syntax: "Please check this one"' },
      { line: 9, message: 'static route not understood: "ip route 10.0.0.0 255.0.0.0.0 Null0"' },
      { line: 14, message: 'not configuration syntax: "-- John"' },
    ]);
    expect(data.staticRoutes).toEqual([{ prefix: '0.0.0.0', mask: '0.0.0.0', interface: 'Vlan3', name: 'DEFAULT', permanent: true, line: 8 }]);
  });

  it('skips the banner body (its "ip http server" is text) and stays one input', () => {
    expect(data.httpServer).toEqual({ enabled: false });
    expect(diagnose([{ source: 'p', text: paste }]).inputs.map((i) => i.command)).toEqual(['sh run']);
  });

  it('ends a banner at its delimiter anywhere on a line, as IOS does, and reads one-line banners', () => {
    const { data: d, summary: s } = read('b.txt', 'show run\nhostname R1\nbanner motd #Welcome#\nip http server\nbanner login ^C\nhello ^C\nno ip cef\n');
    // (No closing end: the only warning says where the config stops.)
    expect(s.warnings.map((w) => [w.line, w.message.slice(0, 52)])).toEqual([[7, 'the running-config stops here with no closing end: i']]);
    expect(d.httpServer).toEqual({ enabled: true, line: 4 });
    expect(d.cef).toEqual({ mode: 'disabled', line: 7 });
  });

  it('recognises a few global commands pasted alone, and not other output', () => {
    const { data: d, summary: s } = read('g.txt', 'ip route 0.0.0.0 0.0.0.0 Vlan3\nip http server\n');
    expect(s).toMatchObject({ kind: 'show running-config', records: 1, warnings: [] });
    expect(d.staticRoutes[0]?.interface).toBe('Vlan3');
    const sec = (text: string) => ({ lines: text.split('\n'), from: 0, to: text.split('\n').length });
    expect(runningConfigParser.sniff(sec(' 100  0  1  0  0.00%  0.00%  0.00%   0 cpf_process\n 189  0  1  0  0.00%  0.00%  0.00%   0 ADJ'))).toBe(0);
    expect(runningConfigParser.sniff(sec('Protocol  Address  Age (min)  Hardware Addr   Type   Interface\nInternet  10.1.1.1  -  5254.00c7.6ac6  ARPA   Gi0/1'))).toBe(0);
  });

  it('reads a filtered config, keeps the filter so absence proves nothing, and flags orphan interface lines', () => {
    const text = 'R1#sh run | i ip nat|ip route\n ip nat inside\n ip nat outside\nip nat inside source list 1 interface Dialer1 overload\nip route 0.0.0.0 0.0.0.0 Dialer1\n';
    const { data: d, summary: s } = read('f.txt', text);
    expect(d.filter).toBe('i ip nat|ip route');
    expect(d.cef.mode).toBe('absent');
    expect(d.natRules.map((r) => [r.overload, r.interface])).toEqual([[true, 'Dialer1']]);
    expect(s.warnings.map((w) => [w.line, w.message.split(':')[0]])).toEqual([
      [2, 'interface setting without its interface line'],
      [3, 'interface setting without its interface line'],
    ]);
  });

  it('glues a long line a terminal cut at 80 columns back together (the tail would not be a command)', () => {
    const long = 'access-list 101 permit tcp 10.0.0.0 0.255.255.255 host 192.168.100.100 eq www log';
    const text = `show run\nhostname R1\n${long.slice(0, 80)}\n${long.slice(80)}\nip http server\n`;
    const { data: d, summary: s } = read('w.txt', text);
    expect(s.warnings.map((w) => [w.line, w.message.slice(0, 52)])).toEqual([[5, 'the running-config stops here with no closing end: i']]);
    expect(d.acls).toEqual([{ acl: '101', text: long.slice('access-list 101 '.length), action: 'permit', log: 'log', line: 3 }]);
    expect(d.httpServer).toEqual({ enabled: true, line: 5 });
  });

  it('reads netflow in its three spellings, numeric console levels, and only real entries of a named ACL', () => {
    const text = [
      'show running-config',
      'logging console 7',
      'interface Vlan1',
      ' ip route-cache flow sampled',
      'interface Vlan2',
      ' ip flow monitor FNF input',
      'interface Vlan3',
      ' ip flow monitor FNF output',
      'ip access-list extended WEB',
      ' statistics per-entry',
      ' 10 deny tcp any any eq www log-input',
      ' 20 permit ip any any',
    ].join('\n');
    const { data: d, summary: s } = read('n.txt', text);
    expect(s.warnings).toEqual([]);
    expect(d.loggingConsole).toEqual({ enabled: true, level: 'debugging', line: 2 });
    expect(d.interfaces.map((i) => [i.name, i.flowAccounting])).toEqual([['Vlan1', true], ['Vlan2', true], ['Vlan3', false]]);
    expect(d.acls).toEqual([
      { acl: 'WEB', text: 'deny tcp any any eq www log-input', action: 'deny', sequence: 10, log: 'log-input', line: 11 },
      { acl: 'WEB', text: 'permit ip any any', action: 'permit', sequence: 20, line: 12 },
    ]);
  });

  it('never throws on junk, and still returns one record with every line warned', () => {
    const r = runParser(runningConfigParser, '\u0000\u0001 ~~~\n%%%\n  \n0 0 0\n');
    expect(r.records).toBe(1);
    expect(r.warnings.map((w) => w.line)).toEqual([1, 2, 4]);
  });
});

describe('show running-config: every leading space lost (a notes app, a blank line after every line)', () => {
  const flat = [
    'R2#sh run', '', 'Building configuration...', '', '!', '', 'hostname R2', '', '!', '',
    'ip dhcp pool DHCP', '', 'import all', '', 'network 10.1.1.0 255.255.255.0', '', '!', '',
    'interface FastEthernet1/0', '', 'ip address 10.1.1.1 255.255.255.0', '', 'ip nat inside', '', 'duplex auto', '', '!', '',
    'interface Dialer0', '', 'ip address negotiated', '', 'ip nat outside', '', 'ip access-group 101 in', '', 'encapsulation ppp', '', '!', '',
    'ip route 0.0.0.0 0.0.0.0 Dialer0', '', 'ip nat inside source list 10 interface Dialer0 overload', '', '!', '',
    'line con 0', '', 'exec-timeout 0 0', '', '!', '', 'end', '',
  ].join('\n');

  it('puts the column-0 lines under their interface up to the "!", and reads the globals after it', () => {
    const { data, summary } = read('flat', flat);
    expect(summary).toMatchObject({ records: 1, warnings: [] });
    expect(iface(data, 'FastEthernet1/0')).toMatchObject({ address: '10.1.1.1', nat: 'inside' });
    expect(iface(data, 'Dialer0')).toMatchObject({ addressMode: 'negotiated', nat: 'outside', accessGroups: [{ acl: '101', direction: 'in', line: 35 }] });
    expect(data.staticRoutes).toEqual([expect.objectContaining({ prefix: '0.0.0.0', interface: 'Dialer0', line: 41 })]);
    expect(data.natRules).toHaveLength(1);
  });

  it('reads interface bodies at column 0 when the ACL bodies kept their indentation (a hand-edited paste)', () => {
    // Shape of the Margrave reflexive-ACL capture: without this the WAN access-group was read as nothing at all.
    const mixed = ['interface FastEthernet0', 'ip address 209.172.108.16 255.255.255.224', 'ip access-group fromoutside in', 'ip nat outside', '!',
      'ip access-list extended fromoutside', '  permit tcp any host 209.172.108.16 eq 80', '  evaluate returntcp', '!', 'end'].join('\n');
    const { data, summary } = read('mixed', mixed);
    expect(summary.warnings).toEqual([]);
    expect(iface(data, 'FastEthernet0')).toMatchObject({ address: '209.172.108.16', nat: 'outside', accessGroups: [{ acl: 'fromoutside', direction: 'in', line: 3 }] });
    expect(data.acls.map((a) => a.text)).toEqual(['permit tcp any host 209.172.108.16 eq 80', 'evaluate returntcp']);
  });

  it('reads an access-group without a direction as outbound, as IOS does (the 11.x-era form)', () => {
    const { data } = read('old', ['interface Serial0', ' ip address 10.0.0.1 255.255.255.252', ' ip access-group 110', '!', 'end'].join('\n'));
    expect(iface(data, 'Serial0')).toMatchObject({ accessGroups: [{ acl: '110', direction: 'out', line: 3 }] });
  });

  it('still warns about a line that is not configuration, inside a block or out of one', () => {
    const lines = flat.split('\n');
    lines.splice(24, 0, '@@ junk 42');
    lines.splice(41, 0, 'thanks for any help');
    const { summary } = read('flat', lines.join('\n'));
    expect(summary.warnings.map((w) => w.line)).toEqual([25, 42]);
  });

  it('an indented config is read as before: a column-0 line after an interface body is a global command', () => {
    const { data } = read('i', ['R1#show running-config', 'interface Ethernet0', ' ip address 10.0.0.1 255.0.0.0', 'ip nat inside source list 1 interface Ethernet0 overload', '!', 'end', ''].join('\n'));
    expect(iface(data, 'Ethernet0')!.nat).toBeUndefined();
    expect(data.natRules).toHaveLength(1);
  });
});

describe('show running-config: every line indented (a Markdown code block, a forum post, a quoted mail)', () => {
  /** `prefix` put before every non-empty line, as sed 's/^\(.\)/    \1/' does (a CRLF capture's empty lines hold a CR). */
  const indent = (text: string, prefix: string) => text.split('\n').map((l) => (l === '' || l === '\r' ? l : prefix + l)).join('\n');
  const fieldText = (name: string) => readFileSync(join(__dirname, 'fixtures/field', name), 'utf8');
  const captures: [string, string][] = [
    ['dean-1.txt (IOSv, sh run echo, banners, CRLF)', fixture('dean-1.txt')],
    ['notion R2 (leading spaces lost, blank lines)', fieldText('notion-pppoe-blank-lines-unindented.txt')],
    ['ciscoconfparse-1 (no echo, starts with a blank line)', fixture('ciscoconfparse-1.txt')],
    ['constructed code red', fixture('constructed-code-red.cfg.txt')],
    ['napalm BGP (no banner lines)', fieldText('napalm-bgp-no-banner.txt')],
    ['ASA 8.4 (wosm)', fieldText('wosm-asa-8-4.txt')],
    ['NX-OS spine (netutils)', fieldText('netutils-nxos-spine.txt')],
  ];

  for (const [what, text] of captures) {
    for (const [how, prefix] of [['4 spaces', '    '], ['2 spaces', '  '], ['a tab', '\t']] as const) {
      it(`${what}, indented by ${how}: read as the capture itself, findings and warnings included`, () => {
        const plain = diagnoseDetailed([{ source: 'c.txt', text }]);
        const shifted = diagnoseDetailed([{ source: 'c.txt', text: indent(text, prefix) }]);
        const config = (d: typeof plain) => sectionsOf(d.sections, 'show running-config')[0]?.data;
        expect(config(shifted)).toEqual(config(plain));
        expect(shifted.diagnosis.inputs.map((i) => [i.kind, i.records, i.warnings])).toEqual(plain.diagnosis.inputs.map((i) => [i.kind, i.records, i.warnings]));
        expect(shifted.diagnosis.findings).toEqual(plain.diagnosis.findings);
      });
    }
  }

  it('the code red config indented by 4 still gets its findings (they vanished when its globals were read as block bodies)', () => {
    const d = diagnose([{ source: 'c.txt', text: indent(fixture('constructed-code-red.cfg.txt'), '    ') }]);
    expect(d.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['cef-not-enabled', 'http-server-enabled', 'default-route-to-broadcast-interface', 'acl-log-keyword']));
  });

  it('keeps the indent of a filtered paste of block bodies (` ip nat inside` alone is no global line) and warns for it', () => {
    const { summary } = read('f.txt', 'R1#sh run | i ip nat inside|ip access-group\n ip nat inside\n ip access-group 101 in\n');
    expect(summary.warnings.map((w) => [w.line, w.message.split(':')[0]])).toEqual([
      [2, 'interface setting without its interface line'],
      [3, 'interface setting without its interface line'],
    ]);
  });

  it('never skips an indented line silently: one with no block above it is warned, whatever it says', () => {
    const text = ['R1#show running-config', 'hostname R1', '!', ' interface FastEthernet0/6', ' description uplink', 'ip http server', '!', 'end'].join('\n');
    const { data, summary } = read('s.txt', text);
    expect(summary.warnings.map((w) => [w.line, w.message])).toEqual([
      [4, 'indented line with no block above it: "interface FastEthernet0/6"'],
      [5, 'indented line with no block above it: "description uplink"'],
    ]);
    expect(data.httpServer).toEqual({ enabled: true, line: 6 });
  });
});

describe('show running-config: NX-OS field captures (addresses and routes with prefix lengths, vrf context routes)', () => {
  const field = (name: string) => read(name, fixture(`field/${name}`));
  const withAddress = (d: RunningConfigData) => d.interfaces.filter((i) => i.address !== undefined).length;

  it('ciscoconfparse sample_01.nxos (Nexus 7010, no header): NX-OS from its feature lines, 34 addresses, three routes', () => {
    const { data, summary } = field('ciscoconfparse-nxos-sample-01.txt');
    expect(summary).toMatchObject({ records: 1, warnings: [] });
    expect(data.platform).toBe('nx-os');
    // Line 27 `feature-set fex` is not `feature X`; line 28 `feature telnet` tells first.
    expect(data.platformLine).toBe(28);
    expect(data.interfaces).toHaveLength(82);
    expect(withAddress(data)).toBe(34);
    expect(iface(data, 'Vlan8')).toMatchObject({ address: '192.168.254.1', mask: '255.255.255.252' });
    expect(data.staticRoutes).toEqual([
      { prefix: '0.0.0.0', mask: '0.0.0.0', nextHop: '10.1.1.1', line: 83 },
      { prefix: '192.0.2.0', mask: '255.255.255.0', interface: 'port-channel80.1', nextHop: '10.10.200.134', line: 130, vrf: 'CHARLIE' },
      { prefix: '0.0.0.0', mask: '0.0.0.0', nextHop: '10.10.248.1', line: 141, vrf: 'management' },
    ]);
    // NX-OS console logging defaults to critical, and the config omits it.
    expect(data.loggingConsole).toEqual({ enabled: true, level: 'critical' });
  });

  it('opennxos Leaf_1 (Nexus 9000, switchname, !Command: header): its only route is the management VRF\'s', () => {
    const { data, summary } = field('opennxos-leaf1-n9k.txt');
    expect(summary).toMatchObject({ records: 1, warnings: [] });
    expect(data).toMatchObject({ platform: 'nx-os', hostname: 'Leaf_1' });
    // 199 lines start "interface "; line 51 `interface breakout module 1 port 37-72 map 10g-4x` is a global command.
    expect(data.interfaces).toHaveLength(198);
    expect(withAddress(data)).toBe(12);
    expect(iface(data, 'loopback0')).toMatchObject({ address: '30.1.1.1', mask: '255.255.255.255' });
    expect(iface(data, 'loopback0')?.secondary).toEqual([{ address: '101.1.1.1', mask: '255.255.255.0' }]);
    expect(data.staticRoutes).toEqual([{ prefix: '0.0.0.0', mask: '0.0.0.0', nextHop: '10.23.248.1', line: 114, vrf: 'management' }]);
  });

  it('napalm nxos1 (NX-OSv): no logging console read as off', () => {
    const { data, summary } = field('napalm-nxos1-n7kv.txt');
    expect(summary).toMatchObject({ records: 1, warnings: [] });
    expect(data.platform).toBe('nx-os');
    expect(data.interfaces).toHaveLength(148);
    expect(withAddress(data)).toBe(6);
    expect(data.loggingConsole).toEqual({ enabled: false, line: 674 });
    expect(data.staticRoutes).toEqual([{ prefix: '0.0.0.0', mask: '0.0.0.0', nextHop: '10.0.0.2', line: 71, vrf: 'management' }]);
  });

  it('netutils spine (no header): an NX-OS list named without a kind, used by a route-map', () => {
    const { data, summary } = field('netutils-nxos-spine.txt');
    expect(summary).toMatchObject({ records: 1, warnings: [] });
    expect(data.platform).toBe('nx-os');
    expect(withAddress(data)).toBe(7);
    expect(data.aclKinds).toEqual({ PERMIT_ROUTES: 'extended' });
    expect(data.acls).toEqual([{ acl: 'PERMIT_ROUTES', text: 'permit ip any any', line: 113, action: 'permit', sequence: 10 }]);
    expect(data.aclUses?.PERMIT_ROUTES).toMatch(/^match ip address/);
    expect(data.staticRoutes).toEqual([{ prefix: '0.0.0.0', mask: '0.0.0.0', nextHop: '10.0.0.2', line: 130 }]);
  });

  it('an IOS config is not NX-OS: no platform, console logging at its IOS default', () => {
    const { data } = read('ciscoconfparse-1.txt');
    expect(data.platform).toBeUndefined();
    expect(data.loggingConsole.level).toBeUndefined();
  });
});

describe('show running-config: ASA field captures (nameif, global access-list lines, access-group by interface name)', () => {
  const field = (name: string) => read(name, fixture(`field/${name}`));
  /** Permit and deny entries per list. */
  const entries = (d: RunningConfigData) => {
    const out: Record<string, number> = {};
    for (const a of d.acls) if (a.action === 'permit' || a.action === 'deny') out[a.acl] = (out[a.acl] ?? 0) + 1;
    return out;
  };
  const bound = (d: RunningConfigData) => d.interfaces.flatMap((i) => i.accessGroups.map((g) => `${i.nameif} ${g.direction} ${g.acl}`));

  it('ntc-soteria FW1 (ASA 9.8): three lists bound in, the default route out of outside', () => {
    const { data, summary } = field('ntc-soteria-asa-fw1.txt');
    expect(summary).toMatchObject({ records: 1, warnings: [] });
    expect(data).toMatchObject({ platform: 'asa', version: '9.8(2)', hostname: 'FW1' });
    expect(data.interfaces.map((i) => i.nameif)).toEqual(['outside', 'webfarm', 'inside', 'mgmt']);
    expect(entries(data)).toEqual({ 'acl-inside': 5, 'acl-webfarm': 6, 'acl-outside': 2 });
    expect(bound(data)).toEqual(['outside in acl-outside', 'webfarm in acl-webfarm', 'inside in acl-inside']);
    expect(data.staticRoutes.map((r) => `${r.interface} ${r.prefix} ${r.mask} ${r.nextHop}`)).toEqual([
      `${data.interfaces[0]!.name} 0.0.0.0 0.0.0.0 192.168.0.1`,
      `${data.interfaces[2]!.name} 10.0.2.0 255.255.255.0 10.0.0.14`,
      `${data.interfaces[3]!.name} 172.16.3.0 255.255.255.0 172.29.132.254`,
    ]);
  });

  it('wosm (ASA 8.4): an IPv6 list bound beside the IPv4 one does not take its place', () => {
    const { data, summary } = field('wosm-asa-8-4.txt');
    expect(summary).toMatchObject({ records: 1, warnings: [] });
    expect(data).toMatchObject({ platform: 'asa', version: '8.4(2)', hostname: 'ciscoasa' });
    expect(data.interfaces.filter((i) => i.nameif)).toHaveLength(3);
    expect(bound(data)).toEqual(['outside in outside_in', 'dmz in dmz_in', 'inside in inside_in']);
    expect(entries(data)).toMatchObject({ inside_in: 1, dmz_in: 5, outside_in: 2, '99': 1 });
    expect(data.loggingConsole).toEqual({ enabled: true, level: 'informational', line: 95 });
    expect(data.staticRoutes).toHaveLength(1);
  });

  it('ciscoconfparse sample_01.asa (ASA 5505): upper-case nameifs, seven lists', () => {
    const { data, summary } = field('ciscoconfparse-asa-sample-01.txt');
    expect(summary).toMatchObject({ records: 1, warnings: [] });
    expect(data).toMatchObject({ platform: 'asa', version: '9.0(3)', hostname: 'fw' });
    // Six extended lists and a standard one (the VPN's split tunnel).
    expect(entries(data)).toEqual({ SPLIT_TUNNEL_NETS: 1, NO_SSLVPN_NAT: 1, INSIDE_in: 13, ANY: 2, VOIP: 2, MAINTENANCE: 1, OUTSIDE_in: 4 });
    expect(bound(data)).toEqual(['OUTSIDE in OUTSIDE_in', 'INSIDE in INSIDE_in']);
    // 13 INSIDE_in entries end in log; line 261's `log disable` turns it off for that one.
    expect(data.acls.filter((a) => a.acl === 'INSIDE_in' && a.log).length).toBe(12);
    expect(data.acls.find((a) => a.line === 261)?.log).toBeUndefined();
    // No console logging line: an ASA's default is off.
    expect(data.loggingConsole).toEqual({ enabled: false });
  });
});

describe('show running-config: IOS XR (constructed from the IOS XR configuration guide\'s forms)', () => {
  const XR = [
    'RP/0/RSP0/CPU0:PE1#show running-config',
    'Thu Dec  3 10:00:00.000 UTC',
    'Building configuration...',
    '!! IOS XR Configuration 6.1.2',
    '!! Last configuration change at Wed Dec  2 09:00:00 2026 by admin',
    '!',
    'hostname PE1',
    'domain name example.com',
    'ipv4 access-list EDGE-IN',
    ' 10 deny tcp any any eq www',
    ' 20 permit ipv4 any any',
    '!',
    'interface GigabitEthernet0/0/0/0',
    ' ipv4 address 192.168.1.1 255.255.255.0',
    ' ipv4 access-group EDGE-IN ingress',
    '!',
    'router static',
    ' address-family ipv4 unicast',
    '  0.0.0.0/0 192.168.1.254',
    '  10.9.0.0/16 GigabitEthernet0/0/0/0 192.168.1.9',
    ' !',
    ' vrf CUST',
    '  address-family ipv4 unicast',
    '   0.0.0.0/0 10.20.0.1',
    '  !',
    ' !',
    '!',
    'end',
  ].join('\n');

  it('reads its addresses, the list bound ingress and the static routes, VRF included, with no unread line', () => {
    const { data, summary } = read('xr.txt', XR);
    expect(summary).toMatchObject({ records: 1, warnings: [] });
    expect(data).toMatchObject({ platform: 'ios-xr', platformLine: 4, version: '6.1.2', hostname: 'PE1' });
    expect(iface(data, 'GigabitEthernet0/0/0/0')).toMatchObject({ address: '192.168.1.1', mask: '255.255.255.0', accessGroups: [{ acl: 'EDGE-IN', direction: 'in', line: 15 }] });
    expect(data.acls.map((a) => `${a.sequence} ${a.text}`)).toEqual(['10 deny tcp any any eq www', '20 permit ipv4 any any']);
    expect(data.staticRoutes).toEqual([
      { prefix: '0.0.0.0', mask: '0.0.0.0', nextHop: '192.168.1.254', line: 19 },
      { prefix: '10.9.0.0', mask: '255.255.0.0', interface: 'GigabitEthernet0/0/0/0', nextHop: '192.168.1.9', line: 20 },
      { prefix: '0.0.0.0', mask: '0.0.0.0', nextHop: '10.20.0.1', line: 24, vrf: 'CUST' },
    ]);
  });

  it('gets no "no ip cef line" finding and no IOS plan', () => {
    const d = diagnose([{ source: 'xr.txt', text: XR }]);
    expect(d.findings).toEqual([]);
    expect(d.plans ?? []).toEqual([]);
  });
});
