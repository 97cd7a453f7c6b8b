// Batched storage: a value masked slowly (in a worker) never lands over a newer one; the page going away writes at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StorageValue } from 'zustand/middleware';
import fc from 'fast-check';
import { createIdbStorage } from './idb-storage';

type S = { pastes: string[] };
const value = (...pastes: string[]): StorageValue<S> => ({ state: { pastes }, version: 1 });

/** No IndexedDB in Node: the storage falls back to localStorage, faked here as a map. */
const saved = new Map<string, string>();
const stored = () => JSON.parse(saved.get('k') ?? 'null') as StorageValue<S> | null;
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createIdbStorage', () => {
  beforeEach(() => {
    saved.clear();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => saved.get(k) ?? null,
      setItem: (k: string, v: string) => void saved.set(k, v),
      removeItem: (k: string) => void saved.delete(k),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('writes the prepared value, not the raw one', async () => {
    const s = createIdbStorage<S>(() => undefined, (v) => ({ ...v, state: { pastes: v.state.pastes.map((p) => p.toUpperCase()) } }));
    s.setItem('k', value('a'));
    await s.flush();
    expect(stored()?.state.pastes).toEqual(['A']);
  });

  it('never writes an older value over a newer one that was prepared faster', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const s = createIdbStorage<S>(() => undefined, async (v) => {
      if (v.state.pastes[0] === 'old') await slow; // a big paste masked in a worker
      return v;
    });
    s.setItem('k', value('old'));
    const first = s.flush();
    s.setItem('k', value('new'));
    await s.flush();
    expect(stored()?.state.pastes).toEqual(['new']);
    release();
    await first;
    expect(stored()?.state.pastes).toEqual(['new']);
  });

  it('writes at once, prepared on this thread, when the page is hidden, and the slow write is then dropped', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const urgentCalls: boolean[] = [];
    const listeners = new Map<string, () => void>();
    vi.stubGlobal('window', { addEventListener: (t: string, f: () => void) => listeners.set(t, f) });
    vi.stubGlobal('document', { addEventListener: (t: string, f: () => void) => listeners.set(`doc:${t}`, f), visibilityState: 'visible' });
    const s = createIdbStorage<S>(() => undefined, async (v, urgent) => {
      urgentCalls.push(urgent);
      if (!urgent) await slow;
      return { ...v, state: { pastes: v.state.pastes.map((p) => `${p}${urgent ? '!' : '?'}`) } };
    });
    s.setItem('k', value('x'));
    const inWorker = s.flush();
    await tick();
    listeners.get('pagehide')!();
    await tick();
    expect(stored()?.state.pastes).toEqual(['x!']);
    release();
    await inWorker;
    expect(stored()?.state.pastes).toEqual(['x!']);
    expect(urgentCalls).toEqual([false, true]);
  });

  it('a value still being prepared is not written after a removal', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const s = createIdbStorage<S>(() => undefined, async (v) => {
      await slow;
      return v;
    });
    s.setItem('k', value('before start over'));
    const pending = s.flush();
    await s.removeItem('k');
    release();
    await pending;
    expect(stored()).toBeNull();
  });

  describe('start over in one tab clears the work from every tab', () => {
    it('a tab that read the work before another tab started over never writes it back', async () => {
      let cleared = 0;
      const closing = createIdbStorage<S>(() => undefined, (v) => v, () => cleared++);
      const other = createIdbStorage<S>(() => undefined);
      closing.setItem('k', value('work'));
      await closing.flush();
      await closing.getItem('k');
      await other.getItem('k');
      await other.removeItem('k'); // start over in the other tab
      closing.setItem('k', value('work', 'its last save on closing'));
      await closing.flush();
      expect(stored()).toBeNull();
      expect(cleared).toBe(1);
      // The tab cleared its copy: what it writes from now on is new work, and is kept.
      closing.setItem('k', value('new work'));
      await closing.flush();
      expect(stored()?.state.pastes).toEqual(['new work']);
      expect(cleared).toBe(1);
    });

    it('a tab opened after the start over writes as usual, and so does the tab that started over', async () => {
      const first = createIdbStorage<S>(() => undefined);
      await first.getItem('k');
      await first.removeItem('k');
      first.setItem('k', value('after'));
      await first.flush();
      expect(stored()?.state.pastes).toEqual(['after']);
      let cleared = 0;
      const later = createIdbStorage<S>(() => undefined, (v) => v, () => cleared++);
      expect((await later.getItem('k'))?.state.pastes).toEqual(['after']);
      later.setItem('k', value('later'));
      await later.flush();
      expect(stored()?.state.pastes).toEqual(['later']);
      expect(cleared).toBe(0);
    });

    it('each start over is found once, also a second one', async () => {
      let cleared = 0;
      const a = createIdbStorage<S>(() => undefined, (v) => v, () => cleared++);
      const b = createIdbStorage<S>(() => undefined);
      await a.getItem('k');
      await b.getItem('k');
      for (const round of [1, 2]) {
        await b.removeItem('k');
        a.setItem('k', value(`stale ${round}`));
        await a.flush();
        expect(stored()).toBeNull();
        expect(cleared).toBe(round);
      }
    });
  });

  describe('start over across tabs (property)', () => {
    type Op = { tab: number; op: 'set' | 'flush' | 'startOver' | 'reload' };
    const opArb = fc.record({ tab: fc.nat(2), op: fc.constantFrom<Op['op']>('set', 'set', 'flush', 'flush', 'startOver', 'reload') });

    it('whatever is stored was set by a tab that knew of the last start over, in any order of three tabs', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40 }), async (ops) => {
          saved.clear();
          /** Start overs so far; each value carries the count its tab knew of when it was set. */
          let startOvers = 0;
          const known = [0, 0, 0];
          // A tab learns of a start over by doing it, by reading the work back (a reload), or when its save finds it.
          const open = (t: number) => createIdbStorage<S>(() => undefined, (v) => v, () => (known[t] = startOvers));
          const tabs = [0, 1, 2].map(open);
          for (const t of tabs) await t.getItem('k');
          let n = 0;
          for (const { tab, op } of ops) {
            if (op === 'set') tabs[tab]!.setItem('k', value(`${known[tab]}:${tab}:${n++}`));
            else if (op === 'flush') await tabs[tab]!.flush();
            else if (op === 'startOver') {
              known[tab] = ++startOvers;
              await tabs[tab]!.removeItem('k');
            } else {
              tabs[tab] = open(tab);
              await tabs[tab]!.getItem('k');
              known[tab] = startOvers;
            }
            const got = stored()?.state.pastes[0];
            if (got !== undefined) expect(Number(got.split(':')[0]), `${got} after ${startOvers} start overs`).toBe(startOvers);
          }
        }),
        { seed: 20261203, numRuns: 500 },
      );
    });
  });
});
