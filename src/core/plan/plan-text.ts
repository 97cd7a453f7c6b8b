// A change plan as text: the whole script to paste (configure terminal ... end around config steps) and a readable outline.
import { FINDING_NAMES } from '../rules/finding-names';
import { listWords } from '../text/plural';
import type { ChangePlan, PlanStep } from '../types';


export function stepFor(step: Pick<PlanStep, 'findings'>): string {
  return listWords(step.findings.map((f) => FINDING_NAMES[f] ?? f));
}

/** The lines to type for one step, config mode entered and left around its commands. */
export function stepScript(step: Pick<PlanStep, 'mode' | 'commands'>): string[] {
  return step.mode === 'config' ? ['configure terminal', ...step.commands, 'end'] : [...step.commands];
}

/**
 * Why a step is pasted on its own, never in the whole-plan copy; undefined when it may go in. A step with a value to
 * fill in (`<next-hop address on ...>`, `<inbound ACL on Vlan1: ...>`): filled in an editor, it would be pasted without
 * the words that say when it is safe; unfilled, IOS refuses the placeholder line and still takes the lines after it
 * (a `no ip route` left with nothing in its place). A step with a gate: its safety rests on what a pre-check shows
 * (an interface that already has a list, a list that turns out empty), which one paste of the whole plan skips.
 */
export function pastedAlone(step: Pick<PlanStep, 'commands' | 'gate'>): 'placeholder' | 'gate' | undefined {
  if (step.commands.some((c) => /<[^>]+>/.test(c))) return 'placeholder';
  return step.gate?.length ? 'gate' : undefined;
}

/**
 * The safety net's steps typed by hand, never in the pasted whole: `reload in N` (it asks to confirm), and the net's
 * last step (reload cancel, or NX-OS's save), which waits on the checks.
 */
function netByHand(s: Pick<PlanStep, 'mode' | 'commands'>): boolean {
  return s.mode === 'exec' && s.commands.every((c) => /^reload\b/.test(c) || c === 'copy running-config startup-config');
}

/** NX-OS's net's first step (its checkpoint): nothing on its own, only around other steps. */
function netStart(s: Pick<PlanStep, 'mode' | 'commands'>): boolean {
  return s.mode === 'exec' && s.commands.every((c) => /^checkpoint /.test(c));
}

/** The 1-based numbers of the steps the whole-plan copy carries, and of those pasted on their own. */
export function wholePlanParts(plan: Pick<ChangePlan, 'steps'>): { pasted: number[]; alone: number[] } {
  const pasted: number[] = [];
  const alone: number[] = [];
  plan.steps.forEach((s, i) => {
    if (netByHand(s)) return;
    (pastedAlone(s) ? alone : pasted).push(i + 1);
  });
  // A safety net around nothing is no plan to paste.
  if (pasted.every((n) => netStart(plan.steps[n - 1]!))) return { pasted: [], alone };
  return { pasted, alone };
}

/**
 * Every step to paste at the # prompt in one go, in order; empty when any step is pasted on its own (pastedAlone):
 * the steps are in a safe order, and a copy of the others pasted first would break it (the ARP cache cleared before
 * the route it serves is changed). `reload in N` asks to confirm (and maybe to save): the safety net's lines are
 * left to type by hand, so a pasted line never answers one of its prompts.
 */
export function planScript(plan: Pick<ChangePlan, 'steps'>): string {
  const { pasted, alone } = wholePlanParts(plan);
  if (pasted.length === 0 || alone.length > 0) return '';
  return plan.steps.flatMap((s) => (netByHand(s) ? [] : stepScript(s))).join('\n');
}

/** "step 2", "steps 1 and 3": the steps named by their numbers. */
export function stepsWords(numbers: readonly number[]): string {
  return `${numbers.length === 1 ? 'step' : 'steps'} ${listWords(numbers.map(String))}`;
}

export function rollbackScript(plan: Pick<ChangePlan, 'rollback'>): string {
  return plan.rollback.flatMap(stepScript).join('\n');
}

/** A readable outline (CLI report and Markdown): pre-checks, numbered steps with why, checks, back-out. */
export function planOutline(plan: ChangePlan): { heading: string; lines: string[]; note?: string; checks?: string[] }[] {
  const parts: { heading: string; lines: string[]; note?: string; checks?: string[] }[] = [];
  if (plan.precheck.length) parts.push({ heading: 'Before you start, run and read', lines: plan.precheck });
  plan.steps.forEach((s, i) => {
    parts.push({
      heading: `Step ${i + 1} (${s.mode === 'config' ? 'configuration mode' : 'at the # prompt'}), for ${stepFor(s)}`,
      lines: stepScript(s),
      note: s.why,
      ...(s.gate?.length ? { checks: s.gate } : {}),
    });
  });
  const verify = { heading: 'Then paste this output back into the tool', lines: plan.verify };
  // With the safety net, the checks come before its last step (reload cancel), which waits on them.
  if (plan.verify.length) parts.splice(plan.safetyNet ? parts.length - 1 : parts.length, 0, verify);
  // A part a step, the last step first: the part of a step not pasted is left out too.
  if (plan.rollback.length === 1) parts.push({ heading: 'Back-out (restores the configuration as it was)', lines: stepScript(plan.rollback[0]!) });
  else {
    for (const r of plan.rollback) {
      parts.push({ heading: `Back-out of ${r.step !== undefined ? `step ${r.step}` : 'the plan'} (paste it only if that step was pasted; parts go last step first)`, lines: stepScript(r) });
    }
  }
  return parts;
}
