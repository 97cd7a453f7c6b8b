// Typed client for the core worker: one request in flight; a newer request supersedes (terminates) the old one.
import type { Answers, Diagnosis, Paste } from '../core/types';
import type { WorkerRequest, WorkerResponse } from './protocol';

export class Superseded extends Error {
  constructor() {
    super('superseded by a newer request');
    this.name = 'Superseded';
  }
}

interface Pending {
  id: number;
  resolve: (r: { diagnosis: Diagnosis; ms: number }) => void;
  reject: (e: Error) => void;
}

function spawn(): Worker {
  return new Worker(new URL('./core-worker.ts', import.meta.url), { type: 'module', name: 'core' });
}

export class CoreClient {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  private nextId = 1;

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = spawn();
    w.onmessage = (e: MessageEvent<WorkerResponse>) => this.settle(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      this.fail(new Error(e.message || 'the analysis worker crashed'));
    };
    w.onmessageerror = () => this.fail(new Error('the analysis result could not be read'));
    this.worker = w;
    return w;
  }

  private settle(res: WorkerResponse): void {
    const p = this.pending;
    if (!p || p.id !== res.id) return; // an answer to a request nobody waits for any more
    this.pending = null;
    if (res.ok) p.resolve({ diagnosis: res.diagnosis, ms: res.ms });
    else p.reject(new Error(res.error));
  }

  private fail(err: Error): void {
    const p = this.pending;
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
    p?.reject(err);
  }

  /** Stop the running analysis: the core is synchronous, so the only real cancel is a fresh worker. */
  cancel(): void {
    if (!this.pending) return;
    const p = this.pending;
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
    p.reject(new Superseded());
  }

  diagnose(pastes: Paste[], answers: Answers): Promise<{ diagnosis: Diagnosis; ms: number }> {
    this.cancel();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending = { id, resolve, reject };
      const req: WorkerRequest = { id, type: 'diagnose', pastes, answers };
      this.ensure().postMessage(req);
    });
  }
}
