// Pager marks in a big paste's bytes: IOS's ` --More-- ` (or NX-OS's `<--- More --->`) left before a line by a capture
// taken without `terminal length 0`, erased by backspaces or with them stripped. The byte path reads the line from
// where the screen shows it, exactly when the text path's normalising (normalise.ts: applyBackspaces, removeMore) would
// leave that text alone; any other marked line goes the text way.

/** Where a pager mark would start: the line's first character after blanks, `-` or `<`; -1 for any other line. */
function markStart(b: Uint8Array, s: number, e: number): number {
  let p = s;
  while (p < e && b[p] === 32) p++;
  return p < e && (b[p] === 45 || b[p] === 60) ? p : -1;
}

/** Does b[from, e) hold `More` (the text path takes a mark out of such a line: the byte path leaves it that way)? */
function holdsMore(b: Uint8Array, from: number, e: number): boolean {
  for (let k = from; k + 3 < e; k++) if (b[k] === 77 && b[k + 1] === 111 && b[k + 2] === 114 && b[k + 3] === 101) return true;
  return false;
}

/**
 * Where the text starts that a terminal shows of line [s, e) after replaying its backspaces, when that is all it
 * shows: the line starts (after blanks) with a pager mark's first character (` --More-- `; `<--- More --->`), holds
 * only printable ASCII and backspaces up to its last backspace, the replay leaves the cursor at the line's start, and
 * the text after the last backspace (no `More` in it) is at least as long as anything written before, so it overwrites
 * all of it. Then the text path's normalising (normalise.ts applyBackspaces, then nothing left for removeMore) gives
 * exactly that text. A mark left without backspaces: afterStrippedMark. -1 otherwise (the text path decides).
 */
export function pagerRowStart(b: Uint8Array, s: number, e: number): number {
  const p = markStart(b, s, e);
  if (p < 0) return -1;
  let last = -1;
  for (let k = p; k < e; k++) if (b[k] === 8) last = k;
  if (last < 0) return afterStrippedMark(b, p, e);
  let cursor = 0;
  let width = 0;
  for (let k = s; k <= last; k++) {
    const c = b[k]!;
    if (c === 8) {
      if (cursor > 0) cursor--;
    } else if (c >= 32 && c <= 126) {
      cursor++;
      if (cursor > width) width = cursor;
    } else return -1;
  }
  const r = last + 1;
  return cursor !== 0 || e - r < width || holdsMore(b, r, e) ? -1 : r;
}

/**
 * Where line [s, e) is read from as the line-by-line path reads it: after an erased pager mark (pagerRowStart), else
 * its start. The runs of a big paste's rows, entries and records ask it of each line, so that a capture taken without
 * `terminal length 0` (a mark before one line in 23) stays in its run. Only a line starting with a blank, `-` or `<`
 * can hold a mark: any other is read from its start without looking further.
 */
export function pagerTextStart(b: Uint8Array, s: number, e: number): number {
  const c = b[s];
  if (c !== 32 && c !== 45 && c !== 60) return s;
  const q = pagerRowStart(b, s, e);
  return q > 0 ? q : s;
}

/**
 * A pager mark left without its backspaces (a logger or a web page stripped them, keeping the blanks that erased it)
 * at p, the line's first character: where the line goes on, or -1. The mark as normalise.ts removes one at a line's
 * start (`<?-{2,} ?More ?-{2,}>? ?`); the text after it is the line the text path reads, and its
 * leading blanks are no field's.
 */
function afterStrippedMark(b: Uint8Array, p: number, e: number): number {
  let q = p;
  if (b[q] === 60) q++;
  const dashes = (): boolean => {
    const d = q;
    while (q < e && b[q] === 45) q++;
    return q - d >= 2;
  };
  if (!dashes()) return -1;
  if (b[q] === 32) q++;
  // (`More` as written: the text path removes a mark only from a line that holds `More`, in that case.)
  if (q + 4 > e || b[q] !== 77 || b[q + 1] !== 111 || b[q + 2] !== 114 || b[q + 3] !== 101) return -1;
  q += 4;
  if (b[q] === 32) q++;
  if (!dashes()) return -1;
  if (b[q] === 62) q++;
  return q < e && !holdsMore(b, q, e) ? q : -1;
}

/** Cells of the screen line pagerBlank replays (a pager mark's line is short; a longer one is left to the text path). */
const CELLS = new Uint8Array(256);

/**
 * Does line [s, e) show nothing but blanks once its backspaces are replayed (a pager mark erased before a blank line)?
 * The same first character and bytes as pagerRowStart asks for; then the text path's normalising gives '' too.
 */
export function pagerBlank(b: Uint8Array, s: number, e: number): boolean {
  if (markStart(b, s, e) < 0 || e - s > CELLS.length) return false;
  let cursor = 0;
  let width = 0;
  let erased = false;
  for (let k = s; k < e; k++) {
    const c = b[k]!;
    if (c === 8) {
      erased = true;
      if (cursor > 0) cursor--;
    } else if (c >= 32 && c <= 126) {
      CELLS[cursor++] = c;
      if (cursor > width) width = cursor;
    } else return false;
  }
  if (!erased) return false;
  for (let k = 0; k < width; k++) if (CELLS[k] !== 32) return false;
  return true;
}
