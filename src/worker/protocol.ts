// Messages between the UI and the core worker: typed, with request ids so stale answers are ignored.
import type { NextSteps } from '../core/rules/next-steps';
import type { Answers, Diagnosis, Paste } from '../core/types';

export interface DiagnoseRequest {
  id: number;
  type: 'diagnose';
  pastes: Paste[];
  answers: Answers;
}

export type WorkerRequest = DiagnoseRequest;

export type WorkerResponse =
  | { id: number; ok: true; diagnosis: Diagnosis; nextSteps: NextSteps; ms: number }
  | { id: number; ok: false; error: string };
