// The remote-session safety net: a timed reload armed before the change, cancelled once verified.
import type { ChangePlan, PlanStep } from '../types';
import { pastedAlone } from './plan-text';

/** The timed reload's minutes for a plan pasted in one go; reloadMinutes adds to it for the steps pasted one at a time. */
export const RELOAD_MINUTES = 10;
/** Minutes more for each step pasted on its own: its pre-checks are run and read first. */
const RELOAD_MINUTES_PER_STEP_ALONE = 5;
/** At most: a longer timer leaves a router whose session was cut unreachable longer (the step says to re-arm instead). */
export const RELOAD_MAX_MINUTES = 20;

/** The IOS pre-check that shows whether the running-config holds changes not saved (both header lines of it). */
export const UNSAVED_CHECK = 'show running-config | include Last configuration change|NVRAM config last updated';

/**
 * The minutes `reload in N` gives this plan: 10 for a plan pasted in one go, 5 more for each step that waits on its
 * pre-checks or a value to fill in, at most 20. Past that the net's first step says to re-arm it.
 */
export function reloadMinutes(plan: Pick<ChangePlan, 'steps' | 'safetyNet'>): number {
  const steps = plan.safetyNet ? plan.steps.slice(1, -1) : plan.steps;
  const alone = steps.filter((s) => pastedAlone(s) !== undefined).length;
  return Math.min(RELOAD_MAX_MINUTES, RELOAD_MINUTES + RELOAD_MINUTES_PER_STEP_ALONE * alone);
}

/**
 * `reload in N` first: the router reloads its saved configuration in N minutes unless `reload cancel` is typed, the
 * session cut or not, so a cut session gets the router back by itself. `reload cancel` last, once the verification
 * shows the change worked. Nothing may be saved (write memory) before that. The reload throws away every change not
 * saved, the plan's and any made before it by anyone: the first step's gate checks there are none.
 */
export function withSafetyNet(plan: ChangePlan, minutes = reloadMinutes(plan)): ChangePlan {
  // Nothing to change, nothing to guard.
  if (plan.safetyNet || plan.steps.length === 0) return plan;
  if (plan.platform === 'nx-os') {
    // NX-OS has no `reload in`: nothing brings the switch back by itself if the session is cut. Its net is a
    // checkpoint taken first, which `rollback running-config checkpoint` returns to from the console or the mgmt0
    // port, and saving only once the checks pass. The checkpoint holds the running configuration as it is, changes
    // not saved included: going back to it keeps them, so it needs no check of them (unlike IOS's reload).
    return between(
      plan,
      {
        why:
          `Safety net for a change made through this switch: NX-OS has no timed reload, so take a checkpoint of the running configuration first. ` +
          `Nothing happens by itself: if the session is cut, reach the switch another way (console, or the mgmt0 port) and type ${NXOS_ROLLBACK}. ` +
          `The checkpoint holds the running configuration as it is now, changes not yet saved included, so going back to it undoes the plan only. ` +
          `If NX-OS says the checkpoint exists, an earlier change kept it: delete it (no checkpoint ${NXOS_CHECKPOINT}) or use another name in both places.`,
        command: `checkpoint ${NXOS_CHECKPOINT}`,
      },
      {
        why: `The last step, once the verification output looks right and you can still reach the switch: save. Until then ${NXOS_ROLLBACK} undoes every step.`,
        command: 'copy running-config startup-config',
      },
    );
  }
  return between(
    plan,
    {
      why:
        `Safety net for a change made through this router: it reloads in ${minutes} minutes unless reload cancel is typed before then, whether the session is cut or not, ` +
        `and comes back with its saved configuration (startup-config): the plan undone, and every other change not saved with it. ` +
        `Type it by hand: it asks to confirm, and, if the configuration was changed, whether to save (answer no). ` +
        `If the plan takes longer (steps pasted one at a time after their checks, the paste-back), type reload in ${minutes} again before the time is up: it starts the count again ` +
        `(show reload shows the time left; answer no to saving). reload cancel is the last step, once the checks pass; do not save until then.`,
      command: `reload in ${minutes}`,
      gate: [
        `Run ${UNSAVED_CHECK}: the header says when the running configuration last changed and when it was last saved. If the Last configuration change is later than ` +
          `NVRAM config last updated (or there is no NVRAM line), it holds changes not saved, which the reload would throw away: save them first (copy running-config startup-config) ` +
          `only if you know what they are and they are wanted; otherwise do not use the safety net.`,
      ],
    },
    {
      why: 'The last step, once the verification output looks right and you can still reach the router: cancel the timed reload (show reload then shows none scheduled), then save (copy running-config startup-config).',
      command: 'reload cancel',
    },
  );
}

/** The checkpoint an NX-OS plan's safety net takes, and the command that goes back to it. */
export const NXOS_CHECKPOINT = 'code-red-triage';
export const NXOS_ROLLBACK = `rollback running-config checkpoint ${NXOS_CHECKPOINT}`;

interface NetStep {
  why: string;
  command: string;
  gate?: string[];
}

/** The plan between the net's first and last exec steps, both serving every finding the plan serves. */
function between(plan: ChangePlan, first: NetStep, last: NetStep): ChangePlan {
  const all = [...new Set(plan.steps.flatMap((s) => s.findings))];
  const step = (x: NetStep): PlanStep => ({ mode: 'exec', findings: all, why: x.why, commands: [x.command], ...(x.gate ? { gate: x.gate } : {}) });
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
