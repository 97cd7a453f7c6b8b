// Text read from files decodes as Node's UTF-8 decoder does when the bytes are UTF-8 (the ASCII short cut included),
// and in the encodings Windows writes a capture in when they are not: UTF-16 (with or without a BOM) and Windows-1252.
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnose';
import { decodeWindows1252, utf16Of } from '../core/text/encoding';
import { readTextFile, recodedBytes, textOfBytes } from './text-file';

describe('text of a file', () => {
  it('is what Node decodes as UTF-8, for ASCII bytes and any others that are UTF-8 (a BOM, NUL included)', () => {
    const byte = fc.oneof(fc.integer({ min: 0, max: 127 }), fc.integer({ min: 0, max: 255 }), fc.constantFrom(0xef, 0xbb, 0xbf, 0xe2, 0x80, 0xa6, 0xc3, 0xa9, 0));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 200 }), fc.boolean(), (bs, asciiOnly) => {
        const b = Buffer.from(asciiOnly ? bs.map((x) => x & 0x7f) : bs);
        // (Bytes that read as UTF-16 are its: the next tests.)
        fc.pre(utf16Of(b) === undefined);
        expect(textOfBytes(b)).toBe(isUtf8(b) ? b.toString('utf8') : decodeWindows1252(b));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (t) => {
        const b = Buffer.from(t, 'utf8');
        fc.pre(utf16Of(b) === undefined);
        expect(textOfBytes(b)).toBe(t);
      }),
      { numRuns: 2000 },
    );
  });

  it('bytes that are not UTF-8 are Windows-1252 (Notepad\'s "ANSI"): each byte one character, 0xA0 a non-breaking space', () => {
    const b = Buffer.from([0x50, 0x20, 0xa0, 0x41, 0x93, 0x78, 0x94, 0x80, 0xe9]);
    expect(textOfBytes(b)).toBe('P \u00a0A\u201cx\u201d\u20ac\u00e9');
  });

  it('UTF-16 little- and big-endian, with a byte order mark or without (PowerShell 5, Notepad "Unicode"): the text itself', () => {
    const t = 'Router#show ip cache flow | include 0050\r\nSrcIf  SrcIPaddress\r\ncaf\u00e9 \u2026\r\n';
    const le = Buffer.from(t, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const b of [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), le, Buffer.concat([Buffer.from([0xfe, 0xff]), be]), be]) expect(textOfBytes(b)).toBe(t);
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

describe('captures saved by Windows tools read as the captures themselves (red team case 4)', () => {
  const parsers = join(__dirname, '../core/parsers');
  const capture = (rel: string) => readFileSync(join(parsers, rel));
  const outline = (text: string) => {
    const d = diagnose([{ source: 'c.txt', text }]);
    return { inputs: d.inputs.map((i) => [i.kind, i.records, i.warnings]), hosts: d.hosts.map((h) => [h.ip, h.verdict]), findings: d.findings.map((f) => f.id) };
  };
  const CAPTURES = ['show-ip-cache-flow/fixtures/seed.txt', 'show-ip-cache-flow/fixtures/ccna60d-1.txt', 'show-ip-arp/fixtures/field/napalm-ios-mock-fa4.txt'];

  for (const rel of CAPTURES) {
    it(`${rel}: saved as UTF-16LE with a BOM (PowerShell 5 >), UTF-16BE, and as Windows-1252 with NBSPs (Outlook, Notepad ANSI)`, () => {
      const text = capture(rel).toString('utf8');
      const want = outline(text);
      expect(want.inputs[0]![1]).toBeGreaterThan(0);
      const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      expect(outline(textOfBytes(u16))).toEqual(want);
      expect(outline(textOfBytes(Buffer.from(Buffer.from(text, 'utf16le')).swap16()))).toEqual(want);
      // Every run of two spaces written " \u00a0", as a mail client hands it over, saved as Windows-1252.
      const ansi = Buffer.from(text.replace(/ {2}/g, ' \u00a0'), 'latin1');
      expect(isUtf8(ansi)).toBe(false);
      expect(outline(textOfBytes(ansi))).toEqual(want);
    });
  }

  it('a big file is recoded only when its head is UTF-16 or not UTF-8: a UTF-8 one is left to the byte path as it is', () => {
    const text = capture('show-ip-cache-flow/fixtures/seed.txt').toString('utf8');
    const utf8 = Buffer.from(text, 'utf8');
    expect(recodedBytes(utf8, () => utf8)).toBeUndefined();
    expect(recodedBytes(Buffer.from(`\ufeff${text}`, 'utf8'), () => utf8)).toBeUndefined();
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(recodedBytes(u16.subarray(0, 64), () => u16)?.toString('utf8')).toBe(text);
    const ansi = Buffer.from(text.replace(/ {2}/g, ' \u00a0'), 'latin1');
    expect(recodedBytes(ansi, () => ansi)?.toString('utf8')).toBe(text.replace(/ {2}/g, ' \u00a0'));
  });
});
