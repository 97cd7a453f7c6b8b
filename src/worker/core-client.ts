// Typed client for the core worker: one request in flight; a newer request supersedes (terminates) the old one.
import type { SenderHostFact } from '../core/diagnose';
import type { NextSteps } from '../core/rules/next-steps';
import type { Answers, Diagnosis, Paste } from '../core/types';
import type { FileInput, WorkerRequest, WorkerResponse } from './protocol';
import { decodeHosts } from './hosts-wire';

export class Superseded extends Error {
  constructor() {
    super('superseded by a newer request');
    this.name = 'Superseded';
  }
}

export interface DiagnoseResult {
  diagnosis: Diagnosis;
  nextSteps: NextSteps;
  /** The pastes as stored, secrets masked (null: the paste holds none), in the order they were sent. */
  masked?: (string | null)[];
  ms: number;
}

interface Pending {
  id: number;
  resolve: (r: DiagnoseResult) => void;
  reject: (e: Error) => void;
  onProgress?: (done: number, total: number) => void;
  /** The hosts of a big diagnosis, as they arrive ahead of its answer (protocol.ts HostsPart). */
  hosts?: Diagnosis['hosts'];
}

export interface DiagnoseOptions {
  /** Capture files analysed as bytes in the worker (never read on this thread). */
  files?: FileInput[];
  /** Bytes of those files read so far. */
  onProgress?: (done: number, total: number) => void;
  /** From an anonymised share link: the sender's verdicts, applied over ours (core/diagnose.ts). */
  hostFacts?: SenderHostFact[];
}

export async function spawn(): Promise<Worker> {
  // Single-file build (issue 7): a page opened from file:// cannot load a worker file, so that build inlines the
  // worker and starts it from a blob: URL. The mode is a build-time constant: the other branch is dropped, and the
  // import is dynamic so the inlined worker source never lands in the normal build's first-paint bundle.
  if (import.meta.env.MODE === 'single') {
    const { default: InlineCoreWorker } = await import('./core-worker.ts?worker&inline');
    return new InlineCoreWorker({ name: 'core' });
  }
  return new Worker(new URL('./core-worker.ts', import.meta.url), { type: 'module', name: 'core' });
}

export class CoreClient {
  private worker: Promise<Worker> | null = null;
  /** That worker once started: a request then goes to it at once, not a microtask later (after React's render). */
  private ready: Worker | null = null;
  private pending: Pending | null = null;
  private nextId = 1;

  private ensure(): Promise<Worker> {
    if (this.worker) return this.worker;
    const started = spawn().then((w) => {
      w.onmessage = (e: MessageEvent<WorkerResponse>) => this.settle(e.data);
      w.onerror = (e) => {
        e.preventDefault();
        // A worker already replaced by a newer one has nobody waiting on it.
        if (this.worker === started) this.fail(new Error(e.message || 'the analysis worker crashed'));
      };
      w.onmessageerror = () => this.worker === started && this.fail(new Error('the analysis result could not be read'));
      if (this.worker === started) this.ready = w;
      return w;
    });
    this.worker = started;
    return started;
  }

  private stop(): void {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    void w?.then((x) => x.terminate(), () => undefined);
  }

  private settle(res: WorkerResponse): void {
    const p = this.pending;
    if (!p || p.id !== res.id) return; // an answer to a request nobody waits for any more
    if ('progress' in res) {
      p.onProgress?.(res.progress.done, res.progress.total);
      return;
    }
    if ('wire' in res) {
      const got = (p.hosts ??= []);
      for (const h of decodeHosts(res.wire)) got.push(h);
      return;
    }
    this.pending = null;
    if (!res.ok) {
      p.reject(new Error(res.error));
      return;
    }
    let { diagnosis } = res;
    if (res.hostsSent !== undefined) {
      const hosts = p.hosts ?? [];
      if (hosts.length !== res.hostsSent) {
        p.reject(new Error(`the analysis result arrived incomplete (${hosts.length} of ${res.hostsSent} hosts)`));
        return;
      }
      // Back in their place: the same object the worker made, key order included.
      diagnosis = { ...diagnosis, hosts };
    }
    p.resolve({ diagnosis, nextSteps: res.nextSteps, ...(res.masked ? { masked: res.masked } : {}), ms: res.ms });
  }

  private fail(err: Error): void {
    const p = this.pending;
    this.pending = null;
    this.stop();
    p?.reject(err);
  }

  /**
   * Start the worker now, before any request (the paste page, once idle): its start-up (loading and compiling its
   * 350 KB, 70-85 ms on a desktop) then no longer comes before the first verdict.
   */
  prewarm(): void {
    this.ensure().catch(() => undefined);
  }

  /** Stop the running analysis: the core is synchronous, so the only real cancel is a fresh worker. */
  cancel(): void {
    if (!this.pending) return;
    const p = this.pending;
    this.pending = null;
    this.stop();
    p.reject(new Superseded());
  }

  diagnose(pastes: Paste[], answers: Answers, options: DiagnoseOptions = {}): Promise<DiagnoseResult> {
    this.cancel();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending = { id, resolve, reject, onProgress: options.onProgress };
      const req: WorkerRequest = { id, type: 'diagnose', pastes, answers, ...(options.files?.length ? { files: options.files } : {}), ...(options.hostFacts?.length ? { hostFacts: options.hostFacts } : {}) };
      if (this.ready) {
        this.ready.postMessage(req);
        return;
      }
      this.ensure().then(
        (w) => {
          if (this.pending?.id === id) w.postMessage(req);
        },
        (e: Error) => {
          if (this.pending?.id === id) this.fail(new Error(`the analysis worker could not start: ${e.message}`));
        },
      );
    });
  }
}
