// The scanner's warm-up text must take the row loop's every path, or warming up on it primes nothing.
import { describe, expect, it } from 'vitest';
import { FlowDumpScanner } from '../core/big-paste/prescan';
import { FlowColumns } from '../core/parsers/show-ip-cache-flow/flow-columns';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { columnBuffers } from '../core/parsers/show-ip-cache-flow/flow-columns';
import { PRIME_TEXT, primeScanner, runScanWorker, scanFileRange, type SegmentPlan, workerFailedSlot } from './flow-scan';

describe('primeScanner', () => {
  it('reads its text as rows on changing interfaces (growing the columns), with CR, suffixed and text lines between', () => {
    const bytes = Buffer.from(PRIME_TEXT, 'latin1');
    const s = new FlowDumpScanner(bytes.length, false, new FlowColumns(16));
    s.feed(bytes, bytes.length, 0, true);
    const rows = s.rowsSoFar();
    // 40 clean rows by the fast loop, the CR row and the `1K` row by the text path (which still reads them as rows).
    expect(rows.count).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.srcIf.subarray(0, rows.count)).size).toBe(3);
    expect(rows.ifNames).toEqual(expect.arrayContaining(['Fa0/0', 'Gi0/1.100', 'Po12', 'Null', 'Fa0/1']));
    const text = s.textPart();
    expect(text.text.some((t) => t.includes('show ip cache flow'))).toBe(true);
    expect(text.text.length).toBeGreaterThanOrEqual(3);
  });

  it('runs without a first pass and with one, feeding each table in two steps', () => {
    const counts: number[] = [];
    primeScanner(() => (rows) => counts.push(rows.count));
    expect(counts).toHaveLength(4);
    expect(counts[0]!).toBeGreaterThan(0);
    expect(counts[0]!).toBeLessThan(counts[1]!);
    expect(() => primeScanner()).not.toThrow();
  });
});

describe('scanFileRange', () => {
  it('reads the same rows and lines in any chunk size, lines longer than a chunk included, calling back after each', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crt-scan-'));
    try {
      const long = `Router#show ip cache flow ${'x'.repeat(5000)}`;
      const text = `${PRIME_TEXT}\n${long}\n${PRIME_TEXT}\n${long}`;
      const file = join(dir, 'dump.txt');
      writeFileSync(file, text, 'latin1');
      const read = (chunk?: number) => {
        const s = new FlowDumpScanner(text.length, false, new FlowColumns(16));
        let calls = 0;
        const fd = openSync(file, 'r');
        try {
          scanFileRange(fd, 0, text.length, s, () => calls++, chunk);
        } finally {
          closeSync(fd);
        }
        const rows = s.rowsSoFar();
        return { rows: rows.count, packets: Array.from(rows.packets.subarray(0, rows.count)), text: s.textPart().text, calls };
      };
      const whole = read();
      expect(whole.text).toContain(long);
      for (const chunk of [64, 1000, 4096, 1 << 16]) {
        const r = read(chunk);
        expect({ ...r, calls: 0 }).toEqual({ ...whole, calls: 0 });
        expect(r.calls).toBeGreaterThan(chunk >= 1000 && chunk <= 4096 ? 2 : 0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('runScanWorker', () => {
  it('says it failed (so the main thread stops waiting for it) when it cannot read the file, and passes the error on', () => {
    const plan: SegmentPlan = {
      file: join(tmpdir(), `crt-missing-${process.pid}.txt`),
      bounds: [0, 100, 200, 300],
      regions: [0, 10, 20, 30],
      bufs: columnBuffers(30, (n) => new SharedArrayBuffer(n)),
      claim: new SharedArrayBuffer(4),
      ifNames: [],
      stamp: -1,
    };
    const { port1, port2 } = new MessageChannel();
    const done = new SharedArrayBuffer(4 * plan.bounds.length);
    try {
      expect(() => runScanWorker({ kind: 'code-red-triage/flow-scan', plan, port: port2, done })).toThrow(/ENOENT/);
      expect(Atomics.load(new Int32Array(done), workerFailedSlot(plan))).toBe(1);
      // No segment was marked read.
      expect(Array.from(new Int32Array(done)).slice(0, -1)).toEqual([0, 0, 0]);
    } finally {
      port1.close();
    }
  });
});
