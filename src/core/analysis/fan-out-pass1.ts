// Pass 1 of the fan-out analysis (fan-out.ts): each row's host, service and outcome, each host's counters, the
// UDP and ICMP pairs seen and the destinations reached. Run over the whole capture, or ahead of the analysis by the
// CLI while it still reads a big dump (EarlyPass1).
import { FAILED, FAILED_MAX_PACKETS, flowOutcomeCode, type FlowSource, IGNORE, OK, PENDING, rowService, WWW } from './flow-facts';
import { PairSet, U32Index, U32Set } from './hash-tables';
import { ICMP, serviceCode, TCP, UDP } from './service';
import { HostRecords, R_FLOWS, R_MAIN_IF, R_MAIN_IF_COUNT, R_MULTI_IF, R_NULL, R_PORT80, R_STRIDE, R_STRIDE_F } from './fan-out-tables';

const NULL_IF = /^(null|null0|nu0)$/i;
const TCP_WWW = serviceCode(TCP, WWW);

/** Pass 1's results: one host index per source address, per-row facts, per-host counters. */
export interface RowFacts {
  hostsIx: U32Index;
  h: HostRecords;
  /** Per row (all sources, in order): host index (-1: no source), service, outcome. */
  hostOf: Int32Array;
  outcomeOf: Uint8Array;
  serviceOf: Uint32Array;
  /** Destinations someone reached with a real exchange. */
  reached: U32Set;
  /** UDP and ICMP pairs seen (src, dst). */
  pairs: PairSet;
  /** Per flow source, in order: each of its interface numbers as a global one (an index in ifNameList; -1: no name). */
  ifMaps: Int32Array[];
  /** How many sources were seen on more than one interface (their flows per interface are counted in pass 3). */
  multiHosts: number;
  /**
   * The rows whose outcome waits on a reply (PENDING: UDP and ICMP probes), in row order, `nPending` of them: pass 2
   * settles these alone, where it read every row's outcome to find them (a capture of mostly TCP: 1,000,000 reads for
   * a few thousand probes).
   */
  pendingRows: Int32Array;
  nPending: number;
  ifNameList: string[];
  globalIf: Map<string, number>;
}

/**
 * Pass 1 over one table's rows, from row number `row` on. Each pass is a function of its own: V8 optimises a small
 * function with one hot loop at once, where one big function with four loops is compiled and thrown away loop by loop.
 */
function pass1Table(t: FlowSource['flows'], row: number, f: RowFacts): void {
  const m = interfaceMaps(t.ifNames, f);
  f.ifMaps.push(m.ifMap);
  pass1Range(t, 0, t.count, row, f, m.ifMap, m.isNull);
}

/** A table's interface indexes as global ones (-1: no name) and which of them are Null0. */
function interfaceMaps(names: readonly string[], f: RowFacts): { ifMap: Int32Array; isNull: Uint8Array } {
  const { ifNameList, globalIf } = f;
  const ifMap = Int32Array.from(names, (name) => {
    let g = globalIf.get(name);
    if (g === undefined) {
      g = ifNameList.length;
      ifNameList.push(name);
      globalIf.set(name, g);
    }
    // -1: no name (rows that do not say where they came from are not counted on an interface).
    return name === '' ? -1 : g;
  });
  return { ifMap, isNull: Uint8Array.from(names, (n) => (NULL_IF.test(n) ? 1 : 0)) };
}

/**
 * Pass 1 over rows [from, to) of a table; `row` is the first one's number among all sources' rows. Four loops, each a
 * function of its own: the host index of every row, the UDP and ICMP pairs, the host records, then each row's service
 * and outcome. With 200,000 sources every hash probe and host record is a cache miss; a short loop of independent
 * probes lets the processor wait for several at once, where one long loop body waited for each in turn (pass 1 of 1M
 * rows from 200,000 sources: 280 to about 200 ms).
 */
function pass1Range(t: FlowSource['flows'], from: number, to: number, row: number, f: RowFacts, ifMap: Int32Array, isNull: Uint8Array): void {
  pass1Hosts(t.src, from, to, row, f);
  pass1Pairs(t.src, t.dst, t.proto, from, to, f.pairs);
  pass1Counts(t, from, to, row, f, ifMap, isNull);
}

/** Each row's host index (-1: no source), new hosts indexed and given a record in the order they first appear. */
function pass1Hosts(srcCol: Uint32Array, from: number, to: number, row: number, f: RowFacts): void {
  if (f.hostsIx.size < TOUCH_FROM_SOURCES) {
    pass1HostsBlock(srcCol, from, to, row, f);
    return;
  }
  // With tens of thousands of sources their slots no longer fit the caches nearest the core: each block's slots are
  // first read in a loop of their own, whose cache misses overlap, so the adds find them in cache (200,000 sources: the
  // first pass 35-70 ms faster). With fewer, the slots stay in cache and the extra reads cost more than they save.
  for (let b = from; b < to; b += TOUCH_BLOCK) {
    const e = Math.min(to, b + TOUCH_BLOCK);
    touched = (touched + f.hostsIx.touch(srcCol, b, e)) | 0;
    pass1HostsBlock(srcCol, b, e, row + (b - from), f);
  }
}

/** Sources from which pass1Hosts reads each block's slots ahead: their slots' cache lines pass 1 MB, an L2 cache. */
const TOUCH_FROM_SOURCES = 16_384;
/** Rows a block: their slots (up to 1,024 cache lines) stay in cache until the block's adds read them. */
const TOUCH_BLOCK = 512;
/** The reads ahead's sum, kept so that the compiler keeps the reads. */
let touched = 0;

/** Each row's host index in rows [from, to): see pass1Hosts. */
function pass1HostsBlock(srcCol: Uint32Array, from: number, to: number, row: number, f: RowFacts): void {
  const { hostsIx, h, hostOf } = f;
  let lastSrc = -1;
  let k = -1;
  for (let i = from; i < to; i++, row++) {
    const src = srcCol[i]!;
    // 0.0.0.0 is no source: MLS entries under a destination-only flow mask (a rule of its own reports those).
    if (src === 0) {
      hostOf[row] = -1;
      continue;
    }
    if (src !== lastSrc) {
      k = hostsIx.add(src);
      lastSrc = src;
      if (k === h.n) h.open(k);
    }
    hostOf[row] = k;
  }
}

/** The (source, destination) pairs of UDP and ICMP rows: replies to probes may come from anyone, source-less rows aside. */
function pass1Pairs(srcCol: Uint32Array, dstCol: Uint32Array, protoCol: Int16Array, from: number, to: number, pairs: PairSet): void {
  for (let i = from; i < to; i++) {
    const proto = protoCol[i]!;
    if (proto === UDP || proto === ICMP) pairs.add(srcCol[i]!, dstCol[i]!);
  }
}

/** Each row's counts on its host's record, its service and its outcome (pass1Hosts has set `hostOf`). */
function pass1Counts(t: FlowSource['flows'], from: number, to: number, row: number, f: RowFacts, ifMap: Int32Array, isNull: Uint8Array): void {
  if (f.hostsIx.size < TOUCH_FROM_SOURCES) pass1Records(t, from, to, row, f, ifMap, isNull);
  else {
    // Many sources: their records (32 bytes each) are far out of cache too; each block's are read ahead (touchRecords).
    for (let b = from; b < to; b += TOUCH_BLOCK) {
      const e = Math.min(to, b + TOUCH_BLOCK);
      touched = (touched + touchRecords(f.hostOf, f.h.rec, row + (b - from), row + (e - from))) | 0;
      pass1Records(t, b, e, row + (b - from), f, ifMap, isNull);
    }
  }
  pass1Outcomes(t, from, to, row, f);
}

/** Read the record of each row's host in rows [from, to) (ahead of pass1Records, as U32Index.touch reads slots). */
function touchRecords(hostOf: Int32Array, rec: Int32Array, from: number, to: number): number {
  let acc = 0;
  for (let r = from; r < to; r++) {
    const k = hostOf[r]!;
    if (k >= 0) acc += rec[k * R_STRIDE]!;
  }
  return acc | 0;
}

/**
 * Each row's counts on its host's record. With many sources every record is a cache miss: a loop that does only
 * this lets the processor wait for several at once (the service and outcome, worked out from the row alone, are
 * pass1Outcomes'). A source's interface and its flows are counted here while it shows one; a source seen on a second
 * one is only marked (R_MULTI_IF), and its flows per interface are counted in pass 3, where its rows are read together
 * (InterfaceTally): counted here, a capture whose interface changes from row to row cost a scattered counter a row.
 */
function pass1Records(t: FlowSource['flows'], from: number, to: number, row: number, f: RowFacts, ifMap: Int32Array, isNull: Uint8Array): void {
  const { hostOf } = f;
  const { dstPort: dpCol, packets: pkCol, srcIf: srcIfCol, dstIf: dstIfCol } = t;
  // Host records are all open (pass1Hosts): the array no longer grows during this loop.
  const { rec, packets } = f.h;
  for (let i = from; i < to; i++, row++) {
    const k = hostOf[row]!;
    if (k < 0) continue;
    const o = k * R_STRIDE;
    rec[o + R_FLOWS]!++;
    const pk = pkCol[i]!;
    // A source without packet counts (NaN) adds none: packets per flow stays a number.
    if (pk === pk) packets[k * R_STRIDE_F]! += pk;
    if (dpCol[i] === WWW) rec[o + R_PORT80]!++;
    const ifg = ifMap[srcIfCol[i]!]!;
    if (ifg >= 0) {
      const main = rec[o + R_MAIN_IF]!;
      // (A source already seen on several counts on here too: pass 3's counts replace these.)
      if (main === ifg) rec[o + R_MAIN_IF_COUNT]!++;
      else if (main === -1) {
        rec[o + R_MAIN_IF] = ifg;
        rec[o + R_MAIN_IF_COUNT] = 1;
      } else if (rec[o + R_MULTI_IF] === 0) {
        rec[o + R_MULTI_IF] = 1;
        f.multiHosts++;
      }
    }
    if (isNull[dstIfCol[i]!] === 1) rec[o + R_NULL]!++;
  }
}

/**
 * Each row's service and outcome, and the destinations reached. In blocks of as many rows as `reachedRoom` holds, each
 * block's destinations added to the set after it (the addition's call then runs from the first block of a capture on:
 * called from inside the loop only when the room filled up, it first ran deep in a big capture, and threw the compiled
 * loop away).
 */
function pass1Outcomes(t: FlowSource['flows'], from: number, to: number, row: number, f: RowFacts): void {
  const ok = reachedRoom;
  for (let b = from; b < to; b += ok.length) {
    const e = Math.min(to, b + ok.length);
    f.reached.addMany(ok, outcomesBlock(t, b, e, row + (b - from), f, ok));
  }
}

/** pass1Outcomes over rows [from, to) (no more than `ok` holds): returns how many destinations it put in `ok`. */
function outcomesBlock(t: FlowSource['flows'], from: number, to: number, row: number, f: RowFacts, ok: Uint32Array): number {
  const { hostOf, outcomeOf, serviceOf } = f;
  const { dst: dstCol, proto: protoCol, dstPort: dpCol, packets: pkCol } = t;
  let nOk = 0;
  for (let i = from; i < to; i++, row++) {
    if (hostOf[row]! < 0) continue;
    const proto = protoCol[i]!;
    const dp = dpCol[i]!;
    const pk = pkCol[i]!;
    // TCP/80, most rows of a Code Red capture, without the general service and outcome rules' calls.
    let service: number;
    let outcome: number;
    if (proto === TCP && dp === WWW) {
      service = TCP_WWW;
      outcome = pk !== pk ? IGNORE : pk <= FAILED_MAX_PACKETS ? FAILED : OK;
    } else {
      service = rowService(t, i);
      outcome = flowOutcomeCode(t, i, service);
    }
    serviceOf[row] = service;
    outcomeOf[row] = outcome;
    if (outcome === OK) ok[nOk++] = dstCol[i]!;
    else if (outcome === PENDING) addPending(f, row);
  }
  return nOk;
}

/** Note row `row` as waiting on a reply (RowFacts.pendingRows). */
function addPending(f: RowFacts, row: number): void {
  if (f.nPending === f.pendingRows.length) {
    const g = new Int32Array(Math.max(1024, 2 * f.pendingRows.length));
    g.set(f.pendingRows);
    f.pendingRows = g;
  }
  f.pendingRows[f.nPending++] = row;
}

/**
 * The destinations reached in a block of rows pass1Outcomes reads, gathered (4,096 rows at a time) before they are
 * added to the set: one short loop of additions overlaps their cache misses (a million distinct destinations: nearly
 * every one is a miss).
 */
const reachedRoom = new Uint32Array(4096);

/**
 * Pass 1 run ahead of the analysis while a big dump is still being read (the CLI feeds it the rows read so far, in
 * order, while its other thread reads on): the analysis then starts from its facts instead of reading those rows again.
 * It is only a head start: analyseFanOut uses it when the first flow source is exactly these rows, else ignores it.
 */
export class EarlyPass1 {
  private f: RowFacts;
  private done = 0;
  private names = 0;
  private ifMap: Int32Array = new Int32Array(0);
  private isNull: Uint8Array = new Uint8Array(0);

  constructor(expectedRows = 1024) {
    this.f = newRowFacts(Math.max(16, expectedRows));
  }

  /** How many rows it has read. */
  get rowsRead(): number {
    return this.done;
  }

  /** Rows read so far (a growing view of one table: the same rows, more of them each time). */
  feed(t: FlowSource['flows']): void {
    if (t.count <= this.done) return;
    const f = this.f;
    if (t.count > f.hostOf.length) {
      const cap = Math.max(t.count, Math.ceil(f.hostOf.length * 1.5));
      f.hostOf = grown(f.hostOf, new Int32Array(cap));
      f.outcomeOf = grown(f.outcomeOf, new Uint8Array(cap));
      f.serviceOf = grown(f.serviceOf, new Uint32Array(cap));
    }
    this.mapNames(t);
    pass1Range(t, this.done, t.count, this.done, f, this.ifMap, this.isNull);
    this.done = t.count;
  }

  /**
   * The facts, when this pass read all of table `t` (the one it was fed, whole), with `ifMaps` still to be given one
   * per flow source (interfaceMap for a source that is rows of `t`).
   */
  factsFor(t: FlowSource['flows']): RowFacts | undefined {
    if (t.count !== this.done) return undefined;
    // Its interface numbers as global ones: the map of the names it has read (every one, when it read every row).
    this.mapNames(t);
    this.f.ifMaps = [];
    return this.f;
  }

  /** The interface map of the table this pass read (factsFor first). */
  get interfaceMap(): Int32Array {
    return this.ifMap;
  }

  /** The table's interface names as global numbers (names only ever get added at the end: the new ones are mapped). */
  private mapNames(t: FlowSource['flows']): void {
    if (t.ifNames.length === this.names) return;
    const m = interfaceMaps(t.ifNames, this.f);
    [this.ifMap, this.isNull, this.names] = [m.ifMap, m.isNull, t.ifNames.length];
  }
}

function grown<T extends Int32Array | Uint8Array | Uint32Array>(a: T, b: T): T {
  b.set(a);
  return b;
}

/** Early passes by the rows they read (keyed by the source-address column's buffer). */
const earlyByBuffer = new WeakMap<ArrayBufferLike, { early: EarlyPass1; rows: FlowSource['flows'] }>();

/** Offer an early pass over `rows` (the whole table it was fed) to the analysis that will read them. */
export function registerEarlyPass1(rows: FlowSource['flows'], early: EarlyPass1): void {
  earlyByBuffer.set(rows.src.buffer, { early, rows });
}

function newRowFacts(rows: number): RowFacts {
  // `reached`: destinations someone reached with a real exchange: a failure aimed at one of them is not scanning
  // evidence (a client retrying a server others reach, clients whose port 80 is blocked locally to popular servers).
  // Filled in passes 1 and 2; read in pass 3 once complete.
  // The tables start small for a few rows (the CLI's warm-up feeds a few dozen): every table then grows during the
  // warm-up too, and the compiled first pass has seen that path before a big capture makes the tables grow.
  const start = (most: number) => Math.min(most, Math.max(4, rows >> 4));
  return {
    // Room for a source per 16 rows, up to 65,536 sources, from the start: a big capture of many sources then does
    // not copy its host tables over and over while its first pass runs (2 MB of table and 2 MB of records; records
    // not yet written take no memory).
    hostsIx: new U32Index(start(65536)),
    h: new HostRecords(start(65536)),
    hostOf: new Int32Array(rows),
    outcomeOf: new Uint8Array(rows),
    serviceOf: new Uint32Array(rows),
    reached: new U32Set(start(1024)),
    pairs: new PairSet(start(16384)),
    ifMaps: [],
    multiHosts: 0,
    // (Grown as probes come: a capture of mostly TCP has few.)
    pendingRows: new Int32Array(start(1024)),
    nPending: 0,
    ifNameList: [],
    globalIf: new Map(),
  };
}

/** Rows [at, at + t.count) of `r`, as the parser hands a section's share of a pre-scanned table (same names). */
function isRowsOf(t: FlowSource['flows'], r: FlowSource['flows'], at: number): boolean {
  return (
    t.ifNames === r.ifNames &&
    t.src.buffer === r.src.buffer &&
    t.src.byteOffset === r.src.byteOffset + at * t.src.BYTES_PER_ELEMENT &&
    t.dst.buffer === r.dst.buffer &&
    t.dst.byteOffset === r.dst.byteOffset + at * t.dst.BYTES_PER_ELEMENT
  );
}

/** A source without rows or interface names (an empty cache shown): nothing for pass 1 to read or number. */
const isBlank = (t: FlowSource['flows']): boolean => t.count === 0 && t.ifNames.every((n) => n === '');

/**
 * An early pass's facts, when the first sources are exactly the table it read, in order: the table whole, or its
 * rows shared among the sections of a capture that shows the command again and again (a terminal log of the cache
 * every minute), blank ones between them. Returns the facts and how many sources they cover.
 */
function headStart(sources: readonly FlowSource[]): { facts: RowFacts; covered: number; rows: number } | undefined {
  let i = 0;
  while (i < sources.length && isBlank(sources[i]!.flows)) i++;
  const first = sources[i]?.flows;
  const reg = first ? earlyByBuffer.get(first.src.buffer) : undefined;
  if (!reg) return undefined;
  const r = reg.rows;
  let at = 0;
  let j = i;
  for (; j < sources.length && at < r.count; j++) {
    const t = sources[j]!.flows;
    if (isBlank(t)) continue;
    if (!isRowsOf(t, r, at)) break;
    at += t.count;
  }
  if (at !== r.count) return undefined;
  const facts = reg.early.factsFor(r);
  if (!facts) return undefined;
  // Its facts are about to be changed by the later passes: they serve one analysis only.
  earlyByBuffer.delete(first!.src.buffer);
  // One interface map per source, as pass1Table gives them: the table's for its sections, the (empty) own for blanks.
  for (let k = 0; k < j; k++) {
    const t = sources[k]!.flows;
    facts.ifMaps.push(isBlank(t) ? interfaceMaps(t.ifNames, facts).ifMap : reg.early.interfaceMap);
  }
  return { facts, covered: j, rows: r.count };
}

/**
 * Pass 1 over every source's rows, starting from an early pass's facts when one read exactly the first sources'
 * rows (headStart).
 */
export function pass1(sources: readonly FlowSource[]): RowFacts {
  let total = 0;
  for (const s of sources) total += s.flows.count;
  const head = headStart(sources);
  let facts: RowFacts;
  let row = 0;
  let rest = sources;
  if (head) {
    facts = head.facts;
    // Exactly `total` slots (later passes read every one): a view when there is room, else room for the other sources.
    if (facts.hostOf.length >= total) {
      facts.hostOf = facts.hostOf.subarray(0, total);
      facts.outcomeOf = facts.outcomeOf.subarray(0, total);
      facts.serviceOf = facts.serviceOf.subarray(0, total);
    } else {
      facts.hostOf = grown(facts.hostOf, new Int32Array(total));
      facts.outcomeOf = grown(facts.outcomeOf, new Uint8Array(total));
      facts.serviceOf = grown(facts.serviceOf, new Uint32Array(total));
    }
    row = head.rows;
    rest = sources.slice(head.covered);
  } else facts = newRowFacts(total);
  for (const s of rest) {
    pass1Table(s.flows, row, facts);
    row += s.flows.count;
  }
  return facts;
}
