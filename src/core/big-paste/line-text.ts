// A big paste's lines as FlowDumpScanner (prescan.ts) meets them: the text of those it keeps as text (LineText), and
// small questions about a line's bytes.
import { asciiText, decodeUtf8, isAscii } from '../parsers/show-ip-cache-flow/prescanned';

/** Bytes decoded at once when text lines come one after another (about a thousand lines). */
const TEXT_BLOCK = 1 << 16;

/**
 * The text of the lines of buf[0, end) that are no clean rows. A line that follows the previous text line (a table
 * the byte path does not read, such as a verbose cache, or another command's output) is sliced from a block of the
 * lines after it, decoded at once when they are ASCII: decoding each line on its own cost about 0.5 us a line.
 */
export class LineText {
  private from = 0;
  private to = 0;
  private block = '';
  private lastEnd = -1;

  constructor(
    private readonly buf: Uint8Array,
    private readonly end: number,
  ) {}

  line(s: number, e: number): string {
    const follows = s - this.lastEnd <= 2 && s > this.lastEnd;
    this.lastEnd = e;
    if (s >= this.from && e <= this.to) return this.block.slice(s - this.from, e - this.from);
    if (follows) {
      // Whole lines up to a block's length past this one (the last line end before that), if they are all ASCII.
      const b = this.buf;
      let to = Math.min(this.end, s + TEXT_BLOCK);
      if (to < this.end) to = b.lastIndexOf(10, to - 1) + 1;
      if (to > e && isAscii(b, s, to)) {
        this.block = asciiText(b, s, to);
        this.from = s;
        this.to = to;
        return this.block.slice(0, e - s);
      }
    }
    return decodeUtf8(this.buf, s, e);
  }
}

/** Where the line after one that ends at e (its LF, or CR LF) starts; 0 when it ends otherwise (a lone CR, the end). */
export function nextLineStart(b: Uint8Array, e: number, end: number): number {
  if (e < end && b[e] === 10) return e + 1;
  return e + 1 < end && b[e] === 13 && b[e + 1] === 10 ? e + 2 : 0;
}

/** Is line [s, e) of `b` blank (nothing but spaces: normalised, it is '')? */
export function isBlank(b: Uint8Array, s: number, e: number): boolean {
  for (let p = s; p < e; p++) if (b[p] !== 32) return false;
  return true;
}

/** Does line [s, e) of `b` hold byte c? */
export function hasByte(b: Uint8Array, s: number, e: number, c: number): boolean {
  for (let p = s; p < e; p++) if (b[p] === c) return true;
  return false;
}

/**
 * The end of the line at p for the runs of records read from bytes (its LF, or the CR of its CR LF), when its LF comes
 * before `end`; -1 otherwise. (indexOf: a Node Buffer's is memchr; a byte loop cost a tenth of a verbose cache's reading.)
 */
export function lineEndBefore(b: Uint8Array, p: number, end: number): number {
  const lf = b.indexOf(10, p);
  if (lf < 0 || lf >= end) return -1;
  return lf > p && b[lf - 1] === 13 ? lf - 1 : lf;
}
