// Capture files opened in the browser (small ones, read as text): UTF-8 as File.text() read them, and the encodings
// Windows writes a capture in, which File.text() (UTF-8 only) turned into garbage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCaptureFiles } from './read-files';

const seed = readFileSync(join(__dirname, '../../core/parsers/show-ip-cache-flow/fixtures/seed.txt'), 'utf8');

describe('opening capture files in the browser', () => {
  it('reads UTF-16 (PowerShell 5 >, Notepad "Unicode") and Windows-1252 (Notepad "ANSI") as the capture itself', async () => {
    const nbsp = seed.replace(/ {2}/g, ' \u00a0');
    const files = [
      new File([Buffer.from(seed, 'utf8')], 'utf8.txt'),
      new File([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed, 'utf8')], 'utf8-bom.txt'),
      new File([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')], 'utf16le.txt'),
      new File([Buffer.from(seed, 'utf16le').swap16()], 'utf16be-no-bom.txt'),
      new File([Buffer.from(nbsp, 'latin1')], 'ansi.txt'),
    ];
    const { files: read, problems } = await readCaptureFiles(files, 0);
    expect(problems).toEqual([]);
    expect(read.map((f) => f.text)).toEqual([seed, seed, seed, seed, nbsp]);
    // As File.text() reads a UTF-8 file (its BOM left out).
    expect(read[1]!.text).toBe(await files[1]!.text());
  });
});
