// `show adjacency summary`: the adjacency table's size.
// PLACEHOLDER (issue 3): the facts below are the agreed shape; the parser does not read them yet.
import { notYetRead } from '../not-yet-read';
import type { ParserDef } from '../parser-types';

export interface AdjacencySummaryData {
  total?: number;
  complete?: number;
  incomplete?: number;
  line?: number;
}

export const adjacencySummaryParser: ParserDef<'show adjacency summary', AdjacencySummaryData> = {
  kind: 'show adjacency summary',
  commands: ['show adjacency summary'],
  sniff: () => 0,
  parse: (section) => notYetRead<AdjacencySummaryData>(section, {}),
};
