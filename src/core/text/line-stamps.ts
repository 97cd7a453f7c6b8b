// Terminal-log time stamps: a terminal program set to stamp each line it logs (Tera Term's "Timestamp", SecureCRT's
// custom log data, minicom, moreutils `ts`) puts the time before everything the router printed, prompt, header and
// row alike. Left there, no line reads as the router wrote it: a million-row capture gave no row at all.
//
// A stamp is only taken away when most of a paste's lines carry the same kind, so a router's own time stamps (IOS
// logging `*Mar  1 00:01:02.123: %SYS-...`, uptime `00:01:02: %...`: a colon right after the seconds, or a time
// zone and a colon) are never touched, and neither is a single odd line.

/**
 * One kind of stamp, matched at a line's start: the stamp and the one blank after it (the line's own indent stays),
 * or the stamp alone on a line (a blank line logged, its trailing blank trimmed).
 */
interface StampKind {
  name: string;
  re: RegExp;
  /**
   * For kinds a router's own log stamp also fits: that stamp is followed by its time zone and a colon (IOS logging
   * with `show-timezone`: `Dec 13 03:30:00.123 UTC: %SYS-...`, the zone any name `clock timezone` was given). Lines
   * whose rest starts like that count against the paste being stamped.
   */
  zoned?: boolean;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?';
/** A time zone (or anything of its shape: IOS takes a name of up to 7 characters) and a colon. */
const ZONE_THEN_COLON = /^[A-Za-z][A-Za-z0-9+-]{0,6}: /;

/**
 * The kinds read, each anchored and bounded (linear on any line):
 * - bracketed, with a time of day inside: `[03:30:00] `, `[03:30:00.123] `, `[Thu Dec 03 03:30:00.123 2026] `
 *   (Tera Term), `[2026-12-03 03:30:00] `, `[2026-12-03 03:30:00.123 UTC] `;
 * - an ISO date and time: `2026-12-03 03:30:00 `, `2026-12-03T03:30:00.123Z `, `2026-12-03 03:30:00,123+0100 `;
 * - moreutils `ts`: `Dec 03 03:30:00 ` (month, day, time, then a blank: IOS logging has a colon there, or a blank,
 *   its time zone and a colon);
 * - an elapsed or bare time then a blank: `00:00:05 `, `03:30:00.123 ` (IOS uptime stamps have a colon there).
 */
const KINDS: readonly StampKind[] = [
  { name: 'bracketed', re: new RegExp(`^\\[[0-9A-Za-z ./,:+-]{0,32}?${TIME}[0-9A-Za-z ./,:+-]{0,24}\\](?: |$)`) },
  { name: 'iso', re: new RegExp(`^\\d{4}-\\d{2}-\\d{2}[ T]${TIME}(?:Z| ?[+-]\\d{2}:?\\d{2}| UTC)?(?: |$)`) },
  // (Any digit where a day's tens go: the byte path's template takes any digit where the stamp had one.)
  { name: 'ts', re: new RegExp(`^${MONTH} [ \\d]\\d ${TIME}(?: |$)`), zoned: true },
  { name: 'time', re: new RegExp(`^${TIME}(?: |$)`), zoned: true },
];

/** Can a stamp start with this character: `[`, a digit, or a month's first letter (J F M A S O N D)? */
function mayStartStamp(c: number): boolean {
  return c === 91 || (c >= 48 && c <= 57) || c === 74 || c === 70 || c === 77 || c === 65 || c === 83 || c === 79 || c === 78 || c === 68;
}

/** How many non-blank lines from a paste's start decide whether it is stamped, and what share must carry one kind. */
const SAMPLE_LINES = 200;
const SHARE = 0.8;
/** Fewer stamped lines than this never count: one odd line is no terminal log. */
const MIN_STAMPED = 2;

/**
 * The kind of stamp most of these lines (the first SAMPLE_LINES non-blank ones) start with, as an index for
 * stampPattern, or -1. Lines are as split from the paste (a CR at the end changes nothing). For the kinds a router's
 * own log stamp fits too, no more than half of the stamped lines may go on with a time zone and a colon: a `show
 * logging` paste is the router's stamps, a stamped one has a stamp before each of them.
 */
export function stampKindOf(lines: Iterable<string>): number {
  return sampleKind(lines).kind;
}

/** stampKindOf, and whether the lines held a whole sample (SAMPLE_LINES non-blank ones). */
function sampleKind(lines: Iterable<string>): { kind: number; whole: boolean } {
  const counts = new Array<number>(KINDS.length).fill(0);
  const zoned = new Array<number>(KINDS.length).fill(0);
  let seen = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    // Most lines start with a letter no stamp starts with (a row's interface, a prompt): no pattern is tried.
    if (!mayStartStamp(line.charCodeAt(0))) {
      if (++seen >= SAMPLE_LINES) break;
      continue;
    }
    for (let k = 0; k < KINDS.length; k++) {
      const m = KINDS[k]!.re.exec(line);
      if (m) {
        counts[k]!++;
        if (KINDS[k]!.zoned && ZONE_THEN_COLON.test(line.slice(m[0].length, m[0].length + 16))) zoned[k]!++;
        break;
      }
    }
    if (++seen >= SAMPLE_LINES) break;
  }
  let best = -1;
  for (let k = 0; k < KINDS.length; k++) if (best < 0 || counts[k]! > counts[best]!) best = k;
  const n = counts[best]!;
  return { kind: n < MIN_STAMPED || n < seen * SHARE || zoned[best]! * 2 > n ? -1 : best, whole: seen >= SAMPLE_LINES };
}

/**
 * The length of a terminal-log stamp of any kind at the start of this line (with the blank after it), or 0. For a
 * reader that must see past a stamp on any line, majority or not: the secrets masker reads a config's blocks by their
 * lines' starts, and a stamped config among unstamped output is still a config.
 */
export function lineStampLength(line: string): number {
  if (!mayStartStamp(line.charCodeAt(0))) return 0;
  for (const k of KINDS) {
    const m = k.re.exec(line);
    if (m) return m[0].length;
  }
  return 0;
}

/** The pattern that takes a kind of stamp (stampKindOf) off a line's start; null for -1 (no stamps). */
export function stampPattern(kind: number): RegExp | null {
  return KINDS[kind]?.re ?? null;
}

/** stampKindOf as the pattern that takes the stamps off, or null. */
export function lineStampKind(lines: Iterable<string>): RegExp | null {
  return stampPattern(stampKindOf(lines));
}

/** The lines of a text's start, split as normaliseLines splits them (\n, \r\n or a lone \r); a cut last line is left out. */
function* headLines(head: string, whole: boolean): Generator<string> {
  const n = head.length;
  let at = 0;
  while (at < n) {
    let e = at;
    let c = 0;
    while (e < n && (c = head.charCodeAt(e)) !== 10 && c !== 13) e++;
    if (e === n && !whole) return;
    yield head.slice(at, e);
    at = c === 13 && head.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
  }
}

/**
 * The kind of stamp (stampKindOf) of a paste whose start this is: the byte path decides from a file's first
 * STAMP_HEAD_BYTES, as the text path decides from its first lines. `whole`: the text is all of it (its last line counts).
 */
export function headStampKind(head: string, whole: boolean): number {
  return stampKindOf(headLines(head, whole));
}

/** headStampKind, or undefined when this start is too short to decide (fewer lines than a sample, and more to come). */
export function headStampKindIfSure(head: string, whole: boolean): number | undefined {
  const r = sampleKind(headLines(head, whole));
  return r.whole || whole ? r.kind : undefined;
}

/** How much of a file's start headStampKind is given: room for SAMPLE_LINES lines of up to 1,300 bytes. */
export const STAMP_HEAD_BYTES = 1 << 18;
