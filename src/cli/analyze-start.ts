// The analyzer's entry, bundled as analyze.cjs: it starts the file-reading thread, then loads the analyzer's own bundle
// (analyze.ts, bundled as analyze-main.cjs beside this one). Node compiles a bundle whole before it runs a line of it:
// for the analyzer, about 20 ms, and 15 more to load it. A thread started first boots meanwhile on the other core and
// claims its first segment sooner (measured 2026-12-02: 172-182 -> 119-136 ms after the process started).
import { fileURLToPath } from 'node:url';
import { runCached } from './code-cache';
import { startEarlyReader } from './reader-thread';

startEarlyReader(process.argv.slice(2));
// With V8's code cache of the last run (code-cache.ts): compiling the analyzer's functions was 35 ms of every run.
runCached(fileURLToPath(new URL('./analyze-main.cjs', import.meta.url)));
