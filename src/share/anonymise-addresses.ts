// Prefix-preserving IPv4 anonymisation (Crypto-PAn construction, HalfSipHash as the PRF), keyed per link.
//
// Crypto-PAn: bit i of the output is bit i of the input XOR one PRF bit of the input's first i bits. Two
// addresses that share their first k bits map to two that share exactly their first k bits, so fan-out, /8 and
// /16 locality (Code Red vs Code Red II) and every verdict computed from them survive, while the addresses do not.
import { halfSipHash, halfSipKey, type HalfSipKey } from './half-siphash';

/** Key bytes the caller draws from crypto.getRandomValues (kept out of this pure module). */
export const ANONYMISE_KEY_BYTES = 8;

export interface Anonymiser {
  /** Anonymise one address given as an unsigned 32-bit integer. */
  addr(a: number): number;
  /** Anonymise one dotted quad; anything that is not an address comes back unchanged. */
  ip(s: string): string;
  /** Anonymise every dotted quad in a text, leaving masks and the all-zero/all-one addresses alone. */
  text(s: string): string;
}

/** Netmasks (255.255.255.0) and wildcard masks (0.0.0.255) are structure, not hosts: a rule reads them. */
export function isMaskLike(a: number): boolean {
  const inv = ~a >>> 0;
  const contiguousOnes = (x: number) => ((x + (x & -x)) >>> 0) === 0 || x === 0; // 1...10...0 or 0
  return contiguousOnes(a) || contiguousOnes(inv);
}

const QUAD = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?!\.?\d)/g;

export function createAnonymiser(keyBytes: ArrayLike<number>): Anonymiser {
  const key: HalfSipKey = halfSipKey(keyBytes);
  // One PRF bit per (prefix, length); addresses share prefixes, so memoising saves most of the 32 calls each.
  const memo = new Map<number, number>();
  const msg = new Uint8Array(8);
  const prfBit = (prefix: number, len: number): number => {
    const id = len * 0x100000000 + prefix; // exact in a double: len < 33, prefix < 2^32
    const hit = memo.get(id);
    if (hit !== undefined) return hit;
    msg[0] = prefix >>> 24; msg[1] = (prefix >>> 16) & 255; msg[2] = (prefix >>> 8) & 255; msg[3] = prefix & 255;
    msg[4] = len; // the length separates the prefix 10 of length 2 from 100 of length 3
    const bit = halfSipHash(key, msg) & 1;
    memo.set(id, bit);
    return bit;
  };
  const addr = (a: number): number => {
    let out = 0;
    for (let i = 0; i < 32; i++) {
      const prefix = i === 0 ? 0 : (a >>> (32 - i)) << (32 - i) >>> 0;
      const inBit = (a >>> (31 - i)) & 1;
      out = (out * 2 + (inBit ^ prfBit(prefix, i))) >>> 0;
    }
    return out;
  };
  const fromParts = (p: number[]): number => ((p[0]! << 24) >>> 0) + (p[1]! << 16) + (p[2]! << 8) + p[3]!;
  const toIp = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
  const replaceQuad = (whole: string, ...parts: string[]): string => {
    const p = parts.slice(0, 4).map(Number);
    if (p.some((x) => x > 255) || parts.slice(0, 4).some((x) => x.length > 1 && x.startsWith('0'))) return whole;
    const a = fromParts(p);
    if (isMaskLike(a)) return whole;
    return toIp(addr(a));
  };
  return {
    addr,
    ip: (s) => s.replace(QUAD, replaceQuad),
    text: (s) => s.replace(QUAD, replaceQuad),
  };
}
