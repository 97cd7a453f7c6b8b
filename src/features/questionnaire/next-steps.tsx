// Likely causes from the answers, and the checklist of `show` commands to paste next, each with a copy button.
import { useAppStore } from '../../state/store';
import { FINDING_NAMES } from '../../core/rules/finding-names';
import { listWords } from '../../core/text/plural';
import { CopyButton } from '../../ui/copy-button';
import { capitalise } from '../../core/text/plural';


export function NextSteps() {
  const steps = useAppStore((s) => s.nextSteps);
  const answered = useAppStore((s) => Object.keys(s.answers).length > 0);
  if (!steps) {
    return answered ? <p className="muted">Working out the next steps…</p> : <p className="muted">Answer a question or two to see the likely causes.</p>;
  }
  return (
    <div className="next-steps">
      <h3>Likely causes</h3>
      {steps.causes.length === 0 ? (
        <p>No cause stands out from these answers yet; the commands below give the full picture.</p>
      ) : (
        <ul data-testid="likely-causes">
          {steps.causes.map((c) => (
            <li key={c.id} data-cause-id={c.id}>
              <strong>{capitalise(FINDING_NAMES[c.id])}</strong>: {c.why}
            </li>
          ))}
        </ul>
      )}
      <h3>Paste these next</h3>
      {steps.commands.length === 0 ? (
        <p>Everything these answers call for is already pasted.</p>
      ) : (
        <>
          <ol className="command-checklist">
            {steps.commands.map((c) => (
              <li key={c.command} data-next-command={c.command}>
                <span className="command-line">
                  <code>{c.command}</code>
                  <CopyButton text={c.command} label={`Copy ${c.command}`} />
                </span>
                {c.confirms.length > 0 && <span className="muted"> (checks {listWords(c.confirms.map((id) => FINDING_NAMES[id]))})</span>}
              </li>
            ))}
          </ol>
          <CopyButton text={`terminal length 0\n${steps.commands.map((c) => c.command).join('\n')}`} label="Copy all the commands" idleText="Copy all" />
        </>
      )}
    </div>
  );
}
