// `show ip nat translations`: the translation table, static (---) rows included.
import type { Warning } from '../../types';
import { ipToInt, ipToIntAt, unreadLine } from '../../text/lines';
import { isCutIPv4, isMaskedAddressPort, maskedAddressWarning } from '../../text/masked-address';
import { readWrapped } from '../../text/wrap';
import type { ParserDef, Section } from '../parser-types';
import { isExecPromptTimestamp } from '../shared/exec-prompt-timestamp';
import { sniffRows } from '../shared/sniff-rows';

export interface NatTranslation {
  protocol: string;
  insideGlobal: string;
  insideLocal: string;
  outsideLocal: string;
  outsideGlobal: string;
  line: number;
  /** Columns a poster hid (`x.x.x.x:80`): those fields are "" and never an address. */
  hidden?: { field: string; posted: string }[];
  /** Two columns that ran together and could not be told apart ("inside local and outside local"): both "". */
  glued?: string;
}

export interface NatTranslationsData {
  translations: NatTranslation[];
  /** IOS-XE footer "Total number of translations: N". */
  total?: number;
  totalLine?: number;
}

// Column titles; matched on words so TAB-separated, squeezed or aligned headers all read the same.
const HEADER = /^\s*Pro\s+Inside\s+global\s+Inside\s+local\s+Outside\s+local\s+Outside\s+global\s*$/i;
const TOTAL = /^\s*Total number of translations:\s*(\d+)\s*$/i;
/** "tcp", "udp", "icmp", "gre", "esp", or "---" for a simple (address-only) entry; a protocol number is allowed. */
const PROTOCOL = /^([a-z]{2,6}|-{3}|\d{1,3})$/i;
/** Detail lines `show ip nat translations verbose` prints under each row (IOS 12.x and IOS-XE forms). */
const VERBOSE_DETAIL: RegExp[] = [
  /^\s*create:? .+, use:? .+/i,
  /^\s*Map-Id\(In\):\s*\d+/i,
  /^\s*Mac-Address: [0-9a-f.]+\s+Input-IDB:/i,
  /^\s*entry-id: 0x[0-9a-f]+, use_count:\s*\d+\s*$/i,
  /^\s*RuleID\s*:\s*\d+\s*$/i,
  /^\s*Flags: .+$/i,
  /^\s*ALG Application Type: .+$/i,
  /^\s*WLAN-Flags: .+$/i,
  /^\s*In_pkts: \d+ In_bytes: \d+, Out_pkts: \d+ Out_bytes: \d+\s*$/i,
  /^\s*Output-IDB:.*$/i,
  // IOS-XE `show ip nat translations vrf NAME verbose`: "Group_id:0   vrf: genie", "Format(H:M:S) Time-left :0:1:38".
  /^\s*Group_id:\s*\d+\s+vrf:\s*\S+\s*$/i,
  /^\s*Format\(H:M:S\) Time-left\s*:\s*-?\d+:-?\d+:-?\d+\s*$/i,
];

/** An address column: "10.1.0.2", "10.1.0.2:51776", or dashes when there is none ("---"; "--" in one capture). */
export function isAddressColumn(s: string): boolean {
  const n = s.length;
  if ((n === 2 || n === 3) && s.charCodeAt(0) === 45 && s.charCodeAt(1) === 45 && s.charCodeAt(n - 1) === 45) return true;
  // Read in place, by character (a table of a million translations: regular expressions and slices, 0.3 s).
  const colon = s.indexOf(':');
  if (colon < 0) return ipToInt(s) >= 0;
  if (ipToIntAt(s, 0, colon) < 0 || n - colon - 1 < 1 || n - colon - 1 > 5) return false;
  for (let k = colon + 1; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const COLUMNS = ['inside global', 'inside local', 'outside local', 'outside global'] as const;

/** Two address:port columns a full-width value ran together (`10.1.1.1:102910.1.0.1:1029`): port digits run into the next octet. */
const GLUED_PAIR = /^\d{1,3}(?:\.\d{1,3}){3}:\d+\.\d{1,3}\.\d{1,3}\.\d{1,3}(?::\d{1,5})?$/;

function readRow(line: string, index: number): NatTranslation | null {
  // Split on any whitespace: re-typed captures separate columns with TABs.
  const f = line.trim().split(/\s+/);
  if (f.length === 4 && PROTOCOL.test(f[0]!)) return readGluedRow(f, index);
  if (f.length !== 5 || !PROTOCOL.test(f[0]!)) return null;
  const hidden: { field: string; posted: string }[] = [];
  // A line as wide as a terminal may have been cut inside its last address: then it is a wrap, not a cut address.
  const terminalWide = line.length === 79 || line.length === 80 || line.length === 132;
  const col = (k: number): string | null => {
    const s = f[k + 1]!;
    if (isAddressColumn(s)) return s;
    if (!isMaskedAddressPort(s) && (terminalWide || !isCutIPv4(s.split(':')[0]!))) return null;
    hidden.push({ field: `${COLUMNS[k]} address`, posted: s });
    return '';
  };
  const c = [col(0), col(1), col(2), col(3)];
  if (c.some((x) => x === null)) return null;
  const t: NatTranslation = { protocol: f[0]!.toLowerCase(), insideGlobal: c[0]!, insideLocal: c[1]!, outsideLocal: c[2]!, outsideGlobal: c[3]!, line: index + 1 };
  if (hidden.length) t.hidden = hidden;
  return t;
}

/**
 * A row with two neighbouring columns glued: where the port ends and the next address starts is not certain
 * (`:102910.1.0.1` is port 1029 then 10.1.0.1, or port 10291 then 0.1.0.1), so both columns stay unknown.
 */
function readGluedRow(f: readonly string[], index: number): NatTranslation | null {
  const k = f.findIndex((x, i) => i > 0 && GLUED_PAIR.test(x));
  if (k < 0 || !f.every((x, i) => i === 0 || i === k || isAddressColumn(x))) return null;
  const cols: string[] = [];
  for (let i = 1; i < f.length; i++) {
    if (i === k) cols.push('', '');
    else cols.push(f[i]!);
  }
  return {
    protocol: f[0]!.toLowerCase(), insideGlobal: cols[0]!, insideLocal: cols[1]!, outsideLocal: cols[2]!, outsideGlobal: cols[3]!, line: index + 1,
    glued: `${COLUMNS[k - 1]} and ${COLUMNS[k]}`,
  };
}

export const natTranslationsParser: ParserDef<'show ip nat translations', NatTranslationsData> = {
  kind: 'show ip nat translations',
  commands: ['show ip nat translations'],

  sniff(section: Section): number {
    return sniffRows(section, 40, (l, i) => (HEADER.test(l) ? 1 : readRow(l, i) ? 'row' : null), { bonus: 0.2 });
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const data: NatTranslationsData = { translations: [] };
    for (let i = section.from; i < section.to; i++) {
      const line = section.lines[i]!;
      if (line.trim() === '') continue;
      // A row longer than the terminal or mail width arrives cut in two: read it joined when it does not read alone.
      const row = readWrapped(section.lines, i, section.to, (text) => readRow(text, i));
      if (row) {
        data.translations.push(row.value);
        for (const h of row.value.hidden ?? []) warnings.push(maskedAddressWarning(i, h.field, h.posted));
        if (row.value.glued) warnings.push({ line: i + 1, message: `${row.value.glued} addresses ran together, left unknown` });
        i += row.lines - 1;
        continue;
      }
      const t = TOTAL.exec(line);
      if (t) {
        data.total = +t[1]!;
        data.totalLine = i + 1;
        continue;
      }
      if (HEADER.test(line) || isExecPromptTimestamp(line)) continue;
      // Verbose details only make sense under a row; anywhere else they are as unknown as any other line.
      if (data.translations.length > 0 && VERBOSE_DETAIL.some((re) => re.test(line))) continue;
      warnings.push(unreadLine(i, line));
    }
    const n = data.translations.length;
    if (data.total !== undefined && data.total !== n && section.filter === undefined) {
      warnings.push({ line: data.totalLine!, message: `the router counts ${data.total} translations but ${n} rows were read` });
    }
    return { data, records: n, warnings };
  },
};
