// Time linear in input size (issues 3 and 8): each parser, and diagnose(), on n and 8n copies of a capture's rows.
// Linear work gives a ratio near 8 (up to ~20 when the bigger run crosses into old-generation GC), quadratic
// near 64; the bound sits between. CPU time, not wall time, so a loaded machine does not skew the ratio.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import type { Section } from '../parsers/parser-types';
import { PARSERS } from '../parsers/registry';
import { normaliseLines } from '../text/normalise';
import { folderOf, isCapture, loadCaptures } from './fixture-set';
import { grownLines, rowLineNumbers } from './row-lines';

const MAX_RATIO = Number(process.env.LINEAR_MAX_RATIO) || 32;
/** The small input grows until one run takes this long, so timer noise does not decide the ratio. */
const MIN_BASE_MS = 8;
const MIN_BASE_LINES = 4000;
const MAX_BASE_LINES = 40_000;

/** CPU time of this process in ms (user + system): unlike the wall clock, other processes do not inflate it. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const captures = loadCaptures(fs, join(__dirname, '../parsers'));

function bestOf3(f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = cpuMs();
    f();
    best = Math.min(best, cpuMs() - t0);
  }
  return best;
}

interface Measure {
  base: number;
  big: number;
  lines: number;
  ratio: number;
}

/** Grow until the base run is measurable, then compare with 8 times as many copies. */
function measure(build: (copies: number) => string[], run: (lines: string[]) => void): Measure {
  let copies = 1;
  let lines = build(copies);
  while (lines.length < MIN_BASE_LINES) lines = build((copies *= 2));
  run(lines); // warm up the JIT on this shape
  let base = bestOf3(() => run(lines));
  while (base < MIN_BASE_MS && lines.length < MAX_BASE_LINES) {
    lines = build((copies *= 2));
    base = bestOf3(() => run(lines));
  }
  const bigLines = build(copies * 8);
  run(bigLines);
  const big = bestOf3(() => run(bigLines));
  return { base, big, lines: lines.length, ratio: big / Math.max(base, 0.05) };
}

/** Timer noise on a busy machine can push one ratio up; a real quadratic stays near 64 on every try. */
function measureSteady(build: (copies: number) => string[], run: (lines: string[]) => void): Measure {
  let m = measure(build, run);
  for (let i = 0; i < 2 && m.ratio >= MAX_RATIO; i++) m = measure(build, run);
  return m;
}

/** The fixture in the parser's folder with the most rows read (constructed ones count: speed is about shape). */
function sampleFor(kind: (typeof PARSERS)[number]) {
  let best: { rel: string; lines: string[]; rows: number[] } | undefined;
  for (const c of captures.filter((x) => x.folder === folderOf(kind.kind))) {
    const lines = normaliseLines(c.text);
    const rows = rowLineNumbers(kind.parse({ lines, from: 0, to: lines.length }).data);
    if (!best || rows.length > best.rows.length) best = { rel: c.rel, lines, rows };
  }
  return best;
}

describe('time grows linearly with the number of rows', () => {
  const report: string[] = [];

  for (const p of PARSERS) {
    it(`${p.kind}`, { timeout: 60_000 }, (ctx) => {
      const s = sampleFor(p);
      if (!s) {
        ctx.skip(); // no fixture yet: the meta-test fails for it
        return;
      }
      const m = measureSteady(
        (k) => grownLines(s.lines, s.rows, k),
        (lines) => {
          const section: Section = { lines, from: 0, to: lines.length };
          p.sniff(section);
          p.parse(section);
        },
      );
      report.push(`${p.kind} (${s.rel}, ${s.rows.length} rows): ${m.lines} lines ${m.base.toFixed(1)} ms, x8 ${m.big.toFixed(1)} ms, ratio ${m.ratio.toFixed(1)}`);
      expect(m.ratio, `${p.kind}: 8x the rows took ${m.ratio.toFixed(1)}x the time`).toBeLessThan(MAX_RATIO);
    });
  }

  it('diagnose() on a session of every capture', { timeout: 60_000 }, () => {
    const session = captures.filter(isCapture).map((c) => normaliseLines(c.text));
    const m = measureSteady(
      (k) => Array.from({ length: k }, () => session.flat()).flat(),
      (lines) => diagnose([{ source: 's', text: lines.join('\n') }]),
    );
    report.push(`diagnose session: ${m.lines} lines ${m.base.toFixed(1)} ms, x8 ${m.big.toFixed(1)} ms, ratio ${m.ratio.toFixed(1)}`);
    expect(m.ratio).toBeLessThan(MAX_RATIO);
  });

  it('diagnose() on a flow capture with 8x the rows', { timeout: 60_000 }, () => {
    const flow = PARSERS.find((p) => p.kind === 'show ip cache flow')!;
    const s = sampleFor(flow);
    expect(s?.rows.length).toBeGreaterThan(0);
    const m = measureSteady(
      (k) => grownLines(s!.lines, s!.rows, k),
      (lines) => diagnose([{ source: 'f', text: lines.join('\n') }]),
    );
    report.push(`diagnose flows (${s!.rel}): ${m.lines} lines ${m.base.toFixed(1)} ms, x8 ${m.big.toFixed(1)} ms, ratio ${m.ratio.toFixed(1)}`);
    expect(m.ratio).toBeLessThan(MAX_RATIO);
    console.info(`linear-time:\n  ${report.join('\n  ')}`);
  });
});

describe('the row finder the timing relies on', () => {
  it('finds row lines in arrays and typed arrays, not single objects', () => {
    expect(rowLineNumbers({ ager: { line: 3 }, prefixes: [{ line: 5 }, { line: 6 }], flows: { line: Uint32Array.of(8, 9) } })).toEqual([5, 6, 8, 9]);
    expect(grownLines(['h', 'r1', 'r2', 'f'], [2, 3], 2)).toEqual(['h', 'r1', 'r2', 'r1', 'r2', 'f']);
  });
});
