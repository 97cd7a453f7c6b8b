// `show ip cache` and `show ip cache verbose`: the fast-switching cache: size, churn counters, ager settings, prefixes.
import type { Warning } from '../../types';
import { unreadLine } from '../../text/lines';
import { maskedAddressWarning } from '../../text/masked-address';
import type { ParserDef, Section } from '../parser-types';
import { addTokens, readPrefixTokens, type CachePrefix, type Token } from './prefix-tokens';
import { EXEC_PROMPT_TIMESTAMP_START } from '../shared/exec-prompt-timestamp';

export type { CachePrefix } from './prefix-tokens';

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
  prefixes: CachePrefix[];
  /** "Minimum invalidation interval 2 seconds, maximum interval 5 seconds, quiet interval 3 seconds, threshold 0 requests" */
  invalidation?: { minSeconds: number; maxSeconds: number; quietSeconds?: number; thresholdRequests?: number; line: number };
  /** "Invalidation rate 0 in last second, 0 in last 3 seconds" (the second part only when the quiet interval is over 1s). */
  invalidationRate?: { lastSecond: number; lastPeriod?: number; periodSeconds?: number; line: number };
  /** "Cache ager disabled by user configuration". (IOS prints the ager line only when it is not the default.) */
  agerDisabledLine?: number;
  /** "Cache invalidation for Ethernet0 pending for 2 seconds" ("all interfaces" when not one). */
  pendingInvalidation?: { target: string; seconds: number; line: number };
  /** "   3 invalidated entries waiting for flow cache" */
  waitingForFlowCache?: number;
}

// Some releases print the cache version first and the hash overflows last:
// "IP routing cache version 4490, 141 entries, 20772 bytes, 0 hash overflows".
const SUMMARY = /^\s*IP routing cache (?:version \d+, )?(\d+) entr(?:y|ies), (\d+) bytes(?:, \d+ hash overflows?)?\s*$/i;
const COUNTERS = /^\s*(\d+) adds, (\d+) invalidates, (\d+) refcounts\s*$/i;
const AGER = /^\s*Cache aged by 1\/(\d+) every (\d+) seconds \(1\/(\d+) when memory is low\)\.?\s*$/i;
// The quiet interval wraps onto its own line in the note; an unwrapped terminal prints it on the same line.
const MIN_INTERVAL =
  /^\s*Minimum invalidation interval (\d+) seconds?, maximum interval (\d+) seconds?,?(?:\s*quiet interval (\d+) seconds?, threshold (\d+) requests?)?\s*$/i;
const QUIET = /^\s*quiet interval (\d+) seconds?, threshold (\d+) requests?\s*$/i;
// "in last second"; Cisco's switching-path paper prints the first period in seconds too ("in last 7 seconds").
const RATE = /^\s*Invalidation rate (\d+) in last (?:second|\d+ seconds)(?:, (\d+) in last (\d+) seconds)?\s*$/i;
const AGER_OFF = /^\s*Cache ager disabled by user configuration\.?\s*$/i;
const PENDING = /^\s*Cache invalidation for (.+?) pending for (\d+) seconds?\s*$/i;
const WAITING = /^\s*(\d+) invalidated entr(?:y|ies) waiting for flow cache\s*$/i;
const LAST_FULL = /^\s*Last full cache invalidation occurred (.*?\S)(?: ago)?\s*$/i;
// The header may carry rows after it when a web page squeezed the table onto one line (the note's verbose sample).
// Older releases title the last column "MAC Header" (the rewrite string, no length) instead of "Next Hop".
const HEADER = /^\s*Prefix\/Length\s+Age\s+Interface\s+(?:Next\s+Hop|MAC\s+Header)\b\s*/i;

function parseCache(section: Section, verbose: boolean) {
  const warnings: Warning[] = [];
  const data: IpCacheData = { verbose, prefixes: [] };
  const tokens: Token[] = [];
  for (let i = section.from; i < section.to; i++) {
    const line = section.lines[i]!;
    if (line.trim() === '') continue;
    let m: RegExpExecArray | null;
    if ((m = SUMMARY.exec(line))) {
      [data.entries, data.bytes, data.summaryLine] = [+m[1]!, +m[2]!, i + 1];
    } else if ((m = COUNTERS.exec(line))) {
      [data.adds, data.invalidates, data.refcounts, data.countersLine] = [+m[1]!, +m[2]!, +m[3]!, i + 1];
    } else if ((m = AGER.exec(line))) {
      data.ager = { divisor: +m[1]!, intervalSeconds: +m[2]!, lowMemoryDivisor: +m[3]!, line: i + 1 };
    } else if ((m = MIN_INTERVAL.exec(line))) {
      data.invalidation = { minSeconds: +m[1]!, maxSeconds: +m[2]!, line: i + 1 };
      if (m[3] !== undefined) [data.invalidation.quietSeconds, data.invalidation.thresholdRequests] = [+m[3], +m[4]!];
    } else if ((m = QUIET.exec(line)) && data.invalidation && data.invalidation.quietSeconds === undefined) {
      [data.invalidation.quietSeconds, data.invalidation.thresholdRequests] = [+m[1]!, +m[2]!];
    } else if ((m = RATE.exec(line))) {
      data.invalidationRate = { lastSecond: +m[1]!, line: i + 1 };
      if (m[2] !== undefined) [data.invalidationRate.lastPeriod, data.invalidationRate.periodSeconds] = [+m[2], +m[3]!];
    } else if (AGER_OFF.test(line)) {
      data.agerDisabledLine = i + 1;
    } else if ((m = PENDING.exec(line))) {
      data.pendingInvalidation = { target: m[1]!, seconds: +m[2]!, line: i + 1 };
    } else if ((m = WAITING.exec(line))) {
      data.waitingForFlowCache = +m[1]!;
    } else if ((m = LAST_FULL.exec(line))) {
      data.lastFullInvalidation = m[1]!;
    } else if (EXEC_PROMPT_TIMESTAMP_START.test(line)) {
      continue;
    } else if ((m = HEADER.exec(line))) {
      addTokens(tokens, line.slice(m[0].length), i);
    } else {
      addTokens(tokens, line, i);
    }
  }
  const { prefixes, unreadLines } = readPrefixTokens(tokens);
  data.prefixes = prefixes;
  for (const i of unreadLines) warnings.push(unreadLine(i, section.lines[i]!));
  for (const p of prefixes) for (const h of p.hidden ?? []) warnings.push(maskedAddressWarning(p.line - 1, h.field, h.posted));
  warnings.sort((a, b) => a.line - b.line);
  return { data, records: prefixes.length, warnings };
}

/** How much a section looks like the cache, and whether it carries verbose MAC headers. */
function shape(section: Section): { cache: number; mac: boolean } {
  let cache = 0;
  let seen = 0;
  let rows = 0;
  const tokens: Token[] = [];
  for (let i = section.from; i < section.to && seen < 40; i++) {
    const l = section.lines[i]!;
    if (l.trim() === '') continue;
    seen++;
    if (SUMMARY.test(l) || AGER.test(l) || HEADER.test(l)) cache = 1;
    // A sample is enough to judge the shape; a pasted megabyte line need not be tokenised whole.
    else addTokens(tokens, l.slice(0, 2000), i);
  }
  const { prefixes } = readPrefixTokens(tokens);
  rows = new Set(prefixes.map((p) => p.line)).size;
  const mac = prefixes.some((p) => p.macHeaderLength !== undefined);
  return { cache: cache || (seen === 0 ? 0 : Math.min(0.9, rows / seen)), mac };
}

export const ipCacheParser: ParserDef<'show ip cache', IpCacheData> = {
  kind: 'show ip cache',
  commands: ['show ip cache'],
  sniff(section) {
    const s = shape(section);
    return s.mac ? s.cache * 0.8 : s.cache;
  },
  parse: (section) => parseCache(section, false),
};

/** `show ip cache verbose` has the same header; its prefix lines carry the MAC header too. */
export const ipCacheVerboseParser: ParserDef<'show ip cache verbose', IpCacheData> = {
  kind: 'show ip cache verbose',
  commands: ['show ip cache verbose'],
  sniff(section) {
    const s = shape(section);
    return s.mac ? s.cache : s.cache * 0.9;
  },
  parse: (section) => parseCache(section, true),
};
