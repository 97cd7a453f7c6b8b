// The whole store's type: the union of its slices (each slice file declares its own part).
import type { AnswersSlice } from './answers-slice';
import type { DiagnosisSlice } from './diagnosis-slice';
import type { FilesSlice } from './files-slice';
import type { PastesSlice } from './pastes-slice';
import type { ViewSlice } from './view-slice';

export interface SessionSlice {
  /** True once stored work has been read back (or found missing); until then the page says it is restoring. */
  hydrated: boolean;
  /** Why stored work could not be (fully) read back or saved, in words; null when all is well. */
  storageProblem: string | null;
  setStorageProblem: (message: string | null) => void;
  /** Clear pastes, answers, results and view, and the stored copy. */
  startOver: () => void;
}

export type AppState = PastesSlice & FilesSlice & AnswersSlice & DiagnosisSlice & ViewSlice & SessionSlice;
