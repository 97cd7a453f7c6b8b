// Files read as text (small captures, Flexible NetFlow caches, --link and --markdown): decoded as Node decodes UTF-8,
// faster when the bytes are plain ASCII, as most captures are; and in the encodings Windows writes a capture in
// (core/text/encoding.ts): UTF-16 (PowerShell 5's `>`, Notepad's "Unicode") and Windows-1252 (Notepad's "ANSI").
import { isAscii, isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { decodeWindows1252, needsRecoding, utf16Of } from '../core/text/encoding';

/** UTF-16 bytes as text, Node's decoder doing the work (big-endian ones swapped first); a byte order mark left out. */
function utf16Text(bytes: Buffer, littleEndian: boolean): string {
  const even = bytes.length & ~1;
  let b = bytes.subarray(0, even);
  if (!littleEndian) b = Buffer.from(b).swap16();
  const text = b.toString('utf16le');
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) + (even < bytes.length ? '\ufffd' : '');
}

/**
 * The text of `bytes`: UTF-16 by its byte order mark or its NULs, else UTF-8 (the same string `bytes.toString('utf8')`
 * gives) when the bytes are well-formed UTF-8, else Windows-1252. ASCII bytes are the same characters in Latin-1,
 * which Node copies without validating: a 26 MB cache 58-75 -> 17-22 ms, with the check. (The UTF-16 look is at the
 * first kilobyte only, and a UTF-8 file is validated once: a plain file costs what it did.)
 */
export function textOfBytes(bytes: Buffer): string {
  const u16 = utf16Of(bytes);
  if (u16) return utf16Text(bytes, u16 === 'utf-16le');
  if (isAscii(bytes)) return bytes.toString('latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : decodeWindows1252(bytes);
}

/** A file's text (a path, or 0 for standard input), in its encoding (textOfBytes). */
export function readTextFile(file: string | 0): string {
  return textOfBytes(readFileSync(file));
}

/**
 * A big file's bytes as UTF-8, when it is in another encoding (the byte path reads UTF-8 only): undefined for a UTF-8
 * (or ASCII) one, which is read from the file as it is, at full speed. `head` is the file's start (a few kilobytes at
 * least), `whole` reads all of it; only a head in UTF-16, or one that is not UTF-8 (Windows-1252), has it read whole
 * (needsRecoding). A Windows-1252 byte first met past the head decodes as U+FFFD, as before.
 */
export function recodedBytes(head: Buffer, whole: () => Buffer): Buffer | undefined {
  return needsRecoding(head) ? Buffer.from(textOfBytes(whole()), 'utf8') : undefined;
}
