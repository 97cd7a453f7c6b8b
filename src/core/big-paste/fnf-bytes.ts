// The bytes of Flexible NetFlow records and rows as the byte path reads them (fnf-records.ts): each byte's class, the
// kinds of the values a flow uses, a table's layout, the first words of lines of another kind, and the small readers
// of a count, an address and a name, all as the record parser (parsers/show-flow-monitor-cache/parser.ts) reads them.
// The CLI's WebAssembly loops (cli/fnf-runs-wasm) are generated from the same tables.
import { R } from '../parsers/show-flow-monitor-cache/record-fields';
import type { TableLayout } from '../parsers/show-flow-monitor-cache/table-format';

/** A `format table` layout as the byte path reads rows under it: each column's span (characters) and slot (-1: unused). */
export interface ByteLayout {
  starts: Int32Array;
  ends: Int32Array;
  slots: Int32Array;
}

/** The byte path's form of the record parser's layout. */
export function byteLayout(l: TableLayout): ByteLayout {
  return {
    starts: Int32Array.from(l.spans, (x) => x[0]),
    ends: Int32Array.from(l.spans, (x) => x[1]),
    slots: Int32Array.from(l.roles, (r) => (r ? R[r] : -1)),
  };
}

/** First words of the lines the record parser reads before a table row (lower case): such a row is the text path's. */
export const OTHER_STARTS_TEXT = ['cache', 'current', 'high', 'flows', 'load', 'time', 'processed', 'aggregated', 'showing', 'matched', 'there'];
const OTHER_STARTS = OTHER_STARTS_TEXT.map((w) => Uint8Array.from(w, (c) => c.charCodeAt(0)));

/** Does word b[s, e) start a line of another kind (OTHER_STARTS, any case, or a dash: an ager's line)? */
export function otherLineStart(b: Uint8Array, s: number, e: number): boolean {
  const c = b[s]! | 0x20;
  if (b[s] === 45) return true;
  // (Most rows start with an address: no word to compare.)
  if (c < 97 || c > 122) return false;
  for (const w of OTHER_STARTS) {
    if (e - s < w.length) continue;
    let q = 0;
    while (q < w.length && (b[s + q]! | 0x20) === w[q]) q++;
    if (q === w.length) return true;
  }
  return false;
}

/**
 * Each byte's class for the row loops, one lookup instead of eight comparisons a byte: a character plainBytes allows,
 * a blank, a comma, one it refuses (control and non-ASCII bytes, # < > [ ]), or an M (which may start a pager mark).
 */
export const PLAIN = 0;
export const BLANK = 1;
export const COMMA = 2;
export const REFUSED = 3;
export const CAPITAL_M = 4;
export const BYTE_CLASS = new Uint8Array(256).fill(REFUSED);
for (let c = 33; c <= 126; c++) BYTE_CLASS[c] = PLAIN;
BYTE_CLASS[32] = BLANK;
BYTE_CLASS[44] = COMMA;
BYTE_CLASS[77] = CAPITAL_M;
for (const c of [35, 60, 62, 91, 93]) BYTE_CLASS[c] = REFUSED;

/** Does "More" (a pager mark) start at b[p], within [.., e)? */
export const moreAt = (b: Uint8Array, p: number, e: number): boolean => p + 3 < e && b[p + 1] === 111 && b[p + 2] === 114 && b[p + 3] === 101;

/** What a key (the bytes before a line's first colon) is: -2 not a field; -1 a field we do not use; else its slot. */
export interface KeySlot {
  bytes: Uint8Array;
  /** A line that starts with it may be read as a command echoed without its prompt (startsCommand). */
  command: boolean;
  slot: number;
  /** Its number among the distinct keys (to spot a key twice in one record). */
  id: number;
}

export const SLOT_COUNT = 13;
/** What each slot's value is: a count (a non-negative integer of up to 15 digits), an IPv4 address, an interface name. */
export const COUNT = 1;
export const ADDRESS = 2;
export const NAME = 3;
/** Slots the byte path leaves to the text path (IPv6, MAC: their records are rarer and their checks longer). */
const TEXT = 4;
export const KIND = new Uint8Array(SLOT_COUNT);
for (const r of [R.srcPort, R.dstPort, R.proto, R.packets, R.bytes, R.bytesL2]) KIND[r] = COUNT;
for (const r of [R.src4, R.dst4]) KIND[r] = ADDRESS;
for (const r of [R.srcIf, R.dstIf]) KIND[r] = NAME;
for (const r of [R.src6, R.dst6, R.mac]) KIND[r] = TEXT;

/**
 * A copy of b[s, e) that outlives b's bytes. (b may be a Node Buffer that the CLI reads the next piece of the file
 * into: its slice() is a view, and a key or a name kept as one changed under the reader, so that a later record took
 * the name or the field at those bytes for the one learnt there.)
 */
export function copyOf(b: Uint8Array, s: number, e: number): Uint8Array {
  return new Uint8Array(b.subarray(s, e));
}

/** FNV-1a of bytes b[s, e): how keys and interface names are found again without a string. */
export function hashBytes(b: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let p = s; p < e; p++) h = Math.imul(h ^ b[p]!, 0x01000193);
  return h;
}

/** Does b[p, e) hold only blanks? */
function blanksTo(b: Uint8Array, p: number, e: number): boolean {
  for (let q = p; q < e; q++) if (b[q] !== 32) return false;
  return true;
}

/** A count as the parser's num() reads one (the value trimmed): 1 to 15 digits, nothing else; -1 otherwise. */
export function count(b: Uint8Array, s: number, e: number): number {
  let n = 0;
  let p = s;
  for (; p < e; p++) {
    const c = b[p]! - 48;
    if (c < 0 || c > 9) break;
    n = n * 10 + c;
  }
  return p === s || p - s > 15 || !blanksTo(b, p, e) ? -1 : n;
}

/** A dotted quad as the parser's ipv4() reads one (the value trimmed); -1 otherwise. */
export function ipv4Bytes(b: Uint8Array, s: number, e: number): number {
  let n = 0;
  let octet = -1;
  let dots = 0;
  let p = s;
  for (; p < e; p++) {
    const c = b[p]!;
    if (c >= 48 && c <= 57) {
      octet = octet < 0 ? c - 48 : octet * 10 + c - 48;
      if (octet > 255) return -1;
    } else if (c === 46 && octet >= 0 && dots < 3) {
      n = n * 256 + octet;
      octet = -1;
      dots++;
    } else break;
  }
  return dots === 3 && octet >= 0 && blanksTo(b, p, e) ? n * 256 + octet : -1;
}

/**
 * The end of an interface name starting at s (the value trimmed): printable characters but blanks and those plainBytes
 * refuses, then only blanks to e; -1 for no name, or a value with more after the name.
 */
export function nameEnd(b: Uint8Array, s: number, e: number): number {
  let p = s;
  while (p < e && b[p] !== 32) p++;
  return p === s || !plainBytes(b, s, p) || !blanksTo(b, p, e) ? -1 : p;
}

/**
 * Printable ASCII only in b[s, e), none of a prompt's characters (#, >), a poster's arrows (<, >) or an elision's
 * brackets, and no pager mark ("More", which normalising takes out).
 */
export function plainBytes(b: Uint8Array, s: number, e: number): boolean {
  for (let p = s; p < e; p++) {
    const k = BYTE_CLASS[b[p]!]!;
    if (k === REFUSED || (k === CAPITAL_M && moreAt(b, p, e))) return false;
  }
  return true;
}

/** Do bytes b[s, e) spell `key` exactly? */
export function sameBytes(key: Uint8Array, b: Uint8Array, s: number, e: number): boolean {
  if (key.length !== e - s) return false;
  for (let q = 0; q < key.length; q++) if (key[q] !== b[s + q]) return false;
  return true;
}

/** First words of a line that may be a command echoed without its prompt (`show ...`, `sh ...`, `do sh ...`...). */
const COMMAND_WORDS = ['do', 'sh', 'sho', 'show', 'more', 'banner'].map((w) => Uint8Array.from(w, (c) => c.charCodeAt(0)));

/** Does the line start with one of COMMAND_WORDS (any case) and a blank? The text path may read it as a command. */
export function startsCommand(b: Uint8Array, s: number, e: number): boolean {
  let p = s;
  while (p < e && p - s <= 6 && b[p] !== 32) p++;
  const n = p - s;
  if (n > 6 || p === e) return false;
  for (const w of COMMAND_WORDS) {
    if (w.length !== n) continue;
    let q = 0;
    while (q < n && (b[s + q]! | 0x20) === w[q]) q++;
    if (q === n) return true;
  }
  return false;
}
