// `show ip arp`: ARP entries with age, MAC and interface.
// PLACEHOLDER (issue 3): the facts below are the agreed shape; the parser does not read them yet.
import { notYetRead } from '../not-yet-read';
import type { ParserDef } from '../parser-types';

export interface ArpEntry {
  address: string;
  /** Minutes; null for "-" (the router's own address). */
  ageMinutes: number | null;
  mac: string;
  interface: string;
  line: number;
}

export interface ArpData {
  entries: ArpEntry[];
}

export const arpParser: ParserDef<'show ip arp', ArpData> = {
  kind: 'show ip arp',
  commands: ['show ip arp', 'show arp'],
  sniff: () => 0,
  parse: (section) => notYetRead<ArpData>(section, { entries: [] }),
};
