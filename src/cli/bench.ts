// `npm run bench`: the headless analyzer against mawk on several generated shapes of traffic: 1M-row `show ip cache flow`
// dumps, and the worm at full speed as a Flexible NetFlow cache (`show flow monitor NAME cache`, records).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fnfBench } from './bench-fnf';
import { SHAPES, type Shape } from './bench-shapes';
import { collectGarbage } from './collect-garbage';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ANALYZER = join(ROOT, 'node_modules/.cache/code-red-triage/analyze.cjs');
const AWK_PROGRAM =
  'NF==8 && $7=="0050" && $5=="06" {k=$2" "$4; if(!(k in s)){s[k]=1; c[$2]++}} END{for(h in c) if(c[h]>=20) print h, c[h]}';
/** The floor: Node reading the file in 4 MB chunks and finding every line end, nothing else. */
const FLOOR_PROGRAM =
  "const fs=require('fs');const fd=fs.openSync(process.argv[1],'r');const b=Buffer.allocUnsafe(1<<22);let n=0,k;" +
  'while((k=fs.readSync(fd,b,0,b.length,null))>0){for(let i=b.indexOf(10);i>=0&&i<k;i=b.indexOf(10,i+1))n++}console.log(n)';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TIME_TARGET = 0.4;
const MEM_TARGET = 3;

interface Run {
  wall: number;
  /** User + system CPU seconds (both threads for the analyzer): steadier than wall time on a busy machine. */
  cpu: number;
  /**
   * Of that, the kernel's: mostly first touches of fresh memory (about 2 us a page in a microVM), which vary with the
   * machine's state more than the analyzer's own work does.
   */
  sys: number;
  maxRssKb: number;
  stdout: string;
}

/**
 * Run a command under /usr/bin/time (GNU): wall seconds and peak resident set size of the child. Its standard output
 * goes to a file, as `> report.json` would send it: a pipe into this process would add this process's own reading
 * (84 MB of JSON for 200,000 hosts) to the measured time, on the same two cores. The output is read back only when
 * `keep` asks (the runs' first, for the verdicts): each read of a 176 MB report was a string this process had to
 * collect later, on its garbage collector's threads, while the next run was being timed on the same two cores.
 */
function timed(cmd: string, args: string[], keep = true): Run {
  const out = join(tmpdir(), `code-red-bench-out-${process.pid}.txt`);
  const fd = openSync(out, 'w');
  try {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', cmd, ...args], { encoding: 'utf8', stdio: ['ignore', fd, 'pipe'], maxBuffer: 1 << 24 });
    if (r.error) throw r.error;
    const last = r.stderr.trim().split('\n').pop() ?? '';
    const [wall, rss, user, sys] = last.split(' ').map(Number);
    if (r.status !== 0 || !Number.isFinite(wall)) throw new Error(`${cmd} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
    return { wall: wall!, cpu: user! + sys!, sys: sys!, maxRssKb: rss!, stdout: keep ? readFileSync(out, 'utf8') : '' };
  } finally {
    closeSync(fd);
    rmSync(out, { force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const ok = (b: boolean) => (b ? 'ok  ' : 'MISS');

interface ShapeResult {
  name: string;
  ratio: number;
  memRatio: number;
  exact: boolean;
  ours: number;
  awk: number;
  floor: number;
  /** Analyzer CPU (both threads) / mawk CPU: less sensitive than wall time to other jobs on the machine. */
  cpuRatio: number;
}

/** Generate one shape, time analyzer, mawk and the floor on it (alternating runs), check the verdicts. */
function benchShape(shape: Shape, awk: string, keep: boolean): ShapeResult {
  const file = join(tmpdir(), keep ? `code-red-bench-${shape.name}.txt` : `code-red-bench-${shape.name}-${process.pid}.txt`);
  let t = performance.now();
  const truth = shape.write(file);
  // On the disk before any run is timed: the kernel would otherwise write the new file back while the runs are timed,
  // on the same two cores (with BENCH_KEEP=1, half a million sources measured 1.13 s in a full run, 0.95 alone). An
  // engineer's capture has long been written when it is analysed.
  const sync = openSync(file, 'r+');
  fsyncSync(sync);
  closeSync(sync);
  const size = statSync(file).size;
  process.stdout.write(`\n== ${shape.title} (${shape.name}): ${mb(size)}, ${truth.sources.toLocaleString('en')} sources, generated in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  process.stdout.write(`   ${truth.note}\n`);
  try {
    const ours: Run[] = [];
    const theirs: Run[] = [];
    const floors: Run[] = [];
    // Alternate so machine load hits all three alike.
    // This process's own garbage (the last shape's reports, read and parsed) collected now, not during the runs.
    collectGarbage();
    for (let i = 0; i < RUNS; i++) {
      theirs.push(timed(awk, [shape.awkProgram ?? (shape.awkPrefix ?? '') + AWK_PROGRAM, file], i === 0));
      ours.push(timed(process.execPath, [ANALYZER, '--json', file], i === 0));
      floors.push(timed(process.execPath, ['-e', FLOOR_PROGRAM, file], false));
    }
    t = median(ours.map((r) => r.wall));
    const a = median(theirs.map((r) => r.wall));
    const floor = median(floors.map((r) => r.wall));
    const rss = Math.max(...ours.map((r) => r.maxRssKb)) * 1024;
    const d = JSON.parse(ours[0]!.stdout) as { hosts: { ip: string; verdict: string; variant: string; inbound: boolean }[] };
    const flagged = d.hosts.filter((h) => h.verdict !== 'clean' && !h.inbound).map((h) => h.ip);
    const want = new Set(truth.scanners);
    const got = new Set(flagged);
    const missed = truth.scanners.filter((ip) => !got.has(ip));
    const extra = flagged.filter((ip) => !want.has(ip));
    const byIp = new Map(d.hosts.map((h) => [h.ip, h.variant]));
    const variantOk = [...truth.variants].filter(([ip, v]) => byIp.get(ip) === v).length;
    const awkFlagged = theirs[0]!.stdout.trim().split('\n').filter(Boolean).length;
    const ratio = t / a;
    const memRatio = rss / size;
    const exact = missed.length === 0 && extra.length === 0;
    const lines = [
      `   analyzer: ${t.toFixed(2)} s [${ours.map((r) => r.wall.toFixed(2)).join(', ')}]  CPU ${median(ours.map((r) => r.cpu)).toFixed(2)} s (kernel ${median(ours.map((r) => r.sys)).toFixed(2)})  peak RSS ${mb(rss)}`,
      `   ${awk.padEnd(9)}: ${a.toFixed(2)} s [${theirs.map((r) => r.wall.toFixed(2)).join(', ')}]  CPU ${median(theirs.map((r) => r.cpu)).toFixed(2)} s  ` +
        `peak RSS ${mb(Math.max(...theirs.map((r) => r.maxRssKb)) * 1024)}`,
      `   floor    : ${floor.toFixed(2)} s (Node reads the file and finds its line ends); analyzer - floor = ${(t - floor).toFixed(2)} s`,
      `   ${ok(ratio <= TIME_TARGET)} time: analyzer / awk = ${ratio.toFixed(2)} (target <= ${TIME_TARGET.toFixed(2)})`,
      `   ${ok(memRatio <= MEM_TARGET)} memory: peak RSS / input = ${memRatio.toFixed(2)} (target <= ${MEM_TARGET.toFixed(2)})`,
      `   ${ok(exact)} verdicts: ${flagged.length} flagged, ${truth.scanners.length - missed.length} of ${truth.scanners.length} scanners, ` +
        `${extra.length} others${extra.length ? ` (${extra.slice(0, 5).join(', ')})` : ''}; variant right for ${variantOk} of ${truth.variants.size}`,
      `        awk's fixed threshold (>= 20 distinct port-80 destinations) lists ${awkFlagged} sources`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    const cpuRatio = median(ours.map((r) => r.cpu)) / median(theirs.map((r) => r.cpu));
    return { name: shape.name, ratio, memRatio, exact, ours: t, awk: a, floor, cpuRatio };
  } finally {
    if (!keep) rmSync(file, { force: true });
  }
}

/** Milliseconds from Node's start to the first line of a script (median of 5), with the given environment. */
function startUpMs(env: NodeJS.ProcessEnv): number {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(performance.now()))'], { encoding: 'utf8', env });
    runs.push(Number(r.stdout));
  }
  return median(runs);
}

/**
 * Node's own start-up, which every analyzer run (and the floor) pays and mawk does not. Where NODE_EXTRA_CA_CERTS is
 * set (this machine sets it), Node 20 loads its root certificates and the extra ones before any script runs: tens of
 * milliseconds the analyzer, which makes no connection, cannot avoid from inside. Said, not subtracted.
 */
function startUpNote(): string {
  const now = startUpMs(process.env);
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  if (extra === undefined || extra === '') return `Node start-up (to a script's first line): ${now.toFixed(0)} ms`;
  const { NODE_EXTRA_CA_CERTS: _, ...without } = process.env;
  return (
    `Node start-up (to a script's first line): ${now.toFixed(0)} ms, of which NODE_EXTRA_CA_CERTS=${extra} costs ` +
    `${(now - startUpMs(without)).toFixed(0)} ms (Node reads those certificates before any script runs; each analyzer run above includes it)`
  );
}

function main(): number {
  const awk = existsSync('/usr/bin/mawk') ? '/usr/bin/mawk' : 'awk';
  // Make sure the bundled analyzer is fresh (run.mjs rebuilds it when a source is newer), without analysing anything.
  spawnSync(process.execPath, [join(ROOT, 'src/cli/run.mjs'), 'analyze', '--help'], { stdio: 'ignore' });
  if (!existsSync(ANALYZER)) throw new Error(`analyzer bundle missing: ${ANALYZER}`);
  // BENCH_SHAPES=worm,held-out runs some shapes; BENCH_KEEP=1 keeps the files (OS temp dir, never the repo).
  const only = process.env.BENCH_SHAPES?.split(',').filter(Boolean);
  const shapes = only ? SHAPES.filter((s) => only.includes(s.name)) : SHAPES;
  if (shapes.length === 0) throw new Error(`no shape named ${only!.join(', ')}; shapes: ${SHAPES.map((s) => s.name).join(', ')}`);
  // The machine, so that figures copied into a note or README carry it (the same kind of machine has not always had the
  // same processor: an AMD EPYC one day, an Intel Xeon another).
  process.stdout.write(`${machineLine()}\n${RUNS} alternating runs per shape (mawk, analyzer --json, floor); medians of wall time\n`);
  const results = shapes.map((s) => benchShape(s, awk, process.env.BENCH_KEEP === '1'));
  process.stdout.write('\nshape             analyzer   mawk   ratio  CPU ratio  mem/input  floor  verdicts\n');
  for (const r of results) {
    process.stdout.write(
      `${r.name.padEnd(17)} ${r.ours.toFixed(2).padStart(6)} s ${r.awk.toFixed(2).padStart(5)} s  ${r.ratio.toFixed(2)}   ${r.cpuRatio.toFixed(2).padStart(5)}     ${r.memRatio.toFixed(2).padStart(5)}    ` +
        `${r.floor.toFixed(2)} s  ${r.exact ? 'exact' : 'WRONG'}\n`,
    );
  }
  // Flexible NetFlow throughput beside the classic cache (issue 14); BENCH_FNF=0 skips it.
  if (process.env.BENCH_FNF !== '0') process.stdout.write(`${fnfBench(ANALYZER, timed, RUNS).join('\n')}\n`);
  process.stdout.write(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (other work on the machine slows every side)\n`);
  process.stdout.write(`${startUpNote()}\n`);
  return results.every((r) => r.ratio <= TIME_TARGET && r.memRatio <= MEM_TARGET && r.exact) ? 0 : 1;
}

process.exitCode = main();

/** This machine as a line: processor model, cores, memory, Node. */
export function machineLine(): string {
  const c = cpus();
  return `machine: ${c[0]?.model.trim() ?? 'unknown processor'}, ${c.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.versions.node}, ${new Date().toISOString()}`;
}
