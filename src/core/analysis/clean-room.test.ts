// The clean hosts' columns made over pass 3's findings (PendingColumns.cleanRoom): writing host k's row there changes
// no other host's findings, and every row reads back as written, as if the columns had memory of their own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CleanHostColumns, type CleanHostFacts } from './clean-hosts';
import { type MultiInterfaces, PendingColumns } from './fan-out-tables';
import { newWalk } from './trw';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 200;
const SEED = Number(process.env.FUZZ_SEED) || 20261204;

const count = fc.integer({ min: 0, max: 0x7fffffff });
const finding = fc.record({
  llr: fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  crossed: fc.boolean(),
  walk: fc.array(count, { minLength: 5, maxLength: 5 }),
  loc: fc.array(count, { minLength: 4, maxLength: 4 }),
  destinations: count,
  failed: count,
  main: fc.integer({ min: 0, max: 0xffffffff }),
  svcFlows: count,
  sequential: fc.double({ noNaN: true, min: 0, max: 1 }),
  targets: count,
  // What the host becomes: a clean row (seen on one interface or several), or a flagged host (row emptied).
  as: fc.constantFrom('clean', 'several', 'flagged'),
});

/** Host k's findings as PendingColumns hands them out, in plain values. */
function read(p: PendingColumns, k: number) {
  const w = p.walkInto(k, newWalk());
  const g = p.get(k, String);
  return {
    walk: [w.llr, w.crossed, w.failuresAtCrossing, w.failures, w.successes, w.neutral, w.unscored],
    loc: Array.from(p.locOf(k)),
    destinations: p.destinationsOf(k),
    failed: p.failedOf(k),
    main: p.serviceOf(k),
    rest: [g.svcFlows, g.sequentialShare, g.targets],
  };
}

describe('clean hosts over pass 3 findings', () => {
  it('writing or emptying host k’s row leaves every later host’s findings as they were, and reads back as written', () => {
    fc.assert(
      fc.property(fc.array(finding, { minLength: 1, maxLength: 40 }), fc.boolean(), (hosts, withMulti) => {
        const n = hosts.length;
        const p = new PendingColumns(n);
        hosts.forEach((h, k) => {
          const w = newWalk();
          w.llr = h.llr;
          w.crossed = h.crossed;
          [w.failuresAtCrossing, w.failures, w.successes, w.neutral, w.unscored] = h.walk as [number, number, number, number, number];
          p.set(k, w, Int32Array.from(h.loc), h.destinations, h.failed, h.main, h.svcFlows, h.sequential, h.targets);
        });
        const before = hosts.map((_, k) => read(p, k));
        const multi = withMulti ? ({} as MultiInterfaces) : undefined;
        const clean = new CleanHostColumns(n, multi, p.cleanRoom());
        const wrote: (CleanHostFacts | undefined)[] = [];
        hosts.forEach((h, k) => {
          // Host k's findings are untouched by every row written before it.
          expect(read(p, k)).toEqual(before[k]);
          if (h.as === 'flagged' || (h.as === 'several' && !multi)) {
            clean.clear(k);
            wrote.push(undefined);
            return;
          }
          const f: CleanHostFacts = {
            addr: (h.main ^ 0x5a5a5a5a) >>> 0, interfaceName: `Gi0/${k % 3}`, interfaceFlows: h.svcFlows, flows: h.destinations + 1,
            destinations: h.destinations, port80Flows: h.failed, packetsPerFlow: h.llr, failedFlows: h.failed, inbound: h.crossed,
            service: `svc${h.main % 4}`, reason: `reason ${k % 5}`, loc: p.locOf(k), multiHost: h.as === 'several' ? k : -1,
          };
          clean.set(k, f);
          wrote.push({ ...f, loc: Array.from(f.loc) });
        });
        wrote.forEach((f, k) => {
          const row = [clean.addr[k], clean.flows[k], clean.destinations[k], clean.port80[k], clean.packetsPerFlow[k], clean.failed[k], clean.ifFlows[k], clean.inbound[k], Array.from(clean.loc.subarray(4 * k, 4 * k + 4))];
          if (!f) {
            expect(row).toEqual([0, 0, 0, 0, 0, 0, 0, 0, [0, 0, 0, 0]]);
            if (multi) expect(clean.multiHost[k]).toBe(0);
            return;
          }
          expect(row).toEqual([f.addr, f.flows, f.destinations, f.port80Flows, f.packetsPerFlow, f.failedFlows, f.interfaceFlows, f.inbound ? 1 : 0, f.loc]);
          expect(clean.names.values[clean.ifName[k]!]).toBe(f.interfaceName);
          expect(clean.names.values[clean.service[k]!]).toBe(f.service);
          if (multi) expect(clean.multiHost[k]).toBe((f.multiHost ?? -1) + 1);
        });
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('refuses room smaller than the columns', () => {
    const room = new PendingColumns(3).cleanRoom();
    expect(() => new CleanHostColumns(4, undefined, room)).toThrow(/smaller/);
    expect(() => new CleanHostColumns(3, undefined, room)).not.toThrow();
  });
});
