// Test helper: the same capture as different terminals, web pages and mail clients hand it over.
// Each variant of clean lines must normalise back to exactly those lines (prompt: plus one line in front).
import { mulberry32 } from './mulberry32';

export interface VariantOptions {
  crlf: boolean;
  /** Replace spaces with U+00A0 (the tech note's web page does it between columns). */
  nbsp: boolean;
  /** Put a prompt line in front (`Router#<command>`, or a bare `Router#` when the capture echoes its own). */
  prompt: boolean;
  /** IOS's ` --More-- ` erased with backspaces at the start of some lines. */
  more: boolean;
  /** Runs of spaces that end on a tab stop written as tabs (what `unexpand` and some terminals do). */
  tabs: boolean;
  /** Spaces and tabs after the end of some lines. */
  trailing: boolean;
  /** Seeds which lines and spaces are touched. */
  seed: number;
}

const prng = mulberry32;

/** Replace space runs that reach a tab stop with a tab; expanding tabs to 8-column stops gives the line back. */
export function unexpand(line: string, rnd: () => number): string {
  let out = '';
  let col = 0;
  let i = 0;
  while (i < line.length) {
    if (line[i] !== ' ') {
      out += line[i];
      col++;
      i++;
      continue;
    }
    let j = i;
    while (j < line.length && line[j] === ' ') j++;
    // Walk the run stop by stop: each stretch that ends on a multiple of 8 may become one tab.
    let c = col;
    const end = col + (j - i);
    while (c < end) {
      const stop = (Math.floor(c / 8) + 1) * 8;
      if (stop <= end && rnd() < 0.7) {
        out += '\t';
        c = stop;
      } else {
        out += ' ';
        c++;
      }
    }
    col = end;
    i = j;
  }
  return out;
}

const MORE = ` --More-- ${'\b'.repeat(10)}${' '.repeat(10)}${'\b'.repeat(10)}`;

/** Build a variant of clean (normalised) lines. `promptLine` is the line to put in front when `prompt` is set. */
export function variantOf(lines: readonly string[], promptLine: string, o: VariantOptions): string {
  const rnd = prng(o.seed);
  const out = lines.map((l, i) => {
    let s = l;
    if (o.tabs && rnd() < 0.5) s = unexpand(s, rnd);
    if (o.nbsp) s = s.replace(/ /g, () => (rnd() < 0.5 ? '\u00a0' : ' '));
    if (o.more && i > 0 && rnd() < 0.2) s = MORE + s;
    if (o.trailing && rnd() < 0.3) s += [' ', '   ', '\t', ' \t '][Math.floor(rnd() * 4)];
    return s;
  });
  if (o.prompt) out.unshift(promptLine);
  const eol = o.crlf ? '\r\n' : '\n';
  return out.join(eol) + eol;
}
