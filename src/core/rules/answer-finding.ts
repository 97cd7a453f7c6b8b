// Findings that stand on a questionnaire answer alone: at most a warning, and they name the output that confirms.
import { QUESTIONS } from '../answers';
import type { Finding, FindingId } from '../types';
import { kindOfCommand, pastedKinds } from './parsed-facts';
import type { RuleContext } from './rule-types';

/** The answer to `key` when it is one of `values`; anything else (absent, unknown, misspelt) is undefined. */
export function answered(ctx: Pick<RuleContext, 'answers'>, key: string, ...values: string[]): string | undefined {
  const v = ctx.answers[key];
  return v !== undefined && values.includes(v) ? v : undefined;
}

/** "Where is the CPU high? High at interrupt level (e.g. 99%/98%)" for the answer given to `key`. */
export function answerText(ctx: Pick<RuleContext, 'answers'>, key: string): string {
  const q = QUESTIONS.find((x) => x.key === key);
  const v = ctx.answers[key];
  const label = q?.options.find((o) => o.value === v)?.label ?? v;
  return `"${label}"`;
}

/**
 * True when none of the commands that would confirm the answer was pasted: once the output is there, the
 * finding stands on it (or stays silent because the output says otherwise).
 */
export function unconfirmed(ctx: Pick<RuleContext, 'sections'>, confirmWith: readonly string[]): boolean {
  const pasted = pastedKinds(ctx.sections);
  return !confirmWith.some((c) => {
    const k = kindOfCommand(c);
    return k !== undefined && pasted.has(k);
  });
}

export interface AnswerFindingSpec {
  id: FindingId;
  severity: 'warning' | 'info';
  /** What the answers suggest, e.g. "CPU high at interrupt level". */
  title: string;
  /** Why it matters and what the tech note would do once confirmed. */
  summary: string;
  /** The show commands to paste, most telling first. */
  confirmWith: readonly string[];
  caveats?: string[];
}

/**
 * An answer-only finding: no evidence lines; the commands are the `show` commands that would confirm it, less
 * those already pasted.
 */
export function answerFinding(ctx: Pick<RuleContext, 'sections'>, spec: AnswerFindingSpec): Finding {
  const pasted = pastedKinds(ctx.sections);
  const missing = spec.confirmWith.filter((c) => {
    const k = kindOfCommand(c);
    return k === undefined || !pasted.has(k);
  });
  const confirmWith = missing.length ? missing : spec.confirmWith;
  const first = confirmWith[0] ?? 'the router output';
  return {
    id: spec.id,
    severity: spec.severity,
    title: `${spec.title} (from your answers; paste ${first} to confirm)`,
    evidence: [],
    remedy: {
      summary: `${spec.summary} This rests on your answers only: paste the output of ${confirmWith.join(', ')} and the finding will stand on it, or go away.`,
      commands: [...confirmWith],
      caveats: spec.caveats ?? [],
    },
  };
}
