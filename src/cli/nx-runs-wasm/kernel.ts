// The CLI's loop for runs of NX-OS `show flow cache` rows: the WebAssembly module (wat.ts, bytes.ts) behind runNx's
// kernel contract (core/big-paste/nx-rows.ts useNxRunKernel), so the core reads the same rows either way. Each call
// copies whole lines into the module's memory, lets it take the rows and hands them over in batches. The browser keeps
// the JavaScript loop (its CSP allows no WebAssembly compiling).
import { pagerLeadEnd } from '../../core/big-paste/fnf-records';
import { NX_CLASS, type NxRunKernel, useNxRunKernel } from '../../core/big-paste/nx-rows';
import { NX_RUNS_WASM } from './bytes';
import { shippedBytes, wasmExports } from '../wasm-instance';
import { batchViews, lazily, runInWindows } from '../run-kernel';
import { IN_BYTES, LAYOUT, MAX_COLUMNS, RECORDS } from './wat';

interface Exports {
  memory: WebAssembly.Memory;
  records: WebAssembly.Global;
  cut: WebAssembly.Global;
  run: (p: number, end: number, cap: number, columns: number) => number;
}

let installed = false;

/**
 * Make runNx on this thread use the module (once). The module is compiled when a run first needs it, so a run of the
 * analyzer on anything but an NX-OS flow cache pays nothing for it.
 */
export function useWasmNxRuns(): void {
  if (installed) return;
  installed = true;
  const kernel = lazily(() => wasmNxRuns());
  useNxRunKernel((b, p, end, layout, take) => kernel()?.(b, p, end, layout, take) ?? -1);
}

/** The module's loop, or undefined where WebAssembly cannot be compiled (then runNx's own loop reads). */
export function wasmNxRuns(bytes: Uint8Array<ArrayBuffer> = shippedBytes(NX_RUNS_WASM), stats?: { copied: number }): NxRunKernel | undefined {
  // The module asks where a line goes on after an erased pager mark (pagerLeadEnd), over its memory.
  let mem = new Uint8Array(0);
  const e = wasmExports<Exports>(bytes, { nx: { pager: (s: number, end: number) => pagerLeadEnd(mem, s, end) } });
  if (!e) return undefined;
  const buf = e.memory.buffer;
  mem = new Uint8Array(buf);
  mem.set(NX_CLASS, LAYOUT.cls);
  const roles = new Int32Array(buf, LAYOUT.roles, 16);
  const batch = batchViews(buf, LAYOUT, RECORDS);
  return (b, p, end, layout, take) => {
    if (layout.columns > MAX_COLUMNS) return -1;
    roles.set(layout.roles);
    return runInWindows(e, mem, b, p, end, IN_BYTES - (1 << 16), RECORDS, (length) => e.run(0, length, RECORDS, layout.columns), batch, take, stats);
  };
}
