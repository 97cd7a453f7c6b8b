// Markdown for text that may come from a crafted link (issue 12): every field escaped or fenced, never markup.
// Used by the Markdown export (report-markdown.ts), which the browser's download and the CLI's --markdown share.

/** Control characters and line separators would end a table row or a list item early: they become spaces. */
const BREAKS = /[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/g;

/** Pasted text is data: keep it inside code fences so it never becomes markup in a viewer. */
export function fence(lines: string[]): string {
  const body = lines.join('\n').replace(BREAKS, ' ');
  const ticks = '`'.repeat(Math.max(3, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length + 1)));
  return `${ticks}\n${body}\n${ticks}`;
}

/**
 * One field as inert inline text: no line breaks, and every character that can open markup (emphasis, links and
 * images, HTML and entities, autolinks `https:`/`www.`/`a@b`, tables, math) is backslash-escaped.
 */
export function inline(text: string | number): string {
  return String(text)
    .replace(/[\r\n]/g, ' ')
    .replace(BREAKS, ' ')
    .replace(/[\\`*_{}[\]()<>#|!~&:@$^]/g, (c) => `\\${c}`)
    .replace(/www\./gi, (m) => `${m.slice(0, 3)}\\.`);
}

/** A code span whose fence is longer than any backtick run inside it. */
export function code(text: string): string {
  const body = text.replace(/[\r\n]/g, ' ').replace(BREAKS, ' ');
  const ticks = '`'.repeat(1 + Math.max(0, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length)));
  return `${ticks} ${body} ${ticks}`;
}
