// Launcher for the CLI: rebuilds the bundled analyzer when a source file is newer, then runs it in-process.
// Bundled JavaScript starts in tens of milliseconds; running TypeScript through a loader costs most of a second.
// The bundles are CommonJS: Node starts one (and a worker thread on one) about 7 ms sooner than an ES module.
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const [entryName, ...rest] = process.argv.slice(2);
const entry = join(here, `${entryName}.ts`);
const out = join(root, 'node_modules/.cache/code-red-triage', `${entryName}.cjs`);
// Entries whose bundle is run through a loader with V8's code cache (`analyze.cjs` loads `analyze.code.cjs`): each run
// after the first skips parsing and compiling the bundle's functions again (the analyzer starts about 30 ms sooner).
const CODE_CACHE = new Set(['analyze']);
const cached = CODE_CACHE.has(entryName);
const code = cached ? out.replace(/\.cjs$/, '.code.cjs') : out;

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
const outputs = [...(WORKERS[entryName] ?? []).map((w) => [join(here, `${w}.ts`), join(dirname(out), `${w}.cjs`)]), [entry, code]];
const sourcesMtime = newestMtime(join(root, 'src'));
const stale = outputs.some(([, o]) => !existsSync(o) || statSync(o).mtimeMs < sourcesMtime) || (cached && !existsSync(out));
if (stale) {
  const { build } = await import('esbuild');
  // Build beside the target and rename over it: concurrent runs (parallel tests) never see a half-written bundle.
  // The entry itself goes last, so a fresh entry bundle means fresh worker bundles.
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
  if (cached) {
    // A cache made for the previous bundle is of no use (V8 would reject it): the first run makes one afresh.
    rmSync(`${code}.v8-cache`, { force: true });
    const tmp = `${out}.${process.pid}.tmp.cjs`;
    writeFileSync(tmp, codeCacheLoader(`./${code.split('/').pop()}`));
    renameSync(tmp, out);
  }
}

/**
 * A CommonJS file that runs the bundle `file` (beside it) as Node would, compiled with the V8 code cache kept beside
 * it. The cache is made at a run's exit (it then holds the functions that run compiled) when there is none, when V8
 * rejects the one there (another bundle, another V8, other flags), and while the one there holds less than an analysis
 * compiles (a cache made by `--help`, as the bench's rebuild runs it, is about half the size of one made by an
 * analysis, which is about 0.9 of the bundle's). A cache it cannot read or write only costs the compile (about 20 ms).
 */
function codeCacheLoader(file) {
  return `// Made by src/cli/run.mjs: runs ${file} with V8's code cache.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const file = path.join(__dirname, ${JSON.stringify(file)});
const cacheFile = file + '.v8-cache';
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {}
const source = fs.readFileSync(file, 'utf8');
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
if (!cachedData || script.cachedDataRejected || cachedData.length < source.length * 0.75) {
  process.once('exit', () => {
    try {
      const tmp = cacheFile + '.' + process.pid + '.tmp';
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {}
  });
}
const m = new Module(file, module);
m.filename = file;
m.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, __dirname);
`;
}
process.argv = [process.argv[0], out, ...rest];
await import(pathToFileURL(out).href);
