// Re-runs the diagnosis in the worker whenever pastes or answers change, debounced by input size.
import { redactDiagnosis } from '../share/redact-secrets';
import { CoreClient, Superseded } from '../worker/core-client';
import { totalBytes } from './pastes-slice';
import { useAppStore } from './store';
import { sharedDiagnosisShown, useSharedLink } from './url-sync';

/** Small pastes feel live; big ones wait for typing to settle (each run re-reads everything). */
export function debounceFor(bytes: number): number {
  return Math.min(1000, 150 + Math.round(bytes / 10_000));
}

/** Set by a paste (one big change, not typing): the next run starts without waiting for typing to settle. */
let pasted = false;
export function markPasted(): void {
  pasted = true;
}

export function startDiagnosisRunner(client = new CoreClient()): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;

  const run = () => {
    timer = null;
    const { pastes, answers, setRunStatus, setDiagnosis, setNextSteps, setRunError } = useAppStore.getState();
    const filled = pastes.filter((p) => p.text.length > 0);
    if (filled.length === 0) {
      // A diagnosis opened from a share link has no pastes behind it: keep it (issue 7).
      if (!sharedDiagnosisShown()) setDiagnosis(null, null);
      if (Object.keys(answers).length === 0) {
        client.cancel();
        setNextSteps(null);
        return;
      }
      // Answers alone still give likely causes and the commands to paste next.
      client
        .diagnose([], answers)
        .then(({ nextSteps }) => {
          setNextSteps(nextSteps);
          setRunStatus(useAppStore.getState().diagnosis ? 'done' : 'idle');
        })
        .catch((e: Error) => {
          if (!(e instanceof Superseded)) setRunError(`The analysis failed: ${e.message}`);
        });
      return;
    }
    const bytes = totalBytes(filled);
    setRunStatus('running', bytes);
    const sent = filled.map((p) => ({ source: p.name, text: p.text }));
    client
      // An opened anonymised link's sender verdicts (cleared by url-sync as soon as the pastes are edited).
      .diagnose(sent, answers, useSharedLink.getState().opened?.facts)
      .then(({ diagnosis, nextSteps, ms }) => {
        // Quoted lines masked as their pastes mask them (a certificate line has no keyword of its own).
        setDiagnosis(redactDiagnosis(diagnosis, sent), ms);
        setNextSteps(nextSteps);
      })
      .catch((e: Error) => {
        if (!(e instanceof Superseded)) setRunError(`The analysis failed: ${e.message}`);
      });
  };

  const schedule = () => {
    const { pastes, answers } = useAppStore.getState();
    if (timer) clearTimeout(timer);
    // Anything already running answers a question nobody asks any more.
    client.cancel();
    if (pastes.every((p) => p.text.length === 0) && Object.keys(answers).length === 0) {
      // Nothing to analyse: clear at once, without a flash of "waiting" in the header.
      run();
      return;
    }
    useAppStore.getState().setRunStatus('waiting', totalBytes(pastes));
    timer = setTimeout(run, pasted ? 0 : debounceFor(totalBytes(pastes)));
    pasted = false;
  };

  const unsubscribe = useAppStore.subscribe((s, prev) => {
    if (s.pastes !== prev.pastes || s.answers !== prev.answers) schedule();
    else if (s.hydrated && !prev.hydrated) schedule();
  });
  if (useAppStore.getState().hydrated) schedule();
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    client.cancel();
  };
}
