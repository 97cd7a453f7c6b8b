// Flexible NetFlow records straight from bytes (big caches): a `show flow monitor NAME cache` record, its `KEY: value`
// lines up to the blank line after them, read into columns without making a string of any line, as the record
// parser (parsers/show-flow-monitor-cache/parser.ts) would read it. Only plain IPv4 records are taken: each line a
// field as the parser tells fields (fieldKey), printable ASCII without the characters a prompt, a poster's note or an
// elision is made of, no key twice, a packet count and a source address, numbers without signs or fractions, and
// interface names without blanks. Any other record is left to the text path, which reads it (or warns about it) as
// before. Records that repeat the last kept record's keys, and a table's or a csv's rows, are read in runs of many at
// once (runRecords, runRows; a kernel may read them instead: fnf-run-kernels.ts); the bytes' classes and the small
// value readers are in fnf-bytes.ts.
import { fieldKey } from '../parsers/show-flow-monitor-cache/parser';
import { R, type Role } from '../parsers/show-flow-monitor-cache/record-fields';
import {
  ADDRESS,
  BLANK,
  BYTE_CLASS,
  type ByteLayout,
  CAPITAL_M,
  COMMA,
  COUNT,
  KIND,
  type KeySlot,
  NAME,
  PLAIN,
  REFUSED,
  SLOT_COUNT,
  copyOf,
  count,
  hashBytes,
  ipv4Bytes,
  moreAt,
  nameEnd,
  otherLineStart,
  plainBytes,
  sameBytes,
  startsCommand,
} from './fnf-bytes';
import { type RecordBatch, type RowBatch, type RunTemplate, recordRunKernel, rowRunKernel, runsAreOn } from './fnf-run-kernels';
import type { FnfRecordTable } from '../parsers/show-ip-cache-flow/prescanned';
import { pagerBlank, pagerRowStart, pagerTextStart } from '../text/pager-marks';

/**
 * Where a record's line at p (before `end`) goes on after an erased pager mark, as the line-by-line path reads it
 * (prescan.ts: pagerTextStart, pagerRowStart over the line up to its first CR or LF); -1 when it holds none (or no
 * line end before `end`). runRecords' loop and its kernel (cli/fnf-runs-wasm) both ask it, so a paged cache's records stay in the run.
 */
export function pagerLeadEnd(b: Uint8Array, p: number, end: number): number {
  let e = p;
  while (e < end && b[e] !== 10 && b[e] !== 13) e++;
  return e < end ? pagerRowStart(b, p, e) : -1;
}

/**
 * Is the line at p (ending before `end`) blank as the line-by-line path tells a record's end (prescan.ts): spaces only,
 * or a pager mark erased before a blank line (pagerBlank)? runRecords' loop and its kernel end a record there too.
 */
export function blankLineAt(b: Uint8Array, p: number, end: number): boolean {
  let e = p;
  let spaces = true;
  for (; e < end && b[e] !== 10 && b[e] !== 13; e++) if (b[e] !== 32) spaces = false;
  return e < end && (spaces || pagerBlank(b, p, e));
}

const grow = <T extends Uint32Array | Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
  const g = make(a.length * 2);
  g.set(a);
  return g;
};

/** `to` with the first `n` values of `from` copied in. */
function copied<T extends Uint32Array | Int32Array | Float64Array>(to: T, from: T, n: number): T {
  if (n > 0) to.set(from.subarray(0, n));
  return to;
}

/**
 * One buffer a column for a big cache's records, shared by the threads that read it: each segment writes its records
 * into a region of its own, and the first segment's reader joins them where they lie (FnfRecords.share, append), so a
 * record is written once and moved down at most once, never copied into memory of another thread's.
 */
export interface FnfBuffers {
  cap: number;
  src: ArrayBufferLike;
  dst: ArrayBufferLike;
  srcPort: ArrayBufferLike;
  dstPort: ArrayBufferLike;
  proto: ArrayBufferLike;
  packets: ArrayBufferLike;
  bytes: ArrayBufferLike;
  srcIf: ArrayBufferLike;
  dstIf: ArrayBufferLike;
  line: ArrayBufferLike;
  offsets: ArrayBufferLike;
}

/** Buffers for `cap` records (`alloc`: a SharedArrayBuffer of that many bytes, for two threads). */
export function fnfBuffers(cap: number, alloc: (bytes: number) => ArrayBufferLike): FnfBuffers {
  const four = () => alloc(cap * 4);
  const eight = () => alloc(cap * 8);
  return { cap, src: four(), dst: four(), srcPort: four(), dstPort: four(), proto: four(), packets: eight(), bytes: eight(), srcIf: four(), dstIf: four(), line: four(), offsets: four() };
}

/**
 * The records of one paste, read record by record: `begin`, `field` for each line, then `commit` (false, keeping
 * nothing, for a record the text path must read); a table's or a csv's row by `tableRow` or `csvRow`, then `commit`.
 */
export class FnfRecords {
  count = 0;
  private src: Uint32Array = new Uint32Array(1024);
  private dst: Uint32Array = new Uint32Array(1024);
  private srcPort: Int32Array = new Int32Array(1024);
  private dstPort: Int32Array = new Int32Array(1024);
  private proto: Int32Array = new Int32Array(1024);
  private packets: Float64Array = new Float64Array(1024);
  private bytes: Float64Array = new Float64Array(1024);
  private srcIf: Int32Array = new Int32Array(1024);
  private dstIf: Int32Array = new Int32Array(1024);
  private line: Uint32Array = new Uint32Array(1024);
  private offsets: Uint32Array = new Uint32Array(1024);
  private readonly ifNames: string[] = [];
  private readonly ifIndex = new Map<string, number>();
  /** Each name's bytes, and its index by a hash of them. */
  private readonly nameBytes: Uint8Array[] = [];
  private readonly namesByHash = new Map<number, number[]>();
  private readonly lastName = new Int32Array([-1, -1]);

  /** Keys met so far, by a hash of their bytes. */
  private readonly keys = new Map<number, KeySlot[]>();
  /** Each distinct key (as the parser compares keys) by its number. */
  private readonly idOfNorm = new Map<string, number>();

  // The open record: values by slot (numbers; interface names as byte ranges), which slots and keys it has.
  private readonly num = new Float64Array(SLOT_COUNT);
  private readonly has = new Uint8Array(SLOT_COUNT);
  private readonly ifS = new Int32Array(2);
  private readonly ifE = new Int32Array(2);
  private ifBuf: Uint8Array | null = null;
  /** The record each key id was last seen in (record numbers count from 1), to spot a key twice in one record. */
  private seenIn = new Int32Array(64);
  private recordNo = 0;
  /** False once a line of the open record is one the text path must read. */
  private plain = true;
  private lines = 0;

  /** The keys of the last record begun before this one, in its order; those of this one. */
  private prevKeys: KeySlot[] = [];
  private curKeys: KeySlot[] = [];

  /** Starts a record (its first line comes next). */
  begin(): void {
    if (this.lines > 0) {
      const t = this.prevKeys;
      this.prevKeys = this.curKeys;
      this.curKeys = t;
      this.prevKeys.length = this.lines;
    }
    this.has.fill(0);
    this.recordNo++;
    this.plain = true;
    this.lines = 0;
    this.fromFields = true;
  }

  /**
   * Line [s, e) of `b` as a field of the open record. False when it is no record field the parser would read (the
   * record then ends before it); true when it is one, though the record may still be one for the text path (`plain`).
   */
  field(b: Uint8Array, s: number, e: number): boolean {
    const c0 = b[s]! | 0x20;
    if (e - s > 300 || c0 < 97 || c0 > 122) return false;
    // The key the record before had at this place (records repeat their keys in one order), else the key's own.
    const j = this.lines;
    const prev = j < this.prevKeys.length ? this.prevKeys[j]! : undefined;
    let key: KeySlot;
    let colon: number;
    if (prev !== undefined && s + prev.bytes.length < e && b[s + prev.bytes.length] === 58 && sameBytes(prev.bytes, b, s, s + prev.bytes.length)) {
      key = prev;
      colon = s + prev.bytes.length;
    } else {
      // (A loop to the line's end, not indexOf: that would read on past it, to the next colon in the buffer.)
      colon = s;
      while (colon < e && b[colon] !== 58) colon++;
      if (colon === e || !plainBytes(b, s, colon)) return false;
      key = this.keyOf(b, s, colon);
    }
    if (key.command || key.slot === -2) return false;
    const slot = key.slot;
    // A value the flow does not use: plain characters only (a poster's note on it is the text path's to report). A
    // value it uses is checked as it is read, below: a flaw leaves the record to the text path.
    if (slot < 0 && !plainBytes(b, colon + 1, e)) return false;
    if (j < this.curKeys.length) this.curKeys[j] = key;
    else this.curKeys.push(key);
    this.lines++;
    // A key twice: the parser starts a new record there; left to it.
    if (key.id >= this.seenIn.length) this.seenIn = grow(this.seenIn, (n) => new Int32Array(Math.max(n, 2 * key.id)));
    if (this.seenIn[key.id] === this.recordNo) this.plain = false;
    this.seenIn[key.id] = this.recordNo;
    if (slot < 0 || !this.plain) return true;
    let vs = colon + 1;
    while (vs < e && b[vs] === 32) vs++;
    if (!this.value(b, vs, e, slot)) this.plain = false;
    this.has[slot] = 1;
    return true;
  }

  /**
   * The value of a field the flow uses, starting at vs (blanks after it allowed up to ve), as the parser reads it: a
   * count, a dotted quad or an interface name without blanks, kept for `commit`. False for one the text path must read.
   */
  private value(b: Uint8Array, vs: number, ve: number, slot: number): boolean {
    const kind = KIND[slot];
    if (kind === COUNT || kind === ADDRESS) {
      const n = kind === COUNT ? count(b, vs, ve) : ipv4Bytes(b, vs, ve);
      if (n < 0) return false;
      this.num[slot] = n;
      return true;
    }
    if (kind !== NAME) return false;
    // A name without blanks (the parser keeps the whole value; a name with a note after it is the text path's).
    const ne = nameEnd(b, vs, ve);
    if (ne < 0) return false;
    const i = slot === R.srcIf ? 0 : 1;
    this.ifS[i] = vs;
    this.ifE[i] = ne;
    this.ifBuf = b;
    return true;
  }

  /**
   * Row [s, e) of a `format table` cache under `layout`, as the record parser's tableCells and valuesOf read it (each
   * cell the words between the columns, found by position plus the drift wider cells before it caused), opened as a
   * record: true when it is a plain IPv4 flow (then `commit` keeps it). False for any row the text path must read:
   * characters of a note or a prompt, two words in a used column, a value not as the parser reads it, no source
   * address or packet count, or a first word that starts a line of another kind (the cache header, a selection or
   * timestamp line, "There are no cache entries").
   */
  tableRow(b: Uint8Array, s: number, e: number, layout: ByteLayout): boolean {
    this.fromFields = false;
    this.has.fill(0);
    this.plain = true;
    this.lines = 0;
    if (e - s > 1000) return false;
    const { starts, ends, slots } = layout;
    const n = starts.length;
    const words = this.words.length >= n ? this.words : (this.words = new Int32Array(n));
    words.fill(0, 0, n);
    let c = 0;
    let drift = 0;
    let first = true;
    for (let p = s; p < e; ) {
      if (b[p] === 32) {
        p++;
        continue;
      }
      const ws = p;
      // A word: printable characters only, none of a note's or a prompt's (plainBytes, inline).
      for (; p < e; p++) {
        const k = BYTE_CLASS[b[p]!]!;
        if (k === PLAIN || k === COMMA) continue;
        if (k === BLANK) break;
        if (k === REFUSED || moreAt(b, p, e)) return false;
      }
      if (first && otherLineStart(b, ws, p)) return false;
      first = false;
      while (c + 1 < n && ws >= s + starts[c + 1]! + drift) c++;
      if (p > s + ends[c]! + drift) drift = p - (s + ends[c]!);
      const slot = slots[c]!;
      if (slot < 0) continue;
      if (words[c]!++ > 0 || !this.value(b, ws, p, slot)) return false;
      this.has[slot] = 1;
    }
    this.lines = 1;
    return this.has[R.src4] === 1 && this.has[R.packets] === 1;
  }

  /**
   * Row [s, e) of a `format csv` cache under the columns' `slots`, as the record parser reads one (its fields split at
   * the commas, each trimmed, valuesOf), opened as a record: true when it is a plain IPv4 flow (then `commit` keeps
   * it). False for a row the text path must read: no comma, characters of a note or a prompt, a used field with a
   * blank inside or a value not as the parser reads it, no source address or packet count, or a first word that
   * starts a line of another kind.
   */
  csvRow(b: Uint8Array, s: number, e: number, slots: Int32Array): boolean {
    this.fromFields = false;
    this.has.fill(0);
    this.plain = true;
    this.lines = 0;
    if (e - s > 1000) return false;
    let fs = s;
    while (fs < e && b[fs] === 32) fs++;
    let we = fs;
    while (we < e && b[we] !== 32 && b[we] !== 44) we++;
    if (otherLineStart(b, fs, we)) return false;
    // One pass: each field up to its comma, its characters checked on the way (plainBytes, inline), then trimmed and
    // read (a line read three times, for its characters, for a comma, then field by field, took twice as long).
    let comma = false;
    for (let c = 0, p = s; ; c++) {
      let q = p;
      for (; q < e; q++) {
        const k = BYTE_CLASS[b[q]!]!;
        if (k <= BLANK) continue;
        if (k === COMMA) break;
        if (k === REFUSED || moreAt(b, q, e)) return false;
      }
      // Field c is [p, q), trimmed.
      let vs = p;
      let ve = q;
      while (vs < ve && b[vs] === 32) vs++;
      while (ve > vs && b[ve - 1] === 32) ve--;
      const slot = c < slots.length ? slots[c]! : -1;
      if (slot >= 0 && vs < ve) {
        if (!this.value(b, vs, ve, slot)) return false;
        this.has[slot] = 1;
      }
      if (q >= e) break;
      comma = true;
      p = q + 1;
    }
    if (!comma) return false;
    this.lines = 1;
    return this.has[R.src4] === 1 && this.has[R.packets] === 1;
  }

  /** Where the open row runRows left starts (-1: none open), ends, and its line number. */
  runPendS = -1;
  runPendE = 0;
  runPendLine = 0;

  /**
   * The rows of a `format table` (layout) or `format csv` (csv) cache from b[p] on, up to `end`, in one loop: what
   * tableRow or csvRow, commit and the line-by-line path (prescan.ts feed) make of them, without a call a line from
   * scanRows and the tracker's questions. The row before p (pendS, its line pendLine) has just been read and waits for
   * the next line, as there: a line with '=' (a rule, making that row a header) stops the loop with it still waiting;
   * a line that is no row the parser would take as a plain flow is left, after the row before it is kept. Rows are
   * kept with line numbers from `firstLine` (that of b[p]) and offsets from `offsetBase`. Returns how many lines it
   * read; runEnd is where it stopped, runPendS/runPendE/runPendLine the row still waiting (runPendS -1: none).
   */
  runRows(b: Uint8Array, p: number, end: number, layout: ByteLayout | undefined, csv: Int32Array | undefined, firstLine: number, offsetBase: number, pendS: number, pendLine: number): number {
    let lines = 0;
    let pendE = 0;
    const rowKernel = runsAreOn() ? rowRunKernel() : undefined;
    if (rowKernel !== undefined) {
      const stop = rowKernel(b, p, end, layout, csv, {
        keepWaiting: () => {
          this.commit(pendLine, offsetBase + pendS);
          pendS = -1;
        },
        take: (batch) => {
          this.takeRows(batch, firstLine + lines, offsetBase);
          lines += batch.count;
        },
        wait: (s, e) => {
          // Read again here, so that its values are the open row's, as if read by tableRow in the first place (from
          // where the screen shows it, as the kernel read it).
          const at = pagerTextStart(b, s, e);
          if (!(layout !== undefined ? this.tableRow(b, at, e, layout) : this.csvRow(b, at, e, csv!))) throw new Error('a row the kernel took is no row');
          pendS = s;
          pendE = e;
          pendLine = firstLine + lines;
          lines++;
        },
      });
      if (stop >= 0) {
        this.runEnd = stop;
        this.runPendS = pendS;
        this.runPendE = pendE;
        this.runPendLine = pendLine;
        return lines;
      }
    }
    if (runsAreOn()) {
      // The next '=' at or after p (-1: none before end), found once and kept until passed.
      let eq = -2;
      while (p < end) {
        const lf = b.indexOf(10, p);
        if (lf < 0 || lf >= end) break;
        // (A CR before the LF ends the line with it; a lone CR anywhere else makes no row: REFUSED.)
        const e = lf > p && b[lf - 1] === 13 ? lf - 1 : lf;
        if (eq !== -1 && eq < p) {
          eq = b.indexOf(61, p);
          if (eq >= end) eq = -1;
        }
        if (eq >= 0 && eq < e) break;
        if (pendS >= 0) {
          this.commit(pendLine, offsetBase + pendS);
          pendS = -1;
        }
        // (The row from where the screen shows it, after an erased pager mark, as the line-by-line path reads it.)
        const at = pagerTextStart(b, p, e);
        if (!(layout !== undefined ? this.tableRow(b, at, e, layout) : this.csvRow(b, at, e, csv!))) break;
        pendS = p;
        pendE = e;
        pendLine = firstLine + lines;
        lines++;
        p = lf + 1;
      }
    }
    this.runEnd = p;
    this.runPendS = pendS;
    this.runPendE = pendE;
    this.runPendLine = pendLine;
    return lines;
  }

  /** Words seen per column of the row being read (tableRow). */
  private words = new Int32Array(16);

  /**
   * Keeps the open record if the record parser would read it as a plain IPv4 flow, with its first line's number and
   * offset; false (nothing kept) when it is the text path's to read.
   */
  commit(line: number, offset: number): boolean {
    const has = this.has;
    if (!this.plain || this.lines === 0 || has[R.packets] !== 1 || has[R.src4] !== 1) return false;
    const k = this.count;
    if (k === this.src.length) this.grow();
    const v = this.num;
    this.src[k] = v[R.src4]!;
    this.dst[k] = has[R.dst4] === 1 ? v[R.dst4]! : 0;
    this.srcPort[k] = has[R.srcPort] === 1 ? v[R.srcPort]! : -1;
    this.dstPort[k] = has[R.dstPort] === 1 ? v[R.dstPort]! : -1;
    this.proto[k] = has[R.proto] === 1 ? v[R.proto]! : -1;
    this.packets[k] = v[R.packets]!;
    // As the parser: the bytes counter, else the layer-2 one.
    this.bytes[k] = has[R.bytes] === 1 ? v[R.bytes]! : has[R.bytesL2] === 1 ? v[R.bytesL2]! : NaN;
    this.srcIf[k] = has[R.srcIf] === 1 ? this.nameIndex(0) : -1;
    this.dstIf[k] = has[R.dstIf] === 1 ? this.nameIndex(1) : -1;
    this.line[k] = line;
    this.offsets[k] = offset;
    this.count = k + 1;
    if (this.fromFields && !this.running) this.keepTemplate();
    return true;
  }

  /** False once a table's or a csv's row is read (commit then keeps no record's keys). */
  private fromFields = false;
  /** True while runRecords commits (its records' keys are the template's already). */
  private running = false;
  /** The keys of the last record kept from its fields, in order, as runRecords reads records that repeat them. */
  private template: RunTemplate | undefined;

  /** The open record (just kept) as the template for runRecords, unless its keys are the template's already. */
  private keepTemplate(): void {
    const n = this.lines;
    const keys = this.curKeys;
    const t = this.template;
    if (t !== undefined && t.keys.length === n) {
      let j = 0;
      while (j < n && t.keys[j] === keys[j]) j++;
      if (j === n) return;
    }
    const kept = keys.slice(0, n);
    const starts = new Int32Array(n + 1);
    for (let j = 0; j < n; j++) starts[j + 1] = starts[j]! + kept[j]!.bytes.length;
    const bytes = new Uint8Array(starts[n]!);
    for (let j = 0; j < n; j++) bytes.set(kept[j]!.bytes, starts[j]!);
    this.template = {
      keys: kept,
      starts,
      bytes,
      slots: Int32Array.from(kept, (k) => k.slot),
      kinds: Uint8Array.from(kept, (k) => (k.slot < 0 ? 0 : KIND[k.slot]!)),
      has: Uint8Array.from(this.has),
    };
  }

  /** A kernel's batch of records that repeat template t's keys: kept as commit keeps each (line numbers from firstLine). */
  private takeBatch(x: RecordBatch, t: RunTemplate, firstLine: number, offsetBase: number): void {
    const k = x.count;
    const o = this.count;
    if (o + k > this.src.length) this.reserve(Math.max(o + k, 2 * this.src.length));
    const has = t.has;
    const col = (slot: number) => x.values.subarray(slot * x.stride, slot * x.stride + k);
    const put = (to: Uint32Array | Int32Array | Float64Array, slot: number, none: number) => {
      if (has[slot] === 1) to.set(col(slot), o);
      else to.fill(none, o, o + k);
    };
    put(this.src, R.src4, 0);
    put(this.dst, R.dst4, 0);
    put(this.srcPort, R.srcPort, -1);
    put(this.dstPort, R.dstPort, -1);
    put(this.proto, R.proto, -1);
    put(this.packets, R.packets, 0);
    if (has[R.bytes] === 1) put(this.bytes, R.bytes, NaN);
    else put(this.bytes, R.bytesL2, NaN);
    const names = x.names;
    const n = t.slots.length + 1;
    const inIf = has[R.srcIf] === 1;
    const outIf = has[R.dstIf] === 1;
    for (let r = 0; r < k; r++) {
      this.srcIf[o + r] = inIf ? this.nameIndexOf(x.bytes, names[4 * r]!, names[4 * r + 1]!, 0) : -1;
      this.dstIf[o + r] = outIf ? this.nameIndexOf(x.bytes, names[4 * r + 2]!, names[4 * r + 3]!, 1) : -1;
      this.line[o + r] = firstLine + r * n;
      this.offsets[o + r] = offsetBase + x.base + x.starts[r]!;
    }
    this.count = o + k;
  }

  /** A kernel's batch of table rows, kept as commit keeps each (line numbers from firstLine, one a row). */
  private takeRows(x: RowBatch, firstLine: number, offsetBase: number): void {
    const k = x.count;
    const o = this.count;
    if (o + k > this.src.length) this.reserve(Math.max(o + k, 2 * this.src.length));
    const col = (slot: number) => x.values.subarray(slot * x.stride, slot * x.stride + k);
    this.src.set(col(R.src4), o);
    this.dst.set(col(R.dst4), o);
    this.srcPort.set(col(R.srcPort), o);
    this.dstPort.set(col(R.dstPort), o);
    this.proto.set(col(R.proto), o);
    this.packets.set(col(R.packets), o);
    this.bytes.set(col(R.bytes), o);
    const names = x.names;
    for (let r = 0; r < k; r++) {
      const a = names[4 * r]!;
      const c = names[4 * r + 2]!;
      this.srcIf[o + r] = a < 0 ? -1 : this.nameIndexOf(x.bytes, a, names[4 * r + 1]!, 0);
      this.dstIf[o + r] = c < 0 ? -1 : this.nameIndexOf(x.bytes, c, names[4 * r + 3]!, 1);
      this.line[o + r] = firstLine + r;
      this.offsets[o + r] = offsetBase + x.base + x.starts[r]!;
    }
    this.count = o + k;
  }

  /** Where the last runRecords stopped (the start of the line it did not read). */
  runEnd = 0;

  /**
   * Whole records from b[p] on (p: the start of a line after an empty one, in a record-format cache), up to `end`, read
   * in one loop where each repeats the keys of the last record kept (the template) in the same order and spelling,
   * one line a key, then an empty line (LF or CR LF line ends): what the record parser reads (and field, value and commit would take) as a
   * plain IPv4 flow. It stops at the first record that is not so, or is cut by `end`, with nothing of it taken, so
   * the line-by-line path reads it as before: any line that is not exactly such a field, once an erased pager mark
   * before it is passed over (pagerLeadEnd) (a prompt, a pager mark left otherwise, a blank line's pager mark, a note, a CR, a key twice, another key order, a blank in a name, a value the parser reads otherwise), any record
   * with more or fewer lines. Records are kept with line numbers from `firstLine` (that of b[p]) and offsets from
   * `offsetBase`. Returns how many lines it read (each record's lines and the empty line after it); runEnd says where
   * it stopped. (A cache of 160,000 records read line by line spent 8.7 ns a byte in the loop, the tracker's questions
   * and field's per line.)
   */
  runRecords(b: Uint8Array, p: number, end: number, firstLine: number, offsetBase: number): number {
    this.runEnd = p;
    const t = this.template;
    if (t === undefined || !runsAreOn()) return 0;
    const { starts, bytes: keyBytes, slots } = t;
    const n = slots.length;
    const recordKernel = recordRunKernel();
    if (recordKernel !== undefined) {
      let taken = 0;
      let atBlank = false;
      const stop = recordKernel(
        b,
        p,
        end,
        t,
        (batch) => {
          this.takeBatch(batch, t, firstLine + taken * (n + 1), offsetBase);
          taken += batch.count;
        },
        () => (atBlank = true),
      );
      if (stop >= 0) {
        this.runEnd = stop;
        if (taken > 0) this.afterRun(t);
        return taken * (n + 1) - (atBlank ? 1 : 0);
      }
    }
    const num = this.num;
    let lines = 0;
    const linesBefore = this.lines;
    this.running = true;
    this.has.set(t.has);
    this.plain = true;
    this.lines = n;
    this.ifBuf = b;
    try {
      records: while (p < end) {
        const rs = p;
        for (let j = 0; j < n; j++) {
          // A line after an erased pager mark (a capture without `terminal length 0`: a line in 23) is read from where
          // the screen shows it, as the line-by-line path reads it; the record's offset stays its first line's.
          const c0 = b[p];
          if (c0 === 32 || c0 === 45 || c0 === 60) {
            p = pagerLeadEnd(b, p, end);
            if (p < 0) break records;
          }
          const ls = p;
          // The key, byte for byte, then its colon.
          const ks = starts[j]!;
          const kl = starts[j + 1]! - ks;
          if (p + kl >= end) break records;
          for (let q = 0; q < kl; q++) if (b[p + q] !== keyBytes[ks + q]) break records;
          p += kl;
          if (b[p] !== 58) break records;
          p++;
          const slot = slots[j]!;
          if (slot < 0) {
            // A value not used: plain characters to the line end (plainBytes).
            for (; ; p++) {
              if (p >= end) break records;
              const c = b[p]!;
              if (c === 10 || c === 13) break;
              const k = BYTE_CLASS[c]!;
              if (k === REFUSED || (k === CAPITAL_M && b[p + 1] === 111 && b[p + 2] === 114 && b[p + 3] === 101)) break records;
            }
          } else {
            while (p < end && b[p] === 32) p++;
            const vs = p;
            const kind = KIND[slot];
            if (kind === COUNT) {
              let v = 0;
              for (; p < end; p++) {
                const c = b[p]! - 48;
                if (c < 0 || c > 9) break;
                v = v * 10 + c;
              }
              if (p === vs || p - vs > 15) break records;
              num[slot] = v;
            } else if (kind === ADDRESS) {
              let v = 0;
              let octet = -1;
              let dots = 0;
              for (; p < end; p++) {
                const c = b[p]!;
                if (c >= 48 && c <= 57) {
                  octet = octet < 0 ? c - 48 : octet * 10 + c - 48;
                  if (octet > 255) break records;
                } else if (c === 46 && octet >= 0 && dots < 3) {
                  v = v * 256 + octet;
                  octet = -1;
                  dots++;
                } else break;
              }
              if (dots !== 3 || octet < 0) break records;
              num[slot] = v * 256 + octet;
            } else if (kind === NAME) {
              for (; p < end; p++) {
                const c = b[p]!;
                if (c === 32 || c === 10 || c === 13) break;
                const k = BYTE_CLASS[c]!;
                if (k === REFUSED || (k === CAPITAL_M && b[p + 1] === 111 && b[p + 2] === 114 && b[p + 3] === 101)) break records;
              }
              if (p === vs) break records;
              const i = slot === R.srcIf ? 0 : 1;
              this.ifS[i] = vs;
              this.ifE[i] = p;
            } else break records;
            // Then blanks only, to the line end.
            while (p < end && b[p] === 32) p++;
          }
          // The line's end: LF or CR LF (a lone CR ends a line for the text path: left to it).
          const eol = p < end && b[p] === 10 ? 1 : p + 1 < end && b[p] === 13 && b[p + 1] === 10 ? 2 : 0;
          if (eol === 0) break records;
          // A line the parser reads as a field: at most 300 characters.
          if (p - ls > 300) break records;
          p += eol;
        }
        // The empty line after the record.
        const eol = p < end && b[p] === 10 ? 1 : p + 1 < end && b[p] === 13 && b[p + 1] === 10 ? 2 : 0;
        if (eol === 0) {
          // A line of blanks or a pager mark erased before a blank line ends the record too (one line in 23 of a paged
          // capture is such a mark): the record is taken, and that line left to the line-by-line path (it keeps it).
          if (blankLineAt(b, p, end)) {
            this.commit(firstLine + lines, offsetBase + rs);
            lines += n;
            this.runEnd = p;
          }
          break;
        }
        p += eol;
        this.commit(firstLine + lines, offsetBase + rs);
        lines += n + 1;
        this.runEnd = p;
      }
    } finally {
      this.running = false;
    }
    if (lines > 0) this.afterRun(t);
    else this.lines = linesBefore;
    return lines;
  }

  /** After records read in a run, as if read line by line: the last one's keys are the open record's (begin swaps them in). */
  private afterRun(t: RunTemplate): void {
    this.curKeys = t.keys.slice();
    this.lines = t.slots.length;
  }

  /**
   * The records as a table, which becomes their only holder: this reader keeps no reference to the columns (so a
   * diagnosis that lets their values go frees them: tookFnfRecords). Called once, when the reading is done.
   */
  finish(): FnfRecordTable {
    const n = this.count;
    const table: FnfRecordTable = {
      count: n,
      src: this.src.subarray(0, n),
      dst: this.dst.subarray(0, n),
      srcPort: this.srcPort.subarray(0, n),
      dstPort: this.dstPort.subarray(0, n),
      proto: this.proto.subarray(0, n),
      packets: this.packets.subarray(0, n),
      bytes: this.bytes.subarray(0, n),
      srcIf: this.srcIf.subarray(0, n),
      dstIf: this.dstIf.subarray(0, n),
      ifNames: this.ifNames,
      line: this.line.subarray(0, n),
      offsets: this.offsets.subarray(0, n),
      ...(this.shared ? { sharedAt: this.sharedFrom } : {}),
    };
    this.count = 0;
    this.shared = undefined;
    for (const k of ['src', 'dst', 'line', 'offsets'] as const) this[k] = new Uint32Array(1024);
    for (const k of ['srcPort', 'dstPort', 'proto', 'srcIf', 'dstIf'] as const) this[k] = new Int32Array(1024);
    for (const k of ['packets', 'bytes'] as const) this[k] = new Float64Array(1024);
    return table;
  }

  /**
   * Records read apart (a later segment of the same cache, by another scanner) after these: their lines move up by
   * `lineBase`, their interface names are renumbered into this table's.
   */
  append(t: FnfRecordTable, lineBase: number): void {
    const o = this.count;
    const n = t.count;
    const remap = Int32Array.from(t.ifNames, (name) => this.indexOfName(name));
    const b = this.shared;
    // A part read into a later region of the buffers this table views from record 0 (another thread's copy of them: a
    // shared buffer is a new object on each thread it is posted to), moved down behind these records.
    const at = t.sharedAt ?? -1;
    if (b !== undefined && this.sharedFrom === 0 && at >= o && t.src.buffer.byteLength === b.src.byteLength) {
      this.joinInPlace(at, n, remap, lineBase);
      return;
    }
    if (o + n > this.src.length) this.reserve(Math.max(o + n, 2 * this.src.length));
    this.src.set(t.src, o);
    this.dst.set(t.dst, o);
    this.srcPort.set(t.srcPort, o);
    this.dstPort.set(t.dstPort, o);
    this.proto.set(t.proto, o);
    this.packets.set(t.packets, o);
    this.bytes.set(t.bytes, o);
    this.offsets.set(t.offsets, o);
    for (let k = 0; k < n; k++) {
      const a = t.srcIf[k]!;
      const b = t.dstIf[k]!;
      this.srcIf[o + k] = a < 0 ? a : remap[a]!;
      this.dstIf[o + k] = b < 0 ? b : remap[b]!;
      this.line[o + k] = t.line[k]! + lineBase;
    }
    this.count = o + n;
  }

  /** The index of interface `name` in ifNames, learnt (with its bytes) if new. */
  private indexOfName(name: string): number {
    let i = this.ifIndex.get(name);
    if (i !== undefined) return i;
    const bytes = Uint8Array.from(name, (c) => c.charCodeAt(0) & 255);
    const h = hashBytes(bytes, 0, bytes.length);
    i = this.ifNames.length;
    this.ifNames.push(name);
    this.ifIndex.set(name, i);
    this.nameBytes.push(bytes);
    const list = this.namesByHash.get(h);
    if (list) list.push(i);
    else this.namesByHash.set(h, [i]);
    return i;
  }

  /**
   * Room for `n` records in all, in one step (a reader that knows roughly how many will come: doubling a 1,200,000-row
   * cache's columns as they fill copied them again and again, into memory touched for the first time each time).
   */
  reserve(n: number): void {
    if (n > this.src.length) this.moveTo(n);
  }

  /** The shared buffers these columns view (share), from record `sharedFrom`; undefined once they are arrays of this table's own. */
  private shared: FnfBuffers | undefined;
  private sharedFrom = 0;

  /**
   * From now on, keep records in region [from, end) of shared buffers: the records so far are copied there (room for
   * them is the caller's to give). Past the region's end, the columns become arrays of this table's own (reserve).
   */
  share(b: FnfBuffers, from: number, end: number): void {
    let n = this.count;
    if (n > end - from) throw new RangeError(`${n} records do not fit a region of ${end - from}`);
    // Columns that view these buffers from `from` already hold their records there: only the views change.
    if (b.src === this.src.buffer && this.src.byteOffset === from * 4) n = 0;
    this.src = copied(new Uint32Array(b.src, from * 4, end - from), this.src, n);
    this.dst = copied(new Uint32Array(b.dst, from * 4, end - from), this.dst, n);
    this.srcPort = copied(new Int32Array(b.srcPort, from * 4, end - from), this.srcPort, n);
    this.dstPort = copied(new Int32Array(b.dstPort, from * 4, end - from), this.dstPort, n);
    this.proto = copied(new Int32Array(b.proto, from * 4, end - from), this.proto, n);
    this.packets = copied(new Float64Array(b.packets, from * 8, end - from), this.packets, n);
    this.bytes = copied(new Float64Array(b.bytes, from * 8, end - from), this.bytes, n);
    this.srcIf = copied(new Int32Array(b.srcIf, from * 4, end - from), this.srcIf, n);
    this.dstIf = copied(new Int32Array(b.dstIf, from * 4, end - from), this.dstIf, n);
    this.line = copied(new Uint32Array(b.line, from * 4, end - from), this.line, n);
    this.offsets = copied(new Uint32Array(b.offsets, from * 4, end - from), this.offsets, n);
    this.shared = b;
    this.sharedFrom = from;
  }

  /**
   * Columns that view shared buffers from record 0 now view them up to record `end` (where another thread's region
   * starts): the records stay where they are. Nothing for columns of this table's own.
   */
  shareUpTo(end: number): void {
    const b = this.shared;
    if (b !== undefined && this.sharedFrom === 0 && end > this.src.length) this.share(b, 0, Math.min(end, b.cap));
  }

  /** Keep records in arrays of this table's own from now on (another thread may still write the shared regions). */
  detach(): void {
    if (this.shared !== undefined) this.moveTo(Math.max(1024, this.src.length));
  }

  /**
   * Join a part that lies at records [at, at + n) of the buffers these columns view from record 0 (at >= count): moved
   * down behind these records (memory already written, no new), its lines moved up by `lineBase`, its interface
   * indexes renumbered by `remap`.
   */
  private joinInPlace(at: number, n: number, remap: Int32Array, lineBase: number): void {
    const o = this.count;
    this.shareUpTo(at + n);
    const end = o + n;
    if (at > o) {
      this.src.copyWithin(o, at, at + n);
      this.dst.copyWithin(o, at, at + n);
      this.srcPort.copyWithin(o, at, at + n);
      this.dstPort.copyWithin(o, at, at + n);
      this.proto.copyWithin(o, at, at + n);
      this.packets.copyWithin(o, at, at + n);
      this.bytes.copyWithin(o, at, at + n);
      this.srcIf.copyWithin(o, at, at + n);
      this.dstIf.copyWithin(o, at, at + n);
      this.line.copyWithin(o, at, at + n);
      this.offsets.copyWithin(o, at, at + n);
    }
    const srcIf = this.srcIf;
    const dstIf = this.dstIf;
    const line = this.line;
    for (let k = o; k < end; k++) {
      const a = srcIf[k]!;
      const c = dstIf[k]!;
      srcIf[k] = a < 0 ? a : remap[a]!;
      dstIf[k] = c < 0 ? c : remap[c]!;
      line[k] = line[k]! + lineBase;
    }
    this.count = end;
  }

  /** Columns of this table's own, with room for `n` records, holding the records so far. */
  private moveTo(n: number): void {
    this.shared = undefined;
    const to = <T extends Uint32Array | Int32Array | Float64Array>(a: T, make: (k: number) => T): T => {
      const g = make(n);
      g.set(a.subarray(0, this.count));
      return g;
    };
    const u32 = (k: number) => new Uint32Array(k);
    const i32 = (k: number) => new Int32Array(k);
    const f64 = (k: number) => new Float64Array(k);
    this.src = to(this.src, u32);
    this.dst = to(this.dst, u32);
    this.srcPort = to(this.srcPort, i32);
    this.dstPort = to(this.dstPort, i32);
    this.proto = to(this.proto, i32);
    this.packets = to(this.packets, f64);
    this.bytes = to(this.bytes, f64);
    this.srcIf = to(this.srcIf, i32);
    this.dstIf = to(this.dstIf, i32);
    this.line = to(this.line, u32);
    this.offsets = to(this.offsets, u32);
  }

  private grow(): void {
    // (A shared region may have no room at all.)
    this.reserve(Math.max(1024, this.src.length * 2));
  }

  /** The open record's interface name j (0 input, 1 output) as an index in ifNames. */
  private nameIndex(j: number): number {
    return this.nameIndexOf(this.ifBuf!, this.ifS[j]!, this.ifE[j]!, j);
  }

  /** Interface name b[s, e), at place j (0 input, 1 output), as an index in ifNames (learnt if new). */
  private nameIndexOf(b: Uint8Array, s: number, e: number, j: number): number {
    // Names are few: the last one at this place, each of the first few in turn, else found by a hash of the bytes (no
    // string a record).
    const known = this.nameBytes;
    const last = this.lastName[j]!;
    if (last >= 0 && sameBytes(known[last]!, b, s, e)) return last;
    for (let k = 0; k < known.length && k < 16; k++) {
      if (sameBytes(known[k]!, b, s, e)) {
        this.lastName[j] = k;
        return k;
      }
    }
    const h = hashBytes(b, s, e);
    let i = -1;
    for (const k of this.namesByHash.get(h) ?? []) if (sameBytes(this.nameBytes[k]!, b, s, e)) i = k;
    if (i < 0) {
      let name = '';
      for (let p = s; p < e; p++) name += String.fromCharCode(b[p]!);
      i = this.indexOfName(name);
    }
    return i;
  }

  /** The key made of bytes [s, e): found by a hash of its bytes, or learnt (fieldKey on its text) the first time. */
  private keyOf(b: Uint8Array, s: number, e: number): KeySlot {
    const h = hashBytes(b, s, e);
    const list = this.keys.get(h);
    if (list) {
      for (const k of list) {
        if (k.bytes.length !== e - s) continue;
        let q = 0;
        while (q < k.bytes.length && k.bytes[q] === b[s + q]) q++;
        if (q === k.bytes.length) return k;
      }
    }
    let raw = '';
    for (let p = s; p < e; p++) raw += String.fromCharCode(b[p]!);
    const f = fieldKey(raw);
    const role: Role | undefined = f.role;
    // Keys that differ only in case or blanks are one key to the parser: one id for them.
    let id = this.idOfNorm.get(f.norm);
    if (id === undefined) this.idOfNorm.set(f.norm, (id = this.idOfNorm.size));
    // (A key without a blank in its first word ends that word at its colon, which no command word has.)
    const k: KeySlot = { bytes: copyOf(b, s, e), command: startsCommand(b, s, e), slot: !f.field ? -2 : role ? R[role] : -1, id };
    if (list) list.push(k);
    else this.keys.set(h, [k]);
    return k;
  }
}
