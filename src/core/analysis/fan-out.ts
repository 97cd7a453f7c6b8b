// Per-source fan-out statistics and verdicts over every flow source in a diagnosis (typed arrays, no per-row objects).
import type { Host } from '../types';
import { intToIp } from '../text/lines';
import { BLIND_SWEEP_MIN, FAILED, type FlowSource, IGNORE, OK, OUTCOME_SHIFT, PENDING, SERVICE_BITS, SYN_SERVICE } from './flow-facts';
import { PairSet, U32Index, U32Set } from './hash-tables';
import { serviceName } from './service';
import type { LocalityCounts } from './locality';
import { fanOutOrder } from './host-order';
import {
  HostRecords,
  InterfaceTally,
  type MultiInterfaces,
  type PendingColumns,
  R_FLOWS,
  R_MAIN_IF,
  R_MAIN_IF_COUNT,
  R_NULL,
  R_PORT80,
  R_STRIDE,
  R_STRIDE_F,
} from './fan-out-tables';
import { cleanReason, judge, verdictOf } from './verdict';
import { type CleanHostFacts, CleanHostColumns, HostLocality, NO_EVIDENCE } from './clean-hosts';
import { pass1, type RowFacts } from './fan-out-pass1';
import { type Judged, pass3, type Pass3Input } from './fan-out-pass3';
import { newWalk } from './trw';
import { released } from './collect-hook';

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
const PENDING_RETRIED = 4; // above PENDING: groupRows settles both with one test

export const EVIDENCE_PER_HOST = 12;

/** Rows grouped by host (a stable counting sort), with each row's destination, settled outcome and service. */
interface Grouped {
  start: Int32Array;
  /**
   * Two words a grouped row: its destination, then its service and settled outcome (flow-facts.ts OUTCOME_SHIFT). One
   * place written a row when grouping, where three arrays were three scattered writes (5,000 sources: about 10 ms).
   */
  gRows: Uint32Array;
  /**
   * Each row's interface as a global number + 1 (0: the row names none), read for the sources seen on several
   * interfaces; empty when there are none (then no row's interface is grouped).
   */
  gIf: Uint16Array | Int32Array;
  /** No UDP or ICMP probe in the capture got a visible reply (and some went unanswered). */
  blind: boolean;
}

/**
 * Pass 2: settle UDP and ICMP probes (answered when the pair came back), then group rows by host, keeping row order
 * within a host. Each host's rows are then read together, so its destination set stays small and in cache.
 */
function pass2(sources: readonly FlowSource[], f: RowFacts, flows: Float64Array, nHosts: number): Grouped {
  const { hostOf, outcomeOf, serviceOf } = f;
  const start = runStarts(flows, nHosts);
  const fill = start.slice(0, nHosts);
  const n = start[nHosts]!;
  const gRows = new Uint32Array(2 * n);
  // Interface numbers + 1 fit 16 bits in any real capture (a few dozen names); past that, 32.
  const withIf = f.multiHosts > 0;
  const gIf = !withIf ? new Uint16Array(0) : f.ifNameList.length < 0xffff ? new Uint16Array(n) : new Int32Array(n);
  const { answered, unanswered } = settleReplies(sources, f);
  // The probes still pending were not answered. A capture with no reply to any UDP or ICMP probe (netflow on the
  // inside interfaces only, say) cannot tell an unanswered probe from an answer it never saw. There only a
  // single-packet flow counts as a failed probe (a sweep sends one per target: Slammer's one datagram, Nachi's one
  // echo), and only in a sweep (pass 3); a flow of several packets is a person's ping or a retried query, no evidence
  // either way. Where some replies show, every unanswered probe failed. (Settled as the rows are grouped: two more
  // passes over every row's outcome cost 5-8 ms.)
  const retried = answered > 0 ? FAILED : IGNORE;
  groupRows(sources, f.ifMaps, hostOf, outcomeOf, serviceOf, fill, gRows, withIf, gIf, retried);
  return { start, gRows, gIf, blind: unanswered > 0 && answered === 0 };
}

/** Where each host's run of grouped rows starts, and the end at [n] (one loop a function, as the verdicts' loops below). */
function runStarts(flows: Float64Array, n: number): Int32Array {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) start[k + 1] = start[k]! + flows[k]!;
  return start;
}

/**
 * UDP and ICMP probes (PENDING) answered when the pair came back; the others stay pending until it is known whether
 * this capture shows replies at all (pass2). A loop of its own, before the rows are grouped: the grouping's scattered
 * writes then run in a short loop whose cache misses overlap.
 */
function settleReplies(sources: readonly FlowSource[], f: RowFacts): { answered: number; unanswered: number } {
  const { hostOf, outcomeOf, reached, pairs, pendingRows, nPending } = f;
  const keyAt = f.hostsIx.keyAt;
  let answered = 0;
  let unanswered = 0;
  // The pending rows (pass 1 noted them, in row order), source by source: row r of all is row r - base of its source.
  let p = 0;
  let base = 0;
  for (const s of sources) {
    const { dst, packets, count } = s.flows;
    const end = base + count;
    for (; p < nPending && pendingRows[p]! < end; p++) {
      const r = pendingRows[p]!;
      const i = r - base;
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
    base = end;
  }
  return { answered, unanswered };
}

/**
 * Each row's destination, outcome and service to its host's next place (`fill`), keeping row order within a host. An
 * unanswered probe's outcome is settled on the way (in `outcomeOf` too): FAILED, or `retried` for one of several packets.
 */
function groupRows(
  sources: readonly FlowSource[],
  ifMaps: readonly Int32Array[],
  hostOf: Int32Array,
  outcomeOf: Uint8Array,
  serviceOf: Uint32Array,
  fill: Int32Array,
  gRows: Uint32Array,
  withIf: boolean,
  gIf: Uint16Array | Int32Array,
  retried: number,
): void {
  let r = 0;
  for (let si = 0; si < sources.length; si++) {
    const { dst, srcIf, count } = sources[si]!.flows;
    const ifMap = ifMaps[si]!;
    for (let i = 0; i < count; i++, r++) {
      const k = hostOf[r]!;
      if (k < 0) continue;
      const at = fill[k]!++;
      let o = outcomeOf[r]!;
      if (o >= PENDING) outcomeOf[r] = o = o === PENDING ? FAILED : retried;
      gRows[2 * at] = dst[i]!;
      gRows[2 * at + 1] = (serviceOf[r]! & SERVICE_BITS) | (o << OUTCOME_SHIFT);
      if (withIf) gIf[at] = ifMap[srcIf[i]!]! + 1;
    }
  }
}


/** Pass 4's sums and evidence for the flagged hosts, by their number among them (Judged.flaggedAt). */
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
function pass4(sources: readonly FlowSource[], f: RowFacts, j: Judged): FlaggedRows {
  const { hostOf, outcomeOf, serviceOf } = f;
  const { flaggedAt, flaggedMain, nFlagged } = j;
  const nEv = new Int32Array(nFlagged);
  const evidence = new Map<number, FlowRef[]>();
  const svcPackets = new Float64Array(nFlagged);
  const svcBytes = new Float64Array(nFlagged);
  const svcBytesPackets = new Float64Array(nFlagged);
  if (nFlagged > 0) {
    let r = 0;
    for (const s of sources) {
      const t = s.flows;
      for (let i = 0; i < t.count; i++, r++) {
        const k = hostOf[r]!;
        if (k < 0) continue;
        const q = flaggedAt[k]!;
        if (q < 0 || serviceOf[r] !== flaggedMain[q]) continue;
        const pk = t.packets[i]!;
        svcPackets[q]! += pk;
        const by = t.bytes[i]!;
        // (Bytes unknown: 0 or NaN, FlowTable.bytes.)
        if (by > 0) {
          svcBytes[q]! += by;
          svcBytesPackets[q]! += pk;
        }
        if (outcomeOf[r] === FAILED && nEv[q]!++ < EVIDENCE_PER_HOST) {
          let ev = evidence.get(q);
          if (!ev) evidence.set(q, (ev = []));
          ev.push({ source: s.source, line: t.line[i]! });
        }
      }
    }
  }
  return { evidence, svcPackets, svcBytes, svcBytesPackets };
}

export { BLIND_SWEEP_MIN };

export function analyseFanOut(sources: readonly FlowSource[]): HostAnalysis[] {
  const { hosts, clean, nHosts, shared, flaggedByIndex } = judgeAll(sources);
  // The passes' tables (host records, keys, places: about 64 bytes a host) are unreachable now that judgeAll has
  // returned: collected here, before the clean hosts' objects and the rest of the diagnosis add theirs.
  released(nHosts * JUDGED_BYTES_PER_HOST);
  // The clean hosts' objects, made in list order: each one sits next to the previous one in memory, so whatever
  // reads the list in order (the charts, the rules, the JSON writer) reads on instead of jumping about.
  cleanHostsInPlace(hosts, clean, nHosts);
  shared.finish(flaggedByIndex);
  return hosts as HostAnalysis[];
}

/**
 * The bytes a host's tables take in the passes up to its verdict, and no longer after it: HostRecords 32, the list's
 * order 16, its key, flows, rows' start and flagged number 16 (pass 3's findings become the clean hosts' columns).
 */
const JUDGED_BYTES_PER_HOST = 64;
/** Per row: pass 1's host, service and outcome (9 bytes), pass 2's grouping (4 + 2); per host: its index's slots. */
const ROW_BYTES = 15;
const INDEX_BYTES_PER_HOST = 16;

/** What judgeAll leaves for analyseFanOut: the list's places, clean hosts as columns, the flagged ones as objects. */
interface Judgement {
  hosts: (HostAnalysis | undefined)[];
  clean: CleanHostColumns;
  nHosts: number;
  shared: Judged['shared'];
  flaggedByIndex: HostAnalysis[];
}

/** Every host's verdict and place (everything but the clean hosts' objects); its tables die with its frame. */
function judgeAll(sources: readonly FlowSource[]): Judgement {
  const facts = pass1(sources);
  const { ifNameList } = facts;
  const nHosts = facts.hostsIx.size;
  // Each host's flows as a column (the sorts read it); its other counts are read from its record, host by host.
  const flows = facts.h.flowsColumn();
  const keyAt = facts.hostsIx.keyAt;
  const grouped = pass2(sources, facts, flows, nHosts);
  const interfaces = new InterfaceTally(nHosts, ifNameList.length);
  const judged = pass3(pass3Input(grouped, facts), nHosts, interfaces);
  // Per-interface counts of the sources seen on several interfaces, by host, in first-seen order (main one first).
  const multi = interfaces.finish(ifNameList);
  const { pending, shared } = judged;
  const sums = pass4(sources, facts, judged);
  // The host records, read by the verdicts below (the rest of pass 1's results are let go).
  const { rec, packets } = facts.h;
  // The per-row arrays and the hosts' index are done with: collected now when they are a big capture's (released).
  const rows = facts.hostOf.length;
  releaseRows(facts, grouped);
  released(rows * ROW_BYTES + nHosts * INDEX_BYTES_PER_HOST);
  // Most destinations first, then most flows, then lowest address: counting sorts over the columns (host-order.ts).
  const destinations = destinationsColumn(pending, nHosts);
  const order = fanOutOrder(destinations, flows, keyAt, nHosts);
  /** Each host's place in the list. */
  const at = placesOf(order, nHosts);
  // Clean sources (most of a big capture) become rows of columns (clean-hosts.ts), row i for the i-th host of the list;
  // the flagged ones are objects, with as little per host as possible: no interface Map for one interface, one shared
  // empty evidence list and no-others function. Hosts are read in index order (a dozen tables read in step) and their
  // rows written in that order too, then moved to their places a column at a time (permute): reading them in list
  // order made each read a cache miss, and writing each row to its place as it was made, each write.
  // Over pass 3's findings: host k's row is written once its findings are read (judgeHosts), no memory of their own.
  const clean = new CleanHostColumns(nHosts, multi.ifg.length > 0 ? multi : undefined, pending.cleanRoom());
  const hosts: (HostAnalysis | undefined)[] = new Array<HostAnalysis | undefined>(nHosts);
  /** The flagged hosts by host index, for the shared targets (a few among many). */
  const flaggedByIndex: HostAnalysis[] = [];
  judgeHosts({ nHosts, at, keyAt, rec, packets, multi, ifNameList, pending, destinations, sums, flaggedAt: judged.flaggedAt, clean, hosts, flaggedByIndex });
  // (Through the memory of `destinations`, read for the last time above: the move allocates nothing.)
  clean.permute(at, nHosts, destinations.buffer);
  return { hosts, clean, nHosts, shared, flaggedByIndex };
}

// The loops over every host below are functions of their own, one loop each: V8 compiles a function while its loop
// runs (on-stack replacement), and a compiled function with several loops is thrown away as it leaves the first one,
// whose next statements had never run. analyseFanOut held four such loops: with 200,000 sources it was compiled and
// thrown away four times, running its loops in the interpreter meanwhile (measured 2026-12-03 with --trace-deopt).

/** Each host's distinct destinations, as a column. */
function destinationsColumn(pending: PendingColumns, n: number): Float64Array<ArrayBuffer> {
  const d = new Float64Array(n);
  for (let k = 0; k < n; k++) d[k] = pending.destinationsOf(k);
  return d;
}

/** Each host's place in `order`. */
function placesOf(order: Int32Array, n: number): Int32Array {
  const at = new Int32Array(n);
  for (let i = 0; i < n; i++) at[order[i]!] = i;
  return at;
}

/** The clean hosts' objects (rows of `clean`) at the places the flagged hosts left empty. */
function cleanHostsInPlace(hosts: (HostAnalysis | undefined)[], clean: CleanHostColumns, n: number): void {
  for (let i = 0; i < n; i++) if (hosts[i] === undefined) hosts[i] = clean.host(i);
}

/** What the verdicts read (judgeHosts). */
interface Verdicts {
  nHosts: number;
  /** Each host's place in the list. */
  at: Int32Array;
  keyAt: Uint32Array;
  /** Pass 1's host records, and their packets (a view of the same memory). */
  rec: Int32Array;
  packets: Float64Array;
  multi: MultiInterfaces;
  ifNameList: readonly string[];
  pending: PendingColumns;
  destinations: Float64Array;
  sums: FlaggedRows;
  /** Each host's number among the flagged hosts (-1: not flagged), by which `sums` holds theirs. */
  flaggedAt: Int32Array;
  /** Clean hosts go here, at their host index (permuted to their places afterwards). */
  clean: CleanHostColumns;
  /** Flagged hosts go here, at their places. */
  hosts: (HostAnalysis | undefined)[];
  flaggedByIndex: HostAnalysis[];
}

/** Each host's verdict: a clean one as a row of `clean`, a flagged one as an object of its own. */
function judgeHosts(v: Verdicts): void {
  const { nHosts, at, keyAt, rec, packets, multi, ifNameList, pending, destinations, flaggedAt, clean, hosts, flaggedByIndex } = v;
  const { evidence, svcPackets, svcBytes, svcBytesPackets } = v.sums;
  // One walk and one set of facts, filled in for each clean host in turn: nothing is made per host but its row.
  const walk = newWalk();
  const cleanFacts: CleanHostFacts = { addr: 0, interfaceName: '', interfaceFlows: 0, flows: 0, destinations: 0, port80Flows: 0, packetsPerFlow: 0, failedFlows: 0, inbound: false, service: '', reason: '', loc: NO_LOCALITY, multiHost: -1 };
  for (let k = 0; k < nHosts; k++) {
    const i = at[k]!;
    const addr = keyAt[k]!;
    const o = k * R_STRIDE;
    const hostFlows = rec[o + R_FLOWS]!;
    const mi = rec[o + R_MAIN_IF]!;
    const several = multi.has(k);
    const interfaceName = mi >= 0 ? ifNameList[mi]! : '';
    const interfaceFlows = mi >= 0 ? rec[o + R_MAIN_IF_COUNT]! : 0;
    const packetsPerFlow = Math.round((packets[k * R_STRIDE_F]! / hostFlows) * 100) / 100;
    const nullFlows = rec[o + R_NULL]!;
    const inbound = nullFlows > 0 && nullFlows === hostFlows;
    const port80Flows = rec[o + R_PORT80]!;
    if (verdictOf(pending.walkInto(k, walk)) === 'clean') {
      const service = nameOf(pending.serviceOf(k));
      cleanFacts.addr = addr;
      if (several) {
        // As judge() words it: the busiest interface is its interface. (Read from the table: no Map for a clean host.)
        const main = multi.mainEntry(k);
        cleanFacts.interfaceName = ifNameList[multi.ifg[main]!]!;
        cleanFacts.interfaceFlows = multi.flows[main]!;
        cleanFacts.multiHost = k;
      } else {
        cleanFacts.interfaceName = interfaceName;
        cleanFacts.interfaceFlows = interfaceFlows;
        cleanFacts.multiHost = -1;
      }
      cleanFacts.flows = hostFlows;
      cleanFacts.destinations = destinations[k]!;
      cleanFacts.port80Flows = port80Flows;
      cleanFacts.packetsPerFlow = packetsPerFlow;
      cleanFacts.failedFlows = pending.failedOf(k);
      cleanFacts.inbound = inbound;
      cleanFacts.service = service;
      cleanFacts.reason = cleanReason(walk, service);
      cleanFacts.loc = pending.locOf(k);
      // At its host index: permuted to its place in the list once every row is set (permute).
      clean.set(k, cleanFacts);
      continue;
    }
    const p = pending.get(k, nameOf);
    const others = p.others;
    // (Pass 3 flagged it by the same walk: it has its number among the flagged.)
    const q = flaggedAt[k]!;
    // A flagged source seen on several interfaces: its counts as a Map of its own.
    const ifs = several ? multi.map(k) : undefined;
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
      evidence: evidence.get(q) ?? NO_EVIDENCE,
      sweep: {
        service: p.service,
        flows: p.svcFlows,
        packetsPerFlow: p.svcFlows ? svcPackets[q]! / p.svcFlows : 0,
        bytesPerPacket: svcBytesPackets[q]! ? svcBytes[q]! / svcBytesPackets[q]! : NaN,
        sequentialShare: p.sequentialShare,
        targets: p.targets,
        others: others ? () => others : noOthers,
      },
    });
    // (Its findings are read: its row, over their memory, is emptied.)
    clean.clear(k);
    if (host.verdict !== 'clean') flaggedByIndex[k] = host;
    hosts[i] = host;
  }
}

const noOthers = () => new Map<string, number>();
/** The facts object's locality before its first host. */
const NO_LOCALITY = new Int32Array(4);

/** What pass 3 reads of pass 1's and pass 2's results. */
function pass3Input(g: Grouped, f: RowFacts): Pass3Input {
  return { start: g.start, gRows: g.gRows, gIf: g.gIf, rec: f.h.rec, keyAt: f.hostsIx.keyAt, reached: f.reached, blind: g.blind };
}

function releaseRows(f: RowFacts, g: Grouped): void {
  // (Its keys stay: keyAt, taken before.)
  f.hostsIx = new U32Index(16);
  f.h = new HostRecords();
  f.hostOf = new Int32Array(0);
  f.outcomeOf = new Uint8Array(0);
  f.serviceOf = new Uint32Array(0);
  f.pendingRows = new Int32Array(0);
  f.nPending = 0;
  f.reached = new U32Set(16);
  f.pairs = new PairSet(16);
  g.gRows = new Uint32Array(0);
  g.gIf = new Uint16Array(0);
}

/** The service's name: 'tcp' for accounting's bare SYNs (no port recorded). */
function nameOf(code: number): string {
  return code === SYN_SERVICE ? 'tcp' : serviceName(code);
}

