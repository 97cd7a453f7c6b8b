// Where the analysis has let a big capture's tables go, a host that can collect garbage on demand does so (the CLI:
// cli/collect-garbage.ts). V8 frees a typed array's memory only when a collection finds it unreachable, and in a
// short run none comes by itself: half a million sources left about 70 MB of finished tables alive under the next
// phase's, which set the process's peak (3.1-3.2x a 79 MB capture). In the browser nothing is set and nothing runs.

let collect: (() => void) | undefined;

/** Let the analysis run `f` (a full collection) where it has just let a big capture's tables go; undefined: none. */
export function setCollector(f: (() => void) | undefined): void {
  collect = f;
}

/**
 * About `bytes` of tables have just become unreachable: collect them now if that is worth a collection (about 10 ms
 * while the heap holds little but tables; under COLLECT_MIN_BYTES, the memory is not worth the time).
 */
export function released(bytes: number): void {
  if (collect && bytes >= COLLECT_MIN_BYTES) collect();
}

/** The tables worth a collection's time: a quarter of the largest captures' peak. */
export const COLLECT_MIN_BYTES = 16 * 1024 * 1024;
