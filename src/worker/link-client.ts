// Opens and makes share links in a worker of its own: inflating, counting and validating an untrusted link, and
// masking, anonymising and compressing one, never run on the page's thread; a worker that takes too long is stopped
// (terminated) instead of waited on.
import type { ShareInput, ShareLink } from '../share/build-share';
import type { DecodeResult } from '../share/codec';
import { spawn } from './core-client';
import type { DecodeRequest, DecodeResponse, ShareRequest, ShareResponse } from './protocol';

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

/** Making a link re-reads the pastes when anonymising (the sender's verdicts); a big paste takes a few seconds. */
export const SHARE_TIMEOUT_MS = 30_000;

/** Build a share link in a fresh worker; rejects with a reason in words when the worker fails or takes too long. */
export async function buildLinkInWorker(input: ShareInput, timeoutMs = SHARE_TIMEOUT_MS): Promise<ShareLink> {
  const worker = await spawn();
  return new Promise<ShareLink>((resolve, reject) => {
    const finish = (f: () => void) => {
      clearTimeout(timer);
      worker.terminate();
      f();
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`making the link took more than ${timeoutMs / 1000} s`))), timeoutMs);
    worker.onmessage = (e: MessageEvent<ShareResponse>) => {
      if (e.data?.type !== 'shared') return;
      const { link, error } = e.data;
      finish(() => (link ? resolve(link) : reject(new Error(error ?? 'the link could not be made'))));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      finish(() => reject(new Error(e.message || 'the worker stopped')));
    };
    worker.onmessageerror = () => finish(() => reject(new Error('the link could not be read back from the worker')));
    const req: ShareRequest = { id: 1, type: 'share', input };
    worker.postMessage(req);
  });
}
