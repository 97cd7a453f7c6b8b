// Launcher for the CLI: rebuilds the bundled analyzer when a source file is newer, then runs it in-process.
// Bundled JavaScript starts in tens of milliseconds; running TypeScript through a loader costs most of a second.
// The bundles are CommonJS: Node starts one (and a worker thread on one) about 7 ms sooner than an ES module.
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const [entryName, ...rest] = process.argv.slice(2);
const entry = join(here, `${entryName}.ts`);
const out = join(root, 'node_modules/.cache/code-red-triage', `${entryName}.cjs`);
// Entries run through a small entry bundle of their own, which starts their worker before their bundle is compiled
// (analyze-start.ts): `analyze.cjs` is then that entry, and the analyzer itself `analyze-main.cjs` beside it.
const STARTERS = { analyze: 'analyze-start' };
const starter = STARTERS[entryName];
const main = starter ? join(dirname(out), `${entryName}-main.cjs`) : out;

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'fixtures' || e.name.endsWith('.test.ts')) continue;
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// Workers an entry starts are bundled beside it, each from its own small entry (a thread starts faster on less code).
const WORKERS = { analyze: ['flow-scan-worker'] };
// The file run goes last: a fresh one means fresh bundles behind it.
const outputs = [
  ...(WORKERS[entryName] ?? []).map((w) => [join(here, `${w}.ts`), join(dirname(out), `${w}.cjs`)]),
  [entry, main],
  ...(starter ? [[join(here, `${starter}.ts`), out]] : []),
];
const sourcesMtime = newestMtime(join(root, 'src'));
const stale = outputs.some(([, o]) => !existsSync(o) || statSync(o).mtimeMs < sourcesMtime);
if (stale) {
  const { build } = await import('esbuild');
  // Build beside the target and rename over it: concurrent runs (parallel tests) never see a half-written bundle.
  for (const [src, o] of outputs) {
    const tmp = `${o}.${process.pid}.tmp.cjs`;
    // import.meta.url (the sources are ES modules) becomes the bundle's own file URL.
    await build({
      entryPoints: [src],
      outfile: tmp,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'error',
      define: { 'import.meta.url': '__bundle_url' },
      banner: { js: "const __bundle_url = require('node:url').pathToFileURL(__filename).href;" },
    });
    renameSync(tmp, o);
  }
}
process.argv = [process.argv[0], out, ...rest];
await import(pathToFileURL(out).href);
