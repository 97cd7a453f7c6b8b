// NX-OS `show flow cache`: "IPV4 Entries" (and IPv6, L2) tables of SIP DIP ... S-Port D-Port Protocol counts.
import type { Warning } from '../../types';
import { ipToInt, unreadLine } from '../../text/lines';
import { FlowTableBuilder, type FlowTable } from '../flow-table';
import { Flow6Builder, isIPv6, type Flow6Table } from '../flow-table6';
import type { ParserDef, Section } from '../parser-types';
import { isExecPromptTimestamp } from '../shared/exec-prompt-timestamp';

export interface NxosFlowCacheData {
  flows: FlowTable;
  flows6: Flow6Table;
  /** Rows of the layer-2 (MAC) table: no addresses, so no host. */
  layer2Rows: number;
}

type Family = 'ipv4' | 'ipv6' | 'l2';
const BANNER = /^\s*(IPV4|IPV6|L2|MAC)\s+Entries\s*$/i;
// Header names with a space in them, joined so the header splits into one token per column.
const JOINED: [RegExp, string][] = [
  [/\bBD ID\b/i, 'BD_ID'],
  [/\bByte Count\b/i, 'BYTES'],
  [/\bPacket Count\b/i, 'PACKETS'],
  [/\bTCP FLAGS\b/i, 'TCP_FLAGS'],
];
const COLUMN: Record<string, 'src' | 'dst' | 'srcPort' | 'dstPort' | 'proto' | 'bytes' | 'packets'> = {
  sip: 'src',
  dip: 'dst',
  's-port': 'srcPort',
  'd-port': 'dstPort',
  protocol: 'proto',
  bytes: 'bytes',
  packets: 'packets',
};

function headerColumns(line: string): (string | undefined)[] | undefined {
  if (!/^\s*SIP\s+DIP\s/i.test(line) && !/^\s*(SMAC|DMAC)\s/i.test(line)) return undefined;
  let l = line;
  for (const [re, to] of JOINED) l = l.replace(re, to);
  return l.trim().split(/\s+/).map((w) => COLUMN[w.toLowerCase()]);
}

const INT = /^\d+$/;

function parse(section: Section) {
  const warnings: Warning[] = [];
  const v4 = new FlowTableBuilder(Math.max(16, section.to - section.from));
  const v6 = new Flow6Builder();
  let family: Family | undefined;
  let cols: (string | undefined)[] | undefined;
  let layer2Rows = 0;
  let records = 0;
  for (let i = section.from; i < section.to; i++) {
    const line = section.lines[i]!;
    if (line.trim() === '') continue;
    const b = BANNER.exec(line);
    if (b) {
      const f = b[1]!.toLowerCase();
      [family, cols] = [f === 'ipv4' ? 'ipv4' : f === 'ipv6' ? 'ipv6' : 'l2', undefined];
      continue;
    }
    const h = headerColumns(line);
    if (h) {
      cols = h;
      continue;
    }
    if (isExecPromptTimestamp(line) || /^\s*-{5,}\s*$/.test(line)) continue;
    if (!cols || !family) {
      warnings.push(unreadLine(i, line));
      continue;
    }
    const w = line.trim().split(/\s+/);
    if (w.length !== cols.length) {
      warnings.push(unreadLine(i, line, `flow row with ${w.length} fields under a header of ${cols.length}`));
      continue;
    }
    const v: Record<string, string> = {};
    cols.forEach((c, k) => {
      if (c) v[c] = w[k]!;
    });
    if (family === 'l2') {
      layer2Rows++;
      records++;
      continue;
    }
    const nums = ['srcPort', 'dstPort', 'proto', 'bytes', 'packets'].map((k) => (v[k] !== undefined && INT.test(v[k]!) ? +v[k]! : undefined));
    const [srcPort, dstPort, proto, bytes, packets] = nums;
    if (packets === undefined) {
      warnings.push(unreadLine(i, line, 'flow row without a packet count'));
      continue;
    }
    const row = { proto, srcPort, dstPort, packets, bytes, line: i + 1 };
    if (family === 'ipv4') {
      const src = ipToInt(v.src ?? '');
      const dst = ipToInt(v.dst ?? '');
      if (src < 0 || dst < 0) {
        warnings.push(unreadLine(i, line, 'flow row with an address that is not IPv4'));
        continue;
      }
      v4.add({ ...row, src, dst });
    } else {
      if (!isIPv6(v.src ?? '') || !isIPv6(v.dst ?? '')) {
        warnings.push(unreadLine(i, line, 'flow row with an address that is not IPv6'));
        continue;
      }
      v6.add({ ...row, src: v.src!, dst: v.dst! });
    }
    records++;
  }
  if (layer2Rows > 0) {
    warnings.push({
      line: section.from + 1,
      message: `${layer2Rows} layer-2 ${layer2Rows === 1 ? 'entry carries' : 'entries carry'} MAC addresses only: no IP address, so no host can be judged from ${layer2Rows === 1 ? 'it' : 'them'}`,
    });
  }
  return { data: { flows: v4.finish(), flows6: v6.finish(), layer2Rows }, records, warnings };
}

export const nxosFlowCacheParser: ParserDef<'show flow cache', NxosFlowCacheData> = {
  kind: 'show flow cache',
  commands: ['show flow cache'],
  sniff(section) {
    for (let i = section.from; i < Math.min(section.to, section.from + 20); i++) {
      const l = section.lines[i]!;
      if (BANNER.test(l)) return 0.9;
      if (headerColumns(l)) return 0.9;
    }
    return 0;
  },
  parse,
};
