// `npm run bench`, Flexible NetFlow part: 100,000 FNF records (default record format) against the same flows as
// `show ip cache flow`, through the headless analyzer: time per record and verdicts, side by side.
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asCacheFlow, asFnfRecord } from '../core/proof/flow-formats';
import { wormTraffic } from '../core/proof/worm-traffic';

interface Timed {
  wall: number;
  cpu: number;
  maxRssKb: number;
  stdout: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Hosts = { hosts: { ip: string; verdict: string; variant: string }[] };
const verdicts = (d: Hosts) => d.hosts.map((h) => `${h.ip} ${h.verdict} ${h.variant}`).sort().join('\n');

/** Lines to print. `timed` runs a command under /usr/bin/time (bench.ts's). */
export function fnfBench(analyzer: string, timed: (cmd: string, args: string[], keep?: boolean) => Timed, runs: number): string[] {
  // 20 Code Red and 30 Code Red II scanners plus the hard negatives: about 54 flows a step, 1,850 steps.
  const { flows } = wormTraffic(20010719, { codeRed: 20, codeRedII: 30, targetsPerScanner: 1_850, clients: 200 });
  const files = { classic: join(tmpdir(), `code-red-bench-classic-${process.pid}.txt`), fnf: join(tmpdir(), `code-red-bench-fnf-${process.pid}.txt`) };
  writeFileSync(files.classic, asCacheFlow(flows));
  writeFileSync(files.fnf, asFnfRecord(flows));
  try {
    const classic: Timed[] = [];
    const fnf: Timed[] = [];
    for (let i = 0; i < runs; i++) {
      classic.push(timed(process.execPath, [analyzer, '--json', files.classic], i === 0));
      fnf.push(timed(process.execPath, [analyzer, '--json', files.fnf], i === 0));
    }
    const per = (rs: Timed[]) => (median(rs.map((r) => r.wall)) / flows.length) * 1e6;
    const same = verdicts(JSON.parse(classic[0]!.stdout) as Hosts) === verdicts(JSON.parse(fnf[0]!.stdout) as Hosts);
    const lines = (s: string) => Math.round(statSync(s).size / 1e6 * 10) / 10;
    const ratio = per(fnf) / per(classic);
    return [
      '',
      `Flexible NetFlow: ${flows.length.toLocaleString('en')} records, default record format (${lines(files.fnf)} MB) vs the same flows as show ip cache flow (${lines(files.classic)} MB)`,
      `  show flow monitor cache: ${median(fnf.map((r) => r.wall)).toFixed(2)} s, ${per(fnf).toFixed(2)} us a record  [${fnf.map((r) => r.wall.toFixed(2)).join(', ')}]`,
      `  show ip cache flow:      ${median(classic.map((r) => r.wall)).toFixed(2)} s, ${per(classic).toFixed(2)} us a record  [${classic.map((r) => r.wall.toFixed(2)).join(', ')}]`,
      `${same ? 'ok  ' : 'MISS'} same verdicts and variants from both; FNF / classic time per record = ${ratio.toFixed(2)} (wall time includes Node start-up; noisy on a shared machine)`,
    ];
  } finally {
    rmSync(files.classic, { force: true });
    rmSync(files.fnf, { force: true });
  }
}
