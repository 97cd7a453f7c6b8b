// `show processes cpu`: five-second/interrupt, one and five minute load, and per-process percentages.
// PLACEHOLDER (issue 3): the facts below are the agreed shape; the parser does not read them yet.
import { notYetRead } from '../not-yet-read';
import type { ParserDef } from '../parser-types';

export interface ProcessCpu {
  pid: number;
  name: string;
  fiveSec: number;
  oneMin: number;
  fiveMin: number;
  line: number;
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

export const processesCpuParser: ParserDef<'show processes cpu', ProcessesCpuData> = {
  kind: 'show processes cpu',
  commands: ['show processes cpu', 'show processes cpu sorted'],
  sniff: () => 0,
  parse: (section) => notYetRead<ProcessesCpuData>(section, { cores: [], processes: [] }),
};
