// The encodings a capture file comes in from Windows: UTF-16 (PowerShell 5's `>` redirection, Notepad's "Unicode",
// with or without a byte order mark) and Windows-1252 (Notepad's "ANSI": an Outlook or Word copy's non-breaking
// spaces are byte 0xA0 there). Read as UTF-8 they are garbage: every other byte a NUL, or a U+FFFD for every blank.
// Plain ECMAScript (the core runs in a worker, in Node and in tests alike): the CLI and the browser decode UTF-8 and
// UTF-16 with their own fast decoders, and ask this module which one to use.

/** How a capture file's bytes are to be read. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Bytes of a file's head looked at for UTF-16 without a byte order mark. */
const UTF16_HEAD = 1024;

/**
 * UTF-16 told by its byte order mark (FF FE little-endian, FE FF big-endian), or, with none, by its head: a capture is
 * ASCII text, so UTF-16 has a NUL in every other byte (at odd offsets little-endian, at even ones big-endian) and
 * almost none in the others. Undefined for anything else: only the head is looked at, so a plain file costs nothing.
 */
export function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  }
  const n = Math.min(bytes.length, UTF16_HEAD) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= 0.5 * pairs && evenNul <= 0.05 * pairs) return 'utf-16le';
  if (evenNul >= 0.5 * pairs && oddNul <= 0.05 * pairs) return 'utf-16be';
  return undefined;
}

/**
 * Are bytes [from, to) well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF)? `partialEnd`: a
 * sequence the end cuts (a file's head read apart from the rest) still counts as well formed.
 */
export function isWellFormedUtf8(b: Uint8Array, from = 0, to = b.length, partialEnd = false): boolean {
  let i = from;
  while (i < to) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return false;
    for (let k = 1; k <= need; k++) {
      if (i + k >= to) return partialEnd;
      const d = b[i + k]!;
      if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return false;
    }
    i += need + 1;
  }
  return true;
}

/** Windows-1252's characters for bytes 0x80-0x9F (the five it leaves undefined are the C1 controls, as browsers read them). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Characters made at once by String.fromCharCode (its arguments are limited). */
const CHARS_AT_ONCE = 8192;

/** Bytes as Windows-1252 (bytes 0xA0-0xFF are Latin-1's characters, 0x80-0x9F the table's). */
export function decodeWindows1252(b: Uint8Array): string {
  const parts: string[] = [];
  const codes = new Array<number>(Math.min(b.length, CHARS_AT_ONCE));
  for (let start = 0; start < b.length; start += CHARS_AT_ONCE) {
    const end = Math.min(b.length, start + CHARS_AT_ONCE);
    codes.length = end - start;
    for (let i = start; i < end; i++) {
      const c = b[i]!;
      codes[i - start] = c >= 0x80 && c < 0xa0 ? CP1252_HIGH[c - 0x80]! : c;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/**
 * Bytes as UTF-16 (little- or big-endian), a byte order mark at the start left out. Code units are taken as they
 * come (a lone surrogate stays one); an odd last byte, half a code unit, is U+FFFD.
 */
export function decodeUtf16(b: Uint8Array, littleEndian: boolean): string {
  let from = 0;
  if (b.length >= 2 && ((littleEndian && b[0] === 0xff && b[1] === 0xfe) || (!littleEndian && b[0] === 0xfe && b[1] === 0xff))) from = 2;
  const units = (b.length - from) >> 1;
  const parts: string[] = [];
  const codes = new Array<number>(Math.min(units, CHARS_AT_ONCE));
  for (let u = 0; u < units; u += CHARS_AT_ONCE) {
    const end = Math.min(units, u + CHARS_AT_ONCE);
    codes.length = end - u;
    for (let k = u; k < end; k++) {
      const p = from + 2 * k;
      codes[k - u] = littleEndian ? b[p]! | (b[p + 1]! << 8) : (b[p]! << 8) | b[p + 1]!;
    }
    parts.push(String.fromCharCode(...codes));
  }
  if ((b.length - from) % 2 === 1) parts.push('\ufffd');
  return parts.join('');
}

/**
 * The encoding of a capture file's bytes: UTF-16 by its byte order mark or its NULs (utf16Of), else UTF-8 when the
 * bytes are well formed as UTF-8 (ASCII is), else Windows-1252 (the only other encoding a Windows editor writes a
 * capture in: every byte is a character there). `wellFormed` may be the platform's faster check.
 */
export function encodingOf(bytes: Uint8Array, wellFormed: (b: Uint8Array) => boolean = isWellFormedUtf8): TextEncoding {
  return utf16Of(bytes) ?? (wellFormed(bytes) ? 'utf-8' : 'windows-1252');
}

/** A capture file's text, in whichever encoding encodingOf finds; `utf8` decodes UTF-8 (the platform's decoder). */
export function decodeCaptureBytes(bytes: Uint8Array, utf8: (b: Uint8Array) => string, wellFormed?: (b: Uint8Array) => boolean): string {
  const e = encodingOf(bytes, wellFormed);
  if (e === 'utf-16le' || e === 'utf-16be') return decodeUtf16(bytes, e === 'utf-16le');
  return e === 'windows-1252' ? decodeWindows1252(bytes) : utf8(bytes);
}

/**
 * Must a big file be read whole and recoded before the byte path (which reads UTF-8) reads it? Its head (its first
 * kilobytes) is UTF-16, or is not UTF-8 (a character the head's end cuts aside). A plain file's head says no, and the
 * file is read as before, chunk by chunk; a Windows-1252 byte first met past the head decodes as U+FFFD.
 */
export function needsRecoding(head: Uint8Array): boolean {
  return utf16Of(head) !== undefined || !isWellFormedUtf8(head, 0, head.length, true);
}
