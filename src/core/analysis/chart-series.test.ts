import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ipToInt } from '../text/lines';
import { cacheFlowText, dnsResolver, rand, wormFlows } from './profiles/worm-traffic';

/** A paste with `sources` clients on `ifs` interfaces, client i opening i % 50 + 1 answered flows, and one scanner. */
function bigPaste(sources: number, ifs: number): string {
  const lines = ['Router#show ip cache flow', 'SrcIf SrcIPaddress DstIf DstIPaddress Pr SrcP DstP Pkts'];
  for (let i = 0; i < sources; i++) {
    const src = `20.1.${(i >> 8) & 255}.${(i & 255) || 1}`;
    for (let k = 0; k <= i % 50; k++) lines.push(`Fa0/${i % ifs} ${src} Vl3 9.9.${k}.${(i % 200) + 1} 06 1000 0050 9`);
  }
  for (let k = 0; k < 300; k++) lines.push(`Vl1 20.1.200.7 Vl3 ${11 + (k % 100)}.${(k * 7) % 250 + 1}.3.${(k % 250) + 1} 06 1000 0050 1`);
  return lines.join('\n');
}

describe('chart series: fan-out by service', () => {
  it('groups sources by the service each sweeps, flagged services first', () => {
    const src = ipToInt('172.20.5.77');
    const flows = [...wormFlows('slammer', src, rand(1), { probes: 30 }), ...wormFlows('mirai', ipToInt('172.20.5.78'), rand(2), { probes: 30 }), ...dnsResolver(ipToInt('10.9.0.53'), rand(3), 50)];
    const c = diagnose([{ source: 'g', text: cacheFlowText(flows) }]).charts!;
    expect(c.servicesSwept!.slice(0, 2)).toEqual([
      { service: 'tcp/23', sources: 1, flagged: 1, failedFlows: expect.any(Number) },
      { service: 'udp/1434', sources: 1, flagged: 1, failedFlows: 30 },
    ]);
    expect(c.servicesSwept!.find((r) => r.service === 'udp/53')).toEqual({ service: 'udp/53', sources: 1, flagged: 0, failedFlows: 0 });
  });
});

describe('chart series', () => {
  const d = diagnose([{ source: 'big', text: bigPaste(3000, 20) }]);
  const c = d.charts!;

  it('stays small whatever the input: top 20 sources, log buckets, 4 locality rows, top 8 interfaces + other', () => {
    expect(c.topSources).toHaveLength(20);
    expect(c.topSources[0]).toMatchObject({ ip: '20.1.200.7', destinations: 300, verdict: 'infected', failedFlows: 300 });
    expect(c.fanOutDistribution.map((b) => b.bucket)).toEqual(['1', '2-3', '4-7', '8-15', '16-31', '32-63', '64-127', '128-255', '256-511']);
    expect(c.localityMix).toHaveLength(4);
    expect(c.flowsPerInterface).toHaveLength(9);
    expect(c.flowsPerInterface[8]!.interface).toBe('other');
    expect(JSON.stringify(c).length).toBeLessThan(8000);
  });

  it('adds up: every source with a destination is in one bucket, every flow in one interface row', () => {
    expect(c.fanOutDistribution.reduce((a, b) => a + b.sources, 0)).toBe(d.hosts.length);
    expect(c.fanOutDistribution.at(-1)).toMatchObject({ min: 256, max: 511, sources: 1, flagged: 1 });
    const flows = d.hosts.reduce((a, h) => a + h.flows, 0);
    expect(c.flowsPerInterface.reduce((a, r) => a + r.flows, 0)).toBe(flows);
  });

  it('locality mix of flagged hosts: observed shares beside Code Red II 3/8, 1/2, 1/8 and 0', () => {
    expect(c.localityMix.map((r) => [r.category, r.codeRedII])).toEqual([
      ['same /16', 0.375],
      ['same /8', 0.5],
      ['elsewhere', 0.125],
      ['never for Code Red II', 0],
    ]);
    expect(c.localityMix.reduce((a, r) => a + r.targets, 0)).toBe(300);
    expect(c.localityMix.reduce((a, r) => a + r.observed, 0)).toBeCloseTo(1, 3);
    expect(c.localityMix[2]!.observed).toBeGreaterThan(0.9);
  });

  it('the seed: one infected host on Vl1, inbound probers counted but not in the locality mix', () => {
    const seed = diagnose([{ source: 's', text: readFileSync(join(__dirname, '../parsers/show-ip-cache-flow/fixtures/seed.txt'), 'utf8') }]);
    expect(seed.charts!.topSources[0]).toMatchObject({ ip: '193.23.45.35', destinations: 6, verdict: 'infected' });
    expect(seed.charts!.flowsPerInterface).toEqual([{ interface: 'Vl1', flows: 10, sources: 5, flaggedSources: 1 }]);
    expect(seed.charts!.localityMix.reduce((a, r) => a + r.targets, 0)).toBe(6);
  });
});
