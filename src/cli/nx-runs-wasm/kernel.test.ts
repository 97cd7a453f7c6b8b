// The CLI's WebAssembly loop for runs of NX-OS `show flow cache` rows takes exactly the rows runNx's own loop takes,
// with the same values, lines and offsets, and the bytes it runs are the ones its text assembles to.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { useNxRunKernel } from '../../core/big-paste/nx-rows';
import { type CutPaste, paged23 } from '../../core/proof/fnf-run-caches';
import { nxCaches, nxScannerResult, STANDARD } from '../../core/proof/nx-caches';
import { textAssembledCheck } from '../wasm-bytes';
import { NX_RUNS_WASM } from './bytes';
import { wasmNxRuns } from './kernel';
import { nxRunsWat, RECORDS } from './wat';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 300;
const SEED = Number(process.env.FUZZ_SEED) || 20261205;

afterEach(() => useNxRunKernel(undefined));

describe('the WebAssembly loop for runs of NX-OS flow cache rows', () => {
  // After changing wat.ts: UPDATE_WASM=1 npx vitest run src/cli/nx-runs-wasm writes bytes.ts afresh.
  it('is the text it comes from, assembled', textAssembledCheck('nx-runs-wasm', 'NX_RUNS_WASM', nxRunsWat, NX_RUNS_WASM, new URL('./bytes.ts', import.meta.url)));

  const stats = { copied: 0 };
  const wasm = wasmNxRuns(undefined, stats)!;
  let taken = 0;
  /** nxScannerResult with the module's loop (counting the rows it hands over), or runNx's own. */
  const read = (c: CutPaste, withWasm: boolean) => {
    useNxRunKernel(
      withWasm
        ? (b, p, end, layout, take) =>
            wasm(b, p, end, layout, (batch) => {
              taken += batch.count;
              take(batch);
            })
        : undefined,
    );
    return nxScannerResult(c);
  };

  it('takes the rows the JavaScript loop takes: values, lines, offsets, text lines (property)', { timeout: 20_000 + RUNS * 20 }, () => {
    taken = 0;
    fc.assert(
      fc.property(nxCaches, (c) => {
        expect(read(c, true)).toBe(read(c, false));
      }),
      { numRuns: RUNS * 3, seed: SEED },
    );
    // Not vacuous: the module took many rows (4,839 with the default runs and seed).
    expect(taken).toBeGreaterThan(RUNS * 10);
  });

  for (const paged of [false, true]) {
    it(`reads a run longer than its window and its batch, CR LF, and copies each byte about once${paged ? '; on through rows behind an erased pager mark' : ''}`, () => {
      const row = (k: number) =>
        `10.1.${(k >> 8) & 255}.${k & 255}      198.51.${(k >> 8) & 255}.9    4097  ${1024 + (k % 60000)}   80      6         ${48 * (1 + (k % 9))}            ${1 + (k % 9)}             0x2        0x1a000000  1432        1433`;
      const n = RECORDS * 2 + 77;
      // (Paged: a capture without `terminal length 0`, the mark before one line in 23.)
      const rows = paged23(Array.from({ length: n }, (_, k) => row(k)), paged);
      const text = ['switch# show flow cache', 'IPV4 Entries', STANDARD, ...rows, 'switch#'].join('\r\n') + '\r\n';
      const c: CutPaste = { bytes: new Uint8Array(Buffer.from(text, 'latin1')), cut: Math.floor(text.length / 3) };
      taken = 0;
      stats.copied = 0;
      const got = read(c, true);
      expect(got).toBe(read(c, false));
      // Every row from bytes; through the module all but the first of each piece (read line by line: a run starts after one).
      expect(JSON.parse(got).cols[0]).toHaveLength(n);
      expect(taken).toBe(n - 2);
      expect(stats.copied).toBeLessThan(2 * text.length);
    });
  }
});
