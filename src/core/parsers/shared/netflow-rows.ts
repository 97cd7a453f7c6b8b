// Classic NetFlow row text shared by `show ip flow top-talkers` and `show ip cache verbose flow`: rows, headers, stats.
import { ipToInt } from '../../text/lines';

export interface ClassicRow {
  srcIf: string;
  src: number;
  dstIf: string;
  /** True when DstIf ends in `*`: the egress copy of a flow (ip flow egress). */
  egress: boolean;
  dst: number;
  proto: number;
  /** Ports on a plain row; ToS and flags on a verbose first line. */
  a: number;
  b: number;
  /** The last column: packets or bytes as the header says, `K`/`M`/`G` suffixes expanded. */
  count: number;
}

const IP = '(\\d{1,3}(?:\\.\\d{1,3}){3})';
// SrcIf SrcIPaddress DstIf DstIPaddress Pr SrcP DstP Pkts (or Pr TOS Flgs Pkts on a verbose first line).
const ROW = new RegExp(
  `^\\s*(\\S+)\\s+${IP}\\s+(\\S+?)(\\*?)\\s+${IP}\\s+([0-9A-Fa-f]{1,2})\\s+([0-9A-Fa-f]{1,4})\\s+([0-9A-Fa-f]{1,4})\\s+(\\d+(?:\\.\\d+)?)([KMG]?)\\s*$`,
);
const SCALE: Record<string, number> = { '': 1, K: 1e3, M: 1e6, G: 1e9 };

export function readClassicRow(line: string): ClassicRow | null {
  const m = ROW.exec(line);
  if (!m) return null;
  const src = ipToInt(m[2]!);
  const dst = ipToInt(m[5]!);
  if (src < 0 || dst < 0) return null;
  return {
    srcIf: m[1]!,
    src,
    dstIf: m[3]!,
    egress: m[4] === '*',
    dst,
    proto: parseInt(m[6]!, 16),
    a: parseInt(m[7]!, 16),
    b: parseInt(m[8]!, 16),
    count: Math.round(+m[9]! * SCALE[m[10]!]!),
  };
}

/** The plain header; its last word says what the last column counts. */
const HEADER = /^\s*SrcIf\s+SrcIPaddress\s+DstIf\s+DstIPaddress\s+Pr\s+SrcP\s+DstP\s+(Pkts|Bytes)\s*$/i;
const VERBOSE_HEADER = /^\s*SrcIf\s+SrcIPaddress\s+DstIf\s+DstIPaddress\s+Pr\s+TOS\s+Flgs\s+(Pkts|Bytes)\s*$/i;
const VERBOSE_HEADER_2 = /^\s*Port\s+Msk\s+AS\s+Port\s+Msk\s+AS\s+NextHop\s+B\/Pk\s+Active\s*$/i;

export function classicHeader(line: string): { verbose: boolean; last: 'packets' | 'bytes' } | null {
  const m = HEADER.exec(line) ?? VERBOSE_HEADER.exec(line);
  if (!m) return null;
  return { verbose: !HEADER.test(line), last: /^pkts$/i.test(m[1]!) ? 'packets' : 'bytes' };
}

export function isVerboseHeader2(line: string): boolean {
  return VERBOSE_HEADER_2.test(line);
}

export interface VerboseSecond {
  srcPort: number;
  dstPort: number;
  nextHop: string;
  bytesPerPacket: number;
  /** Seconds the flow has been active. */
  active: number;
}

/** SrcP Msk AS DstP Msk AS NextHop B/Pk Active. */
const SECOND = /^\s*([0-9A-Fa-f]{1,4})\s+\/\d{1,3}\s+\d+\s+([0-9A-Fa-f]{1,4})\s+\/\d{1,3}\s+\d+\s+(\d{1,3}(?:\.\d{1,3}){3})\s+(\d+)\s+(\d+(?:\.\d+)?)\s*$/;

export function readVerboseSecond(line: string): VerboseSecond | null {
  const m = SECOND.exec(line);
  if (!m) return null;
  return { srcPort: parseInt(m[1]!, 16), dstPort: parseInt(m[2]!, 16), nextHop: m[3]!, bytesPerPacket: +m[4]!, active: +m[5]! };
}

/** Extra lines some releases print inside a verbose record (MAC/VLAN, packet lengths, TTLs, IP id, ICMP, BGP next hop). */
const VERBOSE_EXTRA = [
  /^\s*MAC: \(VLAN id\)\s/i,
  /^\s*Min plen:\s+\d+\s+Max plen:\s+\d+\s*$/i,
  /^\s*Min TTL:\s+\d+\s+Max TTL:\s+\d+\s*$/i,
  /^\s*IP id:\s+\d+\s*$/i,
  /^\s*ICMP type:\s+\d+\s+ICMP code:\s+\d+\s*$/i,
  /^\s*BGP: BGP NextHop:\s/i,
  /^\s*FFlags:\s/i,
];

export function isVerboseExtra(line: string): boolean {
  return VERBOSE_EXTRA.some((re) => re.test(line));
}

/** The statistics blocks `show ip cache [verbose] flow` prints before its rows: recognised so they are not unread. */
const STATS_LINES: RegExp[] = [
  /^\s*IP packet size distribution/i,
  /^\s*1-32\s+64\s+96/,
  /^\s*512\s+544\s+576/,
  /^\s*(\.\d{3}|1\.00)(\s+(\.\d{3}|1\.00))+\s*$/,
  /^\s*IP Flow Switching Cache/i,
  /^\s*IP Sub Flow Cache/i,
  /^\s*\d+ active, \d+ inactive, \d+ added/i,
  /^\s*\d+ ager polls, \d+ flow alloc failures/i,
  /^\s*\d+ alloc failures, \d+ force free/i,
  /^\s*\d+ chunks?, \d+ chunks? added/i,
  /^\s*\d+ flows exported in \d+ udp datagrams/i,
  /^\s*Active flows timeout in \d+ minutes/i,
  /^\s*Inactive flows timeout in \d+ seconds/i,
  /^\s*last clearing of statistics/i,
  /^\s*\d+ added, \d+ added to secondary/i,
  /^\s*Protocol\s+Total\s+Flows\s+Packets/i,
  /^\s*-+\s+Flows\s+\/Sec\s+\/Flow/i,
  /^\s*[A-Z][\w-]*\s+\d+\s+[\d.]+\s+\d+\s+\d+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s*$/,
  /^\s*Total:\s+\d+/i,
];

export function isStatsLine(line: string): boolean {
  return STATS_LINES.some((re) => re.test(line));
}

/** "2 of 10 top talkers shown. 2 flows processed." */
const FOOTER = /^\s*(\d+) of (\d+) top talkers shown\.?(?:\s+(\d+) flows? processed\.?)?\s*$/i;

export function readTopTalkersFooter(line: string): { shown: number; top: number; processed?: number } | null {
  const m = FOOTER.exec(line);
  if (!m) return null;
  return { shown: +m[1]!, top: +m[2]!, ...(m[3] !== undefined ? { processed: +m[3] } : {}) };
}
