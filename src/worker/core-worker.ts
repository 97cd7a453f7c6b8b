// Web Worker entry: runs the pure core off the main thread and posts back the plain-JSON contract Diagnosis.
/// <reference lib="webworker" />
import { diagnose } from '../core/diagnose';
import type { WorkerRequest, WorkerResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  const t0 = performance.now();
  let res: WorkerResponse;
  try {
    // diagnose() returns only the contract shape (no FlowTable typed arrays), safe and small to post.
    const diagnosis = diagnose(req.pastes, req.answers);
    res = { id: req.id, ok: true, diagnosis, ms: performance.now() - t0 };
  } catch (e) {
    res = { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  self.postMessage(res);
};
