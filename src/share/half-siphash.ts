// HalfSipHash-2-4 (32-bit output): the small keyed PRF behind address anonymisation.
//
// Why not Web Crypto: HMAC/AES there are async, and anonymisation must run synchronously inside pure code (the
// worker, the CLI, tests). HalfSipHash is the reduced-width SipHash of Aumasson and Bernstein's reference
// implementation; it is a PRF on short inputs with a 64-bit key, which is enough here: the key is random per
// link and never leaves the sharer's browser, so a reader would have to brute-force 2^64 keys to undo it.
// Checked against the reference implementation's own test vectors (half-siphash.test.ts).

const rotl = (x: number, b: number): number => ((x << b) | (x >>> (32 - b))) >>> 0;

export interface HalfSipKey {
  k0: number;
  k1: number;
}

/** Key from 8 bytes (little-endian words, as the reference implementation reads them). */
export function halfSipKey(bytes: ArrayLike<number>): HalfSipKey {
  if (bytes.length < 8) throw new Error('HalfSipHash needs an 8-byte key');
  const w = (i: number) => (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0;
  return { k0: w(0), k1: w(4) };
}

/** HalfSipHash-2-4 of `data` under `key`, 32-bit tag as an unsigned integer (little-endian bytes of the tag). */
export function halfSipHash(key: HalfSipKey, data: ArrayLike<number>): number {
  let v0 = key.k0;
  let v1 = key.k1;
  let v2 = (0x6c796765 ^ key.k0) >>> 0;
  let v3 = (0x74656462 ^ key.k1) >>> 0;
  const round = () => {
    v0 = (v0 + v1) >>> 0; v1 = rotl(v1, 5); v1 = (v1 ^ v0) >>> 0; v0 = rotl(v0, 16);
    v2 = (v2 + v3) >>> 0; v3 = rotl(v3, 8); v3 = (v3 ^ v2) >>> 0;
    v0 = (v0 + v3) >>> 0; v3 = rotl(v3, 7); v3 = (v3 ^ v0) >>> 0;
    v2 = (v2 + v1) >>> 0; v1 = rotl(v1, 13); v1 = (v1 ^ v2) >>> 0; v2 = rotl(v2, 16);
  };
  const len = data.length;
  const whole = len - (len % 4);
  for (let i = 0; i < whole; i += 4) {
    const m = (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)) >>> 0;
    v3 = (v3 ^ m) >>> 0;
    round(); round();
    v0 = (v0 ^ m) >>> 0;
  }
  let b = (len << 24) >>> 0;
  for (let i = len % 4 - 1; i >= 0; i--) b = (b | (data[whole + i]! << (8 * i))) >>> 0;
  v3 = (v3 ^ b) >>> 0;
  round(); round();
  v0 = (v0 ^ b) >>> 0;
  v2 = (v2 ^ 0xff) >>> 0;
  round(); round(); round(); round();
  return (v1 ^ v3) >>> 0;
}

/**
 * The same function for one 8-byte message given as two little-endian words, without arrays or closures: the
 * anonymiser calls it 32 times per address, so this is its hot path. Equal to halfSipHash(key, bytes of m0, m1).
 */
export function halfSipHash64(key: HalfSipKey, m0: number, m1: number): number {
  let v0 = key.k0 | 0;
  let v1 = key.k1 | 0;
  let v2 = 0x6c796765 ^ key.k0;
  let v3 = 0x74656462 ^ key.k1;
  for (let b = 0; b < 3; b++) {
    const m = b === 0 ? m0 | 0 : b === 1 ? m1 | 0 : 8 << 24; // two message words, then the length block
    v3 ^= m;
    for (let r = 0; r < 2; r++) {
      v0 = (v0 + v1) | 0; v1 = (v1 << 5) | (v1 >>> 27); v1 ^= v0; v0 = (v0 << 16) | (v0 >>> 16);
      v2 = (v2 + v3) | 0; v3 = (v3 << 8) | (v3 >>> 24); v3 ^= v2;
      v0 = (v0 + v3) | 0; v3 = (v3 << 7) | (v3 >>> 25); v3 ^= v0;
      v2 = (v2 + v1) | 0; v1 = (v1 << 13) | (v1 >>> 19); v1 ^= v2; v2 = (v2 << 16) | (v2 >>> 16);
    }
    v0 ^= m;
  }
  v2 ^= 0xff;
  for (let r = 0; r < 4; r++) {
    v0 = (v0 + v1) | 0; v1 = (v1 << 5) | (v1 >>> 27); v1 ^= v0; v0 = (v0 << 16) | (v0 >>> 16);
    v2 = (v2 + v3) | 0; v3 = (v3 << 8) | (v3 >>> 24); v3 ^= v2;
    v0 = (v0 + v3) | 0; v3 = (v3 << 7) | (v3 >>> 25); v3 ^= v0;
    v2 = (v2 + v1) | 0; v1 = (v1 << 13) | (v1 >>> 19); v1 ^= v2; v2 = (v2 << 16) | (v2 >>> 16);
  }
  return (v1 ^ v3) >>> 0;
}
