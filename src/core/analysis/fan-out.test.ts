import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { intToIp } from '../text/lines';
import type { Host } from '../types';
import { mulberry32 } from '../proof/mulberry32';

const rng = mulberry32;
const r = rng(7);
/** A random address Code Red II could pick (no 0/255 octet, not 127/8 or 224/8+), outside 20/8. */
function randomAddr(): string {
  for (;;) {
    const o = [1 + Math.floor(r() * 222), 1 + Math.floor(r() * 254), 1 + Math.floor(r() * 254), 1 + Math.floor(r() * 254)];
    if (o[0] !== 127 && o[0] !== 20) return o.join('.');
  }
}

interface Flow {
  src: string;
  dst: string;
  pkts: number;
  dport?: number;
  srcIf?: string;
  dstIf?: string;
}
const row = (f: Flow) =>
  `${f.srcIf ?? 'Vl1'}  ${f.src}  ${f.dstIf ?? 'Vl3'}  ${f.dst}  06 ${(1024 + Math.floor(r() * 60000)).toString(16).toUpperCase()} ${(f.dport ?? 80).toString(16).padStart(4, '0')} ${f.pkts}`;
const paste = (flows: Flow[]) => ['Router#show ip cache flow', 'SrcIf SrcIPaddress DstIf DstIPaddress Pr SrcP DstP Pkts', ...flows.map(row), ''].join('\n');
const run = (flows: Flow[]) => diagnose([{ source: 'f.txt', text: paste(flows) }]);
const host = (hosts: Host[], ip: string) => hosts.find((h) => h.ip === ip)!;

describe('verdicts: the sequential test', () => {
  it('4 unanswered first contacts to distinct destinations make a scanner; 3 a suspect; 2 nothing', () => {
    const flows = [
      ...Array.from({ length: 4 }, () => ({ src: '20.1.1.4', dst: randomAddr(), pkts: 1 })),
      ...Array.from({ length: 3 }, () => ({ src: '20.1.1.3', dst: randomAddr(), pkts: 2 })),
      ...Array.from({ length: 2 }, () => ({ src: '20.1.1.2', dst: randomAddr(), pkts: 1 })),
    ];
    const d = run(flows);
    expect(host(d.hosts, '20.1.1.4')).toMatchObject({ verdict: 'infected', failedFlows: 4, destinations: 4 });
    expect(host(d.hosts, '20.1.1.4').reasons[0]).toMatch(/^4 unanswered first contacts .* crossed the 99:1 scanner threshold/);
    expect(host(d.hosts, '20.1.1.3').verdict).toBe('suspect');
    expect(host(d.hosts, '20.1.1.2').verdict).toBe('clean');
  });

  it('answered contacts pull the walk down: a host with mostly real transfers stays clean', () => {
    const flows: Flow[] = [];
    for (let i = 0; i < 60; i++) flows.push({ src: '20.1.2.2', dst: randomAddr(), pkts: i % 10 === 0 ? 1 : 40 });
    expect(host(run(flows).hosts, '20.1.2.2')).toMatchObject({ verdict: 'clean', failedFlows: 6 });
  });

  it('a client retrying one dead server many times is not a scanner (one destination, one first contact)', () => {
    const flows: Flow[] = [];
    for (let i = 0; i < 30; i++) flows.push({ src: '20.1.3.3', dst: '198.51.100.7', pkts: 1 + (i % 3) });
    for (let i = 0; i < 5; i++) flows.push({ src: '20.1.3.3', dst: randomAddr(), pkts: 25 });
    const h = host(run(flows).hosts, '20.1.3.3');
    expect(h).toMatchObject({ verdict: 'clean', failedFlows: 30, destinations: 6 });
  });

  it('clients whose port 80 is blocked locally, failing to servers others reach, are not scanners', () => {
    const servers = Array.from({ length: 12 }, randomAddr);
    const flows: Flow[] = [];
    for (const s of servers) {
      flows.push({ src: '20.1.9.10', dst: s, pkts: 1 }, { src: '20.1.9.11', dst: s, pkts: 2 });
      flows.push({ src: '20.1.4.4', dst: s, pkts: 30 });
    }
    const d = run(flows);
    for (const ip of ['20.1.9.10', '20.1.9.11']) {
      const h = host(d.hosts, ip);
      expect(h).toMatchObject({ verdict: 'clean', failedFlows: 12, destinations: 12 });
      expect(h.reasons.join(' ')).toMatch(/12 failures to destinations other sources reach not counted/);
    }
    expect(d.findings.find((f) => f.id === 'scanning-host')).toBeUndefined();
  });

  it('the same failures with nobody reaching those servers do flag the clients (the control case)', () => {
    const servers = Array.from({ length: 12 }, randomAddr);
    const d = run(servers.map((s) => ({ src: '20.1.9.10', dst: s, pkts: 1 })));
    expect(host(d.hosts, '20.1.9.10').verdict).toBe('infected');
  });

  it('a busy web proxy with real transfers and a few dead sites is clean', () => {
    const flows: Flow[] = [];
    for (let i = 0; i < 400; i++) flows.push({ src: '20.1.0.10', dst: randomAddr(), pkts: i % 20 === 7 ? 1 : 5 + (i % 200) });
    const h = host(run(flows).hosts, '20.1.0.10');
    expect(h).toMatchObject({ verdict: 'clean', destinations: 400, failedFlows: 20 });
  });

  it('a failure later answered on the same destination is an answered contact', () => {
    const flows: Flow[] = [];
    for (let i = 0; i < 6; i++) {
      const dst = randomAddr();
      flows.push({ src: '20.1.5.5', dst, pkts: 1 }, { src: '20.1.5.5', dst, pkts: 12 });
    }
    expect(host(run(flows).hosts, '20.1.5.5').verdict).toBe('clean');
  });
});

describe('inbound probes', () => {
  it('sources whose every flow is routed to Null are inbound, and get no scanning-host finding', () => {
    const flows = Array.from({ length: 8 }, () => ({ src: '61.146.138.212', dst: `158.36.${Math.floor(r() * 250) + 1}.45`, pkts: 1, dstIf: 'Null' }));
    const d = run(flows);
    const h = host(d.hosts, '61.146.138.212');
    expect(h).toMatchObject({ inbound: true, verdict: 'infected' });
    expect(h.reasons.join(' ')).toMatch(/outside host probing in, not a local infection/);
    expect(d.findings.find((f) => f.id === 'scanning-host')).toBeUndefined();
  });
});

describe('which worm', () => {
  const src = '20.1.7.7';
  function cr2Targets(n: number): string[] {
    const out: string[] = [];
    while (out.length < n) {
      const x = r();
      const rand = randomAddr().split('.');
      const t = x < 3 / 8 ? `20.1.${rand[2]}.${rand[3]}` : x < 7 / 8 ? `20.${rand[1]}.${rand[2]}.${rand[3]}` : rand.join('.');
      if (t !== src) out.push(t);
    }
    return out;
  }

  it('Code Red II: local bias, shown with the mix and the odds', () => {
    const d = run(cr2Targets(40).map((dst) => ({ src, dst, pkts: 1 })));
    const h = host(d.hosts, src);
    expect(h.variant).toBe('code-red-ii');
    expect(h.reasons.join(' ')).toMatch(/same \/16 .* same \/8 .* elsewhere .*Code Red II, odds/);
  });

  it('Code Red: uniformly random targets', () => {
    const d = run(Array.from({ length: 40 }, () => ({ src, dst: randomAddr(), pkts: 1 })));
    expect(host(d.hosts, src).variant).toBe('code-red');
  });

  it('targets Code Red II never picks (127/8, 224/8, octets 0 or 255, itself) count against it', () => {
    const targets = cr2Targets(12);
    const forbidden = ['127.0.0.5', '20.1.0.9', '20.1.40.255', '224.1.2.3', '20.1.7.7', '20.255.3.4'];
    const d = run([...targets, ...forbidden].map((dst) => ({ src, dst, pkts: 1 })));
    const h = host(d.hosts, src);
    expect(h.variant).toBe('unknown');
    expect(h.reasons.join(' ')).toMatch(/6 that Code Red II never picks .* rule it out too/);
    const clean = host(run(targets.map((dst) => ({ src, dst, pkts: 1 }))).hosts, src);
    expect(clean.variant).toBe('code-red-ii');
  });

  it('too few targets (3): unknown; 4 uniformly random targets already give 99:1 odds for Code Red', () => {
    const three = host(run(Array.from({ length: 3 }, () => ({ src, dst: randomAddr(), pkts: 1 }))).hosts, src);
    expect(three).toMatchObject({ verdict: 'suspect', variant: 'unknown' });
    expect(three.reasons.join(' ')).toMatch(/too few to tell/);
    expect(host(run(Array.from({ length: 4 }, () => ({ src, dst: randomAddr(), pkts: 1 }))).hosts, src).variant).toBe('code-red');
  });
});

describe('sources probing the same destinations', () => {
  it('hosts walking one target list (the first Code Red fixed seed) are reported together', () => {
    const list = Array.from({ length: 30 }, randomAddr);
    const flows: Flow[] = [];
    for (const [k, ip] of ['20.1.10.1', '20.2.10.2', '20.3.10.3'].entries()) for (const dst of list.slice(k * 5, k * 5 + 20)) flows.push({ src: ip, dst, pkts: 1 });
    // An independent random scanner shares nothing with them.
    for (let i = 0; i < 20; i++) flows.push({ src: '20.4.10.4', dst: randomAddr(), pkts: 1 });
    const d = run(flows);
    expect(host(d.hosts, '20.1.10.1').sharedTargetsWith).toEqual(['20.2.10.2', '20.3.10.3']);
    expect(host(d.hosts, '20.3.10.3').sharedTargetsWith).toEqual(['20.2.10.2', '20.1.10.1']);
    expect(host(d.hosts, '20.1.10.1').reasons.join(' ')).toMatch(/probes the same destinations as 2 other flagged hosts \(15 shared with 20\.2\.10\.2/);
    expect(host(d.hosts, '20.4.10.4').sharedTargetsWith).toBeUndefined();
  });
});

describe('per-source statistics', () => {
  it('rows without a source (0.0.0.0, a destination-only MLS flow mask) make no host', () => {
    const d = run([...Array.from({ length: 6 }, () => ({ src: '0.0.0.0', dst: randomAddr(), pkts: 1 })), { src: '20.1.1.9', dst: '9.9.9.9', pkts: 9 }]);
    expect(d.hosts.map((h) => h.ip)).toEqual(['20.1.1.9']);
  });

  it('counts flows, destinations, port-80 flows, packets per flow and the arrival interface', () => {
    const d = run([
      { src: '20.1.1.1', dst: '9.9.9.9', pkts: 10, srcIf: 'Fa0/1' },
      { src: '20.1.1.1', dst: '9.9.9.9', pkts: 20, dport: 443, srcIf: 'Fa0/1' },
      { src: '20.1.1.1', dst: '8.8.8.8', pkts: 3, dport: 53, srcIf: 'Fa0/2' },
    ]);
    const h = host(d.hosts, '20.1.1.1');
    expect(h).toMatchObject({ flows: 3, destinations: 2, port80Flows: 1, packetsPerFlow: 11, interface: 'Fa0/1', verdict: 'clean' });
    expect(h.reasons.join(' ')).toMatch(/arrives on 2 interfaces: Fa0\/1 \(2\), Fa0\/2 \(1\)/);
    expect(intToIp(0x14010101)).toBe('20.1.1.1');
  });
});
