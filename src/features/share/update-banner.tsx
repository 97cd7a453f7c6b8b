// Offline support in the page: registers the service worker and, when a new version is deployed, asks before
// switching to it (registerType 'prompt'); also says once when the app is ready to work offline.
/// <reference types="vite-plugin-pwa/react" />
import { useRegisterSW } from 'virtual:pwa-register/react';
import './share.css';

export function UpdateBanner() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();
  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="update-banner no-print" role="region" aria-label="App update">
      {needRefresh ? (
        <>
          <p role="status">A new version of Code Red Triage is available. Your pastes and answers are kept.</p>
          <div className="actions">
            <button type="button" onClick={() => void updateServiceWorker(true)}>Update now</button>
            <button type="button" className="secondary" onClick={() => setNeedRefresh(false)}>Later</button>
          </div>
        </>
      ) : (
        <>
          <p role="status">Ready to work offline: this page now reloads without a network.</p>
          <button type="button" className="secondary" onClick={() => setOfflineReady(false)}>Dismiss</button>
        </>
      )}
    </div>
  );
}
