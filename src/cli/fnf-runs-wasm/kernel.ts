// The CLI's loop for runs of Flexible NetFlow records: the WebAssembly module (wat.ts, bytes.ts) behind runRecords'
// kernel contract (core/big-paste/fnf-records.ts useRecordRunKernel), so the core reads the same records either way.
// Each call copies whole lines into the module's memory, lets it take the records and hands them over in batches.
// The browser keeps the JavaScript loop (its CSP allows no WebAssembly compiling).
import { BYTE_CLASS, KIND, SLOT_COUNT } from '../../core/big-paste/fnf-bytes';
import { type RecordBatch, type RecordRunKernel, type RowRunKernel, useRecordRunKernel, useRowRunKernel } from '../../core/big-paste/fnf-run-kernels';
import { blankLineAt, pagerLeadEnd } from '../../core/big-paste/fnf-records';
import { FNF_RUNS_WASM } from './bytes';
import { shippedBytes, wasmExports } from '../wasm-instance';
import { readWindows, type WindowRead } from '../wasm-windows';
import { IN_BYTES, LAYOUT, MAX_COLUMNS, MAX_KEY_BYTES, MAX_LINES, RECORDS } from './wat';

interface Exports {
  memory: WebAssembly.Memory;
  records: WebAssembly.Global;
  cut: WebAssembly.Global;
  callerKept: WebAssembly.Global;
  waiting: WebAssembly.Global;
  atBlank: WebAssembly.Global;
  run: (p: number, end: number, cap: number, n: number) => number;
  rows: (p: number, end: number, cap: number, n: number) => number;
  csvRows: (p: number, end: number, cap: number, n: number) => number;
}

/** Bytes a call copies into the module's memory first (then twice as many each time it reads them all). */
const FIRST_WINDOW = 1 << 12;

let installed = false;

/**
 * Make runRecords and runRows on this thread use the module (once). The module is compiled when a run first needs it,
 * so a run of the analyzer on anything but a Flexible NetFlow cache pays nothing for it.
 */
export function useWasmRecordRuns(): void {
  if (installed) return;
  installed = true;
  let kernels: { records: RecordRunKernel; rows: RowRunKernel } | undefined | null = null;
  const get = () => (kernels === null ? (kernels = wasmRuns()) : kernels);
  useRecordRunKernel((b, p, end, t, take, atBlank) => {
    const k = get();
    return k === undefined ? -1 : k.records(b, p, end, t, take, atBlank);
  });
  useRowRunKernel((b, p, end, layout, csv, sink) => {
    const k = get();
    return k === undefined ? -1 : k.rows(b, p, end, layout, csv, sink);
  });
}

/** The module's record loop (wasmRuns), or undefined where WebAssembly cannot be compiled. */
export function wasmRecordRuns(bytes?: Uint8Array<ArrayBuffer>, stats?: { copied: number }): RecordRunKernel | undefined {
  return wasmRuns(bytes, stats)?.records;
}

/**
 * The module's loops for runs of records and of table rows (one instance, one memory), or undefined where WebAssembly
 * cannot be compiled (then runRecords' and runRows' own loops read).
 */
export function wasmRuns(
  bytes: Uint8Array<ArrayBuffer> = shippedBytes(FNF_RUNS_WASM),
  stats?: { copied: number },
): { records: RecordRunKernel; rows: RowRunKernel } | undefined {
  // The module asks where a line goes on after an erased pager mark (pagerLeadEnd), and whether a line ends a record
  // as a blank one does (blankLineAt), over its own memory.
  let mem = new Uint8Array(0);
  const e = wasmExports<Exports>(bytes, { fnf: { pager: (s: number, end: number) => pagerLeadEnd(mem, s, end), blank: (s: number, end: number) => (blankLineAt(mem, s, end) ? 1 : 0) } });
  if (!e) return undefined;
  const buf = e.memory.buffer;
  mem = new Uint8Array(buf);
  const mem32 = (at: number, n: number) => new Int32Array(buf, at, n);
  mem.set(BYTE_CLASS, LAYOUT.cls);
  const starts = new Int32Array(buf, LAYOUT.starts, MAX_LINES + 1);
  const slots = new Int32Array(buf, LAYOUT.slots, MAX_LINES);
  const kinds = new Int32Array(buf, LAYOUT.kinds, MAX_LINES);
  const batch: RecordBatch = {
    count: 0,
    values: new Float64Array(buf, LAYOUT.values, SLOT_COUNT * RECORDS),
    stride: RECORDS,
    names: new Int32Array(buf, LAYOUT.names, RECORDS * 4),
    bytes: mem,
    starts: new Int32Array(buf, LAYOUT.recordStarts, RECORDS),
    base: 0,
  };
  const windows = (b: Uint8Array, p: number, end: number, call: (at: number, length: number) => WindowRead): number =>
    readWindows(mem, b, p, end, FIRST_WINDOW, MAX_WINDOW, call, stats);

  // The template whose keys are in the module's memory (templates are made afresh when the keys change, never edited).
  let loaded: unknown;
  const records: RecordRunKernel = (b, p, end, t, take, atBlank) => {
    const n = t.slots.length;
    if (n > MAX_LINES || t.bytes.length > MAX_KEY_BYTES) return -1;
    if (loaded !== t) {
      mem.set(t.bytes, LAYOUT.keys);
      starts.set(t.starts);
      slots.set(t.slots);
      kinds.set(t.kinds);
      loaded = t;
    }
    return windows(b, p, end, (at, length) => {
      const q = e.run(0, length, RECORDS, n);
      const k = e.records.value as number;
      if (k > 0) {
        batch.count = k;
        batch.base = at;
        take(batch);
      }
      // (Stopped before a blank line that ended the last record: neither cut nor full, so the run ends there.)
      const blank = (e.atBlank.value as number) === 1;
      if (blank) atBlank();
      return { q, cut: (e.cut.value as number) === 1, full: k === RECORDS && !blank };
    });
  };

  // The table layout or csv columns in the module's memory (made afresh when they change, like templates, never edited).
  mem32(LAYOUT.slotKinds, 16).set(KIND);
  let laidOut: unknown;
  const rowEnds = new Int32Array(buf, LAYOUT.rowEnds, RECORDS);
  const rows: RowRunKernel = (b, p, end, layout, csv, sink) => {
    const n = layout !== undefined ? layout.starts.length : csv!.length;
    if (n > MAX_COLUMNS) return -1;
    const columns = layout ?? csv;
    if (laidOut !== columns) {
      if (layout !== undefined) {
        mem32(LAYOUT.colStarts, n).set(layout.starts);
        mem32(LAYOUT.colEnds, n).set(layout.ends);
        mem32(LAYOUT.colSlots, n).set(layout.slots);
      } else mem32(LAYOUT.colSlots, n).set(csv!);
      laidOut = columns;
    }
    const read = layout !== undefined ? e.rows : e.csvRows;
    // (One row fewer than the batch holds: the row still waiting at the end has a slot too.)
    return windows(b, p, end, (at, length) => {
      const q = read(0, length, RECORDS - 1, n);
      const k = e.records.value as number;
      if ((e.callerKept.value as number) === 1) sink.keepWaiting();
      if (k > 0) {
        batch.count = k;
        batch.base = at;
        sink.take(batch);
      }
      if ((e.waiting.value as number) === 1) sink.wait(at + batch.starts[k]!, at + rowEnds[k]!);
      return { q, cut: (e.cut.value as number) === 1, full: k === RECORDS - 1 };
    });
  };
  return { records, rows };
}

/** The largest window a call copies (the module's input room, less the room for reads past its end). */
const MAX_WINDOW = IN_BYTES - (1 << 16);
