// `node src/cli/run.mjs bench-write SHAPE FILE`: writes one of the bench's traffic shapes (bench-shapes.ts) to FILE
// and prints what the generator knows (its sources and the scanners it made) as one line of JSON. For the browser
// bench (e2e/bench/run-browser-bench.mjs), which opens the same shapes in the page as `npm run bench` times headless.
import { SHAPES } from './bench-shapes';

const [name, file] = process.argv.slice(2);
const shape = SHAPES.find((s) => s.name === name);
if (!shape || !file) {
  process.stderr.write(`usage: bench-write SHAPE FILE (shapes: ${SHAPES.map((s) => s.name).join(', ')})\n`);
  process.exitCode = 2;
} else {
  const t = shape.write(file);
  process.stdout.write(`${JSON.stringify({ name: shape.name, title: shape.title, rows: t.rows, sources: t.sources, scanners: t.scanners, note: t.note })}\n`);
}
