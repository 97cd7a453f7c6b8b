// collectGarbage frees what nothing refers to any more, at once (the CLI calls it between analysis and report).
import { describe, expect, it } from 'vitest';
import { collectGarbage } from './collect-garbage';

describe('collectGarbage', () => {
  it('frees an unreachable 64 MB buffer now, and can be called again', () => {
    collectGarbage();
    const before = process.memoryUsage().arrayBuffers;
    let big: Uint8Array | null = new Uint8Array(64 << 20).fill(1);
    expect(process.memoryUsage().arrayBuffers - before).toBeGreaterThanOrEqual(64 << 20);
    expect(big[123]).toBe(1);
    big = null;
    collectGarbage();
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 << 20);
    expect(() => collectGarbage()).not.toThrow();
  });
});
