// `show mls entry`: CatOS (hybrid) MLS entries, two-line records (Destination-IP ... Vlan [EDst] / [EDst] ESrc ports ... Age).
import type { Warning } from '../../types';
import { fields, ipToInt, isHeaderFragment, isIPv4 } from '../../text/lines';
import { isMaskedIPv4 } from '../../text/masked-address';
import { FlowTableBuilder, type FlowTable } from '../flow-table';
import type { ParserDef, Section } from '../parser-types';
import { isAbsent, portNumber, protocolNumber } from '../shared/mls-protocol-port-names';
import { readMlsRecords, sniffMlsRecords, type MlsEntryLine } from '../shared/mls-two-line-records';
import { EXEC_PROMPT_TIMESTAMP_START } from '../shared/exec-prompt-timestamp';

export interface MlsEntryData {
  flows: FlowTable;
  entries: number;
  /** False when entries carry no source address: the destination-only flow mask. */
  sourcesPresent: boolean;
  destinationOnlyLines: number[];
  /** "MSFC 10.1.1.1 (Module 15):" headings: the router each following block of entries belongs to. */
  routers?: { address: string; line: number }[];
  /** "Total Entries: N" as the switch printed it, when present. */
  reportedEntries?: number;
}

/** src is -1 when the entry has no source ("-", blank or 0.0.0.0). */
interface EntryLine extends MlsEntryLine {
  dst: number;
  proto?: number;
  dstPort?: number;
  srcPort?: number;
}

const MAC = /^(?:[0-9A-Fa-f]{2}-){5}[0-9A-Fa-f]{2}$|^[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}$/;
const TIME = /^\d{1,3}:\d{2}:\d{2}$/;
const ENTRY_START = /^\s*\d{1,3}(?:\.\d{1,3}){3}(?:\s|$)/;
/** The first token, to try it as an address a poster masked (`10.x.x.x`). */
const FIRST_TOKEN = /^\s*(\S{7,15})(?:\s|$)/;
const COUNTERS_END = /\s\d{1,3}:\d{2}:\d{2}\s+\d{1,3}:\d{2}:\d{2}$/;
const RULE = /^\s*-{3,}(?:\s+-{2,})*\s*$/;
const ROUTER = /^\s*MSFC\s+(\d{1,3}(?:\.\d{1,3}){3})(?:\s+\(Module \d+\))?\s*:\s*$/i;
const TOTAL = /^\s*Total (?:IP )?Entries\s*:\s*(\d+)\s*$/i;
const ENDED_NOTE = /^\s*\* indicates TCP flow has ended\s*$/i;
// The tech note's header; CatOS 5/6 print "Dest-IP", 8.x "Stat-Byte".
const HEADER_WORDS = new Set([
  'destination-ip', 'dest-ip', 'source-ip', 'prot', 'dstprt', 'srcprt', 'destination-mac', 'dest-mac', 'vlan', 'edst',
  'esrc', 'dport', 'sport', 'stat-pkts', 'stat-bytes', 'stat-byte', 'uptime', 'age',
]);

/**
 * Destination-IP [Source-IP] [Prot DstPrt SrcPrt] Destination-Mac Vlan [EDst]. Blank fields vanish from the
 * token list, so the fields before the MAC are placed by count: 5 all, 4 no source, 2 destination and source, 1 destination.
 */
function readEntryLine(line: string, index: number): EntryLine | string | null {
  // Cheap test before splitting: a pasted megabyte line should not be tokenised to learn it is not an entry.
  if (!ENTRY_START.test(line) && !isMaskedIPv4(FIRST_TOKEN.exec(line)?.[1] ?? '')) return null;
  const t = fields(line);
  const mac = t.findIndex((x) => MAC.test(x));
  if (mac < 0) return 'MLS entry without a Destination-Mac';
  const after = t.slice(mac + 1);
  if (after.length < 1 || after.length > 2 || !/^\d+$/.test(after[0]!)) return 'MLS entry whose Vlan/EDst is not understood';
  const before = t.slice(0, mac);
  let src: string | undefined;
  let l4: string[] = [];
  if (before.length === 5) [src, ...l4] = before.slice(1);
  else if (before.length === 4 && !isIPv4(before[1]!)) l4 = before.slice(1);
  else if (before.length === 2) src = before[1];
  else if (before.length !== 1) return 'MLS entry whose fields before the MAC do not fit the header';
  const hidden: { field: string; posted: string }[] = [];
  if (isMaskedIPv4(before[0]!)) hidden.push({ field: 'destination address', posted: before[0]! });
  if (src !== undefined && isMaskedIPv4(src)) hidden.push({ field: 'source address', posted: src });
  const dst = hidden.some((h) => h.field === 'destination address') ? 0 : ipToInt(before[0]!);
  const noSource = isAbsent(src) || src === '0.0.0.0';
  const srcHidden = hidden.some((h) => h.field === 'source address');
  const s = noSource || srcHidden ? -1 : ipToInt(src!);
  if (dst < 0 || (!noSource && !srcHidden && s < 0)) return 'MLS entry with an invalid address';
  const e: EntryLine = { index, dst, src: s };
  if (hidden.length) e.hidden = hidden;
  if (l4.length === 3) {
    // CatOS prints the destination port before the source port (DstPrt SrcPrt), unlike native IOS.
    // CatOS 8.x marks a TCP flow that has ended with "TCP*".
    const proto = protocolNumber(l4[0]!.replace(/\*$/, ''));
    const dstPort = portNumber(l4[1]);
    const srcPort = portNumber(l4[2]);
    if (proto === null || dstPort === null || srcPort === null) return 'MLS entry with a protocol or port name not known';
    if (proto !== undefined) Object.assign(e, { proto, dstPort, srcPort });
  }
  return e;
}

/**
 * [EDst] ESrc [DPort SPort] Stat-Pkts Stat-Bytes Uptime Age. Releases differ: the note prints EDst on the first
 * line, CatOS 5/6 print "EDst ESrc DPort SPort", CatOS 8.x "ESrc EDst SPort DPort"; the header says which.
 */
function readCounters(line: string, sportFirst: boolean): { packets: number; bytes: number; dport?: string; sport?: string } | null {
  if (!COUNTERS_END.test(line)) return null;
  const t = fields(line);
  const n = t.length;
  if (n < 4 || !TIME.test(t[n - 1]!) || !TIME.test(t[n - 2]!) || !/^\d+$/.test(t[n - 3]!) || !/^\d+$/.test(t[n - 4]!)) return null;
  const head = t.slice(0, n - 4);
  // The encapsulations are words (ARPA, SNAP, ...); either may be blank, leaving only the switch ports.
  for (let k = 0; k < 2 && head.length > 0 && /^[A-Za-z]+$/.test(head[0]!); k++) head.shift();
  if (head.length > 2) return null;
  const r: { packets: number; bytes: number; dport?: string; sport?: string } = { packets: +t[n - 4]!, bytes: +t[n - 3]! };
  if (head.length === 2) {
    const [dport, sport] = sportFirst ? [head[1], head[0]] : [head[0], head[1]];
    if (!isAbsent(dport)) r.dport = dport;
    if (!isAbsent(sport)) r.sport = sport;
  }
  return r;
}

export const mlsEntryParser: ParserDef<'show mls entry', MlsEntryData> = {
  kind: 'show mls entry',
  commands: ['show mls entry', 'show mls entry ip'],

  sniff(section: Section): number {
    return sniffMlsRecords(
      section,
      [/^\s*Destination-IP\s+Source-IP\s+Prot/i, /^\s*ESrc\s+DPort\s+SPort\s+Stat-Pkts/i],
      (l, i) => {
        const e = readEntryLine(l, i);
        return e !== null && typeof e !== 'string';
      },
      (l) => readCounters(l, false) !== null,
    );
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const b = new FlowTableBuilder(Math.max(16, (section.to - section.from) >> 1));
    const data: Omit<MlsEntryData, 'flows'> = { entries: 0, sourcesPresent: true, destinationOnlyLines: [] };
    let sportFirst = false;
    readMlsRecords(
      section,
      {
        readEntry: readEntryLine,
        readCounters: (line) => readCounters(line, sportFirst),
        addFlow: (e, c) =>
          b.add({ srcIf: c.sport, dstIf: c.dport, src: e.src, dst: e.dst, proto: e.proto, srcPort: e.srcPort, dstPort: e.dstPort, packets: c.packets, bytes: c.bytes, line: e.index + 1 }),
        readOther: (line, i) => {
          const r = ROUTER.exec(line);
          const t = TOTAL.exec(line);
          if (r) (data.routers ??= []).push({ address: r[1]!, line: i + 1 });
          else if (t) data.reportedEntries = +t[1]!;
          else if (isHeaderFragment(line, HEADER_WORDS)) {
            const w = fields(line.toLowerCase());
            if (w.includes('sport') && w.includes('dport')) sportFirst = w.indexOf('sport') < w.indexOf('dport');
          } else return RULE.test(line) || ENDED_NOTE.test(line) || EXEC_PROMPT_TIMESTAMP_START.test(line);
          return true;
        },
      },
      data,
      warnings,
    );
    return { data: { ...data, flows: b.finish() }, records: data.entries, warnings };
  },
};
