// The poster's arrow found by looking only at `<` and `>` (by indexOf): for any line, where the scan of every
// character found it (the model below, the function as it was).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findArrow } from './field-notes';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 200;
const SEED = Number(process.env.FUZZ_SEED) || 20261205;

// ---- The model: findArrow before 2026-12-05. ----
const DASHES = new Set(['-', '=', '\u2012', '\u2013', '\u2014', '\u2015']);
const TYPO_DASHES = new Set(['\u2012', '\u2013', '\u2014', '\u2015']);
function model(line: string): { start: number; end: number } | null {
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '<') {
      const n = line[i + 1];
      const n2 = line[i + 2];
      const drawn = n !== undefined && (TYPO_DASHES.has(n) || (DASHES.has(n) && n2 !== undefined && DASHES.has(n2)));
      if (drawn || line.startsWith('<<<', i)) {
        let e = i + 1;
        while (e < line.length && (DASHES.has(line[e]!) || line[e] === '<')) e++;
        return { start: i, end: e };
      }
    } else if (c === '>') {
      let s = i;
      while (s > 0 && DASHES.has(line[s - 1]!)) s--;
      const typo = s < i && TYPO_DASHES.has(line[i - 1]!);
      if (i - s >= 2 || typo || line.startsWith('>>>', i)) {
        let e = i + 1;
        while (e < line.length && line[e] === '>') e++;
        return { start: s, end: e };
      }
    }
  }
  return null;
}
// ---- end of the model ----

const piece = fc.constantFrom('<', '>', '-', '=', '\u2012', '\u2013', '\u2014', '\u2015', '\u2011', ' ', 'a', '1', '<--', '-->', '->', '<-', '>>>', '<<<', '==>', '\ud83d\ude00', '(80)');

describe('findArrow', () => {
  it('finds the arrow the scan of every character found', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (ps) => {
        const line = ps.join('');
        expect(findArrow(line)).toEqual(model(line));
      }),
      { numRuns: RUNS * 10, seed: SEED },
    );
  });

  it('ACL log lines carry no arrow; a drawn one is found', () => {
    expect(findArrow('%SEC-6-IPACCESSLOGP: list 120 denied tcp 10.1.1.1(1234) -> 1.2.3.4(80), 1 packet')).toBeNull();
    const row = 'Fa0/1 10.1.1.1 Gi0/0 1.2.3.4 06 1F90 0050 1  <-- infected';
    expect(findArrow(row)).toEqual({ start: row.indexOf('<'), end: row.indexOf('<') + 3 });
  });
});
