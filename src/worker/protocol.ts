// Messages between the UI and the core worker: typed, with request ids so stale answers are ignored.
import type { NextSteps } from '../core/rules/next-steps';
import type { Answers, Diagnosis, Paste } from '../core/types';

/**
 * A capture file opened or dropped, analysed as bytes: the File (a Blob) crosses to the worker as a reference,
 * and the worker reads it there in chunks. Its text never exists on the main thread, in a textarea or the store.
 */
export interface FileInput {
  name: string;
  file: Blob;
  /** Identifies the file across runs (name, size, last-modified), so re-runs reuse the rows already read. */
  key: string;
}

export interface DiagnoseRequest {
  id: number;
  type: 'diagnose';
  pastes: Paste[];
  answers: Answers;
  files?: FileInput[];
}

export type WorkerRequest = DiagnoseRequest;

export type WorkerResponse =
  | { id: number; ok: true; diagnosis: Diagnosis; nextSteps: NextSteps; ms: number }
  | { id: number; ok: false; error: string }
  /** Bytes of the request's files read so far, of `total`. */
  | { id: number; progress: { done: number; total: number } };
