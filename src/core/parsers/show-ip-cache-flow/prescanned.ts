// Registry of pastes whose flow rows were read straight from bytes (big dumps), and the way back to their text.
import type { Paste } from '../../types';
import type { FlowTable } from '../flow-table';

/**
 * A paste read as bytes: `lines` holds every normalised line except the flow rows, which are '' there and sit
 * in `rows` instead (in line order). `offsets[i]` is where row i starts in the paste; `lineAt(offset)` reads
 * that line back (from memory, or from the file in the CLI), to quote it as evidence.
 */
export interface Prescan {
  lines: string[];
  /** Indexes of the lines that are not flow rows, ascending: the only ones of `lines` that may be other than ''. */
  textLines: readonly number[];
  rows: FlowTable;
  offsets: Uint32Array;
  lineAt: (offset: number) => string;
}

/** `lineAt` over bytes held in memory: the line starting at `offset`, without its line end. */
export function lineAtBytes(bytes: Uint8Array): (offset: number) => string {
  return (s) => {
    let e = s;
    while (e < bytes.length && bytes[e] !== 10 && bytes[e] !== 13) e++;
    return decodeUtf8(bytes, s, e);
  };
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
export function firstRowAtOrAfter(rows: FlowTable, line: number): number {
  let lo = 0;
  let hi = rows.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows.line[mid]! < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Decode bytes [s, e) as UTF-8 (ASCII fast path). Invalid bytes become U+FFFD exactly as the WHATWG decoder makes
 * them (TextDecoder, a browser reading a file, Node reading a text file): one per maximal invalid subpart, the byte
 * that broke a sequence read again, one for a sequence cut short by the end. So a line reads the same on the byte path
 * as on the text path. (The core has no TextDecoder to lean on: it is plain ECMAScript.)
 */
export function decodeUtf8(b: Uint8Array, s: number, e: number): string {
  let ascii = true;
  for (let k = s; k < e; k++) if (b[k]! > 127) { ascii = false; break; }
  let out = '';
  if (ascii) {
    // apply() takes the typed array as it is: no Array copy per line (every non-row line of a big paste comes here).
    for (let k = s; k < e; k += 8192) out += String.fromCharCode.apply(null, b.subarray(k, Math.min(e, k + 8192)) as unknown as number[]);
    return out;
  }
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

/**
 * Put the text of a flow row back into `lines` (for quoting it as evidence). No-op for pastes read as text.
 * Returns true when the line was restored.
 */
export function restoreRowLine(lines: readonly string[] | undefined, line: number): boolean {
  const p = lines && byLines.get(lines);
  if (!p || p.lines[line - 1] !== '') return false;
  const i = firstRowAtOrAfter(p.rows, line);
  if (i >= p.rows.count || p.rows.line[i] !== line) return false;
  p.lines[line - 1] = p.lineAt(p.offsets[i]!).trimEnd();
  return true;
}
