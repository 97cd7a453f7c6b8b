// Reads one `show ip cache flow` row straight from bytes (no regex, no strings), into growable flow columns.
import type { FlowTable } from '../flow-table';

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

/** One ArrayBuffer (or SharedArrayBuffer) per column, for `cap` rows. */
export interface ColumnBuffers {
  cap: number;
  srcIf: ArrayBufferLike;
  dstIf: ArrayBufferLike;
  src: ArrayBufferLike;
  dst: ArrayBufferLike;
  proto: ArrayBufferLike;
  srcPort: ArrayBufferLike;
  dstPort: ArrayBufferLike;
  packets: ArrayBufferLike;
  bytes: ArrayBufferLike;
  line: ArrayBufferLike;
  offset: ArrayBufferLike;
}

/** Column buffers for `cap` rows made by `alloc` (e.g. `(n) => new SharedArrayBuffer(n)` to share with a worker). */
export function columnBuffers(cap: number, alloc: (bytes: number) => ArrayBufferLike): ColumnBuffers {
  return {
    cap,
    srcIf: alloc(cap * 2),
    dstIf: alloc(cap * 2),
    src: alloc(cap * 4),
    dst: alloc(cap * 4),
    proto: alloc(cap * 2),
    srcPort: alloc(cap * 4),
    dstPort: alloc(cap * 4),
    packets: alloc(cap * 8),
    bytes: alloc(cap * 8),
    line: alloc(cap * 4),
    offset: alloc(cap * 4),
  };
}

/** Growable typed columns plus the byte offset of each row (kept so evidence lines can be quoted later). */
export class FlowColumns {
  n = 0;
  cap: number;
  srcIf: Uint16Array;
  dstIf: Uint16Array;
  src: Uint32Array;
  dst: Uint32Array;
  proto: Int16Array;
  srcPort: Int32Array;
  dstPort: Int32Array;
  packets: Float64Array;
  bytes: Float64Array;
  line: Uint32Array;
  offset: Uint32Array;
  readonly ifNames: string[] = [''];
  private ifByHash = new Map<number, number>();

  /**
   * `initial` rows of room. With `shared`, the columns are views of rows [from, from + initial) of those buffers
   * (two threads fill two regions of one allocation); growing past `initial` moves to private arrays.
   */
  constructor(initial = 1024, shared?: ColumnBuffers, from = 0) {
    this.cap = Math.max(16, initial);
    const b = shared;
    const n = this.cap;
    this.srcIf = b ? new Uint16Array(b.srcIf, from * 2, n) : new Uint16Array(n);
    this.dstIf = b ? new Uint16Array(b.dstIf, from * 2, n) : new Uint16Array(n);
    this.src = b ? new Uint32Array(b.src, from * 4, n) : new Uint32Array(n);
    this.dst = b ? new Uint32Array(b.dst, from * 4, n) : new Uint32Array(n);
    this.proto = b ? new Int16Array(b.proto, from * 2, n) : new Int16Array(n);
    this.srcPort = b ? new Int32Array(b.srcPort, from * 4, n) : new Int32Array(n);
    this.dstPort = b ? new Int32Array(b.dstPort, from * 4, n) : new Int32Array(n);
    this.packets = b ? new Float64Array(b.packets, from * 8, n) : new Float64Array(n);
    this.bytes = b ? new Float64Array(b.bytes, from * 8, n) : new Float64Array(n);
    this.line = b ? new Uint32Array(b.line, from * 4, n) : new Uint32Array(n);
    this.offset = b ? new Uint32Array(b.offset, from * 4, n) : new Uint32Array(n);
  }

  /** Are these columns still views of `b` (not grown into private arrays)? */
  uses(b: ColumnBuffers): boolean {
    return this.src.buffer === b.src;
  }

  /** Make room for one more row; returns its index (the caller commits it with `n++` once it is valid). */
  reserve(): number {
    if (this.n === this.cap) this.grow();
    return this.n;
  }

  private grow(): void {
    this.reserveCapacity(this.cap * 2);
  }

  reserveCapacity(c: number): void {
    if (c <= this.cap) return;
    const g = <T extends Uint16Array | Uint32Array | Int16Array | Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(c);
      b.set(a);
      return b;
    };
    this.srcIf = g(this.srcIf);
    this.dstIf = g(this.dstIf);
    this.src = g(this.src);
    this.dst = g(this.dst);
    this.proto = g(this.proto);
    this.srcPort = g(this.srcPort);
    this.dstPort = g(this.dstPort);
    this.packets = g(this.packets);
    this.bytes = g(this.bytes);
    this.line = g(this.line);
    this.offset = g(this.offset);
    this.cap = c;
  }

  /** Index of an interface name given as bytes [s, e); names are few, so a hash of the bytes finds them. */
  ifIndex(buf: Uint8Array, s: number, e: number, hash: number): number {
    const known = this.ifByHash.get(hash);
    if (known !== undefined) {
      const name = this.ifNames[known]!;
      if (name.length === e - s) {
        let same = true;
        for (let k = 0; k < name.length; k++) if (name.charCodeAt(k) !== buf[s + k]) { same = false; break; }
        if (same) return known;
      }
    }
    let name = '';
    for (let k = s; k < e; k++) name += String.fromCharCode(buf[k]!);
    let i = this.ifNames.indexOf(name);
    if (i < 0) {
      i = this.ifNames.length;
      if (i > 65535) return 0;
      this.ifNames.push(name);
    }
    if (known === undefined) this.ifByHash.set(hash, i);
    return i;
  }

  /** Index of an interface name given as a string (merging parts read apart). */
  ifIndexOfName(name: string): number {
    let i = this.ifNames.indexOf(name);
    if (i < 0) {
      i = this.ifNames.length;
      if (i > 65535) return 0;
      this.ifNames.push(name);
    }
    return i;
  }

  /** The rows as a FlowTable: views, not copies (a copy would double the peak memory of a 1M-row dump). */
  finish(): { table: FlowTable; offsets: Uint32Array } {
    const n = this.n;
    return {
      table: {
        count: n,
        ifNames: this.ifNames,
        srcIf: this.srcIf.subarray(0, n),
        dstIf: this.dstIf.subarray(0, n),
        src: this.src.subarray(0, n),
        dst: this.dst.subarray(0, n),
        proto: this.proto.subarray(0, n),
        srcPort: this.srcPort.subarray(0, n),
        dstPort: this.dstPort.subarray(0, n),
        packets: this.packets.subarray(0, n),
        bytes: this.bytes.subarray(0, n),
        line: this.line.subarray(0, n),
      },
      offsets: this.offset.subarray(0, n),
    };
  }
}

const SPACE = 32;
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
  // DstIf
  s = p;
  h = 0;
  c = buf[p] ?? 0;
  if (!((c | 32) >= 97 && (c | 32) <= 122)) return NOT_ROW;
  while (p < end && (c = buf[p]!) !== SPACE) {
    if (!ifByte(c)) return NOT_ROW;
    h = (h * 31 + c) | 0;
    p++;
  }
  if (p === s || p === end) return NOT_ROW;
  const dstIfS = s;
  const dstIfE = p;
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
  cols.bytes[i] = NaN;
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
