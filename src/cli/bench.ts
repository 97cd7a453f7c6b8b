// `npm run bench`: the headless analyzer against mawk on a generated 1M-row `show ip cache flow` (time, memory, verdicts).
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBenchDump } from './bench-data';
import { fnfBench } from './bench-fnf';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ANALYZER = join(ROOT, 'node_modules/.cache/code-red-triage/analyze.mjs');
const AWK_PROGRAM =
  'NF==8 && $7=="0050" && $5=="06" {k=$2" "$4; if(!(k in s)){s[k]=1; c[$2]++}} END{for(h in c) if(c[h]>=20) print h, c[h]}';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Run {
  wall: number;
  /** User + system CPU seconds (both threads for the analyzer): steadier than wall time on a busy machine. */
  cpu: number;
  maxRssKb: number;
  stdout: string;
}

/** Run a command under /usr/bin/time (GNU): wall seconds and peak resident set size of the child. */
function timed(cmd: string, args: string[]): Run {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [wall, rss, user, sys] = last.split(' ').map(Number);
  if (r.status !== 0 || !Number.isFinite(wall)) throw new Error(`${cmd} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  return { wall: wall!, cpu: user! + sys!, maxRssKb: rss!, stdout: r.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function main(): number {
  const awk = existsSync('/usr/bin/mawk') ? '/usr/bin/mawk' : 'awk';
  // Make sure the bundled analyzer is fresh (run.mjs rebuilds it when a source is newer), without analysing anything.
  spawnSync(process.execPath, [join(ROOT, 'src/cli/run.mjs'), 'analyze', '--help'], { stdio: 'ignore' });
  if (!existsSync(ANALYZER)) throw new Error(`analyzer bundle missing: ${ANALYZER}`);

  // BENCH_KEEP=1 keeps the generated file (for profiling); it always goes to the OS temp dir, never the repo.
  const keep = process.env.BENCH_KEEP === '1';
  const file = join(tmpdir(), keep ? 'code-red-bench.txt' : `code-red-bench-${process.pid}.txt`);
  process.stdout.write('generating 1,000,000 flow rows... ');
  let t = performance.now();
  const truth = writeBenchDump(file);
  const size = statSync(file).size;
  process.stdout.write(`${mb(size)} in ${((performance.now() - t) / 1000).toFixed(1)} s (${file})\n`);
  process.stdout.write(
    `  ${truth.sources} sources: ${truth.scanners.length} scanners (${truth.codeRed.length} Code Red on one shared target list, ` +
      `${truth.codeRedII.length} Code Red II), proxy ${truth.proxy}, dead server ${truth.deadServer}, ${truth.blockedClients} clients with port 80 blocked\n`,
  );
  try {
    const ours: Run[] = [];
    const theirs: Run[] = [];
    // Alternate the two so machine load hits both alike.
    for (let i = 0; i < RUNS; i++) {
      theirs.push(timed(awk, [AWK_PROGRAM, file]));
      ours.push(timed(process.execPath, [ANALYZER, '--json', file]));
    }
    t = median(ours.map((r) => r.wall));
    const a = median(theirs.map((r) => r.wall));
    const rss = Math.max(...ours.map((r) => r.maxRssKb)) * 1024;
    const d = JSON.parse(ours[0]!.stdout) as { hosts: { ip: string; verdict: string; variant: string; inbound: boolean }[] };
    const flagged = d.hosts.filter((h) => h.verdict !== 'clean' && !h.inbound).map((h) => h.ip);
    const want = new Set(truth.scanners);
    const missed = truth.scanners.filter((ip) => !flagged.includes(ip));
    const extra = flagged.filter((ip) => !want.has(ip));
    const variantOk =
      truth.codeRed.filter((ip) => d.hosts.find((h) => h.ip === ip)?.variant === 'code-red').length +
      truth.codeRedII.filter((ip) => d.hosts.find((h) => h.ip === ip)?.variant === 'code-red-ii').length;
    const awkFlagged = theirs[0]!.stdout.trim().split('\n').filter(Boolean).length;
    const ratio = t / a;
    const memRatio = rss / size;
    const ok = (b: boolean) => (b ? 'ok  ' : 'MISS');
    const lines = [
      '',
      `runs: ${RUNS} each, alternating; median wall time`,
      `analyzer (node analyze.mjs --json): ${t.toFixed(2)} s  [${ours.map((r) => r.wall.toFixed(2)).join(', ')}]  ` +
        `CPU ${median(ours.map((r) => r.cpu)).toFixed(2)} s  peak RSS ${mb(rss)}`,
      `${awk.padEnd(34)}: ${a.toFixed(2)} s  [${theirs.map((r) => r.wall.toFixed(2)).join(', ')}]  ` +
        `CPU ${median(theirs.map((r) => r.cpu)).toFixed(2)} s  peak RSS ${mb(Math.max(...theirs.map((r) => r.maxRssKb)) * 1024)}`,
      '',
      `${ok(ratio <= 0.5)} time: analyzer / awk = ${ratio.toFixed(2)} (target <= 0.50)`,
      `${ok(memRatio <= 3)} memory: peak RSS / input = ${memRatio.toFixed(2)} (target <= 3.00; input ${mb(size)})`,
      `${ok(missed.length === 0 && extra.length === 0)} verdicts: ${flagged.length} flagged, ${truth.scanners.length - missed.length} of ${truth.scanners.length} scanners, ` +
        `${extra.length} others${extra.length ? ` (${extra.slice(0, 5).join(', ')})` : ''}; variant right for ${variantOk} of ${truth.scanners.length}`,
      `     awk's fixed threshold (>= 20 distinct port-80 destinations) lists ${awkFlagged} sources`,
      `load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (other work on the machine slows both sides)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (process.env.BENCH_FNF !== '0') process.stdout.write(`${fnfBench(ANALYZER, timed, RUNS).join('\n')}\n`);
    return ratio <= 0.5 && memRatio <= 3 && missed.length === 0 && extra.length === 0 ? 0 : 1;
  } finally {
    if (!keep) rmSync(file, { force: true });
  }
}

process.exitCode = main();
