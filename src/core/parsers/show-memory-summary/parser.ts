// `show memory summary` / `show memory statistics`: the memory pool table and allocator lines grouped by What.
import type { Warning } from '../../types';
import { isHeaderFragment, unreadLine } from '../../text/lines';
import type { ParserDef, Section } from '../parser-types';
import { EXEC_PROMPT_TIMESTAMP_START } from '../shared/exec-prompt-timestamp';
import { sniffRows } from '../shared/sniff-rows';
import { readGluedAllocator, readGluedKilobytes, readGluedPool, type GluedPool } from './glued-columns';

export interface MemoryPool {
  name: string;
  total: number;
  used: number;
  free: number;
  lowest?: number;
  largest?: number;
  line: number;
  /** IOS prints "Corrupted" in place of Largest(b) for a pool whose chain is broken. */
  corrupted?: true;
  /** IOS marks the counts with ">" when it found lost blocks while walking the pool. */
  lostBlocks?: true;
}

export interface MemoryAllocator {
  pc: string;
  size: number;
  blocks: number;
  bytes: number;
  what: string;
  line: number;
  /** The pool whose "<Pool> memory" block the line sits in, when the paste shows it. */
  pool?: string;
  /** "What (Free Blocks)": freed blocks last allocated here; not held, so left out of `byWhat`. */
  free?: true;
}

/** The totals IOS prints at the end of each pool block and of the listing ("Pool Summary", "Memory Summary"). */
export interface MemoryTotalLine {
  scope: 'pool' | 'memory';
  /** used: allocated blocks; free: "(Free Blocks)"; headers: "(All Block Headers)". */
  of: 'used' | 'free' | 'headers';
  pool?: string;
  blocks: number;
  bytes: number;
  line: number;
}

export interface MemorySummaryData {
  pools: MemoryPool[];
  /** Allocator lines (Alloc PC, Size, Blocks, Bytes, What). */
  allocators: MemoryAllocator[];
  /** Allocator lines grouped by What, largest bytes first (free blocks left out). */
  byWhat: { what: string; blocks: number; bytes: number }[];
  /** "Pool Summary" / "Memory Summary" lines, when the paste has them. */
  totals?: MemoryTotalLine[];
  /** Pools IOS reported as " Corrupted pool" while listing them. */
  corruptedPools?: string[];
  /** IOS-XE `show memory`: "System memory : 3931592K total, 1506752K used, 2424840K free, 221424K kernel reserved", in bytes. */
  system?: { total: number; used: number; free: number; kernelReserved?: number; lowest?: number; line: number };
}

const POOL_HEADER = /^\s*Head\s+Total\(b\)\s+Used\(b\)\s+Free\(b\)\s+Lowest\(b\)\s+Largest\(b\)\s*$/i;
// Pool names have spaces ("reserve P", "Driver te"); the head is hex and may be all digits; ">" flags lost blocks.
const POOL_ROW = /^\s*(\S(?:.*?\S)?)\s+([0-9A-Fa-f]+)\s+(>?)(\d+)\s+>?(\d+)\s+>?(\d+)\s+(\d+)\s+(?:>?(\d+)|(Corrupted))\s*$/;
const ALLOC_HEADER = /^\s*Alloc PC\s+Size\s+Blocks\s+Bytes\s+What\s*$/i;
// The PC of the summary lines is 0, which IOS prints as a bare "0".
const ALLOC_ROW = /^\s*(0x[0-9A-Fa-f]+|0)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S(?:[^]*\S)?)\s*$/;
const TOTAL_WHAT = /^(Pool|Memory) Summary\s*(?:\((Free Blocks|All Block Headers)\))?$/i;
const FREE_SUFFIX = /(?<!\s)\s*\(Free Blocks\)$/i;
const CORRUPTED_POOL = /^\s*Corrupted pool\s*$/i;
const POOL_TITLE = /^\s*(\S(?:.*?\S)?) memory\s*$/i;
/** Header words: a `| include` filter can leave a fragment of either header (or a garbled one) on its own line. */
const HEADER_WORDS = new Set(['alloc', 'pc', 'size', 'blocks', 'bytes', 'what', 'head', 'total(b)', 'used(b)', 'free(b)', 'lowest(b)', 'largest(b)']);
// IOS-XE `show memory` head: the system line, the lowest line and a Total(K)/Used(K)/Free(K) table.
const SYSTEM = /^\s*System memory\s*:\s*(\d+)K total,\s*(\d+)K used,\s*(\d+)K free(?:,\s*(\d+)K kernel reserved)?\s*$/i;
const LOWEST = /^\s*Lowest\(b\)\s*:\s*(\d+)\s*$/i;
const KB_HEADER = /^\s*Total\(K\)\s+Used\(K\)\s+Free\(K\)\s*$/i;
const KB_ROW = /^\s*(\S(?:.*?\S)?)\s+(\d+)\s+(\d+)\s+(\d+)\s*$/;
/** IOS-XE prints a trace key above `show memory statistics`. */
const TRACEKEY = /^\s*Tracekey\s*:\s*\S+\s*$/i;

export const memorySummaryParser: ParserDef<'show memory summary', MemorySummaryData> = {
  kind: 'show memory summary',
  commands: ['show memory summary', 'show memory statistics'],

  sniff(section: Section): number {
    return sniffRows(section, 30, (l) => {
      if (POOL_HEADER.test(l) || ALLOC_HEADER.test(l)) return 1;
      if (SYSTEM.test(l)) return 0.9;
      return ALLOC_ROW.test(l) ? 'row' : null;
    });
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const data: MemorySummaryData = { pools: [], allocators: [], byWhat: [] };
    let table: 'none' | 'pools' | 'kilobytes' = 'none';
    let pool: string | undefined;
    let glued: GluedPool | null;
    let a: ReturnType<typeof readGluedAllocator>;
    let kb: ReturnType<typeof readGluedKilobytes>;
    for (let i = section.from; i < section.to; i++) {
      const line = section.lines[i]!;
      if (line.trim() === '') continue;
      let m: RegExpExecArray | null;
      if ((m = ALLOC_ROW.exec(line))) {
        const t = TOTAL_WHAT.exec(m[5]!);
        if (t && /^0(x0+)?$/i.test(m[1]!)) {
          const of = t[2] === undefined ? 'used' : /free/i.test(t[2]) ? 'free' : 'headers';
          const total: MemoryTotalLine = { scope: t[1]!.toLowerCase() as 'pool' | 'memory', of, blocks: +m[3]!, bytes: +m[4]!, line: i + 1 };
          if (pool !== undefined && total.scope === 'pool') total.pool = pool;
          (data.totals ??= []).push(total);
          continue;
        }
        const a: MemoryAllocator = { pc: m[1]!, size: +m[2]!, blocks: +m[3]!, bytes: +m[4]!, what: m[5]!.replace(FREE_SUFFIX, ''), line: i + 1 };
        // Bytes is Size times Blocks by definition; anything else means shifted or mistyped columns.
        if (a.size * a.blocks !== a.bytes) {
          warnings.push(unreadLine(i, line, 'allocator line whose Bytes is not Size x Blocks'));
          continue;
        }
        if (pool !== undefined) a.pool = pool;
        if (FREE_SUFFIX.test(m[5]!)) a.free = true;
        data.allocators.push(a);
      } else if (CORRUPTED_POOL.test(line)) {
        (data.corruptedPools ??= []).push(pool ?? '');
      } else if (POOL_HEADER.test(line)) {
        table = 'pools';
      } else if (KB_HEADER.test(line)) {
        table = 'kilobytes';
      } else if (table === 'pools' && (m = POOL_ROW.exec(line))) {
        const p: MemoryPool = { name: m[1]!, total: +m[4]!, used: +m[5]!, free: +m[6]!, lowest: +m[7]!, line: i + 1 };
        if (m[8] !== undefined) p.largest = +m[8];
        else p.corrupted = true;
        if (m[3] === '>') p.lostBlocks = true;
        data.pools.push(p);
      } else if (table === 'pools' && (glued = readGluedPool(line))) {
        const { unknown, ...p } = glued;
        data.pools.push({ ...p, line: i + 1 });
        if (unknown) warnings.push({ line: i + 1, message: `pool "${p.name}": ${unknown} ran together, left unknown` });
      } else if (table === 'kilobytes' && (m = KB_ROW.exec(line))) {
        data.pools.push({ name: m[1]!, total: +m[2]! * 1024, used: +m[3]! * 1024, free: +m[4]! * 1024, line: i + 1 });
      } else if (table === 'kilobytes' && (kb = readGluedKilobytes(line))) {
        data.pools.push({ name: kb.name, total: kb.total * 1024, used: kb.used * 1024, free: kb.free * 1024, line: i + 1 });
      } else if (ALLOC_HEADER.test(line) || isHeaderFragment(line, HEADER_WORDS) || TRACEKEY.test(line) || EXEC_PROMPT_TIMESTAMP_START.test(line)) {
        table = 'none';
      } else if ((m = SYSTEM.exec(line))) {
        data.system = { total: +m[1]! * 1024, used: +m[2]! * 1024, free: +m[3]! * 1024, line: i + 1 };
        if (m[4] !== undefined) data.system.kernelReserved = +m[4] * 1024;
      } else if ((m = LOWEST.exec(line)) && data.system) {
        data.system.lowest = +m[1]!;
      } else if ((m = POOL_TITLE.exec(line))) {
        pool = m[1]!;
        table = 'none';
      } else if ((a = readGluedAllocator(line))) {
        // Size and Blocks, or Blocks and Bytes, ran together: cut where Bytes = Size x Blocks.
        const g: MemoryAllocator = { ...a, what: a.what.replace(FREE_SUFFIX, ''), line: i + 1 };
        if (pool !== undefined) g.pool = pool;
        if (FREE_SUFFIX.test(a.what)) g.free = true;
        data.allocators.push(g);
      } else {
        warnings.push(unreadLine(i, line));
      }
    }
    data.byWhat = groupByWhat(data.allocators);
    return { data, records: data.pools.length + data.allocators.length, warnings };
  },
};

function groupByWhat(allocators: readonly MemoryAllocator[]): MemorySummaryData['byWhat'] {
  const groups = new Map<string, { what: string; blocks: number; bytes: number }>();
  for (const a of allocators) {
    if (a.free) continue;
    const g = groups.get(a.what) ?? { what: a.what, blocks: 0, bytes: 0 };
    g.blocks += a.blocks;
    g.bytes += a.bytes;
    groups.set(a.what, g);
  }
  return [...groups.values()].sort((x, y) => y.bytes - x.bytes || x.what.localeCompare(y.what));
}
