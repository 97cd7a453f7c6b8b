// The byte-level UTF-8 decoder the CLI uses for files past 1 MB: valid text decodes as Node decodes it, and
// hostile bytes never throw (issue 8: binary files get JSON with warnings, not a crash).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../parsers/show-ip-cache-flow/prescanned';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 200;
const SEED = Number(process.env.FUZZ_SEED) || 20010719;


describe('decodeUtf8', () => {
  it('decodes valid UTF-8 exactly as Node does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const b = Buffer.from(s, 'utf8');
        expect(decodeUtf8(b, 0, b.length)).toBe(b.toString('utf8'));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  // Node replaces each maximal invalid subpart (E1 80 -> one U+FFFD), decodeUtf8 each invalid byte (two): only
  // the count of replacement characters in a run may differ.
  it('decodes random bytes (invalid sequences, overlongs, surrogates) as Node does, up to U+FFFD runs', () => {
    const squash = (x: string) => x.replace(/\ufffd+/g, '\ufffd');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (b) => {
        expect(squash(decodeUtf8(b, 0, b.length))).toBe(squash(Buffer.from(b).toString('utf8')));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('never throws on random bytes, and keeps every ASCII byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (b) => {
        const s = decodeUtf8(b, 0, b.length);
        const ascii = Array.from(b).filter((x) => x < 0x80).length;
        expect(Array.from(s).filter((c) => c.charCodeAt(0) < 0x80).length).toBe(ascii);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  // Found by the CLI test: F4 90..BF xx xx used to build a code point past U+10FFFF and String.fromCodePoint threw.
  it('turns F4 90 80 80 (past U+10FFFF) into U+FFFD instead of throwing', () => {
    expect(() => decodeUtf8(Uint8Array.of(0xf4, 0x90, 0x80, 0x80), 0, 4)).not.toThrow();
  });
});
