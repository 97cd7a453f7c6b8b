// `show ip cache`: the fast-switching cache: size, churn counters, ager settings and prefixes.
// PLACEHOLDER (issue 3): the facts below are the agreed shape; the parser does not read them yet.
import { notYetRead } from '../not-yet-read';
import type { ParserDef } from '../parser-types';

export interface IpCacheData {
  verbose: boolean;
  /** "IP routing cache N entries, B bytes" */
  entries?: number;
  bytes?: number;
  summaryLine?: number;
  adds?: number;
  invalidates?: number;
  refcounts?: number;
  countersLine?: number;
  /** "Cache aged by 1/25 every 60 seconds (1/5 when memory is low)." -> 25, 60, 5 */
  ager?: { divisor: number; intervalSeconds: number; lowMemoryDivisor: number; line: number };
  lastFullInvalidation?: string;
  prefixes: { prefix: string; length: number; age: string; interface: string; nextHop: string; line: number }[];
}

export const ipCacheParser: ParserDef<'show ip cache', IpCacheData> = {
  kind: 'show ip cache',
  commands: ['show ip cache'],
  sniff: () => 0,
  parse: (section) => notYetRead<IpCacheData>(section, { verbose: false, prefixes: [] }),
};

/** `show ip cache verbose` has the same header; its prefix lines carry the MAC header too. */
export const ipCacheVerboseParser: ParserDef<'show ip cache verbose', IpCacheData> = {
  kind: 'show ip cache verbose',
  commands: ['show ip cache verbose'],
  sniff: () => 0,
  parse: (section) => notYetRead<IpCacheData>(section, { verbose: true, prefixes: [] }),
};
