// Rejoins a long line that a terminal, a mail client or a web page cut at its width (e.g. 80 columns).
//
// How a cut looks once normalised: the first piece holds the first `width` characters, the continuation the
// rest. If the cut fell inside a word the first piece is exactly `width` long and the two pieces are glued back
// as they are. If it fell in a run of blanks, the normaliser has trimmed the first piece (so it is shorter than
// the width) and the blank between the two pieces is restored as one space: parsers read fields by shape, so
// the exact number of blanks never matters. Whether a cut happened at all is for the parser to say: only it
// knows that a line is incomplete alone, that the next line is not a record of its own, and that the two read
// together. `readWrapped` asks exactly those three questions, so a complete line that happens to be 80 long is
// never glued to the next record.

/** Widths at which terminals (80, 132) and mail clients (72, 76, 78) cut lines. */
export const WRAP_WIDTHS: readonly number[] = [72, 76, 78, 80, 100, 120, 132];

/** A line shorter than this is never taken for the first piece of a wrapped line. */
export const MIN_WRAPPED_LENGTH = 40;

/**
 * The ways a continuation may glue back onto the piece before it, most likely first (see the header). A piece
 * exactly as long as a known width was probably cut inside a word; but it may also be a longer cut trimmed of
 * its blanks to that length, so the spaced join is offered too and the parser keeps the one that reads.
 */
export function wrapJoins(first: string, next: string, widths: readonly number[] = WRAP_WIDTHS): string[] {
  const spaced = `${first} ${next.trimStart()}`;
  if (/^\s/.test(next) || !widths.includes(first.length)) return [spaced];
  return [first + next, spaced];
}

/** The most likely join of two pieces (the first of `wrapJoins`). */
export function joinWrapped(first: string, next: string, widths: readonly number[] = WRAP_WIDTHS): string {
  return wrapJoins(first, next, widths)[0]!;
}

export interface Rejoined<T> {
  value: T;
  /** Physical lines used (1 when the line read alone). */
  lines: number;
}

/**
 * Read lines[i] with `read`; when it does not read alone, try it joined with the following lines (up to
 * `maxParts` physical lines, never past `to`), as long as each continuation does not read on its own.
 * Returns null when no join reads either: the caller then reports line i as unread.
 */
export function readWrapped<T>(
  lines: readonly string[],
  i: number,
  to: number,
  read: (text: string) => T | null,
  maxParts = 3,
): Rejoined<T> | null {
  const alone = read(lines[i]!);
  if (alone !== null) return { value: alone, lines: 1 };
  let texts = [lines[i]!];
  for (let k = 1; k < maxParts && i + k < to; k++) {
    const next = lines[i + k]!;
    if (lines[i]!.length < MIN_WRAPPED_LENGTH || next.trim() === '' || read(next) !== null) return null;
    texts = texts.flatMap((t) => wrapJoins(t, next)).slice(0, 4);
    for (const t of texts) {
      const joined = read(t);
      if (joined !== null) return { value: joined, lines: k + 1 };
    }
  }
  return null;
}
