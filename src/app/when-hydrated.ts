// Stored work is read back asynchronously (IndexedDB): route loaders wait for it before looking at the store.
import { useAppStore } from '../state/store';

/** Resolves once stored work has been read back (a paste added before that would be overwritten). */
export function whenHydrated(): Promise<void> {
  return new Promise((resolve) => {
    if (useAppStore.getState().hydrated) return resolve();
    const stop = useAppStore.subscribe((s) => {
      if (!s.hydrated) return;
      stop();
      resolve();
    });
  });
}
