// `show ip nat statistics`: active, peak, dynamic and extended counts, interfaces and mappings.
import type { Warning } from '../../types';
import { unreadLine } from '../../text/lines';
import type { ParserDef, Section } from '../parser-types';
import { EXEC_PROMPT_TIMESTAMP_LINES } from '../shared/exec-prompt-timestamp';
import { sniffRows } from '../shared/sniff-rows';

export interface NatMapping {
  text: string;
  overload: boolean;
  line: number;
  /** "[Id: 1]" when shown. */
  id?: number;
  /** The access-list or route-map that selects the translated hosts. */
  acl?: string;
  routeMap?: string;
  pool?: string;
  interface?: string;
  refcount?: number;
}

export interface NatStatisticsData {
  activeTotal?: number;
  activeLine?: number;
  staticCount?: number;
  dynamicCount?: number;
  /** Translations with ports (PAT): non-zero means overload is in use, whatever the mapping lines say. */
  extendedCount?: number;
  peak?: number;
  peakLine?: number;
  insideInterfaces: string[];
  outsideInterfaces: string[];
  /** Dynamic mappings; overload true for PAT. */
  mappings: NatMapping[];
  hits?: number;
  misses?: number;
}

// "Total active translations: 3 (0 static, 3 dynamic; 3 extended)"; 12.x says "Total translations: 2 (...)".
const TOTAL = /^\s*Total (?:active )?translations:\s*(\d+)\s*\(\s*(\d+) static,\s*(\d+) dynamic;\s*(\d+) extended\)\s*$/i;
const PEAK = /^\s*Peak translations:\s*(\d+)(?:, occurred .+ ago)?\s*$/i;
const INTERFACES = /^\s*(Outside|Inside) interfaces:\s*([^]*)/i;
/** A (possibly wrapped) line of the interface list: "TenGigabitEthernet2/0/0, TenGigabitEthernet2/1/0,". */
const INTERFACE_LIST = /^\s*[A-Za-z][\w/.:-]*\d(\s*,\s*[A-Za-z][\w/.:-]*\d)*\s*(?:,\s*)?$/;
const HITS = /^\s*Hits:\s*(\d+)\s+Misses:\s*(\d+)\s*$/i;
/** "[Id: 1] access-list 1 pool pool1 refcount 3", "access-list 99 interface Serial0/0 refcount 1", "[Id: 4] route-map X". */
const MAPPING =
  /^\s*(?:\[Id:\s*(\d+)\]\s*)?(access-list|route-map)\s+(\S+)(?:\s+(pool|interface)\s+(\S+))?(\s+overload)?(?:\s+refcount\s+(\d+))?(\s+overload)?\s*$/i;
/** Lines that carry nothing the rules read (pool details, drop counters, doors, port reservation). */
const KNOWN: RegExp[] = [
  // The exec prompt timestamp (`terminal exec prompt timestamp`) printed above every command's output.
  ...EXEC_PROMPT_TIMESTAMP_LINES,
  /^\s*CEF Translated packets:\s*\d+, CEF Punted packets:\s*\d+\s*$/i,
  /^\s*Expired translations:\s*\d+\s*$/i,
  /^\s*Dynamic mappings:\s*$/i,
  /^\s*-- (Inside|Outside) (Source|Destination)\s*$/i,
  /^\s*pool \S+:\s*(id \d+,\s*)?netmask [\d.]+\s*$/i,
  /^\s*pool \S+:\s*(id \d+,\s*)?prefix-length \d+\s*$/i,
  // (Addresses a poster masked, `start W.X.Y.Z end W.X.Y.Z`, too: nothing here is read.)
  /^\s*start \S+ end \S+\s*$/i,
  /^\s*type \w+, total addresses \d+, allocated \d+ \(\d+%\), misses \d+\s*$/i,
  /^\s*longest chain in pool: .+$/i,
  /^\s*nat-limit statistics:\s*$/i,
  /^\s*max entry: max allowed \d+, used \d+, missed \d+\s*$/i,
  /^\s*In-to-out drops:\s*\d+\s+Out-to-in drops:\s*\d+\s*$/i,
  /^\s*Pool stats drop:\s*\d+\s+Mapping stats drop:\s*\d+\s*$/i,
  /^\s*(Port block alloc|IP alias add|Limit entry add) fail:\s*\d+\s*$/i,
  /^\s*(Total|Appl|Normal) doors:\s*\d+\s*$/i,
  /^\s*Queued Packets:\s*\d+\s*$/i,
  /^\s*Reserved port setting (disabled|enabled)( provisioned (yes|no))?\s*$/i,
  /^\s*Dynamic overload mapping configured:\s*\d+\s*$/i,
  /^\s*Reserved portblock stats\s*$/i,
  /^\s*total (tcp|udp) ports (rcvd from tpm|available) lo:\d+ hi:\d+\s*$/i,
  /^\s*tcp ports reserved flag \d+ udp ports reserved flag \d+\s*$/i,
];

function readMapping(m: RegExpExecArray, line: string, index: number): NatMapping {
  const out: NatMapping = { text: line.trim(), overload: false, line: index + 1 };
  if (m[1] !== undefined) out.id = +m[1];
  if (m[2]!.toLowerCase() === 'access-list') out.acl = m[3]!;
  else out.routeMap = m[3]!;
  if (m[4]?.toLowerCase() === 'pool') out.pool = m[5]!;
  if (m[4]?.toLowerCase() === 'interface') out.interface = m[5]!;
  if (m[7] !== undefined) out.refcount = +m[7];
  // PAT: an explicit "overload", or a mapping onto an interface address (one address shared by every inside
  // host, which IOS configures as `ip nat inside source list N interface X overload`).
  out.overload = m[6] !== undefined || m[8] !== undefined || out.interface !== undefined;
  return out;
}

function splitInterfaces(list: string): string[] {
  return list.split(',').map((s) => s.trim()).filter(Boolean);
}

export const natStatisticsParser: ParserDef<'show ip nat statistics', NatStatisticsData> = {
  kind: 'show ip nat statistics',
  commands: ['show ip nat statistics'],

  sniff(section: Section): number {
    // A heading decides; there are no rows to count.
    return sniffRows(section, 20, (l) => {
      if (TOTAL.test(l)) return 1;
      return INTERFACES.test(l) || /^\s*Dynamic mappings:\s*$/i.test(l) ? 0.8 : null;
    });
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const data: NatStatisticsData = { insideInterfaces: [], outsideInterfaces: [], mappings: [] };
    /** The interface list being read: lines after "Outside interfaces:" belong to it until something else comes. */
    let list: string[] | undefined;
    for (let i = section.from; i < section.to; i++) {
      const line = section.lines[i]!;
      if (line.trim() === '') continue;
      if (list && INTERFACE_LIST.test(line)) {
        list.push(...splitInterfaces(line));
        continue;
      }
      list = undefined;
      const itf = INTERFACES.exec(line);
      if (itf) {
        list = itf[1]!.toLowerCase() === 'outside' ? data.outsideInterfaces : data.insideInterfaces;
        const rest = itf[2]!.trim();
        if (rest !== '' && !INTERFACE_LIST.test(rest)) warnings.push(unreadLine(i, line, 'interface list not understood'));
        else list.push(...splitInterfaces(rest));
        continue;
      }
      const t = TOTAL.exec(line);
      if (t) {
        data.activeTotal = +t[1]!;
        data.staticCount = +t[2]!;
        data.dynamicCount = +t[3]!;
        data.extendedCount = +t[4]!;
        data.activeLine = i + 1;
        continue;
      }
      const p = PEAK.exec(line);
      if (p) {
        data.peak = +p[1]!;
        data.peakLine = i + 1;
        continue;
      }
      const h = HITS.exec(line);
      if (h) {
        data.hits = +h[1]!;
        data.misses = +h[2]!;
        continue;
      }
      const m = MAPPING.exec(line);
      if (m) {
        data.mappings.push(readMapping(m, line, i));
        continue;
      }
      if (KNOWN.some((re) => re.test(line))) continue;
      warnings.push(unreadLine(i, line));
    }
    // A section with none of the statistics (the echo then a console message, the command typed again) read nothing.
    const read =
      data.activeTotal !== undefined ||
      data.peak !== undefined ||
      data.hits !== undefined ||
      data.mappings.length > 0 ||
      data.insideInterfaces.length + data.outsideInterfaces.length > 0;
    return { data, records: read ? 1 : 0, warnings };
  },
};
