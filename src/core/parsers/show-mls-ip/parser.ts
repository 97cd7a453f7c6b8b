// `show mls ip`: native IOS MLS entries (two-line records) on Cat6000 Sup/MSFC.
import type { Warning } from '../../types';
import { ipToInt, isHeaderFragment } from '../../text/lines';
import { FlowTableBuilder, type FlowTable } from '../flow-table';
import type { ParserDef, Section } from '../parser-types';
import { isAbsent, portNumber, protocolNumber } from '../shared/mls-protocol-port-names';
import { readMlsRecords, sniffMlsRecords, type MlsEntryLine } from '../shared/mls-two-line-records';
import { EXEC_PROMPT_TIMESTAMP_START } from '../shared/exec-prompt-timestamp';

export interface MlsData {
  flows: FlowTable;
  /** Number of MLS entries (two-line records) read. */
  entries: number;
  /** False when entries carry no source address: the destination-only flow mask (Sup1/MSFC default). */
  sourcesPresent: boolean;
  /** Lines of entries without a source, for evidence. */
  destinationOnlyLines: number[];
  /** "Number of Entries Found = N" / "Total Entries: N" / "Active IP MLS entries = N" as printed, when present. */
  reportedEntries?: number;
  /** CatOS `show mls ip` summary: "IP Current flow mask is Destination flow" (the mask as printed). */
  flowMask?: { mask: string; line: number };
}

/** src is -1 when the entry has no source (0.0.0.0, "-" or blank). */
interface EntryLine extends MlsEntryLine {
  dst: number;
  proto?: number;
  srcPort?: number;
  dstPort?: number;
  dstIf?: string;
  /** Sup2/Sup720 layout: the entry names its source interface ("Src i/f:AdjPtr") instead of the destination. */
  srcIf?: string;
}

/** Both counters layouts, reduced to what a flow keeps. */
interface Counters {
  packets: number;
  bytes: number;
  /** SrcDstPorts ("Fa4/3,Fa4/4"): only the Sup1/MSFC layout prints it. */
  ports?: string;
}

const IP = '\\d{1,3}(?:\\.\\d{1,3}){3}';
const MAC = '[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}';
// DstIP [SrcIP] [Prot:SrcPort:DstPort] [Dst i/f]:DstMAC; fields dropped by the flow mask print as 0, "-" or nothing.
const ENTRY_START = new RegExp(`^\\s*(${IP})(?:\\s+(${IP}|-+(?!\\s*:)))?(?=\\s|$)\\s*([^]*)`);
const PROTO_PORTS = /^([\w-]*)\s*:(?:\s*([\w-]+))?\s*:\s*([\w-]*)(?:\s+|$)([^]*)/;
const DST_IF_MAC = new RegExp(`^([A-Za-z][\\w./-]*)?\\s*(?::\\s*(${MAC}|-+)?)?$`);
// Pkts Bytes SrcDstPorts SrcDstEncap Age LastSeen: "0  0  Fa4/1,--  ARPA,ARPA  31  11:23:23".
const COUNTERS = /^\s*(\d+)\s+(\d+)\s+(?:(\S(?:[^]*\S)?)\s+)?(\S+)\s+(\d+)\s+(\d{1,2}:\d{2}:\d{2})\s*$/;
// Native IOS on Sup2/Sup720 ("Displaying Netflow entries in Supervisor Earl"): the entry line ends in
// Src i/f:AdjPtr ("Vl10 : 0x2A", "0 : 0" or "-- :0x0" when the flow mask keeps no interface), and the counters line is
// Pkts Bytes Age LastSeen Attributes ("0 0 1 01:52:25 L3 - Dynamic").
const SRC_IF_ADJ = /^([A-Za-z][\w./-]*|0|-+)?\s*:\s*(?:0x[0-9A-Fa-f]+|\d+)$/;
const EARL_COUNTERS = /^\s*(\d+)\s+(\d+)\s+\d+\s+\d{1,2}:\d{2}:\d{2}(?:\s+\S.*)?$/;
const EARL_HEADING = /^\s*Displaying Netflow entries in \S.*$/i;
const RULE = /^\s*-{5}[\s-]*$/;
const TOTAL = /^\s*(?:Number of Entries Found\s*=|Total (?:IP )?Entries\s*:|Active IP MLS entries\s*=)\s*(\d+)\s*$/i;
// On a hybrid (CatOS) supervisor `show mls ip` prints a summary instead of entries; it states the flow mask.
const FLOW_MASK = /^\s*IP Current flow mask is (.*?\S)\s*$/i;
const SUMMARY_LINES: RegExp[] = [
  /^\s*IP Multilayer switching (?:fast )?aging time = \d+ seconds?(?:, packet threshold = \d+)?\s*$/i,
  /^\s*Netflow Data Export .*$/i,
  /^\s*Total packets exported = \d+\s*$/i,
  /^\s*IP MSFC ID\s+Module\s+XTAG\s+MAC\s+Vlans\s*$/i,
  // MSFC rows: address, module, XTAG, MAC, VLAN list.
  /^\s*\d{1,3}(?:\.\d{1,3}){3}\s+\d+\s+\d+\s+(?:[0-9A-Fa-f]{2}-){5}[0-9A-Fa-f]{2}\s+[\d,-]+\s*$/,
];
const HEADER_WORDS = new Set(['dstip', 'srcip', 'prot', 'srcport', 'dstport', 'dst', 'i/f', 'dstmac', 'pkts', 'bytes', 'srcdstports', 'srcdstencap', 'age', 'lastseen', 'src', 'adjptr', 'attributes']);

function readCounters(line: string): Counters | null {
  const c = COUNTERS.exec(line);
  if (c) return { packets: +c[1]!, bytes: +c[2]!, ports: c[3] ?? '' };
  const e = EARL_COUNTERS.exec(line);
  return e ? { packets: +e[1]!, bytes: +e[2]! } : null;
}

/** The first line of an entry, or a reason it cannot be one. */
function readEntryLine(line: string, index: number): EntryLine | string | null {
  const m = ENTRY_START.exec(line);
  if (!m) return null;
  const dst = ipToInt(m[1]!);
  const src = isAbsent(m[2]) || m[2] === '0.0.0.0' ? -1 : ipToInt(m[2]!);
  if (dst < 0 || (src < 0 && !isAbsent(m[2]) && m[2] !== '0.0.0.0')) return 'MLS entry with an invalid address';
  const e: EntryLine = { index, dst, src };
  let rest = m[3]!;
  const pp = PROTO_PORTS.exec(rest);
  if (pp) {
    const proto = protocolNumber(pp[1]);
    const srcPort = portNumber(pp[2]);
    const dstPort = portNumber(pp[3]);
    if (proto === null || srcPort === null || dstPort === null) return 'MLS entry with a protocol or port name not known';
    // Ports mean nothing without the protocol (destination-only and destination-source masks print 0 for all three).
    if (proto !== undefined) Object.assign(e, { proto, srcPort, dstPort });
    rest = pp[4]!;
  }
  const d = DST_IF_MAC.exec(rest.trim());
  if (d) {
    if (d[1]) e.dstIf = d[1];
    return e;
  }
  const s = SRC_IF_ADJ.exec(rest.trim());
  if (!s) return 'MLS entry whose Dst i/f:DstMAC is not understood';
  if (s[1] && s[1] !== '0' && !s[1].startsWith('-')) e.srcIf = s[1];
  return e;
}

export const mlsIpParser: ParserDef<'show mls ip', MlsData> = {
  kind: 'show mls ip',
  commands: ['show mls ip'],

  sniff(section: Section): number {
    return sniffMlsRecords(
      section,
      [/^\s*DstIP\s+SrcIP\s+Prot:SrcPort:DstPort/i, /^\s*Pkts\s+Bytes\s+SrcDstPorts/i, EARL_HEADING],
      (l, i) => {
        const e = readEntryLine(l, i);
        return e !== null && typeof e !== 'string' && /:/.test(l);
      },
      (l) => readCounters(l) !== null,
    );
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const b = new FlowTableBuilder(Math.max(16, (section.to - section.from) >> 1));
    const data: Omit<MlsData, 'flows'> = { entries: 0, sourcesPresent: true, destinationOnlyLines: [] };
    readMlsRecords(
      section,
      {
        readEntry: readEntryLine,
        readCounters,
        addFlow: (e, c) => {
          // SrcDstPorts: "Fa4/3,Fa4/4" (spaces around the comma in some releases); "--" when not known.
          const [srcPortIf, dstPortIf] = (c.ports ?? '').replace(/\s+/g, '').split(',');
          b.add({
            srcIf: e.srcIf ?? (isAbsent(srcPortIf) ? undefined : srcPortIf),
            dstIf: e.dstIf ?? (isAbsent(dstPortIf) ? undefined : dstPortIf),
            src: e.src,
            dst: e.dst,
            proto: e.proto,
            srcPort: e.srcPort,
            dstPort: e.dstPort,
            packets: c.packets,
            bytes: c.bytes,
            line: e.index + 1,
          });
        },
        // The hybrid summary's MSFC rows start with an address like an entry does.
        isNotEntry: (line) => SUMMARY_LINES.some((re) => re.test(line)),
        readOther: (line, i) => {
          const t = TOTAL.exec(line);
          const fm = FLOW_MASK.exec(line);
          if (t) data.reportedEntries = +t[1]!;
          else if (fm) data.flowMask = { mask: fm[1]!, line: i + 1 };
          else return RULE.test(line) || EARL_HEADING.test(line) || isHeaderFragment(line, HEADER_WORDS, /[\s:]+/) || EXEC_PROMPT_TIMESTAMP_START.test(line);
          return true;
        },
      },
      data,
      warnings,
    );
    return { data: { ...data, flows: b.finish() }, records: data.entries, warnings };
  },
};
