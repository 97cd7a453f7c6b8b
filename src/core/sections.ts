// A parsed section: its summary (contract) plus the typed facts its parser returned.
import type { KindData, ParsedKind } from './parsers/registry';
import type { InputSummary } from './types';

export type ParsedSection = {
  [K in ParsedKind]: { kind: K; source: string; summary: InputSummary; data: KindData[K] };
}[ParsedKind];

export type SectionOf<K extends ParsedKind> = Extract<ParsedSection, { kind: K }>;

export function sectionsOf<K extends ParsedKind>(sections: readonly ParsedSection[], kind: K): SectionOf<K>[] {
  return sections.filter((s): s is SectionOf<K> => s.kind === kind);
}
