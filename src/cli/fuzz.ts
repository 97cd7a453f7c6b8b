// `npm run fuzz [-- RUNS]`: the property and fuzz tests with many more runs and a fresh seed (printed for replay).
// The unit suite runs the same files with a fixed seed and few runs; these env vars are all that differ.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const FILES = [
  'src/core/proof',
  // The byte path's own properties: verbose and Flexible NetFlow records, tables and csv rows read from bytes.
  'src/core/big-paste',
  'src/share/decode-fuzz.test.ts',
  'src/core/plan/plan-properties.test.ts',
  'src/core/plan/nx-os.test.ts',
  // The CLI's WebAssembly kernels against the JavaScript loops over the same generated tables.
  'src/cli/clean-rows-wasm',
  'src/cli/fnf-runs-wasm',
  'src/cli/mls-runs-wasm',
  'src/cli/nx-runs-wasm',
  'src/cli/verbose-runs-wasm',
  'src/share/secret-channels.test.ts',
  'src/share/masking-keeps-diagnosis.test.ts',
  'src/core/analysis/profiles/profiles.property.test.ts',
  // The clean hosts' columns over pass 3's findings; a byte count of 0 read as none.
  'src/core/analysis/clean-room.test.ts',
  'src/core/analysis/flow-facts.test.ts',
];

const runs = process.argv[2] ?? process.env.FUZZ_RUNS ?? '2000';
if (!/^[1-9]\d*$/.test(runs)) {
  process.stderr.write(`fuzz: RUNS must be a positive integer, got ${runs}\nusage: npm run fuzz [-- RUNS]\n`);
  process.exit(2);
}
const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
process.stderr.write(`fuzz: FUZZ_RUNS=${runs} FUZZ_SEED=${seed} (set FUZZ_SEED=${seed} to replay this run)\n`);

const vitest = join(process.cwd(), 'node_modules', 'vitest', 'vitest.mjs');
const r = spawnSync(process.execPath, [vitest, 'run', ...FILES], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
process.exitCode = r.status ?? 1;
