// Running a CommonJS bundle with V8's code cache: the bytecode of every function the last run compiled, saved beside
// the bundle, so the next run skips compiling them (measured 2026-12-03 on a 200 KB capture: 282 -> 247 ms a run).
// Node 22 has this built in (module.enableCompileCache); Node 20, which this project supports, has only node:vm.
// Node imports only: the small entry bundles (analyze-start.ts, flow-scan-worker-start.ts) carry this file and no more.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** Bytes of the digest at the head of a cache file. */
const DIGEST = 32;

/**
 * The digest a cache file starts with: of the bundle's text and the cache after it. V8 checks a cache against its own
 * version and flags, but against the source only by its length, so a rebuilt bundle of the same length would run the
 * old bundle's bytecode. A cache whose digest differs (another bundle, a torn or damaged file) is not used.
 */
function digestOf(source: Buffer, data: Uint8Array): Buffer {
  return createHash('sha256').update(source).update(data).digest();
}

/** The cache saved for `source`, or undefined when there is none that matches it. */
export function readCache(cacheFile: string, source: Buffer): Buffer | undefined {
  let saved: Buffer;
  try {
    saved = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (saved.length <= DIGEST) return undefined;
  const data = saved.subarray(DIGEST);
  return digestOf(source, data).equals(saved.subarray(0, DIGEST)) ? data : undefined;
}

/** Save `data` as the cache of `source`: written beside and renamed over, so a concurrent run never reads half a file. */
export function writeCache(cacheFile: string, source: Buffer, data: Uint8Array): void {
  const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(tmp, Buffer.concat([digestOf(source, data), data]));
    renameSync(tmp, cacheFile);
  } catch {
    // A folder that cannot be written to only means no cache: the bundle runs as it would without one.
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing was written */
    }
  }
}

/** Node's own wrapper for a CommonJS module, on the bundle's first line so that line numbers stay the bundle's. */
const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAP_TAIL = '\n})';

/** When the cache is saved: as the process (or thread) exits, so that it holds every function the run compiled. */
const atExit = (save: () => void): void => {
  process.once('exit', save);
};

/**
 * Run the CommonJS bundle at `file` as `require` would, with the code cache saved beside it (`<file>.v8cache`). With
 * no cache, or one V8 rejects, the run compiles as usual and saves the cache when `later` calls it (at exit), so that
 * it holds the functions this run compiled, not only the top level.
 */
export function runCached(file: string, later: (save: () => void) => void = atExit): void {
  const source = readFileSync(file);
  const cacheFile = `${file}.v8cache`;
  const cachedData = readCache(cacheFile, source);
  const script = new Script(WRAP_HEAD + source.toString('utf8') + WRAP_TAIL, { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected === true) {
    later(() => writeCache(cacheFile, source, script.createCachedData()));
  }
  const module = { exports: {} };
  const wrapper = script.runInThisContext() as (
    exports: object,
    require: NodeJS.Require,
    module: object,
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
}
