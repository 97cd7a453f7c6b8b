// A dotted quad read from bytes as ipToInt (core/text/lines.ts) reads one from text: four octets of 1 to 3 digits, no
// leading zero, each at most 255. Shared by the byte readers of verbose records, NX-OS rows and MLS NetFlow entries.

/** The address's value, set by dottedQuadAt when it reads one. */
export const quad = { v: 0 };

/**
 * Read a dotted quad from b[p] (before e): where it ends (the first byte after its last digit), its value in
 * `quad.v`; -1 when none starts there. What follows it is the caller's to check (a blank, the field's end).
 */
export function dottedQuadAt(b: Uint8Array, p: number, e: number): number {
  let a = 0;
  for (let o = 0; o < 4; o++) {
    if (o > 0) {
      if (p >= e || b[p] !== 46) return -1;
      p++;
    }
    const s = p;
    let n = 0;
    while (p < e) {
      const d = b[p]! - 48;
      if (d < 0 || d > 9) break;
      // (A fourth digit: no octet, and no address.)
      if (p - s === 3) return -1;
      n = n * 10 + d;
      p++;
    }
    if (p === s || n > 255 || (p - s > 1 && b[s] === 48)) return -1;
    a = a * 256 + n;
  }
  quad.v = a;
  return p;
}
