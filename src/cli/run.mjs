// Launcher for the CLI: rebuilds the bundled analyzer when a source file is newer, then runs it in-process.
// Bundled JavaScript starts in tens of milliseconds; running TypeScript through a loader costs most of a second.
// The bundles are CommonJS: Node starts one (and a worker thread on one) about 7 ms sooner than an ES module.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const [entryName, ...rest] = process.argv.slice(2);
const out = join(root, 'node_modules/.cache/code-red-triage', `${entryName}.cjs`);
// Entries (and workers) run through a small entry bundle of their own, which runs their bundle with V8's code cache
// (code-cache.ts); the analyzer's also starts its worker before its bundle is compiled (analyze-start.ts). `analyze.cjs`
// is then that entry, and the analyzer itself `analyze-main.cjs` beside it.
const STARTERS = { analyze: 'analyze-start', 'flow-scan-worker': 'flow-scan-worker-start' };
/** Arguments of the run that makes a fresh bundle's code cache. */
const TRAINING = {
  analyze: () => {
    const samples = join(root, 'src/features/example/samples');
    return ['--json', ...readdirSync(samples).filter((f) => f.endsWith('.txt')).sort().map((f) => join(samples, f))];
  },
};
const mainOf = (name, o) => (STARTERS[name] ? join(dirname(o), `${name}-main.cjs`) : o);

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
/** [source, bundle] pairs to build for `name`, whose bundle is `o`: its own code, then its starter (if it has one). */
const bundlesOf = (name, o) => [
  [join(here, `${name}.ts`), mainOf(name, o)],
  ...(STARTERS[name] ? [[join(here, `${STARTERS[name]}.ts`), o]] : []),
];
// The file run goes last: a fresh one means fresh bundles behind it.
const outputs = [
  ...(WORKERS[entryName] ?? []).flatMap((w) => bundlesOf(w, join(dirname(out), `${w}.cjs`))),
  ...bundlesOf(entryName, out),
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
  // A fresh bundle's code cache (code-cache.ts) is saved by the first run that finds none, with the functions that run
  // compiled. So that it is the analysis's, not a --help's, the analyzer first analyses the built-in example (the tech
  // note's captures). Measured 2026-12-03: that cache holds 569 of the 584 KB a 79 MB capture's run would save.
  const training = TRAINING[entryName]?.();
  if (training) spawnSync(process.execPath, [out, ...training], { stdio: 'ignore' });
}
process.argv = [process.argv[0], out, ...rest];
await import(pathToFileURL(out).href);
