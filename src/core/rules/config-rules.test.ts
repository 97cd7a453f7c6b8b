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
const one = (id: string, names: string[], answers: Record<string, string> = {}) => run(names, answers).filter((f) => f.id === id);
const CONFIG_IDS = ['default-route-to-broadcast-interface', 'cef-not-enabled', 'http-server-enabled', 'acl-log-keyword'];

describe('the tech note\'s config problems together (constructed config)', () => {
  const findings = run(['config-constructed-code-red.txt']);
  const byId = (id: string) => findings.filter((f) => f.id === id);

  it('raises the four config findings', () => {
    for (const id of CONFIG_IDS) expect(byId(id).length, id).toBeGreaterThan(0);
  });

  it('default route to Vlan3: critical, replaced by a next-hop route (placeholder: nothing reveals it), then clear arp-cache', () => {
    const [f] = byId('default-route-to-broadcast-interface');
    expect(f!).toMatchObject({ severity: 'critical', title: 'Default route points at broadcast interface Vlan3 with no next hop' });
    expect(f!.evidence).toEqual([{ source: 'config-constructed-code-red.txt', line: 54, text: 'ip route 0.0.0.0 0.0.0.0 Vlan3' }]);
    expect(f!.remedy.commands).toEqual(['ip route 0.0.0.0 0.0.0.0 <next-hop address on Vlan3: show ip arp Vlan3 or show cdp neighbors Vlan3 detail>', 'no ip route 0.0.0.0 0.0.0.0 Vlan3', 'clear arp-cache']);
    expect(f!.remedy.caveats[0]).toContain('2.34.56.1 255.255.255.0');
  });

  it('a route to a Frame Relay multipoint subinterface is a warning', () => {
    const f = byId('default-route-to-broadcast-interface')[1]!;
    expect(f).toMatchObject({ severity: 'warning', title: 'Static route to 10.20.0.0 255.255.0.0 points at multipoint interface Serial0/0.1 with no next hop' });
  });

  it('no ip cef -> ip cef; http server -> no ip http server; ACL 101 with log -> a log-free copy swapped in on Vlan3', () => {
    expect(byId('cef-not-enabled')[0]!).toMatchObject({ severity: 'warning', title: 'CEF is disabled (no ip cef) on Router' });
    expect(byId('cef-not-enabled')[0]!.remedy.commands).toEqual(['ip cef']);
    expect(byId('cef-not-enabled')[0]!.remedy.caveats.join(' ')).toContain('Fix the default route to Vlan3 first');
    expect(byId('http-server-enabled')[0]!.remedy.commands).toEqual(['no ip http server']);
    const acl = byId('acl-log-keyword')[0]!;
    expect(acl.title).toBe('ACL 101 logs traffic the worm sends: 2 entries with log (applied on Vlan3 in)');
    expect(acl.evidence.map((e) => e.line)).toEqual([59, 60]);
    expect(acl.remedy.commands).toEqual(['access-list 100 permit tcp any any eq www', 'access-list 100 deny ip any any', 'interface Vlan3', ' ip access-group 100 in']);
    expect(acl.remedy.caveats.join(' ')).toContain('no access-list 101');
  });
});

describe('the same router after the remedies (constructed clean config)', () => {
  it('raises none of the config findings', () => {
    const ids = run(['config-constructed-clean.txt']).map((f) => f.id);
    for (const id of CONFIG_IDS) expect(ids, id).not.toContain(id);
  });
});

describe('default-route-to-broadcast-interface: the next hop from context', () => {
  it('takes the upstream router from the ARP table: the in-subnet neighbour whose MAC answers for the random targets', () => {
    const [f] = one('default-route-to-broadcast-interface', ['constructed-config-vlan3.txt', 'constructed-arp-proxy-explosion.txt']);
    expect(f!.remedy.commands).toEqual(['ip route 0.0.0.0 0.0.0.0 10.10.3.2', 'no ip route 0.0.0.0 0.0.0.0 Vlan3', 'clear arp-cache']);
    expect(f!.evidence[1]).toMatchObject({ source: 'constructed-arp-proxy-explosion.txt', line: 4 });
    expect(f!.remedy.caveats[0]).toMatch(/answers ARP for 320 addresses outside it/);
  });

  it('on a real ARP capture (proxy ARP through Gi0/0) proposes 10.1.12.2', () => {
    const [f] = one('default-route-to-broadcast-interface', ['constructed-config-marius-gi0.txt', 'arp-marius-3.txt']);
    expect(f!.severity).toBe('warning');
    expect(f!.remedy.commands[0]).toBe('ip route 10.1.3.0 255.255.255.0 10.1.12.2');
  });

  it('takes no guess from a lone neighbour in the subnet, nor from a MAC answering for addresses inside it (a NAT firewall)', () => {
    const cfg = ['R1#show running-config', 'version 12.4', 'hostname R1', '!', 'interface FastEthernet0/1', ' ip address 10.10.3.1 255.255.255.0', '!', 'ip route 0.0.0.0 0.0.0.0 FastEthernet0/1', 'end'].join('\n');
    const arp = (rows: string[]) =>
      ['R1#show ip arp', 'Protocol  Address          Age (min)  Hardware Addr   Type   Interface', 'Internet  10.10.3.1               -   0011.2233.4401  ARPA   FastEthernet0/1', ...rows].join('\n');
    const row = (ip: string, mac: string) => `Internet  ${ip.padEnd(15)}        3   ${mac}  ARPA   FastEthernet0/1`;
    const lone = arp([row('10.10.3.50', '00aa.bbcc.0050'), ...Array.from({ length: 40 }, (_v, i) => row(`198.51.${i}.7`, '001b.d4bb.0002'))]);
    const nat = arp([row('10.10.3.10', '00aa.bbcc.0010'), row('10.10.3.11', '00aa.bbcc.0010'), row('10.10.3.12', '00aa.bbcc.0010'), row('10.10.3.13', '00aa.bbcc.0010')]);
    for (const [name, text] of [['lone', lone], ['nat', nat]] as const) {
      const [f] = diagnose([{ source: 'cfg.txt', text: cfg }, { source: 'arp.txt', text }]).findings.filter((x) => x.id === 'default-route-to-broadcast-interface');
      expect(f!.remedy.commands[0], name).toMatch(/^ip route 0\.0\.0\.0 0\.0\.0\.0 <next-hop/);
    }
  });

  it('takes the other end of a /30 from the config when no ARP table is pasted', () => {
    const text = ['R2#show running-config', 'hostname R2', '!', 'interface FastEthernet0/1', ' ip address 192.0.2.2 255.255.255.252', '!', 'ip route 0.0.0.0 0.0.0.0 FastEthernet0/1', 'end'].join('\n');
    const [f] = diagnose([{ source: 'r2.txt', text }]).findings.filter((x) => x.id === 'default-route-to-broadcast-interface');
    expect(f!.remedy.commands[0]).toBe('ip route 0.0.0.0 0.0.0.0 192.0.2.1');
    expect(f!.remedy.caveats[0]).toMatch(/point-to-point subnet whose other address is 192\.0\.2\.1/);
  });

  it('stays silent on real configs: next-hop routes, and a default route to a dialer (point-to-point)', () => {
    for (const n of ['config-ciscoconfparse-1.txt', 'config-ciscoconfparse-3.txt', 'config-dean-1.txt', 'config-napalm-1.txt']) {
      expect(one('default-route-to-broadcast-interface', [n]), n).toEqual([]);
    }
  });
});

describe('arp rules with the config', () => {
  it('arp-table-explosion counts the addresses outside the interface subnet and reuses the route fix', () => {
    const [f] = one('arp-table-explosion', ['constructed-config-marius-gi0.txt', 'arp-marius-3.txt']);
    expect(f!.title).toBe('9 ARP entries on GigabitEthernet0/0 resolve to one MAC, 5254.00a6.05b1 (8 outside 10.1.12.0/24)');
    expect(f!.remedy.commands[1]).toBe('no ip route 10.1.3.0 255.255.255.0 GigabitEthernet0/0');
  });

  it('arp-input-memory names the route when the config is pasted too', () => {
    const [f] = one('arp-input-memory', ['technote-procmem-arp-input.txt', 'constructed-config-vlan3.txt']);
    expect(f!.remedy.commands[1]).toBe('no ip route 0.0.0.0 0.0.0.0 Vlan3');
    expect(f!.evidence.map((e) => e.source)).toEqual(['technote-procmem-arp-input.txt', 'constructed-config-vlan3.txt']);
  });
});

describe('arp-table-explosion: incomplete entries', () => {
  it('fires on hundreds of incomplete entries and reuses the route fix', () => {
    const [f] = one('arp-table-explosion', ['constructed-arp-incomplete.txt', 'constructed-config-vlan3.txt']);
    expect(f!.title).toBe('300 incomplete ARP entries: the router ARPs for destinations nobody answers');
    expect(f!.remedy.commands[1]).toBe('no ip route 0.0.0.0 0.0.0.0 Vlan3');
  });

  it('a few incomplete entries are normal', () => {
    expect(one('arp-table-explosion', ['arp-marius-2.txt', 'constructed-config-vlan3.txt'])).toEqual([]);
  });
});

describe('cef-not-enabled from the config', () => {
  it('ip cef distributed on a 7500 (RSP4 in show version)', () => {
    const [f] = one('cef-not-enabled', ['config-constructed-code-red.txt', 'constructed-version-7513.txt']);
    expect(f!.remedy.commands).toEqual(['ip cef distributed']);
  });

  it('ip cef distributed on a GSR, ip cef on a 7200 (show version typed in the classic layout)', () => {
    const version = (software: string, hardware: string) =>
      ['Router#show version', 'Cisco Internetwork Operating System Software ', `IOS (tm) ${software}, Version 12.0(17)S, RELEASE SOFTWARE (fc1)`, hardware].join('\n');
    const cefOff = { source: 'cef.txt', text: 'Router#show ip cef summary\n%CEF not running\n' };
    const gsr = { source: 'v.txt', text: version('GS Software (GSR-P-M)', 'cisco 12008/GRP (R5000) processor (revision 0x01) with 262144K bytes of memory.') };
    const c7200 = { source: 'v.txt', text: version('7200 Software (C7200-JS-M)', 'cisco 7206VXR (NPE300) processor (revision D) with 229376K/32768K bytes of memory.') };
    expect(diagnose([cefOff, gsr]).findings.find((f) => f.id === 'cef-not-enabled')!.remedy.commands).toEqual(['ip cef distributed']);
    expect(diagnose([cefOff, c7200]).findings.find((f) => f.id === 'cef-not-enabled')!.remedy.commands).toEqual(['ip cef']);
  });

  it('a missing ip cef line means nothing on IOS-XE (show version), and plain ip cef on a 2500', () => {
    expect(one('cef-not-enabled', ['constructed-config-vlan3.txt', 'version-genie-5.txt'])).toEqual([]);
    const [f] = one('cef-not-enabled', ['constructed-config-vlan3.txt', 'version-ccna60d-1.txt']);
    expect(f!.remedy.commands).toEqual(['ip cef']);
    expect(f!.remedy.caveats.join(' ')).not.toContain('paste show version');
  });

  it('a missing ip cef line on 12.1 is only info; real 12.4/15.x configs with ip cef, and IOS-XE, stay silent', () => {
    expect(one('cef-not-enabled', ['constructed-config-vlan3.txt'])[0]!.severity).toBe('info');
    for (const n of ['config-ciscoconfparse-1.txt', 'config-dean-1.txt', 'config-napalm-1.txt', 'config-ciscoconfparse-2.txt']) {
      expect(one('cef-not-enabled', [n]), n).toEqual([]);
    }
  });
});

describe('http-server-enabled', () => {
  it('fires on real configs with ip http server', () => {
    expect(one('http-server-enabled', ['config-ciscoconfparse-1.txt'])[0]!).toMatchObject({ title: 'HTTP server enabled on Foo', evidence: [{ line: 288, text: 'ip http server' }] });
    expect(one('http-server-enabled', ['config-ciscoconfparse-2.txt'])).toHaveLength(1);
  });

  it('stays silent on real configs with no ip http server', () => {
    expect(one('http-server-enabled', ['config-dean-1.txt'])).toEqual([]);
    expect(one('http-server-enabled', ['config-ciscoconfparse-3.txt'])).toEqual([]);
  });

  it('fires on port-80 flows aimed at the router\'s own addresses, even without ip http server in view', () => {
    const [f] = one('http-server-enabled', ['constructed-cache-flow-to-router.txt', 'constructed-config-vlan3.txt']);
    expect(f!.title).toBe('HTTP server enabled on R1, and 3 port-80 flows reach it');
    expect(f!.evidence.map((e) => e.line)).toEqual([22, 3, 4, 5]);
    const [g] = one('http-server-enabled', ['constructed-cache-flow-to-router.txt', 'config-constructed-clean.txt']);
    expect(g).toBeUndefined();
  });

  it('the answer alone is an info naming the config command; a config without the server silences it', () => {
    expect(one('http-server-enabled', [], { 'http-attempts': 'yes' })[0]!.severity).toBe('info');
    expect(one('http-server-enabled', ['config-dean-1.txt'], { 'http-attempts': 'yes' })).toEqual([]);
  });
});

describe('acl-log-keyword on a real config', () => {
  it('flags IP/TCP entries with log in applied ACLs, not udp/icmp/esp ones, and rebuilds each ACL without log', () => {
    const f = one('acl-log-keyword', ['config-ciscoconfparse-1.txt']);
    expect(f.map((x) => x.title)).toEqual([
      'ACL BLACKHOLE logs traffic the worm sends: 1 entry with log (applied on FastEthernet0/0 out)',
      'ACL EXT_IN logs traffic the worm sends: 2 entries with log (applied on Dialer1 in)',
    ]);
    const ext = f[1]!;
    expect(ext.evidence.map((e) => e.text)).toEqual(['deny   tcp any any log', 'deny   ip any any log']);
    expect(ext.remedy.commands[0]).toBe('ip access-list extended EXT_IN-NOLOG');
    expect(ext.remedy.commands).toContain(' deny udp any any');
    expect(ext.remedy.commands.slice(-2)).toEqual(['interface Dialer1', ' ip access-group EXT_IN-NOLOG in']);
    expect(ext.remedy.commands.some((c) => /\blog\b/.test(c) && !/remark/.test(c))).toBe(false);
  });

  it('stays silent on configs without log keywords', () => {
    expect(one('acl-log-keyword', ['config-ciscoconfparse-2.txt', 'config-dean-1.txt', 'config-constructed-clean.txt'])).toEqual([]);
  });
});

describe('hybridge-input-cpu with the config', () => {
  it('critical with bridge irb (real Aironet config), naming the bridge group members', () => {
    const [f] = one('hybridge-input-cpu', ['technote-cpu-hybridge.txt', 'config-ciscoconfparse-2.txt']);
    expect(f!.severity).toBe('critical');
    expect(f!.title).toBe('HyBridge Input at 52.45% (5 s) / 49.8% (1 min) with bridge irb on Foo');
    expect(f!.remedy.caveats[0]).toMatch(/^Configured: bridge group 1: 2 interfaces/);
  });

  it('silent when the config has no bridge irb', () => {
    expect(one('hybridge-input-cpu', ['technote-cpu-hybridge.txt', 'config-dean-1.txt'])).toEqual([]);
  });
});

describe('ip-accounting-disables-dcef with the config', () => {
  it('ip accounting on Vlan1 of a 7500 running DCEF', () => {
    const [f] = one('ip-accounting-disables-dcef', ['config-constructed-code-red.txt', 'cef-distributed.txt']);
    expect(f!.title).toBe('IP accounting on Vlan1 while distributed CEF is on');
    expect(f!.remedy.commands).toEqual(['interface Vlan1', ' no ip accounting']);
  });

  it('a 7500 in show version counts as DCEF unless the config runs plain ip cef', () => {
    const [f] = one('ip-accounting-disables-dcef', ['constructed-version-7513.txt'], { netflow: 'low-memory' });
    expect(f!.title).toBe('This report suggests IP accounting, but show version says RSP4 R5000, a 7500/GSR-class DCEF platform');
    expect(f!.evidence[0]!.text).toMatch(/^cisco RSP4 \(R5000\) processor/);
    expect(one('ip-accounting-disables-dcef', ['constructed-config-vlan1000.txt', 'constructed-version-7513.txt'], { netflow: 'low-memory' })).toEqual([]);
  });

  it('silent with accounting but no DCEF', () => {
    expect(one('ip-accounting-disables-dcef', ['config-constructed-code-red.txt', 'seed-cef-summary.txt'])).toEqual([]);
  });
});

describe('netflow-unavailable with the config', () => {
  it('names the egress interface from the default route', () => {
    const [f] = one('netflow-unavailable', ['constructed-config-vlan3.txt'], { netflow: 'many-ingress' });
    // `end` and `show ip accounting` no longer sit among config lines: the plan ends config mode and lists the show as a check.
    expect(f!.remedy.commands).toEqual(['interface Vlan3', ' ip accounting']);
  });
});

describe('http-server-enabled: what else the HTTP server serves', () => {
  const cfg = (extra: string[], end = true) =>
    ['R1#show running-config', 'version 15.1', 'hostname BR1', '!', ...extra, 'interface GigabitEthernet0/1', ' ip address 10.1.1.1 255.255.255.0', '!', 'ip http server', ...(end ? ['end'] : [])].join('\n');
  const http = (text: string) => diagnose([{ source: 'cfg.txt', text }]);
  it.each([
    [['ip admission name WEBAUTH proxy http'], 'web logins (ip admission)'],
    [['crypto pki server BR1-CA', ' database url flash:'], 'a certificate server'],
    [['ip auth-proxy name AP http'], 'the login proxy'],
    [['ip http path flash:/gui'], 'files (ip http path'],
  ])('with %j the server stays: no command, and the words say what would stop', (extra, what) => {
    const d = http(cfg(extra));
    const f = d.findings.find((x) => x.id === 'http-server-enabled')!;
    expect(f.remedy.commands).toEqual([]);
    expect(f.remedy.summary).toContain(what);
    expect((d.plans ?? []).flatMap((p) => p.steps.flatMap((s) => s.commands))).not.toContain('no ip http server');
  });
  it('with none of them on a whole config: no ip http server, no gate; on a config cut short: the step waits on the include that would show them', () => {
    const whole = http(cfg([]));
    expect(whole.findings.find((x) => x.id === 'http-server-enabled')!.remedy.commands).toEqual(['no ip http server']);
    const step = (d: ReturnType<typeof http>) => d.plans![0]!.steps.find((s) => s.commands.includes('no ip http server'))!;
    expect(step(whole).gate).toBeUndefined();
    const cut = http(cfg([], false));
    expect(step(cut).gate).toEqual([expect.stringContaining('Paste it only if show running-config | include ip admission|webauth|auth-proxy|pki server|ip http path prints nothing')]);
  });
});
