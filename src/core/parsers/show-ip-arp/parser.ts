// `show ip arp` / `show arp`: ARP entries with age, MAC and interface (IOS, IOS-XE, and NX-OS's own layout).
import type { Warning } from '../../types';
import { ipToInt, unreadLine } from '../../text/lines';
import { cutLineWarning, endsUnended } from '../../text/line-end';
import { isMaskedIPv4, maskedAddressWarning } from '../../text/masked-address';
import { readWrapped } from '../../text/wrap';
import type { ParserDef, Section } from '../parser-types';
import { isExecPromptTimestamp } from '../shared/exec-prompt-timestamp';
import { sniffRows } from '../shared/sniff-rows';

export interface ArpEntry {
  /** "" when the poster hid it (then `hiddenAddress` says how). */
  address: string;
  /** Minutes; null for "-" (the router's own address). */
  ageMinutes: number | null;
  /** "" when the entry is incomplete (the router asked and nobody answered). */
  mac: string;
  /** "" when the router printed none (incomplete entries, some IOS-XE rows). */
  interface: string;
  line: number;
  /** Encapsulation: ARPA, SNAP, 802.1Q, SRP-A... */
  type?: string;
  incomplete?: boolean;
  /** The address column as a poster masked it (`x.x.x.x`, `10.x.x.x`), or "" when left blank: never an address. */
  hiddenAddress?: string;
}

export interface ArpData {
  entries: ArpEntry[];
}

// "Protocol  Address  Age (min)  Hardware Addr  Type  Interface" (older IOS prints "Age(min)").
const HEADER = /^\s*Protocol\s+Address\s+Age\s*\(min\)\s+Hardware\s+Addr\s+Type\s+Interface\s*$/i;
/**
 * Internet 10.1.1.5  134  0005.00ff.3a86  ARPA  FastEthernet0/0/0 (interface may be absent or carry "pv 202"); a
 * poster may have blanked the address column (`Internet    0   Incomplete   ARPA`). A long age can run into the
 * MAC (`1200011.2233.4455`): the MAC's fixed shape says where it starts, so the age is still certain.
 */
const ROW =
  /^\s*(Internet)\s+(?:(\S+)\s+)?(\d+|-)\s*([0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}|Incomplete)\s+([A-Za-z0-9][\w.-]*)(?:\s+(\S(?:[^]*\S)?))?\s*$/i;

/** NX-OS: "Address  Age  MAC Address  Interface"; `detail` adds "Physical Interface", some releases "Flags", `vrf all` "VRF Name". */
const NX_HEADER = /^\s*Address\s+Age\s+MAC Address\s+Interface(?:\s+Physical Interface)?(?:\s+Flags)?(?:\s+VRF Name)?\s*$/i;
/**
 * An NX-OS row: "146.118.1.92  00:00:57  b40c.25e0.4011  Vlan701  port-channel222  +": the age as hh:mm:ss (or, as
 * some releases print it, seconds with a fraction: "0.106174"; "-" for the switch's own), INCOMPLETE in capitals,
 * then what `detail` and `vrf all` add after the interface: the physical interface ("-" for none), flags, the VRF.
 */
const NX_ROW =
  /^\s*(\S+)\s+(\d{1,2}:\d{2}:\d{2}|\d+\.\d+|-)\s+([0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}|INCOMPLETE)\s+([A-Za-z][\w./:-]*)(?:\s+\S+){0,3}\s*$/i;
/** What NX-OS prints around its table: the flags' legend, the context, the count. */
const NX_KNOWN: RegExp[] = [
  // The flags' legend: "Flags: * - Adjacencies learnt on non-active FHRP router", "CP - Added via L2RIB, ...".
  /^\s*(?:Flags:\s+)?[A-Z*+#]{1,2} - \S/,
  /^\s*IP ARP Table(?: for (?:context \S+|all contexts))?\s*$/i,
  /^\s*Total number of entries:\s*\d+\s*$/i,
];

/** An NX-OS age in whole minutes, as IOS prints them: hh:mm:ss, or seconds. */
function nxAgeMinutes(age: string): number | null {
  if (age === '-') return null;
  const p = age.split(':');
  return p.length === 3 ? +p[0]! * 60 + +p[1]! : Math.floor(+age / 60);
}

function readNxRow(line: string, index: number): ArpEntry | null {
  const m = NX_ROW.exec(line);
  if (!m) return null;
  const posted = m[1]!;
  const real = ipToInt(posted) >= 0;
  if (!real && !isMaskedIPv4(posted)) return null;
  const incomplete = m[3]!.toLowerCase() === 'incomplete';
  const entry: ArpEntry = { address: real ? posted : '', ageMinutes: nxAgeMinutes(m[2]!), mac: incomplete ? '' : m[3]!.toLowerCase(), interface: m[4]!, line: index + 1 };
  if (incomplete) entry.incomplete = true;
  if (!real) entry.hiddenAddress = posted;
  return entry;
}

function readRow(line: string, index: number): ArpEntry | null {
  const m = ROW.exec(line);
  if (!m) return readNxRow(line, index);
  const posted = m[2] ?? '';
  // (A real address first: it is never a masked one, and a table of a million entries has few of those.)
  const real = ipToInt(posted) >= 0;
  const hidden = !real && (posted === '' || isMaskedIPv4(posted));
  if (!hidden && !real) return null;
  const incomplete = m[4]!.toLowerCase() === 'incomplete';
  const entry: ArpEntry = {
    address: hidden ? '' : posted,
    ageMinutes: m[3] === '-' ? null : +m[3]!,
    mac: incomplete ? '' : m[4]!.toLowerCase(),
    interface: m[6] ?? '',
    line: index + 1,
    type: m[5]!,
  };
  if (incomplete) entry.incomplete = true;
  if (hidden) entry.hiddenAddress = posted;
  return entry;
}

/**
 * A last line the paste stops inside (no line end after it) that is shorter than the rows' layout: an NX-OS row with
 * fewer columns after its interface than the header (or the first row) has, an IOS row with no interface where the
 * rows name one (an incomplete entry names none), or no row at all.
 */
function cutShort(line: string, i: number, nxAfter: number | undefined, iosInterfaces: boolean): boolean {
  const row = readRow(line, i);
  if (!row) return !HEADER.test(line) && !NX_HEADER.test(line) && !NX_KNOWN.some((re) => re.test(line)) && !isExecPromptTimestamp(line);
  if (row.type === undefined) return nxAfter !== undefined && line.trim().split(/\s+/).length - 4 < nxAfter;
  return iosInterfaces && !row.incomplete && row.interface === '';
}

export const arpParser: ParserDef<'show ip arp', ArpData> = {
  kind: 'show ip arp',
  commands: ['show ip arp', 'show arp'],

  sniff(section: Section): number {
    return sniffRows(section, 40, (l, i) => (HEADER.test(l) || NX_HEADER.test(l) ? 1 : readRow(l, i) ? 'row' : null), { bonus: 0.2 });
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const entries: ArpEntry[] = [];
    /** Columns an NX-OS row has after its interface: the header's Physical Interface and VRF Name (Flags may be blank). */
    let nxHeaderAfter: number | undefined;
    /** With no such header, the fewest the rows so far had. */
    let nxRowsAfter: number | undefined;
    /** Every IOS row so far named its interface. */
    let iosInterfaces = true;
    for (let i = section.from; i < section.to; i++) {
      const line = section.lines[i]!;
      if (line.trim() === '') continue;
      if (NX_HEADER.test(line)) nxHeaderAfter = (/Physical Interface/i.test(line) ? 1 : 0) + (/VRF Name/i.test(line) ? 1 : 0);
      // The paste stops inside its last line: a row shorter than the rows' layout is cut, and read as whole it would
      // be misread (`... a2b6.9300.0003  Vlan2`: interface Vlan2 of Vlan240, its VRF lost).
      if (endsUnended(section.lines, i) && cutShort(line, i, nxHeaderAfter ?? nxRowsAfter, iosInterfaces)) {
        warnings.push(cutLineWarning(i, line));
        continue;
      }
      // A row cut at the terminal or mail width (long interface names) is read joined when it does not read alone.
      const row = readWrapped(section.lines, i, section.to, (text) => readRow(text, i));
      if (row) {
        if (row.value.type === undefined && row.lines === 1) nxRowsAfter = Math.min(nxRowsAfter ?? Infinity, line.trim().split(/\s+/).length - 4);
        else if (row.value.type !== undefined && !row.value.incomplete && row.value.interface === '') iosInterfaces = false;
        entries.push(row.value);
        if (row.value.hiddenAddress !== undefined) warnings.push(maskedAddressWarning(i, 'address', row.value.hiddenAddress));
        i += row.lines - 1;
      } else if (!HEADER.test(line) && !NX_HEADER.test(line) && !NX_KNOWN.some((re) => re.test(line)) && !isExecPromptTimestamp(line)) warnings.push(unreadLine(i, line));
    }
    return { data: { entries }, records: entries.length, warnings };
  },
};
