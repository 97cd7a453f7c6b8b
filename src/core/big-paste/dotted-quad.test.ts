// The byte readers' dotted quad reads a whole field exactly as ipToIntAt reads the same text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipToIntAt } from '../text/lines';
import { dottedQuadAt, quad } from './dotted-quad';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 300;
const SEED = Number(process.env.FUZZ_SEED) || 20261205;

describe('dottedQuadAt', () => {
  it('a whole field reads as ipToIntAt reads it (fast-check: digits, dots, a few other characters)', () => {
    const field = fc.oneof(
      fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300)).map((o) => o.join('.')),
      fc.stringMatching(/^[0-9.x]{0,18}$/),
      fc.constantFrom('010.1.1.1', '0.0.0.0', '1.2.3.4.5', '1..2.3', '1.2.3.', '.1.2.3', '1.2.3.4 ', '255.255.255.255', '1.2.3.0004'),
    );
    let read = 0;
    fc.assert(
      fc.property(field, (s) => {
        const b = Uint8Array.from(s, (c) => c.charCodeAt(0));
        const end = dottedQuadAt(b, 0, b.length);
        const got = end === b.length ? quad.v : -1;
        if (got >= 0) read++;
        expect(got, s).toBe(ipToIntAt(s, 0, s.length));
      }),
      { seed: SEED, numRuns: RUNS * 10 },
    );
    expect(read).toBeGreaterThan(RUNS);
  });

  it('stops after the address: what follows is the caller\'s', () => {
    const b = Uint8Array.from('10.1.2.3 x', (c) => c.charCodeAt(0));
    expect(dottedQuadAt(b, 0, b.length)).toBe(8);
    expect(quad.v).toBe(0x0a010203);
  });
});
