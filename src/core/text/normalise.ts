// Turns a raw paste into clean lines, one per source line, so line numbers in warnings match what the user pasted.

/** Characters browsers and mail clients substitute for spaces, plus zero-width ones that break tokenising. */
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
// eslint-disable-next-line no-control-regex
const OTHER_CONTROLS = /[\x00-\x07\x0b\x0c\x0e-\x1f\x7f]/g;
const MORE = /\s*-+\s*More\s*-+\s*/gi;

/** Expand tabs to 8-column stops so column-aligned tables keep their alignment. */
function expandTabs(line: string): string {
  let out = '';
  for (const ch of line) {
    if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
    else out += ch;
  }
  return out;
}

/** Apply terminal backspaces: each \b erases the character before it. */
function applyBackspaces(line: string): string {
  const out: string[] = [];
  for (const ch of line) {
    if (ch === '\b') out.pop();
    else out.push(ch);
  }
  return out.join('');
}

function cleanLine(line: string): string {
  let s = line;
  if (s.includes('\x1b')) s = s.replace(ANSI, '');
  // Backspaces first: IOS erases its own ` --More-- ` with them; a leftover prompt is then removed by pattern.
  if (s.includes('\b')) s = applyBackspaces(s);
  if (s.includes('More')) s = s.replace(MORE, ' ');
  if (s.includes('\t')) s = expandTabs(s);
  s = s.replace(OTHER_CONTROLS, '');
  return s;
}

/**
 * Normalise a paste: CR/CRLF to LF, odd spaces to spaces, `--More--` and backspaces removed, tabs expanded,
 * trailing blanks trimmed. Returns exactly one entry per source line (index i is line i + 1).
 * Fast path: a large, clean paste is only split, so a 100 MB flow dump costs one pass.
 */
export function normaliseLines(raw: string): string[] {
  let text = raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (ODD_SPACES.test(text)) text = text.replace(ODD_SPACES, ' ');
  ODD_SPACES.lastIndex = 0;
  if (ZERO_WIDTH.test(text)) text = text.replace(ZERO_WIDTH, '');
  ZERO_WIDTH.lastIndex = 0;
  // eslint-disable-next-line no-control-regex
  const needsClean = /[\x00-\x08\x0b-\x1f\x7f]|More/.test(text);
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    let s = lines[i]!;
    if (needsClean) s = cleanLine(s);
    const last = s.charCodeAt(s.length - 1);
    if (last === 32 || last === 9) s = s.trimEnd();
    lines[i] = s;
  }
  return lines;
}
