// The file-reading worker's own entry: only the scanner, so the thread starts in a few tens of milliseconds
// (loading the whole analyzer bundle took longer, and the main thread waited for it). run.mjs bundles it beside analyze.
import { isMainThread, workerData } from 'node:worker_threads';
import { runScanWorker, type ScanJob } from './flow-scan';

if (!isMainThread && (workerData as ScanJob | undefined)?.kind === 'code-red-triage/flow-scan') runScanWorker(workerData as ScanJob);
