// `show processes memory` (and `sorted`): pool totals and memory held per process (ARP Input, IP Input, CEF...).
import type { Warning } from '../../types';
import { isHeaderFragment, unreadLine } from '../../text/lines';
import type { ParserDef, Section } from '../parser-types';
import { EXEC_PROMPT_TIMESTAMP_START } from '../shared/exec-prompt-timestamp';
import { joinNameTail } from '../shared/name-tail';
import { sniffRows } from '../shared/sniff-rows';

export interface MemoryPoolTotals {
  name: string;
  total: number;
  used: number;
  free: number;
  line: number;
}

export interface ProcessMemory {
  pid: number;
  /** Unknown when the two cumulative counters ran together (long uptime) and could not be told apart. */
  allocated?: number;
  freed?: number;
  holding: number;
  name: string;
  line: number;
}

export interface ProcessesMemoryData {
  pools: MemoryPoolTotals[];
  processes: ProcessMemory[];
  /** The "N Total" footer: the sum of Holding as the router printed it. */
  holdingTotal?: { bytes: number; line: number };
}

// "Processor Pool Total:  563180224 Used:   71304104 Free:  491876120" (12.2+ and IOS-XE, pool names with spaces).
const POOL = /^\s*(\S(?:.*?\S)?)\s+Pool Total:\s*(\d+),?\s+Used:\s*(\d+),?\s+Free:\s*(\d+)\s*$/i;
// Older IOS prints one line for processor memory: "Total: 3144664, Used: 2090072, Free: 1054592".
const OLD_TOTAL = /^\s*Total:\s*(\d+),\s*Used:\s*(\d+),\s*Free:\s*(\d+)\s*$/i;
// The same row with Allocated and Freed glued (the two counters that grow without bound on a long uptime): read
// from the right, Holding, Getbufs and Retbufs stay certain.
const GLUED_ROW = /^\s*(\d+)\s+(\d+)\s+(\d{2,})\s+(\d+)\s+(\d+)\s+(\d+)(?:\s+(\S(?:[^]*\S)?))?\s*$/;
const HEADER = /^\s*PID\s+TTY\s+Allocated\s+Freed\s+Holding\s+Getbufs\s+Retbufs\s+Process\s*$/i;
// PID TTY Allocated Freed Holding Getbufs Retbufs Process (the name has spaces and may be cut at 16 characters).
const ROW = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)(?:\s+(\S(?:[^]*\S)?))?\s*$/;
/** Header words: a `| include` filter can leave a fragment of the header (or a garbled one) on its own line. */
const HEADER_WORDS = new Set(['pid', 'tty', 'allocated', 'freed', 'holding', 'getbufs', 'retbufs', 'process']);
const FOOTER = /^\s*(\d+) Total\s*$/i;

/** Lines that read as something of their own, so never as a wrapped name's tail. */
function readsAlone(line: string): boolean {
  return ROW.test(line) || GLUED_ROW.test(line) || POOL.test(line) || OLD_TOTAL.test(line) || FOOTER.test(line) || HEADER.test(line) || isHeaderFragment(line, HEADER_WORDS);
}

/** Join a name's tail a terminal pushed to the next line (`SIS Punt ` / `Process`); returns the lines it used. */
function joinTail(p: ProcessMemory, section: Section, i: number): number {
  if (i + 1 >= section.to) return 0;
  const joined = joinNameTail(p.name, section.lines[i]!, section.lines[i + 1]!, readsAlone);
  if (joined === null) return 0;
  p.name = joined;
  return 1;
}

export const processesMemoryParser: ParserDef<'show processes memory', ProcessesMemoryData> = {
  kind: 'show processes memory',
  commands: ['show processes memory', 'show processes memory sorted'],

  sniff(section: Section): number {
    // Seven numbers and a name is specific: no other table we read has seven integer columns in a row.
    return sniffRows(section, 30, (l) => (HEADER.test(l) || POOL.test(l) || OLD_TOTAL.test(l) ? 1 : ROW.test(l) ? 'row' : null));
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const data: ProcessesMemoryData = { pools: [], processes: [] };
    for (let i = section.from; i < section.to; i++) {
      const line = section.lines[i]!;
      if (line.trim() === '') continue;
      let m: RegExpExecArray | null;
      if ((m = ROW.exec(line))) {
        data.processes.push({ pid: +m[1]!, allocated: +m[3]!, freed: +m[4]!, holding: +m[5]!, name: m[8] ?? '', line: i + 1 });
        i += joinTail(data.processes[data.processes.length - 1]!, section, i);
      } else if ((m = GLUED_ROW.exec(line))) {
        const p: ProcessMemory = { pid: +m[1]!, holding: +m[4]!, name: m[7] ?? '', line: i + 1 };
        data.processes.push(p);
        i += joinTail(p, section, i);
        warnings.push({ line: p.line, message: `process "${p.name}": allocated and freed ran together, left unknown` });
      } else if ((m = POOL.exec(line))) {
        data.pools.push({ name: m[1]!, total: +m[2]!, used: +m[3]!, free: +m[4]!, line: i + 1 });
      } else if ((m = OLD_TOTAL.exec(line))) {
        data.pools.push({ name: 'Processor', total: +m[1]!, used: +m[2]!, free: +m[3]!, line: i + 1 });
      } else if ((m = FOOTER.exec(line))) {
        data.holdingTotal = { bytes: +m[1]!, line: i + 1 };
      } else if (!HEADER.test(line) && !isHeaderFragment(line, HEADER_WORDS) && !EXEC_PROMPT_TIMESTAMP_START.test(line)) {
        warnings.push(unreadLine(i, line));
      }
    }
    for (const p of data.pools) {
      if (p.used + p.free !== p.total) {
        warnings.push({ line: p.line, message: `pool "${p.name}": used + free (${p.used + p.free}) is not the total (${p.total})` });
      }
    }
    return { data, records: data.processes.length, warnings };
  },
};
