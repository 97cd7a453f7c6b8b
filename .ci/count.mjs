// Sums vitest's "Tests N passed | M failed" and Playwright's "N passed"/"N failed" summary lines from a CI log.
import { readFileSync } from 'node:fs';

const [logFile, statusArg] = process.argv.slice(2);
const text = readFileSync(logFile, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
for (const line of text.split('\n')) {
  // vitest: " Tests  2 failed | 40 passed (42)"
  const v = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (v) {
    for (const m of v[1].matchAll(/(\d+) (passed|failed)/g)) m[2] === 'passed' ? (passed += +m[1]) : (failed += +m[1]);
    continue;
  }
  // Playwright list reporter: "  12 passed (30.1s)", "  1 failed", "  1 flaky"
  const p = /^\s+(\d+) (passed|failed|flaky)(?: \(.*\))?\s*$/.exec(line);
  if (p) p[2] === 'passed' ? (passed += +p[1]) : p[2] === 'failed' ? (failed += +p[1]) : (passed += +p[1]);
}
const status = Number(statusArg);
// A failing step with no test failure counted (typecheck, build, a crash) still has to show as a failure.
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
