// Web Worker entry: runs the pure core off the main thread and posts back the plain-JSON contract Diagnosis.
/// <reference lib="webworker" />
import { diagnoseDetailed } from '../core/diagnose';
import { suggestNextSteps } from '../core/rules/next-steps';
import { buildShareLink } from '../share/build-share';
import { decodePayload } from '../share/codec';
import type { DecodeRequest, DecodeResponse, ShareRequest, ShareResponse, WorkerRequest, WorkerResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<WorkerRequest | DecodeRequest | ShareRequest>) => {
  const req = event.data;
  const t0 = performance.now();
  if (req.type === 'decode') {
    // decodePayload never throws: every failure comes back as a reason in words.
    const answer: DecodeResponse = { id: req.id, type: 'decoded', result: decodePayload(req.encoded), ms: performance.now() - t0 };
    self.postMessage(answer);
    return;
  }
  if (req.type === 'share') {
    let answer: ShareResponse;
    try {
      answer = { id: req.id, type: 'shared', link: buildShareLink(req.input) };
    } catch (e) {
      answer = { id: req.id, type: 'shared', link: null, error: e instanceof Error ? e.message : String(e) };
    }
    self.postMessage(answer);
    return;
  }
  let res: WorkerResponse;
  try {
    // diagnose() returns only the contract shape (no FlowTable typed arrays), safe and small to post.
    const detailed = diagnoseDetailed(req.pastes, req.answers, req.hostFacts ? { senderHostFacts: req.hostFacts } : {});
    // Only the plain-JSON parts leave the worker: sections hold FlowTable typed arrays that must not be posted.
    const nextSteps = suggestNextSteps(req.answers, detailed.sections);
    res = { id: req.id, ok: true, diagnosis: detailed.diagnosis, nextSteps, ms: performance.now() - t0 };
  } catch (e) {
    res = { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  self.postMessage(res);
};
