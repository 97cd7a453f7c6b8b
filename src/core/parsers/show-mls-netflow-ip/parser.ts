// `show mls netflow ip` [`detail` | `count`] on a Catalyst 6500 Sup720 / Sup2T: the hardware NetFlow table.
import type { Warning } from '../../types';
import type { ParserDef, Section } from '../parser-types';
import { isMlsNetflowLayout, readMlsNetflow, type MlsNetflowTable } from '../shared/mls-netflow-blocks';

export type MlsNetflowData = MlsNetflowTable;

function parse(section: Section) {
  const warnings: Warning[] = [];
  const data = readMlsNetflow(section, warnings);
  if (data.entries === 0 && data.reportedEntries === undefined) {
    warnings.push({ line: section.to > section.from ? section.from + 1 : Math.max(1, section.from), message: 'no NetFlow entries: the table is empty (or NetFlow is not enabled on the supervisor)' });
  }
  // `count` prints only the total: a record count of 1 says the section was read.
  return { data, records: data.entries, warnings };
}

export const mlsNetflowIpParser: ParserDef<'show mls netflow ip', MlsNetflowData> = {
  kind: 'show mls netflow ip',
  commands: ['show mls netflow ip'],
  sniff: (section) => (isMlsNetflowLayout(section) ? 0.9 : 0),
  parse,
};
