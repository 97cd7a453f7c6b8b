// Opens a share link in a worker of its own: inflating, counting and validating an untrusted link never runs on the
// page's thread, and a link that takes too long is stopped (the worker terminated) instead of waited on.
import type { DecodeResult } from '../share/codec';
import { spawn } from './core-client';
import type { DecodeRequest, DecodeResponse } from './protocol';

/** A valid link decodes in tens of milliseconds; past this something is wrong and the page should say so. */
export const DECODE_TIMEOUT_MS = 5_000;

const failed = (message: string): DecodeResult => ({ ok: false, reason: 'damaged', message });

/**
 * Decode a `d=` value in a fresh worker. Never rejects: a crash, an unreadable answer or a timeout come back as a
 * failed DecodeResult with a reason in words, like every other bad link.
 */
export async function decodeLinkInWorker(encoded: string, timeoutMs = DECODE_TIMEOUT_MS): Promise<DecodeResult> {
  let worker: Worker;
  try {
    worker = await spawn();
  } catch (e) {
    return failed(`This link could not be opened: the analysis worker did not start (${(e as Error).message}).`);
  }
  return new Promise<DecodeResult>((resolve) => {
    const finish = (r: DecodeResult) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'too-large', message: `This link took more than ${timeoutMs / 1000} s to open and was stopped.` }), timeoutMs);
    worker.onmessage = (e: MessageEvent<DecodeResponse>) => {
      if (e.data?.type === 'decoded') finish(e.data.result);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      finish(failed(`This link could not be opened (${e.message || 'the worker stopped'}).`));
    };
    worker.onmessageerror = () => finish(failed('This link could not be opened: its decoded content could not be read.'));
    const req: DecodeRequest = { id: 1, type: 'decode', encoded };
    worker.postMessage(req);
  });
}
