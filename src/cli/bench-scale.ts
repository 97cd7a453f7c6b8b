// `npm run bench:scale`: every fixture capture grown two ways, to about 20,000 lines and then to four times that, through
// the headless analyzer: the whole capture repeated (many sections: a terminal log of a script run every minute; or
// under a new router name each copy: a fleet's collection), and
// its most common kind of line repeated in place (one long table: an ARP table behind one MAC, a big access list). A
// linear analysis takes at most about four times as long on four times the input (less: Node's start-up is paid
// once); a ratio well past that is work that grows with the square of something in the paste. Found this way on
// 2026-12-04: an ARP table of 40,000 entries took 11 s, 16,000 `show memory summary` snapshots 2.7 s.
// BENCH_SCALE_FILTER=arp runs only the fixtures whose path contains it.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ANALYZER = join(ROOT, 'node_modules/.cache/code-red-triage/analyze.cjs');
const LINES = 20_000;
/** The time ratio (four times the lines) past which a fixture is reported as growing faster than its input. */
const FLAG_RATIO = 4.5;

function fixtures(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...fixtures(p));
    else if (p.includes('/fixtures/') && /\.(txt|log)$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** Wall seconds of `analyze --json file`, its report thrown away. */
function seconds(file: string): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [ANALYZER, '--json', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`analyze failed on ${file}: ${r.stderr.toString().slice(0, 300)}`);
  return (performance.now() - t) / 1000;
}

/** A line's shape: each run of digits as 0, hex-looking words as x, runs of blanks as one. */
const shape = (l: string) => l.replace(/[0-9]+/g, '0').replace(/\b[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}\b/gi, 'x').replace(/\s+/g, ' ').trim();

/** Copy j of a row: its IPv4 addresses moved on by j (parsers and rules key rows by address: copies must differ). */
function vary(line: string, j: number): string {
  if (j === 0) return line;
  return line.replace(/\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b/g, (m, a: string, b: string, c: string, d: string) => {
    if ([a, b, c, d].some((o) => Number(o) > 255)) return m;
    const v = ((((Number(a) << 24) | (Number(b) << 16) | (Number(c) << 8) | Number(d)) >>> 0) + j * 7919) >>> 0;
    return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  });
}

/** The capture with each line of its most common shape (a table's rows) written `times` times in its place; null if none. */
function rowsRepeated(text: string, times: number): string | null {
  const lines = text.split('\n');
  const count = new Map<string, number>();
  for (const l of lines) if (l.trim()) count.set(shape(l), (count.get(shape(l)) ?? 0) + 1);
  const [top, n] = [...count].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (n < 3) return null;
  return lines.flatMap((l) => (l.trim() && shape(l) === top ? Array.from({ length: times }, (_, j) => vary(l, j)) : [l])).join('\n');
}

function main(): number {
  spawnSync(process.execPath, [join(ROOT, 'src/cli/run.mjs'), 'analyze', '--help'], { stdio: 'ignore' });
  const filter = process.env.BENCH_SCALE_FILTER ?? '';
  const files = fixtures(join(ROOT, 'src')).filter((f) => f.includes(filter));
  const small = join(tmpdir(), `code-red-scale-${process.pid}-a.txt`);
  const big = join(tmpdir(), `code-red-scale-${process.pid}-b.txt`);
  const rows: { ratio: number; line: string }[] = [];
  process.stdout.write(
    `${files.length} fixtures, each grown to about ${LINES.toLocaleString('en')} lines and to four times that: the capture repeated (a blank line ` +
      'between copies), the same under a new router name each copy (a fleet), and its commonest kind of line repeated in place\n',
  );
  try {
    for (const f of files) {
      const latin1 = readFileSync(f).toString('latin1');
      const lines = latin1.split('\n').length;
      if (lines < 3 || statSync(f).size === 0) continue;
      const copy = `${latin1.replace(/\n+$/, '')}\n\n`;
      const copies = Math.ceil(LINES / lines);
      const rowsOf = (k: number) => rowsRepeated(latin1, k);
      const rowLines = (rowsOf(1) ?? '').split('\n').length;
      const rowTimes = Math.ceil(LINES / Math.max(1, rowLines));
      // (A fleet's collection: the same commands from many routers, each copy under its own prompt. Found this way on
      // 2026-12-06: a rule's pass over every section for each router, and a copy of the paste for each section sniffed.)
      const host = /^([A-Za-z][\w.-]{0,40})[#>]/m.exec(latin1)?.[1];
      const routers = (k: number) => (host ? Array.from({ length: k * copies }, (_, j) => copy.split(`${host}#`).join(`${host}-${j}#`).split(`${host}>`).join(`${host}-${j}>`)).join('') : null);
      for (const [how, grown] of [
        ['capture repeated', (k: number) => copy.repeat(k * copies)],
        ['routers repeated', routers],
        ['rows repeated', (k: number) => rowsOf(k * rowTimes)],
      ] as const) {
        const a0 = grown(1);
        if (a0 === null) continue;
        writeFileSync(small, a0, 'latin1');
        writeFileSync(big, grown(4)!, 'latin1');
        const a = seconds(small);
        const b = seconds(big);
        const ratio = b / Math.max(a, 0.01);
        const line = `${a.toFixed(2)} s  ${b.toFixed(2)} s  x${ratio.toFixed(1)}  ${how}: ${relative(ROOT, f)}`;
        rows.push({ ratio, line });
        if (ratio > FLAG_RATIO) process.stdout.write(`GROWS FASTER THAN ITS INPUT: ${line}\n`);
      }
    }
  } finally {
    rmSync(small, { force: true });
    rmSync(big, { force: true });
  }
  rows.sort((x, y) => y.ratio - x.ratio);
  process.stdout.write(`\nlargest ratios (four times the input; about 4 or less is linear):\n${rows.slice(0, 10).map((r) => `  ${r.line}`).join('\n')}\n`);
  const flagged = rows.filter((r) => r.ratio > FLAG_RATIO).length;
  process.stdout.write(`${flagged} of ${rows.length} fixtures grow faster than their input (ratio past ${FLAG_RATIO})\n`);
  return flagged === 0 ? 0 : 1;
}

process.exitCode = main();
