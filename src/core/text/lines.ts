// Small helpers parsers share for walking a section's lines.
import type { Warning } from '../types';

/** Whitespace-separated fields of a line (after normalisation only ASCII spaces remain). */
export function fields(line: string): string[] {
  return line.trim().split(/ +/);
}

/** A warning for a line the parser could not read; the text is quoted (shortened) so the user can find it. */
export function unreadLine(index: number, line: string, why = 'line not understood'): Warning {
  const t = line.trim();
  const shown = t.length > 120 ? `${t.slice(0, 117)}...` : t;
  return { line: index + 1, message: `${why}: "${shown}"` };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
export function isIPv4(s: string): boolean {
  return IPV4.test(s);
}

/**
 * IPv4 dotted quad -> unsigned 32-bit integer, or -1 when it is not an address: exactly the strings isIPv4 takes
 * (four octets of 0-255, no leading zero), read character by character. Every address of a capture read as text
 * comes here: the regular expression and a split took about 0.5 us an address (a 79 MB verbose cache: 0.5 s).
 */
export function ipToInt(s: string): number {
  return ipToIntAt(s, 0, s.length);
}

/** ipToInt of s.slice(from, to), without making the slice (a field of a row read in place). */
export function ipToIntAt(s: string, from: number, to: number): number {
  const n = to - from;
  if (n < 7 || n > 15) return -1;
  let addr = 0;
  let oct = 0;
  let digits = 0;
  let lead = 0;
  let dots = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits === 0) lead = c;
      else if (lead === 48 || digits === 3) return -1;
      oct = oct * 10 + (c - 48);
      digits++;
    } else if (c === 46) {
      if (digits === 0 || oct > 255) return -1;
      addr = addr * 256 + oct;
      oct = 0;
      digits = 0;
      dots++;
    } else return -1;
  }
  if (dots !== 3 || digits === 0 || oct > 255) return -1;
  return addr * 256 + oct;
}

const IP_CHARS = new Uint16Array(15);
/** IP_CHARS's first n characters, by n (no view made per call). */
const IP_VIEWS = Array.from({ length: 16 }, (_, n) => new Uint16Array(IP_CHARS.buffer, 0, n));

/**
 * Dotted quad of a 32-bit address. Made from character codes, so the string is flat: a template literal gives a
 * rope of pieces (twice the memory for 200,000 hosts, and every later read of it walks the rope first).
 */
export function intToIp(n: number): string {
  const c = IP_CHARS;
  let p = 0;
  for (let shift = 24; shift >= 0; shift -= 8) {
    const o = (n >>> shift) & 255;
    if (o >= 100) c[p++] = 48 + ((o / 100) | 0);
    if (o >= 10) c[p++] = 48 + (((o / 10) | 0) % 10);
    c[p++] = 48 + (o % 10);
    if (shift > 0) c[p++] = 46;
  }
  return String.fromCharCode.apply(null, IP_VIEWS[p] as unknown as number[]);
}

/** The dotted mask of a prefix length (`24` -> `255.255.255.0`). */
export function maskOfLength(bits: number): string {
  return intToIp(bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0);
}

/** The prefix length of a dotted mask, or -1 when it is not an address or not contiguous (`255.0.255.0`). */
export function lengthOfMask(mask: string): number {
  const n = ipToInt(mask);
  if (n < 0) return -1;
  for (let bits = 0; bits <= 32; bits++) if (ipToInt(maskOfLength(bits)) === n) return bits;
  return -1;
}

/**
 * True when a short line holds two or more words and every one is a header word: what a `| include` filter
 * (or a garbled paste) leaves of a table header. Lines over 200 characters are not split just to learn they are not one.
 */
export function isHeaderFragment(line: string, headerWords: ReadonlySet<string>, separator: RegExp = / +/): boolean {
  if (line.length > 200) return false;
  const words = line.trim().toLowerCase().split(separator).filter(Boolean);
  return words.length >= 2 && words.every((w) => headerWords.has(w));
}
