// The big-text keyword search (searching a lower-case copy) finds exactly what the case-insensitive search finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAY_HOLD_SECRET, secretWordFinder } from './redact-line';

/** Every index where a /gi search of MAY_HOLD_SECRET finds a match, searching again from one past each. */
function regexHits(text: string): number[] {
  const re = new RegExp(MAY_HOLD_SECRET.source, 'gi');
  const out: number[] = [];
  for (let from = 0; from <= text.length; ) {
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) break;
    out.push(m.index);
    from = m.index + 1;
  }
  return out;
}

function finderHits(text: string): number[] {
  const next = secretWordFinder(text);
  const out: number[] = [];
  for (let from = 0; from <= text.length; ) {
    const at = next(from);
    if (at < 0) break;
    out.push(at);
    from = at + 1;
  }
  return out;
}

const WORDS = MAY_HOLD_SECRET.source.split('|').map((w) => w.replace(/\\/g, ''));
/** Characters whose case folds are not ASCII's: the Kelvin sign (lowers to k), İ (lowers to two), long s, ß, ﬀ. */
const ODD = ['\u212a', '\u0130', '\u017f', '\u00df', '\ufb00', '\u212b', 'K', 'S', 'I', '\u00e9'];

/** A keyword with each letter in either case, or one of its letters swapped for an odd character. */
const word = fc
  .tuple(fc.constantFrom(...WORDS), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), fc.option(fc.tuple(fc.nat(), fc.constantFrom(...ODD)), { nil: undefined }))
  .map(([w, upper, swap]) => {
    const chars = [...w].map((c, i) => (upper[i] ? c.toUpperCase() : c));
    if (swap) chars[swap[0] % chars.length] = swap[1];
    return chars.join('');
  });
const piece = fc.oneof(
  word,
  fc.constantFrom(...ODD),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }),
  fc.constantFrom('\n', '\r\n', ' ', '10.1.1.1 ', 'Gi0/0/1  ', 'AC3F 0050'),
);

describe('secretWordFinder', () => {
  it('finds the same hits as a case-insensitive search, in any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(finderHits(text)).toEqual(regexHits(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('skips a lower-case-copy-only match (the Kelvin sign) and reads a text with İ as it is', () => {
    expect(finderHits('\u212aey KEY')).toEqual([4]);
    expect(regexHits('\u212aey KEY')).toEqual([4]);
    expect(finderHits('\u0130 key sEcReT')).toEqual(regexHits('\u0130 key sEcReT'));
    expect(finderHits('\u0130 key sEcReT')).toEqual([2, 6]);
  });

  it('searches a lower-case copy only when the keywords are written in lower case', () => {
    expect(MAY_HOLD_SECRET.source).toBe(MAY_HOLD_SECRET.source.toLowerCase());
  });
});
