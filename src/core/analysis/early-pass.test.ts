// The CLI runs the fan-out's first pass while it still reads a big dump (EarlyPass1): the analysis must come out the
// same as without that head start, use it only for exactly the rows it read, and only once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowColumns } from '../parsers/show-ip-cache-flow/flow-columns';
import type { FlowTable } from '../parsers/flow-table';
import { analyseFanOut } from './fan-out';
import { EarlyPass1, pass1, registerEarlyPass1 } from './fan-out-pass1';
import { R_FLOWS, R_STRIDE } from './fan-out-tables';
import type { FlowSource } from './flow-facts';

const IFS = ['Vl1', 'Fa0/0', 'Null0', 'Gi0/1'];

/** Rows from a seed: a few sources, some scanning, mixed services and interfaces. */
function table(seed: number, n: number): FlowTable {
  const c = new FlowColumns(n);
  for (const name of IFS) c.ifIndexOfName(name);
  let a = seed >>> 0;
  const next = () => (a = (Math.imul(a, 1103515245) + 12345) >>> 0);
  for (let i = 0; i < n; i++) {
    const r = next();
    const scanner = r % 5 === 0;
    const k = c.reserve();
    c.src[k] = (0x0a000000 + (scanner ? r % 4 : 10 + (r % 40))) >>> 0;
    c.dst[k] = scanner ? next() : (0x08080800 + (r % 30)) >>> 0;
    c.srcIf[k] = 1 + ((r >>> 8) % IFS.length);
    c.dstIf[k] = 1 + ((r >>> 12) % IFS.length);
    c.proto[k] = [6, 6, 17, 1][(r >>> 4) % 4]!;
    c.srcPort[k] = 1024 + ((r >>> 6) % 5000);
    c.dstPort[k] = [80, 445, 53, 0x0800][(r >>> 4) % 4]!;
    c.packets[k] = scanner ? 1 : 1 + ((r >>> 10) % 30);
    c.bytes[k] = NaN;
    c.line[k] = i + 1;
    c.offset[k] = i * 80;
    c.n = k + 1;
  }
  return c.finish().table;
}

const copyOf = (t: FlowTable): FlowTable => ({
  ...t,
  ifNames: [...t.ifNames],
  srcIf: t.srcIf.slice(), dstIf: t.dstIf.slice(), src: t.src.slice(), dst: t.dst.slice(), proto: t.proto.slice(), srcPort: t.srcPort.slice(),
  dstPort: t.dstPort.slice(), packets: t.packets.slice(), bytes: t.bytes.slice(), line: t.line.slice(),
});
const view = (t: FlowTable, n: number): FlowTable => ({
  ...t,
  count: n,
  srcIf: t.srcIf.subarray(0, n), dstIf: t.dstIf.subarray(0, n), src: t.src.subarray(0, n), dst: t.dst.subarray(0, n), proto: t.proto.subarray(0, n),
  srcPort: t.srcPort.subarray(0, n), dstPort: t.dstPort.subarray(0, n), packets: t.packets.subarray(0, n), bytes: t.bytes.subarray(0, n), line: t.line.subarray(0, n),
});
const src = (flows: FlowTable, source = 'f'): FlowSource => ({ source, kind: 'show ip cache flow', flows });
const plain = (hosts: ReturnType<typeof analyseFanOut>) => JSON.stringify(hosts, (_k, v) => (v instanceof Map ? [...v] : v));

describe('the early first pass (EarlyPass1)', () => {
  it('gives the same analysis as none, fed in any pieces, with other sources after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 600 }), fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 6 }), (seed, n, cuts) => {
        const t = table(seed, n);
        const other = table(seed + 1, 50);
        const want = plain(analyseFanOut([src(copyOf(t)), src(copyOf(other), 'g')]));
        const early = new EarlyPass1(8);
        for (const c of [...cuts.map((x) => Math.min(x, n))].sort((x, y) => x - y)) early.feed(view(t, c));
        early.feed(t);
        registerEarlyPass1(t, early);
        expect(plain(analyseFanOut([src(t), src(other, 'g')]))).toBe(want);
        // Once only: a second analysis of the same rows reads them itself, with the same result.
        expect(plain(analyseFanOut([src(t), src(other, 'g')]))).toBe(want);
      }),
      { numRuns: 40 },
    );
  });

  it('covers a table shared among sections (the command shown again and again), empty sections between them', () => {
    const sliceOf = (t: FlowTable, a: number, b: number): FlowTable => ({
      ...t,
      count: b - a,
      srcIf: t.srcIf.subarray(a, b), dstIf: t.dstIf.subarray(a, b), src: t.src.subarray(a, b), dst: t.dst.subarray(a, b), proto: t.proto.subarray(a, b),
      srcPort: t.srcPort.subarray(a, b), dstPort: t.dstPort.subarray(a, b), packets: t.packets.subarray(a, b), bytes: t.bytes.subarray(a, b), line: t.line.subarray(a, b),
    });
    const blank = () => new FlowColumns(16).finish().table;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 2, max: 600 }), fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 8 }), fc.array(fc.boolean(), { maxLength: 10 }), (seed, n, cuts, blanks) => {
        const t = table(seed, n);
        const other = table(seed + 1, 50);
        const bounds = [0, ...[...new Set(cuts.map((x) => Math.min(x, n)))].sort((x, y) => x - y), n];
        // Sections in order, a blank one (an empty cache shown) before some of them, another source after them all.
        const sections = (t0: FlowTable, o: FlowTable): FlowSource[] => {
          const out: FlowSource[] = [];
          for (let k = 0; k + 1 < bounds.length; k++) {
            if (blanks[k]) out.push(src(blank(), `b${k}`));
            out.push(src(sliceOf(t0, bounds[k]!, bounds[k + 1]!), `s${k}`));
          }
          out.push(src(o, 'g'));
          return out;
        };
        const want = plain(analyseFanOut(sections(copyOf(t), copyOf(other))));
        const early = new EarlyPass1(8);
        early.feed(view(t, Math.min(n, bounds[1]!)));
        early.feed(t);
        registerEarlyPass1(t, early);
        const facts = pass1(sections(t, other));
        // Not vacuous: the analysis starts from the early pass's facts.
        expect(facts.hostsIx).toBe((early as unknown as { f: { hostsIx: unknown } }).f.hostsIx);
        const early2 = new EarlyPass1(8);
        early2.feed(t);
        registerEarlyPass1(t, early2);
        expect(plain(analyseFanOut(sections(t, other)))).toBe(want);
      }),
      { numRuns: 60 },
    );
  });

  it('is ignored for rows it did not read whole (a part of them, or other rows)', () => {
    const t = table(7, 300);
    const want = plain(analyseFanOut([src(copyOf(t))]));
    const early = new EarlyPass1();
    early.feed(view(t, 200));
    registerEarlyPass1(t, early);
    expect(plain(analyseFanOut([src(t)]))).toBe(want);
    const wantPart = plain(analyseFanOut([src(copyOf(view(t, 100)))]));
    const early2 = new EarlyPass1();
    early2.feed(t);
    registerEarlyPass1(t, early2);
    expect(plain(analyseFanOut([src(view(t, 100))]))).toBe(wantPart);
  });

  it('indexes and counts sources as a Map would, past the number from which it reads slots and records ahead', () => {
    // 60,000 sources in 200,000 rows: runs of one source, 0.0.0.0 rows, sources seen again much later.
    const n = 200_000;
    const c = new FlowColumns(n);
    let a = 7;
    const next = () => (a = (Math.imul(a, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < n; i++) {
      const k = c.reserve();
      const r = next();
      c.src[k] = r % 50 === 0 ? 0 : i > 0 && r % 3 === 0 ? c.src[k - 1]! : (0x0a000000 + (next() % 60_000) * 3 + 1) >>> 0;
      c.dst[k] = 0x08080808;
      c.proto[k] = 6;
      c.srcPort[k] = 1025;
      c.dstPort[k] = 80;
      c.packets[k] = 1;
      c.bytes[k] = NaN;
      c.line[k] = i + 1;
      c.n = k + 1;
    }
    const t = c.finish().table;
    const early = new EarlyPass1(n);
    for (const cut of [1000, 70_000, 150_001, n]) early.feed(view(t, cut));
    // What first-seen indexing gives, worked out with a Map.
    const index = new Map<number, number>();
    const want = new Int32Array(n);
    const flows: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = t.src[i]!;
      if (s === 0) {
        want[i] = -1;
        continue;
      }
      if (!index.has(s)) index.set(s, index.size);
      want[i] = index.get(s)!;
      flows[want[i]!] = (flows[want[i]!] ?? 0) + 1;
    }
    expect(index.size).toBeGreaterThan(40_000);
    for (const f of [pass1([src(t)]), early.factsFor(t)!]) {
      const wrong = want.findIndex((k, i) => f.hostOf[i] !== k);
      expect(wrong).toBe(-1);
      expect(f.hostsIx.size).toBe(index.size);
      expect([...f.hostsIx.keyAt.subarray(0, index.size)]).toEqual([...index.keys()]);
      expect(Array.from({ length: index.size }, (_, k) => f.h.rec[k * R_STRIDE + R_FLOWS])).toEqual(flows);
    }
  });
});
