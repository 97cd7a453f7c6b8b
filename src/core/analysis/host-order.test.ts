import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../proof/mulberry32';
import { fanOutOrder } from './host-order';

/** The order a stable comparison sort gives: most destinations, most flows, lowest address. */
function byComparison(d: number[], f: number[], a: number[]): number[] {
  return d.map((_, i) => i).sort((x, y) => d[y]! - d[x]! || f[y]! - f[x]! || a[x]! - a[y]!);
}

describe('fanOutOrder', () => {
  it('is the comparison sort: most destinations, then most flows, then lowest address', () => {
    const r = mulberry32(16);
    for (const [n, spread] of [[0, 1], [1, 1], [2, 3], [50, 4], [5000, 12], [20_000, 3000], [3000, 1 << 20]] as const) {
      const d = Array.from({ length: n }, () => Math.floor(r() * spread));
      const f = d.map((x) => x + Math.floor(r() * 4));
      // Distinct addresses across the whole 32 bits, a third in one /16 (both radix passes matter).
      const a = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0x0a000000 | i : (Math.imul(i, 2654435761) | 0x80000000) >>> 0));
      expect(new Set(a).size).toBe(n);
      expect([...fanOutOrder(d, Float64Array.from(f), Uint32Array.from(a), n)]).toEqual(byComparison(d, f, a));
    }
  });

  it('keeps equal hosts in their order (stable), and falls back to comparing for counts it cannot bucket', () => {
    expect([...fanOutOrder([1, 1, 1], [2, 2, 2], [5, 5, 5], 3)]).toEqual([0, 1, 2]);
    expect([...fanOutOrder([3, 9, 3, 9], [1, 1, 2, 1], [7, 8, 1, 2], 4)]).toEqual([3, 1, 2, 0]);
    const d = [2 ** 30, 1.5, 7, 2 ** 30];
    const f = [1, 1, 1, 2];
    const a = [4, 3, 2, 1];
    expect([...fanOutOrder(d, f, a, 4)]).toEqual(byComparison(d, f, a));
  });
});
