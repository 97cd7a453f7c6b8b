// Running a bundle with V8's code cache: the bundle that runs is always the one on disk, whatever cache lies beside it.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCache, runCached } from './code-cache';

const dir = mkdtempSync(join(tmpdir(), 'crt-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seen = globalThis as { codeCacheTest?: unknown };

/** A bundle that says `word` (one letter, so that every such bundle has the same length) and uses what require gives. */
const bundle = (word: string) =>
  `const path = require('node:path');\n` +
  `function say() { return '${word}' + path.sep.length + typeof module.exports + __filename.length; }\n` +
  `globalThis.codeCacheTest = say();\n`;

/** Run `file` as the entry would; the cache-saving step is returned instead of waiting for the process's exit. */
function run(file: string): (() => void) | undefined {
  let save: (() => void) | undefined;
  seen.codeCacheTest = undefined;
  runCached(file, (s) => (save = s));
  return save;
}

describe('runCached', () => {
  it('runs a bundle with require, module and __filename; saves a cache once, then uses it', () => {
    const file = join(dir, 'a.cjs');
    writeFileSync(file, bundle('A'));
    const save = run(file);
    expect(seen.codeCacheTest).toBe(`A1object${file.length}`);
    expect(save).toBeTypeOf('function');
    save!();
    expect(existsSync(`${file}.v8cache`)).toBe(true);
    // With the cache accepted, nothing is saved again.
    expect(run(file)).toBeUndefined();
    expect(seen.codeCacheTest).toBe(`A1object${file.length}`);
  });

  it('never runs the cached code of another bundle of the same length (V8 checks only the length)', () => {
    const file = join(dir, 'b.cjs');
    writeFileSync(file, bundle('A'));
    run(file)!();
    writeFileSync(file, bundle('B'));
    expect(bundle('A').length).toBe(bundle('B').length);
    expect(readCache(`${file}.v8cache`, readFileSync(file))).toBeUndefined();
    const save = run(file);
    expect(seen.codeCacheTest).toBe(`B1object${file.length}`);
    // The stale cache is replaced by this bundle's own.
    expect(save).toBeTypeOf('function');
  });

  it('ignores a damaged or cut-off cache', () => {
    const file = join(dir, 'c.cjs');
    writeFileSync(file, bundle('C'));
    run(file)!();
    const cache = `${file}.v8cache`;
    const good = readFileSync(cache);
    for (const bad of [good.subarray(0, good.length - 1), Buffer.from(good).fill(7, 40, 48), good.subarray(0, 32)]) {
      writeFileSync(cache, bad);
      expect(readCache(cache, readFileSync(file))).toBeUndefined();
      run(file);
      expect(seen.codeCacheTest).toBe(`C1object${file.length}`);
    }
  });

  it('keeps line numbers: an error points at the bundle line it came from', () => {
    const file = join(dir, 'd.cjs');
    writeFileSync(file, `\n\nthrow new Error('line three');\n`);
    let stack = '';
    try {
      run(file);
    } catch (e) {
      stack = (e as Error).stack ?? '';
    }
    expect(stack).toContain(`${file}:3:`);
  });

  it('runs without a cache where none can be written, and leaves no temporary file', () => {
    const sub = mkdtempSync(join(dir, 'blocked-'));
    const file = join(sub, 'e.cjs');
    writeFileSync(file, bundle('E'));
    // A folder where the cache would go: renaming over it fails, even for root.
    mkdirSync(`${file}.v8cache`);
    const save = run(file);
    expect(seen.codeCacheTest).toBe(`E1object${file.length}`);
    expect(() => save!()).not.toThrow();
    expect(readdirSync(sub).sort()).toEqual(['e.cjs', 'e.cjs.v8cache']);
  });
});
