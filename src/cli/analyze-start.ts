// The analyzer's entry, bundled as analyze.cjs: it starts the file-reading thread, then loads the analyzer's own bundle
// (analyze.ts, bundled as analyze-main.cjs beside this one). Node compiles a bundle whole before it runs a line of it:
// for the analyzer, about 20 ms, and 15 more to load it. A thread started first boots meanwhile on the other core and
// claims its first segment that much sooner (measured 2026-12-02: the thread's first claim 30-35 ms earlier).
import { createRequire } from 'node:module';
import { startEarlyReader } from './reader-thread';

startEarlyReader(process.argv.slice(2), new URL('./flow-scan-worker.cjs', import.meta.url));
createRequire(import.meta.url)('./analyze-main.cjs');
