// Reads fast-cache prefix entries from a token stream, so rows split over lines (verbose) or run together on one line (pasted from a web page) read the same.
import { isIPv4 } from '../../text/lines';

export interface CachePrefix {
  prefix: string;
  length: number;
  age: string;
  interface: string;
  nextHop: string;
  line: number;
  /** Verbose output prints a number after the prefix ("4.4.4.1/32-24"); kept as printed. */
  verboseSuffix?: number;
  /** Verbose output: the MAC header length in bytes and the header itself in hex. */
  macHeaderLength?: number;
  macHeader?: string;
}

export interface Token {
  text: string;
  /** 0-based line index. */
  index: number;
}

const PREFIX = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})(?:-(\d+))?$/;
// 03:44:53, or 1d02h / 2w3d once an entry is older than a day.
const AGE = /^(?:\d{1,2}:\d{2}:\d{2}|\d+[wdhms](?:\d+[wdhms])*|never)$/i;
const INTERFACE = /^[A-Za-z][\w./:-]*$/;
const NUMBER = /^\d{1,3}$/;
const HEX = /^[0-9A-Fa-f.]+$/;

/** Append a line's tokens (a loop, not a spread: one pasted line can hold a million tokens). */
export function addTokens(into: Token[], text: string, index: number): void {
  const t = text.trim();
  if (t === '') return;
  for (const word of t.split(/ +/)) into.push({ text: word, index });
}

/**
 * Each entry is PREFIX/LEN[-N] AGE INTERFACE NEXTHOP, optionally followed by MACLEN HEX (verbose). Tokens that do
 * not fit are skipped up to the next prefix, and their lines reported.
 */
export function readPrefixTokens(tokens: readonly Token[]): { prefixes: CachePrefix[]; unreadLines: number[] } {
  const prefixes: CachePrefix[] = [];
  const unread = new Set<number>();
  let k = 0;
  while (k < tokens.length) {
    const start = tokens[k]!;
    const m = PREFIX.exec(start.text);
    const age = tokens[k + 1];
    const ifc = tokens[k + 2];
    const hop = tokens[k + 3];
    const len = m ? +m[2]! : -1;
    if (!m || !isIPv4(m[1]!) || len > 32 || !age || !AGE.test(age.text) || !ifc || !INTERFACE.test(ifc.text) || !hop || !isIPv4(hop.text)) {
      unread.add(start.index);
      k++;
      continue;
    }
    const p: CachePrefix = { prefix: m[1]!, length: len, age: age.text, interface: ifc.text, nextHop: hop.text, line: start.index + 1 };
    if (m[3] !== undefined) p.verboseSuffix = +m[3];
    k += 4;
    const macLen = tokens[k];
    const macHex = tokens[k + 1];
    // The header's hex digits must be twice its length: that is what tells a MAC header from stray numbers.
    if (macLen && macHex && NUMBER.test(macLen.text) && HEX.test(macHex.text) && macHex.text.replace(/\./g, '').length === 2 * +macLen.text) {
      p.macHeaderLength = +macLen.text;
      p.macHeader = macHex.text.replace(/\./g, '').toUpperCase();
      k += 2;
    }
    prefixes.push(p);
  }
  return { prefixes, unreadLines: [...unread].sort((a, b) => a - b) };
}
