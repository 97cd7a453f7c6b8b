// Opening a link in its own worker: the worker's answer comes back as is; a hung or crashed worker is stopped and
// reported in words, never left running.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DecodeRequest, ShareRequest } from './protocol';
import { buildLinkInWorker, decodeLinkInWorker } from './link-client';

class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  posted: (DecodeRequest | ShareRequest)[] = [];
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(req: DecodeRequest) {
    this.posted.push(req);
  }
  terminate() {
    this.terminated = true;
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('decodeLinkInWorker', () => {
  beforeEach(() => {
    FakeWorker.made = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('posts the link to a fresh worker, returns its answer and stops the worker', async () => {
    const p = decodeLinkInWorker('v1.abc');
    await flush();
    const w = FakeWorker.made[0]!;
    expect(w.posted).toEqual([{ id: 1, type: 'decode', encoded: 'v1.abc' }]);
    const result = { ok: false, reason: 'damaged', message: 'This link is damaged.' };
    w.onmessage?.({ data: { id: 1, type: 'decoded', result, ms: 3 } } as MessageEvent);
    await expect(p).resolves.toEqual(result);
    expect(w.terminated).toBe(true);
  });

  it('stops a worker that does not answer in time and says so', async () => {
    const p = decodeLinkInWorker('v1.slow', 30);
    const r = await p;
    expect(r).toMatchObject({ ok: false, reason: 'too-large' });
    if (!r.ok) expect(r.message).toMatch(/took more than .* s to open/);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });

  it('a crashed worker becomes a failed decode, not an exception', async () => {
    const p = decodeLinkInWorker('v1.crash');
    await flush();
    FakeWorker.made[0]!.onerror?.({ message: 'out of memory', preventDefault() {} } as unknown as ErrorEvent);
    await expect(p).resolves.toMatchObject({ ok: false, reason: 'damaged', message: expect.stringMatching(/out of memory/) });
  });

  it('makes a share link in a worker and stops it; a failure comes back as an error in words', async () => {
    const input = { pageUrl: 'https://x.test/', pastes: [], answers: {}, diagnosis: { version: 1 as const, inputs: [], hosts: [], findings: [] } };
    const p = buildLinkInWorker(input);
    await flush();
    const w = FakeWorker.made[0]!;
    expect(w.posted).toEqual([{ id: 1, type: 'share', input }]);
    const link = { url: 'https://x.test/#/report?d=v1.x', mode: 'diagnosis', redacted: [], anonymised: false, omitted: [], overBudget: false };
    w.onmessage?.({ data: { id: 1, type: 'shared', link } } as MessageEvent);
    await expect(p).resolves.toEqual(link);
    expect(w.terminated).toBe(true);
    const q = buildLinkInWorker(input);
    await flush();
    FakeWorker.made[1]!.onmessage?.({ data: { id: 1, type: 'shared', link: null, error: 'boom' } } as MessageEvent);
    await expect(q).rejects.toThrow('boom');
  });
});
