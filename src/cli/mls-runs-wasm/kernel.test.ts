// The CLI's WebAssembly loop for runs of `show mls netflow ip` entries takes exactly the entries runMls's own loop
// takes, with the same values, interfaces, lines and offsets, and the bytes it runs are the ones its text assembles to.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { useMlsRunKernel } from '../../core/big-paste/mls-entries';
import { type CutPaste, paged23 } from '../../core/proof/fnf-run-caches';
import { MLS_HEADER, mlsCaches, mlsScannerResult } from '../../core/proof/mls-caches';
import { FlowColumns } from '../../core/parsers/show-ip-cache-flow/flow-columns';
import { textAssembledCheck } from '../wasm-bytes';
import { MLS_RUNS_WASM } from './bytes';
import { wasmMlsRuns } from './kernel';
import { mlsRunsWat, RECORDS } from './wat';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 300;
const SEED = Number(process.env.FUZZ_SEED) || 20261205;

afterEach(() => useMlsRunKernel(undefined));


describe('the WebAssembly loop for runs of MLS NetFlow entries', () => {
  // After changing wat.ts: UPDATE_WASM=1 npx vitest run src/cli/mls-runs-wasm writes bytes.ts afresh.
  it('is the text it comes from, assembled', textAssembledCheck('mls-runs-wasm', 'MLS_RUNS_WASM', mlsRunsWat, MLS_RUNS_WASM, new URL('./bytes.ts', import.meta.url)));

  const stats = { copied: 0 };
  const wasm = wasmMlsRuns(undefined, stats)!;
  let taken = 0;
  /** mlsScannerResult with the module's loop (counting the entries it hands over), or runMls's own. */
  const read = (c: CutPaste, withWasm: boolean) => {
    useMlsRunKernel(
      withWasm
        ? (b, p, end, cols, take) =>
            wasm(b, p, end, cols, (batch) => {
              taken += batch.count;
              take(batch);
            })
        : undefined,
    );
    return mlsScannerResult(c);
  };

  it('takes the entries the JavaScript loop takes: values, interfaces, lines, offsets, text lines (property)', { timeout: 20_000 + RUNS * 20 }, () => {
    taken = 0;
    fc.assert(
      fc.property(mlsCaches, (c) => {
        expect(read(c, true)).toBe(read(c, false));
      }),
      { numRuns: RUNS * 3, seed: SEED },
    );
    // Not vacuous: the module took many entries (19,252 with the default runs and seed).
    expect(taken).toBeGreaterThan(RUNS * 20);
  });

  for (const paged of [false, true]) {
    it(`reads a run longer than its window and its batch, CR LF, and copies each byte about once${paged ? '; on through lines behind an erased pager mark' : ''}`, () => {
      const entry = (k: number) => [
        `198.51.${(k >> 8) & 255}.${k & 255}   10.1.${(k >> 8) & 255}.9    tcp :${1024 + (k % 60000)} :${k % 2 ? 'www' : '443'}       ${k % 3 === 0 ? 'Gi1/0/24' : 'TenGigabitEthernet1/1'}        :0x0`,
        `${1 + (k % 2000)}            ${48 * (1 + (k % 2000))}            53    11:47:08  L3 - Dynamic`,
      ];
      const n = RECORDS * 2 + 77;
      // (Paged: a capture without `terminal length 0`, the mark before one line in 23, first lines and counters alike.)
      const lines = paged23(Array.from({ length: n }, (_, k) => entry(k)).flat(), paged);
      const text = [...MLS_HEADER, ...lines, 'R1#'].join('\r\n') + '\r\n';
      const c: CutPaste = { bytes: new Uint8Array(Buffer.from(text, 'latin1')), cut: Math.floor(text.length / 3) };
      taken = 0;
      stats.copied = 0;
      const got = read(c, true);
      expect(got).toBe(read(c, false));
      // Every entry from bytes; through the module all but the first of each piece (read line by line: a run starts after one).
      expect(JSON.parse(got).cols[0]).toHaveLength(n);
      expect(taken).toBe(n - 2);
      expect(stats.copied).toBeLessThan(2 * text.length);
    });
  }

  it('keeps interface indexes for one set of columns at a time, and not past its names being replaced', () => {
    const kernel = wasmMlsRuns()!;
    const text = ['198.51.100.1    10.1.1.1        tcp :1024 :www       Gi1/0/24        :0x0', '2            96            53    11:47:08  L3 - Dynamic'].join('\n') + '\n';
    const b = new Uint8Array(Buffer.from(text.repeat(3), 'latin1'));
    const names = (cols: FlowColumns) => {
      const got: string[] = [];
      kernel(b, 0, b.length, cols, (x) => {
        for (let r = 0; r < x.count; r++) got.push(cols.ifNames[x.srcIf![r]!]!);
      });
      return got;
    };
    const want = Array(3).fill('Gi1/0/24');
    expect(names(new FlowColumns(16))).toEqual(want);
    const other = new FlowColumns(16);
    other.ifIndexOfName('Vl10');
    expect(names(other)).toEqual(want);
    other.setInterfaceNames(['', 'Vl10', 'Fa0/1', 'Gi1/0/24']);
    expect(names(other)).toEqual(want);
  });
});
