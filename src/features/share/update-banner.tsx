// Offline support in the page: registers the service worker and, when a new version is deployed, asks before
// switching to it (registerType 'prompt'). Both messages sit in the page flow and never cover content: the
// update prompt among the notices above the page, "ready to work offline" in the footer's status slot.
/// <reference types="vite-plugin-pwa/react" />
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useRegisterSW } from 'virtual:pwa-register/react';
import './share.css';

/** The footer element that holds the offline status (the layout renders it). */
export const OFFLINE_STATUS_ID = 'offline-status';

export function UpdateBanner() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  useEffect(() => setSlot(document.getElementById(OFFLINE_STATUS_ID)), []);
  return (
    <>
      {needRefresh && (
        <div className="update-banner no-print" role="region" aria-label="App update">
          <p role="status">A new version of Code Red Triage is available. Your pastes and answers are kept.</p>
          <div className="actions">
            <button type="button" onClick={() => void updateServiceWorker(true)}>Update now</button>
            <button type="button" className="secondary" onClick={() => setNeedRefresh(false)}>Later</button>
          </div>
        </div>
      )}
      {offlineReady &&
        slot &&
        createPortal(
          <p className="offline-ready" role="status">
            Ready to work offline: this page now reloads without a network.{' '}
            <button type="button" className="link-button" onClick={() => setOfflineReady(false)}>Dismiss</button>
          </p>,
          slot,
        )}
    </>
  );
}
