// A full garbage collection on demand, for the CLI: between analysing a big capture and writing its report.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/**
 * Runs V8's full collection now, when it can be had (Node exposes it to a context made after the flag is set);
 * otherwise does nothing. The analysis of a big capture leaves about 100 MB of tables behind it (the capture's
 * columns, the passes' per-row arrays), freed only by a full collection, which V8 would run later, or never, in a
 * short-lived process: the report's writing then made the process's peak memory 10-30 MB higher, and changing.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    // Started with --expose-gc: the flags stay as they are.
    const own = (globalThis as { gc?: unknown }).gc;
    if (typeof own === 'function') gc = own as () => void;
  }
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const f: unknown = runInNewContext('gc');
      gc = typeof f === 'function' ? (f as () => void) : null;
      // The context keeps its gc; the flag goes back as it was. V8 stamps a code cache (code-cache.ts) with the flags
      // in force when it is made: left on, every big run saved a cache that the next run's flags rejected.
      setFlagsFromString('--no-expose-gc');
    } catch {
      gc = null;
    }
  }
  gc?.();
}
