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
  const flagged = new Uint8Array(hosts.length);
  let nFlagged = 0;
  hosts.forEach((h, i) => {
    if (h.verdict !== 'clean') {
      flagged[i] = 1;
      nFlagged++;
    }
  });
  if (nFlagged < 2) return;
  const probers = new Map<number, number[]>();
  const targets = new Float64Array(hosts.length);
  for (let p = 0; p < pairs.size; p++) {
    const hi = pairHost[p]!;
    if (!flagged[hi] || pairState[p] === 0) continue;
    const src = hosts[hi]!.addr;
    const dst = pairs.secondAt(p);
    if (src >>> 24 === dst >>> 24 || !cr2CouldPick(src, dst)) continue;
    targets[hi]!++;
    const list = probers.get(dst);
    if (list) list.push(hi);
    else probers.set(dst, [hi]);
  }
  // Pair counts in a flat matrix over the flagged hosts (at most MAX_MATRIX of them are compared).
  const ids: number[] = [];
  const slot = new Int32Array(hosts.length).fill(-1);
  for (let i = 0; i < hosts.length && ids.length < MAX_MATRIX; i++) if (flagged[i] && targets[i]! > 0) slot[i] = ids.push(i) - 1;
  const m = ids.length;
  const count = new Int32Array(m * m);
  for (const list of probers.values()) {
    if (list.length < 2 || list.length > MAX_PROBERS_PER_TARGET) continue;
    for (const a of list) {
      const sa = slot[a]!;
      if (sa < 0) continue;
      for (const b of list) {
        const sb = slot[b]!;
        if (sb >= 0 && sa !== sb) count[sa * m + sb]!++;
      }
    }
  }
  for (let sa = 0; sa < m; sa++) {
    const hi = ids[sa]!;
    const partners: [number, number][] = [];
    for (let sb = 0; sb < m; sb++) if (count[sa * m + sb]! >= MIN_SHARED) partners.push([ids[sb]!, count[sa * m + sb]!]);
    partners.sort((x, y) => y[1] - x[1] || hosts[x[0]]!.addr - hosts[y[0]]!.addr);
    if (partners.length === 0) continue;
    const h = hosts[hi]!;
    h.sharedTargetsWith = partners.slice(0, MAX_LISTED).map(([j]) => hosts[j]!.ip);
    const [top, n] = partners[0]!;
    const chance = (targets[hi]! * targets[top]!) / 2 ** 32;
    h.reasons.push(
      `probes the same destinations as ${partners.length === 1 ? '1 other flagged host' : `${partners.length} other flagged hosts`} ` +
        `(${n} shared with ${hosts[top]!.ip}, ${chance < 0.01 ? 'under 0.01' : chance.toFixed(2)} expected by chance): ` +
        `the first Code Red's fixed random seed made every infected host probe one list`,
    );
  }
}
