// Live status of one paste: what each section was recognised as, its records and warnings (with line numbers).
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { InputSummary } from '../../core/types';
import { useAppStore } from '../../state/store';
import { count } from '../../core/text/plural';

const SHOWN_WARNINGS = 8;
const NO_INPUTS: InputSummary[] = [];

function Warnings({ items, label }: { items: InputSummary['warnings']; label: string }) {
  if (items.length === 0) return null;
  const head = items.slice(0, SHOWN_WARNINGS);
  const rest = items.slice(SHOWN_WARNINGS);
  const li = (w: InputSummary['warnings'][number], i: number) => (
    <li key={i}>
      <span className="line-no">line {w.line}</span> {w.message}
    </li>
  );
  return (
    <div className="warnings">
      <p className="muted">{label}</p>
      <ul>{head.map(li)}</ul>
      {rest.length > 0 && (
        <details>
          <summary>{rest.length} more</summary>
          <ul>{rest.map(li)}</ul>
        </details>
      )}
    </div>
  );
}

export function PasteStatus({ name, empty }: { name: string; empty: boolean }) {
  const { all, status, runError } = useAppStore(
    useShallow((s) => ({ all: s.diagnosis?.inputs ?? NO_INPUTS, status: s.status, runError: s.runError })),
  );
  const inputs = useMemo(() => all.filter((i) => i.source === name), [all, name]);
  const busy = status === 'running' || status === 'waiting';
  if (status === 'error' && !empty) {
    // The core reads all pastes at once, so a failure is shown beside each one it may concern.
    return (
      <p className="paste-status error-text" role="alert">
        {runError} The lines above were not analysed; the CLI (npm run analyze) reads the same text and may say more.
      </p>
    );
  }
  if (empty) return <p className="paste-status muted">Nothing pasted yet: no router output recognised.</p>;
  if (inputs.length === 0) return <p className="paste-status muted">{busy ? 'Reading…' : 'Not read yet.'}</p>;
  const known = inputs.filter((i) => i.kind !== 'unknown');
  return (
    <div className={`paste-status${busy ? ' stale' : ''}`} data-paste-status={known.length > 0 ? 'recognised' : 'unrecognised'}>
      {known.length === 0 && (
        <p className="error-text">
          <strong>No router output recognised</strong> in this paste. This tool reads Cisco IOS <code>show</code> output such as
          {' '}<code>show ip cache flow</code> or <code>show ip accounting</code>; paste it with its prompt line if you can.
        </p>
      )}
      <ul className="sections">
        {inputs.map((i, k) => (
          <li key={k} data-kind={i.kind}>
            <p>
              {i.kind === 'unknown' ? (
                <strong>Not recognised</strong>
              ) : (
                <>
                  Recognised <strong>{i.kind}</strong>: {count(i.records, 'record')}
                </>
              )}{' '}
              <span className="muted">
                (lines {i.firstLine}–{i.lastLine}
                {i.command ? `, command "${i.command}"` : ''})
              </span>
            </p>
            <Warnings
              items={i.warnings}
              label={i.kind === 'unknown' ? 'Lines not read:' : `${i.warnings.length} ${i.warnings.length === 1 ? 'warning' : 'warnings'}:`}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
