// Re-runs the diagnosis in the worker whenever pastes or answers change, debounced by input size.
import { CoreClient, Superseded } from '../worker/core-client';
import type { FileInput } from '../worker/protocol';
import { fileKey, fileOf } from './files-slice';
import { maskedElsewhere } from './mask-stored-secrets';
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

/** The open big files, as the worker takes them (the File itself, read there). */
function openFiles(): FileInput[] {
  const out: FileInput[] = [];
  for (const f of useAppStore.getState().files) {
    const file = f.state === 'open' ? fileOf(f.id) : undefined;
    if (file) out.push({ name: f.name, file, key: fileKey(f) });
  }
  return out;
}

function workBytes(): number {
  const { pastes, files } = useAppStore.getState();
  return totalBytes(pastes) + files.reduce((n, f) => n + (f.state === 'open' ? f.size : 0), 0);
}

let cancelRunning: (() => void) | null = null;

/** Stop the running analysis (the Cancel button): open files are marked cancelled so it does not start again. */
export function cancelAnalysis(): void {
  cancelRunning?.();
}

/** Starts the runner's worker ahead of its first analysis (prewarmAnalysis). */
let warmUp: (() => void) | null = null;

/** Start the analysis worker now, if it is not running (the paste page calls it once idle). */
export function prewarmAnalysis(): void {
  warmUp?.();
}

export function startDiagnosisRunner(client = new CoreClient()): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  warmUp = () => client.prewarm();

  const run = () => {
    timer = null;
    const { pastes, answers, setRunStatus, setDiagnosis, setNextSteps, setRunError, setRunProgress } = useAppStore.getState();
    const filled = pastes.filter((p) => p.text.length > 0);
    const files = openFiles();
    if (filled.length === 0 && files.length === 0) {
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
    const bytes = workBytes();
    setRunStatus('running', bytes);
    const sent = filled.map((p) => ({ source: p.name, text: p.text }));
    setRunProgress(files.length ? 0 : null);
    const hostFacts = useSharedLink.getState().opened?.facts;
    const result = client.diagnose(sent, answers, {
      // An opened anonymised link's sender verdicts (cleared by url-sync as soon as the pastes are edited).
      ...(hostFacts ? { hostFacts } : {}),
      ...(files.length ? { files, onProgress: (done: number, total: number) => setRunProgress(total > 0 ? done / total : 1) } : {}),
    });
    // The worker masks every paste for the report; storage takes those masked texts instead of masking again.
    filled.forEach((p, i) => maskedElsewhere(p.id, p.text, result.then((r) => (r.masked ? (r.masked[i] ?? p.text) : undefined), () => undefined)));
    result
      .then(({ diagnosis, nextSteps, ms }) => {
        // Quoted lines are already masked by the worker as their pastes mask them (core-worker.ts); setDiagnosis
        // masks every field once more, which costs little and never depends on where a diagnosis came from.
        setDiagnosis(diagnosis, ms);
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
    const noFiles = openFiles().length === 0;
    if (pastes.every((p) => p.text.length === 0) && noFiles && Object.keys(answers).length === 0) {
      // Nothing to analyse: clear at once, without a flash of "waiting" in the header.
      run();
      return;
    }
    useAppStore.getState().setRunStatus('waiting', workBytes());
    // A paste is one deliberate act: no typing to wait for. Its run starts at once, in the paste's own event, before
    // React renders the paste and lays out the page (a timeout of 0 came after both: a 7.9 MB paste reached the worker
    // 40-50 ms later), so the worker analyses while the page renders.
    if (pasted) {
      pasted = false;
      try {
        run();
      } catch (e) {
        useAppStore.getState().setRunError(`The analysis failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      return;
    }
    // Opening files is one too, but may change the store several times in one go (a big file, then a small one that
    // fills the empty panel and renames it): a timeout of 0 makes that one run, not runs started and thrown away.
    timer = setTimeout(run, noFiles ? debounceFor(totalBytes(pastes)) : 0);
  };

  cancelRunning = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    client.cancel();
    const s = useAppStore.getState();
    s.setRunProgress(null);
    s.setRunStatus('idle');
    // Last: the files' change re-schedules the runner, which analyses whatever is left (pastes, answers).
    s.cancelFiles();
  };

  const unsubscribe = useAppStore.subscribe((s, prev) => {
    if (s.pastes !== prev.pastes || s.answers !== prev.answers || s.files !== prev.files) schedule();
    else if (s.hydrated && !prev.hydrated) schedule();
  });
  if (useAppStore.getState().hydrated) schedule();
  return () => {
    cancelRunning = null;
    warmUp = null;
    unsubscribe();
    if (timer) clearTimeout(timer);
    client.cancel();
  };
}
