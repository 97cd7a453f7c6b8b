// What the headline says, worked out from the diagnosis alone (pure, so it is tested without a browser).
import { planScript, stepsWords, wholePlanParts } from '../../core/plan/plan-text';
import { configLabel } from '../../core/rules/config-label';
import { FINDING_NAMES } from '../../core/rules/finding-names';
import { profileOf } from '../../core/analysis/profiles/all-profiles';
import { listWords } from '../../core/text/plural';
import type { Diagnosis, Host } from '../../core/types';

const VARIANT_WORDS = { 'code-red': 'Code Red', 'code-red-ii': 'Code Red II' } as const;

/** A host's likely worm in words: its profile's name, else its Code Red variant; null when nothing was told. */
function wormOf(h: Host): string | null {
  if (h.worm && h.worm !== 'unknown') return profileOf(h.worm)?.name ?? null;
  return h.variant === 'code-red' || h.variant === 'code-red-ii' ? VARIANT_WORDS[h.variant] : null;
}

/**
 * The likely worm, worded as far as the evidence goes: ", likely Code Red" when every infected host points to it;
 * "; 193.23.45.35 likely Code Red" when only some do (accounting rows, say, tell no worm); null when none or several.
 */
export function headlineWorm(infected: readonly Host[]): string | null {
  const told = infected.filter((h) => wormOf(h) !== null);
  const names = new Set(told.map(wormOf));
  if (names.size !== 1) return null;
  const name = [...names][0]!;
  return told.length === infected.length ? `, likely ${name}` : `; ${listWords(told.map((h) => h.ip), 3)} likely ${name}`;
}

export interface PrimaryAction {
  what: string;
  /** The whole text the button copies. */
  text: string;
  /** Accessible name, naming the content. */
  label: string;
  button: string;
}

/**
 * The one thing to do first: the change plan (issue 11), whole, when there is one to paste; the part of it that needs
 * no check when some steps wait on theirs (they are named); its pre-checks when every step does; else the most severe
 * finding that has config to paste.
 */
export function primaryAction(d: Diagnosis): PrimaryAction | null {
  const plans = d.plans ?? [];
  const more = plans.length > 1 ? ` (${plans.length} routers: each has its own plan below)` : '';
  const plan = plans.find((p) => planScript(p) !== '');
  if (plan) {
    const n = plan.steps.length;
    return {
      what: `apply the change plan for ${plan.router}: ${n === 1 ? 'one step' : `${n} steps`} in a safe order${plan.precheck.length ? ', after its pre-checks' : ''}${more}.`,
      text: planScript(plan),
      label: `Copy the whole change plan for ${plan.router}`,
      button: 'Copy the whole change plan',
    };
  }
  // A step waits on what its pre-checks show (the plan cannot see a list, a config may be cut): run those first.
  const gated = plans.find((p) => p.steps.length > 0 && p.precheck.length > 0);
  if (gated) {
    const { alone } = wholePlanParts(gated);
    const n = gated.steps.length;
    const what =
      alone.length === n
        ? `run the pre-checks of the change plan for ${gated.router}: ${n === 1 ? 'its step says' : `each of its ${n} steps says`} what they must show before you paste it${n > 1 ? ' (in order, one at a time)' : ''}${more}.`
        : `run the pre-checks of the change plan for ${gated.router}, then paste its ${n} steps in order, one at a time: ${stepsWords(alone)} ${alone.length === 1 ? 'says' : 'say'} what the pre-checks must show first${more}.`;
    return {
      what,
      text: gated.precheck.join('\n'),
      label: `Copy the pre-checks of the change plan for ${gated.router}`,
      button: 'Copy the pre-checks',
    };
  }
  const rank = { critical: 0, warning: 1, info: 2 } as const;
  const f = d.findings.filter((x) => x.remedy.commands.length > 0).sort((a, b) => rank[a.severity] - rank[b.severity])[0];
  if (!f) return null;
  const label = configLabel(f.remedy.commands, f.id);
  return { what: `${f.remedy.summary.split(/(?<=\.)\s/)[0]} (${FINDING_NAMES[f.id]})`, text: f.remedy.commands.join('\n'), label: `Copy ${label}`, button: `Copy ${label}` };
}
