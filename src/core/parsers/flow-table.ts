// Columnar flow records shared by every flow source (cache flow, accounting, MLS): compact for 1M-row pastes.

export const UNKNOWN = -1;

export interface FlowTable {
  count: number;
  /** Interface names; index 0 is "" (unknown). srcIf/dstIf hold indexes into it. */
  ifNames: string[];
  srcIf: Uint16Array;
  dstIf: Uint16Array;
  /** IPv4 addresses as unsigned 32-bit integers. */
  src: Uint32Array;
  dst: Uint32Array;
  /** IP protocol number, or -1 when the source does not say (accounting). */
  proto: Int16Array;
  /** Ports, or -1 when unknown. */
  srcPort: Int32Array;
  dstPort: Int32Array;
  packets: Float64Array;
  /**
   * Bytes; 0 or NaN when the source does not say (cache flow rows read as bytes leave 0, untouched: their column then
   * costs no memory until a row has bytes). Readers take anything but a positive count as unknown.
   */
  bytes: Float64Array;
  /** 1-based line number of each record in its paste. */
  line: Uint32Array;
}

export interface FlowRow {
  srcIf?: string;
  dstIf?: string;
  src: number;
  dst: number;
  proto?: number;
  srcPort?: number;
  dstPort?: number;
  packets: number;
  bytes?: number;
  line: number;
}

/**
 * Flows as columns of values (FnfRecords' tables: core/big-paste/fnf-records.ts), for addColumns and adoptColumns:
 * interfaces as indexes in the columns' own names (-1: none), a port or protocol -1 where absent, bytes NaN.
 */
export interface ValueColumns {
  srcIf: Int32Array;
  dstIf: Int32Array;
  src: Uint32Array;
  dst: Uint32Array;
  proto: Int32Array;
  srcPort: Int32Array;
  dstPort: Int32Array;
  packets: Float64Array;
  bytes: Float64Array;
  line: Uint32Array;
}

/** Grows typed arrays by doubling; `finish()` trims them to size. */
export class FlowTableBuilder {
  /** Rows the columns hold room for: none until the first row (adoptColumns may then take columns as they are). */
  private cap = 0;
  private n = 0;
  private ifIndex = new Map<string, number>([['', 0]]);
  private t: FlowTable;
  /** The room taken first. */
  private readonly initial: number;

  constructor(initial = 256) {
    this.initial = Math.max(16, initial);
    this.t = FlowTableBuilder.alloc(0, ['']);
  }

  /** No row yet. */
  get empty(): boolean {
    return this.n === 0;
  }

  private static alloc(cap: number, ifNames: string[]): FlowTable {
    return {
      count: 0,
      ifNames,
      srcIf: new Uint16Array(cap),
      dstIf: new Uint16Array(cap),
      src: new Uint32Array(cap),
      dst: new Uint32Array(cap),
      proto: new Int16Array(cap),
      srcPort: new Int32Array(cap),
      dstPort: new Int32Array(cap),
      packets: new Float64Array(cap),
      bytes: new Float64Array(cap),
      line: new Uint32Array(cap),
    };
  }

  private grow(): void {
    const old = this.t;
    this.cap = this.cap === 0 ? this.initial : this.cap * 2;
    const t = FlowTableBuilder.alloc(this.cap, old.ifNames);
    t.srcIf.set(old.srcIf);
    t.dstIf.set(old.dstIf);
    t.src.set(old.src);
    t.dst.set(old.dst);
    t.proto.set(old.proto);
    t.srcPort.set(old.srcPort);
    t.dstPort.set(old.dstPort);
    t.packets.set(old.packets);
    t.bytes.set(old.bytes);
    t.line.set(old.line);
    this.t = t;
  }

  interfaceIndex(name: string | undefined): number {
    if (!name) return 0;
    let i = this.ifIndex.get(name);
    if (i === undefined) {
      i = this.t.ifNames.length;
      if (i > 65535) return 0;
      this.t.ifNames.push(name);
      this.ifIndex.set(name, i);
    }
    return i;
  }

  add(r: FlowRow): void {
    if (this.n === this.cap) this.grow();
    const t = this.t;
    const i = this.n++;
    t.srcIf[i] = this.interfaceIndex(r.srcIf);
    t.dstIf[i] = this.interfaceIndex(r.dstIf);
    t.src[i] = r.src;
    t.dst[i] = r.dst;
    t.proto[i] = r.proto ?? UNKNOWN;
    t.srcPort[i] = r.srcPort ?? UNKNOWN;
    t.dstPort[i] = r.dstPort ?? UNKNOWN;
    t.packets[i] = r.packets;
    t.bytes[i] = r.bytes ?? NaN;
    t.line[i] = r.line;
  }

  /**
   * A row given by its values, not as an object (a big cache's records read from bytes: 1,200,000 objects made only
   * to be taken apart here). Interfaces are this builder's indexes (interfaceIndex); -1 (UNKNOWN) for a port or
   * protocol the row lacks, NaN for bytes it does not count.
   */
  addValues(srcIf: number, dstIf: number, src: number, dst: number, proto: number, srcPort: number, dstPort: number, packets: number, bytes: number, line: number): void {
    if (this.n === this.cap) this.grow();
    const t = this.t;
    const i = this.n++;
    t.srcIf[i] = srcIf;
    t.dstIf[i] = dstIf;
    t.src[i] = src;
    t.dst[i] = dst;
    t.proto[i] = proto;
    t.srcPort[i] = srcPort;
    t.dstPort[i] = dstPort;
    t.packets[i] = packets;
    t.bytes[i] = bytes;
    t.line[i] = line;
  }

  /**
   * Rows [from, to) of columns given as values (addValues for each, at once): typed-array copies, converted as a store
   * of each value converts it; interfaces by `ifMap` of each row's index in the columns' own names, or by `learn` where
   * ifMap holds -1 (a name met for the first time: learn's caller keeps it in ifMap, the loop then needs no call a row).
   */
  addColumns(c: ValueColumns, from: number, to: number, ifMap: Int32Array, learn: (i: number) => number): void {
    const k = to - from;
    while (this.n + k > this.cap) this.grow();
    const t = this.t;
    const o = this.n;
    t.src.set(c.src.subarray(from, to), o);
    t.dst.set(c.dst.subarray(from, to), o);
    t.proto.set(c.proto.subarray(from, to), o);
    t.srcPort.set(c.srcPort.subarray(from, to), o);
    t.dstPort.set(c.dstPort.subarray(from, to), o);
    t.packets.set(c.packets.subarray(from, to), o);
    t.bytes.set(c.bytes.subarray(from, to), o);
    t.line.set(c.line.subarray(from, to), o);
    // Interface index i of `c` is ifMap[i] here, or learn(i) the first time (-1 in ifMap); none (i < 0) is 0.
    this.interfacesOf(c.srcIf, c.dstIf, from, k, o, ifMap, learn);
    this.n = o + k;
  }

  /**
   * Columns' rows [from, to) as this table's rows, while it has none: the columns of the types a flow table keeps
   * (addresses, ports, counts, lines) taken as they are (views, no copy: a 1,200,000-flow cache's 36 MB written once,
   * not twice), the protocol and interfaces converted as addColumns converts them. The columns must not change after.
   */
  adoptColumns(c: ValueColumns, from: number, to: number, ifMap: Int32Array, learn: (i: number) => number): void {
    if (this.n !== 0) throw new Error('adoptColumns: the table has rows already');
    const k = to - from;
    const proto = new Int16Array(k);
    proto.set(c.proto.subarray(from, to));
    this.t = {
      count: 0,
      ifNames: this.t.ifNames,
      srcIf: new Uint16Array(k),
      dstIf: new Uint16Array(k),
      src: c.src.subarray(from, to),
      dst: c.dst.subarray(from, to),
      proto,
      srcPort: c.srcPort.subarray(from, to),
      dstPort: c.dstPort.subarray(from, to),
      packets: c.packets.subarray(from, to),
      bytes: c.bytes.subarray(from, to),
      line: c.line.subarray(from, to),
    };
    this.cap = k;
    this.interfacesOf(c.srcIf, c.dstIf, from, k, 0, ifMap, learn);
    this.n = k;
  }

  /** Rows [o, o + k)'s interfaces from columns' rows [from, from + k), as addColumns maps them. */
  private interfacesOf(srcIfCol: Int32Array, dstIfCol: Int32Array, from: number, k: number, o: number, ifMap: Int32Array, learn: (i: number) => number): void {
    const srcIf = this.t.srcIf;
    const dstIf = this.t.dstIf;
    for (let r = 0; r < k; r++) {
      const a = srcIfCol[from + r]!;
      const b = dstIfCol[from + r]!;
      const x = a < 0 ? 0 : ifMap[a]!;
      srcIf[o + r] = x >= 0 ? x : learn(a);
      const y = b < 0 ? 0 : ifMap[b]!;
      dstIf[o + r] = y >= 0 ? y : learn(b);
    }
  }

  finish(): FlowTable {
    const t = this.t;
    const n = this.n;
    // Nearly full (a builder sized ahead for a big table): views of the columns as they are. A copy of each would be a
    // second table beside the first at the peak (1,200,000 flows: 50 MB more) to save at most an eighth of one.
    const view = n >= this.cap - (this.cap >> 3);
    const cut = <A extends { subarray(a: number, b: number): A; slice(a: number, b: number): A }>(a: A): A => (view ? a.subarray(0, n) : a.slice(0, n));
    return {
      count: n,
      ifNames: t.ifNames,
      srcIf: cut(t.srcIf),
      dstIf: cut(t.dstIf),
      src: cut(t.src),
      dst: cut(t.dst),
      proto: cut(t.proto),
      srcPort: cut(t.srcPort),
      dstPort: cut(t.dstPort),
      packets: cut(t.packets),
      bytes: cut(t.bytes),
      line: cut(t.line),
    };
  }
}

export function emptyFlowTable(): FlowTable {
  return new FlowTableBuilder(16).finish();
}
