// Flagged sources that probe the same destinations: the first Code Red's fixed seed gave every host one list.
import type { HostAnalysis } from './fan-out';
import type { PairIndex } from './hash-tables';
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
 * odds n1*n2/2^32 (about 0.02 for 10,000 targets each). Sets `sharedTargetsWith` and adds a reason.
 * `hosts` is in first-seen order (index = host index of the first contacts); pairState 0 = not port 80.
 */
export function findSharedTargets(hosts: HostAnalysis[], pairs: PairIndex, pairHost: Int32Array, pairState: Uint8Array): void {
  const ids: number[] = [];
  const slot = new Int32Array(hosts.length).fill(-1);
  for (let i = 0; i < hosts.length && ids.length < MAX_MATRIX; i++) if (hosts[i]!.verdict !== 'clean') slot[i] = ids.push(i) - 1;
  const m = ids.length;
  if (m < 2) return;
  // (destination, host slot) keys, sorted so each destination's probers sit together: no per-target objects.
  let keys = new Float64Array(1024);
  let n = 0;
  const targets = new Float64Array(m);
  for (let p = 0; p < pairs.size; p++) {
    const sl = slot[pairHost[p]!]!;
    if (sl < 0 || pairState[p] === 0) continue;
    const src = hosts[ids[sl]!]!.addr;
    const dst = pairs.secondAt(p);
    if (src >>> 24 === dst >>> 24 || !cr2CouldPick(src, dst)) continue;
    if (n === keys.length) {
      const k = new Float64Array(n * 2);
      k.set(keys);
      keys = k;
    }
    keys[n++] = dst * 4096 + sl;
    targets[sl]!++;
  }
  const sorted = keys.subarray(0, n).sort();
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
