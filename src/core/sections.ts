// A parsed section: its summary (contract) plus the typed facts its parser returned.
import type { KindData, ParsedKind } from './parsers/registry';
import type { InputSummary } from './types';

export type ParsedSection = {
  [K in ParsedKind]: { kind: K; source: string; summary: InputSummary; data: KindData[K] };
}[ParsedKind];

export type SectionOf<K extends ParsedKind> = Extract<ParsedSection, { kind: K }>;

/** Each list's sections by kind, kept while the list keeps its length (lists are only appended to). */
const byKind = new WeakMap<readonly ParsedSection[], { n: number; kinds: Map<ParsedKind, readonly ParsedSection[]> }>();

/**
 * The sections of one kind, in order. Kept per list and kind: rules ask for the same kind once per finding (the
 * router's name, the holders of memory), and a terminal log of a script that ran `show memory summary` 16,000 times
 * asked 16,000 times over 16,000 sections (4 s).
 */
export function sectionsOf<K extends ParsedKind>(sections: readonly ParsedSection[], kind: K): readonly SectionOf<K>[] {
  let m = byKind.get(sections);
  if (!m || m.n !== sections.length) byKind.set(sections, (m = { n: sections.length, kinds: new Map() }));
  let l = m.kinds.get(kind);
  if (!l) m.kinds.set(kind, (l = sections.filter((s): s is SectionOf<K> => s.kind === kind)));
  return l as readonly SectionOf<K>[];
}
