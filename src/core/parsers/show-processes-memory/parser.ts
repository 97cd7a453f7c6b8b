// `show processes memory`: pool totals and memory held per process (ARP Input, IP Input, CEF...).
// PLACEHOLDER (issue 3): the facts below are the agreed shape; the parser does not read them yet.
import { notYetRead } from '../not-yet-read';
import type { ParserDef } from '../parser-types';

export interface MemoryPoolTotals {
  name: string;
  total: number;
  used: number;
  free: number;
  line: number;
}

export interface ProcessMemory {
  pid: number;
  allocated: number;
  freed: number;
  holding: number;
  name: string;
  line: number;
}

export interface ProcessesMemoryData {
  pools: MemoryPoolTotals[];
  processes: ProcessMemory[];
}

export const processesMemoryParser: ParserDef<'show processes memory', ProcessesMemoryData> = {
  kind: 'show processes memory',
  commands: ['show processes memory', 'show processes memory sorted'],
  sniff: () => 0,
  parse: (section) => notYetRead<ProcessesMemoryData>(section, { pools: [], processes: [] }),
};
