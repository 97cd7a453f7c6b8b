// The file-reading thread's entry, bundled as flow-scan-worker.cjs: it runs the thread's own bundle
// (flow-scan-worker.ts, bundled as flow-scan-worker-main.cjs beside this one) with V8's code cache of the last run
// (code-cache.ts), so the thread compiles less before it claims its first segment.
import { fileURLToPath } from 'node:url';
import { runCached } from './code-cache';

runCached(fileURLToPath(new URL('./flow-scan-worker-main.cjs', import.meta.url)));
