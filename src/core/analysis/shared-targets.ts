// Flagged sources that probe the same destinations: the first Code Red's fixed seed gave every host one list.
import type { HostAnalysis } from './fan-out';
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
  /** (destination * 4096 + slot) keys, sorted at the end so each destination's probers sit together. */
  private keys = new Float64Array(1024);
  private n = 0;

  /** A flagged host's first contacts: destinations and outcomes (0 = not port 80), `count` of them. */
  add(hostIndex: number, src: number, dsts: Uint32Array, outcomes: Uint8Array, count: number): void {
    if (this.ids.length >= MAX_MATRIX) return;
    const sl = this.ids.push(hostIndex) - 1;
    let t = 0;
    for (let j = 0; j < count; j++) {
      const dst = dsts[j]!;
      if (outcomes[j] === 0 || src >>> 24 === dst >>> 24 || !cr2CouldPick(src, dst)) continue;
      if (this.n === this.keys.length) {
        const k = new Float64Array(this.n * 2);
        k.set(this.keys);
        this.keys = k;
      }
      this.keys[this.n++] = dst * 4096 + sl;
      t++;
    }
    this.targets.push(t);
  }

  finish(hosts: HostAnalysis[]): void {
    const { ids, targets, n } = this;
    const m = ids.length;
    if (m < 2) return;
    const sorted = this.keys.subarray(0, n).sort();
    const count = new Int32Array(m * m);
    for (let a = 0; a < n; ) {
      const dst = Math.floor(sorted[a]! / 4096);
      let b = a + 1;
      while (b < n && Math.floor(sorted[b]! / 4096) === dst) b++;
      if (b - a >= 2 && b - a <= MAX_PROBERS_PER_TARGET) {
        for (let x = a; x < b; x++) {
          const sx = sorted[x]! % 4096;
          for (let y = a; y < b; y++) if (x !== y) count[sx * m + (sorted[y]! % 4096)]!++;
        }
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
