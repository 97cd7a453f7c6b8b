// The CLI's loop for runs of `show mls netflow ip` entries: the WebAssembly module (wat.ts, bytes.ts) behind runMls's
// kernel contract (core/big-paste/mls-entries.ts useMlsRunKernel), so the core reads the same entries either way. Each
// call copies whole lines into the module's memory, lets it take the entries and hands them over in batches. The
// browser keeps the JavaScript loop (its CSP allows no WebAssembly compiling).
import type { FlowColumns } from '../../core/parsers/show-ip-cache-flow/flow-columns';
import { BYTE_CLASS } from '../../core/big-paste/fnf-bytes';
import { pagerLeadEnd } from '../../core/big-paste/fnf-records';
import { mlsFieldValue, type MlsRunKernel, useMlsRunKernel } from '../../core/big-paste/mls-entries';
import { MLS_RUNS_WASM } from './bytes';
import { shippedBytes, wasmExports } from '../wasm-instance';
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
 * Make runMls on this thread use the module (once). The module is compiled when a run first needs it, so a run of the
 * analyzer on anything but an MLS NetFlow table pays nothing for it.
 */
export function useWasmMlsRuns(): void {
  if (installed) return;
  installed = true;
  const kernel = lazily(() => wasmMlsRuns());
  useMlsRunKernel((b, p, end, cols, take) => kernel()?.(b, p, end, cols, take) ?? -1);
}

/** The module's loop, or undefined where WebAssembly cannot be compiled (then runMls's own loop reads). */
export function wasmMlsRuns(bytes: Uint8Array<ArrayBuffer> = shippedBytes(MLS_RUNS_WASM), stats?: { copied: number }): MlsRunKernel | undefined {
  // The module asks the columns for an interface's index as commitMlsEntry does (FlowColumns.ifIndex), and the core for
  // a protocol's or port's name (mlsFieldValue), and where a line goes on after an erased pager mark (pagerLeadEnd), over
  // its memory.
  let cols: FlowColumns | undefined;
  let mem = new Uint8Array(0);
  const e = wasmExports<Exports>(bytes, {
    mls: {
      ifIndex: (s: number, end: number, h: number) => cols!.ifIndex(mem, s, end, h),
      fieldValue: (kind: number, s: number, end: number) => mlsFieldValue(kind, mem, s, end),
      pager: (s: number, end: number) => pagerLeadEnd(mem, s, end),
    },
  });
  if (!e) return undefined;
  const buf = e.memory.buffer;
  mem = new Uint8Array(buf);
  mem.set(BYTE_CLASS, LAYOUT.cls);
  const batch = batchViews(buf, LAYOUT, RECORDS);
  const cacheFor = indexCacheFor(new Uint8Array(buf, LAYOUT.names, NAME_SLOTS * NAME_SLOT));
  return (b, p, end, c, take) => {
    cacheFor(c);
    cols = c;
    return runInWindows(e, mem, b, p, end, IN_BYTES - (1 << 16), RECORDS, (length) => e.run(0, length, RECORDS), batch, take, stats);
  };
}
