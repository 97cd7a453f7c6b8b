// `show ip cef summary`: CEF state, table size and adjacency count, in the classic (12.x) and IPv4/VRF (15.x, XE) forms.
import type { Warning } from '../../types';
import { unreadLine } from '../../text/lines';
import type { ParserDef, Section } from '../parser-types';
import { EXEC_PROMPT_TIMESTAMP_START } from '../shared/exec-prompt-timestamp';
import { sniffRows } from '../shared/sniff-rows';

export interface CefVrfSummary {
  name: string;
  prefixes: number;
  forwarding: number;
  nonForwarding: number;
  line: number;
}

export interface CefSummaryData {
  /** true: "IP CEF with switching"; false: "CEF not running" or disabled; undefined: not stated. */
  running?: boolean;
  distributed: boolean;
  stateLine?: number;
  routes?: number;
  leaves?: number;
  nodes?: number;
  bytes?: number;
  adjacencies?: number;
  adjacencyLine?: number;
  /** Classic output: "(Table Version N)". */
  tableVersion?: number;
  /** 15.x / IOS-XE output: one block per VRF ("VRF Default", " N prefixes (F/N fwd/non-fwd)"). */
  vrfs?: CefVrfSummary[];
}

const CLASSIC_STATE = /^\s*IP (Distributed )?CEF (with|without) switching(?: \(Table Version (\d+)\))?(?:, flags=\S+)?\s*$/i;
const MODERN_STATE = /^\s*IPv4 CEF is (enabled|disabled)(?: for (distributed))?(?: and (not )?running)?\.?\s*$/i;
// "%CEF not running", "%IPv4 CEF not running", "CEF is disabled", "%CEF is disabled".
const NOT_RUNNING = /^\s*(?:%\s*)?(?:IPv4 |IP )?CEF (?:is )?(?:not running|disabled)\.?\s*$/i;
const ROUTES = /^\s*(\d+) routes, \d+ reresolve, \d+ unresolved \(\d+ old, \d+ new\)(?:, peak \d+)?\s*$/i;
const LEAVES = /^\s*(\d+) leaves, (\d+) nodes, (\d+) bytes(?:, \d+ inserts, \d+ invalidations)?\s*$/i;
const ADJACENCIES = /^\s*Adjacency Table has (\d+) adjacenc(?:y|ies):?\s*$/i;
const VRF = /^\s*VRF (\S+)\s*$/;
const PREFIXES = /^\s*(\d+) prefixes \((\d+)\/(\d+) fwd\/non-fwd\)\s*$/i;
/** Lines the summary prints that carry nothing the rules use; recognised so they are not reported as unread. */
const KNOWN: RegExp[] = [
  /^\s*\d+ instant recursive resolutions, \d+ used background process\s*$/i,
  /^\s*\d+ load sharing elements, \d+ bytes, \d+ references\s*$/i,
  /^\s*universal per-(?:destination|packet) load sharing algorithm, id [0-9A-F]+\s*$/i,
  /^\s*\d+(?:\(\d+\))? CEF resets(?:, \d+ revisions of existing leaves)?\s*$/i,
  /^\s*\d+ in-place\/\d+ aborted modifications\s*$/i,
  /^\s*Resolution Timer: .*$/i,
  /^\s*refcounts:\s+\d+ leaf, \d+ node\s*$/i,
  /^\s*(?:Table|Database) epoch:\s+\d+(?: \(\d+ entries at (?:this )?epoch(?: \d+)?\))?\s*$/i,
  /^\s*Table id 0x[0-9A-F]+\s*$/i,
  // Under "Adjacency Table has N adjacencies" (12.x): "  81 IPv4 adjacencies", "  1 incomplete adjacency".
  /^\s*\d+ (?:IPv4 |IPv6 |IP )?(?:incomplete )?adjacenc(?:y|ies)\s*$/i,
];

export const cefSummaryParser: ParserDef<'show ip cef summary', CefSummaryData> = {
  kind: 'show ip cef summary',
  commands: ['show ip cef summary'],

  sniff(section: Section): number {
    // A heading decides; there are no rows to count.
    return sniffRows(section, 10, (l) => {
      if (CLASSIC_STATE.test(l) || MODERN_STATE.test(l) || ROUTES.test(l) || LEAVES.test(l) || PREFIXES.test(l)) return 1;
      return NOT_RUNNING.test(l) ? 0.8 : null;
    });
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const data: CefSummaryData = { distributed: false };
    let vrf: string | undefined;
    const setState = (running: boolean, distributed: boolean, i: number) => {
      data.running = running;
      data.distributed = distributed;
      data.stateLine = i + 1;
    };
    for (let i = section.from; i < section.to; i++) {
      const line = section.lines[i]!;
      if (line.trim() === '') continue;
      let m: RegExpExecArray | null;
      if ((m = CLASSIC_STATE.exec(line))) {
        // "without switching": the table is built but packets are not CEF-switched, which is what the rules care about.
        setState(m[2]!.toLowerCase() === 'with', m[1] !== undefined, i);
        if (m[3] !== undefined) data.tableVersion = +m[3];
      } else if ((m = MODERN_STATE.exec(line))) {
        setState(m[1]!.toLowerCase() === 'enabled' && m[4] === undefined, m[2] !== undefined, i);
      } else if (NOT_RUNNING.test(line)) {
        setState(false, false, i);
      } else if ((m = ROUTES.exec(line))) {
        data.routes = +m[1]!;
      } else if ((m = LEAVES.exec(line))) {
        data.leaves = +m[1]!;
        data.nodes = +m[2]!;
        data.bytes = +m[3]!;
      } else if ((m = ADJACENCIES.exec(line))) {
        data.adjacencies = +m[1]!;
        data.adjacencyLine = i + 1;
      } else if ((m = VRF.exec(line))) {
        vrf = m[1]!;
      } else if ((m = PREFIXES.exec(line))) {
        if (vrf === undefined) {
          warnings.push(unreadLine(i, line, 'prefix count outside a "VRF" block'));
          continue;
        }
        (data.vrfs ??= []).push({ name: vrf, prefixes: +m[1]!, forwarding: +m[2]!, nonForwarding: +m[3]!, line: i + 1 });
        // The global table is the one the classic output called "routes".
        if (vrf === 'Default' && data.routes === undefined) data.routes = +m[1]!;
      } else if (!KNOWN.some((re) => re.test(line)) && !EXEC_PROMPT_TIMESTAMP_START.test(line)) {
        warnings.push(unreadLine(i, line));
      }
    }
    // One object when anything was read; an echo with no output (or only junk) read nothing.
    const read = Object.keys(data).some((k) => k !== 'distributed');
    return { data, records: read ? 1 : 0, warnings };
  },
};
