// `show processes cpu`: five-second/interrupt, one and five minute load, and per-process percentages.
import type { Warning } from '../../types';
import { unreadLine } from '../../text/lines';
import { readWrapped } from '../../text/wrap';
import type { ParserDef, Section } from '../parser-types';
import { EXEC_PROMPT_TIMESTAMP_LINES } from '../shared/exec-prompt-timestamp';
import { sniffRows } from '../shared/sniff-rows';

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
  processes: ProcessCpu[];
}

// "CPU utilization for five seconds: 29%/15%; one minute: 19%; five minutes: 19%" (the /Y part is absent on some
// platforms, and on IOS-XE per-core lines, which start with "Core N:").
const UTILIZATION =
  /^\s*(?:Core\s+(\d+):\s*)?CPU utilization for five seconds:\s*(\d+(?:\.\d+)?)%(?:\s*\/\s*(\d+(?:\.\d+)?)%)?;\s*one minute:\s*(\d+(?:\.\d+)?)%;\s*five minutes:\s*(\d+(?:\.\d+)?)%\s*$/i;
// PID Runtime(ms) Invoked uSecs 5Sec 1Min 5Min TTY Process: percentages with "%" on IOS, bare on IOS-XE sorted
// output; the process name may hold spaces ("IP Input") or be cut at 16 characters, or be empty.
const ROW =
  /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+(?:\.\d+)?)%?\s+(\d+(?:\.\d+)?)%?\s+(\d+(?:\.\d+)?)%?\s+(\d+)(?:\s+(\S(?:[^]*\S)?))?\s*$/;
const HEADER = /^\s*PID\s+Runtime\(ms\)\s+Invoked\s+uSecs\s+5Sec\s+1Min\s+5Min\s+TTY\s+Process\s*$/i;
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
];

export const processesCpuParser: ParserDef<'show processes cpu', ProcessesCpuData> = {
  kind: 'show processes cpu',
  commands: ['show processes cpu', 'show processes cpu sorted'],

  sniff(section: Section): number {
    // Bare rows (an `| include` capture without the header) are still a strong shape: 9 numeric columns + name.
    return sniffRows(section, 40, (l) => {
      // `show processes cpu history` draws a graph under "CPU% per second": another command.
      if (/CPU% per (second|minute|hour)/i.test(l)) return 0;
      if (HEADER.test(l) || UTILIZATION.test(l)) return 0.95;
      return ROW.test(l) ? 'row' : null;
    });
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const data: ProcessesCpuData = { cores: [], processes: [] };
    for (let i = section.from; i < section.to; i++) {
      const line = section.lines[i]!;
      if (line.trim() === '') continue;
      // A row cut at the terminal or mail width is read joined when it does not read alone.
      const wrapped = readWrapped(section.lines, i, section.to, (text) => ROW.exec(text));
      if (wrapped) {
        const row = wrapped.value;
        data.processes.push({
          pid: +row[1]!,
          name: row[9] ?? '',
          fiveSec: +row[5]!,
          oneMin: +row[6]!,
          fiveMin: +row[7]!,
          line: i + 1,
          runtimeMs: +row[2]!,
          invoked: +row[3]!,
          uSecs: +row[4]!,
          tty: +row[8]!,
        });
        i += wrapped.lines - 1;
        continue;
      }
      const u = UTILIZATION.exec(line);
      if (u) {
        if (u[1] !== undefined) {
          data.cores.push({ core: +u[1], fiveSec: +u[2]!, oneMin: +u[4]!, fiveMin: +u[5]!, line: i + 1 });
        } else if (data.utilizationLine !== undefined) {
          warnings.push(unreadLine(i, line, 'second CPU utilization line, the first one is kept'));
        } else {
          data.fiveSec = +u[2]!;
          if (u[3] !== undefined) data.interrupt = +u[3];
          data.oneMin = +u[4]!;
          data.fiveMin = +u[5]!;
          data.utilizationLine = i + 1;
        }
        continue;
      }
      if (HEADER.test(line) || NOISE.some((re) => re.test(line))) continue;
      warnings.push(unreadLine(i, line));
    }
    return { data, records: data.processes.length, warnings };
  },
};
