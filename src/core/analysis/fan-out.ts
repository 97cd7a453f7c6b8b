// Per-source fan-out statistics and verdicts over every flow source in a diagnosis (typed arrays, no per-row objects).
import type { Host } from '../types';
import { intToIp } from '../text/lines';
import { BLIND_SWEEP_MIN, FAILED, FAILED_MAX_PACKETS, flowOutcomeCode, type FlowSource, IGNORE, OK, PENDING, rowService, SYN_SERVICE, WWW } from './flow-facts';
import { PairSet, U32Index, U32Set } from './hash-tables';
import { ICMP, NO_SERVICE, serviceCode, serviceName, TCP, UDP } from './service';
import { ServiceCounts } from './service-counts';
import { localityCode, type LocalityCounts } from './locality';
import { fanOutOrder } from './host-order';
import {
  DstSet,
  HostRecords,
  MultiIfCounts,
  PendingColumns,
  R_FLOWS,
  R_MAIN_IF,
  R_MAIN_IF_COUNT,
  R_MULTI_IF,
  R_NULL,
  R_PACKETS,
  R_PORT80,
  R_STRIDE,
  resetWalk,
} from './fan-out-tables';
import { SharedTargetCollector } from './shared-targets';
import { cleanReason, judge, verdictOf } from './verdict';
import { type CleanHostFacts, CleanHostColumns, HostLocality, NO_EVIDENCE } from './clean-hosts';
import { newWalk, step, type Walk } from './trw';

/** Where a flow was read: enough to quote the line as evidence. */
export interface FlowRef {
  source: string;
  line: number;
}

export interface HostAnalysis extends Host {
  /** Numeric address, for sorting and locality. */
  addr: number;
  locality: LocalityCounts;
  /** First failed port-80 (or bare-SYN) flows, for evidence; bounded. */
  evidence: FlowRef[];
  /**
   * Flows per interface, for a source that arrived on more than one (a few in a big capture); undefined for the rest,
   * whose one interface is `interface` with `interfaceFlows` flows. interfaceCounts() (verdict.ts) gives either as a Map.
   */
  interfaces?: Map<string, number>;
  /** Flows on `interface` (0 when its rows name no interface). */
  interfaceFlows: number;
}

/** An unanswered UDP or ICMP flow of several packets, settled once the whole capture is read (pass 2). */
const PENDING_RETRIED = 4;

export const EVIDENCE_PER_HOST = 12;

const NULL_IF = /^(null|null0|nu0)$/i;
const TCP_WWW = serviceCode(TCP, WWW);

/** Pass 1's results: one host index per source address, per-row facts, per-host counters. */
interface RowFacts {
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
  multiIfCounts: MultiIfCounts;
  ifNameList: string[];
  globalIf: Map<string, number>;
}

/**
 * Pass 1 over one table's rows, from row number `row` on. Each pass is a function of its own: V8 optimises a small
 * function with one hot loop at once, where one big function with four loops is compiled and thrown away loop by loop.
 */
function pass1Table(t: FlowSource['flows'], row: number, f: RowFacts): void {
  const m = interfaceMaps(t.ifNames, f);
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
  pass1Records(t, from, to, row, f, ifMap, isNull);
  pass1Outcomes(t, from, to, row, f);
}

/**
 * Each row's counts on its host's record. With many sources every record is a cache miss: a loop that does only
 * this lets the processor wait for several at once (the service and outcome, worked out from the row alone, are
 * pass1Outcomes').
 */
function pass1Records(t: FlowSource['flows'], from: number, to: number, row: number, f: RowFacts, ifMap: Int32Array, isNull: Uint8Array): void {
  const { hostOf, multiIfCounts } = f;
  const { dstPort: dpCol, packets: pkCol, srcIf: srcIfCol, dstIf: dstIfCol } = t;
  // Host records are all open (pass1Hosts): the array no longer grows during this loop.
  const rec = f.h.rec;
  for (let i = from; i < to; i++, row++) {
    const k = hostOf[row]!;
    if (k < 0) continue;
    const o = k * R_STRIDE;
    rec[o + R_FLOWS]!++;
    const pk = pkCol[i]!;
    // A source without packet counts (NaN) adds none: packets per flow stays a number.
    if (pk === pk) rec[o + R_PACKETS]! += pk;
    if (dpCol[i] === WWW) rec[o + R_PORT80]!++;
    const ifg = ifMap[srcIfCol[i]!]!;
    if (ifg >= 0) {
      const main = rec[o + R_MAIN_IF]!;
      if (main === ifg && rec[o + R_MULTI_IF] === 0) rec[o + R_MAIN_IF_COUNT]!++;
      else if (main === -1) {
        rec[o + R_MAIN_IF] = ifg;
        rec[o + R_MAIN_IF_COUNT] = 1;
      } else {
        if (rec[o + R_MULTI_IF] === 0) {
          // A second interface for this source: from now on its counts are kept per interface.
          rec[o + R_MULTI_IF] = 1;
          multiIfCounts.start(k, main, rec[o + R_MAIN_IF_COUNT]!);
        }
        multiIfCounts.add(k, ifg);
      }
    }
    if (isNull[dstIfCol[i]!] === 1) rec[o + R_NULL]!++;
  }
}

/** Each row's service and outcome, and the destinations reached. */
function pass1Outcomes(t: FlowSource['flows'], from: number, to: number, row: number, f: RowFacts): void {
  const { hostOf, outcomeOf, serviceOf, reached } = f;
  const { dst: dstCol, proto: protoCol, dstPort: dpCol, packets: pkCol } = t;
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
    if (outcome === OK) reached.add(dstCol[i]!);
  }
}

/** Rows grouped by host (a stable counting sort), with each row's destination, settled outcome and service. */
interface Grouped {
  start: Int32Array;
  gDst: Uint32Array;
  gOut: Uint8Array;
  gSvc: Uint32Array;
  /** No UDP or ICMP probe in the capture got a visible reply (and some went unanswered). */
  blind: boolean;
}

/**
 * Pass 2: settle UDP and ICMP probes (answered when the pair came back), then group rows by host, keeping row order
 * within a host. Each host's rows are then read together, so its destination set stays small and in cache.
 */
function pass2(sources: readonly FlowSource[], f: RowFacts, flows: Float64Array, nHosts: number): Grouped {
  const { hostOf, outcomeOf, serviceOf } = f;
  const start = new Int32Array(nHosts + 1);
  for (let k = 0; k < nHosts; k++) start[k + 1] = start[k]! + flows[k]!;
  const fill = start.slice(0, nHosts);
  const n = start[nHosts]!;
  const gDst = new Uint32Array(n);
  const gOut = new Uint8Array(n);
  const gSvc = new Uint32Array(n);
  const { answered, unanswered } = settleReplies(sources, f);
  groupRows(sources, hostOf, outcomeOf, serviceOf, fill, gDst, gOut, gSvc);
  if (unanswered > 0) {
    // A capture with no reply to any UDP or ICMP probe (netflow on the inside interfaces only, say) cannot tell an
    // unanswered probe from an answer it never saw. There only a single-packet flow counts as a failed probe (a sweep
    // sends one per target: Slammer's one datagram, Nachi's one echo), and only in a sweep (pass 3); a flow of several
    // packets is a person's ping or a retried query, no evidence either way. Where some replies show, every
    // unanswered probe failed.
    const retried = answered > 0 ? FAILED : IGNORE;
    settle(gOut, retried);
    settle(outcomeOf, retried);
  }
  return { start, gDst, gOut, gSvc, blind: unanswered > 0 && answered === 0 };
}

/**
 * UDP and ICMP probes (PENDING) answered when the pair came back; the others stay pending until it is known whether
 * this capture shows replies at all (pass2). A loop of its own, before the rows are grouped: the grouping's scattered
 * writes then run in a short loop whose cache misses overlap.
 */
function settleReplies(sources: readonly FlowSource[], f: RowFacts): { answered: number; unanswered: number } {
  const { hostOf, outcomeOf, reached, pairs } = f;
  const keyAt = f.hostsIx.keyAt;
  let r = 0;
  let answered = 0;
  let unanswered = 0;
  for (const s of sources) {
    const { dst, packets, count } = s.flows;
    for (let i = 0; i < count; i++, r++) {
      if (outcomeOf[r] !== PENDING) continue;
      const k = hostOf[r]!;
      if (k < 0) continue;
      if (pairs.has(dst[i]!, keyAt[k]!)) {
        outcomeOf[r] = OK;
        reached.add(dst[i]!);
        answered++;
      } else {
        unanswered++;
        if (packets[i]! > 1) outcomeOf[r] = PENDING_RETRIED;
      }
    }
  }
  return { answered, unanswered };
}

/** Each row's destination, outcome and service to its host's next place (`fill`), keeping row order within a host. */
function groupRows(sources: readonly FlowSource[], hostOf: Int32Array, outcomeOf: Uint8Array, serviceOf: Uint32Array, fill: Int32Array, gDst: Uint32Array, gOut: Uint8Array, gSvc: Uint32Array): void {
  let r = 0;
  for (const s of sources) {
    const { dst, count } = s.flows;
    for (let i = 0; i < count; i++, r++) {
      const k = hostOf[r]!;
      if (k < 0) continue;
      const at = fill[k]!++;
      gDst[at] = dst[i]!;
      gOut[at] = outcomeOf[r]!;
      gSvc[at] = serviceOf[r]!;
    }
  }
}

function settle(a: Uint8Array, retried: number): void {
  for (let j = 0; j < a.length; j++) {
    const o = a[j]!;
    if (o === PENDING) a[j] = FAILED;
    else if (o === PENDING_RETRIED) a[j] = retried;
  }
}


/** Pass 3's findings per host (pass 4 and the verdicts read them). */
interface Judged {
  pending: PendingColumns;
  /** Main service of each flagged host (NO_SERVICE for the others): pass 4 reads their rows. */
  flaggedMain: Uint32Array;
  nFlagged: number;
  shared: SharedTargetCollector;
}

/**
 * Pass 3, host by host: its main service (the one with the most failed contacts), first contacts on it in order
 * (a destination's outcome is the best of its flows: a failure answered later is an answer), then the walk, the
 * locality of the judged targets and the shape of the sweep.
 */
function pass3(g: Grouped, f: RowFacts, nHosts: number): Judged {
  const { start, gDst, gOut, gSvc, blind } = g;
  const { reached } = f;
  const keyAt = f.hostsIx.keyAt;
  const seen = new DstSet();
  const services = new ServiceCounts();
  let fDst = new Uint32Array(1024);
  let fOut = new Uint8Array(1024);
  const shared = new SharedTargetCollector();
  const pending = new PendingColumns(nHosts);
  const walk = newWalk();
  const loc = new Int32Array(4);
  /** firstContacts' and walkContacts' other results. */
  const counts = new Int32Array(3);
  const flaggedMain = new Uint32Array(nHosts).fill(NO_SERVICE);
  let nFlagged = 0;
  // The loops over a host's rows are functions of their own, called per host: V8 compiles a small function after a
  // few hosts, where the loops inline in this one were compiled with it while it ran (on-stack replacement) and were
  // thrown away and compiled again at each path a later host took first (a capture's pass 3 ran 40-50 ms slower).
  for (let k = 0; k < nHosts; k++) {
    const a = start[k]!;
    const b = start[k + 1]!;
    const main = services.count(gSvc, gOut, a, b);
    seen.reset(b - a);
    if (fDst.length < b - a) {
      fDst = new Uint32Array(b - a);
      fOut = new Uint8Array(b - a);
    }
    const nf = firstContacts(gDst, gOut, gSvc, a, b, main, seen, fDst, fOut, counts);
    const failed = counts[0]!;
    const svcFlows = counts[1]!;
    // No replies anywhere: a UDP or ICMP source's few unanswered probes are no evidence (BLIND_SWEEP_MIN).
    const blindFew = blind && isUdpOrIcmp(main) && countFailed(fOut, nf) < BLIND_SWEEP_MIN;
    const addr = keyAt[k]!;
    const judged = walkContacts(addr, fDst, fOut, nf, blindFew, reached, walk, loc, counts);
    const consecutive = counts[0]!;
    const flagged = verdictOf(walk) !== 'clean';
    if (flagged) {
      nFlagged++;
      flaggedMain[k] = main;
      shared.add(k, addr, fDst, fOut, nf);
    }
    pending.set(k, walk, loc, nf, failed, main, svcFlows, judged > 1 ? consecutive / (judged - 1) : 0, judged);
    if (flagged) pending.others.set(k, services.others(main));
  }
  return { pending, flaggedMain, nFlagged, shared };
}

/**
 * A host's rows [a, b) to its first contacts on its main service, in order (fDst, fOut; a destination's outcome is
 * the best of its flows: a failure answered later is an answer). Returns how many; counts[0] gets its failed flows on
 * the main service and counts[1] its flows on it.
 */
function firstContacts(gDst: Uint32Array, gOut: Uint8Array, gSvc: Uint32Array, a: number, b: number, main: number, seen: DstSet, fDst: Uint32Array, fOut: Uint8Array, counts: Int32Array): number {
  let nf = 0;
  let failed = 0;
  let svcFlows = 0;
  for (let r = a; r < b; r++) {
    const onMain = gSvc[r] === main && main !== NO_SERVICE;
    const o = onMain ? gOut[r]! : IGNORE;
    const j = seen.indexOf(gDst[r]!, nf);
    if (j === nf) {
      fDst[nf] = gDst[r]!;
      fOut[nf] = o;
      nf++;
    } else if (o > fOut[j]!) fOut[j] = o;
    if (!onMain) continue;
    svcFlows++;
    if (o === FAILED) failed++;
  }
  counts[0] = failed;
  counts[1] = svcFlows;
  return nf;
}

/** How many of the first nf contacts failed. */
function countFailed(fOut: Uint8Array, nf: number): number {
  let probed = 0;
  for (let j = 0; j < nf; j++) if (fOut[j] === FAILED) probed++;
  return probed;
}

/**
 * The walk over a host's judged first contacts (`walk`, reset here), the locality of their targets (`loc`) and how
 * many follow the previous one's address (counts[0]). Returns how many were judged.
 */
function walkContacts(addr: number, fDst: Uint32Array, fOut: Uint8Array, nf: number, blindFew: boolean, reached: U32Set, walk: Walk, loc: Int32Array, counts: Int32Array): number {
  resetWalk(walk);
  loc[0] = loc[1] = loc[2] = loc[3] = 0;
  let judged = 0;
  let consecutive = 0;
  let prev = -1;
  for (let j = 0; j < nf; j++) {
    const st = fOut[j]!;
    if (st === IGNORE) continue;
    const d = fDst[j]!;
    if (judged++ > 0 && d === prev + 1) consecutive++;
    prev = d;
    loc[localityCode(addr, d)]!++;
    if (st === OK) step(walk, false);
    // Neutral when someone else reached that destination: the failure says nothing about scanning.
    else if (reached.has(d)) walk.neutral++;
    else if (blindFew) {
      walk.failures++;
      walk.unscored++;
    } else step(walk, true);
  }
  counts[0] = consecutive;
  return judged;
}

function isUdpOrIcmp(service: number): boolean {
  if (service === NO_SERVICE || service === SYN_SERVICE) return false;
  const proto = Math.floor(service / 65536);
  return proto === UDP || proto === ICMP;
}

/** Pass 4's sums and evidence for the flagged hosts. */
interface FlaggedRows {
  evidence: Map<number, FlowRef[]>;
  svcPackets: Float64Array;
  svcBytes: Float64Array;
  svcBytesPackets: Float64Array;
}

/**
 * Pass 4, in row order, only for flagged hosts: evidence (their first failed contacts on their service) and the
 * sizes of those flows (bytes are known in accounting and verbose or modern caches only).
 */
function pass4(sources: readonly FlowSource[], f: RowFacts, j: Judged, nHosts: number): FlaggedRows {
  const { hostOf, outcomeOf, serviceOf } = f;
  const { flaggedMain } = j;
  const nEv = new Int32Array(nHosts);
  const evidence = new Map<number, FlowRef[]>();
  const svcPackets = new Float64Array(nHosts);
  const svcBytes = new Float64Array(nHosts);
  const svcBytesPackets = new Float64Array(nHosts);
  if (j.nFlagged > 0) {
    let r = 0;
    for (const s of sources) {
      const t = s.flows;
      for (let i = 0; i < t.count; i++, r++) {
        const k = hostOf[r]!;
        if (k < 0 || flaggedMain[k] === NO_SERVICE || serviceOf[r] !== flaggedMain[k]) continue;
        const pk = t.packets[i]!;
        svcPackets[k]! += pk;
        const by = t.bytes[i]!;
        if (by === by) {
          svcBytes[k]! += by;
          svcBytesPackets[k]! += pk;
        }
        if (outcomeOf[r] === FAILED && nEv[k]!++ < EVIDENCE_PER_HOST) {
          let ev = evidence.get(k);
          if (!ev) evidence.set(k, (ev = []));
          ev.push({ source: s.source, line: t.line[i]! });
        }
      }
    }
  }
  return { evidence, svcPackets, svcBytes, svcBytesPackets };
}

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
    // Interface names only ever get added at the end: map the new ones.
    if (t.ifNames.length !== this.names) {
      const m = interfaceMaps(t.ifNames, f);
      [this.ifMap, this.isNull, this.names] = [m.ifMap, m.isNull, t.ifNames.length];
    }
    pass1Range(t, this.done, t.count, this.done, f, this.ifMap, this.isNull);
    this.done = t.count;
  }

  /** The facts, when `t` is the table this pass read, whole (same rows: same buffer, offset and count). */
  factsFor(t: FlowSource['flows'], registered: FlowSource['flows']): RowFacts | undefined {
    const same = t.count === this.done && t.src.buffer === registered.src.buffer && t.src.byteOffset === registered.src.byteOffset && t.dst.buffer === registered.dst.buffer;
    return same ? this.f : undefined;
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
    // not copy its host tables over and over while its first pass runs (2 MB of table and 4 MB of records; records
    // not yet written take no memory).
    hostsIx: new U32Index(start(65536)),
    h: new HostRecords(start(65536)),
    hostOf: new Int32Array(rows),
    outcomeOf: new Uint8Array(rows),
    serviceOf: new Uint32Array(rows),
    reached: new U32Set(start(1024)),
    pairs: new PairSet(start(16384)),
    multiIfCounts: new MultiIfCounts(),
    ifNameList: [],
    globalIf: new Map(),
  };
}

export { BLIND_SWEEP_MIN };

export function analyseFanOut(sources: readonly FlowSource[]): HostAnalysis[] {
  let total = 0;
  for (const s of sources) total += s.flows.count;
  // A head start (EarlyPass1) covers the first source when it is exactly the rows that pass read.
  const first = sources[0]?.flows;
  const reg = first ? earlyByBuffer.get(first.src.buffer) : undefined;
  const head = reg && first ? reg.early.factsFor(first, reg.rows) : undefined;
  // Its facts are about to be changed by the later passes: they serve one analysis only.
  if (head && first) earlyByBuffer.delete(first.src.buffer);
  let facts: RowFacts;
  let row = 0;
  let rest = sources;
  if (head && first) {
    facts = head;
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
    row = first.count;
    rest = sources.slice(1);
  } else facts = newRowFacts(total);
  for (const s of rest) {
    pass1Table(s.flows, row, facts);
    row += s.flows.count;
  }
  const { ifNameList } = facts;
  const nHosts = facts.hostsIx.size;
  // Each host's flows as a column (the sorts read it); its other counts are read from its record, host by host.
  const flows = facts.h.flowsColumn();
  const rec = facts.h.rec;
  const keyAt = facts.hostsIx.keyAt;
  // Per-interface counts of the sources seen on several interfaces, by host, in first-seen order (main one first).
  const ifCounts = new Map<number, Map<string, number>>();
  facts.multiIfCounts.forEach((k, ifg, n) => {
    let m = ifCounts.get(k);
    if (!m) ifCounts.set(k, (m = new Map()));
    m.set(ifNameList[ifg]!, n);
  });
  const grouped = pass2(sources, facts, flows, nHosts);
  const judged = pass3(grouped, facts, nHosts);
  const { pending, shared } = judged;
  const { evidence, svcPackets, svcBytes, svcBytesPackets } = pass4(sources, facts, judged, nHosts);
  // The per-row arrays are done with: let a collection during the verdicts below take them (a dump's worth of rows).
  releaseRows(facts, grouped);
  // Most destinations first, then most flows, then lowest address: counting sorts over the columns (host-order.ts).
  const destinations = new Float64Array(nHosts);
  for (let k = 0; k < nHosts; k++) destinations[k] = pending.destinationsOf(k);
  const order = fanOutOrder(destinations, flows, keyAt, nHosts);
  /** Each host's place in the list. */
  const at = new Int32Array(nHosts);
  for (let i = 0; i < nHosts; i++) at[order[i]!] = i;
  // Clean sources seen on one interface (most of a big capture) become rows of columns (clean-hosts.ts), row i for the
  // i-th host of the list; the others are objects, with as little per host as possible: no interface Map for one
  // interface, one shared empty evidence list and no-others function. Hosts are read in index order (a dozen tables
  // read in step) and written to their place: reading them in list order instead made each read a cache miss.
  const clean = new CleanHostColumns(nHosts);
  const hosts: (HostAnalysis | undefined)[] = new Array<HostAnalysis | undefined>(nHosts);
  /** The flagged hosts by host index, for the shared targets (a few among many). */
  const flaggedByIndex: HostAnalysis[] = [];
  // One walk and one set of facts, filled in for each clean host in turn: nothing is made per host but its row.
  const walk = newWalk();
  const cleanFacts: CleanHostFacts = { addr: 0, interfaceName: '', interfaceFlows: 0, flows: 0, destinations: 0, port80Flows: 0, packetsPerFlow: 0, failedFlows: 0, inbound: false, service: '', reason: '', loc: NO_LOCALITY };
  for (let k = 0; k < nHosts; k++) {
    const i = at[k]!;
    const addr = keyAt[k]!;
    const o = k * R_STRIDE;
    const hostFlows = rec[o + R_FLOWS]!;
    const mi = rec[o + R_MAIN_IF]!;
    const ifs = ifCounts.get(k);
    const interfaceName = mi >= 0 ? ifNameList[mi]! : '';
    const interfaceFlows = mi >= 0 ? rec[o + R_MAIN_IF_COUNT]! : 0;
    const packetsPerFlow = Math.round((rec[o + R_PACKETS]! / hostFlows) * 100) / 100;
    const nullFlows = rec[o + R_NULL]!;
    const inbound = nullFlows > 0 && nullFlows === hostFlows;
    const port80Flows = rec[o + R_PORT80]!;
    if (!ifs && verdictOf(pending.walkInto(k, walk)) === 'clean') {
      const service = nameOf(pending.serviceOf(k));
      cleanFacts.addr = addr;
      cleanFacts.interfaceName = interfaceName;
      cleanFacts.interfaceFlows = interfaceFlows;
      cleanFacts.flows = hostFlows;
      cleanFacts.destinations = destinations[k]!;
      cleanFacts.port80Flows = port80Flows;
      cleanFacts.packetsPerFlow = packetsPerFlow;
      cleanFacts.failedFlows = pending.failedOf(k);
      cleanFacts.inbound = inbound;
      cleanFacts.service = service;
      cleanFacts.reason = cleanReason(walk, service);
      cleanFacts.loc = pending.locOf(k);
      clean.set(i, cleanFacts);
      continue;
    }
    const p = pending.get(k, nameOf);
    const others = p.others;
    const host = judge({
      addr,
      ip: intToIp(addr),
      interfaces: ifs,
      interfaceName,
      interfaceFlows,
      flows: hostFlows,
      destinations: p.destinations,
      port80Flows,
      packetsPerFlow,
      failedFlows: p.failed,
      inbound,
      walk: p.walk,
      locality: new HostLocality(p.loc),
      evidence: evidence.get(k) ?? NO_EVIDENCE,
      sweep: {
        service: p.service,
        flows: p.svcFlows,
        packetsPerFlow: p.svcFlows ? svcPackets[k]! / p.svcFlows : 0,
        bytesPerPacket: svcBytesPackets[k]! ? svcBytes[k]! / svcBytesPackets[k]! : NaN,
        sequentialShare: p.sequentialShare,
        targets: p.targets,
        others: others ? () => others : noOthers,
      },
    });
    if (host.verdict !== 'clean') flaggedByIndex[k] = host;
    hosts[i] = host;
  }
  // The clean hosts' objects, made in list order: each one sits next to the previous one in memory, so whatever
  // reads the list in order (the charts, the rules, the JSON writer) reads on instead of jumping about.
  for (let i = 0; i < nHosts; i++) if (hosts[i] === undefined) hosts[i] = clean.host(i);
  shared.finish(flaggedByIndex);
  return hosts as HostAnalysis[];
}

const noOthers = () => new Map<string, number>();
/** The facts object's locality before its first host. */
const NO_LOCALITY = new Int32Array(4);

function releaseRows(f: RowFacts, g: Grouped): void {
  f.h = new HostRecords();
  f.hostOf = new Int32Array(0);
  f.outcomeOf = new Uint8Array(0);
  f.serviceOf = new Uint32Array(0);
  f.reached = new U32Set(16);
  f.pairs = new PairSet(16);
  g.gDst = new Uint32Array(0);
  g.gOut = new Uint8Array(0);
  g.gSvc = new Uint32Array(0);
}

/** The service's name: 'tcp' for accounting's bare SYNs (no port recorded). */
function nameOf(code: number): string {
  return code === SYN_SERVICE ? 'tcp' : serviceName(code);
}

