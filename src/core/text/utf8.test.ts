// encodeUtf8 gives TextEncoder's bytes for any string: ASCII, two-, three- and four-byte characters, lone surrogates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from './utf8';

describe('encodeUtf8', () => {
  it('encodes as TextEncoder does', () => {
    const awkward = fc.constantFrom('\ud800', '\udc00', '\ud83d\ude00', '\u07ff', '\u0800', '\uffff', '\u0000', '\u007f', '\u0080', 'é', '中');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), awkward), { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        expect([...encodeUtf8(s)]).toEqual([...new TextEncoder().encode(s)]);
      }),
      { numRuns: 300 },
    );
  });
});
