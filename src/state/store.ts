// The one app store: typed slices (pastes, answers, diagnosis, view, session), persisted with version + migrate.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { createAnswersSlice } from './answers-slice';
import { createDiagnosisSlice } from './diagnosis-slice';
import { createFilesSlice } from './files-slice';
import { createIdbStorage } from './idb-storage';
import { createPastesSlice } from './pastes-slice';
import { migrateStored, sanitiseStored, STORE_NAME, STORE_VERSION, type StoredState } from './stored-state';
import type { AppState } from './store-types';
import { createViewSlice, DEFAULT_VIEW } from './view-slice';
import { maskForStorage, maskPastesForStorage } from './mask-stored-secrets';

export const storage = createIdbStorage<StoredState>(
  (message) => useAppStore.getState().setStorageProblem(message),
  // Big pastes are masked in a worker; when the page is going away there is no time for one.
  async (value, urgent) => ({
    ...value,
    state: { ...value.state, pastes: urgent ? value.state.pastes.map(maskForStorage) : await maskPastesForStorage(value.state.pastes) },
  }),
  // Start over in another tab cleared the work from this browser: this tab's copy goes too, and it says why.
  () => useAppStore.setState(clearedWork('Started over in another tab: your pastes, answers and results were cleared from this browser.')),
);

/** The store with no work in it, and the notice that says why. */
function clearedWork(notice: string): Partial<AppState> {
  return {
    pastes: [],
    pasteError: null,
    files: [],
    answers: {},
    diagnosis: null,
    nextSteps: null,
    status: 'idle',
    runError: null,
    lastRunMs: null,
    ...DEFAULT_VIEW,
    storageProblem: null,
    notice,
  };
}

/**
 * References only (name, size, date): a file's bytes are never stored. After a reload the File is gone (browsers
 * keep no access to it): it comes back as a reference to reopen. One array per files array, so an unchanged list
 * leaves the stored state unchanged (the storage skips the write; a new array each time rewrote every paste).
 */
const storedFiles = new WeakMap<AppState['files'], StoredState['files']>();
function filesToStore(files: AppState['files']): StoredState['files'] {
  let out = storedFiles.get(files);
  if (!out) {
    out = files.map(({ id, name, size, lastModified }) => ({ id, name, size, lastModified, state: 'missing' as const }));
    storedFiles.set(files, out);
  }
  return out;
}

export const useAppStore = create<AppState>()(
  persist(
    (set, get, api) => ({
      ...createPastesSlice(set, get, api),
      ...createFilesSlice(set, get, api),
      ...createAnswersSlice(set, get, api),
      ...createDiagnosisSlice(set, get, api),
      ...createViewSlice(set, get, api),
      hydrated: false,
      storageProblem: null,
      setStorageProblem(storageProblem) {
        set({ storageProblem });
      },
      startOver() {
        set(clearedWork('Started over: your pastes, answers and results were cleared from this browser, in every tab.'));
        // The store writes the emptied state back on the next change; remove the stored copy now as well (and tell
        // the other tabs).
        void storage.removeItem(STORE_NAME);
      },
    }),
    {
      name: STORE_NAME,
      version: STORE_VERSION,
      storage,
      partialize: (s): StoredState => ({
        pastes: s.pastes,
        files: filesToStore(s.files),
        answers: s.answers,
        hostSort: s.hostSort,
        hostPage: s.hostPage,
        verdictFilter: s.verdictFilter,
        selectedSource: s.selectedSource,
        shareAnonymise: s.shareAnonymise,
      }),
      migrate: (persisted, version) => migrateStored(persisted, version) as StoredState,
      // Runs on every hydration (not only after migrate): stored data is untrusted, keep only what validates.
      merge: (persisted, current) => {
        const { state, problems } = sanitiseStored(persisted);
        return {
          ...current,
          ...state,
          storageProblem: problems.length > 0 ? `Some saved work could not be restored: ${problems.join('; ')}.` : current.storageProblem,
        };
      },
      onRehydrateStorage: () => (_state, error) => {
        useAppStore.setState({
          hydrated: true,
          ...(error ? { storageProblem: 'The saved work in this browser could not be read; starting fresh.' } : {}),
        });
      },
    },
  ),
);
