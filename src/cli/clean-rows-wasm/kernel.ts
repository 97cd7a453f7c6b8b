// The CLI's clean-row loop: the WebAssembly module (wat.ts, bytes.ts) behind scanCleanRows' contract, so the core's
// scanner uses it unchanged (scan-rows.ts useCleanRowScanner). Each call copies the lines into the module's memory,
// lets it take the rows, and copies them into the columns. The browser keeps the JavaScript loop (its CSP allows no
// WebAssembly compiling).
import type { FlowColumns } from '../../core/parsers/show-ip-cache-flow/flow-columns';
import { type CleanRowScanner, useCleanRowScanner } from '../../core/parsers/show-ip-cache-flow/scan-rows';
import { useAsciiDecoder } from '../../core/parsers/show-ip-cache-flow/prescanned';
import { CLEAN_ROWS_WASM } from './bytes';
import { shippedBytes, wasmExports } from '../wasm-instance';
import { IN_BYTES, LAYOUT, NAME_SLOTS, ROWS } from './wat';

interface Exports {
  memory: WebAssembly.Memory;
  rows: WebAssembly.Global;
  scan: (p: number, fastEnd: number, cap: number, firstLine: number, offBase: number) => number;
}

let installed = false;

/** Bytes a call copies into the module's memory first (then twice as many each time it reads them all). */
const FIRST_WINDOW = 1 << 11;

/**
 * Make the scanner of this thread use the module's loop (once; a no-op where WebAssembly cannot be compiled). Called
 * before bytes are scanned, so a run on small pastes read as text pays nothing for it.
 */
export function useWasmCleanRows(): void {
  if (installed) return;
  installed = true;
  useCleanRowScanner(wasmCleanRows());
  // Long runs of text lines (a verbose cache, another command's output) decoded by Node's decoder too.
  const utf8 = new TextDecoder();
  useAsciiDecoder((bytes) => utf8.decode(bytes));
}

/** The module's clean-row loop, or undefined where WebAssembly cannot be compiled (then the JavaScript one stays). */
export function wasmCleanRows(
  bytes: Uint8Array<ArrayBuffer> = shippedBytes(CLEAN_ROWS_WASM),
  stats?: { copied: number },
): CleanRowScanner | undefined {
  let cols: FlowColumns | undefined;
  const e = wasmExports<Exports>(bytes, { env: { ifIndex: (s: number, end: number, h: number) => cols!.ifIndex(mem, s, end, h) } });
  if (!e) return undefined;
  const mem = new Uint8Array(e.memory.buffer);
  // Hex digit values by byte, -1 for anything else (the module reads them as signed bytes).
  const hex = new Int8Array(e.memory.buffer, LAYOUT.hex, 256).fill(-1);
  for (let k = 0; k < 10; k++) hex[48 + k] = k;
  for (let k = 0; k < 6; k++) hex[65 + k] = hex[97 + k] = 10 + k;
  const buf = e.memory.buffer;
  const out = {
    srcIf: new Uint16Array(buf, LAYOUT.srcIf, ROWS),
    dstIf: new Uint16Array(buf, LAYOUT.dstIf, ROWS),
    src: new Uint32Array(buf, LAYOUT.src, ROWS),
    dst: new Uint32Array(buf, LAYOUT.dst, ROWS),
    proto: new Int16Array(buf, LAYOUT.proto, ROWS),
    srcPort: new Int32Array(buf, LAYOUT.srcPort, ROWS),
    dstPort: new Int32Array(buf, LAYOUT.dstPort, ROWS),
    packets: new Float64Array(buf, LAYOUT.packets, ROWS),
    line: new Uint32Array(buf, LAYOUT.line, ROWS),
    offset: new Uint32Array(buf, LAYOUT.offset, ROWS),
  };
  // The module's interface-name slots, emptied when the columns change: an index is its columns' own.
  const nameSlots = new Int32Array(buf, LAYOUT.names, NAME_SLOTS * 2);
  const nameWords = new Int32Array(buf, LAYOUT.nameWords, NAME_SLOTS * 8);
  // The serial number of the columns they were filled for (FlowColumns.serial): the columns themselves, kept here, kept
  // the last capture's tables (50 MB for 79 MB) alive until the process ended, through the report's writing.
  let slotsFor = 0;
  return (b, p, fastEnd, c, firstLine, offsetBase) => {
    cols = c;
    if (slotsFor !== c.serial) {
      nameSlots.fill(0);
      nameWords.fill(0);
      slotsFor = c.serial;
    }
    const first = c.n;
    // The bytes copied in per call start small and double while the module reads each window whole: a call that
    // stops at the next line that is no clean row (a pager mark, a header repeated, a hand-masked address) has copied
    // little past it. A fixed window copied 1 MB for each such line: a 79 MB capture with a repeated header every
    // 1,000 rows took 0.98 s instead of 0.52, one with a pager mark every 23 lines 1.59 s.
    let window = FIRST_WINDOW;
    try {
      while (p < fastEnd) {
        // A window of whole lines (one longer line goes the JavaScript way, which reads the same row from it).
        let we = Math.min(fastEnd, p + window);
        if (we < fastEnd) we = b.lastIndexOf(10, we - 1) + 1;
        if (we <= p) return p;
        const room = Math.min(c.cap - c.n, ROWS);
        if (room <= 0) return p;
        mem.set(b.subarray(p, we), 0);
        if (stats) stats.copied += we - p;
        const q = e.scan(0, we - p, room, firstLine + (c.n - first), offsetBase + p);
        const k = e.rows.value as number;
        const n = c.n;
        c.srcIf.set(out.srcIf.subarray(0, k), n);
        c.dstIf.set(out.dstIf.subarray(0, k), n);
        c.src.set(out.src.subarray(0, k), n);
        c.dst.set(out.dst.subarray(0, k), n);
        c.proto.set(out.proto.subarray(0, k), n);
        c.srcPort.set(out.srcPort.subarray(0, k), n);
        c.dstPort.set(out.dstPort.subarray(0, k), n);
        c.packets.set(out.packets.subarray(0, k), n);
        // (No bytes: a cache-flow row has none, and its 0 is already there. Untouched, the column costs no memory: the
        // shared columns are fresh pages, and filling it with NaN made 8.8 MB of them resident for a 79 MB capture.)
        c.line.set(out.line.subarray(0, k), n);
        c.offset.set(out.offset.subarray(0, k), n);
        c.n = n + k;
        const stop = p + q;
        // Full columns: the caller makes room. The module's own rows full: on from there. A line that is no clean
        // row: the caller reads it as text.
        if (c.n === c.cap) return stop;
        if (stop < we && k < room) return stop;
        if (stop === we) window = Math.min(window * 2, IN_BYTES);
        p = stop;
      }
      return p;
    } finally {
      cols = undefined;
    }
  };
}
