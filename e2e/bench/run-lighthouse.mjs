// `npm run bench:lighthouse`: Lighthouse 12.2.3 (mobile defaults) on the start, paste and report pages of the built
// app behind two hosts (vite preview, which gzips, and a plain server that sends files as they are), 3 runs each;
// prints every run and the medians against the issue 16 targets. A benchmark, not a test: exits 0
// unless it broke. Lighthouse is not a dependency of the project: it runs through `npx lighthouse@12.2.3` (fetched
// once into the npm cache), or from an install of your own with LIGHTHOUSE_CLI=/path/to/lighthouse/cli/index.js.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { plainServer } from './plain-server.mjs';
import { chromiumPath, ROOT, startPreview } from './preview-server.mjs';

const PORT = Number(process.env.LH_PORT ?? 4181);
const PLAIN_PORT = Number(process.env.LH_PLAIN_PORT ?? PORT + 1);
const RUNS = Number(process.env.LH_RUNS ?? 3);
// #/example loads the tech note's captures on a fresh profile (Lighthouse's) and lands on the report.
const PAGES = [
  ['start', ''],
  ['paste', '#/paste'],
  ['report', '#/example'],
];
const TARGETS = { performance: 0.95, accessibility: 1, 'best-practices': 1 };
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';

const chromePath = chromiumPath();
if (!chromePath) throw new Error('set CHROME_PATH to a Chromium or Chrome binary');

const preview = startPreview(PORT);
const plain = plainServer(`${ROOT}dist`, PLAIN_PORT);
const HOSTS = [
  ['gzip (vite preview)', preview.base],
  ['plain (no compression)', plain.base],
];

const out = mkdtempSync(join(tmpdir(), 'lighthouse-'));
process.on('exit', () => rmSync(out, { recursive: true, force: true }));

function lighthouse(url, file) {
  const args = [url, `--chrome-flags=${CHROME_FLAGS}`, '--output=json', `--output-path=${file}`, '--quiet'];
  const [cmd, pre] = process.env.LIGHTHOUSE_CLI ? ['node', [process.env.LIGHTHOUSE_CLI]] : ['npx', ['--yes', 'lighthouse@12.2.3']];
  execFileSync(cmd, [...pre, ...args], { env: { ...process.env, CHROME_PATH: chromePath }, stdio: ['ignore', 'ignore', 'inherit'] });
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const a = r.audits;
  return {
    performance: r.categories.performance.score,
    accessibility: r.categories.accessibility.score,
    'best-practices': r.categories['best-practices'].score,
    tbt: Math.round(a['total-blocking-time'].numericValue),
    fcp: Math.round(a['first-contentful-paint'].numericValue),
    lcp: Math.round(a['largest-contentful-paint'].numericValue),
    cls: a['cumulative-layout-shift'].numericValue,
  };
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await preview.ready();
await plain.ready();
const rows = [];
for (const [host, base] of HOSTS) {
  for (const [name, hash] of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const r = lighthouse(base + hash, join(out, `${name}-${i}.json`));
      runs.push(r);
      console.log(`${host} ${name} run ${i + 1}: perf ${r.performance} a11y ${r.accessibility} bp ${r['best-practices']}  TBT ${r.tbt} ms, FCP ${r.fcp} ms, LCP ${r.lcp} ms, CLS ${r.cls.toFixed(3)}`);
    }
    const m = Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
    const met = Object.entries(TARGETS).every(([k, t]) => m[k] >= t);
    rows.push(`| ${host} | ${name} | ${m.performance} | ${m.accessibility} | ${m['best-practices']} | ${m.fcp} ms | ${m.tbt} ms | ${m.lcp} ms | ${m.cls.toFixed(3)} | ${met ? 'yes' : 'NO'} |`);
  }
}
console.log(`\nLighthouse 12.2.3, mobile defaults, median of ${RUNS} runs; machine: ${cpus()[0]?.model.trim()}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB, ${new Date().toISOString()}\n`);
console.log('| host | page | performance | accessibility | best practices | FCP | TBT | LCP | CLS | targets met |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
// The preview server is a child process: without an explicit exit Node would wait for it forever.
preview.stop();
plain.stop();
process.exit(0);
