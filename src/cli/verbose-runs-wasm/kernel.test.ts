// The CLI's WebAssembly loop for runs of verbose cache records takes exactly the records runVerbose's own loop takes,
// with the same values, names, lines and offsets, and the bytes it runs are the ones its text assembles to.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { useVerboseRunKernel } from '../../core/big-paste/verbose-records';
import { type CutPaste, PAGER_ERASE, paged23 } from '../../core/proof/fnf-run-caches';
import { HEADER, HEADER2, verboseCaches, verboseScannerResult } from '../../core/proof/verbose-caches';
import { textAssembledCheck } from '../wasm-bytes';
import { FlowColumns } from '../../core/parsers/show-ip-cache-flow/flow-columns';
import { VERBOSE_RUNS_WASM } from './bytes';
import { wasmVerboseRuns } from './kernel';
import { RECORDS, verboseRunsWat } from './wat';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 300;
const SEED = Number(process.env.FUZZ_SEED) || 20261205;

afterEach(() => useVerboseRunKernel(undefined));

describe('the WebAssembly loop for runs of verbose cache records', () => {
  // After changing wat.ts: UPDATE_WASM=1 npx vitest run src/cli/verbose-runs-wasm writes bytes.ts afresh.
  it('is the text it comes from, assembled', textAssembledCheck('verbose-runs-wasm', 'VERBOSE_RUNS_WASM', verboseRunsWat, VERBOSE_RUNS_WASM, new URL('./bytes.ts', import.meta.url)));

  const stats = { copied: 0 };
  const wasm = wasmVerboseRuns(undefined, stats);
  let taken = 0;
  /** verboseScannerResult with the module's loop (counting the records it hands over), or runVerbose's own. */
  const read = (c: CutPaste, withWasm: boolean) => {
    useVerboseRunKernel(
      withWasm
        ? (b, p, end, cols, take) =>
            wasm!(b, p, end, cols, (batch) => {
              taken += batch.count;
              take(batch);
            })
        : undefined,
    );
    return verboseScannerResult(c);
  };

  it('takes the records the JavaScript loop takes: values, names, lines, offsets, text lines (property)', { timeout: 20_000 + RUNS * 20 }, () => {
    taken = 0;
    fc.assert(
      fc.property(verboseCaches, (c) => {
        expect(read(c, true)).toBe(read(c, false));
      }),
      { numRuns: RUNS * 3, seed: SEED },
    );
    // Not vacuous: the module took many records (17,247 with the default runs and seed).
    expect(taken).toBeGreaterThan(RUNS * 20);
  });

  for (const paged of [false, true]) {
    it(`reads a run longer than its window and its batch, CR LF, and copies each byte about once${paged ? '; on through lines behind an erased pager mark' : ''}`, () => {
      const record = (k: number) => [
        `${k % 3 === 0 ? 'Gi0/0/1' : 'TenGigabitEthernet0/0/0.1000'}  10.1.${(k >> 8) & 255}.${k & 255}  Fa0/1  198.51.${(k >> 8) & 255}.9  06 00  02  ${1 + (k % 2000)}`,
        `${(1024 + (k % 60000)).toString(16).toUpperCase()} /0  0  0050 /0  0  192.0.2.1  48  ${(k % 500) / 10}`,
      ];
      const n = RECORDS * 2 + 77;
      // (Paged: a capture without `terminal length 0`, the mark before one line in 23, first lines and second alike.)
      const lines = paged23(Array.from({ length: n }, (_, k) => record(k)).flat(), paged);
      const text = ['R1#show ip cache verbose flow', HEADER, HEADER2, ...lines, 'R1#'].join('\r\n') + '\r\n';
      const c: CutPaste = { bytes: new Uint8Array(Buffer.from(text, 'latin1')), cut: Math.floor(text.length / 3) };
      taken = 0;
      stats.copied = 0;
      const got = read(c, true);
      expect(got).toBe(read(c, false));
      // Every record from bytes but the one cut by the first piece's end (its first line goes the text way)...
      expect(JSON.parse(got).cols[0]).toHaveLength(n - 1);
      // ...and all through the module but the first of each piece (read line by line: a run starts after one).
      expect(taken).toBe(n - 3);
      expect(stats.copied).toBeLessThan(2 * text.length);
    });
  }

  it('keeps interface indexes for one set of columns at a time, and not past its names being replaced', () => {
    const kernel = wasmVerboseRuns()!;
    const text = ['Et0/0  10.1.1.1  Fa0/1  198.51.100.1  06 00  02  1', '0400 /0  0  0050 /0  0  192.0.2.1  48  0.0'].join('\n') + '\n';
    const b = new Uint8Array(Buffer.from(text.repeat(3), 'latin1'));
    const names = (cols: FlowColumns) => {
      const got: string[] = [];
      kernel(b, 0, b.length, cols, (x) => {
        for (let r = 0; r < x.count; r++) got.push(`${cols.ifNames[x.srcIf![r]!]} ${cols.ifNames[x.dstIf![r]!]}`);
      });
      return got;
    };
    const want = Array(3).fill('Et0/0 Fa0/1');
    expect(names(new FlowColumns(16))).toEqual(want);
    // Other columns, other indexes for the same names (Et0/0 is 1 above, 2 here).
    const other = new FlowColumns(16);
    other.ifIndexOfName('Gi9');
    expect(names(other)).toEqual(want);
    // The same columns, their names replaced in another order (as a part merged into them is).
    other.setInterfaceNames(['', 'Fa0/1', 'Gi9', 'Et0/0']);
    expect(names(other)).toEqual(want);
  });

  it('reads on through a line behind an erased pager mark, stops at a note or an egress copy, and takes the records after it again', () => {
    const first = (k: number, dstIf = 'Fa0/1 ') => `Gi0/0/1         10.1.1.${k}       ${dstIf}          198.51.100.${k}    06 00  02       1`;
    const second = '0400 /0  0                     0050 /0  0     192.0.2.1             48     0.0';
    const odd = [`${PAGER_ERASE}${first(10)}`, `${first(20)}   <-- this one`, first(30, 'Fa0/1*')];
    const lines = [HEADER, HEADER2];
    for (let k = 1; k <= 40; k++) lines.push(k % 10 === 0 ? odd[k / 10 - 1] ?? first(k) : first(k), second);
    const text = ['R1#show ip cache verbose flow', ...lines, 'R1#'].join('\n') + '\n';
    const c: CutPaste = { bytes: new Uint8Array(Buffer.from(text, 'latin1')), cut: text.length };
    taken = 0;
    const got = read(c, true);
    expect(got).toBe(read(c, false));
    // 38 records from bytes (the note's and the egress copy's go the text way); through the module, those after the
    // first (2-19, the marked one among them, read from where the screen shows it), and after the record after each
    // text one (22-29, 32-40: the line-by-line path reads 21 and 31).
    expect(JSON.parse(got).cols[0]).toHaveLength(38);
    expect(taken).toBe(18 + 8 + 9);
  });
});
