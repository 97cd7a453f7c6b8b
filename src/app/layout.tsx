// Page frame: skip link, navigation, run status, notices, "Start over", and the routed page.
import { Suspense, useEffect } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../state/store';
import { firstScreenReplaced } from '../ui/first-screen';
import { openDetailsWhilePrinting } from './print-details';
import { RunStatus } from './run-status';
import { OFFLINE_STATUS_ID, UpdateBanner } from '../features/share/update-banner';

function Notices() {
  const { notice, storageProblem, setNotice, setStorageProblem } = useAppStore(
    useShallow((s) => ({ notice: s.notice, storageProblem: s.storageProblem, setNotice: s.setNotice, setStorageProblem: s.setStorageProblem })),
  );
  return (
    <div aria-live="polite" className="notices">
      {notice && (
        <p className="notice" role="status">
          {notice}{' '}
          <button type="button" className="link-button" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </p>
      )}
      {storageProblem && (
        <p className="notice notice-warn" role="alert">
          {storageProblem}{' '}
          <button type="button" className="link-button" onClick={() => setStorageProblem(null)}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}

/**
 * Marks the first screen as taken over once the first page is on screen: inside the page's Suspense boundary, which
 * hydrates after the header when React adopts the prerendered page (main.tsx), so the page still renders as the
 * prerendered one until then.
 */
function FirstPageShown() {
  useEffect(firstScreenReplaced, []);
  return null;
}

function StartOver() {
  const startOver = useAppStore((s) => s.startOver);
  return (
    <button
      type="button"
      className="secondary"
      onClick={() => {
        if (window.confirm('Clear all pastes, answers and results from this browser?')) startOver();
      }}
    >
      Start over
    </button>
  );
}

export function Layout() {
  const hydrated = useAppStore((s) => s.hydrated);
  useEffect(openDetailsWhilePrinting, []);
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header className="app-header">
        <p className="brand">Code Red Triage</p>
        <nav aria-label="Steps">
          <NavLink to="/" end>1. Symptoms</NavLink>
          <NavLink to="/paste">2. Paste output</NavLink>
          <NavLink to="/report">3. Report</NavLink>
        </nav>
        <RunStatus />
        <StartOver />
      </header>
      <Notices />
      {/* Offline (issue 7): offers a newly deployed version instead of swapping it in silently. */}
      <UpdateBanner />
      <main id="main" tabIndex={-1} className="page">
        {hydrated ? (
          <Suspense fallback={<p className="muted">Loading…</p>}>
            {/* One box per page: the prerendered first screen holds one per page (src/prerender), and React adopts
                the one on screen as it is (main.tsx). */}
            <div className="route-page">
              <Outlet />
              <FirstPageShown />
            </div>
          </Suspense>
        ) : (
          <p className="muted">Restoring your work…</p>
        )}
      </main>
      <footer className="app-footer">
        <p className="muted">Everything is read in this browser; nothing you paste leaves your machine.</p>
        <div id={OFFLINE_STATUS_ID} className="muted" />
      </footer>
    </>
  );
}
