// One finding, remedy first: severity and title, its part of the change plan with its caveats, then the evidence (folded).
import { useEffect, useRef, useState } from 'react';
import { stepScript } from '../../core/plan/plan-text';
import { configLabel } from '../../core/rules/config-label';
import { count } from '../../core/text/plural';
import type { Finding, PlanStep } from '../../core/types';
import { CopyButton } from '../../ui/copy-button';
import { ConfigLines } from '../../ui/config-lines';
import { filterEvidence } from './evidence-filter';
import { StepGate } from '../../ui/step-gate';

function ConfigBlock({ commands, label }: { commands: string[]; label: string }) {
  return (
    <div className="config-block">
      <ConfigLines lines={commands} />
      <CopyButton text={commands.join('\n')} label={`Copy ${label}`} />
    </div>
  );
}

/**
 * Evidence lines a finding lists at first. A finding about 5,000 infected hosts quotes 15,000 lines, and four such
 * findings put 40,000 list items (126,000 elements) into the report: 1-2 s before it showed, for lines nobody scrolls
 * through. The rest are a click away, and in the downloaded report and the JSON export.
 */
export const EVIDENCE_SHOWN = 500;

function EvidenceBlock({ finding, selectedSource, onClearSource }: { finding: Finding; selectedSource: string | null; onClearSource: () => void }) {
  const shown = filterEvidence(finding.evidence, selectedSource);
  const [all, setAll] = useState(false);
  const listed = all ? shown : shown.slice(0, EVIDENCE_SHOWN);
  const ref = useRef<HTMLDetailsElement>(null);
  // Picking a host opens the evidence (the engineer asked to see its lines); clearing it leaves it as it is.
  useEffect(() => {
    if (selectedSource !== null && ref.current) ref.current.open = true;
  }, [selectedSource]);
  return (
    <details className="evidence-block" ref={ref}>
      <summary>
        Evidence ({selectedSource ? `${shown.length} of ${count(finding.evidence.length, 'line')} mention ${selectedSource}` : count(finding.evidence.length, 'line')})
      </summary>
      {selectedSource && (
        <button type="button" className="link-button" onClick={onClearSource}>
          Show all the evidence
        </button>
      )}
      <ul className="evidence">
        {listed.map((e, i) => (
          <li key={i} data-evidence-source={e.source} data-evidence-line={e.line}>
            <span className="evidence-where">
              {e.source}:{e.line}
            </span>{' '}
            <code>{e.text}</code>
          </li>
        ))}
      </ul>
      {listed.length < shown.length && (
        <p className="evidence-more">
          The first {count(listed.length, 'line')} of {shown.length.toLocaleString('en')}.{' '}
          <button type="button" className="link-button" onClick={() => setAll(true)}>
            List all {count(shown.length, 'line')}
          </button>
        </p>
      )}
    </details>
  );
}

export function FindingCard({
  finding,
  index,
  selectedSource,
  onClearSource,
  planSteps,
}: {
  finding: Finding;
  /** Its place in the list: two findings may share an id (a scanning host on each of two interfaces). */
  index: number;
  selectedSource: string | null;
  onClearSource: () => void;
  /** This finding's steps of the change plan: shown one block per mode, so exec lines never share a config block. */
  planSteps?: PlanStep[];
}) {
  const { remedy } = finding;
  // Unique per card, and the same in the prerendered report (src/prerender), which useId would not give.
  const headingId = `finding-${index + 1}-${finding.id}`;
  return (
    <article className={`finding severity-${finding.severity}`} data-finding-id={finding.id} data-severity={finding.severity} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className={`badge badge-${finding.severity}`}>{finding.severity}</span> {finding.title}
      </h3>
      <div className="remedy-block">
        <p>{remedy.summary}</p>
        {planSteps && planSteps.length > 0 ? (
          planSteps.map((st, i) => (
            <div key={i} data-plan-mode={st.mode}>
              <p className="muted">{st.mode === 'config' ? 'In configuration mode:' : 'At the # prompt:'}</p>
              {/* Its lines are copied from the card too: what their pre-checks must show, as the plan's step says. */}
              {st.gate && st.gate.length > 0 && <StepGate gate={st.gate} label={`Before pasting ${planSteps.length > 1 ? `part ${i + 1} of ` : ''}this remedy`} heading="Before pasting these lines" />}
              <ConfigBlock commands={stepScript(st)} label={configLabel(st.commands, finding.id)} />
            </div>
          ))
        ) : (
          remedy.commands.length > 0 && (
            <>
              {/* Lines that are not whole plan steps here: the checks of the steps they come from (remedy.gate). */}
              {remedy.gate && remedy.gate.length > 0 && <StepGate gate={remedy.gate} label="Before pasting this remedy" heading="Before pasting these lines" />}
              <ConfigBlock commands={remedy.commands} label={configLabel(remedy.commands, finding.id)} />
            </>
          )
        )}
        {remedy.caveats.length > 0 && (
          <>
            <h4>Caveats</h4>
            <ul className="caveats">
              {remedy.caveats.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          </>
        )}
        {remedy.alternatives && remedy.alternatives.length > 0 && (
          <details className="alternatives">
            <summary>Alternatives ({remedy.alternatives.length})</summary>
            {remedy.alternatives.map((a, i) => (
              <div key={i}>
                <p>{a.summary}</p>
                {a.gate && a.gate.length > 0 && <StepGate gate={a.gate} label={`Before pasting alternative ${i + 1}`} heading="Before pasting this alternative" />}
                {a.commands.length > 0 && <ConfigBlock commands={a.commands} label={`alternative ${i + 1}: ${configLabel(a.commands, finding.id)}`} />}
              </div>
            ))}
          </details>
        )}
      </div>
      {finding.evidence.length > 0 && <EvidenceBlock finding={finding} selectedSource={selectedSource} onClearSource={onClearSource} />}
    </article>
  );
}
