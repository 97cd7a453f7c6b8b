// `show ip accounting`: source/destination pairs with packet and byte counts, plus the accounting data age.
import type { Warning } from '../../types';
import { ipToInt, unreadLine } from '../../text/lines';
import { FlowTableBuilder, type FlowTable } from '../flow-table';
import type { ParserDef, Section } from '../parser-types';

export interface AccountingData {
  flows: FlowTable;
  /** "Accounting data age is 1w2d" as printed, when present. */
  dataAge?: string;
  /** The "Accounting threshold exceeded for N packets and M bytes" counters, when present. */
  thresholdExceeded?: { packets: number; bytes: number; line: number };
}

const ROW = /^\s*(\d{1,3}(?:\.\d{1,3}){3})\s+(\d{1,3}(?:\.\d{1,3}){3})\s+(\d+)\s+(\d+)\s*$/;
const HEADER = /^\s*Source\s+Destination\s+Packets\s+Bytes\s*$/i;
const AGE = /^\s*Accounting data age is\s+(\S+)/i;
const THRESHOLD = /^\s*Accounting threshold exceeded for (\d+) packets and (\d+) bytes/i;

export const accountingParser: ParserDef<'show ip accounting', AccountingData> = {
  kind: 'show ip accounting',
  commands: ['show ip accounting'],

  sniff(section: Section): number {
    let rows = 0;
    let seen = 0;
    for (let i = section.from; i < section.to && seen < 50; i++) {
      const l = section.lines[i]!;
      if (l.trim() === '') continue;
      seen++;
      if (HEADER.test(l) || AGE.test(l)) return 1;
      if (ROW.test(l)) rows++;
    }
    return seen === 0 ? 0 : Math.min(0.9, rows / seen);
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const b = new FlowTableBuilder(Math.max(16, section.to - section.from));
    const data: Omit<AccountingData, 'flows'> = {};
    for (let i = section.from; i < section.to; i++) {
      const line = section.lines[i]!;
      const m = ROW.exec(line);
      if (m) {
        const src = ipToInt(m[1]!);
        const dst = ipToInt(m[2]!);
        if (src < 0 || dst < 0) {
          warnings.push(unreadLine(i, line, 'accounting row with an invalid address'));
          continue;
        }
        b.add({ src, dst, packets: +m[3]!, bytes: +m[4]!, line: i + 1 });
        continue;
      }
      if (line.trim() === '' || HEADER.test(line)) continue;
      const age = AGE.exec(line);
      if (age) {
        data.dataAge = age[1];
        continue;
      }
      const th = THRESHOLD.exec(line);
      if (th) {
        data.thresholdExceeded = { packets: +th[1]!, bytes: +th[2]!, line: i + 1 };
        continue;
      }
      warnings.push(unreadLine(i, line));
    }
    const flows = b.finish();
    return { data: { ...data, flows }, records: flows.count, warnings };
  },
};
