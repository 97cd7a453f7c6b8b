// The byte path on a terminal log with a time stamp on every line (core/text/line-stamps.ts): before a piece is
// scanned, each line's stamp is overwritten with blanks, so the clean-row loops read the row behind it (they skip a
// line's leading blanks) at full speed; text lines are read without those blanks (their lengths are kept), and the
// piece gets its stamps back afterwards, so evidence read back from it reads as pasted.

/** Where stamps were blanked in a buffer: line starts (ascending), each stamp's length, and the bytes it had (if kept). */
export interface BlankedStamps {
  at: Int32Array;
  len: Uint16Array;
  n: number;
  saved: Uint8Array | null;
}

/** Bytes of a line's start decoded for the stamp pattern when the template does not fit (a stamp is at most 78). */
const STAMP_WINDOW = 96;

/**
 * The last stamp the pattern matched, as a template (the stamps of a log differ in their digits, now and then in a
 * day or month name): digit positions take any digit, the other bytes must be the same. A line the template fits
 * has a stamp of the same length, found without decoding the line: the patterns (line-stamps.ts) take any digit
 * wherever a stamp has one, so they agree (a damaged `Dec 43` included).
 */
class Template {
  private bytes = new Uint8Array(0);
  private digit = new Uint8Array(0);

  set(buf: Uint8Array, p: number, len: number): void {
    // A copy (a Node Buffer's slice is a view, which the blanking would then blank).
    this.bytes = new Uint8Array(buf.subarray(p, p + len));
    this.digit = this.bytes.map((c) => (c >= 48 && c <= 57 ? 1 : 0));
  }

  /** The stamp's length if the template fits the line at p (before `end`), else -1. */
  fit(buf: Uint8Array, p: number, end: number): number {
    const b = this.bytes;
    const n = b.length;
    if (n === 0 || p + n > end) return -1;
    const d = this.digit;
    for (let i = 0; i < n; i++) {
      const c = buf[p + i]!;
      if (d[i] === 1 ? c < 48 || c > 57 : c !== b[i]) return -1;
    }
    return n;
  }
}

function latin1(buf: Uint8Array, s: number, e: number): string {
  let out = '';
  for (let i = s; i < e; i++) out += String.fromCharCode(buf[i]!);
  return out;
}

/**
 * Blank the stamp at the start of every line of buf[0, end) that `re` (a line-stamps pattern) finds one at. Lines end
 * at \n, \r\n or a lone \r, as scanRows splits them. Returns where, and (`keep`) what restoreStamps needs.
 */
export function blankStamps(buf: Uint8Array, end: number, re: RegExp, keep: boolean): BlankedStamps {
  let cap = Math.max(16, (end >> 6) + 16);
  let at = new Int32Array(cap);
  let len = new Uint16Array(cap);
  let saved = new Uint8Array(keep ? cap * 16 : 0);
  let used = 0;
  let n = 0;
  const tpl = new Template();
  // The next \n and \r at or after p, found once each and kept until p passes them (a search per line for a \r a file
  // never has would read to the end every time).
  let lf = -2;
  let cr = -2;
  let p = 0;
  while (p < end) {
    let l = tpl.fit(buf, p, end);
    // A stamp may go on past the template's length: an ISO stamp's optional zone (` UTC`, ` +0100`) after a template
    // without one. The pattern decides those lines.
    if (l > 0) {
      const c = buf[p + l];
      if (c === 85 || c === 43 || c === 45) l = -1;
    }
    if (l < 0) {
      let e = p;
      while (e < end && e - p < STAMP_WINDOW && buf[e] !== 10 && buf[e] !== 13) e++;
      const m = re.exec(latin1(buf, p, e));
      if (m && m[0].length > 0) {
        l = m[0].length;
        // Only a stamp with its blank after it is a template: one alone on its line has none.
        if (m[0].charCodeAt(l - 1) === 32) tpl.set(buf, p, l);
      }
    }
    if (l > 0) {
      if (n === cap) {
        cap *= 2;
        const a2 = new Int32Array(cap);
        a2.set(at);
        at = a2;
        const l2 = new Uint16Array(cap);
        l2.set(len);
        len = l2;
      }
      // Byte loops: a stamp is a few dozen bytes, less than a call to subarray, set or fill costs.
      if (keep) {
        if (used + l > saved.length) {
          const s2 = new Uint8Array(Math.max(saved.length * 2, used + l));
          s2.set(saved.subarray(0, used));
          saved = s2;
        }
        for (let i = 0; i < l; i++) saved[used + i] = buf[p + i]!;
        used += l;
      }
      for (let i = 0; i < l; i++) buf[p + i] = 32;
      at[n] = p;
      len[n] = l;
      n++;
    }
    // The next line.
    if (lf < p && lf !== -1) lf = buf.indexOf(10, p);
    if (cr < p && cr !== -1) cr = buf.indexOf(13, p);
    const lfAt = lf < 0 || lf >= end ? end : lf;
    const crAt = cr < 0 || cr >= end ? end : cr;
    if (crAt < lfAt) p = crAt + 1 === lfAt ? lfAt + 1 : crAt + 1;
    else p = lfAt + 1;
  }
  return { at, len, n, saved: keep ? saved.subarray(0, used) : null };
}

/** Put the stamps blankStamps blanked (and kept) back. */
export function restoreStamps(buf: Uint8Array, b: BlankedStamps): void {
  const { at, len, saved } = b;
  if (!saved) return;
  let from = 0;
  for (let k = 0; k < b.n; k++) {
    const p = at[k]!;
    const l = len[k]!;
    for (let i = 0; i < l; i++) buf[p + i] = saved[from + i]!;
    from += l;
  }
}

/** Walks the blanked lines in order: how many blanks a line starting at `s` had for its stamp (0 for none). */
export class BlankedCursor {
  private k = 0;

  constructor(private readonly b: BlankedStamps) {}

  lengthAt(s: number): number {
    const { at, len, n } = this.b;
    while (this.k < n && at[this.k]! < s) this.k++;
    return this.k < n && at[this.k] === s ? len[this.k]! : 0;
  }
}
