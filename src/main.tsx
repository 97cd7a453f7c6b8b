// Browser entry: mounts the router, starts the worker-backed diagnosis runner.
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './app/router';
import { startDiagnosisRunner } from './state/diagnosis-runner';
import { useAppStore } from './state/store';
import { startUrlSync } from './state/url-sync';

startDiagnosisRunner();
// Share links (issue 7): opens `#/report?d=…` once stored work has been read back.
startUrlSync();

/** Longest the prerendered first screen waits for stored work and the page's code before React takes over anyway. */
const READY_TIMEOUT_MS = 3000;

/**
 * index.html paints the first screen without script. React replaces it once the stored work is read back and the
 * page's lazy code has loaded, so its first frame is the real page: no "Restoring…" flash, nothing moves.
 */
function whenReady(): Promise<void> {
  return new Promise((resolve) => {
    const ready = () => useAppStore.getState().hydrated && router.state.initialized;
    if (ready()) return resolve();
    const done = () => {
      if (!ready()) return;
      stopStore();
      stopRouter();
      clearTimeout(timer);
      resolve();
    };
    const stopStore = useAppStore.subscribe(done);
    const stopRouter = router.subscribe(done);
    const timer = setTimeout(() => {
      stopStore();
      stopRouter();
      resolve();
    }, READY_TIMEOUT_MS);
  });
}

// A transition: React renders the first page in short slices, yielding between them, instead of one long task
// (the prerendered screen is already painted, so nothing waits on it; Lighthouse TBT on a plain host).
void whenReady().then(() => {
  const root = createRoot(document.getElementById('root')!);
  startTransition(() =>
    root.render(
      <StrictMode>
        <RouterProvider router={router} />
      </StrictMode>,
    ),
  );
});
