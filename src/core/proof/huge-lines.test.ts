// Enormous lines (issues 8 and 12): a 3 MB or 1 MB single line through every parser, the splitter, the normaliser,
// the command index and diagnose(): no exception, output within the contract, and no runaway regex (each case in
// a child process with a hard timeout, its CPU time bounded as a multiple of a linear scan of the same line).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PARSERS } from '../parsers/registry';
import { SHAPES, type CaseResult } from './huge-lines';

/** One case (a parser on one 3 MB line) may take this long on a loaded 2-core machine; linear work takes ~50 ms. */
const CASE_LIMIT_MS = Number(process.env.HUGE_CASE_LIMIT_MS) || 4000;
const CHILD_TIMEOUT_MS = 150_000;

interface ChildRun {
  results: CaseResult[];
  /** The case that was running when the child died or was killed, if any. */
  stuck?: string;
  status: number | null;
  stderr: string;
}

function runChild(shapes: readonly string[]): ChildRun {
  const helper = pathToFileURL(join(__dirname, 'huge-lines.ts')).href;
  const code = `
    const m = await import(${JSON.stringify(helper)});
    const out = (s) => process.stdout.write(s + '\\n');
    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    m.runHugeLineCases(${JSON.stringify(shapes)}, cpu, (n) => out('START ' + n), (r) => out('DONE ' + JSON.stringify(r)));
  `;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: join(__dirname, '../../..'),
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const results: CaseResult[] = [];
  let running: string | undefined;
  for (const line of (r.stdout ?? '').split('\n')) {
    if (line.startsWith('START ')) running = line.slice(6);
    else if (line.startsWith('DONE ')) {
      results.push(JSON.parse(line.slice(5)) as CaseResult);
      running = undefined;
    }
  }
  return { results, status: r.status, stderr: String(r.stderr ?? '').slice(0, 2000), ...(running ? { stuck: running } : {}) };
}

/** The unit suite runs the shapes most likely to trip a regex; `npm run fuzz` (FUZZ_RUNS set) runs them all. */
const ONE_MB = Object.keys(SHAPES).filter((s) => s.startsWith('1 MB'));
const UNIT_SHAPES = ['flow rows joined', 'space runs', 'log messages', 'punctuation soup', ...ONE_MB];
/** Shapes per child process: each child stays well inside its timeout on a loaded machine. */
const SHAPES_PER_CHILD = 3;

/**
 * CPU time of one case over a linear scan of its line. Linear work on a 1 MB line (normalise, split, tokenise,
 * diagnose) measures 5-150 scans; one quadratic regex on it is millions. The floor keeps a sub-millisecond scan
 * from turning timer noise into a failure.
 */
const MAX_SCAN_RATIO = Number(process.env.HUGE_MAX_SCAN_RATIO) || 400;
const SCAN_FLOOR_MS = 2;

describe('a 3 MB single line', () => {
  const shapes = process.env.FUZZ_RUNS ? Object.keys(SHAPES) : UNIT_SHAPES;
  let run: ChildRun;

  const groups = Array.from({ length: Math.ceil(shapes.length / SHAPES_PER_CHILD) }, (_, i) => shapes.slice(i * SHAPES_PER_CHILD, (i + 1) * SHAPES_PER_CHILD));
  it('runs every case to the end (no hang, no crash)', { timeout: groups.length * (CHILD_TIMEOUT_MS + 10_000) }, () => {
    run = { results: [], status: 0, stderr: '' };
    for (const g of groups) {
      const part = runChild(g);
      run.results.push(...part.results);
      if (part.stuck || part.status !== 0) {
        run = { ...part, results: run.results };
        break;
      }
    }
    expect(run.stuck, `killed or crashed while running "${run.stuck}"; stderr: ${run.stderr}`).toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    // scan, normalise, command index, split + parsers + diagnose without echo + diagnose after each echo, per shape.
    expect(run.results).toHaveLength(shapes.length * (5 + 2 * PARSERS.length));
  });

  it('never throws', () => {
    expect(run.results.filter((r) => r.error).map((r) => `${r.name}: ${r.error}`)).toEqual([]);
  });

  it('keeps the contract (records, warnings on line 1..2, the line read or warned about)', () => {
    expect(run.results.filter((r) => r.problems).map((r) => `${r.name}: ${r.problems!.join('; ')}`)).toEqual([]);
  });

  it(`takes under ${CASE_LIMIT_MS} ms per case`, () => {
    const slow = run.results.filter((r) => r.ms > CASE_LIMIT_MS).map((r) => `${r.name}: ${Math.round(r.ms)} ms`);
    const top = [...run.results].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.info(`slowest 3 MB cases: ${top.map((r) => `${r.name} ${Math.round(r.ms)} ms`).join(', ')}`);
    expect(slow).toEqual([]);
  });

  it(`takes at most ${MAX_SCAN_RATIO} times a linear scan of the same line per case (CPU time)`, () => {
    const scans = new Map(run.results.filter((r) => r.name.endsWith(': linear scan')).map((r) => [r.name.slice(0, -': linear scan'.length), Math.max(r.ms, SCAN_FLOOR_MS)]));
    const ratio = (r: { name: string; ms: number }) => r.ms / scans.get(r.name.slice(0, r.name.indexOf(': ')))!;
    const worst = [...run.results].sort((a, b) => ratio(b) - ratio(a)).slice(0, 5);
    console.info(`highest ratios to a linear scan: ${worst.map((r) => `${r.name} ${ratio(r).toFixed(0)}x`).join(', ')}`);
    expect(run.results.filter((r) => ratio(r) > MAX_SCAN_RATIO).map((r) => `${r.name}: ${ratio(r).toFixed(0)}x a scan`)).toEqual([]);
  });
});
