// `show ip cache verbose flow`: the netflow cache as two-line records (ToS, flags, bytes per packet, time active).
import type { Warning } from '../../types';
import type { ParserDef, Section } from '../parser-types';
import { readClassicFlows, type ClassicFlows } from '../shared/netflow-records';
import { classicHeader } from '../shared/netflow-rows';

export type CacheVerboseFlowData = ClassicFlows;

function sniff(section: Section): number {
  for (let i = section.from; i < Math.min(section.to, section.from + 60); i++) {
    const h = classicHeader(section.lines[i]!);
    if (h) return h.verbose ? 0.97 : 0;
  }
  return 0;
}

function parse(section: Section) {
  const warnings: Warning[] = [];
  const data = readClassicFlows(section, warnings);
  if (data.flows.count === 0) {
    warnings.push({
      line: section.to > section.from ? section.from + 1 : Math.max(1, section.from),
      message: 'no flow records: the cache is empty (cleared, or netflow not enabled on the ingress interfaces), so no host can be judged from it',
    });
  }
  return { data, records: data.flows.count, warnings };
}

export const cacheVerboseFlowParser: ParserDef<'show ip cache verbose flow', CacheVerboseFlowData> = {
  kind: 'show ip cache verbose flow',
  commands: ['show ip cache verbose flow'],
  sniff,
  parse,
};
