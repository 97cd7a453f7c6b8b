// The text lines of `show ip cache flow` that are not flow rows: headers, statistics blocks, verbose second lines.
import { addressOrHidden, type MaskedFlowRow } from '../shared/masked-flows';
import { isStatsLine as isNetflowStatsLine } from '../shared/netflow-rows';

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

/** Lines of the statistics blocks around the rows (shared with the other NetFlow tables), and a top-talkers footer. */
export function isStatsLine(line: string): boolean {
  return isNetflowStatsLine(line) || TOP_TALKERS_FOOTER.test(line);
}
const TOP_TALKERS_FOOTER = /^\s*\d+ of \d+ top talkers shown/i;

/** A flow row with an address a poster hid (`Vl1 10.x.x.x Vl3 2.34.56.12 06 0F9F 0050 2`). */
const HIDDEN_ROW =
  /^\s*([A-Za-z][\w./:-]*)\s+([\w.*#?]{7,15})\s+([A-Za-z][\w./:-]*)\s+([\w.*#?]{7,15})\s+([0-9A-Fa-f]{1,2})\s+([0-9A-Fa-f]{1,4})\s+([0-9A-Fa-f]{1,4})\s+(\d+)([KkMm]?)\s*$/;

/** The row with its hidden side unknown and the rest kept, or null when no address is hidden. */
export function readHiddenRow(line: string, index: number): MaskedFlowRow | null {
  const m = HIDDEN_ROW.exec(line);
  if (!m) return null;
  const src = addressOrHidden(m[2]!);
  const dst = addressOrHidden(m[4]!);
  if (src === null || dst === null || (src !== undefined && dst !== undefined)) return null;
  const scale = { '': 1, k: 1000, m: 1000000 }[m[9]!.toLowerCase() as '' | 'k' | 'm'];
  return {
    line: index + 1,
    hidden: [
      ...(src === undefined ? [{ field: 'source address', posted: m[2]! }] : []),
      ...(dst === undefined ? [{ field: 'destination address', posted: m[4]! }] : []),
    ],
    ...(src !== undefined ? { src } : {}),
    ...(dst !== undefined ? { dst } : {}),
    srcIf: m[1]!,
    dstIf: m[3]!,
    proto: parseInt(m[5]!, 16),
    srcPort: parseInt(m[6]!, 16),
    dstPort: parseInt(m[7]!, 16),
    packets: +m[8]! * scale,
  };
}
