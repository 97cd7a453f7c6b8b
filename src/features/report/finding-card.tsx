// One finding: severity, title, evidence lines (filtered by the chosen source), remedy config with copy buttons.
import { stepScript } from '../../core/plan/plan-text';
import type { Finding, PlanStep } from '../../core/types';
import { CopyButton } from '../../ui/copy-button';
import { filterEvidence } from './evidence-filter';

function ConfigBlock({ commands, label }: { commands: string[]; label: string }) {
  const text = commands.join('\n');
  return (
    <div className="config-block">
      {/* Focusable: a long line (a placeholder naming its show command) scrolls, and keyboards must reach it. */}
      <pre tabIndex={0}>
        <code>{text}</code>
      </pre>
      <CopyButton text={text} label={`Copy ${label}`} />
    </div>
  );
}

export function FindingCard({
  finding,
  selectedSource,
  onClearSource,
  planSteps,
}: {
  finding: Finding;
  selectedSource: string | null;
  onClearSource: () => void;
  /** This finding's steps of the change plan: shown one block per mode, so exec lines never share a config block. */
  planSteps?: PlanStep[];
}) {
  const shown = filterEvidence(finding.evidence, selectedSource);
  const { remedy } = finding;
  const headingId = `finding-${finding.id}`;
  return (
    <article className={`finding severity-${finding.severity}`} data-finding-id={finding.id} data-severity={finding.severity} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className={`badge badge-${finding.severity}`}>{finding.severity}</span> {finding.title}
      </h3>
      {finding.evidence.length > 0 && (
        <div className="evidence-block">
          <h4>
            Evidence
            {selectedSource && (
              <>
                {' '}
                <span className="muted">
                  (lines mentioning {selectedSource}: {shown.length} of {finding.evidence.length})
                </span>{' '}
                <button type="button" className="link-button" onClick={onClearSource}>
                  Show all
                </button>
              </>
            )}
          </h4>
          <ul className="evidence">
            {shown.map((e, i) => (
              <li key={i} data-evidence-source={e.source} data-evidence-line={e.line}>
                <span className="evidence-where">
                  {e.source}:{e.line}
                </span>{' '}
                <code>{e.text}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="remedy-block">
        <h4>Remedy</h4>
        <p>{remedy.summary}</p>
        {planSteps && planSteps.length > 0 ? (
          planSteps.map((st, i) => (
            <div key={i} data-plan-mode={st.mode}>
              <p className="muted">{st.mode === 'config' ? 'In configuration mode:' : 'At the # prompt:'}</p>
              <ConfigBlock commands={stepScript(st)} label={`the remedy for ${finding.id}, part ${i + 1}`} />
            </div>
          ))
        ) : (
          remedy.commands.length > 0 && <ConfigBlock commands={remedy.commands} label={`the remedy for ${finding.id}`} />
        )}
        {remedy.caveats.length > 0 && (
          <>
            <h5>Caveats</h5>
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
                {a.commands.length > 0 && <ConfigBlock commands={a.commands} label={`alternative ${i + 1} for ${finding.id}`} />}
              </div>
            ))}
          </details>
        )}
      </div>
    </article>
  );
}
