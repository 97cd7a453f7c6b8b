// The CLI's WebAssembly loop for runs of Flexible NetFlow records takes exactly the records runRecords' own loop takes,
// with the same values, names, lines and offsets, and the bytes it runs are the ones its text assembles to.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { useRecordRunKernel, useRowRunKernel } from '../../core/big-paste/fnf-run-kernels';
import { type CutPaste, PAGER_ERASE, paged23, recordCaches, rowCaches, scannerResult } from '../../core/proof/fnf-run-caches';
import { assembledAndShipped } from '../wasm-bytes';
import { FNF_RUNS_WASM } from './bytes';
import { wasmRuns } from './kernel';
import { fnfRunsWat, RECORDS } from './wat';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 300;
const SEED = Number(process.env.FUZZ_SEED) || 20261205;

afterEach(() => {
  useRecordRunKernel(undefined);
  useRowRunKernel(undefined);
});

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
  const kernels = wasmRuns(undefined, stats)!;
  const wasm = kernels.records;
  let taken = 0;
  /** scannerResult with the module's loop (counting the records it hands over), or runRecords' own. */
  const read = (c: CutPaste, withWasm: boolean) => {
    useRecordRunKernel(
      withWasm
        ? (b, p, end, t, take, atBlank) =>
            wasm(
              b,
              p,
              end,
              t,
              (batch) => {
                taken += batch.count;
                take(batch);
              },
              atBlank,
            )
        : undefined,
    );
    return scannerResult(c);
  };

  it('takes the records the JavaScript loop takes: values, names, lines, offsets, text lines (property)', { timeout: 20_000 + RUNS * 20 }, () => {
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

  it('reads on through field lines behind an erased pager mark (a capture without `terminal length 0`), and ends a record at a blank line\'s', () => {
    const fields = (k: number) => [`IPV4 SOURCE ADDRESS:       10.1.${(k >> 8) & 255}.${k & 255}`, 'IPV4 DESTINATION ADDRESS:  198.51.100.9', 'TRNS DESTINATION PORT:     80', 'INTERFACE INPUT:           Gi0/0/1', `counter packets long:      ${k}`, ''];
    const n = 2000;
    const lines = ['R1#show flow monitor M cache', '', ...Array.from({ length: n }, (_, k) => fields(k)).flat(), 'R1#'];
    // The mark before one line in 23: a field's, or a blank line's (that one ends the record and the run; another starts after it).
    let marked = 0;
    let blank = 0;
    for (let k = 23; k < lines.length - 1; k += 23) {
      if (lines[k] === '') blank++;
      lines[k] = PAGER_ERASE + lines[k];
      marked++;
    }
    for (const eol of ['\n', '\r\n']) {
      const text = lines.join(eol) + eol;
      const c: CutPaste = { bytes: new Uint8Array(Buffer.from(text, 'latin1')), cut: Math.floor(text.length / 3) };
      taken = 0;
      const got = read(c, true);
      expect(got).toBe(read(c, false));
      expect(JSON.parse(got).cols[0]).toHaveLength(n);
      // All but the first record (read line by line: it makes the template) and the one cut by the piece's end.
      expect(taken).toBe(n - 2);
    }
    expect(marked).toBeGreaterThan(500);
    expect(blank).toBeGreaterThan(50);
  });

  let rows = 0;
  /** scannerResult with the module's row loop (counting the rows it keeps), or runRows' own. */
  const readRows = (c: CutPaste, withWasm: boolean) => {
    useRowRunKernel(
      withWasm
        ? (b, p, end, layout, csv, sink) =>
            kernels.rows(b, p, end, layout, csv, {
              keepWaiting: () => sink.keepWaiting(),
              take: (batch) => {
                rows += batch.count;
                sink.take(batch);
              },
              wait: (s, e) => sink.wait(s, e),
            })
        : undefined,
    );
    return scannerResult(c);
  };

  it('keeps the table and csv rows the JavaScript loop keeps, up to the same rule or line that is no row (property)', { timeout: 20_000 + RUNS * 20 }, () => {
    rows = 0;
    fc.assert(
      fc.property(rowCaches, (c) => {
        expect(readRows(c, true)).toBe(readRows(c, false));
      }),
      { numRuns: RUNS * 3, seed: SEED },
    );
    expect(rows).toBeGreaterThan(RUNS * 3);
  });

  for (const paged of [false, true]) {
    it(`reads a table longer than its window and its batch, CR LF, every row kept but the last (it waits)${paged ? '; on through rows behind an erased pager mark' : ''}`, () => {
      const pad = (t: string, w: number) => (t.length >= w ? `${t} ` : t + ' '.repeat(w - t.length));
      const row = (k: number) => `${pad(`10.1.${(k >> 8) & 255}.${k & 255}`, 17)}${pad('198.51.100.9', 17)}${String(k % 65536).padStart(13)}  ${pad(k % 3 ? 'Gi0/0/1' : 'Te0/0/0.1000', 22)}${'6'.padStart(7)}  ${String(k).padStart(20)}`;
      const n = RECORDS * 2 + 77;
      const lines = [
        'R1#show flow monitor M cache format table',
        '',
        'IPV4 SRC ADDR    IPV4 DST ADDR    TRNS DST PORT  INTF INPUT            IP PROT             pkts long',
        '===============  ===============  =============  ====================  =======  ====================',
        // (Paged: a capture without `terminal length 0`, the mark before one row in 23, read from where the screen shows it.)
        ...paged23(Array.from({ length: n }, (_, k) => row(k)), paged),
      ];
      const text = lines.join('\r\n') + '\r\n';
      const c: CutPaste = { bytes: new Uint8Array(Buffer.from(text, 'latin1')), cut: Math.floor(text.length / 3) };
      rows = 0;
      stats.copied = 0;
      expect(readRows(c, true)).toBe(readRows(c, false));
      // All but the first (read line by line), those each side of the piece's end, and one a call (it waits at the end of
      // each window, and is kept by the next call: counted as the line-by-line path's here).
      expect(rows).toBeGreaterThan(n - 40);
      expect(stats.copied).toBeLessThan(2 * text.length);
    });

    it(`reads a long csv with blanks around its fields (trimmed, as the parser does) whole: every row but the last kept${paged ? '; on through rows behind an erased pager mark' : ''}`, () => {
      const row = (k: number) => ` 10.1.${(k >> 8) & 255}.${k & 255} ,198.51.100.9,  ${k % 65536},${k % 3 ? 'Gi0/0/1' : 'Te0/0/0.1000'} , 6,${k} `;
      const n = RECORDS + 500;
      const lines = ['R1#show flow monitor M cache format csv', '', 'IPV4 SRC ADDR,IPV4 DST ADDR,TRNS DST PORT,INTF INPUT,IP PROT,pkts long', ...paged23(Array.from({ length: n }, (_, k) => row(k)), paged)];
      const text = lines.join('\n') + '\n';
      const c: CutPaste = { bytes: new Uint8Array(Buffer.from(text, 'latin1')), cut: text.length };
      rows = 0;
      expect(readRows(c, true)).toBe(readRows(c, false));
      // A row the module refused would be read by the line-by-line path all the same (the same result, more slowly): the
      // count says it refused none.
      expect(rows).toBeGreaterThan(n - 20);
    });
  }
});
