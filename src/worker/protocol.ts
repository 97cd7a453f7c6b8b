// Messages between the UI and the core worker: typed, with request ids so stale answers are ignored.
import type { SenderHostFact } from '../core/diagnose';
import type { NextSteps } from '../core/rules/next-steps';
import type { Answers, Diagnosis, Paste } from '../core/types';
import type { ShareInput, ShareLink } from '../share/build-share';
import type { DecodeResult } from '../share/codec';
import { encodeHosts, type HostsWire } from './hosts-wire';

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
      /**
       * How many hosts came before this answer in messages of their own (HostsPart), in order; `diagnosis.hosts` is
       * then empty and the client puts them back. Absent: `diagnosis.hosts` holds them all.
       */
      hostsSent?: number;
    }
  | { id: number; ok: false; error: string }
  /** Bytes of the request's files read so far, of `total`. */
  | { id: number; progress: { done: number; total: number } }
  | HostsPart;

/**
 * The next hosts of a big diagnosis, before its answer, as columns (hosts-wire.ts). The page's thread reads each
 * message in a task of its own: 200,000 hosts in one message took one 550 ms task to read (the page froze); a few
 * thousand take a few milliseconds.
 */
export interface HostsPart {
  id: number;
  wire: HostsWire;
}

/** Hosts a message carries at most (HostsPart). */
export const HOSTS_PER_MESSAGE = 5_000;

/**
 * The messages that carry an answer, in order: the answer itself when its diagnosis is small; else its hosts in parts
 * of HOSTS_PER_MESSAGE, then the answer without them (`hostsSent` says how many came). CoreClient puts them together.
 * Each part is made as it is asked for, so the worker posts it before making the next: the page reads a part while
 * the worker makes the next one (made all first, 72,516 hosts waited 60-90 ms in the worker before the page read any).
 */
export function* answerMessages(res: WorkerResponse, perMessage = HOSTS_PER_MESSAGE): Generator<{ message: WorkerResponse; transfer: ArrayBuffer[] }> {
  if (!('ok' in res) || !res.ok || res.diagnosis.hosts.length <= perMessage) {
    yield { message: res, transfer: [] };
    return;
  }
  const hosts = res.diagnosis.hosts;
  for (let a = 0; a < hosts.length; a += perMessage) {
    const { wire, transfer } = encodeHosts(hosts.slice(a, a + perMessage));
    yield { message: { id: res.id, wire }, transfer };
  }
  yield { message: { ...res, diagnosis: { ...res.diagnosis, hosts: [] }, hostsSent: hosts.length }, transfer: [] };
}
