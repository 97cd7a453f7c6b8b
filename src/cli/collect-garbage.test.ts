// collectGarbage frees what nothing refers to any more, at once (the CLI calls it between analysis and report).
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from './collect-garbage';

describe('collectGarbage', () => {
  it('leaves V8 flags as they were: a code cache made before it is still accepted after it', () => {
    const source = 'function answer() { return 42; }\nanswer();\n';
    // Another file name for each compile: V8's in-memory compilation cache would otherwise answer without the cache.
    const before = new Script(source, { filename: 'before.js' });
    before.runInThisContext();
    const cache = before.createCachedData();
    expect(new Script(source, { filename: 'check.js', cachedData: cache }).cachedDataRejected).toBe(false);
    collectGarbage();
    expect(new Script(source, { filename: 'after.js', cachedData: cache }).cachedDataRejected).toBe(false);
  });

  it('collects an unreachable 64 MB buffer now, and can be called again', async () => {
    let big: Uint8Array | null = new Uint8Array(64 << 20).fill(1);
    const ref = new WeakRef(big);
    expect(big[123]).toBe(1);
    big = null;
    // A WeakRef keeps its target until the job that made it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    // (Compared as a boolean: a failure message would print the 64 MB.)
    expect(ref.deref() === undefined).toBe(true);
    expect(() => collectGarbage()).not.toThrow();
  });
});
