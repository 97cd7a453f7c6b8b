// The parser registry: every command we read, its command words (for the echo) and its shape sniffer.
import type { Kind } from '../types';
import { CommandIndex } from '../text/command-index';
import type { ParserDef } from './parser-types';
import { cacheFlowParser } from './show-ip-cache-flow/parser';
import { accountingParser } from './show-ip-accounting/parser';
import { mlsIpParser } from './show-mls-ip/parser';
import { mlsEntryParser } from './show-mls-entry/parser';
import { ipCacheParser, ipCacheVerboseParser } from './show-ip-cache/parser';
import { cefSummaryParser } from './show-ip-cef-summary/parser';
import { adjacencySummaryParser } from './show-adjacency-summary/parser';
import { processesMemoryParser } from './show-processes-memory/parser';
import { memorySummaryParser } from './show-memory-summary/parser';
import { processesCpuParser } from './show-processes-cpu/parser';
import { loggingParser } from './show-logging/parser';
import { natTranslationsParser } from './show-ip-nat-translations/parser';
import { natStatisticsParser } from './show-ip-nat-statistics/parser';
import { alignmentParser } from './show-alignment/parser';
import { arpParser } from './show-ip-arp/parser';
import { versionParser } from './show-version/parser';
import { runningConfigParser } from './show-running-config/parser';
import { flowMonitorCacheParser } from './show-flow-monitor-cache/parser';
import { topTalkersParser } from './show-ip-flow-top-talkers/parser';
import { cacheVerboseFlowParser } from './show-ip-cache-verbose-flow/parser';
import { mlsNetflowIpParser } from './show-mls-netflow-ip/parser';
import { nxosFlowCacheParser } from './show-flow-cache/parser';

export const PARSERS = [
  cacheFlowParser,
  accountingParser,
  mlsIpParser,
  mlsEntryParser,
  ipCacheParser,
  ipCacheVerboseParser,
  cefSummaryParser,
  adjacencySummaryParser,
  processesMemoryParser,
  memorySummaryParser,
  processesCpuParser,
  loggingParser,
  natTranslationsParser,
  natStatisticsParser,
  alignmentParser,
  arpParser,
  versionParser,
  runningConfigParser,
  flowMonitorCacheParser,
  topTalkersParser,
  cacheVerboseFlowParser,
  mlsNetflowIpParser,
  nxosFlowCacheParser,
] as const;

type AnyParser = (typeof PARSERS)[number];
export type ParsedKind = AnyParser['kind'];

/** The facts each kind's parser returns, keyed by kind. */
export type KindData = {
  [P in AnyParser as P['kind']]: P extends ParserDef<infer _K, infer T> ? T : never;
};

/**
 * Show commands people run around these problems that we deliberately do not read: recognised so the report
 * can say "not read by this tool" instead of guessing from the shape.
 */
const NOT_READ = [
  'show processes cpu history',
  'show ip cef',
  'show adjacency',
  'show interfaces',
  'show ip interface',
  'show ip route',
  'show memory',
  'show clock',
  'show users',
];

export const commandIndex = new CommandIndex<Kind>([
  ...PARSERS.flatMap((p) => p.commands.map((words) => ({ words, kind: p.kind as Kind }))),
  ...NOT_READ.map((words) => ({ words, kind: 'unknown' as Kind })),
]);

const BY_KIND = new Map<Kind, AnyParser>(PARSERS.map((p) => [p.kind, p]));

export function parserFor(kind: Kind): AnyParser | undefined {
  return BY_KIND.get(kind);
}
