// The flow table builder taking columns read from bytes: copied (addColumns) or taken as they are (adoptColumns), the
// table is the one addValues gives row by row; rows added after taken columns are kept too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowTableBuilder } from './flow-table';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 200;
const SEED = Number(process.env.FUZZ_SEED) || 20261205;

const NAMES = ['Gi0/0/1', 'Fa0/1', 'Vl1', 'Po12'];

/** Columns as FnfRecords keeps them: interfaces as indexes in NAMES (-1: none), ports and protocol -1 where absent. */
function columns(rows: number[][]) {
  const col = (j: number) => rows.map((r) => r[j]!);
  return {
    src: Uint32Array.from(col(0)),
    dst: Uint32Array.from(col(1)),
    srcPort: Int32Array.from(col(2)),
    dstPort: Int32Array.from(col(3)),
    proto: Int32Array.from(col(4)),
    packets: Float64Array.from(col(5)),
    bytes: Float64Array.from(col(6)),
    srcIf: Int32Array.from(col(7)),
    dstIf: Int32Array.from(col(8)),
    line: Uint32Array.from(col(9)),
  };
}

const row = fc.tuple(
  fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  fc.integer({ min: -1, max: 65535 }),
  fc.integer({ min: -1, max: 65535 }),
  fc.constantFrom(-1, 1, 6, 17, 255),
  fc.integer({ min: 0, max: 1e9 }),
  fc.oneof(fc.integer({ min: 0, max: 1e12 }), fc.constant(NaN)),
  fc.integer({ min: -1, max: NAMES.length - 1 }),
  fc.integer({ min: -1, max: NAMES.length - 1 }),
  fc.integer({ min: 1, max: 1e6 }),
);

/** A builder's table as plain rows, interfaces by name. */
function rowsOf(b: FlowTableBuilder): unknown[] {
  const t = b.finish();
  return Array.from({ length: t.count }, (_, i) => [t.ifNames[t.srcIf[i]!], t.ifNames[t.dstIf[i]!], t.src[i], t.dst[i], t.proto[i], t.srcPort[i], t.dstPort[i], t.packets[i], t.bytes[i], t.line[i]]);
}

/** Interface index map and learner, as RecordSink keeps them for one set of columns. */
function mapper(b: FlowTableBuilder) {
  const ifMap = new Int32Array(NAMES.length).fill(-1);
  return { ifMap, learn: (i: number) => (ifMap[i] = b.interfaceIndex(NAMES[i])) };
}

describe('a flow table made of columns read from bytes', () => {
  it('taken as they are or copied, then rows added one by one, is the table addValues makes (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.array(row, { maxLength: 40 }), fc.nat(), (rows, more, cut) => {
        const c = columns(rows);
        const from = cut % rows.length;
        const one = new FlowTableBuilder(4);
        for (const r of [...rows.slice(from), ...more]) {
          const [src, dst, sp, dp, proto, packets, bytes, si, di, line] = r as [number, number, number, number, number, number, number, number, number, number];
          one.addValues(si < 0 ? 0 : one.interfaceIndex(NAMES[si]), di < 0 ? 0 : one.interfaceIndex(NAMES[di]), src, dst, proto, sp, dp, packets, bytes, line);
        }
        const want = rowsOf(one);
        for (const adopt of [true, false]) {
          const b = new FlowTableBuilder(4);
          const { ifMap, learn } = mapper(b);
          if (adopt) b.adoptColumns(c, from, rows.length, ifMap, learn);
          else b.addColumns(c, from, rows.length, ifMap, learn);
          // (Another set of columns after them: a map of its own.)
          const m = mapper(b);
          if (more.length > 0) b.addColumns(columns(more), 0, more.length, m.ifMap, m.learn);
          expect(rowsOf(b)).toEqual(want);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('taken as they are, the addresses, ports, counts and lines are the columns\' own memory (no copy)', () => {
    const c = columns([
      [1, 2, 1025, 80, 6, 3, 144, 0, -1, 7],
      [5, 6, 1026, 80, 6, 1, NaN, 2, 1, 9],
    ]);
    const b = new FlowTableBuilder(1_000_000);
    const { ifMap, learn } = mapper(b);
    b.adoptColumns(c, 0, 2, ifMap, learn);
    const t = b.finish();
    for (const k of ['src', 'dst', 'srcPort', 'dstPort', 'packets', 'bytes', 'line'] as const) expect(t[k].buffer).toBe(c[k].buffer);
    expect(t.ifNames).toEqual(['', 'Gi0/0/1', 'Vl1', 'Fa0/1']);
    expect(Array.from(t.srcIf)).toEqual([1, 2]);
    expect(Array.from(t.dstIf)).toEqual([0, 3]);
    expect(() => b.adoptColumns(c, 0, 2, ifMap, learn)).toThrow(/has rows already/);
  });
});
