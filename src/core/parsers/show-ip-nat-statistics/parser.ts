// `show ip nat statistics`: active, peak, dynamic and extended counts, interfaces and mappings.
// PLACEHOLDER (issue 3): the facts below are the agreed shape; the parser does not read them yet.
import { notYetRead } from '../not-yet-read';
import type { ParserDef } from '../parser-types';

export interface NatStatisticsData {
  activeTotal?: number;
  activeLine?: number;
  staticCount?: number;
  dynamicCount?: number;
  extendedCount?: number;
  peak?: number;
  peakLine?: number;
  insideInterfaces: string[];
  outsideInterfaces: string[];
  /** Dynamic mappings; overload true for PAT. */
  mappings: { text: string; overload: boolean; line: number }[];
}

export const natStatisticsParser: ParserDef<'show ip nat statistics', NatStatisticsData> = {
  kind: 'show ip nat statistics',
  commands: ['show ip nat statistics'],
  sniff: () => 0,
  parse: (section) => notYetRead<NatStatisticsData>(section, { insideInterfaces: [], outsideInterfaces: [], mappings: [] }),
};
