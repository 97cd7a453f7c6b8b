// What the CLI's kernels for runs of rows (verbose-runs-wasm, mls-runs-wasm, nx-runs-wasm) share: the batch's columns
// as views of the module's memory, the run window by window, a module compiled when first needed, and the modules'
// own caches of interface indexes, kept for one set of columns until their names are replaced.
import type { ColumnBatch, FlowColumns } from '../core/parsers/show-ip-cache-flow/flow-columns';
import { readWindows } from './wasm-windows';

/** Bytes a call copies into a module's memory first (then twice as many each time it reads them all). */
const FIRST_WINDOW = 1 << 12;

/** Where a module keeps its batch's columns (byte offsets in its memory); srcIf and dstIf where it reads interfaces. */
export interface BatchLayout {
  starts: number;
  src: number;
  dst: number;
  proto: number;
  srcPort: number;
  dstPort: number;
  packets: number;
  bytes: number;
  srcIf?: number;
  dstIf?: number;
}

/** The batch's columns as views of the module's memory `buf`, `records` each. */
export function batchViews(buf: ArrayBuffer, at: BatchLayout, records: number): ColumnBatch {
  const i32 = (o: number) => new Int32Array(buf, o, records);
  return {
    count: 0,
    base: 0,
    starts: i32(at.starts),
    ...(at.srcIf !== undefined ? { srcIf: i32(at.srcIf) } : {}),
    ...(at.dstIf !== undefined ? { dstIf: i32(at.dstIf) } : {}),
    src: new Uint32Array(buf, at.src, records),
    dst: new Uint32Array(buf, at.dst, records),
    proto: i32(at.proto),
    srcPort: i32(at.srcPort),
    dstPort: i32(at.dstPort),
    packets: new Float64Array(buf, at.packets, records),
    bytes: new Float64Array(buf, at.bytes, records),
  };
}

/** A module's run: `run(length)` over the window at its memory's start; `records` and `cut` its globals after it. */
export interface RunModule {
  records: WebAssembly.Global;
  cut: WebAssembly.Global;
}

/**
 * b[p, end)'s whole lines through the module, window by window (readWindows, at most `maxWindow` bytes): each window's
 * rows handed to `take` as `batch` (at most `records` a call); returns where the run stopped in b.
 */
export function runInWindows<B extends ColumnBatch>(
  m: RunModule,
  mem: Uint8Array,
  b: Uint8Array,
  p: number,
  end: number,
  maxWindow: number,
  records: number,
  run: (length: number) => number,
  batch: B,
  take: (batch: B) => void,
  stats?: { copied: number },
): number {
  return readWindows(
    mem,
    b,
    p,
    end,
    FIRST_WINDOW,
    maxWindow,
    (at, length) => {
      const q = run(length);
      const k = m.records.value as number;
      if (k > 0) {
        batch.count = k;
        batch.base = at;
        take(batch);
      }
      return { q, cut: (m.cut.value as number) === 1, full: k === records };
    },
    stats,
  );
}

/** A kernel compiled when first asked for (undefined, once and for all, where WebAssembly cannot be compiled). */
export function lazily<K>(make: () => K | undefined): () => K | undefined {
  let kernel: K | undefined | null = null;
  return () => (kernel === null ? (kernel = make()) : kernel);
}

/**
 * A module's cache of interface indexes (`cache`, its bytes in the module's memory), emptied when asked for other
 * columns, or for the same columns after their names were replaced (FlowColumns.namesReplaced).
 */
export function indexCacheFor(cache: Uint8Array): (cols: FlowColumns) => void {
  let cachedFor: FlowColumns | undefined;
  let cachedEpoch = -1;
  return (cols) => {
    if (cols === cachedFor && cols.namesReplaced === cachedEpoch) return;
    cache.fill(0);
    cachedFor = cols;
    cachedEpoch = cols.namesReplaced;
  };
}
