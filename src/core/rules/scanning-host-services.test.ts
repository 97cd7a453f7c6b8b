import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { ipToInt } from '../text/lines';
import { cacheFlowText, type GenFlow, rand, smbServer, wormFlows } from '../analysis/profiles/worm-traffic';
import { serviceDenyEntries } from './service-remedy';

const ip = (s: string) => ipToInt(s);
const CONFIG = ['Router#show running-config', 'hostname gw', 'interface FastEthernet0/0', ' ip address 172.20.5.1 255.255.255.0', 'interface Serial0/0', ' ip address 192.0.2.1 255.255.255.252', 'end', ''].join('\n');
const run = (flows: GenFlow[], verbose = false) =>
  diagnose([
    { source: 'flows.txt', text: cacheFlowText(flows, verbose) },
    { source: 'config.txt', text: CONFIG },
  ]);
const scanning = (flows: GenFlow[], verbose = false) => run(flows, verbose).findings.filter((f) => f.id === 'scanning-host');

describe('serviceDenyEntries: ACL entry bodies per service and scope', () => {
  it('TCP and UDP ports, IOS keywords where the config prints one', () => {
    expect(serviceDenyEntries('tcp/445', ['10.1.1.5', '10.1.1.6'], 'hosts')).toEqual(['deny tcp host 10.1.1.5 any eq 445', 'deny tcp host 10.1.1.6 any eq 445']);
    expect(serviceDenyEntries('tcp/445', ['10.1.1.5'], 'any')).toEqual(['deny tcp any any eq 445']);
    expect(serviceDenyEntries('udp/1434', ['10.1.1.5'], 'any')).toEqual(['deny udp any any eq 1434']);
    expect(serviceDenyEntries('tcp/23', ['10.1.1.5'], 'hosts')).toEqual(['deny tcp host 10.1.1.5 any eq telnet']);
    expect(serviceDenyEntries('tcp/80', ['10.1.1.5'], 'any')).toEqual(['deny tcp any any eq www']);
  });

  it('ICMP: echo requests from the hosts only, never a blanket ICMP deny', () => {
    expect(serviceDenyEntries('icmp', ['10.1.1.5'], 'hosts')).toEqual(['deny icmp host 10.1.1.5 any echo']);
    expect(serviceDenyEntries('icmp', ['10.1.1.5'], 'any')).toEqual([]);
  });
});

describe('scanning-host: remedies per service', () => {
  it('TCP/445 (Sasser): title names the service; the ACL names the infected host only; the broad variant warns about file sharing', () => {
    const [f, ...rest] = scanning(wormFlows('sasser', ip('172.20.5.77'), rand(3), { probes: 40, minHits: 2 }));
    expect(rest).toEqual([]);
    expect(f!.title).toBe('172.20.5.77 on Fa0/0 is scanning TCP port 445');
    // Built by the change plan: FastEthernet0/0 has no inbound ACL in this config, so a new list is safe to bind.
    expect(f!.remedy.commands).toEqual(['access-list 150 deny tcp host 172.20.5.77 any eq 445', 'access-list 150 permit ip any any', 'interface FastEthernet0/0', ' ip access-group 150 in']);
    expect(f!.remedy.summary).toMatch(/Sasser: MS04-011/);
    expect(f!.remedy.summary).toMatch(/172\.20\.5\.77 fits Sasser/);
    expect(f!.remedy.alternatives![0]!.commands[0]).toBe('access-list 151 deny tcp any any eq 445');
    expect(f!.remedy.alternatives![0]!.summary).toMatch(/stops file sharing and domain logons/);
    expect(f!.remedy.caveats.join(' ')).toMatch(/show ip cache flow \| include 01BD/);
    expect(f!.evidence.length).toBeGreaterThan(0);
  });

  it('UDP/1434 (Slammer): the broad ACL by default, MS02-039', () => {
    const [f] = scanning(wormFlows('slammer', ip('172.20.5.77'), rand(3), { probes: 40 }), true);
    expect(f!.title).toBe('172.20.5.77 on Fa0/0 is scanning UDP port 1434');
    expect(f!.remedy.commands[0]).toBe('access-list 150 deny udp any any eq 1434');
    expect(f!.remedy.summary).toMatch(/Slammer: MS02-039/);
    expect(f!.remedy.alternatives![0]!.commands[0]).toBe('access-list 151 deny udp host 172.20.5.77 any eq 1434');
  });

  it('ICMP echo sweep (Nachi): an MQC class on 92-byte echoes, policed, and no blanket ICMP deny', () => {
    const [f] = scanning(wormFlows('nachi', ip('172.20.5.77'), rand(3), { probes: 40, minHits: 2 }), true);
    expect(f!.title).toBe('172.20.5.77 on Fa0/0 is sweeping with ICMP echo');
    expect(f!.remedy.commands).toContain(' match packet length min 92 max 92');
    expect(f!.remedy.commands.some((c) => /deny icmp any any/.test(c))).toBe(false);
    expect(f!.remedy.commands).toContain(' service-policy input police-icmp-echo-92');
    // The alternative denies echo from the infected host only.
    expect(f!.remedy.alternatives![0]!.commands[0]).toBe('access-list 150 deny icmp host 172.20.5.77 any echo');
    expect(f!.remedy.summary).toMatch(/MS03-026/);
    expect(f!.remedy.caveats[0]).toMatch(/path MTU discovery/);
  });

  it('two services on one interface: one finding each, with different ACL numbers kept apart', () => {
    const d = scanning([...wormFlows('blaster', ip('172.20.5.77'), rand(3), { probes: 40, minHits: 1 }), ...wormFlows('mirai', ip('172.20.5.90'), rand(4), { probes: 40 })]);
    expect(d.map((f) => f.title).sort()).toEqual(['172.20.5.77 on Fa0/0 is scanning TCP port 135', '172.20.5.90 on Fa0/0 is scanning TCP port 23']);
    expect(d.find((f) => /135/.test(f.title))!.remedy.summary).toMatch(/Blaster: MS03-026/);
    // Two findings, one interface: the plan merges both services' entries into the one inbound list it binds.
    // Telnet is how people (and the engineer) reach the router: the deny names the infected host only, and the broad
    // variant says it cuts a session that comes in on that interface (a broad deny was the default before).
    const telnet = d.find((f) => /port 23/.test(f.title))!.remedy;
    expect(telnet.commands.join('\n')).toMatch(/deny tcp host 172\.20\.5\.90 any eq telnet/);
    expect(telnet.commands.join('\n')).not.toMatch(/deny tcp any any eq telnet/);
    expect(telnet.alternatives![0]!.summary).toMatch(/^Broad variant: .*a telnet or SSH session to the router that comes in on that interface .* is cut at the access-group line/);
    const groups = d.flatMap((f) => f.remedy.commands).filter((c) => /^\s*ip access-group \S+ in$/.test(c));
    expect(new Set(groups).size).toBeLessThanOrEqual(1);
  });

  it('silent on an SMB server many clients reach', () => {
    expect(scanning(smbServer(ip('172.20.5.10'), rand(3), 300))).toEqual([]);
  });

  it('an ACL already inbound on the interface survives: TCP/445 entries go in front of it, never a swap that drops it', () => {
    const config = CONFIG.replace(' ip address 172.20.5.1 255.255.255.0', ' ip address 172.20.5.1 255.255.255.0\n ip access-group 120 in') + 'access-list 120 deny udp any any eq 1434\naccess-list 120 permit ip any any\n';
    const d = diagnose([
      { source: 'flows.txt', text: cacheFlowText(wormFlows('sasser', ip('172.20.5.77'), rand(3), { probes: 40, minHits: 2 })) },
      { source: 'config.txt', text: config.replace('end\n', '') },
    ]);
    const script = d.plans![0]!.steps.flatMap((s) => s.commands).join('\n');
    expect(script).toMatch(/deny tcp host 172\.20\.5\.77 any eq 445/);
    // Whatever the form (insertion or a copy swapped in), ACL 120's entries stay in front of the traffic.
    expect(script).toMatch(/deny udp any any eq 1434/);
    expect(script).not.toMatch(/no access-list 120/);
  });
});

describe('services people and the router itself use: the deny names the infected hosts only (red team, round 3)', () => {
  // A broad deny of telnet, SSH, DNS or HTTPS inbound on a LAN stops it for every host there, and telnet or SSH to
  // the router from that LAN (the engineer's own session) at the access-group line; a worm-only port keeps its broad deny.
  it.each([
    ['tcp', 22],
    ['tcp', 443],
    ['udp', 53],
    ['udp', 161],
  ] as const)('%s/%s: host entries by default, the broad deny an alternative', (proto, port) => {
    const flows: GenFlow[] = Array.from({ length: 60 }, (_, i) => ({ src: ip('172.20.5.90'), dst: ip(`198.51.${i % 200}.${(i * 7) % 250 + 1}`), proto: proto === 'tcp' ? 6 : 17, sport: 40000 + i, dport: port, pkts: 1 }));
    const d = diagnose([{ source: 'flows.txt', text: cacheFlowText(flows) }, { source: 'config.txt', text: CONFIG }]);
    const f = d.findings.find((x) => x.id === 'scanning-host')!;
    expect(f.title).toMatch(/^172\.20\.5\.90 on Fa0\/0 (is|may be) scanning/);
    expect(f.remedy.commands.join('\n')).toMatch(new RegExp(`deny ${proto} host 172\\.20\\.5\\.90 any`));
    expect(f.remedy.commands.join('\n')).not.toMatch(new RegExp(`deny ${proto} any any`));
    expect(d.plans![0]!.steps.flatMap((s) => s.commands).join('\n')).not.toMatch(new RegExp(`deny ${proto} any any`));
  });

  it('Slammer\'s UDP/1434, a port only the worm uses, keeps the broad deny', () => {
    const d = scanning(wormFlows('slammer', ip('172.20.5.77'), rand(5), { probes: 40 }));
    expect(d[0]!.remedy.commands.join('\n')).toMatch(/deny udp any any eq 1434/);
  });
});
