// The fan-out's per-host tables on typed arrays: records during pass 1, per-interface counts, pass 3's findings,
// and one host's destination set (fan-out.ts runs the passes over them).
import { newWalk, type Walk } from './trw';
import { busiestFour } from './verdict';

/**
 * A host's record during pass 1: 32 bytes, half a cache line, as eight 32-bit integers (HostRecords.rec) whose first
 * two hold its packets as a 64-bit number (HostRecords.packets, a view of the same memory: packets at k * R_STRIDE_F).
 * Counts of rows fit 32 bits (a table has fewer than 2^31 rows); packet sums may not (a long flow counts millions).
 * Records of 8 numbers (64 bytes) took twice the memory: 900,000 sources, 58 MB, and 96 MB while they grew.
 */
export const R_FLOWS = 2;
export const R_PORT80 = 3;
export const R_NULL = 4;
/** Its first interface (an index in the global names, -1: none) and the flows on it. */
export const R_MAIN_IF = 5;
export const R_MAIN_IF_COUNT = 6;
/** 1 once a source has been seen on a second interface (then pass 3 counts its flows per interface: InterfaceTally). */
export const R_MULTI_IF = 7;
/** One record of 8 integers a host (32 bytes): a row touches one cache line, not one per counter. */
export const R_STRIDE = 8;
/** The same record's stride in the 64-bit view (its packets are that view's element k * R_STRIDE_F). */
export const R_STRIDE_F = R_STRIDE / 2;

/** Grow-on-demand host records for pass 1. */
export class HostRecords {
  n = 0;
  rec: Int32Array;
  /** The records' packets (element k * R_STRIDE_F): a view of `rec`'s memory. */
  packets: Float64Array;

  constructor(capacity = 64) {
    this.rec = new Int32Array(R_STRIDE * capacity);
    this.packets = new Float64Array(this.rec.buffer);
  }

  /** Start the record of host k (hosts arrive in index order 0, 1, 2...). */
  open(k: number): void {
    if ((k + 1) * R_STRIDE > this.rec.length) {
      const g = new Int32Array(this.rec.length * 2);
      g.set(this.rec);
      this.rec = g;
      this.packets = new Float64Array(g.buffer);
    }
    this.rec[k * R_STRIDE + R_MAIN_IF] = -1;
    this.n = k + 1;
  }

  /** Each host's flows, as one array. */
  flowsColumn(): Float64Array {
    const n = this.n;
    const r = this.rec;
    const flows = new Float64Array(n);
    for (let k = 0, o = R_FLOWS; k < n; k++, o += R_STRIDE) flows[k] = r[o]!;
    return flows;
  }
}

/**
 * Flows per interface of the sources seen on several (R_MULTI_IF), counted host by host as pass 3 reads each host's
 * rows together (`gIf`: each row's global interface number + 1, 0 for a row that names none), kept in first-seen order
 * as MultiInterfaces' columns. Nothing is kept per row or per (host, interface) pair beyond those.
 */
export class InterfaceTally {
  /** Flows of the current host per interface (+ 1), and its interfaces (+ 1) in first-seen order. */
  private readonly count: Int32Array;
  private readonly seen: Int32Array;
  private readonly start: Int32Array;
  private ifg = new Int32Array(64);
  private flows = new Float64Array(64);
  private n = 0;

  constructor(nHosts: number, nIfs: number) {
    this.count = new Int32Array(nIfs + 1);
    this.seen = new Int32Array(nIfs + 1);
    this.start = new Int32Array(nHosts + 1);
  }

  /** Host k, seen on one interface or none (hosts are given in order 0, 1, 2..., each once; or none: then all read so). */
  one(k: number): void {
    this.start[k + 1] = this.n;
  }

  /** Host k, seen on several interfaces, whose rows are [a, b) of gIf. */
  several(k: number, gIf: Uint16Array | Int32Array, a: number, b: number): void {
    const { count, seen } = this;
    let nt = 0;
    for (let r = a; r < b; r++) {
      const g = gIf[r]!;
      if (g !== 0 && count[g]!++ === 0) seen[nt++] = g;
    }
    if (this.n + nt > this.ifg.length) this.grow(this.n + nt);
    for (let i = 0; i < nt; i++) {
      this.ifg[this.n + i] = seen[i]! - 1;
      this.flows[this.n + i] = count[seen[i]!]!;
      count[seen[i]!] = 0;
    }
    this.n += nt;
    this.start[k + 1] = this.n;
  }

  private grow(need: number): void {
    const cap = Math.max(need, this.ifg.length * 2);
    const ifg = new Int32Array(cap);
    ifg.set(this.ifg.subarray(0, this.n));
    const flows = new Float64Array(cap);
    flows.set(this.flows.subarray(0, this.n));
    this.ifg = ifg;
    this.flows = flows;
  }

  /** The counts of the hosts seen on several interfaces, once every host has been counted. */
  finish(names: readonly string[]): MultiInterfaces {
    return new MultiInterfaces(names, this.start, this.ifg.slice(0, this.n), this.flows.slice(0, this.n));
  }
}

/**
 * The flows per interface of the sources seen on several interfaces, host by host, as columns: host k's interfaces
 * are entries [start[k], start[k + 1]) in first-seen order (its main one first). A Map per source, made once for all,
 * was most of what survived the analysis of a capture whose interfaces change from row to row (5,000 sources: about
 * 10 MB the collector copied, twice); a flagged source's Map is made only when asked for (map()), and a clean one's
 * main interface and reason are read from the columns.
 */
export class MultiInterfaces {
  constructor(
    readonly names: readonly string[],
    readonly start: Int32Array,
    readonly ifg: Int32Array,
    readonly flows: Float64Array,
  ) {}

  /** From a function that calls its argument once per (host, interface, flows), each host's interfaces in order. */
  static fromEach(nHosts: number, names: readonly string[], each: (f: (k: number, ifg: number, flows: number) => void) => void): MultiInterfaces {
    const start = new Int32Array(nHosts + 1);
    each((k) => start[k + 1]!++);
    for (let k = 0; k < nHosts; k++) start[k + 1]! += start[k]!;
    const fill = start.slice(0, nHosts);
    const ifg = new Int32Array(start[nHosts]!);
    const flows = new Float64Array(start[nHosts]!);
    each((k, g, n) => {
      const at = fill[k]!++;
      ifg[at] = g;
      flows[at] = n;
    });
    return new MultiInterfaces(names, start, ifg, flows);
  }

  /** Was host k seen on several interfaces? */
  has(k: number): boolean {
    return this.start[k + 1]! > this.start[k]!;
  }

  /** Host k's flows per interface name, in first-seen order. */
  map(k: number): Map<string, number> {
    const m = new Map<string, number>();
    for (let e = this.start[k]!; e < this.start[k + 1]!; e++) m.set(this.names[this.ifg[e]!]!, this.flows[e]!);
    return m;
  }

  /** The entry of host k's busiest interface (the first seen of those with as many flows; mainInterface()'s pick). */
  mainEntry(k: number): number {
    let best = this.start[k]!;
    for (let e = best + 1; e < this.start[k + 1]!; e++) if (this.flows[e]! > this.flows[best]!) best = e;
    return best;
  }

  /** Host k's reason for arriving on several interfaces: interfacesReason() of its map(k), without the Map. */
  reason(k: number): string {
    const a = this.start[k]!;
    const b = this.start[k + 1]!;
    if (b - a <= 1) return '';
    return `arrives on ${b - a} interfaces: ${this.busiest(a, b).text((e) => this.names[this.ifg[e]!]!)}`;
  }

  /**
   * JSON.stringify(reason(k)) in pieces onto `parts` (for a host seen on several interfaces: reason(k) is not empty),
   * each interface's name as `nameJson` gives it by number (its JSON text without the quotes). No string is made for the
   * reason: the CLI's --json writes thousands of them.
   */
  reasonJson(k: number, parts: string[], nameJson: (ifg: number) => string): void {
    const a = this.start[k]!;
    const b = this.start[k + 1]!;
    const top = this.busiest(a, b);
    const t = REASON_JSON;
    parts.push(t.arrives, numberText(b - a), t.interfaces);
    for (let i = 0; i < top.size; i++) {
      if (i > 0) parts.push(t.comma);
      parts.push(nameJson(this.ifg[top.entry(i)]!), t.open, numberText(top.flows(i)), t.close);
    }
    parts.push(t.quote);
  }

  /** The interfaces host k was seen on (reasonJson's first number). */
  count(k: number): number {
    return this.start[k + 1]! - this.start[k]!;
  }

  /**
   * reasonJson's interfaces as numbers: host k's busiest (four at most, in its order) as name numbers into `ifg` and
   * flows into `flows`, from index `at`; returns how many. For a writer that writes the reason from numbers.
   */
  top(k: number, ifg: Int32Array, flows: Float64Array, at: number): number {
    const top = this.busiest(this.start[k]!, this.start[k + 1]!);
    for (let i = 0; i < top.size; i++) {
      ifg[at + i] = this.ifg[top.entry(i)]!;
      flows[at + i] = top.flows(i);
    }
    return top.size;
  }

  private busiest(a: number, b: number): typeof busiestFour {
    const top = busiestFour.reset();
    for (let e = a; e < b; e++) top.offer(e, this.flows[e]!);
    return top;
  }
}

/**
 * The fixed text of reasonJson, between its numbers and names: `"arrives on N interfaces: NAME (FLOWS), ..."` as JSON.
 * (One place, for the CLI's writer that writes the reason from numbers too.)
 */
export const REASON_JSON = { arrives: '"arrives on ', interfaces: ' interfaces: ', comma: ', ', open: ' (', close: ')', quote: '"' } as const;

/** Small whole numbers as text (a reason's counts), made once. */
const SMALL_TEXT = Array.from({ length: 1024 }, (_, i) => `${i}`);
const numberText = (n: number): string => (n >= 0 && n < 1024 && (n | 0) === n ? SMALL_TEXT[n]! : `${n}`);

/** What pass 3 learns about a host before its flagged rows are read again. */
export interface PendingHost {
  walk: Walk;
  /** Same /16, same /8, other, forbidden: valid until the next `get`. */
  loc: Int32Array;
  destinations: number;
  failed: number;
  service: string;
  svcFlows: number;
  sequentialShare: number;
  targets: number;
  others: Map<string, number> | undefined;
}

export function resetWalk(w: Walk): void {
  w.llr = 0;
  w.crossed = false;
  w.failuresAtCrossing = 0;
  w.failures = 0;
  w.successes = 0;
  w.neutral = 0;
  w.unscored = 0;
}

/**
 * Pass 3's findings for every host in columns (a few numbers a host, where an object with a walk and a locality array
 * each was most of the memory of a 200,000-source capture); `get` makes one host's view as the verdicts are written.
 * All in one buffer, over which the clean hosts' columns are then made (cleanRoom): each is written at a host's row
 * only once that host's findings have been read, so the verdicts need no memory of their own (half a million sources:
 * 24 MB less at the analysis's peak).
 */
export class PendingColumns {
  private readonly llr: Float64Array;
  private readonly sequential: Float64Array;
  // Counts of rows, a column each (the clean hosts' nine 32-bit columns are made over these nine).
  private readonly failuresAtCrossing: Int32Array;
  private readonly failures: Int32Array;
  private readonly successes: Int32Array;
  private readonly neutral: Int32Array;
  private readonly unscored: Int32Array;
  private readonly destinations: Int32Array;
  private readonly failed: Int32Array;
  private readonly svcFlows: Int32Array;
  private readonly targets: Int32Array;
  private readonly loc: Int32Array;
  private readonly main: Uint32Array;
  private readonly crossed: Uint8Array;
  /** The other services of each flagged host (by name, with their flows). */
  readonly others = new Map<number, Map<string, number>>();

  constructor(n: number) {
    const buffer = new ArrayBuffer(PENDING_BYTES_PER_HOST * n);
    let at = 0;
    /** The next `per` bytes a host: whole columns, 8-byte columns first, so every view is aligned. */
    const take = (per: number): number => {
      const o = at;
      at += per * n;
      return o;
    };
    this.llr = new Float64Array(buffer, take(8), n);
    this.sequential = new Float64Array(buffer, take(8), n);
    const count = () => new Int32Array(buffer, take(4), n);
    this.failuresAtCrossing = count();
    this.failures = count();
    this.successes = count();
    this.neutral = count();
    this.unscored = count();
    this.destinations = count();
    this.failed = count();
    this.svcFlows = count();
    this.targets = count();
    this.loc = new Int32Array(buffer, take(16), 4 * n);
    this.main = new Uint32Array(buffer, take(4), n);
    this.crossed = new Uint8Array(buffer, take(1), n);
  }

  set(k: number, w: Walk, loc: Int32Array, destinations: number, failed: number, main: number, svcFlows: number, sequentialShare: number, targets: number): void {
    this.llr[k] = w.llr;
    this.crossed[k] = w.crossed ? 1 : 0;
    this.failuresAtCrossing[k] = w.failuresAtCrossing;
    this.failures[k] = w.failures;
    this.successes[k] = w.successes;
    this.neutral[k] = w.neutral;
    this.unscored[k] = w.unscored;
    this.destinations[k] = destinations;
    this.failed[k] = failed;
    this.svcFlows[k] = svcFlows;
    this.targets[k] = targets;
    const l = k * 4;
    this.loc[l] = loc[0]!;
    this.loc[l + 1] = loc[1]!;
    this.loc[l + 2] = loc[2]!;
    this.loc[l + 3] = loc[3]!;
    this.main[k] = main;
    this.sequential[k] = sequentialShare;
  }

  /** Host k's distinct destinations. */
  destinationsOf(k: number): number {
    return this.destinations[k]!;
  }

  /** Host k's walk, into `w` (a scratch walk: nothing made per host). */
  walkInto(k: number, w: Walk): Walk {
    w.llr = this.llr[k]!;
    w.crossed = this.crossed[k] === 1;
    w.failuresAtCrossing = this.failuresAtCrossing[k]!;
    w.failures = this.failures[k]!;
    w.successes = this.successes[k]!;
    w.neutral = this.neutral[k]!;
    w.unscored = this.unscored[k]!;
    return w;
  }

  /** Host k's failed first contacts on its main service. */
  failedOf(k: number): number {
    return this.failed[k]!;
  }

  /** Host k's main service (its code). */
  serviceOf(k: number): number {
    return this.main[k]!;
  }

  /** One host's four locality counts, in a scratch array the next call overwrites (no view made per host). */
  private readonly locScratch = new Int32Array(4);
  locOf(k: number): Int32Array {
    const l = this.locScratch;
    const o = k * 4;
    l[0] = this.loc[o]!;
    l[1] = this.loc[o + 1]!;
    l[2] = this.loc[o + 2]!;
    l[3] = this.loc[o + 3]!;
    return l;
  }

  /** Host k's findings; `loc` is only good until the next call. */
  get(k: number, name: (code: number) => string): PendingHost {
    return {
      walk: this.walkInto(k, newWalk()),
      loc: this.locOf(k),
      destinations: this.destinations[k]!,
      failed: this.failed[k]!,
      service: name(this.main[k]!),
      svcFlows: this.svcFlows[k]!,
      sequentialShare: this.sequential[k]!,
      targets: this.targets[k]!,
      others: this.others.get(k),
    };
  }

  /**
   * This table's memory, for the clean hosts' columns (CleanHostColumns over a CleanRoom): each of theirs over one of
   * these of the same width, so that writing host k's row there overwrites no host's findings but k's. From then on,
   * host k's findings may be read only until its row is written.
   */
  cleanRoom(): CleanRoom {
    return {
      words: [this.failuresAtCrossing, this.failures, this.successes, this.neutral, this.unscored, this.destinations, this.failed, this.svcFlows, this.targets],
      f64: this.llr,
      u8: this.crossed,
      loc: this.loc,
      i32: new Int32Array(this.main.buffer, this.main.byteOffset, this.main.length),
    };
  }
}

/** A PendingColumns' bytes a host: two 8-byte columns, nine counts, four locality counts, the main service, crossed. */
const PENDING_BYTES_PER_HOST = 8 + 8 + 9 * 4 + 16 + 4 + 1;

/**
 * Memory for a CleanHostColumns of n rows, over columns it may overwrite row by row: nine 32-bit columns, one of
 * 8-byte numbers, one of bytes, one of four 32-bit numbers a row and one more 32-bit column, each n rows long.
 */
export interface CleanRoom {
  words: readonly Int32Array[];
  f64: Float64Array;
  u8: Uint8Array;
  loc: Int32Array;
  i32: Int32Array;
}

/** A reusable set of destinations for one host at a time: destination -> its index among first contacts. */
export class DstSet {
  private keys = new Uint32Array(64);
  private vals = new Int32Array(64);
  /** The host a slot was filled for (`gen`): an older stamp is an empty slot, so nothing is cleared per host. */
  private stamp = new Uint32Array(64);
  private gen = 0;
  private mask = 63;

  /** Prepare for up to `n` destinations, in a prefix of the arrays sized to n (small hosts stay in L1). */
  reset(n: number): void {
    let cap = 16;
    while (cap < n * 2) cap *= 2;
    if (cap > this.keys.length) {
      this.keys = new Uint32Array(cap);
      this.vals = new Int32Array(cap);
      this.stamp = new Uint32Array(cap);
      this.gen = 0;
    }
    this.gen++;
    this.mask = cap - 1;
  }

  /** Index of dst, or `next` after adding it with that index. */
  indexOf(dst: number, next: number): number {
    let s = Math.imul(dst ^ (dst >>> 15), 0x2c1b3c6d) >>> 0;
    s = (s ^ (s >>> 12)) & this.mask;
    const gen = this.gen;
    for (;;) {
      if (this.stamp[s] !== gen) break;
      if (this.keys[s] === dst) return this.vals[s]!;
      s = (s + 1) & this.mask;
    }
    this.stamp[s] = gen;
    this.keys[s] = dst;
    this.vals[s] = next;
    return next;
  }
}
