// The typed-array tables behave as a Set and a Map of the same keys, whatever the keys (0, 2^32 - 1, collisions).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairSet, U32Index, U32Set } from './hash-tables';

const u32 = fc.oneof(fc.constantFrom(0, 1, 0xffffffff, 0x80000000), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 64 }));

describe('typed-array hash tables', () => {
  it('U32Set answers as a Set does', () => {
    fc.assert(
      fc.property(fc.array(u32, { maxLength: 3000 }), fc.array(u32, { maxLength: 200 }), (keys, probes) => {
        const s = new U32Set(4);
        const ref = new Set<number>();
        for (const k of keys) {
          s.add(k);
          ref.add(k);
        }
        expect(s.size).toBe(ref.size);
        for (const k of [...keys, ...probes]) expect(s.has(k)).toBe(ref.has(k));
      }),
      { numRuns: 60 },
    );
  });
  it('U32Set.addMany adds what one add per key adds, runs of one key and 0 included, only the first n', () => {
    const key = fc.oneof(u32, fc.constantFrom(0, 1, 0xffffffff));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer({ min: 1, max: 3 })), { maxLength: 2000 }), fc.nat(20), fc.array(u32, { maxLength: 100 }), (runs, cut, probes) => {
        const keys = Uint32Array.from(runs.flatMap(([k, times]) => Array.from({ length: times }, () => k)));
        const n = Math.max(0, keys.length - cut);
        const many = new U32Set(4);
        many.addMany(keys, n);
        const one = new U32Set(4);
        for (let i = 0; i < n; i++) one.add(keys[i]!);
        expect(many.size).toBe(one.size);
        for (const k of [...keys, ...probes]) expect(many.has(k)).toBe(one.has(k));
      }),
      { numRuns: 60 },
    );
  });
  it('PairSet answers as a Set of pairs does, (0, 0) and pairs that differ in one half included', () => {
    const half = fc.oneof(u32, fc.integer({ min: 0, max: 3 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(half, half), { maxLength: 3000 }), fc.array(fc.tuple(half, half), { maxLength: 200 }), (pairs, probes) => {
        const s = new PairSet(2);
        const ref = new Set<string>();
        for (const [a, b] of pairs) {
          s.add(a, b);
          ref.add(`${a},${b}`);
        }
        expect(s.size).toBe(ref.size);
        for (const [a, b] of [...pairs, ...probes, [0, 0] as [number, number]]) expect(s.has(a, b)).toBe(ref.has(`${a},${b}`));
      }),
      { numRuns: 60 },
    );
  });
  it('U32Index gives dense indexes in first-seen order', () => {
    fc.assert(
      fc.property(fc.array(u32, { maxLength: 2000 }), (keys) => {
        const ix = new U32Index(4);
        const ref = new Map<number, number>();
        for (const k of keys) {
          if (!ref.has(k)) ref.set(k, ref.size);
          expect(ix.add(k)).toBe(ref.get(k));
        }
        for (const [k, i] of ref) expect(ix.get(k)).toBe(i);
      }),
      { numRuns: 60 },
    );
  });
});
