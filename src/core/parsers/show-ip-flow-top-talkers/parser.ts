// `show ip flow top-talkers` [`verbose`]: the N busiest flows (a sample of the cache), `*` egress copies counted once.
import type { Warning } from '../../types';
import type { ParserDef, Section } from '../parser-types';
import { readClassicFlows, type ClassicFlows } from '../shared/netflow-records';
import { classicHeader, readClassicRow, readTopTalkersFooter } from '../shared/netflow-rows';
import { sniffRows } from '../shared/sniff-rows';

export type TopTalkersData = ClassicFlows;

function sniff(section: Section): number {
  // The rows look like `show ip cache flow` rows: only the footer, or a Bytes column, says top talkers.
  return sniffRows(section, 40, (l) => (readTopTalkersFooter(l) ? 0.97 : classicHeader(l)?.last === 'bytes' ? 0.9 : readClassicRow(l) ? 'row' : null), {
    cap: 0.4,
  });
}

function parse(section: Section) {
  const warnings: Warning[] = [];
  const data = readClassicFlows(section, warnings);
  if (data.lastColumn === 'bytes' && !data.verbose && data.flows.count > 0) {
    warnings.push({
      line: section.from + 1,
      message: 'top talkers sorted by bytes give no packet counts: the flows are listed but cannot be told answered or unanswered (use "top-talkers" with "sort-by packets", or the verbose form)',
    });
  }
  const shown = data.footer?.shown;
  if (shown !== undefined && shown !== data.flows.count + data.egressDuplicates && shown !== data.flows.count) {
    warnings.push({ line: data.footer!.line, message: `the footer says ${shown} top talkers shown but ${data.flows.count} flows were read` });
  }
  return { data, records: data.flows.count, warnings };
}

export const topTalkersParser: ParserDef<'show ip flow top-talkers', TopTalkersData> = {
  kind: 'show ip flow top-talkers',
  commands: ['show ip flow top-talkers'],
  sniff,
  parse,
};
