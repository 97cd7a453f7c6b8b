// What was read: one line per recognised section; unrecognised pastes say so plainly and list the unread lines.
import { useAppStore } from '../../state/store';
import type { InputSummary } from '../../core/types';
import { count } from '../../core/text/plural';

const EMPTY: InputSummary[] = [];
const SHOWN = 20;

export function InputsSummary() {
  const inputs = useAppStore((s) => s.diagnosis?.inputs ?? EMPTY);
  if (inputs.length === 0) return null;
  const known = inputs.filter((i) => i.kind !== 'unknown');
  const unknown = inputs.filter((i) => i.kind === 'unknown');
  return (
    <div className="inputs-summary">
      {known.length === 0 && (
        <p className="error-text">
          <strong>No router output recognised.</strong> Nothing pasted looks like the Cisco IOS <code>show</code> output this tool reads.
        </p>
      )}
      {known.length > 0 && (
        <ul>
          {known.map((i, k) => (
            <li key={k}>
              {i.source} (lines {i.firstLine}–{i.lastLine}): <strong>{i.kind}</strong>, {count(i.records, 'record')}
              {i.warnings.length > 0 ? `, ${count(i.warnings.length, 'warning')}` : ''}
            </li>
          ))}
        </ul>
      )}
      {unknown.map((i, k) => (
        <details key={k} className="unread" open={known.length === 0}>
          <summary>
            {i.source} lines {i.firstLine}–{i.lastLine}: not recognised ({count(i.warnings.length, 'line')} unread)
          </summary>
          <ul>
            {i.warnings.slice(0, SHOWN).map((w, j) => (
              <li key={j}>
                <span className="line-no">line {w.line}</span> {w.message}
              </li>
            ))}
            {i.warnings.length > SHOWN && <li className="muted">and {i.warnings.length - SHOWN} more (see the paste page)</li>}
          </ul>
        </details>
      ))}
    </div>
  );
}
