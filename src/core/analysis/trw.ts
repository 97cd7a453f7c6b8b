// Threshold Random Walk (Jung, Paxson, Berger, Balakrishnan 2004): a sequential test on first-contact outcomes.

/** P(first contact succeeds | benign host) and P(... | scanner), the paper's operating point. */
export const THETA_BENIGN = 0.8;
export const THETA_SCANNER = 0.2;
/** Target detection and false-alarm probabilities. */
export const P_DETECT = 0.99;
export const P_FALSE = 0.01;

export const LOG_UPPER = Math.log(P_DETECT / P_FALSE); // ln 99: declare scanner
export const LOG_LOWER = Math.log((1 - P_DETECT) / (1 - P_FALSE)); // ln(1/99): declare benign
export const STEP_FAIL = Math.log((1 - THETA_SCANNER) / (1 - THETA_BENIGN)); // ln 4
export const STEP_OK = Math.log(THETA_SCANNER / THETA_BENIGN); // ln 1/4
/** One failure short of the scanner bound: reported as suspect (3 net failures: odds 64:1). */
export const LOG_SUSPECT = 3 * STEP_FAIL;

/** Walk state: the log likelihood ratio, clamped at the benign bound so a later scan is still caught. */
export interface Walk {
  llr: number;
  crossed: boolean;
  /** Failures seen when the walk crossed the upper bound (0 if it never did). */
  failuresAtCrossing: number;
  failures: number;
  successes: number;
  /** Failed first contacts to destinations other sources reached: not counted either way. */
  neutral: number;
  /**
   * Unanswered UDP or ICMP probes in a capture that shows no reply at all, from a source that sent too few of them
   * to be a sweep (fan-out.ts BLIND_SWEEP_MIN): counted in `failures`, not scored.
   */
  unscored: number;
}

export function newWalk(): Walk {
  return { llr: 0, crossed: false, failuresAtCrossing: 0, failures: 0, successes: 0, neutral: 0, unscored: 0 };
}

export function step(w: Walk, failed: boolean): void {
  if (failed) w.failures++;
  else w.successes++;
  if (w.crossed) return;
  w.llr = Math.max(LOG_LOWER, w.llr + (failed ? STEP_FAIL : STEP_OK));
  if (w.llr >= LOG_UPPER) {
    w.crossed = true;
    w.failuresAtCrossing = w.failures;
  }
}
