// Test helper: where a junk line in a capture is read as free text by design, so it is not "unread".
import { WRAP_WIDTHS } from '../text/wrap';
import type { Kind } from '../types';

/**
 * Kinds whose output legitimately holds free text a junk line can belong to: a log message's continuation
 * line, and config lines the rules do not need (a config has hundreds; warning on each would bury the rest).
 */
export const FREE_TEXT: ReadonlySet<Kind> = new Set<Kind>(['show logging', 'show running-config']);

/**
 * Spots where a line is free text by design, so junk there is read as part of it: the line after a
 * terminal-wrapped line (ending in a comma, "10 weeks, 5 days,", or exactly as long as a terminal width), and
 * the banner lines after "Alignment data for:" (up to "Compiled ...").
 */
export function absorbed(before: readonly string[]): boolean {
  const prev = (before[before.length - 1] ?? '').replace(/\r$/, '');
  if (/,\s*$/.test(prev)) return true;
  if (WRAP_WIDTHS.includes(prev.length) || WRAP_WIDTHS.includes(prev.trimEnd().length + 1)) return true;
  // The software banner under "Alignment data for:" runs up to its "Compiled ..." line.
  const banner = before.findLastIndex((l) => /^Alignment data for:/.test(l.trim()));
  return banner >= 0 && !before.slice(banner).some((l) => /^Compiled /.test(l.trim()));
}
