// `show ip cache flow`: netflow cache rows (SrcIf SrcIPaddress DstIf DstIPaddress Pr SrcP DstP Pkts) and its stats blocks.
import type { Warning } from '../../types';
import { ipToInt, unreadLine } from '../../text/lines';
import { FlowTableBuilder, type FlowTable } from '../flow-table';
import type { ParserDef, Section } from '../parser-types';

export interface CacheFlowData {
  flows: FlowTable;
  /** False when rows were read by shape under a garbled or missing header (the tech note's own sample). */
  headerRecognised: boolean;
}

// SrcIf SrcIP DstIf DstIP Pr SrcP DstP Pkts: protocol and ports in hex, upper or lower case.
const ROW =
  /^\s*(\S+)\s+(\d{1,3}(?:\.\d{1,3}){3})\s+(\S+)\s+(\d{1,3}(?:\.\d{1,3}){3})\s+([0-9A-Fa-f]{2})\s+([0-9A-Fa-f]{1,4})\s+([0-9A-Fa-f]{1,4})\s+(\d+)\s*$/;
const HEADER = /^\s*SrcIf\s+SrcIPaddress\s+DstIf\s+DstIPaddress\s+Pr\s+SrcP\s+DstP\s+Pkts\b/i;
// A header whose last columns survived (`... DstIPaddress Pr SrcP DstP Pkts`) but whose first words were garbled.
const GARBLED_HEADER = /\bPr\s+SrcP\s+DstP\s+Pkts\s*$/i;
/** Lines of the statistics blocks that precede the rows; recognised so they are not reported as unread. */
const STATS_LINES: RegExp[] = [
  /^\s*IP packet size distribution/i,
  /^\s*1-32\s+64\s+96/,
  /^\s*512\s+544\s+576/,
  /^\s*\.\d{3}(\s+\.\d{3})+\s*$/,
  /^\s*IP Flow Switching Cache/i,
  /^\s*IP Sub Flow Cache/i,
  /^\s*\d+ active, \d+ inactive, \d+ added/i,
  /^\s*\d+ ager polls, \d+ flow alloc failures/i,
  /^\s*Active flows timeout in \d+ minutes/i,
  /^\s*Inactive flows timeout in \d+ seconds/i,
  /^\s*last clearing of statistics/i,
  /^\s*\d+ added, \d+ added to secondary/i,
  /^\s*Protocol\s+Total\s+Flows\s+Packets/i,
  /^\s*-+\s+Flows\s+\/Sec\s+\/Flow/i,
  /^\s*[A-Z][\w-]*\s+\d+\s+[\d.]+\s+\d+\s+\d+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s*$/, // protocol table row
  /^\s*Total:\s+\d+/i,
  /^\s*\d+ of \d+ top talkers shown/i,
];

function isStatsLine(line: string): boolean {
  return STATS_LINES.some((re) => re.test(line));
}

export const cacheFlowParser: ParserDef<'show ip cache flow', CacheFlowData> = {
  kind: 'show ip cache flow',
  commands: ['show ip cache flow', 'show ip cache verbose flow'],

  sniff(section: Section): number {
    let rows = 0;
    let seen = 0;
    for (let i = section.from; i < section.to && seen < 50; i++) {
      const l = section.lines[i]!;
      if (l.trim() === '') continue;
      seen++;
      if (HEADER.test(l) || /IP Flow Switching Cache/i.test(l)) return 1;
      if (ROW.test(l)) rows++;
    }
    return seen === 0 ? 0 : Math.min(0.95, rows / seen + (rows > 0 ? 0.3 : 0));
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const b = new FlowTableBuilder(Math.max(16, section.to - section.from));
    let headerRecognised = false;
    for (let i = section.from; i < section.to; i++) {
      const line = section.lines[i]!;
      const m = ROW.exec(line);
      if (m) {
        const src = ipToInt(m[2]!);
        const dst = ipToInt(m[4]!);
        if (src < 0 || dst < 0) {
          warnings.push(unreadLine(i, line, 'flow row with an invalid address'));
          continue;
        }
        b.add({
          srcIf: m[1],
          src,
          dstIf: m[3],
          dst,
          proto: parseInt(m[5]!, 16),
          srcPort: parseInt(m[6]!, 16),
          dstPort: parseInt(m[7]!, 16),
          packets: +m[8]!,
          line: i + 1,
        });
        continue;
      }
      if (line.trim() === '') continue;
      if (HEADER.test(line)) {
        headerRecognised = true;
        continue;
      }
      if (GARBLED_HEADER.test(line)) {
        warnings.push({ line: i + 1, message: 'header not recognised, rows read by shape' });
        continue;
      }
      if (isStatsLine(line)) continue;
      warnings.push(unreadLine(i, line));
    }
    const flows = b.finish();
    return { data: { flows, headerRecognised }, records: flows.count, warnings };
  },
};
