// Per-source fan-out statistics and verdicts over every flow source in a diagnosis (typed arrays, no per-row objects).
import type { Host } from '../types';
import { intToIp } from '../text/lines';
import { BLIND_SWEEP_MIN, FAILED, type FlowSource, IGNORE, OK, PENDING, SYN_SERVICE } from './flow-facts';
import { PairSet, U32Set } from './hash-tables';
import { ICMP, NO_SERVICE, serviceCode, serviceName, TCP as TCP_PROTO, UDP } from './service';
import { ServiceCounts } from './service-counts';
import { localityCode, type LocalityCounts } from './locality';
import { fanOutOrder } from './host-order';
import {
  DstSet,
  HostRecords,
  InterfaceTally,
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
import { pass1, type RowFacts } from './fan-out-pass1';
import { newWalk, step, type Walk } from './trw';
import { type FlaggedContacts, type JudgeHelper, judgeHelper, type JudgeJob, type JudgeResult } from './judge-split';

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
  gDst: Uint32Array;
  gOut: Uint8Array;
  gSvc: Uint32Array;
  /**
   * Each row's interface as a global number + 1 (0: the row names none), read for the sources seen on several
   * interfaces; empty when there are none (then no row's interface is grouped).
   */
  gIf: Uint16Array | Int32Array;
  /** No UDP or ICMP probe in the capture got a visible reply (and some went unanswered). */
  blind: boolean;
  /** 1 for a host seen on several interfaces (R_MULTI_IF); empty when none was. */
  multi: Uint8Array;
}

/** Fresh memory for an array: shared with a helper thread when pass 3 is split (judge-split.ts), else private. */
type Alloc = (bytes: number) => ArrayBufferLike;
const privateMemory: Alloc = (bytes) => new ArrayBuffer(bytes);

/**
 * Pass 2: settle UDP and ICMP probes (answered when the pair came back), then group rows by host, keeping row order
 * within a host. Each host's rows are then read together, so its destination set stays small and in cache.
 */
function pass2(sources: readonly FlowSource[], f: RowFacts, flows: Float64Array, nHosts: number, alloc: Alloc): Grouped {
  const { hostOf, outcomeOf, serviceOf } = f;
  const start = new Int32Array(alloc(4 * (nHosts + 1)));
  for (let k = 0; k < nHosts; k++) start[k + 1] = start[k]! + flows[k]!;
  const fill = start.slice(0, nHosts);
  const n = start[nHosts]!;
  const gDst = new Uint32Array(alloc(4 * n));
  const gOut = new Uint8Array(alloc(n));
  const gSvc = new Uint32Array(alloc(4 * n));
  // Interface numbers + 1 fit 16 bits in any real capture (a few dozen names); past that, 32.
  const withIf = f.multiHosts > 0;
  const gIf = !withIf ? new Uint16Array(0) : f.ifNameList.length < 0xffff ? new Uint16Array(alloc(2 * n)) : new Int32Array(alloc(4 * n));
  const multi = new Uint8Array(withIf ? alloc(nHosts) : new ArrayBuffer(0));
  if (withIf) for (let k = 0; k < nHosts; k++) multi[k] = f.h.rec[k * R_STRIDE + R_MULTI_IF] === 1 ? 1 : 0;
  const { answered, unanswered } = settleReplies(sources, f);
  // The probes still pending were not answered. A capture with no reply to any UDP or ICMP probe (netflow on the
  // inside interfaces only, say) cannot tell an unanswered probe from an answer it never saw. There only a
  // single-packet flow counts as a failed probe (a sweep sends one per target: Slammer's one datagram, Nachi's one
  // echo), and only in a sweep (pass 3); a flow of several packets is a person's ping or a retried query, no evidence
  // either way. Where some replies show, every unanswered probe failed. (Settled as the rows are grouped: two more
  // passes over every row's outcome cost 5-8 ms.)
  const retried = answered > 0 ? FAILED : IGNORE;
  groupRows(sources, f.ifMaps, hostOf, outcomeOf, serviceOf, fill, gDst, gOut, gSvc, withIf, gIf, retried);
  return { start, gDst, gOut, gSvc, gIf, blind: unanswered > 0 && answered === 0, multi };
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
  gDst: Uint32Array,
  gOut: Uint8Array,
  gSvc: Uint32Array,
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
      gDst[at] = dst[i]!;
      gOut[at] = o;
      gSvc[at] = serviceOf[r]!;
      if (withIf) gIf[at] = ifMap[srcIf[i]!]! + 1;
    }
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

/** Rows of pass 3 past which its hosts are shared with a helper thread, when there is one (judge-split.ts). */
export const SPLIT_ROWS = 200_000;

/** What pass 3 reads for each host (Grouped, and the facts of pass 1 it needs), the same on either thread. */
interface JudgeInput {
  g: Grouped;
  keyAt: Uint32Array;
  reached: U32Set;
}

/** Pass 3's per-host columns, row k for host k: two threads fill one set, each its own hosts. */
interface JudgeColumns {
  pending: PendingColumns;
  /** Main service of each flagged host (NO_SERVICE for the others): pass 4 reads their rows. */
  flaggedMain: Uint32Array;
}

/** A flagged host's first contacts (fDst, fOut: scratch, valid during the call) and its other services. */
type OnFlagged = (k: number, addr: number, fDst: Uint32Array, fOut: Uint8Array, nf: number, others: Map<string, number>) => void;

/**
 * Pass 3, host by host: its main service (the one with the most failed contacts), first contacts on it in order
 * (a destination's outcome is the best of its flows: a failure answered later is an answer), then the walk, the
 * locality of the judged targets and the shape of the sweep. With a helper thread (judge-split.ts) and enough rows,
 * both threads judge runs of hosts, claiming one at a time: every host's findings are its own, and what is not kept
 * per host (the flagged hosts' contacts, the interface counts) is put together in host order, so the result is the same.
 */
function pass3(g: Grouped, f: RowFacts, nHosts: number, interfaces: InterfaceTally, helper: JudgeHelper | undefined, alloc: Alloc): Judged {
  const shared = new SharedTargetCollector();
  const cols: JudgeColumns = { pending: new PendingColumns(nHosts, alloc), flaggedMain: new Uint32Array(alloc(4 * nHosts)).fill(NO_SERVICE) };
  const input: JudgeInput = { g, keyAt: f.hostsIx.keyAt, reached: f.reached };
  const { pending } = cols;
  const bounds = helper ? runBounds(g.start, nHosts, helper.minRows ?? SPLIT_ROWS, alloc) : undefined;
  if (!helper || !bounds) {
    const nFlagged = judgeRange(input, cols, 0, nHosts, interfaces, (k, addr, fDst, fOut, nf, others) => {
      shared.add(k, addr, fDst, fOut, nf);
      pending.others.set(k, others);
    });
    return { pending, flaggedMain: cols.flaggedMain, nFlagged, shared };
  }
  const claim = new Int32Array(alloc(4));
  claim[0] = (bounds.length - 1) << 16;
  const job = judgeJob(input, cols, bounds, claim, nHosts, f.ifNameList.length, alloc);
  const other = helper.start(job);
  const mine = judgeRuns(input, cols, job, Infinity, true);
  const theirs = other?.wait();
  // Runs neither thread reported (the other failed after claiming them): judged here, now.
  const nRuns = bounds.length - 1;
  /** Each run's judge (0: this thread, 1: the other) and its place in that one's list. */
  const owner = new Int8Array(nRuns).fill(-1);
  const at = new Int32Array(nRuns);
  mine.runs.forEach((c, i) => ((owner[c] = 0), (at[c] = i)));
  theirs?.runs.forEach((c, i) => ((owner[c] = 1), (at[c] = i)));
  for (let c = 0; c < nRuns; c++) {
    if (owner[c] !== -1) continue;
    judgeRun(input, cols, job, mine, c);
    owner[c] = 0;
    at[c] = mine.runs.length - 1;
  }
  // Put together in host order: the interface counts run by run, the flagged hosts merged by host.
  if (g.gIf.length > 0) {
    for (let c = 0; c < nRuns; c++) {
      const d = owner[c] === 0 ? mine : theirs!;
      interfaces.appendRange(d.tally, bounds[c]!, bounds[c + 1]!, d.tallyFrom[at[c]!]!, d.tallyTo[at[c]!]!);
    }
  }
  const a = mine.flagged.sort((x, y) => x.k - y.k);
  const b = theirs?.flagged ?? [];
  for (let i = 0, j = 0; i < a.length || j < b.length; ) {
    const h = j >= b.length || (i < a.length && a[i]!.k < b[j]!.k) ? a[i++]! : b[j++]!;
    shared.add(h.k, h.addr, h.dsts, h.outs, h.dsts.length);
    pending.others.set(h.k, new Map(h.others));
  }
  return { pending, flaggedMain: cols.flaggedMain, nFlagged: mine.nFlagged + (theirs?.nFlagged ?? 0), shared };
}

/** Runs of hosts about this many rows each, and at least this many runs (so both threads end close together). */
const RUN_MIN_RUNS = 48;

/**
 * The runs of hosts both threads claim (host bounds, in shared memory), each about 1/48 of the rows (a host is never
 * cut); undefined when there are too few rows to split.
 */
function runBounds(start: Int32Array, nHosts: number, minRows: number, alloc: Alloc): Int32Array | undefined {
  const rows = start[nHosts]!;
  if (rows < minRows || nHosts < 2) return undefined;
  const per = Math.max(1, Math.ceil(rows / RUN_MIN_RUNS));
  const b: number[] = [0];
  for (let k = 1; k < nHosts; k++) if (start[k]! - start[b[b.length - 1]!]! >= per) b.push(k);
  b.push(nHosts);
  const out = new Int32Array(alloc(4 * b.length));
  out.set(b);
  return out;
}

/** The job for the helper thread: every array in shared memory (copied there when it is not). */
function judgeJob(input: JudgeInput, cols: JudgeColumns, bounds: Int32Array, claim: Int32Array, nHosts: number, nIfs: number, alloc: Alloc): JudgeJob {
  const inShared = <T extends { buffer: ArrayBufferLike; byteLength: number; constructor: unknown }>(a: T): T => {
    if (typeof SharedArrayBuffer !== 'undefined' && a.buffer instanceof SharedArrayBuffer) return a;
    const copy = new (a.constructor as new (b: ArrayBufferLike) => T)(alloc(a.byteLength));
    (copy as unknown as Uint8Array).set(a as unknown as Uint8Array);
    return copy;
  };
  const { g } = input;
  const reached = input.reached.toParts();
  return {
    bounds,
    claim,
    nHosts,
    start: g.start,
    gDst: g.gDst,
    gOut: g.gOut,
    gSvc: g.gSvc,
    gIf: g.gIf,
    blind: g.blind,
    multi: g.multi,
    keyAt: inShared(input.keyAt.subarray(0, nHosts)),
    reached: { ...reached, keys: inShared(reached.keys) },
    nIfs,
    pending: cols.pending.parts(),
    flaggedMain: cols.flaggedMain,
  };
}

/** A thread's share of a JudgeJob so far: the runs it judged, and what it found beyond the shared columns. */
interface RunsDone {
  runs: number[];
  tallyFrom: number[];
  tallyTo: number[];
  nFlagged: number;
  flagged: FlaggedContacts[];
  /** Its own interface tally (InterfaceTally.parts: read by run). */
  tally: ReturnType<InterfaceTally['parts']>;
  counter: InterfaceTally;
  scratch: JudgeScratch;
}

/**
 * The next run to judge, or -1 when none is left. The helper thread takes runs from the front and this one from the
 * back (`fromBack`), both ends in one word (front | back << 16) so that no run is taken twice: the front runs are a
 * capture's first sources, its scanners as a rule (thousands of rows each), which the helper, its code readied
 * beforehand (primeJudge), reads fastest; this thread, whose code is still cold, takes the many small sources at the back.
 */
function claimRun(claim: Int32Array, fromBack: boolean): number {
  for (;;) {
    const v = Atomics.load(claim, 0);
    const front = v & 0xffff;
    const back = v >>> 16;
    if (front >= back) return -1;
    const next = fromBack ? ((back - 1) << 16) | front : (back << 16) | (front + 1);
    if (Atomics.compareExchange(claim, 0, v, next) === v) return fromBack ? back - 1 : front;
  }
}

/** Claim runs of the job until none is left (at most `most`), judging each: one thread's share. */
function judgeRuns(input: JudgeInput, cols: JudgeColumns, job: JudgeJob, most = Infinity, fromBack = false): RunsDone {
  const counter = new InterfaceTally(job.nHosts, job.nIfs);
  const done: RunsDone = { runs: [], tallyFrom: [], tallyTo: [], nFlagged: 0, flagged: [], tally: counter.parts(), counter, scratch: new JudgeScratch() };
  while (done.runs.length < most) {
    const c = claimRun(job.claim, fromBack);
    if (c < 0) break;
    judgeRun(input, cols, job, done, c);
  }
  return done;
}

/** Judge run c into the shared columns, its flagged hosts and interface counts into `done`. */
function judgeRun(input: JudgeInput, cols: JudgeColumns, job: JudgeJob, done: RunsDone, c: number): void {
  const k0 = job.bounds[c]!;
  done.tallyFrom.push(done.counter.entries);
  done.nFlagged += judgeRange(input, cols, k0, job.bounds[c + 1]!, done.counter, (k, addr, fDst, fOut, nf, others) => {
    done.flagged.push({ k, addr, dsts: fDst.slice(0, nf), outs: fOut.slice(0, nf), others: [...others] });
  }, done.scratch);
  done.runs.push(c);
  done.tallyTo.push(done.counter.entries);
  done.tally = done.counter.parts();
}

/**
 * The helper thread's side of a JudgeJob: claim and judge runs of hosts into the shared columns, and say what else it
 * found. `most` (tests) stops it after that many runs.
 */
export function judgeHostRange(job: JudgeJob, most = Infinity): JudgeResult {
  const g: Grouped = { start: job.start, gDst: job.gDst, gOut: job.gOut, gSvc: job.gSvc, gIf: job.gIf, blind: job.blind, multi: job.multi };
  const input: JudgeInput = { g, keyAt: job.keyAt, reached: U32Set.fromParts(job.reached) };
  const cols: JudgeColumns = { pending: PendingColumns.fromParts(job.pending), flaggedMain: job.flaggedMain };
  const { runs, tallyFrom, tallyTo, nFlagged, flagged, tally } = judgeRuns(input, cols, job, most);
  const withIf = job.gIf.length > 0;
  return { runs, tallyFrom, tallyTo, nFlagged, flagged, tally: withIf ? tally : { start: new Int32Array(0), ifg: new Int32Array(0), flows: new Float64Array(0) } };
}

/**
 * Run pass 3's code over a small made-up capture, in each way a real job can take it (sources on one interface or on
 * several, replies seen or not, shared memory): a thread that is given a job later then starts it in optimised code.
 * Cold, the first hosts of a capture (its scanners, thousands of rows each, come first) ran 15 times slower per row.
 */
export function primeJudge(alloc: Alloc = privateMemory): void {
  const SCANNERS = 8;
  const CLIENTS = 120;
  const nHosts = SCANNERS + CLIENTS;
  const rowsOf = (k: number) => (k < SCANNERS ? 300 + 40 * k : 12 + (k % 30));
  const start = new Int32Array(alloc(4 * (nHosts + 1)));
  for (let k = 0; k < nHosts; k++) start[k + 1] = start[k]! + rowsOf(k);
  const n = start[nHosts]!;
  const gDst = new Uint32Array(alloc(4 * n));
  const gOut = new Uint8Array(alloc(n));
  const gSvc = new Uint32Array(alloc(4 * n));
  const gIf = new Uint16Array(alloc(2 * n));
  const multi = new Uint8Array(alloc(nHosts));
  const keyAt = new Uint32Array(alloc(4 * nHosts));
  const reached = new U32Set(64);
  let x = 12345;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
  const SERVICES = [serviceCode(TCP_PROTO, 80), serviceCode(TCP_PROTO, 445), serviceCode(UDP, 53), serviceCode(ICMP, 0), NO_SERVICE];
  for (let k = 0; k < nHosts; k++) {
    keyAt[k] = (0x0a000000 + k * 7) >>> 0;
    multi[k] = k % 5 === 0 ? 1 : 0;
    for (let r = start[k]!; r < start[k + 1]!; r++) {
      const v = next();
      const scanner = k < SCANNERS;
      gDst[r] = scanner ? (v % 5 === 0 ? (0x08080800 + (v % 9)) >>> 0 : next()) : (0x08080800 + (v % 9)) >>> 0;
      gOut[r] = scanner ? (v % 7 === 0 ? OK : FAILED) : [OK, OK, FAILED, IGNORE][v % 4]!;
      gSvc[r] = scanner && k % 2 === 0 ? SERVICES[0]! : SERVICES[v % SERVICES.length]!;
      gIf[r] = multi[k] === 1 ? 1 + (v % 3) : 1;
      if (gOut[r] === OK) reached.add(gDst[r]!);
    }
  }
  for (const [withIf, blind] of [[false, false], [true, true], [true, false], [false, true]] as const) {
    const g: Grouped = { start, gDst, gOut, gSvc, gIf: withIf ? gIf : new Uint16Array(0), blind, multi: withIf ? multi : new Uint8Array(0) };
    const input: JudgeInput = { g, keyAt, reached };
    const cols: JudgeColumns = { pending: new PendingColumns(nHosts, alloc), flaggedMain: new Uint32Array(alloc(4 * nHosts)).fill(NO_SERVICE) };
    const bounds = runBounds(start, nHosts, 1, alloc)!;
    const claim = new Int32Array(alloc(4));
    claim[0] = (bounds.length - 1) << 16;
    const job = judgeJob(input, cols, bounds, claim, nHosts, 4, alloc);
    judgeHostRange(job);
  }
}

/** What pass 3 works in, host after host: made once for all the runs a thread judges (a big host's grows it). */
class JudgeScratch {
  readonly seen = new DstSet();
  readonly services = new ServiceCounts();
  fDst = new Uint32Array(1024);
  fOut = new Uint8Array(1024);
  readonly walk = newWalk();
  readonly loc = new Int32Array(4);
  /** firstContacts' and walkContacts' other results. */
  readonly counts = new Int32Array(3);
}

/** Pass 3 over hosts [k0, k1): their rows of the columns, their interface counts, and each flagged one to onFlagged. Returns how many were flagged. */
function judgeRange(input: JudgeInput, cols: JudgeColumns, k0: number, k1: number, interfaces: InterfaceTally, onFlagged: OnFlagged, scratch = new JudgeScratch()): number {
  const { start, gDst, gOut, gSvc, gIf, blind, multi } = input.g;
  const withIf = gIf.length > 0;
  const { reached, keyAt } = input;
  const { pending, flaggedMain } = cols;
  const { seen, services, walk, loc, counts } = scratch;
  let { fDst, fOut } = scratch;
  let nFlagged = 0;
  // The loops over a host's rows are functions of their own, called per host: V8 compiles a small function after a
  // few hosts, where the loops inline in this one were compiled with it while it ran (on-stack replacement) and were
  // thrown away and compiled again at each path a later host took first (a capture's pass 3 ran 40-50 ms slower).
  for (let k = k0; k < k1; k++) {
    const a = start[k]!;
    const b = start[k + 1]!;
    const main = services.count(gSvc, gOut, a, b);
    // (With no source seen on several interfaces, the tally's columns stay empty: nothing to do per host.)
    if (withIf) {
      if (multi[k] === 1) interfaces.several(k, gIf, a, b);
      else interfaces.one(k);
    }
    seen.reset(b - a);
    if (fDst.length < b - a) {
      fDst = scratch.fDst = new Uint32Array(b - a);
      fOut = scratch.fOut = new Uint8Array(b - a);
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
    pending.set(k, walk, loc, nf, failed, main, svcFlows, judged > 1 ? consecutive / (judged - 1) : 0, judged);
    if (flagged) {
      nFlagged++;
      flaggedMain[k] = main;
      onFlagged(k, addr, fDst, fOut, nf, services.others(main));
    }
  }
  return nFlagged;
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

export { BLIND_SWEEP_MIN };

export function analyseFanOut(sources: readonly FlowSource[]): HostAnalysis[] {
  const facts = pass1(sources);
  const { ifNameList } = facts;
  const nHosts = facts.hostsIx.size;
  // Each host's flows as a column (the sorts read it); its other counts are read from its record, host by host.
  const flows = facts.h.flowsColumn();
  const rec = facts.h.rec;
  const keyAt = facts.hostsIx.keyAt;
  // A helper thread judges some of the hosts when the CLI offers one and there are rows enough (judge-split.ts):
  // pass 2 then groups the rows into memory it shares.
  const helper = judgeHelper();
  const alloc = helper && facts.hostOf.length >= (helper.minRows ?? SPLIT_ROWS) ? (bytes: number) => helper.shared(bytes) : privateMemory;
  const grouped = pass2(sources, facts, flows, nHosts, alloc);
  const interfaces = new InterfaceTally(nHosts, ifNameList.length);
  const judged = pass3(grouped, facts, nHosts, interfaces, alloc === privateMemory ? undefined : helper, alloc);
  // Per-interface counts of the sources seen on several interfaces, by host, in first-seen order (main one first).
  const multi = interfaces.finish(ifNameList);
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
  // Clean sources (most of a big capture) become rows of columns (clean-hosts.ts), row i for the i-th host of the list;
  // the flagged ones are objects, with as little per host as possible: no interface Map for one interface, one shared
  // empty evidence list and no-others function. Hosts are read in index order (a dozen tables
  // read in step) and written to their place: reading them in list order instead made each read a cache miss.
  const clean = new CleanHostColumns(nHosts, multi.ifg.length > 0 ? multi : undefined);
  const hosts: (HostAnalysis | undefined)[] = new Array<HostAnalysis | undefined>(nHosts);
  /** The flagged hosts by host index, for the shared targets (a few among many). */
  const flaggedByIndex: HostAnalysis[] = [];
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
    const packetsPerFlow = Math.round((rec[o + R_PACKETS]! / hostFlows) * 100) / 100;
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
      clean.set(i, cleanFacts);
      continue;
    }
    const p = pending.get(k, nameOf);
    const others = p.others;
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
  g.gIf = new Uint16Array(0);
  g.multi = new Uint8Array(0);
}

/** The service's name: 'tcp' for accounting's bare SYNs (no port recorded). */
function nameOf(code: number): string {
  return code === SYN_SERVICE ? 'tcp' : serviceName(code);
}

