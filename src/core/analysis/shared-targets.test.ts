// Shared targets against a plain pairwise count: every pair of flagged hosts, every destination both probed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { HostAnalysis } from './fan-out';
import { cr2CouldPick } from './locality';
import { MAX_LISTED, MIN_SHARED, SharedTargetCollector } from './shared-targets';

/** A destination probed by more flagged hosts than this says nothing about a shared list (shared-targets.ts). */
const MAX_PROBERS = 64;

interface Case {
  /** Per host: its address and its first contacts (distinct destinations), each with an outcome (0: not counted). */
  hosts: { src: number; dsts: number[]; outcomes: number[] }[];
}

/** What finish() should set: for each host, its partners (most shared first, then lowest address), plain counting. */
function expected(c: Case): (string[] | undefined)[] {
  const kept = c.hosts.map((h) => new Set(h.dsts.filter((d, j) => h.outcomes[j] !== 0 && h.src >>> 24 !== d >>> 24 && cr2CouldPick(h.src, d))));
  const probers = new Map<number, number>();
  for (const k of kept) for (const d of k) probers.set(d, (probers.get(d) ?? 0) + 1);
  return c.hosts.map((h, a) => {
    const partners: [number, number][] = [];
    c.hosts.forEach((_, b) => {
      if (a === b) return;
      let n = 0;
      for (const d of kept[a]!) if (kept[b]!.has(d) && probers.get(d)! <= MAX_PROBERS) n++;
      if (n >= MIN_SHARED) partners.push([b, n]);
    });
    if (partners.length === 0) return undefined;
    partners.sort((x, y) => y[1] - x[1] || c.hosts[x[0]]!.src - c.hosts[y[0]]!.src);
    return partners.slice(0, MAX_LISTED).map(([b]) => `h${b}`);
  });
}

function run(c: Case): (string[] | undefined)[] {
  const hosts = c.hosts.map((h, i) => ({ addr: h.src, ip: `h${i}`, reasons: [] as string[] }) as unknown as HostAnalysis);
  const s = new SharedTargetCollector();
  c.hosts.forEach((h, i) => s.add(i, h.src, Uint32Array.from(h.dsts), Uint8Array.from(h.outcomes), h.dsts.length));
  s.finish(hosts);
  return hosts.map((h) => h.sharedTargetsWith);
}

/** Destinations from a small pool (so hosts share them), spread over the whole address space (both radix digits). */
const caseArb = fc
  .record({
    pool: fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 60 }),
    // One destination many hosts probe (past MAX_PROBERS when there are enough hosts).
    popular: fc.integer({ min: 0x0b000001, max: 0x0bfffffe }),
    hosts: fc.array(fc.record({ src: fc.integer({ min: 0, max: 0xffffffff }), picks: fc.array(fc.nat(), { maxLength: 40 }), popular: fc.boolean(), zeroEvery: fc.integer({ min: 2, max: 9 }) }), { minLength: 0, maxLength: 90 }),
  })
  .map(({ pool, popular, hosts }): Case => ({
    hosts: hosts.map((h) => {
      const dsts = [...new Set([...h.picks.map((p) => pool[p % pool.length]!), ...(h.popular ? [popular] : [])])];
      return { src: h.src, dsts, outcomes: dsts.map((_, j) => (j % h.zeroEvery === 0 ? 0 : 2)) };
    }),
  }));

describe('shared targets', () => {
  it('pair the same hosts as counting every pair of hosts by hand', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(run(c)).toEqual(expected(c));
      }),
      { numRuns: 300 },
    );
  });

  it('skip a destination probed by more than 64 flagged hosts, and count it at 64', () => {
    const shared = [0x0b010101, 0x0c020202, 0x0d030303];
    const one = (n: number): Case => ({
      hosts: Array.from({ length: n }, (_, i) => ({ src: 0x14000000 + i * 65536 + 257, dsts: shared, outcomes: [2, 2, 2] })),
    });
    expect(run(one(64))[0]).toHaveLength(MAX_LISTED);
    expect(run(one(65))[0]).toBeUndefined();
  });
});
