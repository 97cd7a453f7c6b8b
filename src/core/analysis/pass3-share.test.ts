// Pass 3 judged in two shares (the CLI's other thread takes the hosts past a split point: usePass3Helper) must give
// exactly the analysis of one pass, whichever hosts fall in the share, and the same when the helper fails.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { FlowColumns } from '../parsers/show-ip-cache-flow/flow-columns';
import type { FlowTable } from '../parsers/flow-table';
import { analyseFanOut } from './fan-out';
import { judgeShare, type Pass3Job, type Pass3Result, splitPoint, usePass3Helper } from './fan-out-pass3';
import type { FlowSource } from './flow-facts';

const IFS = ['Vl1', 'Fa0/0', 'Null0', 'Gi0/1'];

/**
 * Rows from a seed: clean sources to a few servers (some on several interfaces), and scanners that start late (so
 * some are among the share's hosts) and probe one pool of public targets (so flagged hosts share targets).
 */
function table(seed: number, n: number, scanners: number, multiIf: boolean): FlowTable {
  const c = new FlowColumns(n);
  for (const name of IFS) c.ifIndexOfName(name);
  let a = seed >>> 0;
  const next = () => (a = (Math.imul(a, 1103515245) + 12345) >>> 0);
  const pool = Array.from({ length: 40 }, () => (0x40000000 + (next() % 0x7f000000)) >>> 0);
  for (let i = 0; i < n; i++) {
    const r = next();
    const late = i > n / 3;
    const scanner = late && scanners > 0 && r % 4 === 0;
    const k = c.reserve();
    const s = scanner ? 0x0b000000 + (r >>> 3) % scanners : 0x0a000000 + ((r >>> 3) % (late ? 90 : 60));
    c.src[k] = s >>> 0;
    c.dst[k] = scanner ? (r & 64 ? pool[(r >>> 9) % pool.length]! : next()) : (0x08080800 + (r % 30)) >>> 0;
    // A source keeps one interface unless multiIf: then some change row by row.
    c.srcIf[k] = 1 + (multiIf && r % 3 === 0 ? (r >>> 8) % IFS.length : s % IFS.length);
    c.dstIf[k] = 1 + ((r >>> 12) % IFS.length);
    c.proto[k] = scanner ? 6 : [6, 6, 17, 1][(r >>> 4) % 4]!;
    c.srcPort[k] = 1024 + ((r >>> 6) % 5000);
    c.dstPort[k] = scanner ? 80 : [80, 445, 53, 0x0800][(r >>> 4) % 4]!;
    c.packets[k] = scanner ? 1 + ((r >>> 5) % 2) : 1 + ((r >>> 10) % 30);
    c.bytes[k] = r & 128 ? NaN : 40 * c.packets[k]!;
    c.line[k] = i + 1;
    c.offset[k] = i * 80;
    c.n = k + 1;
  }
  return c.finish().table;
}

const src = (flows: FlowTable, source = 'f'): FlowSource => ({ source, kind: 'show ip cache flow', flows });
const plain = (hosts: ReturnType<typeof analyseFanOut>) => JSON.stringify(hosts, (_k, v) => (v instanceof Map ? [...v] : v));

/** A helper on this thread, as a thread would see the job and its answer: copies (structuredClone) of plain data. */
function inProcess(seen: Pass3Job[], fail = false) {
  return {
    start(job: Pass3Job) {
      const copy = structuredClone(job);
      seen.push(copy);
      return (): Pass3Result | undefined => (fail ? undefined : structuredClone(judgeShare(copy)));
    },
  };
}

afterEach(() => usePass3Helper(undefined));

describe('pass 3 in shares (usePass3Helper)', () => {
  it('gives the analysis of one pass, whichever hosts the share holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 2, max: 3000 }), fc.integer({ min: 0, max: 12 }), fc.boolean(), fc.boolean(), (seed, n, scanners, multiIf, fail) => {
        const t = table(seed, n, scanners, multiIf);
        const other = table(seed + 1, 40, 1, false);
        const want = plain(analyseFanOut([src(t), src(other, 'g')]));
        const jobs: Pass3Job[] = [];
        usePass3Helper(inProcess(jobs, fail), 1);
        const got = plain(analyseFanOut([src(t), src(other, 'g')]));
        usePass3Helper(undefined);
        expect(jobs.length).toBe(1);
        expect(jobs[0]!.hosts).toBeGreaterThan(0);
        expect(got).toBe(want);
      }),
      { numRuns: 60 },
    );
  });

  it('lets the share judge flagged hosts, and joins their shared targets and other services', () => {
    // Scanners only in the last two thirds: with the split near the middle of the work, the share holds some.
    const t = table(7, 3000, 8, true);
    const want = analyseFanOut([src(t)]);
    const jobs: Pass3Job[] = [];
    usePass3Helper(inProcess(jobs), 1);
    const got = analyseFanOut([src(t)]);
    const shareFlagged = jobs.reduce((n, j) => n + judgeShare(structuredClone(j)).nFlagged, 0);
    expect(shareFlagged).toBeGreaterThan(0);
    expect(want.some((h) => h.verdict !== 'clean' && (h.sharedTargetsWith?.length ?? 0) > 0)).toBe(true);
    expect(plain(got)).toBe(plain(want));
  });

  it('is not asked below the size given (a small capture is judged on this thread)', () => {
    const jobs: Pass3Job[] = [];
    usePass3Helper(inProcess(jobs), 5000);
    analyseFanOut([src(table(3, 4000, 2, false))]);
    expect(jobs.length).toBe(0);
    analyseFanOut([src(table(3, 6000, 2, false))]);
    expect(jobs.length).toBe(1);
  });
});

describe('splitPoint', () => {
  it('leaves about half of the work (a row one, a host four) on each side', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 400 }), (rows) => {
        const start = new Int32Array(rows.length + 1);
        rows.forEach((r, k) => (start[k + 1] = start[k]! + r));
        const n = rows.length;
        const k = splitPoint(start, n);
        const work = (h: number) => start[h]! + 4 * h;
        const total = work(n);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThanOrEqual(n);
        // The first host at which the work before it reaches half.
        expect(2 * work(k)).toBeGreaterThanOrEqual(total);
        if (k > 0) expect(2 * work(k - 1)).toBeLessThan(total);
      }),
    );
  });
});
