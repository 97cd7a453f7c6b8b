// Issue 14: the same worm traffic printed as every modern flow command gives the verdicts `show ip cache flow` gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import type { Host } from '../types';
import { asCacheFlow, MODERN_FORMATS } from './flow-formats';
import { wormTraffic } from './worm-traffic';

const RUNS = Math.max(3, Math.floor((Number(process.env.FUZZ_RUNS) || 100) / 20));
const SEED = Number(process.env.FUZZ_SEED) || 20010719;
const ip = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

/** What must not depend on the format: the verdict and what it rests on. */
const judged = (hosts: Host[], withInterface: boolean) =>
  hosts
    .map((h) => ({ ip: h.ip, verdict: h.verdict, variant: h.variant, flows: h.flows, destinations: h.destinations, failedFlows: h.failedFlows, ...(withInterface ? { interface: h.interface } : {}) }))
    .sort((a, b) => (a.ip < b.ip ? -1 : 1));

describe('modern flow formats: same traffic, same verdicts as show ip cache flow', () => {
  it('on one fixed mix, every format reads every flow, and the scanners are the infected hosts', () => {
    const { flows, truth } = wormTraffic(7);
    const base = diagnose([{ source: 'classic', text: asCacheFlow(flows) }]);
    const infected = base.hosts.filter((h) => h.verdict === 'infected').map((h) => h.ip).sort();
    expect(infected).toEqual([...truth.codeRed, ...truth.codeRedII].map(ip).sort());
    expect(base.hosts.find((h) => h.ip === ip(truth.proxy))!.verdict).toBe('clean');
    // The hard negatives (proxy, dead-server retries, blocked clients) are not even suspect; the variants are right.
    expect(base.hosts.filter((h) => h.verdict !== 'clean').map((h) => h.ip).sort()).toEqual(infected);
    expect(truth.codeRed.map((a) => base.hosts.find((h) => h.ip === ip(a))!.variant)).toEqual(truth.codeRed.map(() => 'code-red'));
    expect(truth.codeRedII.map((a) => base.hosts.find((h) => h.ip === ip(a))!.variant)).toEqual(truth.codeRedII.map(() => 'code-red-ii'));
    for (const [name, render] of Object.entries(MODERN_FORMATS)) {
      const d = diagnose([{ source: name, text: render(flows) }]);
      expect(d.inputs.map((i) => [i.records, i.warnings]), name).toEqual([[flows.length, []]]);
      expect(judged(d.hosts, name !== 'show flow cache'), name).toEqual(judged(base.hosts, name !== 'show flow cache'));
    }
  });

  it('for random mixes (fixed seed), each format agrees with show ip cache flow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 8, max: 40 }), (seed, cr, cr2, n) => {
        const { flows } = wormTraffic(seed, { codeRed: cr, codeRedII: cr2, targetsPerScanner: n });
        const base = judged(diagnose([{ source: 'c', text: asCacheFlow(flows) }]).hosts, false);
        for (const [name, render] of Object.entries(MODERN_FORMATS)) {
          expect(judged(diagnose([{ source: name, text: render(flows) }]).hosts, false), name).toEqual(base);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);
});
