// `show ip arp` / `show arp`: ARP entries with age, MAC and interface.
import type { Warning } from '../../types';
import { ipToInt, unreadLine } from '../../text/lines';
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

function readRow(line: string, index: number): ArpEntry | null {
  const m = ROW.exec(line);
  if (!m) return null;
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

export const arpParser: ParserDef<'show ip arp', ArpData> = {
  kind: 'show ip arp',
  commands: ['show ip arp', 'show arp'],

  sniff(section: Section): number {
    return sniffRows(section, 40, (l, i) => (HEADER.test(l) ? 1 : readRow(l, i) ? 'row' : null), { bonus: 0.2 });
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const entries: ArpEntry[] = [];
    for (let i = section.from; i < section.to; i++) {
      const line = section.lines[i]!;
      if (line.trim() === '') continue;
      // A row cut at the terminal or mail width (long interface names) is read joined when it does not read alone.
      const row = readWrapped(section.lines, i, section.to, (text) => readRow(text, i));
      if (row) {
        entries.push(row.value);
        if (row.value.hiddenAddress !== undefined) warnings.push(maskedAddressWarning(i, 'address', row.value.hiddenAddress));
        i += row.lines - 1;
      } else if (!HEADER.test(line) && !isExecPromptTimestamp(line)) warnings.push(unreadLine(i, line));
    }
    return { data: { entries }, records: entries.length, warnings };
  },
};
