// Growable typed flow columns (optionally views of shared buffers) that the `show ip cache flow` byte reader fills.
import type { FlowTable } from '../flow-table';

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

/** The serial number of the last FlowColumns made. */
let lastSerial = 0;

/** Growable typed columns plus the byte offset of each row (kept so evidence lines can be quoted later). */
export class FlowColumns {
  /**
   * This set's own number among all made in this process: a cache keyed on a set of columns keeps the number, not the
   * columns (a reference kept the last capture's tables alive after their analysis, 50 MB for a 79 MB capture).
   */
  readonly serial = ++lastSerial;
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
  /** The columns are views of buffers given to the constructor (until they grow). */
  private viewsShared: boolean;
  /** Direct-mapped cache: (hash & 255) -> index + 1, with the name's bytes to compare (rows that switch
   * interfaces every line would otherwise pay a Map lookup and a string compare per field). */
  private ifSlot = new Int32Array(256);
  private ifSlotBytes: Uint8Array[] = new Array<Uint8Array>(256);

  /**
   * `initial` rows of room. With `shared`, the columns are views of rows [from, from + initial) of those buffers
   * (two threads fill two regions of one allocation); growing past `initial` moves to private arrays.
   */
  constructor(initial = 1024, shared?: ColumnBuffers, from = 0) {
    // (A whole number: a fractional room made arrays of its floor, and reserve(), waiting for n to reach it, never
    // grew them: rows past the end were dropped without a word.)
    this.cap = Math.max(16, Math.ceil(initial));
    this.viewsShared = shared !== undefined;
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

  /** Move the rows into private arrays of the same capacity: later rows can no longer land in shared buffers. */
  detach(): void {
    if (this.viewsShared) this.reserveCapacity(this.cap, true);
  }

  reserveCapacity(c: number, copy = false): void {
    if (c <= this.cap && !copy) return;
    const g = <T extends GrowableColumn>(a: T): T => grownTo(a, c);
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
    this.viewsShared = false;
  }

  /**
   * A batch of rows a kernel read (ColumnBatch) appended: row r's line number firstLine + r * lineStep, its offset
   * offsetBase plus its start; interfaces none where the batch has no column of them.
   */
  appendBatch(x: ColumnBatch, firstLine: number, lineStep: number, offsetBase: number): void {
    const k = x.count;
    const o = this.n;
    if (o + k > this.cap) this.reserveCapacity(Math.max(o + k, 2 * this.cap));
    const part = <T extends Int32Array | Uint32Array | Float64Array>(a: T): T => a.subarray(0, k) as T;
    if (x.srcIf) this.srcIf.set(part(x.srcIf), o);
    else this.srcIf.fill(0, o, o + k);
    if (x.dstIf) this.dstIf.set(part(x.dstIf), o);
    else this.dstIf.fill(0, o, o + k);
    this.src.set(part(x.src), o);
    this.dst.set(part(x.dst), o);
    this.proto.set(part(x.proto), o);
    this.srcPort.set(part(x.srcPort), o);
    this.dstPort.set(part(x.dstPort), o);
    this.packets.set(part(x.packets), o);
    this.bytes.set(part(x.bytes), o);
    for (let r = 0; r < k; r++) {
      this.line[o + r] = firstLine + r * lineStep;
      this.offset[o + r] = offsetBase + x.base + x.starts[r]!;
    }
    this.n = o + k;
  }

  /**
   * Another reader's rows appended (a later segment's part: its table and offsets): line numbers move up by
   * `lineBase`, interfaces are renumbered by name, the bytes column copied only with `withBytes` (cache-flow rows
   * have none: left untouched, it costs no memory). Room grows by doubling, as rows reserved one by one do: growing to
   * the exact size copied every row before it again at each part (quadratic in the parts).
   */
  appendTable(t: FlowTable, offsets: Uint32Array, lineBase: number, withBytes: boolean): void {
    const n = t.count;
    const o = this.n;
    if (o + n > this.cap) this.reserveCapacity(Math.max(o + n, 2 * this.cap));
    const remap = t.ifNames.map((name) => this.ifIndexOfName(name));
    for (let k = 0; k < n; k++) {
      this.srcIf[o + k] = remap[t.srcIf[k]!]!;
      this.dstIf[o + k] = remap[t.dstIf[k]!]!;
      this.line[o + k] = t.line[k]! + lineBase;
    }
    this.src.set(t.src.subarray(0, n), o);
    this.dst.set(t.dst.subarray(0, n), o);
    this.proto.set(t.proto.subarray(0, n), o);
    this.srcPort.set(t.srcPort.subarray(0, n), o);
    this.dstPort.set(t.dstPort.subarray(0, n), o);
    this.packets.set(t.packets.subarray(0, n), o);
    if (withBytes) this.bytes.set(t.bytes.subarray(0, n), o);
    this.offset.set(offsets.subarray(0, n), o);
    this.n = o + n;
  }

  /** Index of an interface name given as bytes [s, e); names are few, so a hash of the bytes finds them. */
  ifIndex(buf: Uint8Array, s: number, e: number, hash: number): number {
    const slot = hash & 255;
    const cached = this.ifSlot[slot]! - 1;
    if (cached >= 0) {
      const b = this.ifSlotBytes[slot]!;
      if (b.length === e - s) {
        let k = 0;
        while (k < b.length && b[k] === buf[s + k]) k++;
        if (k === b.length) return cached;
      }
    }
    const i = this.ifIndexSlow(buf, s, e, hash);
    this.ifSlot[slot] = i + 1;
    // A copy: a Node Buffer's slice is a view, and the read buffer is refilled chunk after chunk.
    this.ifSlotBytes[slot] = Uint8Array.prototype.slice.call(buf, s, e);
    return i;
  }

  private ifIndexSlow(buf: Uint8Array, s: number, e: number, hash: number): number {
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
    const i = this.ifIndexOfName(name);
    if (known === undefined) this.ifByHash.set(hash, i);
    return i;
  }

  /**
   * Each name's index, for the names past the hash slots: a search of the list per new name made a capture of 70,000
   * distinct names take 11 s (and one past the 65,536 the columns hold searched the whole list at every row).
   * Names appended to `ifNames` by others are indexed as they are met; setInterfaceNames replaces the list and this.
   */
  private readonly ifIndexByName = new Map<string, number>();
  private ifIndexed = 0;

  /** How many times setInterfaceNames replaced the names (a cache of indexes outside, a kernel's, starts again). */
  namesReplaced = 0;

  /** The interface names, replaced (a part merged into these columns names its interfaces in its own order). */
  setInterfaceNames(names: readonly string[]): void {
    this.namesReplaced++;
    this.ifNames.splice(0, this.ifNames.length, ...names);
    this.ifIndexByName.clear();
    this.ifIndexed = 0;
    this.ifSlot.fill(0);
    this.ifByHash.clear();
  }

  /** Index of an interface name given as a string (merging parts read apart). */
  ifIndexOfName(name: string): number {
    const names = this.ifNames;
    for (; this.ifIndexed < names.length; this.ifIndexed++) {
      const n = names[this.ifIndexed]!;
      if (!this.ifIndexByName.has(n)) this.ifIndexByName.set(n, this.ifIndexed);
    }
    let i = this.ifIndexByName.get(name);
    if (i === undefined) {
      i = names.length;
      // The columns hold 65,536 names (16-bit indexes): rows naming one past them read as naming none.
      if (i > 65535) return 0;
      names.push(name);
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

/** The typed arrays columns are kept in. */
/**
 * Rows as a kernel (the CLI's WebAssembly loops: verbose-runs-wasm, mls-runs-wasm, nx-runs-wasm) hands them over:
 * `count` rows, each column's value of row r at [r] (interfaces as indexes of the columns' names already), row r
 * starting at starts[r] of the kernel's bytes, which are the input's from `base` on.
 */
export interface ColumnBatch {
  count: number;
  base: number;
  starts: Int32Array;
  srcIf?: Int32Array;
  dstIf?: Int32Array;
  src: Uint32Array;
  dst: Uint32Array;
  proto: Int32Array;
  srcPort: Int32Array;
  dstPort: Int32Array;
  packets: Float64Array;
  bytes: Float64Array;
}

export type GrowableColumn = Uint8Array | Uint16Array | Uint32Array | Int16Array | Int32Array | Float64Array;

/** A copy of column `a` with room for `cap` entries (its values first, zeros after). */
export function grownTo<T extends GrowableColumn>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}
