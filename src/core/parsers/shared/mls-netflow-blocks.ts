// The Supervisor EARL NetFlow table (Sup2 native `show mls ip`, Sup720/Sup2T `show mls netflow ip` [detail|count]):
// a `DstIP SrcIP Prot:SrcPort:DstPort Src i/f :AdjPtr` line, then `Pkts Bytes Age LastSeen Attributes`, per entry.
import type { Warning } from '../../types';
import { ipToInt, unreadLine } from '../../text/lines';
import { FlowTableBuilder, UNKNOWN, type FlowTable } from '../flow-table';
import type { Section } from '../parser-types';
import { isExecPromptTimestamp } from './exec-prompt-timestamp';
import { isAbsent, portNumber, protocolNumber } from './mls-protocol-port-names';
import { mergeByLine, prescannedRows } from './prescanned-rows';

export interface MlsNetflowTable {
  flows: FlowTable;
  entries: number;
  /** False when every entry lacks a source address: a destination-only (or interface-destination) flow mask. */
  sourcesPresent: boolean;
  destinationOnlyLines: number[];
  /** `count` form, or a total line: the number of entries as printed. */
  reportedEntries?: number;
}

const IP = '(\\d{1,3}(?:\\.\\d{1,3}){3})';
// 10.1.1.2        11.1.1.2        tcp :3      :www      Fa1/1           :0x0
export const ENTRY = new RegExp(`^\\s*${IP}\\s+${IP}\\s+([\\w-]+)\\s*:\\s*([\\w-]+)\\s*:\\s*([\\w-]+)\\s+(?:([A-Za-z][\\w./-]*|-+)\\s*)?:\\s*(0x[0-9A-Fa-f]+|\\d+|-+)\\s*$`);
// 1160          53360          5     13:26:41  L3 - Dynamic
export const COUNTERS = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d{1,2}:\d{2}:\d{2})(?:\s+(\S(?:[^]*\S)?))?\s*$/;
export const OTHER: RegExp[] = [
  /^\s*Displaying Netflow entries in\b/i,
  /^\s*DstIP\s+SrcIP\s+Prot:SrcPort:DstPort\s+Src i\/f\s*:AdjPtr\s*$/i,
  /^\s*Pkts\s+Bytes\s+Age\s+LastSeen\s+Attributes\s*$/i,
  /^\s*[-+]{5,}\s*$/,
  // `detail`: the hardware fields' headers and values (masks, flags, QoS), all small numbers, hex, YES/NO.
  /^\s*Mask\s+Pi\s+R\s+CR\b/i,
  /^\s*Ig\/acli\s+Ig\/aclo\b/i,
  /^\s*QoS\s+Police Count\b/i,
  /^\s*(?:(?:0x[0-9A-Fa-f]+|\d+|YES|NO|Y|N|-+)\s+){2,}(?:0x[0-9A-Fa-f]+|\d+|YES|NO|Y|N|-+)\s*$/i,
];
export const TOTAL = /^\s*(?:Number of (?:shortcuts|entries(?: found)?)|Total (?:Netflow |IP )?Entries|Displayed Entries)\s*[=:]\s*(\d+)\s*$/i;

/** True when a section is in this layout (its banner or its header line). */
export function isMlsNetflowLayout(section: Section): boolean {
  for (let i = section.from; i < Math.min(section.to, section.from + 40); i++) {
    const l = section.lines[i]!;
    if (/^\s*Displaying Netflow entries in\b/i.test(l) || /Src i\/f\s*:AdjPtr/i.test(l)) return true;
  }
  return false;
}

/**
 * What an ENTRY match opens: the entry's values, or why it is not read (an address or a name the parser does not
 * take; the line is then reported). Ports and protocol -1 (UNKNOWN) where the flow mask dropped them.
 */
export function entryOfMatch(e: RegExpExecArray): { src: number; dst: number; proto: number; srcPort: number; dstPort: number; srcIf: string | undefined } | string {
  const dst = ipToInt(e[1]!);
  const src = e[2] === '0.0.0.0' ? 0 : ipToInt(e[2]!);
  const proto = protocolNumber(e[3]);
  const srcPort = portNumber(e[4]);
  const dstPort = portNumber(e[5]);
  if (dst < 0 || src < 0) return 'MLS NetFlow entry with an invalid address';
  if (proto === null || srcPort === null || dstPort === null) return 'MLS NetFlow entry with a protocol or port name not known';
  // Masks that drop the protocol print 0 for it and both ports: the ports then mean nothing.
  const known = proto !== undefined;
  return { src, dst, proto: known ? proto : UNKNOWN, srcPort: known ? (srcPort ?? UNKNOWN) : UNKNOWN, dstPort: known ? (dstPort ?? UNKNOWN) : UNKNOWN, srcIf: isAbsent(e[6]) ? undefined : e[6] };
}

export function readMlsNetflow(section: Section, warnings: Warning[]): MlsNetflowTable {
  const b = new FlowTableBuilder(Math.max(16, (section.to - section.from) >> 1));
  const out: Omit<MlsNetflowTable, 'flows'> = { entries: 0, sourcesPresent: true, destinationOnlyLines: [] };
  // The entry waiting for its counters line (its line number, 0: none), held in locals: an object an entry was 600,000
  // objects for a 79 MB table. Ports and protocol -1 (UNKNOWN) where the flow mask dropped them.
  let openLine = 0;
  let oSrc = 0;
  let oDst = 0;
  let oProto = UNKNOWN;
  let oSrcPort = UNKNOWN;
  let oDstPort = UNKNOWN;
  let oSrcIf: string | undefined;
  const close = (why?: string) => {
    if (openLine > 0 && why) warnings.push({ line: openLine, message: why });
    openLine = 0;
  };
  for (let i = section.from; i < section.to; i++) {
    const line = section.lines[i]!;
    if (line.trim() === '') continue;
    const e = ENTRY.exec(line);
    if (e) {
      close('MLS NetFlow entry without its counters line: not counted');
      const v = entryOfMatch(e);
      if (typeof v === 'string') warnings.push(unreadLine(i, line, v));
      else {
        openLine = i + 1;
        oSrc = v.src;
        oDst = v.dst;
        oProto = v.proto;
        oSrcPort = v.srcPort;
        oDstPort = v.dstPort;
        oSrcIf = v.srcIf;
      }
      continue;
    }
    if (openLine > 0) {
      const c = COUNTERS.exec(line);
      if (c) {
        out.entries++;
        if (oSrc === 0) out.destinationOnlyLines.push(openLine);
        b.addValues(b.interfaceIndex(oSrcIf), 0, oSrc, oDst, oProto, oSrcPort, oDstPort, +c[1]!, +c[2]!, openLine);
        openLine = 0;
        continue;
      }
    }
    const t = TOTAL.exec(line);
    if (t) {
      out.reportedEntries = +t[1]!;
      continue;
    }
    if (OTHER.some((re) => re.test(line)) || isExecPromptTimestamp(line)) continue;
    warnings.push(unreadLine(i, line));
  }
  close('MLS NetFlow entry without its counters line: not counted');
  // A big dump's plain entries, read from bytes before the paste was split (core/big-paste/mls-entries.ts): '' here.
  let flows = b.finish();
  const pre = prescannedRows(section);
  if (pre) {
    flows = flows.count === 0 ? pre : mergeByLine(pre, flows);
    out.entries += pre.count;
    const own = out.destinationOnlyLines;
    const fromBytes: number[] = [];
    for (let k = 0; k < pre.count; k++) if (pre.src[k] === 0) fromBytes.push(pre.line[k]!);
    if (fromBytes.length > 0) out.destinationOnlyLines = own.length === 0 ? fromBytes : [...own, ...fromBytes].sort((x, y) => x - y);
  }
  out.sourcesPresent = !(out.entries > 0 && out.destinationOnlyLines.length === out.entries);
  return { ...out, flows };
}
