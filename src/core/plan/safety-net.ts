// The remote-session safety net: a timed reload armed before the change, cancelled once verified.
import type { ChangePlan } from '../types';

export const RELOAD_MINUTES = 10;

/**
 * `reload in 10` first: if the change cuts the session, the router reloads the saved config by itself. `reload
 * cancel` last, once the verification shows the change worked. Nothing may be saved (write memory) before that.
 */
export function withSafetyNet(plan: ChangePlan, minutes = RELOAD_MINUTES): ChangePlan {
  // Nothing to change, nothing to guard.
  if (plan.safetyNet || plan.steps.length === 0) return plan;
  const all = [...new Set(plan.steps.flatMap((s) => s.findings))];
  return {
    ...plan,
    steps: [
      {
        mode: 'exec',
        findings: all,
        why:
          `Safety net for a change made through this router: if the session is cut, it reloads its saved configuration in ${minutes} minutes. ` +
          'Type it by hand: it asks to confirm, and whether to save (answer no). Do not save until the checks pass.',
        commands: [`reload in ${minutes}`],
      },
      ...plan.steps,
      {
        mode: 'exec',
        findings: all,
        why: 'Once the verification output looks right and you can still reach the router: cancel the timed reload, then save (copy running-config startup-config).',
        commands: ['reload cancel'],
      },
    ],
    safetyNet: true,
  };
}

/** The plan without the safety net's two steps. */
export function withoutSafetyNet(plan: ChangePlan): ChangePlan {
  if (!plan.safetyNet) return plan;
  const { safetyNet: _, ...rest } = plan;
  return { ...rest, steps: plan.steps.slice(1, -1) };
}
