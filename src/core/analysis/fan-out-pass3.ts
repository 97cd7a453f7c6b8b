// Pass 3 of the fan-out analysis (fan-out.ts), host by host: each host's main service, first contacts, walk, locality
// and sweep shape. It reads the rows grouped by host (pass 2) and a few per-host tables (Pass3Input).
import { BLIND_SWEEP_MIN, FAILED, IGNORE, OK, OUTCOME_SHIFT, SERVICE_BITS, SYN_SERVICE } from './flow-facts';
import type { U32Set } from './hash-tables';
import { ICMP, NO_SERVICE, UDP } from './service';
import { ServiceCounts } from './service-counts';
import { localityCode } from './locality';
import { DstSet, type InterfaceTally, PendingColumns, R_MULTI_IF, R_STRIDE, resetWalk } from './fan-out-tables';
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
  /** Pass 1's host records (R_MULTI_IF: a host seen on several interfaces, whose flows are counted per interface). */
  rec: Int32Array;
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
  /**
   * Each host's number among the flagged hosts, in host order (-1: not flagged): pass 4 reads the flagged hosts' rows
   * and keeps its sums by this number, a few per flagged host where columns of every host were 28 bytes a host.
   */
  flaggedAt: Int32Array;
  /** Main service of each flagged host, by its number among them. */
  flaggedMain: Uint32Array;
  nFlagged: number;
  shared: SharedTargetCollector;
}

/**
 * Pass 3, host by host: its main service (the one with the most failed contacts), first contacts on it in order
 * (a destination's outcome is the best of its flows: a failure answered later is an answer), then the walk, the
 * locality of the judged targets and the shape of the sweep.
 */
export function pass3(g: Pass3Input, nHosts: number, interfaces: InterfaceTally): Judged {
  const { start, gRows, gIf, rec, keyAt, reached, blind } = g;
  const withIf = gIf.length > 0;
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
  const flaggedAt = new Int32Array(nHosts).fill(-1);
  let flaggedMain: Uint32Array<ArrayBuffer> = new Uint32Array(64);
  let nFlagged = 0;
  // The loops over a host's rows are functions of their own, called per host: V8 compiles a small function after a
  // few hosts, where the loops inline in this one were compiled with it while it ran (on-stack replacement) and were
  // thrown away and compiled again at each path a later host took first (a capture's pass 3 ran 40-50 ms slower).
  for (let k = 0; k < nHosts; k++) {
    const a = start[k]!;
    const b = start[k + 1]!;
    const main = services.count(gRows, a, b);
    // (With no source seen on several interfaces, the tally's columns stay empty: nothing to do per host.)
    if (withIf) {
      if (rec[k * R_STRIDE + R_MULTI_IF] === 1) interfaces.several(k, gIf, a, b);
      else interfaces.one(k);
    }
    seen.reset(b - a);
    if (fDst.length < b - a) {
      fDst = new Uint32Array(b - a);
      fOut = new Uint8Array(b - a);
    }
    const nf = firstContacts(gRows, a, b, main, seen, fDst, fOut, counts);
    const failed = counts[0]!;
    const svcFlows = counts[1]!;
    // No replies anywhere: a UDP or ICMP source's few unanswered probes are no evidence (BLIND_SWEEP_MIN).
    const blindFew = blind && isUdpOrIcmp(main) && countFailed(fOut, nf) < BLIND_SWEEP_MIN;
    const addr = keyAt[k]!;
    const judged = walkContacts(addr, fDst, fOut, nf, blindFew, reached, walk, loc, counts);
    const consecutive = counts[0]!;
    const flagged = verdictOf(walk) !== 'clean';
    if (flagged) {
      if (nFlagged === flaggedMain.length) flaggedMain = grownU32(flaggedMain);
      flaggedAt[k] = nFlagged;
      flaggedMain[nFlagged++] = main;
      shared.add(k, addr, fDst, fOut, nf);
    }
    pending.set(k, walk, loc, nf, failed, main, svcFlows, judged > 1 ? consecutive / (judged - 1) : 0, judged);
    if (flagged) pending.others.set(k, services.others(main));
  }
  return { pending, flaggedAt, flaggedMain, nFlagged, shared };
}

function grownU32(a: Uint32Array): Uint32Array<ArrayBuffer> {
  const g = new Uint32Array(a.length * 2);
  g.set(a);
  return g;
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
