// Per-host flows and failed contacts per service, on typed arrays reused host after host (the fan-out's pass 3).
import { FAILED, NO_SERVICE_BITS, OUTCOME_SHIFT, SERVICE_BITS, serviceOfBits, SYN_SERVICE } from './flow-facts';
import { serviceName } from './service';

/**
 * Per-host flows and failed contacts per service, reused host after host: an open-addressing table on typed arrays
 * whose slots are stamped with the host's generation, so nothing is cleared between hosts.
 */
export class ServiceCounts {
  private keys = new Uint32Array(64);
  private stamp = new Uint32Array(64);
  private slotFlows = new Float64Array(64);
  private slotFailed = new Float64Array(64);
  private mask = 63;
  private gen = 0;
  /** Slots used by the current host, in first-seen order. */
  private used = new Int32Array(64);
  private nUsed = 0;

  private prepare(rows: number): void {
    let cap = this.keys.length;
    if (cap >= rows * 2) {
      this.gen++;
    } else {
      while (cap < rows * 2) cap *= 2;
      this.keys = new Uint32Array(cap);
      this.stamp = new Uint32Array(cap);
      this.slotFlows = new Float64Array(cap);
      this.slotFailed = new Float64Array(cap);
      this.used = new Int32Array(cap);
      this.mask = cap - 1;
      this.gen = 1;
    }
    this.nUsed = 0;
  }

  private slot(c: number): number {
    let s = (Math.imul(c, 0x9e3779b1) >>> 16) & this.mask;
    const gen = this.gen;
    for (;;) {
      if (this.stamp[s] !== gen) {
        this.stamp[s] = gen;
        this.keys[s] = c;
        this.slotFlows[s] = 0;
        this.slotFailed[s] = 0;
        this.used[this.nUsed++] = s;
        return s;
      }
      if (this.keys[s] === c) return s;
      s = (s + 1) & this.mask;
    }
  }

  /**
   * Counts grouped rows [a, b) (two words a row: destination, then service and outcome; flow-facts.ts OUTCOME_SHIFT) and
   * returns the main service: most failed contacts, then most flows, then lowest code. (Kept by their bits: the same
   * order as the codes.)
   */
  count(rows: Uint32Array, a: number, b: number): number {
    this.prepare(b - a);
    // Most hosts use a handful of services: a linear scan of the few slots used beats hashing each row.
    const used = this.used;
    const keys = this.keys;
    let last = -1;
    let ls = -1;
    for (let r = a; r < b; r++) {
      const w = rows[2 * r + 1]!;
      const c = w & SERVICE_BITS;
      if (c === NO_SERVICE_BITS) continue;
      if (c !== last) {
        ls = -1;
        const n = this.nUsed;
        if (n <= 8) {
          for (let u = 0; u < n; u++) {
            if (keys[used[u]!] === c) {
              ls = used[u]!;
              break;
            }
          }
        }
        if (ls < 0) ls = this.slot(c);
        last = c;
      }
      this.slotFlows[ls]!++;
      if (w >>> OUTCOME_SHIFT === FAILED) this.slotFailed[ls]!++;
    }
    // Every comparison is made for every slot, the first one included (against -1 counts): a comparison first met by
    // the second service of some later host would have no type feedback in the optimised pass 3, which V8 would then
    // leave (deoptimise) at every such host, over a thousand times in a big capture.
    let best = NO_SERVICE_BITS;
    let bf = -1;
    let bn = -1;
    for (let u = 0; u < this.nUsed; u++) {
      const i = this.used[u]!;
      const f = this.slotFailed[i]!;
      const n = this.slotFlows[i]!;
      const c = this.keys[i]!;
      const more = f > bf;
      const same = f === bf;
      const moreFlows = n > bn;
      const sameFlows = n === bn;
      const lower = c < best;
      if (more || (same && (moreFlows || (sameFlows && lower)))) {
        best = c;
        bf = f;
        bn = n;
      }
    }
    return serviceOfBits(best);
  }

  /** The other services of the last host counted, by name, with their flows (for follow-up stages). */
  others(main: number): Map<string, number> {
    const m = new Map<string, number>();
    for (let u = 0; u < this.nUsed; u++) {
      const i = this.used[u]!;
      const c = serviceOfBits(this.keys[i]!);
      if (c !== main && c !== SYN_SERVICE) m.set(serviceName(c), this.slotFlows[i]!);
    }
    return m;
  }
}
