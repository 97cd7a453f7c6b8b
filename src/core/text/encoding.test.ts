// The encodings Windows writes a capture in, told apart and decoded without the platform's decoders (core is plain
// ECMAScript): checked against Node's own (Buffer, TextDecoder) as the oracle.
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCaptureBytes, decodeUtf16, decodeWindows1252, encodingOf, isWellFormedUtf8, needsRecoding, utf16Of } from './encoding';

const ascii = 'R1#show ip arp\nProtocol  Address          Age (min)  Hardware Addr   Type   Interface\nInternet  10.1.1.1               5   0011.2233.4455  ARPA   FastEthernet0/0\n';
const le = (t: string, bom = true) => new Uint8Array(Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(t, 'utf16le')]));
const be = (t: string, bom = true) => new Uint8Array(Buffer.concat([Buffer.from(bom ? [0xfe, 0xff] : []), Buffer.from(t, 'utf16le').swap16()]));
const utf8 = (b: Uint8Array) => Buffer.from(b).toString('utf8');

describe('telling a capture file\'s encoding', () => {
  it('UTF-16 by its byte order mark, either order, and without one by the NULs in every other byte', () => {
    expect(utf16Of(le(ascii))).toBe('utf-16le');
    expect(utf16Of(be(ascii))).toBe('utf-16be');
    expect(utf16Of(le(ascii, false))).toBe('utf-16le');
    expect(utf16Of(be(ascii, false))).toBe('utf-16be');
  });

  it('not UTF-16: ASCII, UTF-8 with or without its BOM, Windows-1252, a NUL or two, nothing at all', () => {
    for (const t of [ascii, `\ufeff${ascii}`, 'caf\u00e9 \u2026', '', 'a', 'ab\u0000cd\u0000ef']) expect(utf16Of(new Uint8Array(Buffer.from(t, 'utf8'))), JSON.stringify(t)).toBeUndefined();
    expect(utf16Of(new Uint8Array(Buffer.from(ascii.replace(/ {2}/g, ' \u00a0'), 'latin1')))).toBeUndefined();
  });

  it('UTF-8 well formed exactly when Node says so, on any bytes', () => {
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0x80, 0x9f, 0xa0, 0xbf));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 40 }), (bs) => {
        const b = new Uint8Array(bs);
        expect(isWellFormedUtf8(b)).toBe(isUtf8(b));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (t) => {
        expect(isWellFormedUtf8(new Uint8Array(Buffer.from(t, 'utf8')))).toBe(true);
      }),
    );
  });

  it('a head whose end cuts a character is still UTF-8 (needsRecoding reads a file\'s first kilobytes alone)', () => {
    const b = new Uint8Array(Buffer.from('abc \u2026', 'utf8'));
    expect(isWellFormedUtf8(b, 0, b.length - 1)).toBe(false);
    expect(isWellFormedUtf8(b, 0, b.length - 1, true)).toBe(true);
    expect(needsRecoding(b.subarray(0, b.length - 1))).toBe(false);
    expect(needsRecoding(new Uint8Array(Buffer.from('a\u00a0b', 'latin1')))).toBe(true);
    expect(needsRecoding(le(ascii))).toBe(true);
    expect(needsRecoding(new Uint8Array(Buffer.from(ascii)))).toBe(false);
  });

  it('encodingOf: UTF-16, else UTF-8 when well formed, else Windows-1252', () => {
    expect(encodingOf(le(ascii))).toBe('utf-16le');
    expect(encodingOf(new Uint8Array(Buffer.from(ascii)))).toBe('utf-8');
    expect(encodingOf(new Uint8Array(Buffer.from('Protocol \u00a0Address', 'latin1')))).toBe('windows-1252');
  });
});

describe('decoding', () => {
  it('Windows-1252: every byte as the WHATWG encoding standard reads it (the five undefined ones as C1 controls)', () => {
    // (Not Node's TextDecoder('windows-1252'): built with small ICU it reads the label as Latin-1.) Bytes 0x80-0x9F from
    // the standard's index-windows-1252; every other byte is its Latin-1 character.
    const high = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
    const all = new Uint8Array(256).map((_, i) => i);
    const want = Array.from(all, (b) => (b >= 0x80 && b < 0xa0 ? high[b - 0x80]! : String.fromCharCode(b))).join('');
    expect(decodeWindows1252(all)).toBe(want);
    const long = new Uint8Array(20_000).map((_, i) => (i * 37) & 0xff);
    expect(decodeWindows1252(long)).toBe(Array.from(long, (b) => want[b]!).join(''));
    expect(decodeWindows1252(new Uint8Array([0x93, 0x61, 0x94, 0xa0, 0x96]))).toBe('\u201ca\u201d\u00a0\u2013');
  });

  it('UTF-16 either order, its BOM left out, any length (an odd last byte is U+FFFD)', () => {
    const text = `${ascii.repeat(200)}caf\u00e9 \u2026 \ud83d\ude00`;
    expect(decodeUtf16(le(text), true)).toBe(text);
    expect(decodeUtf16(be(text), false)).toBe(text);
    expect(decodeUtf16(le(text, false), true)).toBe(text);
    expect(decodeUtf16(new Uint8Array([...le('ab', false), 0x63]), true)).toBe('ab\ufffd');
    expect(decodeUtf16(le(text), true)).toBe(new TextDecoder('utf-16le').decode(le(text)));
  });

  it('decodeCaptureBytes: the same text from UTF-8, UTF-16 (with or without a BOM, either order) and Windows-1252', () => {
    const nbsp = ascii.replace(/ {2}/g, ' \u00a0');
    for (const b of [le(ascii), be(ascii), le(ascii, false), be(ascii, false), new Uint8Array(Buffer.from(ascii))]) expect(decodeCaptureBytes(b, utf8)).toBe(ascii);
    expect(decodeCaptureBytes(new Uint8Array(Buffer.from(nbsp, 'latin1')), utf8)).toBe(nbsp);
    // A UTF-8 file is the platform decoder's, as before (a BOM kept for the normaliser to take off).
    expect(decodeCaptureBytes(new Uint8Array(Buffer.from(`\ufeff${nbsp}`, 'utf8')), utf8)).toBe(`\ufeff${nbsp}`);
  });
});
