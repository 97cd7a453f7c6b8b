// Text read from files decodes as Node's UTF-8 decoder does, whatever the bytes (the ASCII short cut included).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTextFile, textOfBytes } from './text-file';

describe('text of a file', () => {
  it('is what Node decodes as UTF-8, for ASCII bytes and any others (invalid sequences, a BOM, NUL)', () => {
    const byte = fc.oneof(fc.integer({ min: 0, max: 127 }), fc.integer({ min: 0, max: 255 }), fc.constantFrom(0xef, 0xbb, 0xbf, 0xe2, 0x80, 0xa6, 0xc3, 0xa9, 0));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 200 }), fc.boolean(), (bs, asciiOnly) => {
        const b = Buffer.from(asciiOnly ? bs.map((x) => x & 0x7f) : bs);
        expect(textOfBytes(b)).toBe(b.toString('utf8'));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a file as readFileSync reads it as UTF-8', () => {
    const dir = mkdtempSync(join(tmpdir(), 'text-file-'));
    try {
      for (const text of ['Router#show ip cache flow\nSrcIf SrcIPaddress\n', 'caf\u00e9 \u2026 \ud83d\ude00\n', '']) {
        const f = join(dir, 'f.txt');
        writeFileSync(f, text);
        expect(readTextFile(f)).toBe(text);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
