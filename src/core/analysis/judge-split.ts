// Pass 3 of the fan-out analysis (fan-out.ts) split between two threads: the CLI registers a helper whose thread judges
// the later hosts while this one judges the earlier ones. Everything the other thread reads or fills is shared memory
// (typed arrays over SharedArrayBuffers); what it finds beyond the per-host columns comes back as a JudgeResult.
import type { PendingParts, TallyParts } from './fan-out-tables';
import type { U32SetParts } from './hash-tables';

/**
 * Hosts to judge, in runs both threads claim one at a time (hosts cost very different amounts: a scanner's rows are
 * each a new destination, a client's go to a few servers, so no split decided beforehand comes out even): pass 2's
 * grouped rows, the facts pass 3 reads, and the columns to fill.
 */
export interface JudgeJob {
  /** Run c is hosts [bounds[c], bounds[c + 1]). */
  bounds: Int32Array;
  /** Int32 [the next run to claim]. */
  claim: Int32Array;
  nHosts: number;
  /** Host k's rows are [start[k], start[k + 1]) of gDst, gOut, gSvc and gIf (empty when no source changed interface). */
  start: Int32Array;
  gDst: Uint32Array;
  gOut: Uint8Array;
  gSvc: Uint32Array;
  gIf: Uint16Array | Int32Array;
  blind: boolean;
  /** 1 for a host seen on several interfaces (empty when none was). */
  multi: Uint8Array;
  keyAt: Uint32Array;
  reached: U32SetParts;
  /** How many interface names there are (the tally's size). */
  nIfs: number;
  /** The columns to fill, row k for host k. */
  pending: PendingParts;
  flaggedMain: Uint32Array;
}

/** A flagged host's first contacts and other services (the shared-target search and the report read them). */
export interface FlaggedContacts {
  k: number;
  addr: number;
  dsts: Uint32Array;
  outs: Uint8Array;
  others: [string, number][];
}

export interface JudgeResult {
  /** The runs this thread judged, in the order it claimed them. */
  runs: number[];
  /** Run runs[i]'s interface entries are [tallyFrom[i], tallyTo[i]) of `tally`. */
  tallyFrom: number[];
  tallyTo: number[];
  nFlagged: number;
  /** In host order. */
  flagged: FlaggedContacts[];
  /** Flows per interface of its hosts seen on several (InterfaceTally.parts; empty when no host was). */
  tally: TallyParts;
}

/** What the CLI gives the analysis: shared memory, and a thread to judge hosts on. */
export interface JudgeHelper {
  /** Rows from which to split (fan-out.ts's SPLIT_ROWS when not given: fewer are judged faster on one thread). */
  minRows?: number;
  /** Memory the other thread sees (a SharedArrayBuffer). */
  shared(bytes: number): ArrayBufferLike;
  /**
   * Give the other thread a job; undefined when it cannot take one. `wait` returns its result, or undefined when the
   * thread did not do the job (it never took it, or failed): then the caller judges those hosts itself.
   */
  start(job: JudgeJob): { wait(): JudgeResult | undefined } | undefined;
}

let helper: JudgeHelper | undefined;

/** Offer a helper to the analyses that follow (undefined: none, every host judged on the calling thread). */
export function registerJudgeHelper(h: JudgeHelper | undefined): void {
  helper = h;
}

export function judgeHelper(): JudgeHelper | undefined {
  return helper;
}
