import { describe, expect, it } from 'vitest';
import { diagnose } from '../../diagnose';
import { ipToInt } from '../../text/lines';
import type { Host } from '../../types';
import {
  cacheFlowText,
  deadServerClients,
  dnsResolver,
  type GenFlow,
  mailRelay,
  monitoringStation,
  rand,
  smbServer,
  webProxy,
  WORM_SHAPES,
  wormFlows,
} from './worm-traffic';

const ip = (s: string) => ipToInt(s);
const run = (flows: GenFlow[], verbose = false) => diagnose([{ source: 'g.txt', text: cacheFlowText(flows, verbose) }]);
const host = (hosts: Host[], a: string) => hosts.find((h) => h.ip === a)!;

/** The hosts that talk to many others and must stay clean, all in one paste. */
function negatives(seed: number, scale = 1): GenFlow[] {
  const r = rand(seed);
  return [
    ...dnsResolver(ip('10.9.0.53'), r, Math.round(200 * scale)),
    ...smbServer(ip('10.9.1.10'), r, Math.round(300 * scale)),
    ...monitoringStation(ip('10.9.2.5'), r, Math.round(300 * scale)),
    ...mailRelay(ip('10.9.3.25'), r, Math.round(200 * scale)),
    ...webProxy(ip('10.9.4.8'), r, Math.round(200 * scale)),
    ...deadServerClients(ip('10.9.5.99'), r, 40, 445),
  ];
}
const NEGATIVE_SOURCES = ['10.9.0.53', '10.9.1.10', '10.9.2.5', '10.9.3.25', '10.9.4.8'];

describe('worm profiles: generated traffic of each worm is flagged with its service and worm', () => {
  const cases: { worm: keyof typeof WORM_SHAPES; service: string; probes: number; minHits?: number; verbose?: boolean }[] = [
    { worm: 'code-red', service: 'tcp/80', probes: 60 },
    { worm: 'code-red-ii', service: 'tcp/80', probes: 400 },
    { worm: 'nimda', service: 'tcp/80', probes: 400 },
    { worm: 'slammer', service: 'udp/1434', probes: 60, verbose: true },
    { worm: 'blaster', service: 'tcp/135', probes: 60, minHits: 2 },
    { worm: 'nachi', service: 'icmp', probes: 60, minHits: 2, verbose: true },
    { worm: 'sasser', service: 'tcp/445', probes: 60, minHits: 2 },
    { worm: 'conficker-or-wannacry', service: 'tcp/445', probes: 60, minHits: 2 },
    { worm: 'mirai', service: 'tcp/23', probes: 60 },
  ];
  for (const c of cases) {
    it(`${c.worm}: ${c.service}`, () => {
      const src = ip('172.20.5.77');
      const d = run([...wormFlows(c.worm, src, rand(11), { probes: c.probes, minHits: c.minHits ?? 0 }), ...negatives(3)], c.verbose);
      const h = host(d.hosts, '172.20.5.77');
      expect(h).toMatchObject({ verdict: 'infected', service: c.service, worm: c.worm });
      for (const n of NEGATIVE_SOURCES) expect(host(d.hosts, n).verdict).toBe('clean');
      expect(d.hosts.filter((x) => x.verdict !== 'clean').map((x) => x.ip)).toEqual(['172.20.5.77']);
    });
  }

  it('Nimda: named, and given no Code Red variant beside it (red team: variant code-red-ii next to worm nimda)', () => {
    const h = host(run(wormFlows('nimda', ip('172.20.5.77'), rand(11), { probes: 400 })).hosts, '172.20.5.77');
    expect(h).toMatchObject({ worm: 'nimda', variant: 'unknown' });
  });

  it('Blaster: the sequential sweep is named as a shape of its own', () => {
    const d = run(wormFlows('blaster', ip('172.20.5.77'), rand(5), { probes: 40 }));
    expect(host(d.hosts, '172.20.5.77').reasons.join(' ')).toMatch(/targets consecutive addresses \(100% .*\): a sequential sweep/);
  });

  it('Slammer: a UDP/1434 sweep of another packet size is not called Slammer', () => {
    const flows = wormFlows('slammer', ip('172.20.5.77'), rand(5), { probes: 40 }).map((f) => ({ ...f, bytesPerPacket: 120 }));
    const h = host(run(flows, true).hosts, '172.20.5.77');
    expect(h).toMatchObject({ verdict: 'infected', service: 'udp/1434', worm: 'unknown' });
    expect(h.reasons.join(' ')).toMatch(/120 bytes a packet where Slammer sends 404/);
  });
});

describe('worm profiles: where the evidence fits several, the candidates are named and none is guessed', () => {
  it('TCP/445 with no answered contact: Sasser or Conficker/WannaCry', () => {
    const h = host(run(wormFlows('sasser', ip('172.20.5.77'), rand(5), { probes: 40 })).hosts, '172.20.5.77');
    expect(h).toMatchObject({ verdict: 'infected', service: 'tcp/445', worm: 'unknown' });
    expect(h.reasons.join(' ')).toMatch(/Sasser or Conficker or WannaCry, which only differ after a hit/);
  });

  it('an ICMP echo sweep without packet sizes or a TCP/135 follow-up: Nachi named as a candidate only', () => {
    const h = host(run(wormFlows('nachi', ip('172.20.5.77'), rand(5), { probes: 40 })).hosts, '172.20.5.77');
    expect(h).toMatchObject({ verdict: 'infected', service: 'icmp', worm: 'unknown' });
    expect(h.reasons.join(' ')).toMatch(/Welchia \(Nachi\) does this, but/);
  });

  it('TCP/135 at random targets with no second stage: Blaster or Nachi', () => {
    const flows = wormFlows('blaster', ip('172.20.5.77'), rand(5), { probes: 40 }).map((f, i) => ({ ...f, dst: (ip('60.1.1.1') + i * 7919) >>> 0 }));
    const h = host(run(flows).hosts, '172.20.5.77');
    expect(h).toMatchObject({ service: 'tcp/135', worm: 'unknown' });
    expect(h.reasons.join(' ')).toMatch(/Blaster or Welchia \(Nachi\)/);
  });

  it('TCP/80 with too few targets to tell the Code Reds from Nimda', () => {
    const h = host(run(wormFlows('code-red-ii', ip('172.20.5.77'), rand(5), { probes: 6 })).hosts, '172.20.5.77');
    expect(h).toMatchObject({ service: 'tcp/80', worm: 'unknown' });
  });
});

describe('hard negatives stay clean', () => {
  it('a DNS resolver, an SMB/AD server, a monitoring station, a mail relay, a web proxy, clients of a dead server', () => {
    const d = run(negatives(21, 2));
    expect(d.hosts.filter((h) => h.verdict !== 'clean').map((h) => `${h.ip} ${h.service}`)).toEqual([]);
    expect(host(d.hosts, '10.9.0.53').service).toBe('udp/53');
    expect(host(d.hosts, '10.9.2.5').service).toBe('icmp');
    expect(host(d.hosts, '10.9.3.25').service).toBe('tcp/25');
    // The server's replies (from 445 and 135 to its clients' ports) are not contacts of its own.
    expect(host(d.hosts, '10.9.1.10').service).toBe('unknown');
    expect(d.findings.filter((f) => f.id === 'scanning-host')).toEqual([]);
  });
});

describe('detection and false alarms at the sequential test\'s operating point (0.99 / 0.01)', () => {
  // Each case: one scanner sending 5 probes to random addresses, where 1 in 1,000 has a listener (a generous rate
  // for random IPv4 targets), beside the hosts that must stay clean, at a smaller scale.
  const worms = Object.keys(WORM_SHAPES) as (keyof typeof WORM_SHAPES)[];
  const CASES = 300;
  it(`over ${CASES} generated cases`, () => {
    let detected = 0;
    let negativesSeen = 0;
    let falseAlarms = 0;
    for (let c = 0; c < CASES; c++) {
      const r = rand(1000 + c);
      const worm = worms[c % worms.length]!;
      const src = ip('172.20.5.77');
      const d = run([...wormFlows(worm, src, r, { probes: 5, hitRate: 0.001 }), ...negatives(5000 + c, 0.2)], worm === 'slammer' || worm === 'nachi');
      if (host(d.hosts, '172.20.5.77').verdict === 'infected') detected++;
      for (const h of d.hosts) {
        if (h.ip === '172.20.5.77') continue;
        negativesSeen++;
        if (h.verdict === 'infected') falseAlarms++;
      }
    }
    expect(detected / CASES).toBeGreaterThanOrEqual(0.99);
    expect(negativesSeen).toBeGreaterThan(CASES * 40);
    expect(falseAlarms / negativesSeen).toBeLessThanOrEqual(0.01);
  }, 120_000);
});
