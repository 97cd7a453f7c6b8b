// `show mls netflow ip` entries straight from bytes (big dumps): an entry's two lines (`DstIP SrcIP Prot:SrcPort:DstPort
// Src i/f :AdjPtr`, then `Pkts Bytes Age LastSeen Attributes`) read into the flow columns without a string, exactly as
// its parser (parsers/shared/mls-netflow-blocks.ts: ENTRY, COUNTERS, entryOfMatch) reads them. Only plain lines are
// taken: printable ASCII without the characters a prompt, a poster's note or an elision holds and without a pager
// mark, single-byte blanks, the first field at the line's start, counts of up to 15 digits, protocol and port names the
// parser knows; any other line is left to the text path, which reads it (or warns about it).
import { BYTE_CLASS, CAPITAL_M, hashBytes, moreAt, REFUSED } from './fnf-bytes';
import { dottedQuadAt, quad } from './dotted-quad';
import type { ColumnBatch, FlowColumns } from '../parsers/show-ip-cache-flow/flow-columns';
import { PORTS, PROTOCOLS } from '../parsers/shared/mls-protocol-port-names';
import { lineEndBefore } from './line-text';
import { pagerTextStart } from '../text/pager-marks';

/** An entry's first line, read (readMlsEntry), waiting for its counters: its values, and its interface name's bytes. */
export interface MlsEntry {
  src: number;
  dst: number;
  /** -1 (UNKNOWN) where the flow mask dropped it. */
  proto: number;
  srcPort: number;
  dstPort: number;
  /** The interface name's bytes [ifS, ifE) in the buffer the line was read from; ifS < 0 for none. */
  ifS: number;
  ifE: number;
  packets: number;
  bytes: number;
}

export const newMlsEntry = (): MlsEntry => ({ src: 0, dst: 0, proto: -1, srcPort: -1, dstPort: -1, ifS: -1, ifE: -1, packets: 0, bytes: 0 });

/** Printable ASCII only, none of the characters normalising or a poster's note would touch, no pager mark. */
function plain(b: Uint8Array, s: number, e: number): boolean {
  for (let p = s; p < e; p++) {
    const k = BYTE_CLASS[b[p]!]!;
    if (k === REFUSED || (k === CAPITAL_M && moreAt(b, p, e))) return false;
  }
  return true;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** [\w-]: a letter, a digit, `_` or `-`. */
const isWordOrDash = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 45;

/** The parser's names by their bytes, lower case. */
const namesOf = (m: ReadonlyMap<string, number>): [Uint8Array, number][] => [...m].map(([k, v]) => [Uint8Array.from(k, (c) => c.charCodeAt(0)), v]);
const PROTOCOL_NAMES = namesOf(PROTOCOLS);
const PORT_NAMES = namesOf(PORTS);

/** The value of name b[s, e) (any case) in `names`, or -2 when it is not one. */
function nameValue(b: Uint8Array, s: number, e: number, names: readonly [Uint8Array, number][]): number {
  for (const [w, v] of names) {
    if (w.length !== e - s) continue;
    let q = 0;
    // (ASCII letters, digits and dashes: | 32 lowers a letter and leaves a digit or a dash as it is.)
    while (q < w.length && (b[s + q]! | 32) === w[q]) q++;
    if (q === w.length) return v;
  }
  return -2;
}

/** -1: absent (dashes only); -2: not read (the text path reports it); else the number. */
const ABSENT = -1;
const NOT_READ = -2;

/** A field [\w-]+ as protocolNumber reads it: dashes absent, digits 1 to 255 (0 absent), a protocol name. */
function protocolAt(b: Uint8Array, s: number, e: number): number {
  if (allDashes(b, s, e)) return ABSENT;
  const n = digitsValue(b, s, e);
  if (n >= 0) return n === 0 ? ABSENT : n <= 255 ? n : NOT_READ;
  return n === NOT_DIGITS ? nameValue(b, s, e, PROTOCOL_NAMES) : NOT_READ;
}

/** A field [\w-]+ as portNumber reads it: dashes absent, digits up to 65535, a port name. */
function portAt(b: Uint8Array, s: number, e: number): number {
  if (allDashes(b, s, e)) return ABSENT;
  const n = digitsValue(b, s, e);
  if (n >= 0) return n <= 65535 ? n : NOT_READ;
  return n === NOT_DIGITS ? nameValue(b, s, e, PORT_NAMES) : NOT_READ;
}

function allDashes(b: Uint8Array, s: number, e: number): boolean {
  for (let p = s; p < e; p++) if (b[p] !== 45) return false;
  return true;
}

/** digitsValue: a field that is not all digits; one of more than 15 (left to the text path). */
const NOT_DIGITS = -1;
const TOO_LONG = -3;

/** The value of b[s, e) when all digits (up to 15), NOT_DIGITS, or TOO_LONG. */
function digitsValue(b: Uint8Array, s: number, e: number): number {
  let v = 0;
  for (let p = s; p < e; p++) {
    const d = b[p]! - 48;
    if (d < 0 || d > 9) return NOT_DIGITS;
    v = v * 10 + d;
  }
  return e - s > 15 ? TOO_LONG : v;
}

/**
 * A dotted quad from b[p] as ENTRY's `\d{1,3}(?:\.\d{1,3}){3}` and then ipToInt read it (dottedQuadAt), followed by a
 * blank: true, its value and end in `at`.
 */
function addressAt(b: Uint8Array, p: number, e: number, at: { v: number; p: number }): boolean {
  const end = dottedQuadAt(b, p, e);
  if (end < 0 || end >= e || b[end] !== 32) return false;
  at.v = quad.v;
  at.p = end;
  return true;
}

const scratch = { v: 0, p: 0 };
/** The three name fields' spans of the entry being read; the counts of the counters line being read. */
const F = new Int32Array(6);
const V = new Float64Array(2);

/** Blanks from p: where they end. */
function blanks(b: Uint8Array, p: number, e: number): number {
  while (p < e && b[p] === 32) p++;
  return p;
}

/** A run of [\w-] from p: where it ends. */
function word(b: Uint8Array, p: number, e: number): number {
  while (p < e && isWordOrDash(b[p]!)) p++;
  return p;
}

/**
 * Read b[s, e) (no line end) as an entry's first line into `m`: true if it is one the parser reads and opens, with no
 * other reading (false: the text path's, nothing to keep).
 */
export function readMlsEntry(b: Uint8Array, s: number, e: number, m: MlsEntry): boolean {
  if (s >= e || !isDigit(b[s]!) || !plain(b, s, e)) return false;
  const a = scratch;
  if (!addressAt(b, s, e, a)) return false;
  const dst = a.v;
  let p = blanks(b, a.p, e);
  if (p >= e || !isDigit(b[p]!) || !addressAt(b, p, e, a)) return false;
  const src = a.v;
  p = blanks(b, a.p, e);
  // Prot : SrcPort : DstPort, each [\w-]+, blanks allowed around the colons.
  const f = F;
  for (let k = 0; k < 3; k++) {
    if (k > 0) {
      p = blanks(b, p, e);
      if (p >= e || b[p] !== 58) return false;
      p = blanks(b, p + 1, e);
    }
    const w = word(b, p, e);
    if (w === p) return false;
    f[2 * k] = p;
    f[2 * k + 1] = w;
    p = w;
  }
  // At least one blank, then the source interface (a letter, then [\w./-]; or dashes: none), blanks, `:`.
  const q = blanks(b, p, e);
  if (q === p || q >= e) return false;
  p = q;
  let ifS = -1;
  let ifE = -1;
  const c = b[p]!;
  if ((c | 32) >= 97 && (c | 32) <= 122) {
    ifS = p;
    p++;
    while (p < e && (isWordOrDash(b[p]!) || b[p] === 46 || b[p] === 47)) p++;
    ifE = p;
  } else if (c === 45) {
    while (p < e && b[p] === 45) p++;
  }
  p = blanks(b, p, e);
  if (p >= e || b[p] !== 58) return false;
  p = blanks(b, p + 1, e);
  // AdjPtr: 0x and hex digits, digits, or dashes; then only blanks. (None, the line ending at the colon: no entry to
  // the parser, whose ENTRY asks for one; read as one here before, from bytes only.)
  const h = p;
  if (h >= e) return false;
  if (b[p] === 48 && b[p + 1] === 120) {
    let x = p + 2;
    while (x < e && (isDigit(b[x]!) || ((b[x]! | 32) >= 97 && (b[x]! | 32) <= 102))) x++;
    if (x > p + 2 && blanks(b, x, e) === e) p = e;
  }
  if (p !== e) {
    p = h;
    if (p < e && isDigit(b[p]!)) while (p < e && isDigit(b[p]!)) p++;
    else while (p < e && b[p] === 45) p++;
    if (p === h || blanks(b, p, e) !== e) return false;
  }
  const proto = protocolAt(b, f[0]!, f[1]!);
  const srcPort = portAt(b, f[2]!, f[3]!);
  const dstPort = portAt(b, f[4]!, f[5]!);
  if (proto === NOT_READ || srcPort === NOT_READ || dstPort === NOT_READ) return false;
  m.src = src;
  m.dst = dst;
  // (A dropped protocol drops the ports: entryOfMatch.)
  m.proto = proto;
  m.srcPort = proto === ABSENT ? ABSENT : srcPort;
  m.dstPort = proto === ABSENT ? ABSENT : dstPort;
  m.ifS = ifS;
  m.ifE = ifE;
  return true;
}

/**
 * Read b[s, e) as the counters line of the entry in `m` (`Pkts Bytes Age LastSeen [Attributes]`, COUNTERS): true, its
 * packets and bytes in `m`; false for any other line (the text path's).
 */
export function readMlsCounters(b: Uint8Array, s: number, e: number, m: MlsEntry): boolean {
  if (s >= e || !isDigit(b[s]!) || !plain(b, s, e)) return false;
  const v = V;
  let p = s;
  for (let k = 0; k < 3; k++) {
    const w = p;
    while (p < e && isDigit(b[p]!)) p++;
    if (p === w || p - w > 15 || p >= e || b[p] !== 32) return false;
    if (k < 2) v[k] = digitsValue(b, w, p);
    p = blanks(b, p, e);
  }
  // LastSeen \d{1,2}:\d{2}:\d{2}, then the line's end or a blank (the attributes, anything, follow).
  const t = p;
  while (p < e && isDigit(b[p]!)) p++;
  if (p - t < 1 || p - t > 2 || p + 6 > e || b[p] !== 58 || !isDigit(b[p + 1]!) || !isDigit(b[p + 2]!) || b[p + 3] !== 58 || !isDigit(b[p + 4]!) || !isDigit(b[p + 5]!)) return false;
  p += 6;
  if (p < e && b[p] !== 32) return false;
  m.packets = v[0]!;
  m.bytes = v[1]!;
  return true;
}

/** The entry in `m` (its interface name's bytes still in `b`) as a row of `cols`, at line `line`, byte `offset`. */
export function commitMlsEntry(m: MlsEntry, b: Uint8Array, cols: FlowColumns, line: number, offset: number): void {
  const i = cols.reserve();
  cols.srcIf[i] = m.ifS < 0 ? 0 : cols.ifIndex(b, m.ifS, m.ifE, hashBytes(b, m.ifS, m.ifE));
  cols.dstIf[i] = 0;
  cols.src[i] = m.src;
  cols.dst[i] = m.dst;
  cols.proto[i] = m.proto;
  cols.srcPort[i] = m.srcPort;
  cols.dstPort[i] = m.dstPort;
  cols.packets[i] = m.packets;
  cols.bytes[i] = m.bytes;
  cols.line[i] = line;
  cols.offset[i] = offset;
  cols.n = i + 1;
}

/** Entries of a run as a kernel (the CLI's WebAssembly one, cli/mls-runs-wasm) hands them over (srcIf given, no dstIf). */
export type MlsBatch = ColumnBatch;

/**
 * Reads what runMls's loop reads, entry for entry, from b[p] up to `end`, asking `cols` for interface indexes as
 * commitMlsEntry does, and hands the entries to `take` in batches; returns where it stopped (the start of the first
 * entry not taken), or -1 when it cannot read here (the loop then does).
 */
export type MlsRunKernel = (b: Uint8Array, p: number, end: number, cols: FlowColumns, take: (batch: MlsBatch) => void) => number;

let mlsKernel: MlsRunKernel | undefined;

/** Read runs of entries with this kernel (undefined: runMls's own loop). */
export function useMlsRunKernel(k: MlsRunKernel | undefined): void {
  mlsKernel = k;
}

/** The value of a protocol (kind 0) or port (kind 1) field b[s, e) as readMlsEntry reads it: -1 absent, -2 not read. */
export function mlsFieldValue(kind: number, b: Uint8Array, s: number, e: number): number {
  return kind === 0 ? protocolAt(b, s, e) : portAt(b, s, e);
}

/** Where the last runMls stopped (the start of the first line it did not read). */
export const mlsRunEnd = { at: 0 };

/**
 * The entries after one just read, from b[p] (the line after its counters) up to `end`, in one loop while each is a
 * first line and a counters line as readMlsEntry and readMlsCounters take them (LF or CR LF line ends), committed
 * (commitMlsEntry, `m` its scratch) with line numbers from `firstLine` (that of b[p]) and offsets from `offsetBase`:
 * what the line-by-line path would take from those lines. It stops before the first entry that is not so, with
 * nothing of it kept, leaving it to that path (a note, a header, an entry whose counters line does not end before
 * `end`); a line after an erased pager mark is read from where the screen shows it, as that path reads it. Returns how
 * many lines it read; mlsRunEnd.at says where it stopped.
 */
export function runMls(b: Uint8Array, p: number, end: number, m: MlsEntry, cols: FlowColumns, firstLine: number, offsetBase: number): number {
  mlsRunEnd.at = p;
  if (mlsKernel !== undefined) {
    let taken = 0;
    const stop = mlsKernel(b, p, end, cols, (x) => {
      cols.appendBatch(x, firstLine + 2 * taken, 2, offsetBase);
      taken += x.count;
    });
    if (stop >= 0) {
      mlsRunEnd.at = stop;
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
    // (Each line from where the screen shows it, after an erased pager mark, as the line-by-line path reads it.)
    if (!readMlsEntry(b, pagerTextStart(b, p, e1), e1, m) || !readMlsCounters(b, pagerTextStart(b, s2, e2), e2, m)) break;
    commitMlsEntry(m, b, cols, firstLine + lines, offsetBase + p);
    lines += 2;
    p = b[e2] === 13 ? e2 + 2 : e2 + 1;
    mlsRunEnd.at = p;
  }
  return lines;
}
