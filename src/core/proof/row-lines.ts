// Test helper: which lines of a capture its parser read as rows, so timing tests can repeat exactly those.

/** Line numbers (1-based) under a `line` key inside arrays of parsed facts: the table rows and entries. */
export function rowLineNumbers(data: unknown): number[] {
  const out = new Set<number>();
  const walk = (v: unknown, key: string, inArray: boolean) => {
    if (key === 'line' && inArray && typeof v === 'number') out.add(v);
    else if (key === 'line' && ArrayBuffer.isView(v)) for (const n of Array.from(v as unknown as ArrayLike<number>)) out.add(n);
    else if (Array.isArray(v)) for (const x of v) walk(x, '', true);
    else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, k, inArray);
    }
  };
  walk(data, '', false);
  return [...out].filter((n) => n > 0).sort((a, b) => a - b);
}

/**
 * A capture grown to `copies` times its rows: the lines before the first row, the rows (first to last, with
 * whatever sits between them) repeated, then the lines after. With no rows found, the whole body repeats.
 */
export function grownLines(lines: readonly string[], rows: readonly number[], copies: number): string[] {
  const first = rows.length ? rows[0]! - 1 : 0;
  const last = rows.length ? rows[rows.length - 1]! : lines.length;
  const block = lines.slice(first, last);
  const out = lines.slice(0, first);
  for (let i = 0; i < copies; i++) for (const l of block) out.push(l);
  for (const l of lines.slice(last)) out.push(l);
  return out;
}
