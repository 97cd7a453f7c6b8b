// The CLI's loop for runs of NX-OS `show flow cache` rows: the WebAssembly module (wat.ts, bytes.ts) behind runNx's
// kernel contract (core/big-paste/nx-rows.ts useNxRunKernel), so the core reads the same rows either way. Each call
// copies whole lines into the module's memory, lets it take the rows and hands them over in batches. The browser keeps
// the JavaScript loop (its CSP allows no WebAssembly compiling).
import { type NxBatch, NX_CLASS, type NxRunKernel, useNxRunKernel } from '../../core/big-paste/nx-rows';
import { NX_RUNS_WASM } from './bytes';
import { shippedBytes, wasmExports } from '../wasm-instance';
import { readWindows } from '../wasm-windows';
import { IN_BYTES, LAYOUT, MAX_COLUMNS, RECORDS } from './wat';

interface Exports {
  memory: WebAssembly.Memory;
  records: WebAssembly.Global;
  cut: WebAssembly.Global;
  run: (p: number, end: number, cap: number, columns: number) => number;
}

/** Bytes a call copies into the module's memory first (then twice as many each time it reads them all). */
const FIRST_WINDOW = 1 << 12;
/** The largest window a call copies (the module's input room, less room for reads past its end). */
const MAX_WINDOW = IN_BYTES - (1 << 16);

let installed = false;

/**
 * Make runNx on this thread use the module (once). The module is compiled when a run first needs it, so a run of the
 * analyzer on anything but an NX-OS flow cache pays nothing for it.
 */
export function useWasmNxRuns(): void {
  if (installed) return;
  installed = true;
  let kernel: NxRunKernel | undefined | null = null;
  useNxRunKernel((b, p, end, layout, take) => {
    if (kernel === null) kernel = wasmNxRuns();
    return kernel === undefined ? -1 : kernel(b, p, end, layout, take);
  });
}

/** The module's loop, or undefined where WebAssembly cannot be compiled (then runNx's own loop reads). */
export function wasmNxRuns(bytes: Uint8Array<ArrayBuffer> = shippedBytes(NX_RUNS_WASM), stats?: { copied: number }): NxRunKernel | undefined {
  const e = wasmExports<Exports>(bytes);
  if (!e) return undefined;
  const buf = e.memory.buffer;
  const mem = new Uint8Array(buf);
  mem.set(NX_CLASS, LAYOUT.cls);
  const roles = new Int32Array(buf, LAYOUT.roles, 16);
  const i32 = (at: number) => new Int32Array(buf, at, RECORDS);
  const batch: NxBatch = {
    count: 0,
    base: 0,
    starts: i32(LAYOUT.starts),
    src: new Uint32Array(buf, LAYOUT.src, RECORDS),
    dst: new Uint32Array(buf, LAYOUT.dst, RECORDS),
    proto: i32(LAYOUT.proto),
    srcPort: i32(LAYOUT.srcPort),
    dstPort: i32(LAYOUT.dstPort),
    packets: new Float64Array(buf, LAYOUT.packets, RECORDS),
    bytes: new Float64Array(buf, LAYOUT.bytes, RECORDS),
  };
  return (b, p, end, layout, take) => {
    if (layout.columns > MAX_COLUMNS) return -1;
    roles.set(layout.roles);
    return readWindows(
      mem,
      b,
      p,
      end,
      FIRST_WINDOW,
      MAX_WINDOW,
      (at, length) => {
        const q = e.run(0, length, RECORDS, layout.columns);
        const k = e.records.value as number;
        if (k > 0) {
          batch.count = k;
          batch.base = at;
          take(batch);
        }
        return { q, cut: (e.cut.value as number) === 1, full: k === RECORDS };
      },
      stats,
    );
  };
}
