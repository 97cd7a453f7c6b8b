// Code Red vs Code Red II: a likelihood-ratio test on how many targets share the source's /8 and /16.

export interface LocalityCounts {
  same16: number;
  same8: number;
  other: number;
}

/** Code Red II target choice (tech note): 3/8 same /16, 1/2 same /8, 1/8 anywhere. */
export const CR2_EXPECTED = { same16: 3 / 8, same8: 1 / 2, other: 1 / 8 } as const;

// Under uniform random targets (Code Red), a target shares the /16 with p 2^-16 and the /8 (but not /16) with ~2^-8.
const P_CR = { same16: 1 / 65536, same8: 1 / 256 - 1 / 65536, other: 1 - 1 / 256 };
// Code Red II's 1/8 random share can also land in the same /8 or /16 by chance.
const P_CR2 = {
  same16: CR2_EXPECTED.same16 + CR2_EXPECTED.other * P_CR.same16 + CR2_EXPECTED.same8 / 256,
  same8: CR2_EXPECTED.same8 * (1 - 1 / 256) + CR2_EXPECTED.other * P_CR.same8,
  other: CR2_EXPECTED.other * P_CR.other,
};

export function classifyLocality(src: number, dst: number): keyof LocalityCounts {
  if (src >>> 16 === dst >>> 16) return 'same16';
  if (src >>> 24 === dst >>> 24) return 'same8';
  return 'other';
}

/** ln P(counts | Code Red II) - ln P(counts | Code Red). Positive favours Code Red II. */
export function localityLogRatio(c: LocalityCounts): number {
  return (
    c.same16 * Math.log(P_CR2.same16 / P_CR.same16) +
    c.same8 * Math.log(P_CR2.same8 / P_CR.same8) +
    c.other * Math.log(P_CR2.other / P_CR.other)
  );
}

/** Decide at the same 99:1 odds as the scan verdict; fewer than 4 targets is too thin to call. */
export const VARIANT_LOG_THRESHOLD = Math.log(99);
export const VARIANT_MIN_TARGETS = 4;

export function decideVariant(c: LocalityCounts): 'code-red' | 'code-red-ii' | 'unknown' {
  const n = c.same16 + c.same8 + c.other;
  if (n < VARIANT_MIN_TARGETS) return 'unknown';
  const r = localityLogRatio(c);
  if (r >= VARIANT_LOG_THRESHOLD) return 'code-red-ii';
  if (r <= -VARIANT_LOG_THRESHOLD) return 'code-red';
  return 'unknown';
}
