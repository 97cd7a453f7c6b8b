// Test helper: run one parser on a fixture file through the same normalise/split path as diagnose.
import { normaliseLines } from '../text/normalise';
import type { ParseOutput, ParserDef, Section } from './parser-types';

export function sectionOf(text: string): Section {
  const lines = normaliseLines(text);
  return { lines, from: 0, to: lines.length };
}

export function runParser<T>(parser: ParserDef<never, T> | ParserDef<any, T>, text: string): ParseOutput<T> {
  return parser.parse(sectionOf(text));
}
