// The worker client: a newer request supersedes (terminates) the running one; stale answers are ignored.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerMessages, HOSTS_PER_MESSAGE, type WorkerRequest, type WorkerResponse } from './protocol';
import { encodeHosts } from './hosts-wire';

/** The worker's messages as the page receives them: copies, their buffers handed over. */
const posted = (res: WorkerResponse) => [...answerMessages(res)].map((m) => structuredClone(m.message, { transfer: m.transfer }));
import { CoreClient, Superseded } from './core-client';

class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  posted: WorkerRequest[] = [];
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(req: WorkerRequest) {
    this.posted.push(req);
  }
  terminate() {
    this.terminated = true;
  }
  send(res: WorkerResponse) {
    this.onmessage?.({ data: res } as unknown as MessageEvent<WorkerResponse>);
  }
  answer(id: number) {
    const diagnosis = { version: 1 as const, inputs: [], hosts: [], findings: [] };
    this.onmessage?.({ data: { id, ok: true, diagnosis, nextSteps: { causes: [], commands: [] }, ms: 1 } } as unknown as MessageEvent<WorkerResponse>);
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('CoreClient', () => {
  beforeEach(() => {
    FakeWorker.made = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('answers a request through the worker', async () => {
    const c = new CoreClient();
    const p = c.diagnose([{ source: 'a', text: 'x' }], {});
    await flush();
    const w = FakeWorker.made[0]!;
    expect(w.posted[0]!.pastes).toEqual([{ source: 'a', text: 'x' }]);
    w.answer(w.posted[0]!.id);
    await expect(p).resolves.toMatchObject({ ms: 1 });
  });

  it('prewarm starts the worker ahead of the first request, which then goes to that same worker', async () => {
    const c = new CoreClient();
    c.prewarm();
    await flush();
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.posted).toEqual([]);
    c.prewarm();
    const p = c.diagnose([{ source: 'a', text: 'x' }], {});
    // Posted at once, in the caller's task (a paste's event), not after the renders queued behind it.
    expect(FakeWorker.made[0]!.posted).toHaveLength(1);
    await flush();
    expect(FakeWorker.made).toHaveLength(1);
    const w = FakeWorker.made[0]!;
    w.answer(w.posted[0]!.id);
    await expect(p).resolves.toMatchObject({ ms: 1 });
  });

  it('a newer request rejects the older one as superseded and stops its worker', async () => {
    const c = new CoreClient();
    const first = c.diagnose([{ source: 'a', text: 'old' }], {});
    await flush();
    const second = c.diagnose([{ source: 'a', text: 'new' }], {});
    await expect(first).rejects.toBeInstanceOf(Superseded);
    await flush();
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    const w2 = FakeWorker.made[1]!;
    expect(w2.posted.map((r) => r.pastes[0]!.text)).toEqual(['new']);
    // A late answer from the old worker (or with an old id) changes nothing.
    FakeWorker.made[0]!.answer(FakeWorker.made[0]!.posted[0]!.id);
    w2.answer(w2.posted[0]!.id);
    await expect(second).resolves.toMatchObject({ ms: 1 });
  });

  it('a worker crash rejects with the error in words', async () => {
    const c = new CoreClient();
    const p = c.diagnose([{ source: 'a', text: 'x' }], {});
    await flush();
    FakeWorker.made[0]!.onerror?.({ message: 'boom', preventDefault() {} } as unknown as ErrorEvent);
    await expect(p).rejects.toThrow('boom');
  });

  it('passes files to the worker and their reading progress to the caller, then the answer', async () => {
    const c = new CoreClient();
    const seen: number[] = [];
    const file = { name: 'big.txt', file: new Blob(['x']), key: 'big.txt|1|0' };
    const p = c.diagnose([], {}, { files: [file], onProgress: (done, total) => seen.push(done / total) });
    await flush();
    const w = FakeWorker.made[0]!;
    const id = w.posted[0]!.id;
    expect(w.posted[0]!.files).toEqual([file]);
    w.onmessage?.({ data: { id, progress: { done: 1, total: 4 } } } as MessageEvent<WorkerResponse>);
    w.onmessage?.({ data: { id: id + 99, progress: { done: 3, total: 4 } } } as MessageEvent<WorkerResponse>);
    w.onmessage?.({ data: { id, progress: { done: 4, total: 4 } } } as MessageEvent<WorkerResponse>);
    w.answer(id);
    await expect(p).resolves.toMatchObject({ ms: 1 });
    expect(seen).toEqual([0.25, 1]);
  });

  describe('a big diagnosis, its hosts sent ahead in parts', () => {
    /** An answer whose diagnosis has n hosts (as the worker makes it: hosts between inputs and findings). */
    const big = (id: number, n: number): WorkerResponse => ({
      id,
      ok: true,
      diagnosis: { version: 1, inputs: [], hosts: Array.from({ length: n }, (_, i) => ({ ip: `10.0.${i >> 8}.${i & 255}`, flows: i })), findings: [] },
      nextSteps: { causes: [], commands: [] },
      ms: 1,
    }) as unknown as WorkerResponse;

    it('comes back whole and in order, the same document as one message would give', async () => {
      const c = new CoreClient();
      const p = c.diagnose([{ source: 'a', text: 'x' }], {});
      await flush();
      const w = FakeWorker.made[0]!;
      const id = w.posted[0]!.id;
      const n = 2 * HOSTS_PER_MESSAGE + 345;
      const messages = posted(big(id, n));
      // Three parts (5,000, 5,000, 345), then the answer without them.
      expect(messages.map((m) => ('wire' in m ? m.wire.n : 'answer'))).toEqual([HOSTS_PER_MESSAGE, HOSTS_PER_MESSAGE, 345, 'answer']);
      // A stale part (another request's) in between changes nothing.
      w.send(messages[0]!);
      w.send({ id: id + 99, wire: encodeHosts([{ ip: '192.0.2.1' } as never]).wire });
      for (const m of messages.slice(1)) w.send(m);
      const r = await p;
      expect(JSON.stringify(r.diagnosis)).toBe(JSON.stringify((big(id, n) as { diagnosis: unknown }).diagnosis));
    });

    it('a small one is one message, and a part lost on the way is an error in words, not a short list', async () => {
      expect(posted(big(1, HOSTS_PER_MESSAGE))).toHaveLength(1);
      const c = new CoreClient();
      const p = c.diagnose([{ source: 'a', text: 'x' }], {});
      await flush();
      const w = FakeWorker.made[0]!;
      const messages = posted(big(w.posted[0]!.id, HOSTS_PER_MESSAGE + 1));
      w.send(messages[1]!);
      w.send(messages[2]!);
      await expect(p).rejects.toThrow(/arrived incomplete \(1 of 5001 hosts\)/);
    });
  });
});
