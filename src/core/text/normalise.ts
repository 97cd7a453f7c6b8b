// Turns a raw paste into clean lines, one per source line, so line numbers in warnings match what the user pasted.
import { markLastLineUnended } from './line-end';
import { lineStampKind } from './line-stamps';

/** Characters browsers and mail clients substitute for spaces, plus zero-width ones that break tokenising. */
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
/** Books (Sybex, Cisco Press) start the second half of a row they had to wrap with a "➥" arrow; no device prints one. */
const BOOK_WRAP_ARROW = /^\u27a5/gm;
/**
 * Terminal escapes: CSI (`ESC[K`, `ESC[24;1H`, colours), OSC titles (`ESC]0;...BEL`), charset and cursor
 * save/restore (`ESC(B`, `ESC7`). A terminal log of an SSH session is full of them.
 */
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[()][0-9A-Za-z]|[78=>DEHMNOc])/g;
// eslint-disable-next-line no-control-regex
const OTHER_CONTROLS = /[\x00-\x07\x0b\x0c\x0e-\x1f\x7f]/g;
/** IOS ` --More-- `, ASA/NX-OS `<--- More --->`, any case. */
const MORE = /<?(?<!-)-{2,} ?More ?-{2,}>? ?/i;
/**
 * Anything that needs the slow per-line path; a clean paste (the 80 MB flow dump) matches none of it. Two tests, not
 * one alternation: a pattern that starts with a literal is searched for quickly, and the pair scans a clean 26 MB
 * paste in 48 ms where the alternation took 70.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\x00-\x09\x0b-\x1f\x7f]/;
const PAGER = /More ?-/;
/** Anything but printable ASCII and the line feed: a control character, a CR, an odd space, any other non-ASCII. */
const NOT_PLAIN = /[^\n\x20-\x7e]/;

/** Expand tabs to 8-column stops so column-aligned tables keep their alignment. */
function expandTabs(line: string): string {
  let out = '';
  for (const ch of line) {
    if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
    else out += ch;
  }
  return out;
}

/**
 * Replay backspaces the way a terminal does: \b moves the cursor left, the next character overwrites the one
 * there. IOS erases its pager with ` --More-- ` + 9 \b + 8 spaces + 9 \b (netmiko sees 10/10/10 on some
 * trains), then prints the next line over it; either way the screen shows only the next line. Overwrite (not
 * delete) matters when the new text is shorter than what it covers: the rest stays on screen, as it would.
 */
function applyBackspaces(line: string): string {
  const cells: string[] = [];
  let cursor = 0;
  for (const ch of line) {
    if (ch === '\b') {
      if (cursor > 0) cursor--;
      continue;
    }
    cells[cursor++] = ch;
  }
  return cells.join('');
}

/**
 * Remove a `--More--` left in the text. With its backspaces replayed it is already gone; when something stripped
 * the backspaces but kept the 8 blanks that erased it (web pages, some loggers), those blanks precede the next
 * line: drop them too, so a config line keeps its own one-space indent and a table row its own start.
 */
function removeMore(s: string): string {
  let out = s;
  for (let m = MORE.exec(out); m; m = MORE.exec(out)) {
    const before = out.slice(0, m.index);
    let rest = out.slice(m.index + m[0].length);
    if (before.trim() === '') {
      // Fewer than 8 blanks are the content's own indent, not the pager's erase blanks.
      if (/^ {8}/.test(rest)) rest = rest.slice(8);
      out = rest;
    } else {
      out = `${before} ${rest}`;
    }
  }
  return out;
}

function cleanLine(line: string): string {
  let s = line;
  if (s.includes('\x1b')) s = s.replace(ANSI, '');
  // Backspaces first: IOS erases its own ` --More-- ` with them; a leftover prompt is then removed by pattern.
  if (s.includes('\b')) s = applyBackspaces(s);
  if (s.includes('More')) s = removeMore(s);
  if (s.includes('\t')) s = expandTabs(s);
  // IOS shows a banner delimiter typed as Ctrl-C as `^C`; a raw capture may carry the byte itself.
  if (s.includes('\x03')) s = s.replace(/\x03/g, '^C');
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b-\x1f\x7f]/.test(s)) s = s.replace(OTHER_CONTROLS, '');
  return s;
}

/**
 * Normalise a paste: CR/CRLF to LF, odd spaces to spaces, ANSI escapes, `--More--` and backspaces removed, tabs
 * expanded, trailing blanks trimmed, a terminal log's per-line time stamps taken off (line-stamps.ts). Returns exactly one entry per source line (index i is line i + 1), so a
 * lone CR counts as a line break, as in a browser textarea. Columns are not re-aligned: squeezed tables (single
 * spaces) stay squeezed, and parsers read fields by shape, never by column offset.
 * Fast path: a large, clean paste is only split and right-trimmed, with no per-character work in JavaScript.
 */
/**
 * One line (no line feed in it) as normaliseLines gives it (its first line; '' for none), without a split or a
 * regular expression when it is printable ASCII with no pager mark, as most lines of a dump are: the byte path calls
 * this for every line that is no clean row (a 79 MB verbose cache: a million of them, 0.37 s through normaliseLines).
 */
export function normaliseLine(line: string): string {
  const n = line.length;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c < 32 || c > 126) return normaliseLines(line)[0] ?? '';
  }
  if (line.includes('More') && MORE.test(line)) return normaliseLines(line)[0] ?? '';
  return line.charCodeAt(n - 1) === 32 ? line.trimEnd() : line;
}

export function normaliseLines(raw: string): string[] {
  let text = raw;
  // Printable ASCII and line feeds only (most dumps): of what follows, only the pager can be there. One scan of the
  // text instead of four (a 26 MB cache: 28 ms against 56).
  const plain = !NOT_PLAIN.test(text);
  if (!plain) {
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    if (ODD_SPACES.test(text)) text = text.replace(ODD_SPACES, ' ');
    ODD_SPACES.lastIndex = 0;
    if (ZERO_WIDTH.test(text)) text = text.replace(ZERO_WIDTH, '');
    ZERO_WIDTH.lastIndex = 0;
    if (text.includes('\u27a5')) text = text.replace(BOOK_WRAP_ARROW, '');
  }
  // A pager mark in any case (`--MORE--`) is removed from a line that holds `More` (cleanLine): such a line is cleaned
  // whatever the other lines hold, so normaliseLine, which sees one line, reads it as this does.
  const needsClean = (!plain && CONTROL_CHARS.test(text)) || PAGER.test(text) || (text.includes('More') && MORE.test(text));
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  // A paste that stops inside its last line (no line end after it): its last row may be cut (line-end.ts).
  const last = raw.charCodeAt(raw.length - 1);
  if (raw.length > 0 && last !== 10 && last !== 13) markLastLineUnended(lines);
  // A terminal log that stamps every line (Tera Term, SecureCRT, `ts`): the stamps go first, as the screen never showed
  // them (a tab or a backspace after one counts from where the router's line starts).
  const stamp = lineStampKind(lines);
  for (let i = 0; i < lines.length; i++) {
    let s = lines[i]!;
    if (stamp) {
      const m = stamp.exec(s);
      if (m) s = s.slice(m[0].length);
    }
    if (needsClean) s = cleanLine(s);
    const last = s.charCodeAt(s.length - 1);
    if (last === 32 || last === 9) s = s.trimEnd();
    lines[i] = s;
  }
  return lines;
}
