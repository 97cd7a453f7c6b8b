// A capture file's bytes as text, in the encodings Windows writes one in (core/text/encoding.ts): UTF-8 as the
// browser's File.text() read it, UTF-16 (PowerShell 5's `>`, Notepad's "Unicode") and Windows-1252 (Notepad's "ANSI").
import { decodeCaptureBytes } from '../../core/text/encoding';

const utf8 = new TextDecoder();

export function decodeFileBytes(bytes: Uint8Array): string {
  return decodeCaptureBytes(bytes, (b) => utf8.decode(b));
}
