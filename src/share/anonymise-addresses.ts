// Prefix-preserving IPv4 anonymisation (Crypto-PAn construction, HalfSipHash as the PRF), keyed per link.
//
// Crypto-PAn: bit i of the output is bit i of the input XOR one PRF bit of the input's first i bits. Two
// addresses that share their first k bits map to two that share exactly their first k bits, so fan-out, /8 and
// /16 locality (Code Red vs Code Red II) and every verdict computed from them survive, while the addresses do not.
//
// One twist keeps the Code Red II verdicts exact: that worm never targets 127/8, 224/8 or an address with an octet
// of 0 or 255 (core/analysis/locality.ts counts such targets against it), so those values must stay what they
// are. Their bit paths are fixed points: along the path of 0 and 255 in every octet (and of 127 and 224 in the
// first), the flip is forced to 0. Any choice of flips keeps the map prefix-preserving and one-to-one; the price
// is that each octet keeps its leading bits up to where it leaves those paths (about two bits an octet).
import { halfSipHash64, halfSipKey, type HalfSipKey } from './half-siphash';

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

/** Prefix lengths whose PRF bits are memoised: the top of the tree is shared by many addresses, the rest is not. */
const MEMO_DEPTH = 16;

/** Octet values whose class the core reads (see the header): [first octet, other octets]. */
const FIXED_OCTETS = [
  [0, 127, 224, 255],
  [0, 255],
];
/** FORCED[k][j]: the j-bit partial octet values (as bit flags j*256+p) on a fixed path, where no flip happens. */
const FORCED: Uint8Array[] = [0, 1].map((k) => {
  const t = new Uint8Array(9 * 256);
  for (const v of FIXED_OCTETS[k]!) for (let j = 0; j <= 8; j++) t[j * 256 + (v >>> (8 - j))] = 1;
  return t;
});

export function createAnonymiser(keyBytes: ArrayLike<number>): Anonymiser {
  const key: HalfSipKey = halfSipKey(keyBytes);
  // Heap-style index: prefix p of length len sits at (1 << len) + p; -1 = not computed yet.
  const memo = new Int8Array(1 << (MEMO_DEPTH + 1)).fill(-1);
  const done = new Map<number, number>();
  // The message is the prefix (low bits zeroed) and its length: the length separates prefix 10 (length 2) from
  // 100 (length 3).
  const prfBit = (prefix: number, len: number): number => {
    if (len > MEMO_DEPTH) return halfSipHash64(key, prefix, len) & 1;
    const id = (1 << len) + (len === 0 ? 0 : prefix >>> (32 - len));
    let bit = memo[id]!;
    if (bit < 0) memo[id] = bit = halfSipHash64(key, prefix, len) & 1;
    return bit;
  };
  const addr = (a: number): number => {
    const hit = done.get(a);
    if (hit !== undefined) return hit;
    let out = 0;
    for (let i = 0; i < 32; i++) {
      const j = i & 7;
      const partial = j === 0 ? 0 : (a >>> (32 - i)) & ((1 << j) - 1);
      const inBit = (a >>> (31 - i)) & 1;
      let flip = 0;
      if (!FORCED[i < 8 ? 0 : 1]![j * 256 + partial]) {
        const prefix = i === 0 ? 0 : ((a >>> (32 - i)) << (32 - i)) >>> 0;
        flip = prfBit(prefix, i);
      }
      out = (out * 2 + (inBit ^ flip)) >>> 0;
    }
    done.set(a, out);
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
