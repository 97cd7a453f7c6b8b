// Flagged sources that probe the same destinations: the first Code Red's fixed seed gave every host one list.
import type { HostAnalysis } from './fan-out';
import { cr2CouldPick } from './locality';
import { startsAscending } from './host-order';

/** Pairs must share at least this many targets outside both their /8s to be reported. */
export const MIN_SHARED = 3;
/** A destination probed by more flagged sources than this is skipped (bounds the pair work to O(targets)). */
const MAX_PROBERS_PER_TARGET = 64;
/** At most this many flagged hosts are compared pairwise (a 2,000 x 2,000 count matrix is 16 MB). */
const MAX_MATRIX = 2000;
/** At most this many addresses listed per host; the reason gives the full count. */
export const MAX_LISTED = 20;

/**
 * Among infected/suspect hosts, find pairs whose port-80 targets overlap. Only targets outside the source's own
 * /8 count: Code Red II hosts in one /16 meet there by chance, while two random scanners meet elsewhere with
 * odds n1*n2/2^32 (about 0.02 for 10,000 targets each). `finish` sets `sharedTargetsWith` and adds a reason.
 */
export class SharedTargetCollector {
  /** Host index (in the array given to `finish`) of each compared host, by its slot. */
  private ids: number[] = [];
  private targets: number[] = [];
  /** Every (destination, slot) added, in order; grouped by destination in `finish`. */
  private dsts = new Uint32Array(4096);
  private slots = new Int32Array(4096);
  private n = 0;

  /** A flagged host's first contacts: destinations and outcomes (0 = not port 80), `count` of them. */
  add(hostIndex: number, src: number, dsts: Uint32Array, outcomes: Uint8Array, count: number): void {
    if (this.ids.length >= MAX_MATRIX) return;
    const sl = this.ids.push(hostIndex) - 1;
    if (this.n + count > this.dsts.length) {
      const cap = Math.max(this.n + count, this.dsts.length * 2);
      const d = new Uint32Array(cap);
      d.set(this.dsts.subarray(0, this.n));
      this.dsts = d;
      const sa = new Int32Array(cap);
      sa.set(this.slots.subarray(0, this.n));
      this.slots = sa;
    }
    let t = 0;
    for (let j = 0; j < count; j++) {
      const dst = dsts[j]!;
      if (outcomes[j] === 0 || src >>> 24 === dst >>> 24 || !cr2CouldPick(src, dst)) continue;
      this.dsts[this.n] = dst;
      this.slots[this.n++] = sl;
      t++;
    }
    this.targets.push(t);
  }

  /**
   * The (destination, slot) entries sorted by destination, in place: a radix sort, two passes of 16 bits, so each
   * destination's probers sit side by side (a hash index of 300,000 random targets cost several times more in cache
   * misses).
   */
  private byDestination(): { dst: Uint32Array; slot: Int32Array } {
    // Only destinations added more than once can be shared: the others are dropped first (random scanners' targets
    // almost never repeat, and sorting 300,000 of them for nothing took 20-30 ms).
    const n = keepRepeated(this.dsts, this.slots, this.n);
    const dst = new Uint32Array(n);
    const slot = new Int32Array(n);
    radixPass(this.dsts.subarray(0, n), this.slots.subarray(0, n), dst, slot, 0);
    // The low half's order is kept within each high half (a stable pass): sorted by the whole address.
    radixPass(dst, slot, this.dsts.subarray(0, n), this.slots.subarray(0, n), 16);
    return { dst: this.dsts.subarray(0, n), slot: this.slots.subarray(0, n) };
  }

  finish(hosts: HostAnalysis[]): void {
    const { ids, targets } = this;
    const m = ids.length;
    if (m < 2) return;
    const { dst, slot } = this.byDestination();
    const n = dst.length;
    const count = new Int32Array(m * m);
    // Each destination's probers (a run of equal destinations; each host lists a destination once).
    for (let a = 0; a < n; ) {
      let b = a + 1;
      while (b < n && dst[b] === dst[a]) b++;
      if (b - a >= 2 && b - a <= MAX_PROBERS_PER_TARGET) {
        for (let x = a; x < b; x++) for (let y = a; y < b; y++) if (x !== y) count[slot[x]! * m + slot[y]!]!++;
      }
      a = b;
    }
    for (let sa = 0; sa < m; sa++) {
      const partners: [number, number][] = [];
      for (let sb = 0; sb < m; sb++) if (count[sa * m + sb]! >= MIN_SHARED) partners.push([sb, count[sa * m + sb]!]);
      if (partners.length === 0) continue;
      partners.sort((x, y) => y[1] - x[1] || hosts[ids[x[0]]!]!.addr - hosts[ids[y[0]]!]!.addr);
      const h = hosts[ids[sa]!]!;
      h.sharedTargetsWith = partners.slice(0, MAX_LISTED).map(([sb]) => hosts[ids[sb]!]!.ip);
      const [top, k] = partners[0]!;
      const chance = (targets[sa]! * targets[top]!) / 2 ** 32;
      h.reasons.push(
        `probes the same destinations as ${partners.length === 1 ? '1 other flagged host' : `${partners.length} other flagged hosts`} ` +
          `(${k} shared with ${hosts[ids[top]!]!.ip}, ${chance < 0.01 ? 'under 0.01' : chance.toFixed(2)} expected by chance): ` +
          `the first Code Red's fixed random seed made every infected host probe one list`,
      );
    }
  }
}

/**
 * Bits in keepRepeated's two maps: about eight per entry (under one entry in eleven shares a bit by chance), at most
 * 2^22 (512 KB a map). Sized to the entries, not fixed: fresh memory costs its first touch, and two fixed 512 KB maps
 * cost 6-10 ms for 50,000 entries on a Firecracker VM (a page fault per 4 KB), more than the marking itself.
 */
const SEEN_LOG_MAX = 22;
const SEEN_LOG_MIN = 10;
const seenLog = (n: number): number => Math.min(SEEN_LOG_MAX, Math.max(SEEN_LOG_MIN, Math.ceil(Math.log2(Math.max(n, 1))) + 3));

/**
 * Keep, in place and in order, the entries of [0, n) whose destination may occur more than once: every entry of a
 * destination that does, and a few others that share its bit in the maps (a hash of seenLog(n) bits). Returns how many.
 */
function keepRepeated(dsts: Uint32Array, slots: Int32Array, n: number): number {
  const log = seenLog(n);
  const once = new Int32Array((1 << log) >>> 5);
  const twice = new Int32Array((1 << log) >>> 5);
  markRepeated(dsts, n, once, twice, 32 - log);
  return compactRepeated(dsts, slots, n, twice, 32 - log);
}

/** A destination's bit in keepRepeated's maps (the hash's top 32 - shift bits). */
const seenBit = (d: number, shift: number): number => Math.imul(d ^ (d >>> 15), 0x2c1b3c6d) >>> shift;

/** Set each destination's bit in `once`, and in `twice` when `once` had it already. */
function markRepeated(dsts: Uint32Array, n: number, once: Int32Array, twice: Int32Array, shift: number): void {
  for (let e = 0; e < n; e++) {
    const b = seenBit(dsts[e]!, shift);
    const w = b >>> 5;
    const m = 1 << (b & 31);
    if ((once[w]! & m) !== 0) twice[w]! |= m;
    else once[w]! |= m;
  }
}

/** Move the entries whose bit is in `twice` to the front, in order. Returns how many. */
function compactRepeated(dsts: Uint32Array, slots: Int32Array, n: number, twice: Int32Array, shift: number): number {
  let k = 0;
  for (let e = 0; e < n; e++) {
    const b = seenBit(dsts[e]!, shift);
    if ((twice[b >>> 5]! & (1 << (b & 31))) === 0) continue;
    dsts[k] = dsts[e]!;
    slots[k++] = slots[e]!;
  }
  return k;
}

/**
 * One stable counting-sort pass on 16 bits of the destination (from bit `shift`), carrying each entry's slot. A
 * function of its own, called twice: V8 optimises it from the first call, where one function with both passes inline
 * ran mostly unoptimised (20 ms instead of 3 for 100,000 entries).
 */
function radixPass(dst: Uint32Array, slot: Int32Array, toDst: Uint32Array, toSlot: Int32Array, shift: number): void {
  const start = digitCounts(dst, shift);
  startsAscending(start);
  scatterByDigit(dst, slot, toDst, toSlot, shift, start);
}

// One loop per function (a function with several is compiled while its first loop runs, then thrown away at the next).

/** How many addresses have each 16-bit digit (at `shift`). */
function digitCounts(dst: Uint32Array, shift: number): Int32Array {
  const count = new Int32Array(1 << 16);
  for (let e = 0; e < dst.length; e++) count[(dst[e]! >>> shift) & 0xffff]!++;
  return count;
}


/** Each (address, slot) to its digit's next place, keeping their order within a digit. */
function scatterByDigit(dst: Uint32Array, slot: Int32Array, toDst: Uint32Array, toSlot: Int32Array, shift: number, start: Int32Array): void {
  for (let e = 0; e < dst.length; e++) {
    const d = dst[e]!;
    const at = start[(d >>> shift) & 0xffff]!++;
    toDst[at] = d;
    toSlot[at] = slot[e]!;
  }
}
