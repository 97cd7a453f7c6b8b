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
  if (plan.platform === 'nx-os') {
    // NX-OS has no `reload in`: nothing brings the switch back by itself if the session is cut. Its net is a
    // checkpoint taken first, which `rollback running-config checkpoint` returns to from the console or the mgmt0
    // port, and saving only once the checks pass.
    return between(
      plan,
      {
        why:
          `Safety net for a change made through this switch: NX-OS has no timed reload, so take a checkpoint of the running configuration first. ` +
          `If the session is cut, reach the switch another way (console, or the mgmt0 port) and type ${NXOS_ROLLBACK}. If NX-OS says the checkpoint exists, ` +
          `an earlier change kept it: delete it (no checkpoint ${NXOS_CHECKPOINT}) or use another name in both places.`,
        command: `checkpoint ${NXOS_CHECKPOINT}`,
      },
      { why: `Once the verification output looks right and you can still reach the switch: save. Until then ${NXOS_ROLLBACK} undoes every step.`, command: 'copy running-config startup-config' },
    );
  }
  return between(
    plan,
    {
      why:
        `Safety net for a change made through this router: if the session is cut, it reloads its saved configuration in ${minutes} minutes. ` +
        'Type it by hand: it asks to confirm, and whether to save (answer no). Do not save until the checks pass.',
      command: `reload in ${minutes}`,
    },
    { why: 'Once the verification output looks right and you can still reach the router: cancel the timed reload, then save (copy running-config startup-config).', command: 'reload cancel' },
  );
}

/** The checkpoint an NX-OS plan's safety net takes, and the command that goes back to it. */
export const NXOS_CHECKPOINT = 'code-red-triage';
export const NXOS_ROLLBACK = `rollback running-config checkpoint ${NXOS_CHECKPOINT}`;

/** The plan between the net's first and last exec steps, both serving every finding the plan serves. */
function between(plan: ChangePlan, first: { why: string; command: string }, last: { why: string; command: string }): ChangePlan {
  const all = [...new Set(plan.steps.flatMap((s) => s.findings))];
  const step = (x: { why: string; command: string }) => ({ mode: 'exec' as const, findings: all, why: x.why, commands: [x.command] });
  // (The back-out's parts name their steps by number: one more step comes first now.)
  const rollback = plan.rollback.map((r) => (r.step !== undefined ? { ...r, step: r.step + 1 } : r));
  return { ...plan, steps: [step(first), ...plan.steps, step(last)], rollback, safetyNet: true };
}

/** The plan without the safety net's two steps. */
export function withoutSafetyNet(plan: ChangePlan): ChangePlan {
  if (!plan.safetyNet) return plan;
  const { safetyNet: _, ...rest } = plan;
  const rollback = plan.rollback.map((r) => (r.step !== undefined ? { ...r, step: r.step - 1 } : r));
  return { ...rest, steps: plan.steps.slice(1, -1), rollback };
}
