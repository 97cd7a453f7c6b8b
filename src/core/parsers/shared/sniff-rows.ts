// The sniff most table parsers share: look at the first non-blank lines; a header decides, else the share of rows.
import type { Section } from '../parser-types';

/** What a sniffer makes of one line: a score for the whole section (a header says it outright), a data row, or neither. */
export type LineVerdict = number | 'row' | null;

/**
 * Judges the first `maxLines` non-blank lines of lines[from..to). The first line judged with a number decides;
 * otherwise the score is the share of rows among the lines seen, plus `bonus` once any row was seen, at most `cap`.
 */
export function sniffRows(
  section: Section,
  maxLines: number,
  judge: (line: string, index: number) => LineVerdict,
  { cap = 0.9, bonus = 0 }: { cap?: number; bonus?: number } = {},
): number {
  let rows = 0;
  let seen = 0;
  for (let i = section.from; i < section.to && seen < maxLines; i++) {
    const l = section.lines[i]!;
    if (l.trim() === '') continue;
    seen++;
    const v = judge(l, i);
    if (typeof v === 'number') return v;
    if (v === 'row') rows++;
  }
  return seen === 0 ? 0 : Math.min(cap, rows / seen + (rows > 0 ? bonus : 0));
}
