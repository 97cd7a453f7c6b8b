// Reads fast-cache prefix entries from a token stream, so rows split over lines (verbose) or run together on one line (pasted from a web page) read the same.
import { isIPv4 } from '../../text/lines';
import { isMaskedIPv4 } from '../../text/masked-address';

export interface CachePrefix {
  prefix: string;
  length: number;
  age: string;
  interface: string;
  /** "" when IOS printed none (it omits a zero next hop). */
  nextHop: string;
  line: number;
  /** Verbose output prints "prefix/len-N": N is the mask length of the cache entry's covering route. */
  cacheMaskLength?: number;
  /** Verbose output: the encapsulation IOS names before the MAC header ("ISL", "802.10"), when it does. */
  macType?: string;
  /** Verbose output: the MAC header length in bytes and the header itself in hex. */
  macHeaderLength?: number;
  macHeader?: string;
  /** Columns a poster hid (`10.x.x.x/32`, next hop `x.x.x.x`): those fields are "" and never an address. */
  hidden?: { field: string; posted: string }[];
}

export interface Token {
  text: string;
  /** 0-based line index. */
  index: number;
}

// The address part is checked in code: a real dotted quad, or one a poster masked (`10.x.x.x`).
const PREFIX = /^([\w.*#?]{7,15})\/(\d{1,2})(?:-(\d{1,2}))?$/;
// 03:44:53, or 1d02h / 2w3d once an entry is older than a day.
const AGE = /^(?:\d{1,2}:\d{2}:\d{2}|\d+[wdhms](?:\d+[wdhms])*|never)$/i;
const INTERFACE = /^[A-Za-z][\w./:-]*$/;
const NUMBER = /^\d{1,3}$/;
const HEX = /^[0-9A-Fa-f]+$/;
const MAC_TYPE = /^(?:ISL|802\.10)$/i;
const BARE_MAC = /^[0-9A-Fa-f]{12,}$/;

/** Append a line's tokens (a loop, not a spread: one pasted line can hold a million tokens). */
export function addTokens(into: Token[], text: string, index: number): void {
  const t = text.trim();
  if (t === '') return;
  for (const word of t.split(/ +/)) into.push({ text: word, index });
}

/**
 * The verbose MAC part at tokens[k]: [TYPE] LEN HEX..., the hex wrapped over lines every 24 bytes. Returns the
 * tokens it spans, or 0 when what follows is not a MAC header (those tokens are then reported as unread).
 */
function readMac(tokens: readonly Token[], k: number, p: CachePrefix): number {
  let j = k;
  // Older releases print the rewrite string alone under "MAC Header", without its length: whole bytes of hex, at
  // least a MAC address long (an age or an interface name is never all hex digits that long).
  const bare = tokens[j];
  if (bare && !NUMBER.test(bare.text) && BARE_MAC.test(bare.text) && bare.text.length % 2 === 0) {
    p.macHeaderLength = bare.text.length / 2;
    p.macHeader = bare.text.toUpperCase();
    return 1;
  }
  const type = tokens[j] && MAC_TYPE.test(tokens[j]!.text) ? tokens[j++]!.text : undefined;
  const len = tokens[j];
  if (!len || !NUMBER.test(len.text)) return 0;
  j++;
  const want = 2 * +len.text;
  let hex = '';
  while (hex.length < want && tokens[j] && HEX.test(tokens[j]!.text) && !PREFIX.test(tokens[j]!.text)) hex += tokens[j++]!.text;
  // The hex digits must be twice the length: that is what tells a MAC header from stray numbers. ISL and 802.10
  // entries skip the VLAN header's bytes, so they print fewer.
  if (type === undefined ? hex.length !== want : hex.length > want || hex.length % 2 !== 0) return 0;
  if (type !== undefined) p.macType = type;
  p.macHeaderLength = +len.text;
  p.macHeader = hex.toUpperCase();
  return j - k;
}

/**
 * Each entry is PREFIX/LEN[-N] AGE INTERFACE [NEXTHOP], then in verbose output [TYPE] MACLEN HEX. Tokens that do
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
    const len = m ? +m[2]! : -1;
    const prefixHidden = m !== null && !isIPv4(m[1]!) && isMaskedIPv4(m[1]!);
    if (!m || !(isIPv4(m[1]!) || prefixHidden) || len > 32 || !age || !AGE.test(age.text) || !ifc || !INTERFACE.test(ifc.text) || MAC_TYPE.test(ifc.text)) {
      unread.add(start.index);
      k++;
      continue;
    }
    const hop = tokens[k + 3];
    const hopHidden = hop !== undefined && isMaskedIPv4(hop.text);
    const hasHop = hop !== undefined && (isIPv4(hop.text) || hopHidden);
    const p: CachePrefix = {
      prefix: prefixHidden ? '' : m[1]!, length: len, age: age.text, interface: ifc.text, nextHop: hasHop && !hopHidden ? hop.text : '', line: start.index + 1,
    };
    const hidden = [...(prefixHidden ? [{ field: 'prefix', posted: m[1]! }] : []), ...(hopHidden ? [{ field: 'next hop', posted: hop.text }] : [])];
    if (hidden.length) p.hidden = hidden;
    if (m[3] !== undefined) p.cacheMaskLength = +m[3];
    k += hasHop ? 4 : 3;
    k += readMac(tokens, k, p);
    prefixes.push(p);
  }
  return { prefixes, unreadLines: [...unread].sort((a, b) => a - b) };
}
