// Whether a paste's last line ended with a line end. A paste that stops in the middle of a line (a copy cut short, a
// terminal buffer's end, a mail client's limit) leaves its last row cut: a parser that reads that row as whole misreads
// it (`... a2b6.9300.0003  Vlan2` read as interface Vlan2). The normalised lines cannot show it, so the reader of the
// paste marks them (normaliseLines for text, the byte path's scanner for a big file) and parsers ask.

const UNENDED = new WeakSet<readonly string[]>();

/** These lines are a paste whose last line has no line end after it. */
export function markLastLineUnended(lines: readonly string[]): void {
  UNENDED.add(lines);
}

/** `to` is a copy of `from` (notes taken off, say): it ends as `from` does. */
export function keepLineEnd(from: readonly string[], to: readonly string[]): void {
  if (to !== from && UNENDED.has(from)) UNENDED.add(to);
}

/** Is lines[i] the paste's last line, with no line end after it (the paste stops inside it)? */
export function endsUnended(lines: readonly string[], i: number): boolean {
  return i === lines.length - 1 && UNENDED.has(lines);
}

/** The warning for a last line the paste stops inside of, shorter than the rows' layout: reported, never read as a row. */
export function cutLineWarning(index: number, line: string, what = 'row'): { line: number; message: string } {
  const t = line.trim();
  const shown = t.length > 120 ? `${t.slice(0, 117)}...` : t;
  return { line: index + 1, message: `the paste ends inside this ${what} (no line end after it, and shorter than the ${what}s' layout): cut, not read: "${shown}"` };
}
