// The CLI's WebAssembly loop for runs of Flexible NetFlow records takes exactly the records runRecords' own loop takes,
// with the same values, names, lines and offsets, and the bytes it runs are the ones its text assembles to.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { useRecordRunKernel } from '../../core/big-paste/fnf-records';
import { type CutPaste, recordCaches, scannerResult } from '../../core/big-paste/fnf-runs-arbitraries';
import { assembledAndShipped } from '../wasm-bytes';
import { FNF_RUNS_WASM } from './bytes';
import { wasmRecordRuns } from './kernel';
import { fnfRunsWat, RECORDS } from './wat';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 300;
const SEED = Number(process.env.FUZZ_SEED) || 20261205;

afterEach(() => useRecordRunKernel(undefined));

describe('the WebAssembly loop for runs of Flexible NetFlow records', () => {
  // After changing wat.ts: UPDATE_WASM=1 npx vitest run src/cli/fnf-runs-wasm writes bytes.ts afresh.
  it('is the text it comes from, assembled', async () => {
    const { assembled, shipped } = await assembledAndShipped({
      name: 'fnf-runs.wat',
      text: fnfRunsWat(),
      shipped: FNF_RUNS_WASM,
      bytesFile: new URL('./bytes.ts', import.meta.url),
      constName: 'FNF_RUNS_WASM',
      update: 'UPDATE_WASM=1 npx vitest run src/cli/fnf-runs-wasm',
      checkedBy: 'kernel.test.ts',
    });
    expect(assembled).toBe(shipped);
  });

  const stats = { copied: 0 };
  const wasm = wasmRecordRuns(undefined, stats)!;
  let taken = 0;
  /** scannerResult with the module's loop (counting the records it hands over), or runRecords' own. */
  const read = (c: CutPaste, withWasm: boolean) => {
    useRecordRunKernel(
      withWasm
        ? (b, p, end, t, take) =>
            wasm(b, p, end, t, (batch) => {
              taken += batch.count;
              take(batch);
            })
        : undefined,
    );
    return scannerResult(c);
  };

  it('takes the records the JavaScript loop takes: values, names, lines, offsets, text lines (property)', () => {
    taken = 0;
    fc.assert(
      fc.property(recordCaches, (c) => {
        expect(read(c, true)).toBe(read(c, false));
      }),
      { numRuns: RUNS * 3, seed: SEED },
    );
    // Not vacuous: the module took most records.
    expect(taken).toBeGreaterThan(RUNS * 10);
  });

  it('reads a run longer than its window and its batch, and copies each byte about once', () => {
    const record = (k: number) =>
      [
        `IPV4 SOURCE ADDRESS:       10.1.${k >> 8 & 255}.${k & 255}`,
        'IPV4 DESTINATION ADDRESS:  198.51.100.9',
        `TRNS DESTINATION PORT:     ${k % 65536}`,
        `INTERFACE INPUT:           ${k % 3 === 0 ? 'Gi0/0/1' : 'TenGigabitEthernet0/0/0.1000'}`,
        `counter packets long:      ${k}`,
        '',
      ].join('\r\n');
    const n = RECORDS * 2 + 77;
    const text = ['R1#show flow monitor M cache', '', ...Array.from({ length: n }, (_, k) => record(k)), 'R1#'].join('\r\n') + '\r\n';
    const c: CutPaste = { bytes: new Uint8Array(Buffer.from(text, 'latin1')), cut: Math.floor(text.length / 3) };
    taken = 0;
    stats.copied = 0;
    const got = read(c, true);
    expect(got).toBe(read(c, false));
    // All but the first record (read line by line: it makes the template) and the one cut by the piece's end.
    expect(taken).toBe(n - 2);
    expect(stats.copied).toBeLessThan(2 * text.length);
  });
});
