// Masks router secrets in big texts in a worker of its own (what is stored of a paste, src/state/mask-stored-secrets.ts):
// masking a 7.5 MB paste is about 100 ms of work, a long task on the page. One worker is kept for the session (a
// store write comes every few hundred milliseconds while a big paste is edited); it is never the analysis worker,
// which a newer analysis terminates.
import { spawn } from './core-client';
import type { MaskRequest, MaskResponse } from './protocol';

/** Masking runs at about 15 ms a megabyte; past this the worker is taken for stuck and the caller falls back. */
export const MASK_TIMEOUT_MS = 30_000;

let worker: Promise<Worker> | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (texts: string[]) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();

function failAll(err: Error): void {
  const w = worker;
  worker = null;
  void w?.then((x) => x.terminate(), () => undefined);
  for (const [id, p] of waiting) {
    clearTimeout(p.timer);
    waiting.delete(id);
    p.reject(err);
  }
}

function ensure(): Promise<Worker> {
  worker ??= spawn().then((w) => {
    w.onmessage = (e: MessageEvent<MaskResponse>) => {
      const p = e.data?.type === 'masked' ? waiting.get(e.data.id) : undefined;
      if (!p) return;
      clearTimeout(p.timer);
      waiting.delete(e.data.id);
      p.resolve(e.data.texts);
    };
    w.onerror = (e) => {
      e.preventDefault();
      failAll(new Error(e.message || 'the masking worker stopped'));
    };
    w.onmessageerror = () => failAll(new Error('the masked text could not be read back'));
    return w;
  });
  return worker;
}

/** The texts with every router secret masked (redactSecrets), computed in a worker; rejects when it cannot be. */
export function maskTextsInWorker(texts: string[], timeoutMs = MASK_TIMEOUT_MS): Promise<string[]> {
  if (typeof Worker === 'undefined') return Promise.reject(new Error('no Worker here'));
  const id = nextId++;
  return new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => failAll(new Error(`masking took more than ${timeoutMs / 1000} s`)), timeoutMs);
    waiting.set(id, { resolve, reject, timer });
    ensure().then(
      (w) => {
        if (waiting.has(id)) w.postMessage({ id, type: 'mask', texts } satisfies MaskRequest);
      },
      (e: Error) => failAll(new Error(`the masking worker could not start: ${e.message}`)),
    );
  });
}
