// What posters add to a paste by hand: elision lines (`[...]`, `<snip>`) and notes after a row (`<-- this one`).
//
// Both are taken out before a paste is split and parsed, so the row or counter they sit on reads as the router
// printed it; each one is reported once, quoting just the poster's fragment. Only clear markers count: an arrow
// of two dashes or more (or a typographic dash) and fixed elision words, never IOS's own `->` (ACL log lines).
import { MASK } from './mask-mark';
import type { Warning } from '../types';
import { keepLineEnd } from './line-end';
import { bannerEnd } from './split';

export interface FieldNote {
  /** 0-based line index. */
  index: number;
  /** What the poster added, as it appears. */
  fragment: string;
  /** The line without it ('' for an elision line). */
  text: string;
  kind: 'elision' | 'annotation' | 'quote' | 'markup';
  /** For a run of quoted lines ('quote'): the 0-based index of its last line. */
  last?: number;
}

/** A mail reply's quote marks at a line's start: `>`, `> `, `>> `, `> > `, `>>>` (each `>` with at most one blank). */
const QUOTE_MARKS = /^(?:>[ \t]?)+/;
/** Quoted lines in a row that make a mail quote (fewer could be a poster's `>>>` arrows on a row or two). */
const MIN_QUOTED_RUN = 3;

/**
 * Runs of at least MIN_QUOTED_RUN consecutive lines that each start with a quote mark (`>`): output copied from a
 * mail thread (a mailing list's archive, a colleague's reply). Consecutive in the paste: with `only`, a gap in it
 * (rows read as bytes) ends a run, as those rows' lines end it in the text path.
 */
function quotedRuns(lines: readonly string[], only?: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  const n = only ? only.length : lines.length;
  let start = -1;
  let prev = -2;
  const close = () => {
    if (start >= 0 && prev - start + 1 >= MIN_QUOTED_RUN) runs.push([start, prev]);
    start = -1;
  };
  for (let j = 0; j < n; j++) {
    const i = only ? only[j]! : j;
    const quoted = lines[i]!.charCodeAt(0) === GT;
    if (!quoted || i !== prev + 1) close();
    if (quoted && start < 0) start = i;
    prev = quoted ? i : -2;
  }
  close();
  return runs;
}

/** Dashes an arrow is drawn with, by character code: ASCII `-` and `=`, and the typographic ones a web page or a mail client makes. */
const isTypoDash = (c: number): boolean => c >= 0x2012 && c <= 0x2015;
const isDash = (c: number): boolean => c === 45 || c === 61 || isTypoDash(c);
const LT = 60;
const GT = 62;

/**
 * Where the first arrow a poster drew starts and ends: `<--`, `<==`, `<<<`, `-->`, `==>`, `>>>`, `<—`,
 * `—>`. An ASCII arrow needs two dashes (`<--`, `-->`), so IOS's `->` and `<-` (`hrpc <- response`) never count. A plain
 * scan instead of a regex: runs of dashes are common in tables and must not make a pattern backtrack. Only the `<` and
 * `>` are looked at (found by indexOf, each once): an ACL log line has a `->`, a 79 MB log 700,000 of them, and a
 * look at every character cost half a second.
 */
export function findArrow(line: string): { start: number; end: number } | null {
  const len = line.length;
  let lt = line.indexOf('<');
  let gt = line.indexOf('>');
  while (lt >= 0 || gt >= 0) {
    if (lt >= 0 && (gt < 0 || lt < gt)) {
      const i = lt;
      const n = line.charCodeAt(i + 1);
      // `<-` alone is no arrow: IOS names a process `hrpc <- response`.
      const drawn = isTypoDash(n) || (isDash(n) && isDash(line.charCodeAt(i + 2)));
      if (drawn || line.startsWith('<<<', i)) {
        let e = i + 1;
        while (e < len && (isDash(line.charCodeAt(e)) || line.charCodeAt(e) === LT)) e++;
        return { start: i, end: e };
      }
      lt = line.indexOf('<', i + 1);
    } else {
      const i = gt;
      let s = i;
      while (s > 0 && isDash(line.charCodeAt(s - 1))) s--;
      const typo = s < i && isTypoDash(line.charCodeAt(i - 1));
      if (i - s >= 2 || typo || line.startsWith('>>>', i)) {
        let e = i + 1;
        while (e < len && line.charCodeAt(e) === GT) e++;
        return { start: s, end: e };
      }
      gt = line.indexOf('>', i + 1);
    }
  }
  return null;
}

/** Elision words, once the line is lower-cased, trimmed of punctuation and its blanks collapsed. */
const ELISION_WORDS =
  /^(?:(?:some|rest of|remaining|more|other) )?(?:(?:output|lines|entries|rows|text|processes|flows) )?(?:omitted|truncated|snipped|snip|removed|cut|deleted|skipped|trimmed)(?: (?:for brevity|here))?$/;

/**
 * A word every elision's words hold (the last of ELISION_WORDS' required ones), any case: a line without one is no
 * elision, and most lines are rejected here, before being lower-cased and matched (a 900,000-line Flexible NetFlow cache:
 * 330 ms to 40).
 */
const ELISION_HINT = /omitted|truncated|snip|removed|cut|deleted|skipped|trimmed/i;

/** [A-Za-z0-9] by its code (a regex a character cost most of the time of this file's checks). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

/** The text between the first and the last letter or digit ('' when there is none). */
function trimPunctuation(t: string): string {
  let a = 0;
  let b = t.length;
  while (a < b && !isWordChar(t.charCodeAt(a))) a++;
  while (b > a && !isWordChar(t.charCodeAt(b - 1))) b--;
  return t.slice(a, b);
}

/** Is this whole line a poster's elision marker? (`...`, `[...]`, `. . .`, `…`, `<snip>`, `-- output omitted --`.) */
export function isElisionLine(line: string): boolean {
  // Fast rejection for table rows: normalised lines carry no trailing blanks, so a long line that does not
  // start with a blank is longer than any elision.
  if (line.length > 60 && line.charCodeAt(0) !== 32) return false;
  const t = line.trim();
  // The masker's mark for a line it hid whole stands for that line (mask-mark.ts): reading it as an elision made the
  // masked paste another shape than the paste (a crypto block's lines blanked, a config fragment read as a config).
  if (t === '' || t.length > 60 || t === MASK) return false;
  // Trim punctuation around the words ("<snip>", "[...]", "--- output omitted ---").
  const core = trimPunctuation(t);
  if (core === '') {
    // Only dots (three or four; IOS's ping prints five) or an ellipsis, with brackets or blanks around them.
    const dots = t.replace(/[^.\u2026]/g, '');
    const rest = t.replace(/[.\u2026\s[\](){}<>]/g, '');
    return rest === '' && (t.includes('\u2026') || dots.length === 3 || dots.length === 4);
  }
  // The words end in d, p, t, y or e (omitted, snip, cut, for brevity, here): a row's line ends in a digit.
  const last = core.charCodeAt(core.length - 1) | 32;
  if (last !== 100 && last !== 112 && last !== 116 && last !== 121 && last !== 101) return false;
  if (!ELISION_HINT.test(core)) return false;
  return ELISION_WORDS.test(core.toLowerCase().replace(/\s+/g, ' '));
}

/** Split a line at a poster's arrow note: the row before it (or after a leading arrow) and the note itself. */
export function splitAnnotation(line: string): { text: string; fragment: string } | null {
  // Cheap pre-check so a 1M-row table pays two scans per line: every arrow holds `<` or `>`.
  if (line.indexOf('<') < 0 && line.indexOf('>') < 0) return slashComment(line);
  const m = findArrow(line);
  if (!m) return slashComment(line);
  const before = line.slice(0, m.start);
  if (before.trim() === '') {
    // A leading arrow pointing at the row (`--> 30 5248... Cat4k Mgmt LoPri`): the arrow is the note.
    const rest = line.slice(m.end);
    if (rest.trim() === '') return { text: '', fragment: line.trim() };
    return { text: ' '.repeat(m.end) + rest, fragment: line.slice(m.start, m.end) };
  }
  return { text: before.trimEnd(), fragment: line.slice(m.start).trim() };
}

/**
 * A comment a poster typed after a row, or on a line of its own, as in code: `Ethernet0/0.10  // arp learnt here`.
 * Only after a blank (a URL's `http://` never counts): no router output has ` //` in a row.
 */
function slashComment(line: string): { text: string; fragment: string } | null {
  const c = line.indexOf(' //');
  const at = c >= 0 ? c + 1 : line.startsWith('//') ? 0 : -1;
  if (at < 0) return null;
  const fragment = line.slice(at).trim();
  if (fragment.length <= 2) return null;
  return { text: line.slice(0, at).trimEnd(), fragment };
}

const CONFIG_TEXT = /^\s*(?:description|remark|\d+ remark|access-list \d+ remark|alias) /;

/**
 * Every note in the paste, and the lines with them taken out (the same array when there was none). `only`, when
 * given, lists (ascending) every line that may hold text; the others are empty and are not read (splitSections).
 */
/**
 * Formatting tags a web page or a notes export leaves around pasted output (`<pre><code><strong>R1#show ...`,
 * `</strong>Adjacency Table has ...`). Routers never print these; `<cr>` and the masker's `<removed>` are not among them.
 */
const MARKUP_ALL = /<\/?(?:pre|code|strong|b|em|i|tt|kbd|samp|span|p|div|br|font)(?:\s[^<>]*)?\/?>/gi;

/** The tags a line holds, as they appear (`<pre>, <code>, <strong>`), or null. */
function markupTags(line: string): string | null {
  if (line.indexOf('<') < 0) return null;
  const found = line.match(MARKUP_ALL);
  return found ? [...new Set(found)].join(', ') : null;
}

export function takeFieldNotes(lines: readonly string[], only?: readonly number[]): { lines: readonly string[]; notes: FieldNote[] } {
  const notes: FieldNote[] = [];
  let out: string[] | null = null;
  // A mail's quote marks first: each run's lines then read as the router printed them (and may hold notes too).
  for (const [from, to] of quotedRuns(lines, only)) {
    out ??= lines.slice();
    for (let i = from; i <= to; i++) out[i] = out[i]!.replace(QUOTE_MARKS, '');
    notes.push({ index: from, last: to, fragment: '>', text: out[from]!, kind: 'quote' });
  }
  const src = out ?? lines;
  /** The last line of a banner being skipped (-1: none). */
  let skipTo = -1;
  const n = only ? only.length : lines.length;
  for (let j = 0; j < n; j++) {
    const i = only ? only[j]! : j;
    if (i <= skipTo) continue;
    const line = src[i]!;
    // Empty lines carry no note (a big dump read as bytes has one per flow row: a million regex calls saved).
    if (line.length === 0 || line.length > 400) continue;
    // A config banner is the router's own free text (`<<< AUTHORISED USE ONLY >>>`), not a poster's note.
    if (line.charCodeAt(0) === 98 && line.startsWith('banner ')) {
      skipTo = bannerEnd(src, i);
      continue;
    }
    // Config free text the router stores as typed (`description <-- to core`, an ACL `remark`): not a poster's note.
    if (CONFIG_TEXT.test(line)) continue;
    let note: FieldNote | null = null;
    const tags = markupTags(line);
    if (tags) note = { index: i, fragment: tags, text: line.replace(MARKUP_ALL, ''), kind: 'markup' };
    else if (isElisionLine(line)) note = { index: i, fragment: line.trim(), text: '', kind: 'elision' };
    else {
      const a = splitAnnotation(line);
      if (a) note = { index: i, fragment: a.fragment, text: a.text, kind: 'annotation' };
    }
    if (!note) continue;
    notes.push(note);
    out ??= lines.slice();
    out[i] = note.text;
  }
  notes.sort((a, b) => a.index - b.index);
  if (out) keepLineEnd(lines, out);
  return { lines: out ?? lines, notes };
}

/**
 * What a line reads as once takeFieldNotes has taken its note out ('' for an elision line; itself when it has none),
 * banners aside: for a reader that follows the text line by line before the notes are taken (the byte path).
 */
export function lineWithoutNote(line: string): string {
  if (line.length === 0 || line.length > 400 || CONFIG_TEXT.test(line)) return line;
  if (markupTags(line)) return line.replace(MARKUP_ALL, '');
  if (isElisionLine(line)) return '';
  return splitAnnotation(line)?.text ?? line;
}

/** The one warning a note gets: the fragment quoted, the rest of its line read as usual. */
export function noteWarning(n: FieldNote): Warning {
  if (n.kind === 'markup') return { line: n.index + 1, message: `HTML markup taken off (${n.fragment}): the line read as the router printed it` };
  if (n.kind === 'quote') {
    const where = n.last !== undefined && n.last > n.index ? `lines ${n.index + 1}-${n.last + 1}` : `line ${n.index + 1}`;
    return { line: n.index + 1, message: `quoted as in a mail reply: the ">" marks before ${where} were taken off, and the lines read as the router printed them` };
  }
  const shown = n.fragment.length > 80 ? `${n.fragment.slice(0, 77)}...` : n.fragment;
  return n.kind === 'elision'
    ? { line: n.index + 1, message: `output left out by the poster here, not read: "${shown}"` }
    : { line: n.index + 1, message: `note added by the poster, not read: "${shown}"` };
}
