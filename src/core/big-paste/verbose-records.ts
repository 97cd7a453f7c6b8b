// Verbose cache records straight from bytes (big dumps): the two lines of a `show ip cache verbose flow` record read
// into columns without making a string of either, as the text path (shared/netflow-rows.ts readClassicRow and
// readVerboseSecond) would read them. Only plain records are taken: printable ASCII, blanks between fields, numbers
// without fractions where the text path allows one, addresses as ipToInt reads them, no egress mark; any other
// record is left to the text path, which reads it (or warns about it) as before.
import { type ColumnBatch, FlowColumns, grownTo } from '../parsers/show-ip-cache-flow/flow-columns';
import type { VerboseTable } from '../parsers/show-ip-cache-flow/prescanned';
import { dottedQuadAt, quad } from './dotted-quad';
import { lineEndBefore } from './line-text';
import { pagerTextStart } from '../text/pager-marks';

/**
 * Verbose records read from bytes, in line order. `cols` holds what a flow holds (srcPort/dstPort from the second
 * line; `packets` the first line's last column as printed, K/M/G expanded; `bytes` the bytes per packet; `line` and
 * `offset` the first line's); beside it what the text path keeps as details.
 */
export class VerboseRecords {
  readonly cols = new FlowColumns(1024);
  tos = new Uint16Array(1024);
  flags = new Uint16Array(1024);
  active = new Float64Array(1024);
  nextHop = new Uint32Array(1024);

  get count(): number {
    return this.cols.n;
  }

  /** Room for one more record: its index (committed by `commit`). */
  slot(): number {
    const k = this.cols.reserve();
    this.detailsRoom();
    return k;
  }

  /** The details' columns grown with the flow columns (FlowColumns.reserveCapacity grows those the same way). */
  private detailsRoom(): void {
    const cap = this.cols.cap;
    if (this.tos.length >= cap) return;
    this.tos = grownTo(this.tos, cap);
    this.flags = grownTo(this.flags, cap);
    this.active = grownTo(this.active, cap);
    this.nextHop = grownTo(this.nextHop, cap);
  }

  commit(k: number, line: number, offset: number): void {
    this.cols.line[k] = line;
    this.cols.offset[k] = offset;
    this.cols.n = k + 1;
  }

  /** A kernel's batch of records, kept as commit keeps each (line numbers from firstLine, two a record). */
  take(x: VerboseBatch, firstLine: number, offsetBase: number): void {
    const k = x.count;
    const o = this.cols.n;
    this.cols.appendBatch(x, firstLine, 2, offsetBase);
    this.detailsRoom();
    this.tos.set(x.tos.subarray(0, k), o);
    this.flags.set(x.flags.subarray(0, k), o);
    this.active.set(x.active.subarray(0, k), o);
    this.nextHop.set(x.nextHop.subarray(0, k), o);
  }

  /** Room for `n` records in all, taken at once (a big cache read in segments: no doubling as the parts join). */
  reserve(n: number): void {
    this.cols.reserveCapacity(n);
    this.detailsRoom();
  }

  /**
   * Records a continuation read from a later segment (its part's `verbose`), appended after these
   * (FlowColumns.appendTable: line numbers move up by `lineBase`, interfaces renumbered by name), details beside them.
   */
  append(t: VerboseTable, lineBase: number): void {
    const n = t.rows.count;
    const o = this.cols.n;
    this.cols.appendTable(t.rows, t.offsets, lineBase, true);
    this.detailsRoom();
    this.tos.set(t.tos.subarray(0, n), o);
    this.flags.set(t.flags.subarray(0, n), o);
    this.active.set(t.active.subarray(0, n), o);
    this.nextHop.set(t.nextHop.subarray(0, n), o);
  }

  /** The records as a table (views, no copy). */
  finish(): VerboseTable {
    const { table, offsets } = this.cols.finish();
    const n = table.count;
    return { rows: table, offsets, tos: this.tos.subarray(0, n), flags: this.flags.subarray(0, n), active: this.active.subarray(0, n), nextHop: this.nextHop.subarray(0, n) };
  }
}

/** Field readers: each returns where it stopped, or -1; `v` holds the value read. */
const v = { n: 0 };

function blanks(b: Uint8Array, p: number, e: number): number {
  const s = p;
  while (p < e && b[p] === 32) p++;
  return p > s ? p : -1;
}

function hex(b: Uint8Array, p: number, e: number, max: number): number {
  let n = 0;
  let d = 0;
  while (p < e && d < max) {
    const c = b[p]!;
    let x: number;
    if (c >= 48 && c <= 57) x = c - 48;
    else if (c >= 65 && c <= 70) x = c - 55;
    else if (c >= 97 && c <= 102) x = c - 87;
    else break;
    n = n * 16 + x;
    d++;
    p++;
  }
  v.n = n;
  // More digits than the field has: no match (the text path's pattern would not match either).
  return d === 0 || (p < e && b[p] !== 32) ? -1 : p;
}

/** Decimal digits, at most 15 (exact as a double: the text path's `+text` gives the same number). */
function digits(b: Uint8Array, p: number, e: number): number {
  let n = 0;
  let d = 0;
  while (p < e) {
    const c = b[p]!;
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
    d++;
    p++;
  }
  v.n = n;
  return d === 0 || d > 15 ? -1 : p;
}

/** An IPv4 address as ipToInt reads one (dottedQuadAt); its value in `v.n`. */
function ipv4(b: Uint8Array, p: number, e: number): number {
  const end = dottedQuadAt(b, p, e);
  if (end >= 0) v.n = quad.v;
  return end;
}

/**
 * An interface name: a letter, then letters, digits and `-./:_`, then a blank (no `*`: an egress copy is left to the
 * text path). Its index in `cols`, or 0 for none (then the record is not taken).
 */
function ifName(b: Uint8Array, p: number, e: number, cols: FlowColumns): number {
  const s = p;
  let h = 0;
  const c0 = b[p]! | 32;
  if (p >= e || c0 < 97 || c0 > 122) return -1;
  while (p < e) {
    const c = b[p]!;
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 45 && c <= 58) || c === 95) {
      h = (h * 31 + c) | 0;
      p++;
    } else break;
  }
  if (p >= e || b[p] !== 32) return -1;
  // A name with "More" in it could be a pager mark's remains to the text path: leave it there.
  for (let k = s; k + 3 < p; k++) if (b[k] === 77 && b[k + 1] === 111 && b[k + 2] === 114 && b[k + 3] === 101) return -1;
  v.n = cols.ifIndex(b, s, p, h);
  return v.n === 0 ? -1 : p;
}

/** Only trailing blanks left: the line is read whole. */
function ends(b: Uint8Array, p: number, e: number): boolean {
  while (p < e && b[p] === 32) p++;
  return p === e;
}

/**
 * The first line of a record, bytes [s, e) without its line end: `SrcIf SrcIPaddress DstIf DstIPaddress Pr TOS Flgs
 * Pkts`, into slot k. False if it is not a plain one.
 */
export function readFirstLine(b: Uint8Array, s: number, e: number, r: VerboseRecords, k: number): boolean {
  const c = r.cols;
  let p = s;
  while (p < e && b[p] === 32) p++;
  if ((p = ifName(b, p, e, c)) < 0) return false;
  c.srcIf[k] = v.n;
  if ((p = blanks(b, p, e)) < 0 || (p = ipv4(b, p, e)) < 0) return false;
  c.src[k] = v.n;
  if ((p = blanks(b, p, e)) < 0 || (p = ifName(b, p, e, c)) < 0) return false;
  c.dstIf[k] = v.n;
  if ((p = blanks(b, p, e)) < 0 || (p = ipv4(b, p, e)) < 0) return false;
  c.dst[k] = v.n;
  if ((p = blanks(b, p, e)) < 0 || (p = hex(b, p, e, 2)) < 0) return false;
  c.proto[k] = v.n;
  if ((p = blanks(b, p, e)) < 0 || (p = hex(b, p, e, 4)) < 0) return false;
  r.tos[k] = v.n;
  if ((p = blanks(b, p, e)) < 0 || (p = hex(b, p, e, 4)) < 0) return false;
  r.flags[k] = v.n;
  if ((p = blanks(b, p, e)) < 0 || (p = digits(b, p, e)) < 0) return false;
  let count = v.n;
  const unit = p < e ? b[p]! : 0;
  if (unit === 75 || unit === 77 || unit === 71) {
    count *= unit === 75 ? 1e3 : unit === 77 ? 1e6 : 1e9;
    p++;
  }
  c.packets[k] = count;
  return ends(b, p, e);
}

/** The second line: `SrcP Msk AS DstP Msk AS NextHop B/Pk Active`, into slot k. False if it is not a plain one. */
export function readSecondLine(b: Uint8Array, s: number, e: number, r: VerboseRecords, k: number): boolean {
  const c = r.cols;
  let p = s;
  while (p < e && b[p] === 32) p++;
  for (let side = 0; side < 2; side++) {
    if (side > 0 && (p = blanks(b, p, e)) < 0) return false;
    if ((p = hex(b, p, e, 4)) < 0) return false;
    if (side === 0) c.srcPort[k] = v.n;
    else c.dstPort[k] = v.n;
    // The mask (`/0` .. `/32`) and the AS number.
    if ((p = blanks(b, p, e)) < 0 || p >= e || b[p] !== 47) return false;
    const m = p + 1;
    if ((p = digits(b, m, e)) < 0 || p - m > 3) return false;
    if ((p = blanks(b, p, e)) < 0 || (p = digits(b, p, e)) < 0) return false;
  }
  if ((p = blanks(b, p, e)) < 0 || (p = ipv4(b, p, e)) < 0) return false;
  r.nextHop[k] = v.n;
  if ((p = blanks(b, p, e)) < 0 || (p = digits(b, p, e)) < 0) return false;
  c.bytes[k] = v.n;
  if ((p = blanks(b, p, e)) < 0) return false;
  // Seconds active: digits, or digits, a point and digits (at most 15 in all, so mantissa / 10^k is the nearest
  // double to the decimal, as `+text` gives it).
  const a = p;
  if ((p = digits(b, p, e)) < 0) return false;
  let active = v.n;
  if (p < e && b[p] === 46) {
    const f = p + 1;
    if ((p = digits(b, f, e)) < 0 || p - a - 1 > 15) return false;
    active = (active * 10 ** (p - f) + v.n) / 10 ** (p - f);
  }
  r.active[k] = active;
  return ends(b, p, e);
}

/**
 * Records of a run as a kernel (the CLI's WebAssembly one, cli/verbose-runs-wasm) hands them over: the flow columns
 * (`bytes` the bytes per packet, as readSecondLine keeps them), and the details beside them.
 */
export interface VerboseBatch extends ColumnBatch {
  tos: Int32Array;
  flags: Int32Array;
  nextHop: Uint32Array;
  active: Float64Array;
}

/**
 * Reads what runVerbose's loop reads, record for record, from b[p] up to `end`, asking `cols` for interface indexes
 * where the readers ask it, and hands the records to `take` in batches; returns where it stopped (the start of the
 * first record not taken), or -1 when it cannot read here (the loop then does).
 */
export type VerboseRunKernel = (b: Uint8Array, p: number, end: number, cols: FlowColumns, take: (batch: VerboseBatch) => void) => number;

let verboseKernel: VerboseRunKernel | undefined;

/** Read runs of verbose records with this kernel (undefined: runVerbose's own loop). */
export function useVerboseRunKernel(k: VerboseRunKernel | undefined): void {
  verboseKernel = k;
}

/** Where the last runVerbose stopped (the start of the first line it did not read). */
export const verboseRunEnd = { at: 0 };

/**
 * The records after one just read, from b[p] (the line after its second) up to `end`, in one loop while each is a
 * plain first line and second line as readFirstLine and readSecondLine take them (LF or CR LF line ends), committed
 * with line numbers from `firstLine` (that of b[p]) and offsets from `offsetBase`: what the line-by-line path would
 * take from those lines. It stops before the first record that is not so, with nothing of it kept, leaving it to that
 * path: any other line, a record whose second line does not end before `end`; a line after an erased pager mark is
 * read from where the screen shows it, as that path reads it. Returns how many lines it read; verboseRunEnd.at says
 * where it stopped. (The CLI's kernel reads a 79 MB cache's records in a fifth of the time the readers take.)
 */
export function runVerbose(b: Uint8Array, p: number, end: number, r: VerboseRecords, firstLine: number, offsetBase: number): number {
  verboseRunEnd.at = p;
  if (verboseKernel !== undefined) {
    let taken = 0;
    const stop = verboseKernel(b, p, end, r.cols, (x) => {
      r.take(x, firstLine + 2 * taken, offsetBase);
      taken += x.count;
    });
    if (stop >= 0) {
      verboseRunEnd.at = stop;
      return 2 * taken;
    }
  }
  let lines = 0;
  while (p < end) {
    const e1 = lineEndBefore(b, p, end);
    if (e1 < 0) break;
    const s2 = b[e1] === 13 ? e1 + 2 : e1 + 1;
    if (s2 >= end) break;
    const e2 = lineEndBefore(b, s2, end);
    if (e2 < 0) break;
    const k = r.slot();
    // (Each line from where the screen shows it, after an erased pager mark, as the line-by-line path reads it.)
    if (!readFirstLine(b, pagerTextStart(b, p, e1), e1, r, k) || !readSecondLine(b, pagerTextStart(b, s2, e2), e2, r, k)) break;
    r.commit(k, firstLine + lines, offsetBase + p);
    lines += 2;
    p = b[e2] === 13 ? e2 + 2 : e2 + 1;
    verboseRunEnd.at = p;
  }
  return lines;
}
