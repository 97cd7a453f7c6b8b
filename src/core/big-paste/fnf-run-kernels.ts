// Runs of Flexible NetFlow records and rows (FnfRecords.runRecords, runRows: fnf-records.ts) and the contract of a
// kernel that reads them instead of those loops, exactly as they read them: the CLI's WebAssembly one
// (cli/fnf-runs-wasm). The browser has none (its CSP allows no WebAssembly compiling) and reads with the loops.
import type { ByteLayout, KeySlot } from './fnf-bytes';

let runsOn = true;

/** Are runs read at all (useRecordRuns)? */
export function runsAreOn(): boolean {
  return runsOn;
}

/**
 * Records of a run as a kernel (the CLI's WebAssembly one, cli/fnf-runs-wasm) hands them over, `count` at a time: the
 * values of slot j in values[j * stride, j * stride + count), interface names as spans of `bytes` (names[4r], [4r + 1]
 * the input's, [4r + 2], [4r + 3] the output's), record r starting at starts[r] in `bytes`, which is b[base] on.
 */
export interface RecordBatch {
  count: number;
  values: Float64Array;
  stride: number;
  names: Int32Array;
  bytes: Uint8Array;
  starts: Int32Array;
  base: number;
}

/**
 * Reads what runRecords' loop reads, record for record: records from b[p] matching template t up to `end`, handed to
 * `take` in batches; returns where it stopped (the start of the first record not taken, or of the blank line the last
 * one taken ended at: then it calls `atBlank` first), or -1 when it cannot read this template (the loop then does).
 */
export type RecordRunKernel = (b: Uint8Array, p: number, end: number, t: RunTemplate, take: (batch: RecordBatch) => void, atBlank: () => void) => number;

let recordKernel: RecordRunKernel | undefined;

/** The kernel that reads runs of records, if one is in use (useRecordRunKernel). */
export function recordRunKernel(): RecordRunKernel | undefined {
  return recordKernel;
}

/**
 * Rows of a `format table` or `format csv` cache as a kernel hands them over: `count` rows, each column's values in values[slot *
 * stride + r] already as commit keeps them (the defaults of a row without that cell: 0 for the destination, -1 for
 * ports and protocol, NaN for bytes; the layer-2 byte count in the bytes column when there is no other), interface
 * names as spans of `bytes` (-1: none), row r starting at starts[r] in `bytes`, which is b[base] on.
 */
export type RowBatch = RecordBatch;

/** What a row kernel reports as it reads, in line order (see RowRunKernel). */
export interface RowRunSink {
  /** The row waiting before the kernel's first line is kept (the line after it has no '='). */
  keepWaiting(): void;
  /** Rows after it, each kept (the line after each has no '=' either). */
  take(batch: RowBatch): void;
  /** The last row read, b[s, e), waits for the line after it. */
  wait(s: number, e: number): void;
}

/**
 * Reads what runRows' loop reads for a table under `layout` (or a csv under the columns' slots `csv`), line for line,
 * from b[p] up to `end`, the row before p waiting: reports to `sink`, returns where it stopped (the start of the first
 * line not read), or -1 when it cannot read these columns (the loop then does).
 */
export type RowRunKernel = (b: Uint8Array, p: number, end: number, layout: ByteLayout | undefined, csv: Int32Array | undefined, sink: RowRunSink) => number;

let rowKernel: RowRunKernel | undefined;

/** The kernel that reads runs of table and csv rows, if one is in use (useRowRunKernel). */
export function rowRunKernel(): RowRunKernel | undefined {
  return rowKernel;
}

/** Read runs of table rows with this kernel (undefined: runRows' own loop). */
export function useRowRunKernel(k: RowRunKernel | undefined): void {
  rowKernel = k;
}

/** Read runs of records with this kernel (undefined: runRecords' own loop). */
export function useRecordRunKernel(k: RecordRunKernel | undefined): void {
  recordKernel = k;
}

/** Tests: read records line by line only (false), to compare runRecords with it. */
export function useRecordRuns(on: boolean): void {
  runsOn = on;
}

/** A record's keys as runRecords matches them: their bytes one after another (key j is bytes[starts[j], starts[j + 1])). */
export interface RunTemplate {
  keys: KeySlot[];
  starts: Int32Array;
  bytes: Uint8Array;
  slots: Int32Array;
  /** What line j's value is: 0 one the flow does not use, else its kind (KIND: a count, an address, a name). */
  kinds: Uint8Array;
  /** Which slots a record with these keys fills. */
  has: Uint8Array;
}
