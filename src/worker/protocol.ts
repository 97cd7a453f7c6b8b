// Messages between the UI and the core worker: typed, with request ids so stale answers are ignored.
import type { SenderHostFact } from '../core/diagnose';
import type { NextSteps } from '../core/rules/next-steps';
import type { Answers, Diagnosis, Paste } from '../core/types';
import type { ShareInput, ShareLink } from '../share/build-share';
import type { DecodeResult } from '../share/codec';

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
  /** From an anonymised share link: the sender's verdicts, applied over ours (core/diagnose.ts). */
  hostFacts?: SenderHostFact[];
  files?: FileInput[];
}

export type WorkerRequest = DiagnoseRequest;

/** Open a share link's `d=` value off the main thread (a hostile link must not freeze the page). */
export interface DecodeRequest {
  id: number;
  type: 'decode';
  encoded: string;
}

/** Make a share link off the main thread (masking, anonymising, the sender's own re-diagnosis, deflate). */
export interface ShareRequest {
  id: number;
  type: 'share';
  input: ShareInput;
}

/** Mask router secrets in texts off the main thread (a 7.5 MB paste costs about 100 ms): what is stored. */
export interface MaskRequest {
  id: number;
  type: 'mask';
  texts: string[];
}

export interface MaskResponse {
  id: number;
  type: 'masked';
  texts: string[];
}

export interface ShareResponse {
  id: number;
  type: 'shared';
  link: ShareLink | null;
  error?: string;
}

export interface DecodeResponse {
  id: number;
  type: 'decoded';
  result: DecodeResult;
  ms: number;
}

export type WorkerResponse =
  | {
      id: number;
      ok: true;
      diagnosis: Diagnosis;
      nextSteps: NextSteps;
      /** Each request paste with its router secrets masked (what is stored of it); null when nothing was masked. */
      masked?: (string | null)[];
      ms: number;
    }
  | { id: number; ok: false; error: string }
  /** Bytes of the request's files read so far, of `total`. */
  | { id: number; progress: { done: number; total: number } };
