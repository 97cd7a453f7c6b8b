// The CLI reads files past 1 MB as bytes with its WebAssembly kernels (clean-rows-wasm, fnf-runs-wasm,
// verbose-runs-wasm, mls-runs-wasm, nx-runs-wasm): with all of them in use, every real capture, and a session of them
// all, reads through the byte path exactly as through the text path (core/proof/bytes-path.test.ts holds the same for
// the JavaScript loops the browser uses).
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnose';
import { prescanBytes } from '../core/big-paste/prescan';
import { registerPrescan } from '../core/parsers/show-ip-cache-flow/prescanned';
import { useMlsRunKernel } from '../core/big-paste/mls-entries';
import { useNxRunKernel } from '../core/big-paste/nx-rows';
import { useVerboseRunKernel } from '../core/big-paste/verbose-records';
import { useRecordRunKernel, useRowRunKernel } from '../core/big-paste/fnf-run-kernels';
import { loadCaptures } from '../core/proof/fixture-set';
import type { Paste } from '../core/types';
import { useWasmCleanRows } from './clean-rows-wasm/kernel';
import { wasmRuns } from './fnf-runs-wasm/kernel';
import { wasmMlsRuns } from './mls-runs-wasm/kernel';
import { wasmNxRuns } from './nx-runs-wasm/kernel';
import { wasmVerboseRuns } from './verbose-runs-wasm/kernel';

const captures = loadCaptures(fs, join(__dirname, '../core/parsers'));

describe('every capture through the byte path with the CLI\'s kernels', () => {
  it('reads as the text path, exactly; the kernels take records, entries and rows of the real captures', () => {
    useWasmCleanRows();
    const taken = { fnf: 0, verbose: 0, mls: 0, nx: 0 };
    const fnf = wasmRuns()!;
    useRecordRunKernel((b, p, end, t, take, atBlank) => fnf.records(b, p, end, t, (x) => ((taken.fnf += x.count), take(x)), atBlank));
    useRowRunKernel((b, p, end, layout, csv, sink) => fnf.rows(b, p, end, layout, csv, { ...sink, take: (x) => ((taken.fnf += x.count), sink.take(x)) }));
    const verbose = wasmVerboseRuns()!;
    useVerboseRunKernel((b, p, end, cols, take) => verbose(b, p, end, cols, (x) => ((taken.verbose += x.count), take(x))));
    const mls = wasmMlsRuns()!;
    useMlsRunKernel((b, p, end, cols, take) => mls(b, p, end, cols, (x) => ((taken.mls += x.count), take(x))));
    const nx = wasmNxRuns()!;
    useNxRunKernel((b, p, end, layout, take) => nx(b, p, end, layout, (x) => ((taken.nx += x.count), take(x))));
    const session = Buffer.concat(captures.map((c) => Buffer.concat([c.bytes, Buffer.from('\n')])));
    const wrong: string[] = [];
    for (const c of [...captures, { rel: 'session', bytes: new Uint8Array(session) }]) {
      const paste: Paste = { source: c.rel, text: '' };
      registerPrescan(paste, prescanBytes(c.bytes));
      if (JSON.stringify(diagnose([paste])) !== JSON.stringify(diagnose([{ source: c.rel, text: Buffer.from(c.bytes).toString('utf8') }]))) wrong.push(c.rel);
    }
    expect(wrong).toEqual([]);
    // Not vacuous: each kernel read runs of the real captures (the FNF records', the verbose caches', the MLS
    // NetFlow tables', the NX-OS caches': 47, 6, 20 and 14 on 2026-12-05).
    for (const k of ['fnf', 'verbose', 'mls', 'nx'] as const) expect(taken[k], k).toBeGreaterThan(0);
  });
});
