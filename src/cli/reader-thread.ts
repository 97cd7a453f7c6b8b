// Starting the file-reading thread (flow-scan-worker.ts): from the analyzer (read-flow-dump.ts), or earlier, from the
// entry that loads the analyzer (analyze-start.ts). Node imports only: the entry bundles this file and nothing more.
import { statSync } from 'node:fs';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import type { StandByData } from './flow-scan';

/** Below this a second thread costs more (its start-up) than it saves. */
export const SPLIT_MIN = 16 << 20;

/** The reading thread's bundle: beside whichever bundle this file is in (run.mjs puts them in one folder). */
const READER_URL = new URL('./flow-scan-worker.cjs', import.meta.url);

/** A reading thread that has readied its scanner (or is readying it) and waits on `port` for its job. */
export interface Reader {
  worker: Worker;
  port: MessagePort;
}

/** Is `file` big enough to be read on two threads? */
export function isSplit(file: string): boolean {
  try {
    return file !== '-' && statSync(file).size >= SPLIT_MIN;
  } catch {
    return false;
  }
}

/** A reading thread (the bundle at `url`), standing by for its job; undefined when this Node cannot start one. */
export function spawnReader(url: URL = READER_URL): Reader | undefined {
  const { port1, port2 } = new MessageChannel();
  try {
    const data: StandByData = { kind: 'code-red-triage/flow-scan-standby', port: port2 };
    const worker = new Worker(url, { workerData: data, transferList: [port2] });
    // It holds nothing open and does not keep the process alive if no file needs it.
    worker.unref();
    // A worker that fails to start claims nothing: the main thread then claims every segment itself.
    worker.on('error', () => {});
    return { worker, port: port1 };
  } catch {
    port1.close();
    return undefined;
  }
}

/** Where the entry leaves the thread it started for the analyzer (a bundle of its own: module state is not shared). */
const EARLY = Symbol.for('code-red-triage/early-reader');
type WithEarly = { [EARLY]?: Reader };

/** Options whose runs read no file as a flow dump (analyze.ts: links, Markdown, opening a link). */
const NO_DUMP = new Set(['--link', '--markdown', '--open', '--help', '-h']);

/**
 * Start the reading thread now when the command line names a file big enough to be read on two threads, for the
 * analyzer to take (takeEarlyReader). Run by the entry before the analyzer's bundle is loaded: Node compiles a bundle
 * whole before it runs a line of it, and the thread boots meanwhile on the other core. A guess from the arguments
 * alone: a thread the analyzer does not take only idles until the process ends.
 */
export function startEarlyReader(args: readonly string[], url: URL = READER_URL): void {
  if (args.some((a) => NO_DUMP.has(a))) return;
  if (!args.some((a) => !a.startsWith('--') && isSplit(a))) return;
  const reader = spawnReader(url);
  if (reader) (globalThis as WithEarly)[EARLY] = reader;
}

/** The thread the entry started (startEarlyReader), once; undefined when it started none. */
export function takeEarlyReader(): Reader | undefined {
  const g = globalThis as WithEarly;
  const reader = g[EARLY];
  delete g[EARLY];
  return reader;
}
