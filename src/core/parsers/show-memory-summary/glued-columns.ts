// Pool and allocator lines whose numbers ran together (big pools, long uptimes), split where arithmetic says how.
//
// A pool's Used + Free is its Total, and Lowest and Largest never exceed Free; an allocator's Bytes is Size x
// Blocks. So when two columns are glued, each way of cutting the digits is tried and only the cuts that keep those
// sums are kept: one cut left is the answer; cuts that agree on some columns give those, the rest stay unknown.

export interface GluedPool {
  name: string;
  total: number;
  used: number;
  free: number;
  lowest?: number;
  largest?: number;
  corrupted?: true;
  lostBlocks?: true;
  /** Columns that could not be split for sure, in words. */
  unknown?: string;
}

const NUMBER = /^>?(?:0|[1-9]\d*)$/;
const HEX = /^[0-9A-Fa-f]+$/;
const COUNTER = /^(?:0|[1-9]\d*)$/;

/** Two-way cuts of a digit string into counters (no leading zeros). */
function cuts(s: string, left: RegExp = COUNTER): [string, string][] {
  const out: [string, string][] = [];
  for (let k = 1; k < s.length; k++) {
    const a = s.slice(0, k);
    const b = s.slice(k);
    if (left.test(a) && COUNTER.test(b)) out.push([a, b]);
  }
  return out;
}

const COLUMNS = ['total', 'used', 'free', 'lowest', 'largest'] as const;

/**
 * A pool row (under the `Head Total(b) Used(b) ...` header) with one pair of columns glued. Null when it is not
 * such a row, or when no cut keeps the pool's sums.
 */
export function readGluedPool(line: string): GluedPool | null {
  // IOS's lost-blocks flag `>` glued after a number (`16209792>77410240`), or `Corrupted` glued to Lowest, still
  // separates two columns.
  const t = line.trim().split(/\s+/).flatMap((x) => x.replace(/(?<=\d)>/g, ' >').replace(/(?<=\d)Corrupted$/, ' Corrupted').split(' '));
  const corrupted = t[t.length - 1] === 'Corrupted';
  const nums = corrupted ? t.slice(0, -1) : t.slice();
  // Head plus the numbers (largest is absent for a corrupted pool), or one token fewer when two ran together.
  const cols = corrupted ? 4 : 5;
  const found: number[][] = [];
  const tryValues = (v: number[]) => {
    const [total, used, free, lowest, largest] = v as [number, number, number, number, number?];
    if (used + free === total && lowest <= free && (largest === undefined || largest <= free)) found.push(v);
  };
  const whole = nums.slice(nums.length - cols);
  if (nums.length > cols + 1 && whole.every((x) => NUMBER.test(x)) && HEX.test(nums[nums.length - cols - 1]!)) {
    // Nothing glued once the flags are split off.
    tryValues(whole.map((x) => +x.replace(/^>/, '')));
    if (found.length === 1) {
      const v = found[0]!;
      const pool: GluedPool = { name: nums.slice(0, nums.length - cols - 1).join(' '), total: v[0]!, used: v[1]!, free: v[2]!, lowest: v[3]! };
      if (corrupted) pool.corrupted = true;
      else pool.largest = v[4]!;
      if (t.some((x) => x.startsWith('>'))) pool.lostBlocks = true;
      return pool;
    }
  }
  const want = cols;
  if (nums.length < want + 1) return null;
  const run = nums.slice(nums.length - want);
  const name = nums.slice(0, nums.length - want).join(' ');
  if (!run.every((x) => NUMBER.test(x) || (x === run[0] && HEX.test(x)))) return null;
  const lost = run.some((x) => x.startsWith('>'));
  const bare = run.map((x) => x.replace(/^>/, ''));
  // Head glued to Total (the head is hex, Total decimal).
  for (const [, total] of cuts(bare[0]!, HEX)) tryValues([+total, ...bare.slice(1).map(Number)]);
  // Head alone; two counters glued in token k.
  for (let k = 1; k < bare.length; k++) {
    if (!COUNTER.test(bare[k]!)) continue;
    for (const [a, b] of cuts(bare[k]!)) tryValues([...bare.slice(1, k).map(Number), +a, +b, ...bare.slice(k + 1).map(Number)]);
  }
  if (found.length === 0) return null;
  const agreed = (c: number) => found.every((f) => f[c] === found[0]![c]);
  // Total, Used and Free must be certain for the row to say anything about memory.
  if (![0, 1, 2].every(agreed)) return null;
  const pool: GluedPool = { name, total: found[0]![0]!, used: found[0]![1]!, free: found[0]![2]! };
  const unknown: string[] = [];
  for (let c = 3; c < cols; c++) {
    if (agreed(c)) {
      if (c === 3) pool.lowest = found[0]![3]!;
      else pool.largest = found[0]![4]!;
    } else unknown.push(COLUMNS[c]!);
  }
  if (corrupted) pool.corrupted = true;
  if (lost) pool.lostBlocks = true;
  if (unknown.length) pool.unknown = unknown.join(' and ');
  return name === '' ? null : pool;
}

/** An allocator line `PC Size Blocks Bytes What` with Size/Blocks or Blocks/Bytes glued: cut where Bytes = Size x Blocks. */
export function readGluedAllocator(line: string): { pc: string; size: number; blocks: number; bytes: number; what: string } | null {
  if (line.length > 200) return null;
  const m = /^\s*(0x[0-9A-Fa-f]+|0)\s+(\d+)\s+(\d+)\s+(\S(?:[^]*\S)?)\s*$/.exec(line);
  if (!m) return null;
  const [, pc, x, y, what] = m as unknown as [string, string, string, string, string];
  const found: [number, number, number][] = [];
  for (const [s, b] of cuts(x)) if (+s * +b === +y) found.push([+s, +b, +y]);
  for (const [b, bytes] of cuts(y)) if (+x * +b === +bytes) found.push([+x, +b, +bytes]);
  if (found.length !== 1) return null;
  const [size, blocks, bytes] = found[0]!;
  return { pc, size, blocks, bytes, what };
}

/** An IOS-XE `Total(K) Used(K) Free(K)` row with two columns glued: cut where Used + Free = Total. */
export function readGluedKilobytes(line: string): { name: string; total: number; used: number; free: number } | null {
  // A row is short; the lazy name pattern is only ever run on one.
  if (line.length > 200) return null;
  const m = /^\s*(\S(?:.*?\S)?)\s+(\d+)\s+(\d+)\s*$/.exec(line);
  if (!m) return null;
  const [, name, x, y] = m as unknown as [string, string, string, string];
  const found: [number, number, number][] = [];
  for (const [total, used] of cuts(x)) if (+used + +y === +total) found.push([+total, +used, +y]);
  for (const [used, free] of cuts(y)) if (+used + +free === +x) found.push([+x, +used, +free]);
  const same = found.every((f) => f.join() === found[0]!.join());
  if (found.length === 0 || !same) return null;
  const [total, used, free] = found[0]!;
  return { name, total, used, free };
}
