// The CLI's loop for runs of `show mls netflow ip` entries: the WebAssembly module (wat.ts, bytes.ts) behind runMls's
// kernel contract (core/big-paste/mls-entries.ts useMlsRunKernel), so the core reads the same entries either way. Each
// call copies whole lines into the module's memory, lets it take the entries and hands them over in batches. The
// browser keeps the JavaScript loop (its CSP allows no WebAssembly compiling).
import type { FlowColumns } from '../../core/parsers/show-ip-cache-flow/flow-columns';
import { BYTE_CLASS } from '../../core/big-paste/fnf-bytes';
import { type MlsBatch, mlsFieldValue, type MlsRunKernel, useMlsRunKernel } from '../../core/big-paste/mls-entries';
import { MLS_RUNS_WASM } from './bytes';
import { shippedBytes, wasmExports } from '../wasm-instance';
import { readWindows } from '../wasm-windows';
import { IN_BYTES, LAYOUT, NAME_SLOT, NAME_SLOTS, RECORDS } from './wat';

interface Exports {
  memory: WebAssembly.Memory;
  records: WebAssembly.Global;
  cut: WebAssembly.Global;
  run: (p: number, end: number, cap: number) => number;
}

/** Bytes a call copies into the module's memory first (then twice as many each time it reads them all). */
const FIRST_WINDOW = 1 << 12;
/** The largest window a call copies (the module's input room, less room for reads past its end). */
const MAX_WINDOW = IN_BYTES - (1 << 16);

let installed = false;

/**
 * Make runMls on this thread use the module (once). The module is compiled when a run first needs it, so a run of the
 * analyzer on anything but an MLS NetFlow table pays nothing for it.
 */
export function useWasmMlsRuns(): void {
  if (installed) return;
  installed = true;
  let kernel: MlsRunKernel | undefined | null = null;
  useMlsRunKernel((b, p, end, cols, take) => {
    if (kernel === null) kernel = wasmMlsRuns();
    return kernel === undefined ? -1 : kernel(b, p, end, cols, take);
  });
}

/** The module's loop, or undefined where WebAssembly cannot be compiled (then runMls's own loop reads). */
export function wasmMlsRuns(bytes: Uint8Array<ArrayBuffer> = shippedBytes(MLS_RUNS_WASM), stats?: { copied: number }): MlsRunKernel | undefined {
  // The module asks the columns for an interface's index as commitMlsEntry does (FlowColumns.ifIndex), and the core for
  // a protocol's or port's name (mlsFieldValue), over its memory.
  let cols: FlowColumns | undefined;
  let mem = new Uint8Array(0);
  const e = wasmExports<Exports>(bytes, {
    mls: {
      ifIndex: (s: number, end: number, h: number) => cols!.ifIndex(mem, s, end, h),
      fieldValue: (kind: number, s: number, end: number) => mlsFieldValue(kind, mem, s, end),
    },
  });
  if (!e) return undefined;
  const buf = e.memory.buffer;
  mem = new Uint8Array(buf);
  mem.set(BYTE_CLASS, LAYOUT.cls);
  const i32 = (at: number) => new Int32Array(buf, at, RECORDS);
  const batch: MlsBatch = {
    count: 0,
    base: 0,
    starts: i32(LAYOUT.starts),
    srcIf: i32(LAYOUT.srcIf),
    src: new Uint32Array(buf, LAYOUT.src, RECORDS),
    dst: new Uint32Array(buf, LAYOUT.dst, RECORDS),
    proto: i32(LAYOUT.proto),
    srcPort: i32(LAYOUT.srcPort),
    dstPort: i32(LAYOUT.dstPort),
    packets: new Float64Array(buf, LAYOUT.packets, RECORDS),
    bytes: new Float64Array(buf, LAYOUT.bytes, RECORDS),
  };
  // The module's own cache of interface indexes holds those of one set of columns, until their names are replaced.
  const names = new Uint8Array(buf, LAYOUT.names, NAME_SLOTS * NAME_SLOT);
  let cachedFor: FlowColumns | undefined;
  let cachedEpoch = -1;
  return (b, p, end, c, take) => {
    if (c !== cachedFor || c.namesReplaced !== cachedEpoch) {
      names.fill(0);
      cachedFor = c;
      cachedEpoch = c.namesReplaced;
    }
    cols = c;
    return readWindows(
      mem,
      b,
      p,
      end,
      FIRST_WINDOW,
      MAX_WINDOW,
      (at, length) => {
        const q = e.run(0, length, RECORDS);
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
