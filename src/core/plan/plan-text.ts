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
 * A step whose value to fill in (`<next-hop address on ...>`) comes before a removal that holds none: pasted
 * unfilled, IOS refuses the placeholder line and still takes the `no` line after it. Placeholder lines alone are
 * harmless (IOS refuses them, and the indented lines under a refused header).
 */
function unsafeUnfilled(step: Pick<PlanStep, 'commands'>): boolean {
  const first = step.commands.findIndex((c) => /<[^>]+>/.test(c));
  return first >= 0 && step.commands.slice(first + 1).some((c) => /^\s*no\s/.test(c) && !/<[^>]+>/.test(c));
}

/**
 * Every step in order, ready to paste at the # prompt. `reload in N` asks to confirm (and maybe to save): the
 * safety net's lines are left to type by hand, so a pasted line never answers one of its prompts. A step that is
 * unsafe unfilled becomes a comment line (IOS ignores lines starting with !): its placeholder line would fail and
 * `no ip route ... FastEthernet0/0` after it remove the default route with nothing in its place. That step is
 * filled in and pasted on its own.
 */
export function planScript(plan: Pick<ChangePlan, 'steps'>): string {
  return plan.steps
    .flatMap((s, i) => {
      // The net's last step (reload cancel, or NX-OS's save) waits on the checks: it is never in the pasted whole.
      if (s.mode === 'exec' && s.commands.every((c) => /^reload\b/.test(c) || c === 'copy running-config startup-config')) return [];
      if (unsafeUnfilled(s)) return [`! Step ${i + 1} is left out: fill in its placeholders, then paste that step on its own.`];
      return stepScript(s);
    })
    .join('\n');
}

export function rollbackScript(plan: Pick<ChangePlan, 'rollback'>): string {
  return plan.rollback.flatMap(stepScript).join('\n');
}

/** A readable outline (CLI report and Markdown): pre-checks, numbered steps with why, checks, back-out. */
export function planOutline(plan: ChangePlan): { heading: string; lines: string[]; note?: string }[] {
  const parts: { heading: string; lines: string[]; note?: string }[] = [];
  if (plan.precheck.length) parts.push({ heading: 'Before you start, run and read', lines: plan.precheck });
  plan.steps.forEach((s, i) => {
    parts.push({
      heading: `Step ${i + 1} (${s.mode === 'config' ? 'configuration mode' : 'at the # prompt'}), for ${stepFor(s)}`,
      lines: stepScript(s),
      note: s.why,
    });
  });
  const verify = { heading: 'Then paste this output back into the tool', lines: plan.verify };
  // With the safety net, the checks come before its last step (reload cancel), which waits on them.
  if (plan.verify.length) parts.splice(plan.safetyNet ? parts.length - 1 : parts.length, 0, verify);
  if (plan.rollback.length) parts.push({ heading: 'Back-out (restores the configuration as it was)', lines: plan.rollback.flatMap(stepScript) });
  return parts;
}
