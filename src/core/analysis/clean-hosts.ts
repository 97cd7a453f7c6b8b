// Clean sources kept as columns. Most sources of a big capture are clean: as objects, each with its address text,
// reasons list and locality, they cost about 360 bytes a source (72 MB for 200,000); here a row costs about 75 bytes
// and its CleanHost 40. A CleanHost reads like any HostAnalysis and cannot be changed: ownHost() gives a plain copy.
import { intToIp } from '../text/lines';
import type { FlowRef, HostAnalysis } from './fan-out';
import type { LocalityCounts } from './locality';
import type { Variant, Verdict, Worm } from '../types';
import { type HostCounters, INBOUND_REASON, whole } from './verdict';
import type { CleanRoom, MultiInterfaces } from './fan-out-tables';

/** A host's four locality counts (a class: see HostLocality in fan-out.ts on why not an object literal). */
export class HostLocality implements LocalityCounts {
  same16: number;
  same8: number;
  other: number;
  forbidden: number;
  constructor(loc: ArrayLike<number>, at = 0) {
    this.same16 = whole(loc[at]!);
    this.same8 = whole(loc[at + 1]!);
    this.other = whole(loc[at + 2]!);
    this.forbidden = whole(loc[at + 3]!);
  }
}

/** Evidence of a host that has none (only flagged hosts have any): one frozen list, read-only like every list here. */
export const NO_EVIDENCE = Object.freeze([]) as unknown as FlowRef[];

/** What a clean source's row holds: its counts as analyseFanOut worked them out (judge()'s own, where they are the same). */
export type CleanHostFacts = Pick<
  HostCounters,
  'addr' | 'interfaceName' | 'interfaceFlows' | 'flows' | 'destinations' | 'port80Flows' | 'packetsPerFlow' | 'failedFlows' | 'inbound'
> & {
  service: string;
  /** Its walk's reason (cleanReason()); judge() adds INBOUND_REASON for an inbound source. */
  reason: string;
  /** Same /16, same /8, other, forbidden. */
  loc: ArrayLike<number>;
  /**
   * A source seen on several interfaces: its host number in the columns' MultiInterfaces (its last reason is read from
   * there: MultiInterfaces.reason()); `interfaceName` and `interfaceFlows` are then its main interface's.
   */
  multiHost?: number;
};


/** Values that many rows share (interface and service names, reason lists), each kept once and numbered. */
class Interned<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();
  /** The number of the value kept under `key`, -1 for none yet. */
  find(key: string): number {
    return this.index.get(key) ?? -1;
  }
  put(key: string, value: T): number {
    const i = this.values.length;
    this.values.push(value);
    this.index.set(key, i);
    return i;
  }
  /** A value kept for one row only (not found by key). */
  add(value: T): number {
    this.values.push(value);
    return this.values.length - 1;
  }
}

/** col[at[k]] = old col[k] for k < n, through `tmp` (one function per array type: each loop sees one kind of array). */
function scatterU32(col: Uint32Array, tmp: Uint32Array, at: Int32Array, n: number): void {
  tmp.set(col.subarray(0, n));
  for (let k = 0; k < n; k++) col[at[k]!] = tmp[k]!;
}
function scatterI32(col: Int32Array, tmp: Int32Array, at: Int32Array, n: number): void {
  tmp.set(col.subarray(0, n));
  for (let k = 0; k < n; k++) col[at[k]!] = tmp[k]!;
}
function scatterF64(col: Float64Array, tmp: Float64Array, at: Int32Array, n: number): void {
  tmp.set(col.subarray(0, n));
  for (let k = 0; k < n; k++) col[at[k]!] = tmp[k]!;
}
function scatterU8(col: Uint8Array, tmp: Uint8Array, at: Int32Array, n: number): void {
  tmp.set(col.subarray(0, n));
  for (let k = 0; k < n; k++) col[at[k]!] = tmp[k]!;
}

/** Entries j and j + 1 of each row of four (loc), moved as scatterI32 moves rows, through `tmp` (2n entries). */
function scatterPairs(loc: Int32Array, tmp: Int32Array, at: Int32Array, n: number, j: number): void {
  takePairs(loc, tmp, n, j);
  putPairs(loc, tmp, at, n, j);
}

// (One loop a function: a function of two is compiled while its first loop runs, and thrown away at the second.)
function takePairs(loc: Int32Array, tmp: Int32Array, n: number, j: number): void {
  for (let k = 0; k < n; k++) {
    tmp[2 * k] = loc[4 * k + j]!;
    tmp[2 * k + 1] = loc[4 * k + j + 1]!;
  }
}

function putPairs(loc: Int32Array, tmp: Int32Array, at: Int32Array, n: number, j: number): void {
  for (let k = 0; k < n; k++) {
    const o = 4 * at[k]! + j;
    loc[o] = tmp[2 * k]!;
    loc[o + 1] = tmp[2 * k + 1]!;
  }
}

/**
 * The clean sources of one analysis, a row each (rows are numbered by the caller: a host's place in the list). CleanHost
 * reads the columns directly; only set() writes them (and permute() moves them).
 */
export class CleanHostColumns {
  readonly addr: Uint32Array;
  // Counts of rows (a table has fewer than 2^32), as 32-bit integers.
  readonly flows: Uint32Array;
  readonly destinations: Uint32Array;
  readonly port80: Uint32Array;
  readonly packetsPerFlow: Float64Array;
  readonly failed: Uint32Array;
  readonly ifFlows: Uint32Array;
  readonly ifName: Int32Array;
  readonly service: Int32Array;
  readonly reasons: Int32Array;
  readonly inbound: Uint8Array;
  readonly loc: Int32Array;
  /** A source seen on several interfaces: its host number in `multi` + 1 (0 for a source seen on one). */
  readonly multiHost: Int32Array;
  readonly names = new Interned<string>();
  readonly reasonLists = new Interned<readonly string[]>();
  /** The lists of inbound sources ([reason, INBOUND_REASON]), by their first reason, numbered among reasonLists. */
  private readonly inboundLists = new Map<string, number>();

  /**
   * `multi`: the interfaces of the sources seen on several (set() rows with a `multiHost` need it). `room`: memory to
   * make the columns over (PendingColumns.cleanRoom), `capacity` rows of it, instead of their own; rows not set then
   * hold whatever was there until clear() empties them.
   */
  constructor(
    capacity: number,
    readonly multi?: MultiInterfaces,
    room?: CleanRoom,
  ) {
    const w = room?.words;
    const u32 = (i: number) => (w ? new Uint32Array(w[i]!.buffer, w[i]!.byteOffset, capacity) : new Uint32Array(capacity));
    const i32 = (i: number) => (w ? new Int32Array(w[i]!.buffer, w[i]!.byteOffset, capacity) : new Int32Array(capacity));
    if (room && (w!.length < 9 || w!.some((c) => c.length < capacity) || room.f64.length < capacity || room.u8.length < capacity || room.loc.length < 4 * capacity || room.i32.length < capacity)) {
      throw new Error('the room given is smaller than the columns');
    }
    this.addr = u32(0);
    this.flows = u32(1);
    this.destinations = u32(2);
    this.port80 = u32(3);
    this.failed = u32(4);
    this.ifFlows = u32(5);
    this.ifName = i32(6);
    this.service = i32(7);
    this.reasons = i32(8);
    this.packetsPerFlow = room ? room.f64.subarray(0, capacity) : new Float64Array(capacity);
    this.inbound = room ? room.u8.subarray(0, capacity) : new Uint8Array(capacity);
    this.loc = room ? room.loc.subarray(0, 4 * capacity) : new Int32Array(capacity * 4);
    this.multiHost = multi ? (room ? room.i32.subarray(0, capacity) : new Int32Array(capacity)) : new Int32Array(0);
  }

  /** Row r: no clean source (a flagged host's place), every value 0. */
  clear(r: number): void {
    this.addr[r] = 0;
    this.flows[r] = 0;
    this.destinations[r] = 0;
    this.port80[r] = 0;
    this.failed[r] = 0;
    this.ifFlows[r] = 0;
    this.ifName[r] = 0;
    this.service[r] = 0;
    this.reasons[r] = 0;
    this.packetsPerFlow[r] = 0;
    this.inbound[r] = 0;
    this.loc.fill(0, 4 * r, 4 * r + 4);
    if (this.multiHost.length > 0) this.multiHost[r] = 0;
  }

  /** Row r: a clean source (host() reads it back as a HostAnalysis). */
  set(r: number, f: CleanHostFacts): void {
    this.addr[r] = f.addr;
    this.flows[r] = f.flows;
    this.destinations[r] = f.destinations;
    this.port80[r] = f.port80Flows;
    this.packetsPerFlow[r] = f.packetsPerFlow;
    this.failed[r] = f.failedFlows;
    this.ifFlows[r] = f.interfaceFlows;
    this.ifName[r] = this.nameNumber(f.interfaceName);
    this.service[r] = this.nameNumber(f.service);
    const why = f.reason;
    const k = f.multiHost ?? -1;
    if (k >= 0 && !this.multi) throw new Error('a source seen on several interfaces needs the columns made with their table');
    // A source seen on several: its reasons are the shared list and then its own, on its interfaces (read from `multi`
    // when asked for). Written for every row (0: seen on one), as the columns may be made over other values (room).
    if (this.multiHost.length > 0) this.multiHost[r] = k + 1;
    this.reasons[r] = f.inbound ? this.inboundListNumber(why) : this.reasonListNumber(why);
    this.inbound[r] = f.inbound ? 1 : 0;
    const l = f.loc;
    const o = r * 4;
    this.loc[o] = l[0]!;
    this.loc[o + 1] = l[1]!;
    this.loc[o + 2] = l[2]!;
    this.loc[o + 3] = l[3]!;
  }

  /**
   * Rows 0..n-1 were set in another order (host index k, the order the analysis reads its tables in, a dozen in step):
   * move row k to row at[k] (its place in the list). One short loop a column: the processor overlaps its scattered
   * writes, where the same writes made as each row was set missed the cache one after another (200,000 hosts: 40-80 ms).
   * `room`: 8n bytes the caller no longer needs, to move each column through (none is allocated).
   */
  permute(at: Int32Array, n: number, room: ArrayBuffer = new ArrayBuffer(8 * n)): void {
    if (room.byteLength < 8 * n) throw new Error('permute needs 8 bytes of room a row');
    const u32 = new Uint32Array(room, 0, n);
    const i32 = new Int32Array(room, 0, n);
    for (const c of [this.addr, this.flows, this.destinations, this.port80, this.failed, this.ifFlows]) scatterU32(c, u32, at, n);
    for (const c of [this.ifName, this.service, this.reasons]) scatterI32(c, i32, at, n);
    if (this.multiHost.length > 0) scatterI32(this.multiHost, i32, at, n);
    scatterF64(this.packetsPerFlow, new Float64Array(room, 0, n), at, n);
    scatterU8(this.inbound, new Uint8Array(room, 0, n), at, n);
    // The four locality counts a row, two at a time through the same room (the other two of each row are untouched).
    const pairs = new Int32Array(room, 0, 2 * n);
    scatterPairs(this.loc, pairs, at, n, 0);
    scatterPairs(this.loc, pairs, at, n, 2);
  }

  private nameNumber(name: string): number {
    const i = this.names.find(name);
    return i >= 0 ? i : this.names.put(name, name);
  }

  private reasonListNumber(why: string): number {
    const i = this.reasonLists.find(why);
    return i >= 0 ? i : this.reasonLists.put(why, Object.freeze([why]));
  }

  private inboundListNumber(why: string): number {
    let i = this.inboundLists.get(why);
    if (i === undefined) {
      // Kept under a key no one-reason list has (reasons hold no NUL character).
      i = this.reasonLists.put(`${why}\u0000${INBOUND_REASON}`, Object.freeze([why, INBOUND_REASON]));
      this.inboundLists.set(why, i);
    }
    return i;
  }

  /**
   * Row r's host number in `multi` when its reasons end with one of its own (a source seen on several interfaces:
   * MultiInterfaces.reason()), else -1.
   */
  ownReasonHost(r: number): number {
    const m = this.multi;
    const k = m ? this.multiHost[r]! - 1 : -1;
    return m && k >= 0 && m.start[k + 1]! - m.start[k]! > 1 ? k : -1;
  }

  /** Interface names by global number as JSON text without the quotes (MultiInterfaces.reasonJson), made once each. */
  private readonly namesJson: string[] = [];
  private readonly nameJson = (ifg: number): string => (this.namesJson[ifg] ??= flat(JSON.stringify(this.multi!.names[ifg]!).slice(1, -1)));

  /** Row r as a host. */
  host(r: number): CleanHost {
    return new CleanHost(this, r);
  }

  /**
   * The fixed text between a row's values, by level: after the address (with the interface, by name number), after
   * each count, after packets per flow (with the service, by name number) and after the failed flows (with the
   * reasons and inbound, by reason list number and inbound).
   */
  private readonly pieces: JsonPieces[] = [];

  /** The fixed text of rows nested `level` deep (CleanRowText), from the pieces jsonParts writes. */
  rowText(level: number): CleanRowText {
    const k = (this.pieces[level] ??= new JsonPieces(level));
    return {
      open: k.open,
      afterFlows: k.afterFlows,
      afterDestinations: k.afterDestinations,
      afterPort80: k.afterPort80,
      afterIp: (n) => k.afterIpOf(n, this.names.values),
      afterPacketsPerFlow: (n) => k.afterPacketsPerFlowOf(n, this.names.values),
      end: (list, inbound) => k.end(this.reasonLists.values[list]!, inbound),
      ownHost: (r) => this.ownReasonHost(r),
      ownBefore: (list) => this.ownBefore(k, list),
      ownAfter: (inbound) => k.ownAfter(inbound),
      nameJson: this.nameJson,
    };
  }

  /**
   * Row r as `JSON.stringify(toPublicHost(host), null, 2)` prints it nested `level` deep (its properties indented
   * level + 1 steps of two spaces, its closing brace level steps), in pieces pushed onto `parts` (their join is the
   * text). The CLI's --json prints 200,000 clean hosts this way, a join per few hundred, without an object each: a
   * template string per host cost 250 ms for the 84 MB document, against about 120 this way.
   */
  jsonParts(r: number, level: number, parts: string[]): void {
    const k = (this.pieces[level] ??= new JsonPieces(level));
    const ifName = this.ifName[r]!;
    const service = this.service[r]!;
    const addr = this.addr[r]!;
    parts.push(
      k.open,
      // The address as four pieces (its octets, the last three after their dots): no string made for it.
      OCTET[addr >>> 24]!,
      DOT_OCTET[(addr >>> 16) & 255]!,
      DOT_OCTET[(addr >>> 8) & 255]!,
      DOT_OCTET[addr & 255]!,
      k.afterIp[ifName] ?? k.afterIpOf(ifName, this.names.values),
      numberJson(this.flows[r]!),
      k.afterFlows,
      numberJson(this.destinations[r]!),
      k.afterDestinations,
      numberJson(this.port80[r]!),
      k.afterPort80,
      numberJson(this.packetsPerFlow[r]!),
      k.afterPacketsPerFlow[service] ?? k.afterPacketsPerFlowOf(service, this.names.values),
      numberJson(this.failed[r]!),
    );
    this.endParts(r, k, parts);
  }

  /** The text of a row with a reason of its own up to that reason, by its shared list's number (kept in k). */
  private ownBefore(k: JsonPieces, list: number): string {
    return (k.ownListStart[list] ??= flat(k.listStart(this.reasonLists.values[list]!)));
  }

  /** Row r's text after its failed flows (its reasons, inbound and closing brace), in pieces pushed onto `parts`. */
  private endParts(r: number, k: JsonPieces, parts: string[]): void {
    const reasons = this.reasons[r]!;
    const inbound = this.inbound[r]!;
    const multi = this.multi;
    const mk = this.ownReasonHost(r);
    if (multi && mk >= 0) {
      // A source seen on several interfaces: the shared list and the text around it are pieces kept for every such
      // row; its last reason, on its interfaces, is written from the table in pieces (MultiInterfaces.reasonJson).
      parts.push(this.ownBefore(k, reasons));
      multi.reasonJson(mk, parts, this.nameJson);
      parts.push(k.ownAfter(inbound));
    } else parts.push((k.ends[2 * reasons + inbound] ??= flat(k.end(this.reasonLists.values[reasons]!, inbound))));
  }

}

/**
 * The fixed text of clean rows nested `level` deep, between their values (CleanHostColumns.rowText): for a writer of
 * rows of its own (the CLI's WebAssembly one), which must write exactly what jsonParts writes. A row is `open`, its
 * address, `afterIp(its interface's name number)`, flows, `afterFlows`, destinations, `afterDestinations`, port-80
 * flows, `afterPort80`, packets per flow (as JavaScript prints the number, null when not finite),
 * `afterPacketsPerFlow(its service's name number)`, failed flows, then `end(its reason list number, inbound)`.
 */
export interface CleanRowText {
  open: string;
  afterFlows: string;
  afterDestinations: string;
  afterPort80: string;
  afterIp(name: number): string;
  afterPacketsPerFlow(name: number): string;
  end(list: number, inbound: number): string;
  /**
   * For a writer that writes a row's own reason from numbers: row r's host in the columns' MultiInterfaces, whose
   * reasonJson is its last reason, or -1 when its reasons are its list's only. Such a row's end is then
   * ownBefore(its list), that reason (MultiInterfaces.count and top; names by nameJson; fixed text REASON_JSON), and
   * ownAfter(its inbound).
   */
  ownHost(r: number): number;
  ownBefore(list: number): string;
  ownAfter(inbound: number): string;
  /** Interface name number g as JSON text without its quotes. */
  nameJson(g: number): string;
}

/** A clean host's fixed JSON text at one level (CleanHostColumns.jsonParts), made as it is first needed. */
class JsonPieces {
  readonly open: string;
  readonly close: string;
  readonly afterFlows: string;
  readonly afterDestinations: string;
  readonly afterPort80: string;
  readonly afterIp: string[] = [];
  readonly afterPacketsPerFlow: string[] = [];
  /** The text after the failed flows, by reason list number and inbound (2 * list + inbound). */
  readonly ends: string[] = [];
  /**
   * For rows of sources seen on several interfaces: the text up to their last reason (by their shared reason list's
   * number), and after it (by inbound).
   */
  readonly ownListStart: string[] = [];
  readonly ownListEnd: string[] = [];
  constructor(private readonly level: number) {
    this.open = flat(`{\n${this.indent(1)}"ip": "`);
    this.close = flat(`\n${this.indent(0)}}`);
    this.afterFlows = flat(this.key('destinations'));
    this.afterDestinations = flat(this.key('port80Flows'));
    this.afterPort80 = flat(this.key('packetsPerFlow'));
  }
  /** The text after the address, for the interface with name number n (kept in afterIp). */
  afterIpOf(n: number, names: readonly string[]): string {
    return (this.afterIp[n] ??= flat(`"${this.key('interface')}${JSON.stringify(names[n]!)}${this.key('flows')}`));
  }
  /** The text after packets per flow, for the service with name number n (kept in afterPacketsPerFlow). */
  afterPacketsPerFlowOf(n: number, names: readonly string[]): string {
    return (this.afterPacketsPerFlow[n] ??= flat(
      `${this.key('verdict')}"clean"${this.key('variant')}"unknown"${this.key('service')}${JSON.stringify(names[n]!)}` +
        `${this.key('worm')}"unknown"${this.key('failedFlows')}`,
    ));
  }
  private indent(more: number): string {
    return '  '.repeat(this.level + more);
  }
  /** `,`, a new line, and a property's name as it prints before its value. */
  key(name: string): string {
    return `,\n${this.indent(1)}${JSON.stringify(name)}: `;
  }
  /** The text after the failed flows: the reasons, inbound and the closing brace. */
  end(reasons: readonly string[], inbound: number): string {
    return `${this.key('reasons')}${this.list(reasons)}${this.key('inbound')}${inbound === 1}${this.close}`;
  }
  /** end() of a list of `first` and one more reason, up to that reason's JSON text (at least one reason before it). */
  listStart(first: readonly string[]): string {
    return `${this.key('reasons')}[\n${first.map((x) => `${this.indent(2)}${JSON.stringify(x)},\n`).join('')}${this.indent(2)}`;
  }
  /** listEnd(inbound), kept in ownListEnd. */
  ownAfter(inbound: number): string {
    return (this.ownListEnd[inbound] ??= flat(this.listEnd(inbound)));
  }
  /** end() of such a list, after its last reason. */
  listEnd(inbound: number): string {
    return `\n${this.indent(1)}]${this.key('inbound')}${inbound === 1}${this.close}`;
  }
  /** A list of strings as it prints as a property's value: each on a line of its own, one step deeper. */
  list(items: readonly string[]): string {
    return items.length === 0 ? '[]' : `[\n${items.map((x) => `${this.indent(2)}${JSON.stringify(x)}`).join(',\n')}\n${this.indent(1)}]`;
  }
}

/** A number as JSON prints it: null when not finite. */
const numberJson = (v: number): string => (v >= 0 && v < 1024 && (v | 0) === v ? SMALL[v]! : Number.isFinite(v) ? `${v}` : 'null');

/** The string in one piece: one made by concatenation is a tree of pieces, walked again at every join. */
const flat = (s: string): string => s.split('').join('');

/** The octets 0-255 as text, and each after a dot. */
const OCTET = Array.from({ length: 256 }, (_, i) => flat(`${i}`));
const DOT_OCTET = OCTET.map((o) => flat(`.${o}`));
/** Small whole numbers as text (most counts of most hosts). */
const SMALL = Array.from({ length: 1024 }, (_, i) => flat(`${i}`));

/**
 * A clean source, read from its row. Every field reads as a HostAnalysis field does; none can be set (a TypeError in
 * strict code) and its reasons are a frozen list, so code that would change a host must take ownHost() first.
 */
export class CleanHost implements HostAnalysis {
  constructor(
    private readonly t: CleanHostColumns,
    private readonly r: number,
  ) {}
  /** The columns it is a row of, and which row (a writer of rows of its own reads them there: CleanRowText). */
  get columns(): CleanHostColumns {
    return this.t;
  }
  get row(): number {
    return this.r;
  }
  get ip(): string {
    return intToIp(this.t.addr[this.r]!);
  }
  get addr(): number {
    return this.t.addr[this.r]!;
  }
  get interface(): string {
    return this.t.names.values[this.t.ifName[this.r]!]!;
  }
  get flows(): number {
    return whole(this.t.flows[this.r]!);
  }
  get destinations(): number {
    return whole(this.t.destinations[this.r]!);
  }
  get port80Flows(): number {
    return whole(this.t.port80[this.r]!);
  }
  get packetsPerFlow(): number {
    return this.t.packetsPerFlow[this.r]!;
  }
  get verdict(): Verdict {
    return 'clean';
  }
  get variant(): Variant {
    return 'unknown';
  }
  get failedFlows(): number {
    return whole(this.t.failed[this.r]!);
  }
  get reasons(): string[] {
    const t = this.t;
    const list = t.reasonLists.values[t.reasons[this.r]!] as string[];
    // A source seen on several interfaces: the shared list, then its reason on its interfaces (made at each read).
    const mk = t.ownReasonHost(this.r);
    return mk >= 0 ? (Object.freeze([...list, t.multi!.reason(mk)]) as string[]) : list;
  }
  get inbound(): boolean {
    return this.t.inbound[this.r] === 1;
  }
  get service(): string {
    return this.t.names.values[this.t.service[this.r]!]!;
  }
  get worm(): Worm {
    return 'unknown';
  }
  get locality(): LocalityCounts {
    return new HostLocality(this.t.loc, this.r * 4);
  }
  get evidence(): FlowRef[] {
    return NO_EVIDENCE;
  }
  get interfaces(): Map<string, number> | undefined {
    const t = this.t;
    // Made afresh at each read (a source's own Map, kept by no one).
    return t.multi && t.multiHost[this.r]! > 0 ? t.multi.map(t.multiHost[this.r]! - 1) : undefined;
  }
  get interfaceFlows(): number {
    return whole(this.t.ifFlows[this.r]!);
  }
  get sharedTargetsWith(): string[] | undefined {
    return undefined;
  }

  /** The host as `JSON.stringify(toPublicHost(this), null, 2)` prints it nested `level` deep, in pieces onto `parts`. */
  jsonParts(level: number, parts: string[]): void {
    this.t.jsonParts(this.r, level, parts);
  }

  /** The same host as a plain object, its own to change. */
  toPlain(): HostAnalysis {
    return {
      ip: this.ip,
      interface: this.interface,
      flows: this.flows,
      destinations: this.destinations,
      port80Flows: this.port80Flows,
      packetsPerFlow: this.packetsPerFlow,
      failedFlows: this.failedFlows,
      verdict: this.verdict,
      variant: this.variant,
      reasons: [...this.reasons],
      service: this.service,
      worm: this.worm,
      inbound: this.inbound,
      addr: this.addr,
      locality: this.locality,
      evidence: NO_EVIDENCE,
      interfaces: this.interfaces,
      interfaceFlows: this.interfaceFlows,
    };
  }
}

/** `h` itself when it is a plain object, else a plain copy: for code that changes a host. */
export function ownHost(h: HostAnalysis): HostAnalysis {
  return h instanceof CleanHost ? h.toPlain() : h;
}
