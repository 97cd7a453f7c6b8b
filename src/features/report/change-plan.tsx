// The change plan per router: pre-checks, ordered steps each with its own copy button, checks, back-out, safety net.
import { useState } from 'react';
import { useAppStore } from '../../state/store';
import { planScript, rollbackScript, stepFor, stepScript, stepsWords, wholePlanParts } from '../../core/plan/plan-text';
import { planlessSystem } from '../../core/plan/planless';
import { withSafetyNet, withoutSafetyNet, NXOS_CHECKPOINT, NXOS_ROLLBACK, reloadMinutes } from '../../core/plan/safety-net';
import type { ChangePlan } from '../../core/types';
import { ConfigLines } from '../../ui/config-lines';
import { capitalise } from '../../core/text/plural';
import { CopyButton } from '../../ui/copy-button';
import { StepGate } from '../../ui/step-gate';

function Lines({ lines, label }: { lines: string[]; label: string }) {
  const text = lines.join('\n');
  return (
    <div className="config-block">
      {/* Long lines (a placeholder naming its show command) wrap inside the box, a mark at each command's start. */}
      <ConfigLines lines={lines} />
      <CopyButton text={text} label={label} />
    </div>
  );
}

/**
 * One router's plan (the `index`th): the report page shows it first; the headline may offer its whole-plan copy.
 * Its heading id comes from its place, not useId, so the prerendered report (src/prerender) carries the same ids.
 */
export function ChangePlanView({ plan, index }: { plan: ChangePlan; index: number }) {
  const [net, setNet] = useState(plan.safetyNet === true);
  const shown = net ? withSafetyNet(plan) : withoutSafetyNet(plan);
  const headingId = `change-plan-${index + 1}`;
  const script = planScript(shown);
  const { alone } = wholePlanParts(shown);
  return (
    <article className="change-plan" aria-labelledby={headingId} data-plan-router={plan.router}>
      <h3 id={headingId}>
        Change plan for {plan.router}
        {plan.platform === 'nx-os' ? ', in NX-OS syntax' : ''}
      </h3>
      <label className="safety-net">
        <input type="checkbox" checked={net} onChange={(e) => setNet(e.target.checked)} />{' '}
        {plan.platform === 'nx-os' ? (
          <>
            I reach this switch through itself (remote session): add the safety net, <code>checkpoint {NXOS_CHECKPOINT}</code> first (NX-OS has no
            timed reload; <code>{NXOS_ROLLBACK}</code> goes back to it) and saving only once the checks pass
          </>
        ) : (
          <>
            I reach this router through itself (remote session): add the safety net, <code>reload in {reloadMinutes(plan)}</code> first (it reloads
            then unless cancelled) and <code>reload cancel</code> once the checks pass
          </>
        )}
      </label>
      {script !== '' && (
        <div className="actions">
          <CopyButton text={script} label="Copy the whole change plan" idleText="Copy the whole change plan" />
        </div>
      )}
      {alone.length > 0 && (
        <p className="plan-alone">
          {`${capitalise(stepsWords(alone))} ${alone.length === 1 ? 'waits' : 'wait'} on a check or a value to fill in, so there is no whole-plan copy: run the pre-checks, then paste the steps in order, each on its own (${alone.length === 1 ? 'that one' : 'those'} once ${alone.length === 1 ? 'its' : 'their'} checks below pass).`}
        </p>
      )}
      {shown.precheck.length > 0 && (
        <section>
          <h4>Before you start: run these and read the output</h4>
          <Lines lines={shown.precheck} label="Copy the pre-checks" />
        </section>
      )}
      <ol className="plan-steps">
        {shown.steps.map((s, i) => (
          <li key={i} data-plan-step={i + 1} data-plan-mode={s.mode}>
            <h4>
              Step {i + 1}: {s.mode === 'config' ? 'configuration mode' : 'at the # prompt'}, for {stepFor(s)}
            </h4>
            <p>{s.why}</p>
            {s.gate && s.gate.length > 0 && <StepGate gate={s.gate} label={`Before pasting step ${i + 1}`} heading="Before pasting this step" />}
            <Lines lines={stepScript(s)} label={`Copy step ${i + 1}`} />
          </li>
        ))}
      </ol>
      {shown.verify.length > 0 && (
        <section>
          <h4>Then paste this output back into the tool</h4>
          <Lines lines={shown.verify} label="Copy the checks" />
        </section>
      )}
      {shown.rollback.length > 0 && (
        <details className="plan-rollback">
          <summary>Back-out: restores the configuration as it was</summary>
          {shown.rollback.length > 1 && (
            <p>Paste the parts of the steps you pasted, in this order (the last step first); leave out the part of a step you did not paste.</p>
          )}
          {shown.rollback.map((r, i) => (
            <section key={i} data-back-out-step={r.step}>
              {shown.rollback.length > 1 && r.step !== undefined && <h5>Undoes step {r.step}</h5>}
              <Lines lines={stepScript(r)} label={r.step !== undefined && shown.rollback.length > 1 ? `Copy the back-out of step ${r.step}` : 'Copy the back-out'} />
            </section>
          ))}
          {shown.rollback.length > 1 && (
            <div className="actions">
              <CopyButton text={rollbackScript(shown)} label="Copy the whole back-out, for when every step was pasted" idleText="Copy the whole back-out (every step pasted)" />
            </div>
          )}
        </details>
      )}
    </article>
  );
}

export function ChangePlans() {
  const plans = useAppStore((s) => s.diagnosis?.plans);
  const remedies = useAppStore((s) => s.diagnosis?.findings.some((f) => f.remedy.commands.length > 0) ?? false);
  const planless = useAppStore((s) => s.diagnosis?.findings.map(planlessSystem).find((x) => x !== undefined));
  if ((!plans || plans.length === 0) && planless) {
    return (
      <p>
        The configuration pasted is {planless}&apos;s: this tool writes change plans for IOS routers and NX-OS switches only, so it gives no
        commands for it. Each finding below says what to change.
      </p>
    );
  }
  if (!plans || plans.length === 0) {
    // A diagnosis shared before plans existed carries remedies but no plan: say so rather than "nothing to change".
    return remedies ? (
      <p className="muted">This report carries no change plan; each finding's remedy is below. Paste the output again to build one.</p>
    ) : (
      <p>No change to make: nothing found calls for a configuration change.</p>
    );
  }
  return (
    <div className="change-plans">
      {plans.map((p, i) => (
        <ChangePlanView key={`${p.router}-${i}`} plan={p} index={i} />
      ))}
    </div>
  );
}
