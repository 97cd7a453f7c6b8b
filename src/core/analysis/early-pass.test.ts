// The CLI runs the fan-out's first pass while it still reads a big dump (EarlyPass1): the analysis must come out the
// same as without that head start, use it only for exactly the rows it read, and only once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyOf, plain, src, table, view } from '../proof/flow-rows';
import { analyseFanOut } from './fan-out';
import { EarlyPass1, registerEarlyPass1 } from './fan-out-pass1';

describe('the early first pass (EarlyPass1)', () => {
  it('gives the same analysis as none, fed in any pieces, with other sources after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 600 }), fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 6 }), (seed, n, cuts) => {
        const t = table(seed, n);
        const other = table(seed + 1, 50);
        const want = plain(analyseFanOut([src(copyOf(t)), src(copyOf(other), 'g')]));
        const early = new EarlyPass1(8);
        for (const c of [...cuts.map((x) => Math.min(x, n))].sort((x, y) => x - y)) early.feed(view(t, c));
        early.feed(t);
        registerEarlyPass1(t, early);
        expect(plain(analyseFanOut([src(t), src(other, 'g')]))).toBe(want);
        // Once only: a second analysis of the same rows reads them itself, with the same result.
        expect(plain(analyseFanOut([src(t), src(other, 'g')]))).toBe(want);
      }),
      { numRuns: 40 },
    );
  });

  it('is ignored for rows it did not read whole (a part of them, or other rows)', () => {
    const t = table(7, 300);
    const want = plain(analyseFanOut([src(copyOf(t))]));
    const early = new EarlyPass1();
    early.feed(view(t, 200));
    registerEarlyPass1(t, early);
    expect(plain(analyseFanOut([src(t)]))).toBe(want);
    const wantPart = plain(analyseFanOut([src(copyOf(view(t, 100)))]));
    const early2 = new EarlyPass1();
    early2.feed(t);
    registerEarlyPass1(t, early2);
    expect(plain(analyseFanOut([src(view(t, 100))]))).toBe(wantPart);
  });
});
