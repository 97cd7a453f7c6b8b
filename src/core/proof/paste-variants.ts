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
  /**
   * A terminal log's time stamp in front of every line (prompt included), of one kind per paste: Tera Term,
   * SecureCRT's custom log data, minicom, moreutils `ts` (STAMPS). Optional: the older variant sets leave it off.
   */
  stamps?: boolean;
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

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Per-line time stamps as terminal programs write them, for a time in ms (UTC). */
export const STAMPS: readonly ((ms: number) => string)[] = [
  // SecureCRT custom log data `[%h:%m:%s] `, with milliseconds too
  (ms) => { const d = new Date(ms); return `[${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}] `; },
  (ms) => { const d = new Date(ms); return `[${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}] `; },
  // Tera Term's timestamp option (local time)
  (ms) => {
    const d = new Date(ms);
    return `[${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)} ${d.getUTCFullYear()}] `;
  },
  // minicom / SecureCRT `[%Y-%M-%D %h:%m:%s] `, and an ISO stamp without brackets
  (ms) => `[${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}] `,
  (ms) => `${new Date(ms).toISOString().slice(0, 23).replace('T', ' ')} `,
  (ms) => `${new Date(ms).toISOString()} `,
  // moreutils ts (`%b %d %H:%M:%S`), and ts -s (time since start)
  (ms) => { const d = new Date(ms); return `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} `; },
  (ms) => { const s = Math.floor((ms - Date.UTC(2026, 11, 3)) / 1000); return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)} `; },
];

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
  if (o.stamps) {
    const stamp = STAMPS[Math.floor(rnd() * STAMPS.length)]!;
    let ms = Date.UTC(2026, 11, 3, 3, 30) + Math.floor(rnd() * 3_600_000);
    for (let i = 0; i < out.length; i++) {
      out[i] = stamp(ms) + out[i];
      ms += Math.floor(rnd() * 400);
    }
  }
  const eol = o.crlf ? '\r\n' : '\n';
  return out.join(eol) + eol;
}
