// `show processes cpu`: five-second/interrupt, one and five minute load, and per-process percentages.
import type { Warning } from '../../types';
import { isHeaderFragment, unreadLine } from '../../text/lines';
import { cutLineWarning, endsUnended } from '../../text/line-end';
import { readWrapped } from '../../text/wrap';
import type { ParserDef, Section } from '../parser-types';
import { EXEC_PROMPT_TIMESTAMP_LINES } from '../shared/exec-prompt-timestamp';
import { sniffRows } from '../shared/sniff-rows';
import { joinNameTail } from '../shared/name-tail';
import { fits, readCpuRow, type CpuRow } from './row';

export interface ProcessCpu {
  pid: number;
  name: string;
  fiveSec: number;
  oneMin: number;
  fiveMin: number;
  line: number;
  runtimeMs?: number;
  invoked?: number;
  uSecs?: number;
  tty?: number;
  /** NX-OS's 1Sec layout prints one window, the last second: fiveSec, oneMin and fiveMin repeat it. */
  oneSec?: number;
  /** IOS-XE's `show processes cpu platform`: the parent process. */
  ppid?: number;
}

export interface ProcessesCpuData {
  /** "CPU utilization for five seconds: X%/Y%": X total, Y interrupt level. */
  fiveSec?: number;
  interrupt?: number;
  oneMin?: number;
  fiveMin?: number;
  utilizationLine?: number;
  /** IOS-XE per-core lines. */
  cores: { core: number; fiveSec: number; oneMin: number; fiveMin: number; line: number }[];
  /**
   * NX-OS's footer, `CPU util : 2.61% user, 15.70% kernel, 81.67% idle` (the last second). Then fiveSec is its busy
   * share (100 - idle): NX-OS prints no interrupt share (kernel time is not interrupt level), so `interrupt` stays unset.
   */
  util?: { user: number; kernel: number; idle: number; line: number };
  processes: ProcessCpu[];
}

// "CPU utilization for five seconds: 29%/15%; one minute: 19%; five minutes: 19%" (the /Y part is absent on some
// platforms, and on IOS-XE per-core lines, which start with "Core N:").
// IOS-XE's `show processes cpu platform` separates the windows with commas.
const UTILIZATION =
  /^\s*(?:Core\s+(\d+):\s*)?CPU utilization for five seconds:\s*(\d+(?:\.\d+)?)%(?:\s*\/\s*(\d+(?:\.\d+)?)%)?[;,]\s*one minute:\s*(\d+(?:\.\d+)?)%[;,]\s*five minutes:\s*(\d+(?:\.\d+)?)%\s*$/i;
/** NX-OS's footer: `CPU util  :    2.61% user,   15.70% kernel,   81.67% idle`. */
const NX_UTIL = /^\s*CPU util\s*:\s*(\d+(?:\.\d+)?)% user,\s*(\d+(?:\.\d+)?)% kernel,\s*(\d+(?:\.\d+)?)% idle\s*$/i;
/** Header words: a header wrapped by a web page (`PID Runtime(ms) Invoked uSecs` / `5Sec 1Min ...`) comes in pieces. */
const HEADER_WORDS = new Set(['pid', 'runtime(ms)', 'invoked', 'usecs', '5sec', '1min', '5min', 'tty', 'process']);
/** IOS's header; NX-OS's 1Sec layout (`PID Runtime(ms) Invoked uSecs 1Sec Process`); IOS-XE's platform table. */
const HEADER =
  /^\s*(PID\s+Runtime\(ms\)\s+Invoked\s+uSecs\s+(5Sec\s+1Min\s+5Min\s+TTY|1Sec)\s+Process|Pid\s+PPid\s+5Sec\s+1Min\s+5Min\s+Status\s+Size\s+Name)\s*$/i;
/** The rules NX-OS and IOS-XE draw under their headers (`-----  -----------  ...`, a row of dashes). */
const RULE_LINE = /^\s*-{3,}(\s+-{3,})*\s*$/;
/**
 * Lines that are known not to carry facts, skipped silently: the exec prompt timestamp (`terminal exec prompt
 * timestamp` prints "Load for five secs" and "Time source is" before every command; the utilization line that
 * follows carries the same figures) and the IOS-XE footer pointing at `show processes cpu platform`.
 */
const NOISE: RegExp[] = [
  ...EXEC_PROMPT_TIMESTAMP_LINES,
  /^\s*This command only shows processes inside the IOS daemon\.\s*$/i,
  /^\s*Please use 'show processes cpu platform'\s*$/i,
  /^\s*to show processes from the underlying operating system\.\s*$/i,
  /^\s*Please note that only processes from the requested vdc are shown above\s*$/i,
];

/** What a row's start is made of: its PID, then counters and percentages. */
const ROW_START = /^\s*\d+(?:\s+\d+(?:\.\d*)?%?)*\s*$/;

/** A table's layout: IOS's 5Sec/1Min/5Min/TTY, NX-OS's 1Sec, IOS-XE's platform table. */
type Layout = 'ios' | 'nx' | 'platform';

function layoutOf(r: CpuRow): Layout {
  return r.oneSec !== undefined ? 'nx' : r.ppid !== undefined ? 'platform' : 'ios';
}

/**
 * A last line the paste stops inside (no line end after it) that is shorter than the table's layout: no row at all, a
 * row of another layout (`9 136 293117 0 0.00% 0.00`, an IOS row cut in its 1Min column, reads as NX-OS's 1Sec layout
 * with a process named `0.00`), or a row with no name where the rows above have one.
 */
function cutShort(line: string, layout: Layout | undefined, named: boolean): boolean {
  const r = readCpuRow(line);
  if (!r) return !readsAlone(line);
  if (layout !== undefined && layoutOf(r) !== layout) return true;
  return named && r.name === '';
}

function toProcess(r: CpuRow, line: number): ProcessCpu {
  const p: ProcessCpu = { pid: r.pid, name: r.name, fiveSec: r.fiveSec, oneMin: r.oneMin, fiveMin: r.fiveMin, line };
  if (r.runtimeMs !== undefined) p.runtimeMs = r.runtimeMs;
  if (r.invoked !== undefined) p.invoked = r.invoked;
  if (r.uSecs !== undefined) p.uSecs = r.uSecs;
  if (r.tty >= 0) p.tty = r.tty;
  if (r.oneSec !== undefined) p.oneSec = r.oneSec;
  if (r.ppid !== undefined) p.ppid = r.ppid;
  return p;
}

/** Lines that read as something of their own, so never as a wrapped name's tail. */
function readsAlone(line: string): boolean {
  return readCpuRow(line) !== null || UTILIZATION.test(line) || NX_UTIL.test(line) || HEADER.test(line) || RULE_LINE.test(line) || isHeaderFragment(line, HEADER_WORDS) || NOISE.some((re) => re.test(line));
}

export const processesCpuParser: ParserDef<'show processes cpu', ProcessesCpuData> = {
  kind: 'show processes cpu',
  commands: ['show processes cpu', 'show processes cpu sorted', 'show processes cpu platform', 'show processes cpu sort'],

  sniff(section: Section): number {
    // Bare rows (an `| include` capture without the header) are still a strong shape: 9 numeric columns + name.
    return sniffRows(section, 40, (l) => {
      // `show processes cpu history` draws a graph under "CPU% per second": another command.
      if (/CPU% per (second|minute|hour)/i.test(l)) return 0;
      if (HEADER.test(l) || UTILIZATION.test(l) || NX_UTIL.test(l)) return 0.95;
      return readCpuRow(l) ? 'row' : null;
    });
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const data: ProcessesCpuData = { cores: [], processes: [] };
    // Rows whose glued counters were split by the uSecs formula, and how well the other rows bear it out.
    const split: ProcessCpu[] = [];
    let checked = 0;
    let fitting = 0;
    /** The table's layout, from its header or its first row; whether its rows so far had a process name. */
    let layout: Layout | undefined;
    let named = false;
    for (let i = section.from; i < section.to; i++) {
      const line = section.lines[i]!;
      if (line.trim() === '') continue;
      const h = HEADER.exec(line);
      if (h) layout = /^Pid\s+PPid/i.test(h[1]!) ? 'platform' : /1Sec/i.test(h[1]!) ? 'nx' : 'ios';
      // The paste stops inside its last line: a row shorter than the table's layout is cut, not a row to read.
      if (endsUnended(section.lines, i) && cutShort(line, layout, named)) {
        warnings.push(cutLineWarning(i, line));
        continue;
      }
      // A row cut at the terminal or mail width is read joined when it does not read alone.
      const wrapped = readWrapped(section.lines, i, section.to, readCpuRow);
      if (wrapped) {
        const row = wrapped.value;
        let last = i + wrapped.lines - 1;
        // A name cut at the terminal width (`SIS Punt` / `Process`): its tail alone on the next line.
        // (Not the start of a row the paste stops inside: `9 136 293117` after `Serial Backgroun` is no name's tail.)
        const tailCut = last + 1 < section.to && endsUnended(section.lines, last + 1) && ROW_START.test(section.lines[last + 1]!);
        const joined = last + 1 < section.to && !tailCut ? joinNameTail(row.name, section.lines[last]!, section.lines[last + 1]!, readsAlone) : null;
        if (joined !== null) {
          row.name = joined;
          last++;
        }
        layout ??= layoutOf(row);
        if (row.name !== '') named = true;
        const p = toProcess(row, i + 1);
        data.processes.push(p);
        if (row.split) split.push(p);
        else if (p.invoked! > 0) {
          checked++;
          if (fits(p.runtimeMs!, p.invoked!, p.uSecs!)) fitting++;
        }
        if (row.unknown) warnings.push({ line: i + 1, message: `process "${row.name}": ${row.unknown} ran together, left unknown` });
        i = last;
        continue;
      }
      // The utilization line cut at a mail's width ("...; five" / "minutes: 99%") reads joined too.
      const uw = readWrapped(section.lines, i, section.to, (t) => UTILIZATION.exec(t));
      const u = uw?.value;
      if (uw && u) {
        if (u[1] !== undefined) {
          data.cores.push({ core: +u[1], fiveSec: +u[2]!, oneMin: +u[4]!, fiveMin: +u[5]!, line: i + 1 });
        } else if (data.utilizationLine !== undefined && data.utilizationLine !== data.util?.line) {
          warnings.push(unreadLine(i, line, 'second CPU utilization line, the first one is kept'));
        } else {
          data.fiveSec = +u[2]!;
          if (u[3] !== undefined) data.interrupt = +u[3];
          data.oneMin = +u[4]!;
          data.fiveMin = +u[5]!;
          data.utilizationLine = i + 1;
        }
        i += uw.lines - 1;
        continue;
      }
      const nx = NX_UTIL.exec(line);
      if (nx && data.util === undefined) {
        data.util = { user: +nx[1]!, kernel: +nx[2]!, idle: +nx[3]!, line: i + 1 };
        // The busy share of the last second stands in for the five-second figure when no utilization line came first.
        if (data.utilizationLine === undefined) {
          data.fiveSec = Math.round((100 - data.util.idle) * 100) / 100;
          data.utilizationLine = i + 1;
        }
        continue;
      }
      if (HEADER.test(line) || RULE_LINE.test(line) || isHeaderFragment(line, HEADER_WORDS) || NOISE.some((re) => re.test(line))) continue;
      warnings.push(unreadLine(i, line));
    }
    // IOS-XE's uSecs does not follow Runtime * 1000 / Invoked: where the table's own rows disagree with the
    // formula, a split by it is a guess, so those counters stay unknown.
    if (split.length > 0 && checked > 0 && fitting < 0.9 * checked) {
      for (const p of split) {
        delete p.runtimeMs;
        delete p.invoked;
        delete p.uSecs;
        warnings.push({ line: p.line, message: `process "${p.name}": runtime, invoked and uSecs ran together, left unknown` });
      }
      warnings.sort((a, b) => a.line - b.line);
    }
    return { data, records: data.processes.length, warnings };
  },
};
