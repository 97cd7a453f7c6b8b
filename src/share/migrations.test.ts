// The migration chain: steps run in order, gaps and newer versions are refused with a reason.
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from './migrations';
import { PAYLOAD_VERSION } from './payload-schema';

describe('migrate', () => {
  it('leaves a current payload as it is', () => {
    expect(migrate({ v: PAYLOAD_VERSION, a: 1 }, PAYLOAD_VERSION)).toEqual({ ok: true, value: { v: PAYLOAD_VERSION, a: 1 } });
  });
  it('has a step for every version from the oldest readable to the current one', () => {
    for (let n = 1; n < PAYLOAD_VERSION; n++) expect(MIGRATIONS[n]).toBeTypeOf('function');
  });
  it('runs steps in order and stamps each version reached', () => {
    const steps = {
      1: (o: unknown) => ({ ...(o as object), pastes: [(o as { paste: string }).paste] }),
      2: (o: unknown) => ({ ...(o as object), anonymised: false }),
    };
    const r = migrate({ v: 1, paste: 'x' }, 1, 3, steps, 1);
    expect(r).toEqual({ ok: true, value: { v: 3, paste: 'x', pastes: ['x'], anonymised: false } });
  });
  it('refuses newer versions, missing steps, versions too old, and failing steps', () => {
    expect(migrate({}, 5, 3, {}, 1).ok).toBe(false);
    expect(migrate({}, 1, 3, { 1: (o) => o }, 1).ok).toBe(false);
    expect(migrate({}, 1, 3, {}, 2).ok).toBe(false);
    const r = migrate({}, 1, 2, { 1: () => { throw new Error('bad shape'); } }, 1);
    expect(r).toEqual({ ok: false, error: 'the v1 link could not be upgraded: bad shape' });
  });
});
