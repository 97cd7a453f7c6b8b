// Evidence lines read back from a file in runs (linesFromRanges): the same lines as one read per line, in fewer reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowTable } from '../flow-table';
import { decodeUtf8, firstRowAtOrAfter, LINE_READ_MAX, linesFromRanges, offsetOrder } from './prescanned';

/** One read per offset, as the readers did before: LINE_READ_MAX bytes at most, up to the first \n or \r. */
function oneByOne(bytes: Uint8Array, offsets: readonly number[]): string[] {
  return offsets.map((o) => {
    const b = bytes.subarray(o, Math.min(bytes.length, o + LINE_READ_MAX));
    let e = 0;
    while (e < b.length && b[e] !== 10 && b[e] !== 13) e++;
    return decodeUtf8(b, 0, e);
  });
}

/** A reader over `bytes` that counts its reads and checks each stays in the file. */
function counted(bytes: Uint8Array): { read: (s: number, e: number) => Uint8Array; reads: () => number } {
  let n = 0;
  return {
    read: (s, e) => {
      if (s < 0 || e > bytes.length || s >= e) throw new Error(`read ${s}-${e} of ${bytes.length}`);
      n++;
      return bytes.slice(s, e);
    },
    reads: () => n,
  };
}

// Lines of every kind a capture has: rows, CRLF ends, lone CRs, empty lines, a line longer than a read, non-ASCII.
const line = fc.oneof(
  fc.constantFrom('Fa0/0         10.0.0.1        Null          1.2.3.4         06 0B15 0050     1', '', 'Router#', 'caf\u00e9 \u2014 note'),
  fc.string({ maxLength: 40 }),
  fc.nat(6000).map((n) => 'x'.repeat(n)),
);
const eol = fc.constantFrom('\n', '\r\n', '\r');

describe('linesFromRanges', () => {
  it('reads what one read per line reads, for any offsets, in any order, repeats included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(line, eol), { minLength: 1, maxLength: 60 }), fc.array(fc.nat(), { maxLength: 40 }), fc.integer({ min: 1, max: 20000 }), fc.integer({ min: 0, max: 9000 }), (ls, picks, window, gap) => {
        const bytes = new TextEncoder().encode(ls.map(([l, e]) => l + e).join(''));
        // Line starts, and a few offsets inside lines (a reader is given any offset).
        const starts = [0];
        for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) starts.push(i + 1);
        const offsets = picks.map((p, k) => (k % 3 === 2 ? p % bytes.length : starts[p % starts.length]!)).filter((o) => o < bytes.length);
        const { read } = counted(bytes);
        expect(linesFromRanges(read, bytes.length, { window, gap })(offsets)).toEqual(oneByOne(bytes, offsets));
      }),
      { numRuns: 200 },
    );
  });

  it('reads offsets near each other at once: one read for a run within its window, one per offset far apart', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `Fa0/0         10.0.${i >> 8}.${i & 255}        Null          1.2.3.4         06 0B15 0050     1`);
    const bytes = new TextEncoder().encode(rows.join('\n') + '\n');
    const rowAt = (i: number) => i * (rows[0]!.length + 1);
    const near = [5, 900, 17, 17, 300].map(rowAt);
    const a = counted(bytes);
    expect(linesFromRanges(a.read, bytes.length, { gap: 1 << 16 })(near)).toEqual(oneByOne(bytes, near));
    expect(a.reads()).toBe(1);
    // A window of one line: every distinct offset is a read of its own.
    const b = counted(bytes);
    linesFromRanges(b.read, bytes.length, { window: LINE_READ_MAX, gap: 1 << 16 })(near);
    expect(b.reads()).toBe(4);
    // Offsets more than `gap` apart are read apart, whatever the window: 5 and 17 together, 300 and 900 alone.
    const d = counted(bytes);
    expect(linesFromRanges(d.read, bytes.length, { gap: 20 * (rows[0]!.length + 1) })(near)).toEqual(oneByOne(bytes, near));
    expect(d.reads()).toBe(3);
    // Nothing asked, nothing read.
    const c = counted(bytes);
    expect(linesFromRanges(c.read, bytes.length)([])).toEqual([]);
    expect(c.reads()).toBe(0);
  });
});

describe('offsetOrder', () => {
  it('orders indexes by their offsets, equal offsets in index order, as a stable comparator sort does', () => {
    // Repeats, offsets of any size up to 2^53 (where an offset and its index no longer share a number: the fallback).
    const offset = fc.oneof(fc.nat(50), fc.nat(80_000_000), fc.integer({ min: 2 ** 40, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(fc.array(offset, { maxLength: 300 }), (offsets) => {
        const want = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]! || a - b);
        expect(Array.from(offsetOrder(offsets))).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});

describe('firstRowAtOrAfter', () => {
  it('finds the first row at or after a line from any row before it, as a scan from the start does', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { maxLength: 200 }), fc.nat(45), fc.nat(250), (gaps, line, fromSeed) => {
        // Rows in line order (repeats allowed: a verbose record's rows share nothing, but the search must not care).
        let at = 1;
        const rowLines = Uint32Array.from(gaps, (g) => (at += Math.floor(g / 4)));
        const rows = { count: rowLines.length, line: rowLines } as unknown as FlowTable;
        const target = line * 10;
        let want = 0;
        while (want < rows.count && rowLines[want]! < target) want++;
        // Any start at or before the answer.
        const from = want === 0 ? 0 : fromSeed % (want + 1);
        expect(firstRowAtOrAfter(rows, target, from)).toBe(want);
        expect(firstRowAtOrAfter(rows, target)).toBe(want);
      }),
      { numRuns: 500 },
    );
  });
});
