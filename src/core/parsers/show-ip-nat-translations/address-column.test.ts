// An address column read by character: for any token, what the regular expressions and slices said (the model below).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIPv4 } from '../../text/lines';
import { isAddressColumn } from './parser';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 200;
const SEED = Number(process.env.FUZZ_SEED) || 20261205;

/** isAddressColumn before 2026-12-05. */
function model(s: string): boolean {
  if (/^-{2,3}$/.test(s)) return true;
  const colon = s.indexOf(':');
  if (colon < 0) return isIPv4(s);
  return isIPv4(s.slice(0, colon)) && /^\d{1,5}$/.test(s.slice(colon + 1));
}

const piece = fc.constantFrom('-', '--', '---', '.', ':', '0', '1', '25', '255', '256', '01', '9', '99999', '123456', 'x', ' ', '\u0660', '10.1.0.2', ':80');

describe('NAT address column', () => {
  it('is read by character as the regular expressions read it', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (ps) => {
        const s = ps.join('');
        expect(isAddressColumn(s)).toBe(model(s));
      }),
      { numRuns: RUNS * 20, seed: SEED },
    );
    for (const s of ['10.1.0.2', '10.1.0.2:51776', '---', '--', '-', '----', '10.1.0.2:', '10.1.0.2:123456', '10.1.0.256:1']) expect(isAddressColumn(s)).toBe(model(s));
  });
});
