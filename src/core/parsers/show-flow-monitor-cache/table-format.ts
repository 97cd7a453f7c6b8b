// `format table` (and csv): one row per flow under column names, a `====` rule giving each column's span.
import { R, roleOf, type RecordValues, type Role } from './record-fields';

export interface TableLayout {
  /** Column spans from the `====` rule: [start, end) in characters. */
  spans: [number, number][];
  /** The role of each column, undefined for columns we do not use. */
  roles: (Role | undefined)[];
  names: string[];
}

const RULE = /^\s*=+(?: +=+)*\s*$/;

export function isRule(line: string): boolean {
  return RULE.test(line);
}

/** The layout from a header line and the rule under it; undefined when the header has no flow field at all. */
export function tableLayout(header: string, rule: string): TableLayout | undefined {
  const spans: [number, number][] = [];
  const re = /=+/g;
  for (let m = re.exec(rule); m; m = re.exec(rule)) spans.push([m.index, m.index + m[0].length]);
  // A name sits inside its rule's span, left- or right-aligned: take the header between the neighbouring columns.
  const named = spans.map((_, i) => header.slice(i === 0 ? 0 : spans[i - 1]![1], i + 1 < spans.length ? spans[i + 1]![0] : header.length).trim());
  const roles = named.map(roleOf);
  if (!roles.some((r) => r === 'src4' || r === 'dst4' || r === 'src6' || r === 'dst6' || r === 'mac')) return undefined;
  return { spans, roles, names: named };
}

const TOKEN = /\S+/g;

/**
 * One row's cells. Addresses wider than their column push every later field right (real IOS-XE output), so cells
 * are found by position plus the drift the row has accumulated so far, not by fixed offsets.
 */
export function tableCells(line: string, layout: TableLayout): string[] {
  const { spans } = layout;
  const cells: string[] = spans.map(() => '');
  let c = 0;
  let drift = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(line); m; m = TOKEN.exec(line)) {
    const start = m.index;
    const end = start + m[0].length;
    while (c + 1 < spans.length && start >= spans[c + 1]![0] + drift) c++;
    cells[c] = cells[c] ? `${cells[c]} ${m[0]}` : m[0];
    if (end > spans[c]![1] + drift) drift = end - spans[c]![1];
  }
  return cells;
}

export function valuesOf(cells: readonly string[], roles: readonly (Role | undefined)[]): RecordValues {
  const v: RecordValues = [];
  roles.forEach((r, i) => {
    if (r && cells[i]) v[R[r]] = cells[i];
  });
  return v;
}

/** `format csv`: a header of comma-separated field names; undefined when it names no address field. */
export function csvRoles(header: string): (Role | undefined)[] | undefined {
  if (!header.includes(',')) return undefined;
  const roles = header.split(',').map(roleOf);
  return roles.some((r) => r === 'src4' || r === 'dst4' || r === 'src6' || r === 'dst6' || r === 'mac') ? roles : undefined;
}
