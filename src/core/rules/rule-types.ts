// What a rule sees (parsed facts, flow analysis, answers) and what it returns (contract findings).
import type { HostAnalysis } from '../analysis/fan-out';
import type { ParsedSection } from '../sections';
import type { Answers, Evidence, Finding, FindingId } from '../types';

export interface RuleContext {
  sections: readonly ParsedSection[];
  hosts: readonly HostAnalysis[];
  answers: Answers;
  /** Evidence for a line of a paste: the line's (normalised, trimmed) text. Never parse it. */
  evidence(source: string, line: number): Evidence;
}

export interface RuleDef {
  id: FindingId;
  /** One sentence: what the rule looks for (shown in docs and the UI's "what we checked"). */
  checks: string;
  evaluate(ctx: RuleContext): Finding[];
}
