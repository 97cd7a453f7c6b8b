// The CLI's loop for runs of verbose cache records: the WebAssembly module (wat.ts, bytes.ts) behind runVerbose's kernel
// contract (core/big-paste/verbose-records.ts useVerboseRunKernel), so the core reads the same records either way.
// Each call copies whole lines into the module's memory, lets it take the records and hands them over in batches.
// The browser keeps the JavaScript loop (its CSP allows no WebAssembly compiling).
import type { FlowColumns } from '../../core/parsers/show-ip-cache-flow/flow-columns';
import { useVerboseRunKernel, type VerboseBatch, type VerboseRunKernel } from '../../core/big-paste/verbose-records';
import { VERBOSE_RUNS_WASM } from './bytes';
import { shippedBytes, wasmExports } from '../wasm-instance';
import { pagerLeadEnd } from '../../core/big-paste/fnf-records';
import { batchViews, indexCacheFor, lazily, runInWindows } from '../run-kernel';
import { IN_BYTES, LAYOUT, NAME_SLOT, NAME_SLOTS, RECORDS } from './wat';

interface Exports {
  memory: WebAssembly.Memory;
  records: WebAssembly.Global;
  cut: WebAssembly.Global;
  run: (p: number, end: number, cap: number) => number;
}

let installed = false;

/**
 * Make runVerbose on this thread use the module (once). The module is compiled when a run first needs it, so a run
 * of the analyzer on anything but a verbose cache pays nothing for it.
 */
export function useWasmVerboseRuns(): void {
  if (installed) return;
  installed = true;
  const kernel = lazily(() => wasmVerboseRuns());
  useVerboseRunKernel((b, p, end, cols, take) => kernel()?.(b, p, end, cols, take) ?? -1);
}

/** The module's loop, or undefined where WebAssembly cannot be compiled (then runVerbose's own loop reads). */
export function wasmVerboseRuns(bytes: Uint8Array<ArrayBuffer> = shippedBytes(VERBOSE_RUNS_WASM), stats?: { copied: number }): VerboseRunKernel | undefined {
  // The module asks the columns for an interface's index where the readers ask it (FlowColumns.ifIndex), and where a
  // line goes on after an erased pager mark (pagerLeadEnd), over its memory.
  let cols: FlowColumns | undefined;
  let mem = new Uint8Array(0);
  const e = wasmExports<Exports>(bytes, {
    verbose: { ifIndex: (s: number, end: number, h: number) => cols!.ifIndex(mem, s, end, h), pager: (s: number, end: number) => pagerLeadEnd(mem, s, end) },
  });
  if (!e) return undefined;
  const buf = e.memory.buffer;
  mem = new Uint8Array(buf);
  new Float64Array(buf, LAYOUT.pow10, 16).set(Array.from({ length: 16 }, (_, k) => 10 ** k));
  const i32 = (at: number) => new Int32Array(buf, at, RECORDS);
  const batch: VerboseBatch = {
    ...batchViews(buf, { ...LAYOUT, bytes: LAYOUT.bpp }, RECORDS),
    tos: i32(LAYOUT.tos),
    flags: i32(LAYOUT.flags),
    nextHop: new Uint32Array(buf, LAYOUT.nextHop, RECORDS),
    active: new Float64Array(buf, LAYOUT.active, RECORDS),
  };
  const cacheFor = indexCacheFor(new Uint8Array(buf, LAYOUT.names, NAME_SLOTS * NAME_SLOT));
  return (b, p, end, c, take) => {
    cacheFor(c);
    cols = c;
    return runInWindows(e, mem, b, p, end, IN_BYTES - (1 << 16), RECORDS, (length) => e.run(0, length, RECORDS), batch, take, stats);
  };
}
