// Persist storage on IndexedDB (big pastes overflow localStorage's ~5 MB), with batched writes and a
// localStorage fallback when IndexedDB is unavailable (some private modes).
import type { PersistStorage, StorageValue } from 'zustand/middleware';

const DB_NAME = 'code-red-triage';
const STORE = 'kv';
/** Big states are batched (a keystroke in a 10 MB paste must not clone 10 MB each time); small ones go at once. */
const WRITE_DELAY_MS = 200;
const BATCH_FROM_CHARS = 256 * 1024;

function roughSize(value: unknown): number {
  const state = (value as { state?: { pastes?: { text?: unknown }[] } }).state;
  let n = 0;
  for (const p of state?.pastes ?? []) if (typeof p.text === 'string') n += p.text.length;
  return n;
}

/** IndexedDB can stay silent (blocked by another tab, a broken profile); past this the page falls back and goes on. */
const OPEN_TIMEOUT_MS = 3000;

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('IndexedDB did not answer')), OPEN_TIMEOUT_MS);
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => {
      clearTimeout(timer);
      resolve(req.result);
    };
    req.onerror = () => {
      clearTimeout(timer);
      reject(req.error ?? new Error('IndexedDB open failed'));
    };
    req.onblocked = () => {
      clearTimeout(timer);
      reject(new Error('IndexedDB open blocked by another tab'));
    };
  });
}

function tx<T>(db: IDBDatabase, mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = db.transaction(STORE, mode);
    const req = run(t.objectStore(STORE));
    t.oncomplete = () => resolve(req.result);
    t.onerror = () => reject(t.error ?? new Error('IndexedDB transaction failed'));
    t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function shallowEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

export interface BatchedStorage<S> extends PersistStorage<S> {
  /** Write any pending value now (page hide, before a test reloads). */
  flush: () => Promise<void>;
}

/**
 * Start over clears the work from this browser, not from one tab: every tab of the page shares the stored copy.
 * Each start over leaves a new mark beside it. A tab writes only while the mark is the one it last saw (checked in
 * the write's own transaction), so the last save of a tab closed or stalled before the start over can never bring
 * the work back; and the other tabs open are told at once (a broadcast), so they clear their copy too.
 */
const MARK_SUFFIX = ':started-over';
const CHANNEL = 'code-red-triage:storage';

function newMark(): string {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The marks compared: nothing stored reads as null. */
function markOf(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** How a value is cleaned up before it is written: `urgent` when the page is going away (no time for a worker). */
export type Prepare<S> = (value: StorageValue<S>, urgent: boolean) => StorageValue<S> | Promise<StorageValue<S>>;

/**
 * `prepare` runs once per batched write, not on every store change: the place for costly clean-up of what is
 * written (masking router secrets in big pastes, in a worker). It may take its time: values are written in the
 * order they were set, and one set later that is written first is never overwritten by an older one.
 */
export function createIdbStorage<S>(
  onWriteError: (message: string) => void,
  prepare: Prepare<S> = (v) => v,
  /** Another tab started over: this tab's copy of the work is to be cleared (its pending writes are dropped already). */
  onStartedOverElsewhere: () => void = () => undefined,
): BatchedStorage<S> {
  let dbPromise: Promise<IDBDatabase> | null = null;
  const db = () => (dbPromise ??= typeof indexedDB === 'undefined' ? Promise.reject(new Error('no IndexedDB')) : openDb());
  interface Entry {
    name: string;
    value: StorageValue<S>;
    /** Order of setItem calls: a write of an older entry after a newer one is skipped. */
    gen: number;
  }
  let generation = 0;
  /** Generation of the newest entry whose write has started (or that was removed). */
  let started = 0;
  let pending: Entry | null = null;
  /** The entry being prepared (masked in a worker), until its write starts. */
  let preparing: Entry | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSeen: StorageValue<S> | null = null;
  /** The start-over mark this tab's work belongs to; undefined until read (the first write then takes what it finds). */
  let mark: string | null | undefined;
  // Pages only: Node has BroadcastChannel too, and an open one keeps a build or a test process alive.
  const channel = typeof window === 'undefined' || typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);

  /** Drop what this tab still meant to write: it belongs to work cleared since. */
  function dropPending(): void {
    pending = null;
    lastSeen = null;
    // A value still being prepared was set before: it must not be written after.
    started = generation;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  /** Another tab started over (told by broadcast, or found on writing): clear this tab's copy once per mark. */
  function startedOverElsewhere(found: string | null): void {
    if (found === mark) return;
    mark = found;
    dropPending();
    onStartedOverElsewhere();
  }

  channel?.addEventListener('message', (e: MessageEvent) => {
    const m = (e.data as { startedOver?: unknown } | null)?.startedOver;
    if (typeof m === 'string') startedOverElsewhere(m);
  });

  /** Put the value unless another tab started over since this tab read the mark; true when written. */
  function putIfCurrent(d: IDBDatabase, name: string, value: StorageValue<S>): Promise<string | null | true> {
    return new Promise((resolve, reject) => {
      const t = d.transaction(STORE, 'readwrite');
      const s = t.objectStore(STORE);
      let outcome: string | null | true = true;
      const req = s.get(name + MARK_SUFFIX);
      req.onsuccess = () => {
        const found = markOf(req.result);
        if (mark === undefined) mark = found;
        if (found === mark) s.put(value, name);
        else outcome = found;
      };
      t.oncomplete = () => resolve(outcome);
      t.onerror = () => reject(t.error ?? new Error('IndexedDB transaction failed'));
      t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
    });
  }

  async function write(name: string, value: StorageValue<S>): Promise<void> {
    let outcome: string | null | true;
    try {
      const d = await db();
      outcome = await putIfCurrent(d, name, value);
    } catch {
      try {
        // One tab's code runs alone here: the check and the write cannot interleave with another tab's start over.
        const found = markOf(localStorage.getItem(name + MARK_SUFFIX));
        if (mark === undefined) mark = found;
        outcome = found === mark ? true : found;
        if (outcome === true) localStorage.setItem(name, JSON.stringify(value));
      } catch (e) {
        onWriteError(`Your work could not be saved in this browser (${(e as Error).name}); it will be lost on reload.`);
        return;
      }
    }
    if (outcome !== true) startedOverElsewhere(outcome);
  }

  /** Start the write of a prepared entry unless a newer one has started already (IndexedDB keeps their order). */
  function startWrite(e: Entry, value: StorageValue<S>): Promise<void> {
    if (e.gen <= started) return Promise.resolve();
    started = e.gen;
    return write(e.name, value);
  }

  /**
   * Write the pending value now. `urgent` (the page is being hidden or closed): prepared on this thread, and the
   * value still being prepared elsewhere is taken over, so nothing waits on a worker the page may not outlive.
   */
  async function flush(urgent = false): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const e = pending ?? (urgent ? preparing : null);
    pending = null;
    if (!e) return;
    if (urgent) {
      await startWrite(e, (await prepare(e.value, true)));
      return;
    }
    preparing = e;
    let value: StorageValue<S>;
    try {
      value = await prepare(e.value, false);
    } finally {
      if (preparing === e) preparing = null;
    }
    await startWrite(e, value);
  }

  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', () => void flush(true));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') void flush(true);
    });
  }

  return {
    async getItem(name) {
      try {
        const d = await db();
        let v: unknown;
        const m = await tx<unknown>(d, 'readonly', (s) => {
          const value = s.get(name);
          value.onsuccess = () => (v = value.result);
          return s.get(name + MARK_SUFFIX);
        });
        // A start over leaves its mark in localStorage at once and in IndexedDB with the deletion, a transaction the
        // page may not outlive (Start over, then the tab closed or reloaded at once): a mark there that IndexedDB's
        // does not match means the work IndexedDB still holds was cleared. Finish that start over now, never restore it.
        const cleared = typeof localStorage === 'undefined' ? null : markOf(localStorage.getItem(name + MARK_SUFFIX));
        if (cleared !== null && cleared !== markOf(m)) {
          await tx(d, 'readwrite', (s) => {
            s.delete(name);
            return s.put(cleared, name + MARK_SUFFIX);
          });
          if (mark === undefined) mark = cleared;
          return null;
        }
        if (mark === undefined) mark = markOf(m);
        if (v !== undefined) return v as StorageValue<S>;
      } catch {
        /* fall through to localStorage */
      }
      if (typeof localStorage !== 'undefined' && mark === undefined) mark = markOf(localStorage.getItem(name + MARK_SUFFIX));
      const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(name);
      // A corrupted string must not throw out of hydration: the caller treats null as "nothing stored".
      if (raw === null) return null;
      try {
        return JSON.parse(raw) as StorageValue<S>;
      } catch {
        onWriteError('The saved work in this browser was damaged and could not be read; starting fresh.');
        return null;
      }
    },
    setItem(name, value) {
      // The store calls this on every change (run status too); only a change in what is persisted is written.
      if (lastSeen && lastSeen.version === value.version && shallowEqual(lastSeen.state, value.state)) return;
      lastSeen = value;
      pending = { name, value, gen: ++generation };
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), roughSize(value) < BATCH_FROM_CHARS ? 0 : WRITE_DELAY_MS);
    },
    /** Start over: the stored copy goes, a new mark is left, and every other tab is told. */
    async removeItem(name) {
      dropPending();
      const next = newMark();
      mark = next;
      channel?.postMessage({ startedOver: next });
      try {
        localStorage.removeItem(name);
        localStorage.setItem(name + MARK_SUFFIX, next);
      } catch {
        /* no localStorage: IndexedDB below */
      }
      try {
        const d = await db();
        await tx(d, 'readwrite', (s) => {
          s.delete(name);
          return s.put(next, name + MARK_SUFFIX);
        });
      } catch {
        /* no IndexedDB: the mark is in localStorage */
      }
    },
    flush: () => flush(false),
  };
}
