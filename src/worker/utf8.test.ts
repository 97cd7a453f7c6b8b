import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Of } from './utf8';

describe('utf8Of', () => {
  it('gives what TextEncoder.encode gives, for any text (ASCII or not, lone surrogates, NUL, any length)', () => {
    const unit = fc.oneof(
      { weight: 8, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
      { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udfff', '\u00e9', '\u00ff', '\u0080', '\u007f', '\u0000') },
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(Array.from(utf8Of(text))).toEqual(Array.from(new TextEncoder().encode(text)));
      }),
      { numRuns: 2000 },
    );
  });

  it('is exactly the bytes, not a longer buffer, for ASCII and for text with a character past it', () => {
    expect(utf8Of('abc').length).toBe(3);
    expect(utf8Of('ab\u00e9').length).toBe(4);
    expect(utf8Of('\u00e9' + 'a'.repeat(100)).length).toBe(102);
    expect(utf8Of('a'.repeat(100) + '\u00e9').byteLength).toBe(102);
    expect(utf8Of('').length).toBe(0);
  });
});
