// Pass 3 of the fan-out analysis (fan-out.ts), host by host: each host's main service, first contacts, walk, locality
// and sweep shape. It reads only the rows grouped by host (pass 2) and a few per-host columns, so a range of hosts can
// be judged anywhere: the CLI gives a share of the hosts of a big capture to its other thread (usePass3Helper), which
// otherwise idles once the file is read.
import { BLIND_SWEEP_MIN, FAILED, IGNORE, OK, OUTCOME_SHIFT, SERVICE_BITS, SYN_SERVICE } from './flow-facts';
import { U32Set, type U32SetData } from './hash-tables';
import { ICMP, NO_SERVICE, UDP } from './service';
import { ServiceCounts } from './service-counts';
import { localityCode } from './locality';
import { DstSet, InterfaceTally, type InterfaceTallyShare, PendingColumns, type PendingShare, resetWalk } from './fan-out-tables';
import { SharedTargetCollector } from './shared-targets';
import { verdictOf } from './verdict';
import { newWalk, step, type Walk } from './trw';

/** What pass 3 reads: the rows grouped by host and, per host, its address and whether it came on several interfaces. */
export interface Pass3Input {
  /** Host k's rows are [start[k], start[k + 1]) of the grouped rows. */
  start: Int32Array;
  /** Two words a grouped row: its destination, then its service and settled outcome (flow-facts.ts OUTCOME_SHIFT). */
  gRows: Uint32Array;
  /** Each grouped row's interface as a global number + 1 (0: none); empty when no source came on several. */
  gIf: Uint16Array | Int32Array;
  /** 1 for a host seen on several interfaces (its flows are then counted per interface). */
  multi: Uint8Array;
  /** Each host's address. */
  keyAt: Uint32Array;
  /** Destinations someone reached with a real exchange (a failure aimed at one is neutral). */
  reached: U32Set;
  /** No UDP or ICMP probe in the capture got a visible reply (and some went unanswered). */
  blind: boolean;
}

/** Pass 3's findings per host (pass 4 and the verdicts read them). */
export interface Judged {
  pending: PendingColumns;
  /** Main service of each flagged host (NO_SERVICE for the others): pass 4 reads their rows. */
  flaggedMain: Uint32Array;
  nFlagged: number;
  shared: SharedTargetCollector;
}

/** Where pass 3 writes a range of hosts' findings: host k at index k - base of each. */
interface Pass3Out {
  pending: PendingColumns;
  flaggedMain: Uint32Array;
  interfaces: InterfaceTally;
  /** The flagged hosts' first contacts, and their other services: kept by the thread that joins the shares only. */
  shared?: SharedTargetCollector;
  base: number;
}

/** Scratch a thread reuses host after host. */
class Scratch {
  readonly seen = new DstSet();
  readonly services = new ServiceCounts();
  fDst = new Uint32Array(1024);
  fOut = new Uint8Array(1024);
  readonly walk = newWalk();
  readonly loc = new Int32Array(4);
  /** firstContacts' and walkContacts' other results. */
  readonly counts = new Int32Array(3);

  /** The last host's main service (contacts). */
  main = NO_SERVICE;

  /** Host rows [a, b): its main service (`main`), and its first contacts on it in fDst and fOut (returns how many). */
  contacts(gRows: Uint32Array, a: number, b: number): number {
    const main = (this.main = this.services.count(gRows, a, b));
    this.seen.reset(b - a);
    if (this.fDst.length < b - a) {
      this.fDst = new Uint32Array(b - a);
      this.fOut = new Uint8Array(b - a);
    }
    return firstContacts(gRows, a, b, main, this.seen, this.fDst, this.fOut, this.counts);
  }
}

/**
 * Pass 3 over hosts [from, to), host by host: its main service (the one with the most failed contacts), first contacts
 * on it in order (a destination's outcome is the best of its flows: a failure answered later is an answer), then the
 * walk, the locality of the judged targets and the shape of the sweep. Returns how many it flagged.
 */
function pass3Range(g: Pass3Input, from: number, to: number, out: Pass3Out, s: Scratch): number {
  const { start, gRows, gIf, multi, keyAt, reached, blind } = g;
  const { pending, flaggedMain, interfaces, shared, base } = out;
  const withIf = gIf.length > 0;
  const { walk, loc, counts } = s;
  let nFlagged = 0;
  // The loops over a host's rows are functions of their own, called per host: V8 compiles a small function after a
  // few hosts, where the loops inline in this one were compiled with it while it ran (on-stack replacement) and were
  // thrown away and compiled again at each path a later host took first (a capture's pass 3 ran 40-50 ms slower).
  for (let k = from; k < to; k++) {
    const a = start[k]!;
    const b = start[k + 1]!;
    const nf = s.contacts(gRows, a, b);
    const main = s.main;
    // (With no source seen on several interfaces, the tally's columns stay empty: nothing to do per host.)
    if (withIf) {
      if (multi[k] === 1) interfaces.several(k - base, gIf, a, b);
      else interfaces.one(k - base);
    }
    const failed = counts[0]!;
    const svcFlows = counts[1]!;
    const { fDst, fOut } = s;
    // No replies anywhere: a UDP or ICMP source's few unanswered probes are no evidence (BLIND_SWEEP_MIN).
    const blindFew = blind && isUdpOrIcmp(main) && countFailed(fOut, nf) < BLIND_SWEEP_MIN;
    const addr = keyAt[k]!;
    const judged = walkContacts(addr, fDst, fOut, nf, blindFew, reached, walk, loc, counts);
    const consecutive = counts[0]!;
    const flagged = verdictOf(walk) !== 'clean';
    if (flagged) {
      nFlagged++;
      flaggedMain[k - base] = main;
      if (shared) {
        shared.add(k, addr, fDst, fOut, nf);
        pending.others.set(k, s.services.others(main));
      }
    }
    pending.set(k - base, walk, loc, nf, failed, main, svcFlows, judged > 1 ? consecutive / (judged - 1) : 0, judged);
  }
  return nFlagged;
}

/** Hosts below which pass 3 is not shared (the other thread's start costs more than it saves). */
export const SHARE_MIN_ROWS = 250_000;

/**
 * A share of pass 3 for another thread: its hosts' input, renumbered from 0, as plain data of its own (arrays a thread
 * can hand over whole; the reached set as its table).
 */
export interface Pass3Job {
  input: Omit<Pass3Input, 'reached'> & { reached: U32SetData };
  hosts: number;
  /** How many interface names there are (gIf's numbers go up to it). */
  ifs: number;
}

/** A share's findings, host j of the share at index j (arrays the other thread can hand over whole). */
export interface Pass3Result {
  pending: PendingShare;
  flaggedMain: Uint32Array;
  nFlagged: number;
  interfaces: InterfaceTallyShare;
}

/**
 * Another thread that judges a share of the hosts: `start` hands it the job and returns a function that waits for its
 * result (undefined if it failed: the share is then judged here).
 */
export interface Pass3Helper {
  start(job: Pass3Job): () => Pass3Result | undefined;
}

let helper: Pass3Helper | undefined;

/** Let a helper thread judge a share of a big capture's hosts (the CLI's file-reading thread); undefined: none. */
export function usePass3Helper(h: Pass3Helper | undefined): void {
  helper = h;
}

/** A share's job judged where it is (the helper thread's side of Pass3Helper). */
export function judgeShare(job: Pass3Job): Pass3Result {
  const n = job.hosts;
  const withIf = job.input.gIf.length > 0;
  const out: Pass3Out = {
    pending: new PendingColumns(n),
    flaggedMain: new Uint32Array(n).fill(NO_SERVICE),
    interfaces: new InterfaceTally(withIf ? n : 0, withIf ? job.ifs : 0),
    base: 0,
  };
  const input: Pass3Input = { ...job.input, reached: U32Set.fromData(job.input.reached) };
  const nFlagged = pass3Range(input, 0, n, out, new Scratch());
  return { pending: out.pending.share(), flaggedMain: out.flaggedMain, nFlagged, interfaces: out.interfaces.share() };
}

/**
 * Pass 3 over every host. With a helper and a big capture, the hosts past a split point (about half the work) are
 * judged on the other thread meanwhile, and their findings joined after this thread's: the results are exactly those
 * of one pass (the flagged hosts of the share, a few, are read again here for their first contacts and services).
 */
export function pass3(g: Pass3Input, nHosts: number, interfaces: InterfaceTally, ifs: number): Judged {
  const pending = new PendingColumns(nHosts);
  const flaggedMain = new Uint32Array(nHosts).fill(NO_SERVICE);
  const shared = new SharedTargetCollector();
  const out: Pass3Out = { pending, flaggedMain, interfaces, shared, base: 0 };
  const s = new Scratch();
  const split = helper && g.start[nHosts]! >= SHARE_MIN_ROWS ? splitPoint(g.start, nHosts) : nHosts;
  const wait = split < nHosts ? helper!.start(shareJob(g, split, nHosts, ifs)) : undefined;
  let nFlagged = pass3Range(g, 0, split, out, s);
  if (wait) {
    const r = wait();
    if (r) nFlagged += joinShare(g, r, split, nHosts, out, s);
    else nFlagged += pass3Range(g, split, nHosts, out, s);
  }
  return { pending, flaggedMain, nFlagged, shared };
}

/**
 * Where the other thread's share starts: the host past which about half of pass 3's work is left, counting a row as
 * one and a host as four (a host's own steps cost about as much as four of its rows).
 */
export function splitPoint(start: Int32Array, nHosts: number): number {
  const HOST = 4;
  const total = start[nHosts]! + HOST * nHosts;
  let lo = 0;
  let hi = nHosts;
  // The first host k whose work before it reaches half.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (2 * (start[mid]! + HOST * mid) < total) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Hosts [from, to) as a job of their own: their rows, columns and addresses copied, renumbered from 0. */
export function shareJob(g: Pass3Input, from: number, to: number, ifs: number): Pass3Job {
  const a = g.start[from]!;
  const b = g.start[to]!;
  const start = g.start.slice(from, to + 1);
  for (let k = 0; k < start.length; k++) start[k] = start[k]! - a;
  return {
    hosts: to - from,
    ifs,
    input: {
      start,
      gRows: g.gRows.slice(2 * a, 2 * b),
      gIf: g.gIf.length > 0 ? g.gIf.slice(a, b) : g.gIf.slice(0, 0),
      multi: g.multi.length > 0 ? g.multi.slice(from, to) : g.multi.slice(0, 0),
      keyAt: g.keyAt.slice(from, to),
      reached: g.reached.data(),
      blind: g.blind,
    },
  };
}

/**
 * A share's findings put in place for hosts [from, to) (after this thread's hosts before `from`), and what the share
 * did not keep for its flagged hosts (their first contacts for the shared targets, their other services) read again
 * here, in host order. Returns how many it flagged.
 */
function joinShare(g: Pass3Input, r: Pass3Result, from: number, to: number, out: Pass3Out, s: Scratch): number {
  out.pending.setShare(from, r.pending);
  out.flaggedMain.set(r.flaggedMain, from);
  if (g.gIf.length > 0) out.interfaces.appendShare(from, r.interfaces);
  if (r.nFlagged > 0) {
    for (let k = from; k < to; k++) {
      if (out.flaggedMain[k] === NO_SERVICE) continue;
      const nf = s.contacts(g.gRows, g.start[k]!, g.start[k + 1]!);
      out.shared!.add(k, g.keyAt[k]!, s.fDst, s.fOut, nf);
      out.pending.others.set(k, s.services.others(s.main));
    }
  }
  return r.nFlagged;
}

/**
 * A host's rows [a, b) to its first contacts on its main service, in order (fDst, fOut; a destination's outcome is
 * the best of its flows: a failure answered later is an answer). Returns how many; counts[0] gets its failed flows on
 * the main service and counts[1] its flows on it.
 */
function firstContacts(gRows: Uint32Array, a: number, b: number, main: number, seen: DstSet, fDst: Uint32Array, fOut: Uint8Array, counts: Int32Array): number {
  let nf = 0;
  let failed = 0;
  let svcFlows = 0;
  // The main service's bits in a grouped row's word; -1, which no word's bits are, when the host has none.
  const mainBits = main === NO_SERVICE ? -1 : main & SERVICE_BITS;
  for (let r = a; r < b; r++) {
    const w = gRows[2 * r + 1]!;
    const d = gRows[2 * r]!;
    const onMain = (w & SERVICE_BITS) === mainBits;
    const o = onMain ? w >>> OUTCOME_SHIFT : IGNORE;
    const j = seen.indexOf(d, nf);
    if (j === nf) {
      fDst[nf] = d;
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
