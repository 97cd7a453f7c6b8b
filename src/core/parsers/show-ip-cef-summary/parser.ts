// `show ip cef summary`: CEF state, table size and adjacency count.
// PLACEHOLDER (issue 3): the facts below are the agreed shape; the parser does not read them yet.
import { notYetRead } from '../not-yet-read';
import type { ParserDef } from '../parser-types';

export interface CefSummaryData {
  /** true: "IP CEF with switching"; false: "CEF not running" or disabled; undefined: not stated. */
  running?: boolean;
  distributed: boolean;
  stateLine?: number;
  routes?: number;
  leaves?: number;
  nodes?: number;
  bytes?: number;
  adjacencies?: number;
  adjacencyLine?: number;
}

export const cefSummaryParser: ParserDef<'show ip cef summary', CefSummaryData> = {
  kind: 'show ip cef summary',
  commands: ['show ip cef summary'],
  sniff: () => 0,
  parse: (section) => notYetRead<CefSummaryData>(section, { distributed: false }),
};
