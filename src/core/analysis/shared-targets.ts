// Flagged sources that probe the same destinations: the first Code Red's fixed seed gave every host one list.
import type { HostAnalysis } from './fan-out';
import { U32Index } from './hash-tables';
import { cr2CouldPick } from './locality';

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
  /** Every (destination, slot) added, in order; indexed by destination in `finish`, sized once (no rehashing). */
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

  /** Each destination's probers as a linked list over typed arrays (no per-target objects), newest first. */
  private index(): { dstIx: U32Index; head: Int32Array; next: Int32Array } {
    const n = this.n;
    const dstIx = new U32Index(n);
    const head = new Int32Array(n).fill(-1);
    const next = new Int32Array(n);
    for (let e = 0; e < n; e++) {
      const d = dstIx.add(this.dsts[e]!);
      next[e] = head[d]!;
      head[d] = e;
    }
    return { dstIx, head, next };
  }

  finish(hosts: HostAnalysis[]): void {
    const { ids, targets } = this;
    const m = ids.length;
    if (m < 2) return;
    const { dstIx, head, next } = this.index();
    const slotOf = this.slots;
    const count = new Int32Array(m * m);
    const probers: number[] = [];
    for (let d = 0; d < dstIx.size; d++) {
      probers.length = 0;
      for (let e = head[d]!; e >= 0 && probers.length <= MAX_PROBERS_PER_TARGET; e = next[e]!) probers.push(slotOf[e]!);
      if (probers.length < 2 || probers.length > MAX_PROBERS_PER_TARGET) continue;
      for (const x of probers) for (const y of probers) if (x !== y) count[x * m + y]!++;
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
