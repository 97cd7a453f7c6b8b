// Hosts cross from the worker to the page as columns (hosts-wire.ts): whatever the hosts are, the page must get the
// same objects back, key order, odd numbers, odd shapes and all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Host } from '../core/types';
import { decodeHosts, encodeHosts } from './hosts-wire';

const num = fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.double(), fc.constantFrom(NaN, -0, 0, Infinity, 1e21, 0.1 + 0.2));
const text = fc.oneof(fc.constantFrom('Vl1', 'Fa0/0', '', 'unknown', 'tcp/80', 'clean', 'infected', 'code-red'), fc.string(), fc.string({ unit: 'grapheme' }));
const ip = fc.oneof(fc.ipV4(), fc.ipV6(), fc.string());
const reasons = fc.array(fc.oneof(text, fc.constantFrom('9 answered and 0 unanswered first contacts: no scanning pattern')), { maxLength: 4 });

/** A host of the usual shape (toPublicHost's keys, in its order). */
const usualHost = fc.record({
  ip,
  interface: text,
  flows: num,
  destinations: num,
  port80Flows: num,
  packetsPerFlow: num,
  verdict: text,
  variant: text,
  service: text,
  worm: text,
  failedFlows: num,
  reasons,
  inbound: fc.boolean(),
});

/** Hosts of other shapes: an extra key (a flagged host's sharedTargetsWith), a key missing, another order, odd types. */
const oddHost = fc.oneof(
  usualHost.map((h) => ({ ...h, sharedTargetsWith: ['10.0.0.1'] })),
  usualHost.map(({ worm: _w, ...h }) => h),
  usualHost.map(({ ip: i, ...h }) => ({ ...h, ip: i })),
  usualHost.map((h) => ({ ...h, flows: String(h.flows) })),
  usualHost.map((h) => ({ ...h, reasons: [...h.reasons, 'a\u0000b'] })),
  usualHost.map((h) => ({ ...h, ip: `${h.ip}\n10.0.0.2` })),
  usualHost.map((h) => ({ ...h, inbound: 1 })),
);

/** The hosts as the page gets them: the wire copied across (its buffers handed over), then decoded. */
function across(hosts: Host[]): Host[] {
  const { wire, transfer } = encodeHosts(hosts);
  return decodeHosts(structuredClone(wire, { transfer }));
}

/** Same keys in the same order, and each value the same (Object.is on numbers: NaN and -0 too). */
function same(a: unknown, b: unknown): void {
  if (typeof a === 'number') {
    expect(Object.is(a, b), `${a} vs ${String(b)}`).toBe(true);
    return;
  }
  if (Array.isArray(a)) {
    expect(Array.isArray(b)).toBe(true);
    expect((b as unknown[]).length).toBe(a.length);
    a.forEach((x, i) => same(x, (b as unknown[])[i]));
    return;
  }
  if (a && typeof a === 'object') {
    expect(Object.keys(b as object)).toEqual(Object.keys(a));
    for (const k of Object.keys(a)) same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]);
    return;
  }
  expect(b).toBe(a);
}

describe('hosts as columns (hosts-wire)', () => {
  it('come back as the same hosts, in order, whatever their shape', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 5, arbitrary: usualHost }, { weight: 1, arbitrary: oddHost }), { maxLength: 60 }), (hosts) => {
        const got = across(hosts as Host[]);
        expect(got).toHaveLength(hosts.length);
        hosts.forEach((h, i) => same(h, got[i]));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('give each host a reasons list of its own (not one shared by the hosts with the same reasons)', () => {
    const h = (ipAddr: string): Host => ({ ip: ipAddr, interface: 'Vl1', flows: 1, destinations: 1, port80Flows: 1, packetsPerFlow: 1, verdict: 'clean', variant: 'unknown', service: 'tcp/80', worm: 'unknown', failedFlows: 0, reasons: ['r'], inbound: false });
    const [a, b] = across([h('10.0.0.1'), h('10.0.0.2')]);
    expect(a!.reasons).toEqual(['r']);
    expect(a!.reasons).not.toBe(b!.reasons);
  });

  it('carry the usual hosts in the columns (only the others as objects)', () => {
    const hosts = fc.sample(usualHost, { numRuns: 50, seed: 7 }) as Host[];
    const odd = { ...hosts[3]!, sharedTargetsWith: ['10.0.0.9'] };
    const { wire } = encodeHosts([...hosts.slice(0, 3), odd, ...hosts.slice(4)]);
    expect(wire.others.map(([i]) => i)).toEqual([3]);
    expect(wire.n).toBe(50);
  });
});
