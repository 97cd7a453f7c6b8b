// Progress line for the worker: waiting for typing to settle, analysing N MB, done in N ms, or failed.
import { useShallow } from 'zustand/react/shallow';
import { formatBytes } from '../state/limits';
import { useAppStore } from '../state/store';

export function RunStatus() {
  const { status, runBytes, lastRunMs, runError } = useAppStore(
    useShallow((s) => ({ status: s.status, runBytes: s.runBytes, lastRunMs: s.lastRunMs, runError: s.runError })),
  );
  let body: React.ReactNode = null;
  if (status === 'running' || status === 'waiting') {
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
