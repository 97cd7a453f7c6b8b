// The file-reading worker's own entry: only the scanner, so the thread starts in a few tens of milliseconds
// (loading the whole analyzer bundle took longer, and the main thread waited for it). run.mjs bundles it beside analyze.
import { isMainThread, workerData } from 'node:worker_threads';
import { standBy, type StandByData } from './flow-scan';
import { useWasmCleanRows } from './clean-rows-wasm/kernel';
import { useWasmRecordRuns } from './fnf-runs-wasm/kernel';
import { useWasmMlsRuns } from './mls-runs-wasm/kernel';
import { useWasmNxRuns } from './nx-runs-wasm/kernel';
import { useWasmVerboseRuns } from './verbose-runs-wasm/kernel';

if (!isMainThread) {
  // The clean-row loop compiled from WebAssembly: no warm-up (clean-rows-wasm/wat.ts).
  useWasmCleanRows();
  // And runs of Flexible NetFlow records, MLS NetFlow entries, NX-OS rows and verbose records (each compiled when one
  // first needs it: fnf-runs-wasm, mls-runs-wasm, nx-runs-wasm, verbose-runs-wasm).
  useWasmRecordRuns();
  useWasmMlsRuns();
  useWasmNxRuns();
  useWasmVerboseRuns();
  const d = workerData as StandByData | undefined;
  if (d?.kind === 'code-red-triage/flow-scan-standby') standBy(d);
}
