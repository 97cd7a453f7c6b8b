// The byte path's decoder gives what the platform's gives (TextDecoder, Node's text files): the same text, the same
// U+FFFD for every kind of broken sequence, so a line reads alike on the byte path and the text path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiText, decodeUtf8, useAsciiDecoder } from './prescanned';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 3000;
const SEED = Number(process.env.FUZZ_SEED) || 20261202;
const platform = new TextDecoder('utf-8', { ignoreBOM: true });
// Bytes at every boundary of the decoder's table: ASCII, continuation ranges, lead bytes valid and not.
const edge = fc.constantFrom(0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xfe, 0xff);

describe('decodeUtf8', () => {
  it('decodes any bytes as TextDecoder and Node do', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.array(edge, { maxLength: 12 }).map((a) => Uint8Array.from(a))), (a) => {
        const got = decodeUtf8(a, 0, a.length);
        expect(got).toBe(platform.decode(a));
        expect(got).toBe(Buffer.from(a).toString('utf8'));
      }),
      { numRuns: RUNS * 10, seed: SEED },
    );
  });

  it('cuts: a truncated sequence is one U+FFFD, a broken one keeps the byte that broke it, a BOM stays', () => {
    const d = (...bytes: number[]) => decodeUtf8(Uint8Array.from(bytes), 0, bytes.length);
    expect(d(0xe1, 0x80, 0x41)).toBe('\ufffdA');
    expect(d(0xe1, 0x80)).toBe('\ufffd');
    expect(d(0xf0, 0x9f, 0x41)).toBe('\ufffdA');
    expect(d(0xe0, 0x80, 0x80)).toBe('\ufffd\ufffd\ufffd');
    expect(d(0xed, 0xa0, 0x80)).toBe('\ufffd\ufffd\ufffd');
    expect(d(0xef, 0xbb, 0xbf, 0x41)).toBe('\ufeffA');
    expect(d(0xf0, 0x9f, 0x98, 0x80)).toBe('\u{1f600}');
  });

  it("long ASCII runs go to the platform's decoder when one is given, with the same text; short runs and shared memory do not", () => {
    let calls = 0;
    const utf8 = new TextDecoder();
    useAsciiDecoder((b) => (calls++, utf8.decode(b)));
    try {
      fc.assert(
        fc.property(fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), minLength: 0, maxLength: 5000 }), fc.nat(), (text, at) => {
          const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
          const s = Math.min(at % 64, bytes.length);
          const before = calls;
          expect(asciiText(bytes, s, bytes.length)).toBe(text.slice(s));
          expect(decodeUtf8(bytes, s, bytes.length)).toBe(text.slice(s));
          expect(calls > before).toBe(bytes.length - s >= 1024);
        }),
        { numRuns: 300, seed: SEED },
      );
      const shared = new Uint8Array(new SharedArrayBuffer(4096)).fill(65);
      const before = calls;
      expect(asciiText(shared, 0, 4096)).toBe('A'.repeat(4096));
      expect(calls).toBe(before);
    } finally {
      useAsciiDecoder(null);
    }
  });
});
