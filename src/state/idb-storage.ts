// Persist storage on IndexedDB (big pastes overflow localStorage's ~5 MB), with batched writes and a
// localStorage fallback when IndexedDB is unavailable (some private modes).
import type { PersistStorage, StorageValue } from 'zustand/middleware';

const DB_NAME = 'code-red-triage';
const STORE = 'kv';
/** Writes are batched: a keystroke in a 10 MB paste must not clone 10 MB each time. */
const WRITE_DELAY_MS = 200;

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
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

export interface BatchedStorage<S> extends PersistStorage<S> {
  /** Write any pending value now (page hide, before a test reloads). */
  flush: () => Promise<void>;
}

export function createIdbStorage<S>(onWriteError: (message: string) => void): BatchedStorage<S> {
  let dbPromise: Promise<IDBDatabase> | null = null;
  const db = () => (dbPromise ??= typeof indexedDB === 'undefined' ? Promise.reject(new Error('no IndexedDB')) : openDb());
  let pending: { name: string; value: StorageValue<S> } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function write(name: string, value: StorageValue<S>): Promise<void> {
    try {
      const d = await db();
      await tx(d, 'readwrite', (s) => s.put(value, name));
    } catch {
      try {
        localStorage.setItem(name, JSON.stringify(value));
      } catch (e) {
        onWriteError(`Your work could not be saved in this browser (${(e as Error).name}); it will be lost on reload.`);
      }
    }
  }

  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const p = pending;
    pending = null;
    if (p) await write(p.name, p.value);
  }

  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', () => void flush());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') void flush();
    });
  }

  return {
    async getItem(name) {
      try {
        const d = await db();
        const v = await tx<unknown>(d, 'readonly', (s) => s.get(name));
        if (v !== undefined) return v as StorageValue<S>;
      } catch {
        /* fall through to localStorage */
      }
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
      pending = { name, value };
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), WRITE_DELAY_MS);
    },
    async removeItem(name) {
      pending = null;
      if (timer) clearTimeout(timer);
      timer = null;
      try {
        localStorage.removeItem(name);
      } catch {
        /* nothing to remove */
      }
      try {
        const d = await db();
        await tx(d, 'readwrite', (s) => s.delete(name));
      } catch {
        /* nothing stored there */
      }
    },
    flush,
  };
}
