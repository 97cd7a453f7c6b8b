// Feeding a run of whole lines to a WebAssembly kernel (fnf-runs-wasm, verbose-runs-wasm) a window at a time: each
// window copied into the module's memory at 0, starting small and doubling while the module reads each one whole, so a
// run that stops after a few lines has copied little past them.

/** What a kernel reports for a window: where it stopped in it, whether the window ended first, whether its batch was full. */
export interface WindowRead {
  q: number;
  cut: boolean;
  full: boolean;
}

/**
 * b[p, end)'s whole lines through the module, a window at a time: `call(windowStart, length)` runs the module over the
 * window copied to `mem` and hands over what it read; returns where the run stopped in b. A line longer than
 * `maxWindow` is none the module reads. `stats.copied` counts the bytes copied.
 */
export function readWindows(
  mem: Uint8Array,
  b: Uint8Array,
  p: number,
  end: number,
  firstWindow: number,
  maxWindow: number,
  call: (at: number, length: number) => WindowRead,
  stats?: { copied: number },
): number {
  // Whole lines only: a last line without its LF ends no record or row here (nor in the loops, which stop at `end`).
  const whole = end > p && b[end - 1] === 10 ? end : b.lastIndexOf(10, end - 1) + 1;
  let window = firstWindow;
  while (p < whole) {
    let we = Math.min(whole, p + window);
    if (we < whole) we = b.lastIndexOf(10, we - 1) + 1;
    if (we <= p) {
      if (window >= maxWindow) return p;
      window = Math.min(window * 2, maxWindow);
      continue;
    }
    mem.set(b.subarray(p, we), 0);
    if (stats) stats.copied += we - p;
    const r = call(p, we - p);
    p += r.q;
    if (r.full) continue;
    // A line that is not one: the line-by-line path reads it.
    if (!r.cut) return p;
    // The window ended inside a record or before the next line (or at its end): the rest, in a window twice as large.
    if (we === whole) return p;
    window = Math.min(window * 2, maxWindow);
  }
  return p;
}
