// Code Red vs Code Red II: a likelihood-ratio test on where a source's targets sit relative to its own address.

export interface LocalityCounts {
  same16: number;
  same8: number;
  other: number;
  /** Targets Code Red II never picks: 127/8, 224/8, an octet of 0 or 255, or the source itself. */
  forbidden: number;
}

export function emptyLocality(): LocalityCounts {
  return { same16: 0, same8: 0, other: 0, forbidden: 0 };
}

/** Code Red II target choice (tech note): 3/8 same /16, 1/2 same /8, 1/8 anywhere. */
export const CR2_EXPECTED = { same16: 3 / 8, same8: 1 / 2, other: 1 / 8 } as const;

/** Share of uniformly random addresses Code Red II would never pick: first octet 0/127/224/255, other octets 0/255. */
const P_FORBIDDEN_UNIFORM = 1 - (252 / 256) * (254 / 256) ** 3;
/** Code Red II still shows a few "forbidden" targets in real captures (spoofed or mangled rows): a small allowance. */
const P_FORBIDDEN_CR2 = 1e-3;

// Under uniform random targets (Code Red), a target shares the /16 with p 2^-16 and the /8 (but not /16) with ~2^-8.
const U = { same16: 1 / 65536, same8: 1 / 256 - 1 / 65536, other: 1 - 1 / 256 };
const P_CR = {
  same16: U.same16 * (1 - P_FORBIDDEN_UNIFORM),
  same8: U.same8 * (1 - P_FORBIDDEN_UNIFORM),
  other: U.other * (1 - P_FORBIDDEN_UNIFORM),
  forbidden: P_FORBIDDEN_UNIFORM,
};
// Code Red II's 1/8 random share can also land in the same /8 or /16 by chance.
const P_CR2 = {
  same16: (CR2_EXPECTED.same16 + CR2_EXPECTED.other * U.same16 + CR2_EXPECTED.same8 / 256) * (1 - P_FORBIDDEN_CR2),
  same8: (CR2_EXPECTED.same8 * (1 - 1 / 256) + CR2_EXPECTED.other * U.same8) * (1 - P_FORBIDDEN_CR2),
  other: CR2_EXPECTED.other * U.other * (1 - P_FORBIDDEN_CR2),
  forbidden: P_FORBIDDEN_CR2,
};

/** Would Code Red II ever pick dst from src? (It skips 127/8, 224/8, octets 0 and 255, and itself.) */
export function cr2CouldPick(src: number, dst: number): boolean {
  if (dst === src) return false;
  const a = dst >>> 24;
  const b = (dst >>> 16) & 255;
  const c = (dst >>> 8) & 255;
  const d = dst & 255;
  if (a === 127 || a === 224) return false;
  return a !== 0 && a !== 255 && b !== 0 && b !== 255 && c !== 0 && c !== 255 && d !== 0 && d !== 255;
}

export type LocalityClass = keyof LocalityCounts;

export function classifyLocality(src: number, dst: number): LocalityClass {
  if (!cr2CouldPick(src, dst)) return 'forbidden';
  if (src >>> 16 === dst >>> 16) return 'same16';
  if (src >>> 24 === dst >>> 24) return 'same8';
  return 'other';
}

/** Numeric class for hot loops: 0 same16, 1 same8, 2 other, 3 forbidden. */
export function localityCode(src: number, dst: number): number {
  if (!cr2CouldPick(src, dst)) return 3;
  if (src >>> 16 === dst >>> 16) return 0;
  if (src >>> 24 === dst >>> 24) return 1;
  return 2;
}

/** Each class's log likelihood ratio, worked out once (judge() asks for every host's). */
const LR_SAME16 = Math.log(P_CR2.same16 / P_CR.same16);
const LR_SAME8 = Math.log(P_CR2.same8 / P_CR.same8);
const LR_OTHER = Math.log(P_CR2.other / P_CR.other);
const LR_FORBIDDEN = Math.log(P_CR2.forbidden / P_CR.forbidden);

/** ln P(counts | Code Red II) - ln P(counts | Code Red). Positive favours Code Red II. */
export function localityLogRatio(c: LocalityCounts): number {
  return c.same16 * LR_SAME16 + c.same8 * LR_SAME8 + c.other * LR_OTHER + c.forbidden * LR_FORBIDDEN;
}

/** Decide at the same 99:1 odds as the scan verdict; fewer than 4 targets is too thin to call. */
export const VARIANT_LOG_THRESHOLD = Math.log(99);
export const VARIANT_MIN_TARGETS = 4;

/**
 * Targets Code Red II never picks that a Code Red II host may still show (its own browsing, a mangled row):
 * beyond this many the local bias cannot be Code Red II, whatever the likelihood ratio against uniform says.
 */
export function forbiddenAllowance(n: number): number {
  return Math.max(2, Math.ceil(0.1 * n));
}

export function decideVariant(c: LocalityCounts): 'code-red' | 'code-red-ii' | 'unknown' {
  const n = c.same16 + c.same8 + c.other + c.forbidden;
  if (n < VARIANT_MIN_TARGETS) return 'unknown';
  const r = localityLogRatio(c);
  if (r >= VARIANT_LOG_THRESHOLD) return c.forbidden > forbiddenAllowance(n) ? 'unknown' : 'code-red-ii';
  if (r <= -VARIANT_LOG_THRESHOLD) return 'code-red';
  return 'unknown';
}

/** Plain words for the variant call, with the mix, the expectation and the odds. */
export function describeVariant(c: LocalityCounts, variant: 'code-red' | 'code-red-ii' | 'unknown'): string {
  const n = c.same16 + c.same8 + c.other + c.forbidden;
  const pct = (x: number) => `${Math.round((100 * x) / Math.max(1, n))}%`;
  const mix =
    `targets: ${c.same16} same /16 (${pct(c.same16)}), ${c.same8} same /8 (${pct(c.same8)}), ${c.other} elsewhere (${pct(c.other)})` +
    (c.forbidden ? `, ${c.forbidden} that Code Red II never picks (127/8, 224/8, an octet 0 or 255, itself)` : '');
  const r = localityLogRatio(c);
  const odds = (x: number) => (x > Math.log(1e6) ? `more than 10^${Math.floor(x / Math.LN10)}:1` : `${Math.exp(x).toFixed(0)}:1`);
  if (variant === 'code-red-ii') return `${mix}; Code Red II expects 38% / 50% / 12%: Code Red II, odds ${odds(r)} over uniformly random (Code Red)`;
  if (variant === 'code-red') return `${mix}; uniformly random targets as the first Code Red: odds ${odds(-r)} over Code Red II's local bias (38% / 50% / 12%)`;
  if (n < VARIANT_MIN_TARGETS) return `${mix}: too few to tell Code Red from Code Red II`;
  if (r >= VARIANT_LOG_THRESHOLD) {
    return `${mix}: local bias unlike the first Code Red, but ${c.forbidden} targets Code Red II never picks rule it out too`;
  }
  return `${mix}: too mixed to tell Code Red from Code Red II (odds ${Math.exp(Math.abs(r)).toFixed(1)}:1 either way)`;
}

/** Where a target falls under each model: the two Code Reds, for other profiles' likelihood tests (profiles/). */
export type LocalityModel = Record<LocalityClass, number>;
export const CODE_RED_MODEL: LocalityModel = P_CR;
export const CODE_RED_II_MODEL: LocalityModel = P_CR2;
export const UNIFORM_SHARES = U;
export const P_FORBIDDEN_RANDOM = P_FORBIDDEN_UNIFORM;

/** ln P(counts | model). */
export function localityLogLikelihood(c: LocalityCounts, p: LocalityModel): number {
  return c.same16 * Math.log(p.same16) + c.same8 * Math.log(p.same8) + c.other * Math.log(p.other) + c.forbidden * Math.log(p.forbidden);
}
