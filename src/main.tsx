// Browser entry: mounts the router, starts the worker-backed diagnosis runner.
import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { adoptPrerenderedReport } from './app/adopt-first-screen';
import { router } from './app/router';
import { startDiagnosisRunner } from './state/diagnosis-runner';
import { useAppStore } from './state/store';
import { startUrlSync } from './state/url-sync';

startDiagnosisRunner();
// Share links (issue 7): opens `#/report?d=…` once stored work has been read back.
startUrlSync();

/** Longest the prerendered first screen waits for stored work, the page's code and its analysis before React takes over. */
const READY_TIMEOUT_MS = 3000;

/** A report whose analysis is under way: React would show "Reading your pastes…" over the prerendered report. */
function reportPending(): boolean {
  const { status, diagnosis } = useAppStore.getState();
  return router.state.location.pathname === '/report' && diagnosis === null && (status === 'waiting' || status === 'running');
}

/**
 * index.html paints the first screen without script (prerendered from the same components at build time). React
 * replaces it once the stored work is read back, the page's lazy code has loaded and, on a report, the analysis
 * has answered, so its first frame is the page as painted: no "Restoring…" or "Reading…" flash, nothing moves.
 */
function whenReady(): Promise<void> {
  return new Promise((resolve) => {
    const ready = () => useAppStore.getState().hydrated && router.state.initialized && router.state.navigation.state === 'idle' && !reportPending();
    if (ready()) return resolve();
    const done = () => {
      if (!ready()) return;
      stop();
      resolve();
    };
    const stopStore = useAppStore.subscribe(done);
    const stopRouter = router.subscribe(done);
    const timer = setTimeout(() => {
      stop();
      resolve();
    }, READY_TIMEOUT_MS);
    function stop() {
      stopStore();
      stopRouter();
      clearTimeout(timer);
    }
  });
}

// A transition: React renders the first page in short slices, yielding between them, instead of one long task
// (the prerendered screen is already painted, so nothing waits on it; Lighthouse TBT on a plain host).
void whenReady().then(() => {
  const container = document.getElementById('root')!;
  const app = (
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>
  );
  if (adoptPrerenderedReport(container, router.state.location.pathname)) {
    // Tests read how the first screen was taken over (e2e/first-screen.spec.ts).
    container.dataset.firstScreen = 'hydrated';
    startTransition(() => {
      hydrateRoot(container, app, {
        // A page that differs from the prerendered one is rendered by React instead, as any other first screen: said
        // as a warning, not an error (nothing is lost).
        onRecoverableError: (error) => {
          container.dataset.firstScreen = 'rendered';
          console.warn('Code Red Triage: the first screen was rendered again instead of adopted.', error);
        },
      });
    });
    return;
  }
  container.dataset.firstScreen = 'rendered';
  const root = createRoot(container);
  startTransition(() => root.render(app));
});
