// The text lines of `show ip cache flow` that are not flow rows: headers, statistics blocks, verbose second lines.

export const HEADER = /^\s*SrcIf\s+SrcIPaddress\s+DstIf\s+DstIPaddress\s+Pr\s+SrcP\s+DstP\s+Pkts\b/i;
// A header whose last columns survived (`... DstIPaddress Pr SrcP DstP Pkts`) but whose first words were garbled.
export const GARBLED_HEADER = /\bPr\s+SrcP\s+DstP\s+Pkts\b/i;
// `show ip cache verbose flow`: two header lines, then two lines per flow.
const VERBOSE_HEADER = /^\s*SrcIf\s+SrcIPaddress\s+DstIf\s+DstIPaddress\s+Pr\s+TOS\s+Flgs\s+Pkts\s*$/i;
const VERBOSE_HEADER_2 = /^\s*Port\s+Msk\s+AS\s+Port\s+Msk\s+AS\s+NextHop\s+B\/Pk\s+Active\s*$/i;
/** Second line of a verbose record: SrcP Msk AS DstP Msk AS NextHop B/Pk Active. */
const VERBOSE_SECOND = /^\s*([0-9A-Fa-f]{1,4})\s+\/\d{1,2}\s+\d+\s+([0-9A-Fa-f]{1,4})\s+\/\d{1,2}\s+\d+\s+(\d{1,3}(?:\.\d{1,3}){3})\s+(\d+)\s+([\d.]+)\s*$/;

export function isVerboseHeader(line: string): boolean {
  return VERBOSE_HEADER.test(line);
}

export function isVerboseHeader2(line: string): boolean {
  return VERBOSE_HEADER_2.test(line);
}

export function readVerboseSecond(line: string): { srcPort: number; dstPort: number; bytesPerPacket: number } | null {
  const m = VERBOSE_SECOND.exec(line);
  if (!m) return null;
  return { srcPort: parseInt(m[1]!, 16), dstPort: parseInt(m[2]!, 16), bytesPerPacket: +m[4]! };
}

/** Lines of the statistics blocks around the rows; recognised so they are not reported as unread. */
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
  /^\s*[A-Z][\w-]*\s+\d+\s+[\d.]+\s+\d+\s+\d+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s*$/, // protocol table row
  /^\s*Total:\s+\d+/i,
  /^\s*\d+ of \d+ top talkers shown/i,
];

export function isStatsLine(line: string): boolean {
  return STATS_LINES.some((re) => re.test(line));
}
