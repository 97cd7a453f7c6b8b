// NX-OS `show flow cache` IPv4 rows straight from bytes (big dumps): a row under an `IPV4 Entries` banner and a
// `SIP DIP ...` header read into the flow columns without a string, exactly as its parser (parsers/show-flow-cache)
// reads the line: fields split at blanks, as many as the header's columns, the packet count all digits, both addresses
// dotted quads as ipToIntAt reads them, other counts all digits or unknown. Only plain rows are taken: printable ASCII
// with single-byte blanks, none of the characters a prompt, a poster's note or an elision holds, no pager mark, no
// field longer than 15 characters; any other line is left to the text path, which reads it (or warns about it).
import { BYTE_CLASS, CAPITAL_M, moreAt, REFUSED } from './fnf-bytes';
import { dottedQuadAt, quad } from './dotted-quad';
import type { ColumnBatch, FlowColumns } from '../parsers/show-ip-cache-flow/flow-columns';
import { ROLES } from '../parsers/show-flow-cache/parser';
import { lineEndBefore } from './line-text';
import { pagerTextStart } from '../text/pager-marks';

/**
 * How the parser reads a table's rows: its header's column count, and the column of each value it reads (-1: none),
 * in the parser's order (show-flow-cache/parser.ts ROLES: src, dst, srcPort, dstPort, proto, bytes, packets).
 */
export interface NxLayout {
  columns: number;
  roles: Int32Array;
}

// Each value's place in a layout's roles: the parser's own order, not a copy of it.
const SRC = ROLES.indexOf('src');
const DST = ROLES.indexOf('dst');
const SRC_PORT = ROLES.indexOf('srcPort');
const DST_PORT = ROLES.indexOf('dstPort');
const PROTO = ROLES.indexOf('proto');
const BYTES = ROLES.indexOf('bytes');
const PACKETS = ROLES.indexOf('packets');

/** The fields' spans of the row being read (room for a header's columns and one more). */
let starts = new Int32Array(32);
let ends = new Int32Array(32);

/** All digits, 1 to 15 of them (the parser's countAt reads longer ones by a pattern: the text path's): the value, else -1. */
function countOf(b: Uint8Array, k: number): number {
  if (k < 0) return -1;
  let v = 0;
  for (let p = starts[k]!; p < ends[k]!; p++) {
    const d = b[p]! - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Field k as a dotted quad (dottedQuadAt: as ipToIntAt reads one), the whole field; -1 otherwise. */
function addressOf(b: Uint8Array, k: number): number {
  if (k < 0) return -1;
  return dottedQuadAt(b, starts[k]!, ends[k]!) === ends[k]! ? quad.v : -1;
}

/**
 * Each byte's class for the field loop: part of a field, a blank, or one that stops it (a line end, a refused
 * character: control and non-ASCII bytes, # < > [ ]; and M, which may start a pager mark).
 */
const IN_FIELD = 0;
const BLANK = 1;
const STOP = 2;
export const NX_CLASS = Uint8Array.from(BYTE_CLASS, (k, c) => (c === 32 ? BLANK : k === REFUSED || k === CAPITAL_M ? STOP : IN_FIELD));

/**
 * Read line b[s, e) (no line end) as a row under `layout` into `cols` (line number `line`, at byte `offset` of the
 * paste): true if taken, false when the text path must read it (nothing written then). The line's end must be in b
 * (a \n or \r at b[e]: the field loop stops there); a last line without one goes the text way.
 */
export function readNxRow(b: Uint8Array, s: number, e: number, layout: NxLayout, cols: FlowColumns, line: number, offset: number): boolean {
  // A row starts with its source address's first digit (the parser's test for a row; a blank first: the text path).
  if (s >= e || b[s]! < 48 || b[s]! > 57 || (b[e] !== 10 && b[e] !== 13)) return false;
  const want = layout.columns;
  if (starts.length <= want) [starts, ends] = [new Int32Array(want + 1), new Int32Array(want + 1)];
  const st = starts;
  const en = ends;
  const cls = NX_CLASS;
  let n = 0;
  let p = s;
  for (;;) {
    // A field from p (not a blank): to the next blank or stop; an M that starts no pager mark is part of it.
    const f = p;
    let k = 0;
    for (;;) {
      while ((k = cls[b[p]!]!) === IN_FIELD) p++;
      if (k === STOP && b[p] === 77 && !moreAt(b, p, e)) {
        p++;
        continue;
      }
      break;
    }
    if (k === STOP && p !== e) return false;
    if (p - f > 15 || n === want) return false;
    st[n] = f;
    en[n++] = p;
    while (b[p] === 32) p++;
    if (p === e) break;
  }
  if (n !== want) return false;
  const r = layout.roles;
  const packets = countOf(b, r[PACKETS]!);
  const src = addressOf(b, r[SRC]!);
  const dst = addressOf(b, r[DST]!);
  if (packets < 0 || src < 0 || dst < 0) return false;
  const bytes = countOf(b, r[BYTES]!);
  const i = cols.reserve();
  cols.srcIf[i] = 0;
  cols.dstIf[i] = 0;
  cols.src[i] = src;
  cols.dst[i] = dst;
  // (-1 is the flow table's UNKNOWN: a column the header lacks, or a value that is not all digits.)
  cols.proto[i] = countOf(b, r[PROTO]!);
  cols.srcPort[i] = countOf(b, r[SRC_PORT]!);
  cols.dstPort[i] = countOf(b, r[DST_PORT]!);
  cols.packets[i] = packets;
  cols.bytes[i] = bytes < 0 ? NaN : bytes;
  cols.line[i] = line;
  cols.offset[i] = offset;
  cols.n = i + 1;
  return true;
}

/** Rows of a run as a kernel (the CLI's WebAssembly one, cli/nx-runs-wasm) hands them over (no interfaces). */
export type NxBatch = ColumnBatch;

/**
 * Reads what runNx's loop reads, row for row, from b[p] up to `end` under `layout`, and hands the rows to `take` in
 * batches; returns where it stopped (the start of the first line not taken), or -1 when it cannot read here (the loop
 * then does).
 */
export type NxRunKernel = (b: Uint8Array, p: number, end: number, layout: NxLayout, take: (batch: NxBatch) => void) => number;

let nxKernel: NxRunKernel | undefined;

/** Read runs of rows with this kernel (undefined: runNx's own loop). */
export function useNxRunKernel(k: NxRunKernel | undefined): void {
  nxKernel = k;
}

/** Where the last runNx stopped (the start of the first line it did not read). */
export const nxRunEnd = { at: 0 };

/**
 * The rows after one just read, from b[p] (the line after it) up to `end`, in one loop while each is a row readNxRow
 * takes under `layout` (LF or CR LF line ends), kept with line numbers from `firstLine` (that of b[p]) and offsets
 * from `offsetBase`: what the line-by-line path would take from those lines. It stops before the first line that is
 * not so, leaving it to that path (a note, a header, a line that does not end before `end`); a row after an erased
 * pager mark is read from where the screen shows it, as that path reads it. Returns how many lines it read; nxRunEnd.at
 * says where it stopped.
 */
export function runNx(b: Uint8Array, p: number, end: number, layout: NxLayout, cols: FlowColumns, firstLine: number, offsetBase: number): number {
  nxRunEnd.at = p;
  if (nxKernel !== undefined) {
    let taken = 0;
    const stop = nxKernel(b, p, end, layout, (x) => {
      cols.appendBatch(x, firstLine + taken, 1, offsetBase);
      taken += x.count;
    });
    if (stop >= 0) {
      nxRunEnd.at = stop;
      return taken;
    }
  }
  let lines = 0;
  while (p < end) {
    const e = lineEndBefore(b, p, end);
    // (The row from where the screen shows it, after an erased pager mark, as the line-by-line path reads it.)
    if (e < 0 || !readNxRow(b, pagerTextStart(b, p, e), e, layout, cols, firstLine + lines, offsetBase + p)) break;
    lines++;
    p = b[e] === 13 ? e + 2 : e + 1;
    nxRunEnd.at = p;
  }
  return lines;
}
