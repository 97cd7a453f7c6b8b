// Reads one `show ip cache flow` row straight from bytes (no regex, no strings), into growable flow columns.
import type { FlowColumns } from './flow-columns';

/** What `readRow` made of a line. Anything but ROW_OK leaves the columns untouched. */
export const ROW_OK = 0;
/** Not shaped like a flow row (header, stats block, prompt...): the caller reads it as text. */
export const NOT_ROW = 1;
export const BAD_ADDRESS = 2;
export const BAD_HEX = 3;
export const BAD_COUNT = 4;
export type RowStatus = typeof ROW_OK | typeof NOT_ROW | typeof BAD_ADDRESS | typeof BAD_HEX | typeof BAD_COUNT;

export const ROW_PROBLEM: Record<number, string> = {
  [BAD_ADDRESS]: 'flow row with an invalid address',
  [BAD_HEX]: 'flow row with a protocol or port that is not hex',
  [BAD_COUNT]: 'flow row with a packet count that is not a non-negative number',
};

const SPACE = 32;
const STAR = 42;
/** Scratch for the three hex fields (module-level so a row allocates nothing). */
const HEX = new Int32Array(3);
const CR = 13;

/** Interface-name bytes: letters, digits and / . : _ - (never # > < that prompts carry). */
function ifByte(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 47 && c <= 58) || c === 46 || c === 45 || c === 95;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  if (l >= 97 && l <= 102) return l - 87;
  return -1;
}

/**
 * Read the line buf[start, end) (no newline) as `SrcIf SrcIP DstIf DstIP Pr SrcP DstP Pkts` into row `cols.n`.
 * Fields may be separated by any run of spaces (device columns or a web page's single spaces); Pr/ports are hex
 * in either case; Pkts may carry a K or M suffix. On ROW_OK the caller sets line/offset and commits with n++.
 */
export function readRow(buf: Uint8Array, start: number, end: number, cols: FlowColumns): RowStatus {
  let p = start;
  while (end > p && (buf[end - 1] === SPACE || buf[end - 1] === CR)) end--;
  while (p < end && buf[p] === SPACE) p++;
  // SrcIf: an interface name starts with a letter (Vl1, Fa0/0, Null, Local).
  let s = p;
  let h = 0;
  let c = buf[p] ?? 0;
  if (!((c | 32) >= 97 && (c | 32) <= 122)) return NOT_ROW;
  while (p < end && (c = buf[p]!) !== SPACE) {
    if (!ifByte(c)) return NOT_ROW;
    h = (h * 31 + c) | 0;
    p++;
  }
  if (p === s || p === end) return NOT_ROW;
  const srcIfS = s;
  const srcIfE = p;
  const srcIfH = h;
  while (p < end && buf[p] === SPACE) p++;
  // SrcIP: digits and dots; the shape decides NOT_ROW, the values decide BAD_ADDRESS.
  if (p < end && !(buf[p]! >= 48 && buf[p]! <= 57)) return NOT_ROW;
  let bad = false;
  let addr = 0;
  let oct = 0;
  let digits = 0;
  let dots = 0;
  s = p;
  while (p < end && (c = buf[p]!) !== SPACE) {
    if (c >= 48 && c <= 57) {
      oct = oct * 10 + (c - 48);
      if (++digits > 3) bad = true;
    } else if (c === 46) {
      if (digits === 0 || oct > 255) bad = true;
      addr = addr * 256 + oct;
      oct = 0;
      digits = 0;
      dots++;
    } else bad = true;
    p++;
  }
  if (p === s || p === end || dots === 0) return NOT_ROW;
  if (dots !== 3 || digits === 0 || oct > 255) bad = true;
  const src = addr * 256 + oct;
  const srcBad = bad;
  while (p < end && buf[p] === SPACE) p++;
  // DstIf; IOS marks an egress flow (`ip flow egress`) with a "*" right after it ("Se0/0:0.101*"), not part of the name.
  s = p;
  h = 0;
  c = buf[p] ?? 0;
  if (!((c | 32) >= 97 && (c | 32) <= 122)) return NOT_ROW;
  let egressMark = 0;
  while (p < end && (c = buf[p]!) !== SPACE) {
    if (c === STAR && egressMark === 0 && (p + 1 === end || buf[p + 1] === SPACE)) egressMark = 1;
    else if (!ifByte(c)) return NOT_ROW;
    else h = (h * 31 + c) | 0;
    p++;
  }
  if (p === s || p === end) return NOT_ROW;
  const dstIfS = s;
  const dstIfE = p - egressMark;
  const dstIfH = h;
  while (p < end && buf[p] === SPACE) p++;
  // DstIP
  if (p < end && !(buf[p]! >= 48 && buf[p]! <= 57)) return NOT_ROW;
  bad = false;
  addr = 0;
  oct = 0;
  digits = 0;
  dots = 0;
  s = p;
  while (p < end && (c = buf[p]!) !== SPACE) {
    if (c >= 48 && c <= 57) {
      oct = oct * 10 + (c - 48);
      if (++digits > 3) bad = true;
    } else if (c === 46) {
      if (digits === 0 || oct > 255) bad = true;
      addr = addr * 256 + oct;
      oct = 0;
      digits = 0;
      dots++;
    } else bad = true;
    p++;
  }
  if (p === s || p === end || dots === 0) return NOT_ROW;
  if (dots !== 3 || digits === 0 || oct > 255) bad = true;
  const dst = addr * 256 + oct;
  // Pr, SrcP, DstP: hex fields of 1-2, 1-4, 1-4 digits.
  let badHex = false;
  const hex = HEX;
  for (let f = 0; f < 3; f++) {
    while (p < end && buf[p] === SPACE) p++;
    s = p;
    let v = 0;
    while (p < end && (c = buf[p]!) !== SPACE) {
      const d = hexValue(c);
      if (d < 0) badHex = true;
      v = v * 16 + d;
      p++;
    }
    if (p === s || p === end) return NOT_ROW;
    if (p - s > (f === 0 ? 2 : 4)) badHex = true;
    hex[f] = v;
  }
  while (p < end && buf[p] === SPACE) p++;
  // Pkts: decimal, optional K/M suffix; the last field.
  s = p;
  let pk = 0;
  let badCount = false;
  if (p < end && buf[p] === 45) {
    badCount = true;
    p++;
  }
  let nd = 0;
  while (p < end && (c = buf[p]!) >= 48 && c <= 57) {
    pk = pk * 10 + (c - 48);
    p++;
    nd++;
  }
  if (nd === 0) badCount = true;
  if (p < end && (buf[p] === 75 || buf[p] === 107)) {
    pk *= 1000;
    p++;
  } else if (p < end && (buf[p] === 77 || buf[p] === 109)) {
    pk *= 1000000;
    p++;
  }
  // Junk glued to the count is a bad count; a ninth field means this is some other table, not a flow row.
  while (p < end && buf[p] !== SPACE) {
    badCount = true;
    p++;
  }
  if (p !== end) return NOT_ROW;
  if (srcBad || bad) return BAD_ADDRESS;
  if (badHex) return BAD_HEX;
  if (badCount) return BAD_COUNT;
  const i = cols.reserve();
  cols.srcIf[i] = cols.ifIndex(buf, srcIfS, srcIfE, srcIfH);
  cols.dstIf[i] = cols.ifIndex(buf, dstIfS, dstIfE, dstIfH);
  cols.src[i] = src;
  cols.dst[i] = dst;
  cols.proto[i] = hex[0]!;
  cols.srcPort[i] = hex[1]!;
  cols.dstPort[i] = hex[2]!;
  cols.packets[i] = pk;
  // (No byte count: 0, as the WebAssembly loop leaves it. A row may be written where a rejected one was begun.)
  cols.bytes[i] = 0;
  return ROW_OK;
}

/** Latin-1 copy of a JS string line into a scratch buffer, so text lines go through the same reader. */
export function lineBytes(line: string, scratch: { buf: Uint8Array }): number {
  const n = line.length;
  if (scratch.buf.length < n) scratch.buf = new Uint8Array(n * 2);
  const b = scratch.buf;
  for (let k = 0; k < n; k++) {
    const c = line.charCodeAt(k);
    b[k] = c > 255 ? 0x7f : c;
  }
  return n;
}
