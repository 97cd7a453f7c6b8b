// What a rule sees (parsed facts, flow analysis, answers) and what it returns (contract findings).
import type { HostAnalysis } from '../analysis/fan-out';
import type { ParsedSection } from '../sections';
import type { Answers, Evidence, Finding, FindingId } from '../types';

export interface RuleContext {
  sections: readonly ParsedSection[];
  hosts: readonly HostAnalysis[];
  /** Validated questionnaire answers (src/core/answers.ts); rules compare values, never trust them blindly. */
  answers: Answers;
  /** Evidence for a line of a paste: the line's (normalised, trimmed) text. Never parse it. */
  evidence(source: string, line: number): Evidence;
}

export interface RuleDef {
  id: FindingId;
  /** One sentence: what the rule looks for (shown in docs and the UI's "what we checked"). */
  checks: string;
  /**
   * The `show` commands whose output confirms or rules out this finding, most telling first. The questionnaire
   * offers them (with copy buttons) when an answer points at this rule and the output is not pasted yet.
   */
  confirmWith: string[];
  evaluate(ctx: RuleContext): Finding[];
}
