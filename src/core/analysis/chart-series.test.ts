import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../diagnose';
import { chartSeries, TOP_INTERFACES, TOP_SERVICES, TOP_SOURCES, type ChartSeries } from './chart-series';
import type { HostAnalysis } from './fan-out';
import { interfaceCounts } from './verdict';
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

describe('chart series in one pass', () => {
  /** The series as first written: a sorted copy for the top sources, a pass and a Map per chart. */
  function oracle(hosts: readonly HostAnalysis[]): ChartSeries {
    const top = [...hosts].sort((a, b) => b.destinations - a.destinations || b.flows - a.flows || a.addr - b.addr).slice(0, TOP_SOURCES);
    let most = 0;
    for (const h of hosts) most = Math.max(most, h.destinations);
    const buckets: ChartSeries['fanOutDistribution'] = [];
    for (let min = 1; min <= most; min *= 2) buckets.push({ bucket: min === min * 2 - 1 ? `${min}` : `${min}-${min * 2 - 1}`, min, max: min * 2 - 1, sources: 0, flagged: 0 });
    for (const h of hosts) {
      if (h.destinations < 1) continue;
      const b = buckets[Math.floor(Math.log2(h.destinations))]!;
      b.sources++;
      if (h.verdict !== 'clean') b.flagged++;
    }
    const ifs = new Map<string, { flows: number; sources: number; flaggedSources: number }>();
    const svcs = new Map<string, { sources: number; flagged: number; failedFlows: number }>();
    for (const h of hosts) {
      for (const [name, flows] of interfaceCounts(h)) {
        const r = ifs.get(name) ?? { flows: 0, sources: 0, flaggedSources: 0 };
        ifs.set(name, r);
        r.flows += flows;
        r.sources++;
        if (h.verdict !== 'clean') r.flaggedSources++;
      }
      if ((h.service ?? 'unknown') === 'unknown') continue;
      const r = svcs.get(h.service!) ?? { sources: 0, flagged: 0, failedFlows: 0 };
      svcs.set(h.service!, r);
      r.sources++;
      if (h.verdict !== 'clean') [r.flagged, r.failedFlows] = [r.flagged + 1, r.failedFlows + h.failedFlows];
    }
    const ifRows = [...ifs].map(([iface, r]) => ({ interface: iface, ...r })).sort((a, b) => b.flows - a.flows || a.interface.localeCompare(b.interface));
    const svcRows = [...svcs].map(([service, r]) => ({ service, ...r })).sort((a, b) => b.flagged - a.flagged || b.sources - a.sources || a.service.localeCompare(b.service));
    const other = <T extends object>(rows: T[], keep: number, name: Record<string, string>): T[] =>
      rows.length <= keep + 1
        ? rows
        : [
            ...rows.slice(0, keep),
            rows.slice(keep).reduce((o, r) => {
              for (const [k, v] of Object.entries(r)) if (typeof v === 'number') (o as Record<string, number>)[k] = ((o as Record<string, number>)[k] ?? 0) + v;
              return o;
            }, { ...name } as T),
          ];
    const loc = { same16: 0, same8: 0, other: 0, forbidden: 0 };
    for (const h of hosts) if (h.verdict !== 'clean' && !h.inbound) for (const k of Object.keys(loc) as (keyof typeof loc)[]) loc[k] += h.locality[k];
    return {
      topSources: top.map((h) => ({ ip: h.ip, destinations: h.destinations, flows: h.flows, failedFlows: h.failedFlows, verdict: h.verdict, inbound: h.inbound })),
      fanOutDistribution: buckets,
      localityMix: (['same /16', 'same /8', 'elsewhere', 'never for Code Red II'] as const).map((category, i) => {
        const n = loc.same16 + loc.same8 + loc.other + loc.forbidden;
        const targets = Object.values(loc)[i]!;
        const pForbidden = 1 - (252 / 256) * (254 / 256) ** 3;
        const codeRed = [1 / 65536, 1 / 256, 1 - 1 / 256 - pForbidden, pForbidden][i]!;
        const round = (x: number) => Math.round(x * 10000) / 10000;
        return { category, observed: n === 0 ? 0 : round(targets / n), targets, codeRedII: [0.375, 0.5, 0.125, 0][i]!, codeRed: round(codeRed) };
      }),
      flowsPerInterface: other(ifRows, TOP_INTERFACES, { interface: 'other' }),
      servicesSwept: other(svcRows, TOP_SERVICES, { service: 'other' }),
    };
  }

  /** Many clients on 12 interfaces (some on two), scanners on several services, an inbound prober. */
  function mixedPaste(): string {
    const r = rand(5);
    const lines = ['Router#show ip cache flow', 'SrcIf SrcIPaddress DstIf DstIPaddress Pr SrcP DstP Pkts'];
    for (let i = 0; i < 4000; i++) {
      const src = `10.${(i >> 8) & 255}.${i & 255}.${(i % 200) + 1}`;
      for (let k = 0; k <= i % 9; k++) {
        const iface = i % 17 === 0 && k % 2 ? `Gi0/${(i + 1) % 12}` : `Gi0/${i % 12}`;
        const port = ['0050', '01BB', '0035', '01BD'][i % 4]!;
        lines.push(`${iface} ${src} Vl3 9.${k}.${(i % 250) + 1}.${Math.floor(r() * 250) + 1} 06 1000 ${port} ${i % 29 === 0 ? 1 : 9}`);
      }
    }
    for (let k = 0; k < 200; k++) lines.push(`Vl1 20.1.200.7 Vl3 ${11 + (k % 100)}.${((k * 7) % 250) + 1}.3.${(k % 250) + 1} 06 1000 01BD 1`);
    for (let k = 0; k < 30; k++) lines.push(`Se0/0 61.1.2.3 Null 10.1.${k}.9 06 1F90 0050 1`);
    return lines.join('\n');
  }

  it('gives what sorting a copy and a Map per chart gave, for hosts in fan-out order or any other', () => {
    const hosts = diagnoseDetailed([{ source: 'mixed', text: mixedPaste() }]).hosts;
    expect(hosts.length).toBeGreaterThan(4000);
    expect(hosts.some((h) => h.interfaces && h.interfaces.size > 1)).toBe(true);
    expect(hosts.some((h) => h.verdict !== 'clean')).toBe(true);
    expect(hosts.some((h) => h.verdict !== 'clean' && h.inbound)).toBe(true);
    const want = oracle(hosts);
    expect(want.flowsPerInterface.at(-1)!.interface).toBe('other');
    expect(chartSeries(hosts)).toEqual(want);
    const r = rand(9);
    const shuffled = [...hosts].sort(() => r() - 0.5);
    expect(chartSeries(shuffled)).toEqual(want);
    expect(chartSeries([...hosts].reverse())).toEqual(want);
  });
});
