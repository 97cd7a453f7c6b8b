// `show memory summary`: the memory pool table and allocator lines grouped by What.
// PLACEHOLDER (issue 3): the facts below are the agreed shape; the parser does not read them yet.
import { notYetRead } from '../not-yet-read';
import type { ParserDef } from '../parser-types';

export interface MemoryPool {
  name: string;
  total: number;
  used: number;
  free: number;
  lowest?: number;
  largest?: number;
  line: number;
}

export interface MemorySummaryData {
  pools: MemoryPool[];
  /** Allocator lines (Alloc PC, Size, Blocks, Bytes, What). */
  allocators: { pc: string; size: number; blocks: number; bytes: number; what: string; line: number }[];
  /** Allocator lines grouped by What, largest bytes first. */
  byWhat: { what: string; blocks: number; bytes: number }[];
}

export const memorySummaryParser: ParserDef<'show memory summary', MemorySummaryData> = {
  kind: 'show memory summary',
  commands: ['show memory summary', 'show memory statistics'],
  sniff: () => 0,
  parse: (section) => notYetRead<MemorySummaryData>(section, { pools: [], allocators: [], byWhat: [] }),
};
