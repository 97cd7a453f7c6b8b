// URL <-> store: opens share links (`#/report?d=v1.…`) and is the only module that reads or writes `location`.
//
// A link is untrusted: it is decoded, migrated, validated and normalised (src/share/codec.ts) before anything of
// it reaches the store; a bad one leaves a clear notice and the start page. Once the work in the store moves on
// from what the link said, a debounced history.replaceState drops `d=` so the address bar never shows a stale link.
import { create } from 'zustand';
import type { SenderHostFact } from '../core/diagnose';
import type { Diagnosis } from '../core/types';
import type { SharePayload } from '../share/payload-schema';
import { payloadFromHash, REPORT_ROUTE } from '../share/share-route';
import { useAppStore } from './store';

/** What the open share link said about itself, for the report page's notice. */
export interface OpenedLink {
  mode: SharePayload['mode'];
  anonymised: boolean;
  /** Secret lines the sender's page masked. */
  redacted: number;
  /** What the sender's page left out to keep the link short. */
  omitted: string[];
  /** Parts of the link that were ignored (unknown answers). */
  notes: string[];
  /** An anonymised link's sender verdicts, applied while its pastes are shown unedited. */
  facts?: SenderHostFact[];
}

export const useSharedLink = create<{ opened: OpenedLink | null }>(() => ({ opened: null }));

/** True while the report shows a diagnosis carried by a link (no pastes behind it to re-run). */
export function sharedDiagnosisShown(): boolean {
  return useSharedLink.getState().opened?.mode === 'diagnosis';
}

/** The page address a share link should open (no fragment needed: the link adds its own). */
export function currentPageUrl(): string {
  return window.location.href;
}

const DROP_PARAM_DELAY_MS = 400;
let applying = false;
/** The link being decoded (in its worker): no store change meanwhile may drop it from the address bar. */
let decoding: string | null = null;
let lastApplied: string | null = null;
let dropTimer: ReturnType<typeof setTimeout> | null = null;

function toStartPage(message: string): void {
  useSharedLink.setState({ opened: null });
  useAppStore.getState().setNotice(`${message} You are on the start page.`);
  window.location.replace('#/');
}

async function apply(encoded: string): Promise<void> {
  lastApplied = encoded;
  // The link is inflated, size-checked and validated in a worker (issue 12): a hostile one can cost that worker
  // seconds, never the page. The client loads only when a link is opened, so it stays out of the first paint.
  decoding = encoded;
  let r: Awaited<ReturnType<typeof import('../worker/link-client').decodeLinkInWorker>>;
  try {
    const { decodeLinkInWorker } = await import('../worker/link-client');
    if (lastApplied !== encoded) return; // another link was opened meanwhile
    r = await decodeLinkInWorker(encoded);
  } finally {
    if (decoding === encoded) decoding = null;
  }
  if (lastApplied !== encoded) return;
  if (!r.ok) {
    toStartPage(r.message);
    return;
  }
  const p = r.payload;
  const store = useAppStore.getState();
  const hadWork = store.pastes.some((x) => x.text.length > 0) || Object.keys(store.answers).length > 0;
  applying = true;
  try {
    useSharedLink.setState({
      opened: {
        mode: p.mode,
        anonymised: p.anonymised,
        redacted: p.redacted,
        omitted: p.mode === 'diagnosis' ? p.omitted : [],
        notes: r.notes,
        ...(p.mode === 'input' && p.facts?.length ? { facts: p.facts } : {}),
      },
    });
    if (p.mode === 'input') {
      store.replacePastes(p.pastes.map((x) => ({ name: x.source, text: x.text })));
      useAppStore.setState({ answers: p.answers });
      if (useAppStore.getState().pasteError) toStartPage(`This link's pastes could not be opened: ${useAppStore.getState().pasteError}`);
    } else {
      // No pastes to re-run: the report shows the diagnosis the link carries, as it was sent.
      store.replacePastes([]);
      useAppStore.setState({ answers: p.answers });
      store.setDiagnosis(p.diagnosis as Diagnosis, null);
    }
    // Never replace work silently: say so (the work itself was already saved nowhere else, so name the way back).
    if (hadWork) store.setNotice('This share link replaced the pastes and answers that were in this browser.');
  } finally {
    applying = false;
  }
}

function readHash(): void {
  const encoded = payloadFromHash(window.location.hash);
  if (encoded === null || encoded === lastApplied) return;
  if (!window.location.hash.startsWith(REPORT_ROUTE)) return;
  apply(encoded).catch((e: Error) => toStartPage(`This link could not be opened (${e.message}).`));
}

/** Drop `?d=` from the address bar once the work no longer matches the link (pastes or answers edited). */
function scheduleDropParam(): void {
  if (dropTimer) clearTimeout(dropTimer);
  dropTimer = setTimeout(() => {
    dropTimer = null;
    if (decoding !== null) return; // a link is opening: it decides what the address bar shows
    const { hash } = window.location;
    if (payloadFromHash(hash) === null) return;
    lastApplied = null;
    window.history.replaceState(window.history.state, '', hash.slice(0, hash.indexOf('?')));
  }, DROP_PARAM_DELAY_MS);
}

/** Start watching the URL; call once before the first render. Returns a stop function (tests). */
export function startUrlSync(): () => void {
  const whenHydrated = () => {
    if (useAppStore.getState().hydrated) readHash();
  };
  // Stored work is read back first, or it would overwrite what the link brings.
  const unsubscribe = useAppStore.subscribe((s, prev) => {
    if (s.hydrated && !prev.hydrated) readHash();
    else if (!applying && s.hydrated && (s.pastes !== prev.pastes || s.answers !== prev.answers)) {
      if (useSharedLink.getState().opened) useSharedLink.setState({ opened: null });
      scheduleDropParam();
    }
  });
  window.addEventListener('hashchange', whenHydrated);
  whenHydrated();
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', whenHydrated);
  };
}
