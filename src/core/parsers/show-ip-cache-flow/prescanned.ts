// Registry of pastes whose flow rows were read straight from bytes (big dumps), and the way back to their text.
import type { Paste } from '../../types';
import type { FlowTable } from '../flow-table';
import { normaliseLine } from '../../text/normalise';

/**
 * The lines that start at these byte offsets of a paste, each without its line end, in the order asked for (any order,
 * repeats allowed). All of a diagnosis's are asked for at once: a file read back piece by piece (the browser's worker
 * reads a 4 KB slice in about a millisecond) is read once for offsets near each other (linesFromRanges).
 */
export type LinesAt = (offsets: readonly number[]) => string[];

/**
 * A paste read as bytes: `lines` holds every normalised line except the flow rows, which are '' there and sit
 * in `rows` instead (in line order). `offsets[i]` is where row i starts in the paste; `linesAt` reads such lines
 * back (from memory, or from the file), to quote them as evidence.
 */
export interface Prescan {
  lines: string[];
  /** Indexes of the lines that are not flow rows, ascending: the only ones of `lines` that may be other than ''. */
  textLines: readonly number[];
  rows: FlowTable;
  offsets: Uint32Array;
  linesAt: LinesAt;
  /** A terminal log's per-line time stamp (core/text/line-stamps.ts), taken off the lines read back; null for none. */
  stamp?: RegExp | null;
  /** `show ip cache verbose flow` records read from bytes (their two lines '' in `lines`), in line order. */
  verbose?: VerboseTable;
  /** `show flow monitor NAME cache` records read from bytes (their lines '' in `lines`), in line order. */
  fnf?: FnfRecordTable;
  /**
   * The paste is diagnosed once (the CLI): once its parser has taken every Flexible NetFlow record into its own flow
   * table, the records' values may go (fnf-prescan.ts tookFnfRecords); their lines and offsets stay, for quoting. The
   * browser diagnoses a paste again as answers change, and never sets it.
   */
  fnfOnce?: boolean;
  /**
   * Line numbers of rows whose text restoreRowLines put back into `lines` (for quoting), to be emptied again before the
   * paste is read once more (clearRestoredRows): the browser diagnoses a big file again as answers change, and a row
   * left as text was read twice, from its columns and from its text.
   */
  restored?: number[];
}

/**
 * Flexible NetFlow records read from bytes (core/big-paste/fnf-records.ts), in line order: `count` of them, each
 * column's first `count` entries. What the record parser would make of each: a plain IPv4 flow.
 */
export interface FnfRecordTable {
  count: number;
  /** IPv4 addresses as unsigned integers; dst 0 when the record has no destination. */
  src: Uint32Array;
  dst: Uint32Array;
  /** -1 where the record has no such field. */
  srcPort: Int32Array;
  dstPort: Int32Array;
  proto: Int32Array;
  packets: Float64Array;
  /** NaN where the record counts no bytes. */
  bytes: Float64Array;
  /** Index in `ifNames`, -1 where the record names no interface. */
  srcIf: Int32Array;
  dstIf: Int32Array;
  ifNames: string[];
  /** The record's first line (1-based) and where it starts in the paste. */
  line: Uint32Array;
  offsets: Uint32Array;
  /**
   * Where these records lie in the cache's shared columns, when another thread read them there (core/big-paste/
   * fnf-records.ts FnfBuffers): the first segment's reader then joins them where they lie.
   */
  sharedAt?: number;
}

/**
 * Verbose cache records read from bytes (core/big-paste/verbose-records.ts): `rows` as a flow (ports from the second
 * line; `packets` is the first line's last column as printed, K/M/G expanded; `bytes` the bytes per packet; `line` the
 * first line's), `offsets` where each first line starts, and what the text path keeps as the record's details.
 */
export interface VerboseTable {
  rows: FlowTable;
  offsets: Uint32Array;
  tos: Uint16Array;
  flags: Uint16Array;
  active: Float64Array;
  /** IPv4 addresses as unsigned integers. */
  nextHop: Uint32Array;
}

/** The end of the line that starts at `s` in b[..end): its first \n or \r, or `end`. */
function lineEnd(b: Uint8Array, s: number, end: number): number {
  let e = s;
  while (e < end && b[e] !== 10 && b[e] !== 13) e++;
  return e;
}

/** `linesAt` over bytes held in memory. */
export function linesAtBytes(bytes: Uint8Array): LinesAt {
  return (offsets) => offsets.map((s) => decodeUtf8(bytes, s, lineEnd(bytes, s, bytes.length)));
}

/** The most of a line read back from a file: a longer one is quoted up to here. */
export const LINE_READ_MAX = 4096;

/**
 * `linesAt` over a file of `size` bytes that `read(start, end)` gives synchronously: each line is its first
 * LINE_READ_MAX bytes at most, up to its line end. The offsets, sorted, are read in runs, one read a run: a run goes on
 * while the next offset is at most `gap` bytes past the one before, up to `window` bytes in all. The flagged hosts'
 * first flows, quoted as evidence, mostly sit near each other (a scanner's first flows come close together), and a
 * read costs more than its bytes: in the browser's worker a read takes about 0.8 ms and 2.8 ms more a megabyte (600
 * reads of 4 KB took 540 ms), so there runs may bridge 256 KB; a Node pread takes a few microseconds, and its buffer's
 * pages about 0.5 ms a megabyte to touch, so there 16 KB (the default). Offsets far apart are read apart, so at most
 * `gap` bytes a line are read in vain.
 */
export function linesFromRanges(read: (start: number, end: number) => Uint8Array, size: number, { window = 1 << 20, gap = 1 << 14 }: { window?: number; gap?: number } = {}): LinesAt {
  return (offsets) => {
    const out = new Array<string>(offsets.length);
    const order = offsetOrder(offsets);
    for (let i = 0; i < order.length; ) {
      const from = offsets[order[i]!]!;
      // This run: the next offsets, each near the one before, whose lines end within `window` bytes of its first one.
      let j = i + 1;
      while (j < order.length && offsets[order[j]!]! - offsets[order[j - 1]!]! <= gap && offsets[order[j]!]! + LINE_READ_MAX - from <= window) j++;
      const to = Math.min(size, offsets[order[j - 1]!]! + LINE_READ_MAX);
      const b = from < to ? read(from, to) : new Uint8Array(0);
      for (let k = i; k < j; k++) {
        const s = offsets[order[k]!]! - from;
        const end = Math.min(b.length, s + LINE_READ_MAX);
        out[order[k]!] = s < end ? decodeUtf8(b, s, lineEnd(b, s, end)) : '';
      }
      i = j;
    }
    return out;
  };
}

/**
 * The indexes of `offsets` in the order of their offsets (equal ones in index order). As numbers that hold both, an
 * offset above and its index below, sorted by the typed array's own numeric sort: a comparator's sort of the 60,000
 * evidence lines of 5,000 infected hosts made about a million calls. Offsets too big to share a number with their
 * index (past 2^53 together) are sorted by a comparator, as before.
 */
export function offsetOrder(offsets: readonly number[]): ArrayLike<number> {
  const n = offsets.length;
  let scale = 1;
  while (scale < n) scale *= 2;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const o = offsets[i]!;
    const key = o * scale + i;
    if (!(Number.isInteger(o) && o >= 0 && key <= Number.MAX_SAFE_INTEGER)) return offsets.map((_, k) => k).sort((a, b) => offsets[a]! - offsets[b]!);
    keys[i] = key;
  }
  keys.sort();
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = keys[i]! % scale;
  return order;
}

const byPaste = new WeakMap<Paste, Prescan>();
const byLines = new WeakMap<readonly string[], Prescan>();

export function registerPrescan(paste: Paste, p: Prescan): void {
  byPaste.set(paste, p);
  byLines.set(p.lines, p);
}

/** The lines of a paste that was pre-scanned, or undefined (then the caller normalises `paste.text`). */
export function prescannedLines(paste: Paste): string[] | undefined {
  return byPaste.get(paste)?.lines;
}

/** `copy` (the lines with posters' notes taken out) reads the same pre-scanned rows as `lines`. */
export function aliasPrescan(lines: readonly string[], copy: readonly string[]): void {
  const p = byLines.get(lines);
  if (p && copy !== lines) byLines.set(copy, p);
}

export function prescanOfLines(lines: readonly string[]): Prescan | undefined {
  return byLines.get(lines);
}

/** Index of the first row whose line number is >= line (rows are in line order). */
export function firstRowAtOrAfter(rows: { count: number; line: ArrayLike<number> }, line: number, from = 0): number {
  // From `from` (a row before `line`'s, or at it): steps of 1, 2, 4... to a row past it, then a binary search between.
  let lo = from;
  let step = 1;
  while (lo + step < rows.count && rows.line[lo + step - 1]! < line) {
    lo += step;
    step *= 2;
  }
  let hi = Math.min(rows.count, lo + step);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows.line[mid]! < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Are bytes [s, e) all ASCII? */
function isShared(b: Uint8Array): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && b.buffer instanceof SharedArrayBuffer;
}

export function isAscii(b: Uint8Array, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (b[k]! > 127) return false;
  return true;
}

/** A platform decoder for long ASCII runs (useAsciiDecoder); null: String.fromCharCode in 8 KB pieces. */
let platformDecode: ((bytes: Uint8Array) => string) | null = null;

/** Runs shorter than this are decoded here: a call to the platform's decoder costs more than a line's bytes. */
const PLATFORM_DECODE_MIN = 1024;

/**
 * Decode long ASCII runs with the platform's decoder, `decode` (TextDecoder's, in the CLI and the browser's worker):
 * String.fromCharCode over a 79 MB verbose cache's text took 370 ms, TextDecoder 14. Any UTF-8 decoder gives ASCII
 * bytes back as they are, so what is read does not change. (The core stays plain ECMAScript: its callers inject it.)
 */
export function useAsciiDecoder(decode: ((bytes: Uint8Array) => string) | null): void {
  platformDecode = decode;
}

/** Bytes [s, e), all ASCII (isAscii), as a string: one character a byte. */
export function asciiText(b: Uint8Array, s: number, e: number): string {
  // Not over shared memory: a browser's TextDecoder refuses a view of a SharedArrayBuffer.
  if (platformDecode !== null && e - s >= PLATFORM_DECODE_MIN && !isShared(b)) return platformDecode(b.subarray(s, e));
  let out = '';
  // apply() takes the typed array as it is: no Array copy per line (every non-row line of a big paste comes here).
  for (let k = s; k < e; k += 8192) out += String.fromCharCode.apply(null, b.subarray(k, Math.min(e, k + 8192)) as unknown as number[]);
  return out;
}

/**
 * Decode bytes [s, e) as UTF-8 (ASCII fast path). Invalid bytes become U+FFFD exactly as the WHATWG decoder makes
 * them (TextDecoder, a browser reading a file, Node reading a text file): one per maximal invalid subpart, the byte
 * that broke a sequence read again, one for a sequence cut short by the end. So a line reads the same on the byte path
 * as on the text path. (The core has no TextDecoder to lean on: it is plain ECMAScript.)
 */
export function decodeUtf8(b: Uint8Array, s: number, e: number): string {
  if (isAscii(b, s, e)) return asciiText(b, s, e);
  let out = '';
  // The Encoding Standard's UTF-8 decoder: bytes still needed, seen, and the bounds of the next continuation byte.
  let cp = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let k = s; k < e; k++) {
    const c = b[k]!;
    if (needed === 0) {
      if (c <= 0x7f) out += String.fromCharCode(c);
      else if (c >= 0xc2 && c <= 0xdf) [needed, cp] = [1, c & 0x1f];
      else if (c >= 0xe0 && c <= 0xef) {
        // No overlong forms (E0 80..9F) and no UTF-16 surrogates (ED A0..BF).
        if (c === 0xe0) lower = 0xa0;
        if (c === 0xed) upper = 0x9f;
        [needed, cp] = [2, c & 0xf];
      } else if (c >= 0xf0 && c <= 0xf4) {
        // No overlong forms (F0 80..8F) and nothing past U+10FFFF (F4 90..).
        if (c === 0xf0) lower = 0x90;
        if (c === 0xf4) upper = 0x8f;
        [needed, cp] = [3, c & 0x7];
      } else out += '\ufffd';
      continue;
    }
    if (c < lower || c > upper) {
      // The sequence so far is one U+FFFD; this byte starts afresh.
      [cp, needed, seen, lower, upper] = [0, 0, 0, 0x80, 0xbf];
      out += '\ufffd';
      k--;
      continue;
    }
    [lower, upper] = [0x80, 0xbf];
    cp = (cp << 6) | (c & 0x3f);
    if (++seen === needed) {
      out += String.fromCodePoint(cp);
      [cp, needed, seen] = [0, 0, 0];
    }
  }
  if (needed !== 0) out += '\ufffd';
  return out;
}

/** Line numbers in ascending order (a copy; positive whole numbers, as line numbers are). */
function sortedLines(lineNumbers: readonly number[]): readonly number[] | Float64Array {
  return lineNumbers.every((l) => Number.isInteger(l) && l > 0) ? Float64Array.from(lineNumbers).sort() : [...lineNumbers].sort((a, b) => a - b);
}

/**
 * Put the text of flow rows back into `lines` (for quoting them as evidence), read all at once. Line numbers that
 * are no flow row, or already back, are left alone; a no-op for pastes read as text. Returns how many were restored.
 */
export function restoreRowLines(lines: readonly string[] | undefined, lineNumbers: readonly number[]): number {
  const p = lines && byLines.get(lines);
  if (!p) return 0;
  const want: number[] = [];
  const offsets: number[] = [];
  // A flow row, or the first line of a verbose record: each table's rows are found by a walk forward over the line
  // numbers in order, each once (a binary search a line read a million-row column at random: 60,000 evidence lines of
  // 5,000 infected hosts, about 30 ms; the tables' list was also made anew for every line).
  const tables: { count: number; line: ArrayLike<number> }[] = [p.rows];
  const tableOffsets: ArrayLike<number>[] = [p.offsets];
  if (p.verbose) {
    tables.push(p.verbose.rows);
    tableOffsets.push(p.verbose.offsets);
  }
  // (A Flexible NetFlow record is quoted by its first line, as the text path quotes it.)
  if (p.fnf) {
    tables.push(p.fnf);
    tableOffsets.push(p.fnf.offsets);
  }
  const from = tables.map(() => 0);
  let prev = -1;
  for (const line of sortedLines(lineNumbers)) {
    if (line === prev) continue;
    prev = line;
    if (p.lines[line - 1] !== '') continue;
    for (let t = 0; t < tables.length; t++) {
      const rows = tables[t]!;
      const i = firstRowAtOrAfter(rows, line, from[t]);
      from[t] = i;
      if (i >= rows.count || rows.line[i] !== line) continue;
      want.push(line);
      offsets.push(tableOffsets[t]![i]!);
      break;
    }
  }
  if (want.length === 0) return 0;
  const texts = p.linesAt(offsets);
  // Normalised as the text path's lines are: a row read from a text line (a pager mark before it, say) is quoted as
  // the text path quotes it; a clean row's bytes are printable ASCII, which normalising leaves as they are.
  // A stamped log's stamp goes first, as the text path takes it off before cleaning a line.
  for (let k = 0; k < want.length; k++) {
    let t = texts[k]!;
    const m = p.stamp?.exec(t);
    if (m) t = t.slice(m[0].length);
    // (normaliseLine: normaliseLines' first line, without its split and its search for a stamp kind, which one line
    // never shows: 5,000 infected hosts' 60,000 evidence lines, 124 ms through normaliseLines.)
    p.lines[want[k]! - 1] = normaliseLine(t).trimEnd();
  }
  // (A loop, not push(...want): 5,000 infected hosts quote 60,000 lines, past what a call's arguments may hold.)
  const restored = (p.restored ??= []);
  for (const line of want) restored.push(line);
  return want.length;
}

/** Empty again the rows' lines restoreRowLines restored (before the paste's lines are read again). */
export function clearRestoredRows(lines: readonly string[]): void {
  const p = byLines.get(lines);
  if (!p?.restored) return;
  for (const line of p.restored) p.lines[line - 1] = '';
  p.restored = undefined;
}
