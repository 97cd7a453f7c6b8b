// `show adjacency summary`: the adjacency table's size, complete/incomplete split and per-interface counts.
import type { Warning } from '../../types';
import { unreadLine } from '../../text/lines';
import type { ParserDef, Section } from '../parser-types';
import { EXEC_PROMPT_TIMESTAMP_START } from '../shared/exec-prompt-timestamp';

export interface AdjacencySummaryData {
  total?: number;
  complete?: number;
  incomplete?: number;
  line?: number;
  /** The "Interface  Adjacency Count" table, when printed. */
  byInterface?: { interface: string; count: number; line: number }[];
}

const TOTAL = /^\s*Adjacency table has (\d+) adjacenc(?:y|ies):?\s*$/i;
const COMPLETE = /^\s*(\d+) complete adjacenc(?:y|ies)\s*$/i;
const INCOMPLETE = /^\s*(\d+) incomplete adjacenc(?:y|ies)\s*$/i;
const INTERFACE_HEADER = /^\s*Interface\s+Adjacency Count\s*$/i;
const INTERFACE_ROW = /^\s*([A-Za-z][\w./:-]*)\s+(\d+)\s*$/;
/** Bookkeeping lines (12.2S and IOS-XE) recognised so they are not reported as unread. */
const KNOWN: RegExp[] = [
  /^\s*each adjacency consumes \d+ bytes(?: \(\d+ bytes platform extension\))?\s*$/i,
  /^\s*\d+ (?:complete |incomplete )?adjacenc(?:y|ies)(?: with [\w ]+?)? of linktype \S+\s*$/i,
  /^\s*Adjacency database high availability:\s*$/i,
  /^\s*(?:Table|Database) epoch:\s+\d+(?: \(\d+ entr(?:y|ies) at (?:this )?epoch(?: \d+)?\))?\s*$/i,
  /^\s*RP adjacency component enabled\s*$/i,
  /^\s*Adjacency manager summary event processing:\s*$/i,
  /^\s*Summary events epoch is \d+\s*$/i,
  /^\s*Summary events queue contains \d+ events?(?: \(high water mark \d+ events?\))?\s*$/i,
  /^\s*Summary events queue can contain \d+ events?\s*$/i,
  /^\s*Adj last sourced field wraps \d+\s*$/i,
];

export const adjacencySummaryParser: ParserDef<'show adjacency summary', AdjacencySummaryData> = {
  kind: 'show adjacency summary',
  commands: ['show adjacency summary'],

  sniff(section: Section): number {
    let total = false;
    for (let i = section.from, seen = 0; i < section.to && seen < 10; i++) {
      const l = section.lines[i]!;
      if (l.trim() === '') continue;
      seen++;
      if (COMPLETE.test(l) || INCOMPLETE.test(l) || KNOWN[0]!.test(l)) return 1;
      if (TOTAL.test(l)) total = true;
    }
    // The total line alone also ends `show ip cef summary`, whose sniffer answers 1 on its own first line.
    return total ? 0.7 : 0;
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const data: AdjacencySummaryData = {};
    let inTable = false;
    for (let i = section.from; i < section.to; i++) {
      const line = section.lines[i]!;
      if (line.trim() === '') continue;
      let m: RegExpExecArray | null;
      if ((m = TOTAL.exec(line))) {
        data.total = +m[1]!;
        data.line = i + 1;
      } else if ((m = COMPLETE.exec(line))) {
        data.complete = +m[1]!;
      } else if ((m = INCOMPLETE.exec(line))) {
        data.incomplete = +m[1]!;
      } else if (INTERFACE_HEADER.test(line)) {
        inTable = true;
        data.byInterface ??= [];
      } else if (inTable && (m = INTERFACE_ROW.exec(line))) {
        data.byInterface!.push({ interface: m[1]!, count: +m[2]!, line: i + 1 });
      } else if (!KNOWN.some((re) => re.test(line)) && !EXEC_PROMPT_TIMESTAMP_START.test(line)) {
        warnings.push(unreadLine(i, line));
      }
    }
    // One object when anything was read; an echo with no output (or only junk) read nothing.
    const read = Object.keys(data).some((k) => k !== 'distributed');
    return { data, records: read ? 1 : 0, warnings };
  },
};
