// Diagnosis slice: the worker's latest result and the status of the run that will replace it.
import type { StateCreator } from 'zustand';
import type { NextSteps } from '../core/rules/next-steps';
import type { Diagnosis } from '../core/types';
import { redactDiagnosis } from '../share/redact-secrets';
import type { AppState } from './store-types';

export type RunStatus = 'idle' | 'waiting' | 'running' | 'done' | 'error';

export interface DiagnosisSlice {
  diagnosis: Diagnosis | null;
  /** Likely causes and the show commands to paste next, from the answers and what is already pasted. */
  nextSteps: NextSteps | null;
  status: RunStatus;
  /** The worker's error in words, when the run failed. */
  runError: string | null;
  /** Bytes being analysed, for the progress line. */
  runBytes: number;
  /** Share (0-1) of the open files read so far while a run reads files; null when the run reads none. */
  runProgress: number | null;
  runStartedAt: number | null;
  lastRunMs: number | null;
  setRunStatus: (status: RunStatus, bytes?: number) => void;
  setRunProgress: (share: number | null) => void;
  setDiagnosis: (diagnosis: Diagnosis | null, ms: number | null) => void;
  setNextSteps: (nextSteps: NextSteps | null) => void;
  setRunError: (message: string) => void;
}

export const createDiagnosisSlice: StateCreator<AppState, [], [], DiagnosisSlice> = (set) => ({
  diagnosis: null,
  nextSteps: null,
  status: 'idle',
  runError: null,
  runBytes: 0,
  runProgress: null,
  runStartedAt: null,
  lastRunMs: null,
  setRunStatus(status, bytes) {
    set((s) => ({
      status,
      runBytes: bytes ?? s.runBytes,
      runStartedAt: status === 'running' ? Date.now() : s.runStartedAt,
    }));
  },
  setRunProgress(runProgress) {
    set({ runProgress });
  },
  setDiagnosis(diagnosis, ms) {
    // What the report shows, prints, exports and shares: evidence lines and quoted warnings with secrets masked.
    set({ diagnosis: diagnosis && redactDiagnosis(diagnosis), status: diagnosis ? 'done' : 'idle', runError: null, lastRunMs: ms, runProgress: null });
  },
  setNextSteps(nextSteps) {
    set({ nextSteps });
  },
  setRunError(message) {
    set({ status: 'error', runError: message, runProgress: null });
  },
});
