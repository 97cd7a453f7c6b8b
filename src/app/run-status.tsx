// Progress line for the worker: waiting for typing to settle, analysing N MB, done in N ms, or failed.
import { useShallow } from 'zustand/react/shallow';
import { cancelAnalysis } from '../state/diagnosis-runner';
import { formatBytes } from '../state/limits';
import { useAppStore } from '../state/store';

export function RunStatus() {
  const { status, runBytes, lastRunMs, runError, runProgress } = useAppStore(
    useShallow((s) => ({ status: s.status, runBytes: s.runBytes, lastRunMs: s.lastRunMs, runError: s.runError, runProgress: s.runProgress })),
  );
  let body: React.ReactNode = null;
  if (status === 'running' && runProgress !== null) {
    // Reading files: a real share of bytes read, and a way out (the whole page stays usable meanwhile).
    const pct = Math.round(runProgress * 100);
    body = (
      <>
        <progress aria-label="Analysis progress" value={pct} max={100} />
        {/* Before the text, whose width changes with the percentage: the button stays put under the pointer. */}
        <button type="button" className="secondary" onClick={cancelAnalysis}>
          Cancel
        </button>
        <span>{pct < 100 ? `Reading ${formatBytes(runBytes)}: ${pct}%` : `Analysing ${formatBytes(runBytes)}…`}</span>
      </>
    );
  } else if (status === 'running' || status === 'waiting') {
    body = (
      <>
        <progress aria-label="Analysis progress" />
        <span>{status === 'waiting' ? 'Waiting for typing to settle…' : `Analysing ${formatBytes(runBytes)}…`}</span>
      </>
    );
  } else if (status === 'done' && lastRunMs !== null) {
    body = <span>Analysed in {Math.round(lastRunMs)} ms</span>;
  } else if (status === 'error') {
    body = <span className="error-text">{runError}</span>;
  }
  return (
    <div className="run-status" role="status" aria-live="polite" data-run-status={status}>
      {body}
    </div>
  );
}
