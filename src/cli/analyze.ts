// `npm run analyze`: the headless analyzer (CONTRACT.md section 1). Same core as the browser.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { basename } from 'node:path';
import { validateAnswers } from '../core/answers';
import { diagnose, diagnoseUnconverted, toPublicHost } from '../core/diagnose';
import { CleanHost } from '../core/analysis/clean-hosts';
import { setCollector } from '../core/analysis/collect-hook';
import { BYTES_PATH_MIN, FNF_HEAD_BYTES, looksLikeFnfCache, pasteOfBytes } from '../core/big-paste/read-chunks';
import { prescannedLines } from '../core/parsers/show-ip-cache-flow/prescanned';
import { withSafetyNet } from '../core/plan/safety-net';
import { readFlowDump, standByWorker } from './read-flow-dump';
import { readTextFile, recodedBytes, textOfBytes } from './text-file';
import { readStdin } from './stdin-bytes';
import { useWasmCleanRows } from './clean-rows-wasm/kernel';
import { useWasmRecordRuns } from './fnf-runs-wasm/kernel';
import { useWasmVerboseRuns } from './verbose-runs-wasm/kernel';
import { useWasmMlsRuns } from './mls-runs-wasm/kernel';
import { useWasmNxRuns } from './nx-runs-wasm/kernel';
import type { Answers, Paste } from '../core/types';
import { type ElementWriter, writeAll, writeJsonDocument } from './json-stream';
import { collectGarbage } from './collect-garbage';
import { BIG_REPORT_BYTES, objectBytesEstimate } from './report-size';
import { cleanHostsRun, wasmCleanJson } from './clean-json-wasm/writer';
import { formatReport } from './report-text';
import { markdownReport, openLink, shareLink } from './share-flags';

const USAGE = [
  'usage: npm run --silent analyze -- [--json] [--safety-net] [--answer KEY=VALUE]... FILE|-...',
  '       npm run --silent analyze -- --link [--anonymise] [--base URL] [--answer KEY=VALUE]... FILE|-...',
  '       npm run --silent analyze -- --markdown [--answer KEY=VALUE]... FILE|-...',
  '       npm run --silent analyze -- --open LINK|- [--json]',
].join('\n');

class UsageError extends Error {}

interface Args {
  json: boolean;
  /** Change plans start with `reload in N` (N sized to the plan) and end with `reload cancel` (a change made through the router). */
  safetyNet?: boolean;
  answers: Answers;
  files: string[];
  /** --link: print the share link; --anonymise and --base go with it. */
  link: boolean;
  anonymise: boolean;
  base: string | null;
  markdown: boolean;
  /** --open LINK: the link (or - for standard input). */
  open: string | null;
}

/** The value of `--name VALUE` or `--name=VALUE`. */
function valueOf(argv: readonly string[], i: number, name: string): [string, number] {
  const a = argv[i]!;
  if (a.startsWith(`${name}=`)) return [a.slice(name.length + 1), i];
  const v = argv[i + 1];
  if (v === undefined) throw new UsageError(`${name} needs a value`);
  return [v, i + 1];
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, answers: {}, files: [], link: false, anonymise: false, base: null, markdown: false, open: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--safety-net') args.safetyNet = true;
    else if (a === '--link') args.link = true;
    else if (a === '--anonymise' || a === '--anonymize') args.anonymise = true;
    else if (a === '--markdown') args.markdown = true;
    else if (a === '--base' || a.startsWith('--base=')) [args.base, i] = valueOf(argv, i, '--base');
    else if (a === '--open' || a.startsWith('--open=')) [args.open, i] = valueOf(argv, i, '--open');
    else if (a === '--answer' || a.startsWith('--answer=')) {
      const kv = a === '--answer' ? argv[++i] : a.slice('--answer='.length);
      const eq = kv?.indexOf('=') ?? -1;
      if (!kv || eq <= 0) throw new UsageError(`--answer needs KEY=VALUE, got ${kv ?? 'nothing'}`);
      args.answers[kv.slice(0, eq)] = kv.slice(eq + 1);
    } else if (a === '--help' || a === '-h') throw new UsageError('');
    else if (a === '--') continue;
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else args.files.push(a);
  }
  if ([args.link, args.markdown, args.open !== null].filter(Boolean).length > 1) throw new UsageError('--link, --markdown and --open go one at a time');
  if ((args.link || args.markdown) && args.json) throw new UsageError(`--json does not go with ${args.link ? '--link' : '--markdown'}`);
  if (!args.link && (args.anonymise || args.base !== null)) throw new UsageError('--anonymise and --base go with --link');
  if (args.base !== null && !/^(https?|file):\/\/\S+$/.test(args.base)) throw new UsageError(`--base needs a page address (http://, https:// or file://), got ${args.base}`);
  if (args.open !== null) {
    if (args.files.length > 0 || Object.keys(args.answers).length > 0) throw new UsageError('--open takes a link, not files or answers (the link carries its own)');
    return args;
  }
  if (args.files.length === 0) throw new UsageError('no input: give one or more files, or - for standard input');
  // An answer the questionnaire does not know would be silently ignored by the rules: refuse it instead.
  const { problems } = validateAnswers(args.answers);
  if (problems.length) throw new UsageError(`--answer: ${problems.join('; ')}`);
  return args;
}

/** A file's first 64 KB. */
function headOf(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(FNF_HEAD_BYTES);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** Every kernel the byte path may use, for a paste read from bytes in memory. */
function useAllKernels(): void {
  useWasmCleanRows();
  useWasmRecordRuns();
  useWasmVerboseRuns();
  useWasmMlsRuns();
  useWasmNxRuns();
}

/**
 * A file: small ones (and Flexible NetFlow caches) as text, big ones as bytes (read-flow-dump.ts): flow rows go
 * straight into typed columns and only the other lines become strings (a 1M-row cache dump would otherwise cost a
 * second of decoding and splitting).
 */
function pasteOfFile(file: string): Paste {
  if (statSync(file).size < BYTES_PATH_MIN) return { source: basename(file), text: readTextFile(file) };
  const head = headOf(file);
  // A file Windows wrote in UTF-16 or Windows-1252 (its head tells): read whole, as UTF-8, from memory.
  const recoded = recodedBytes(head, () => readFileSync(file));
  if (recoded) {
    useAllKernels();
    return pasteOfBytes(basename(file), recoded);
  }
  // A Flexible NetFlow cache: its records are read from bytes (core/big-paste/fnf-records.ts), its segments as the
  // cache's continuation, not as cache-flow tables.
  if (looksLikeFnfCache(head.toString('latin1'))) {
    // Runs of records by the loop compiled from WebAssembly (fnf-runs-wasm), on this thread and the reader's.
    useWasmRecordRuns();
    return readFlowDump(file, basename(file), true);
  }
  // Read as bytes: the clean rows by the loop compiled from WebAssembly, which needs no warm-up (clean-rows-wasm), and
  // runs of a verbose cache's records, MLS NetFlow entries and NX-OS rows by others (verbose-runs-wasm, mls-runs-wasm,
  // nx-runs-wasm, each compiled when a run first needs it).
  useWasmCleanRows();
  useWasmVerboseRuns();
  useWasmMlsRuns();
  useWasmNxRuns();
  return readFlowDump(file, basename(file));
}

function readInput(file: string): Paste {
  if (file === '-') {
    const bytes = readStdin();
    // Node's own decoder for text, so odd bytes decode exactly as they always have.
    if (bytes.length < BYTES_PATH_MIN) return { source: 'stdin', text: textOfBytes(bytes) };
    useAllKernels();
    try {
      return pasteOfBytes('stdin', recodedBytes(bytes.subarray(0, FNF_HEAD_BYTES), () => bytes) ?? bytes);
    } catch (e) {
      throw new UsageError(`cannot read standard input: ${(e as Error).message}`);
    }
  }
  try {
    return pasteOfFile(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** A file as the browser holds a paste: its whole text (the link and the export carry text, not typed columns). */
function readText(file: string): Paste {
  try {
    return file === '-' ? { source: 'stdin', text: readTextFile(0) } : { source: basename(file), text: readTextFile(file) };
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** `--open`: exit 2 with a one-line reason for a link that does not open. */
function runOpen(args: Args): number {
  const link = args.open === '-' ? readFileSync(0, 'utf8') : args.open!;
  const r = openLink(link);
  if (!r.ok) {
    process.stderr.write(`analyze: ${r.reason}\n`);
    return 2;
  }
  for (const n of r.notes) process.stderr.write(`analyze: note: ${n}\n`);
  if (args.json) writeJsonDocument(1, r.diagnosis);
  else {
    const what = r.mode === 'input' ? 'its pastes, analysed here' : `the sender's diagnosis (left out: ${r.omitted.join(', ') || 'nothing'})`;
    print(`Share link carrying ${what}.\n\n${formatReport(r.diagnosis)}`);
  }
  return 0;
}

/** Hosts from which --json writes its clean rows with WebAssembly (fewer cost more to set up than they save). */
const WASM_ROWS_MIN = 1000;

/**
 * Text to standard output as --json writes it (writeAll): when the reader goes away early (`| head`, a pager quit
 * before the end) the rest is dropped quietly. process.stdout.write reported that as an unhandled EPIPE error, a stack
 * trace and exit code 1.
 */
function print(text: string): void {
  writeAll(1, Buffer.from(text));
}


export function main(argv: readonly string[]): number {
  // A big capture's finished tables are collected as the analysis lets them go (core/analysis/collect-hook.ts).
  setCollector(collectGarbage);
  let args: Args;
  let pastes: Paste[];
  try {
    args = parseArgs(argv);
    if (args.open !== null) return runOpen(args);
    if (!args.link && !args.markdown) standByWorker(args.files);
    pastes = args.files.map(args.link || args.markdown ? readText : readInput);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) process.stderr.write(`analyze: ${e.message}\n`);
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (args.link) {
    print(`${shareLink(pastes, args.answers, { anonymise: args.anonymise, base: args.base ?? '' })}\n`);
    return 0;
  }
  if (args.markdown) {
    print(markdownReport(pastes, args.answers));
    return 0;
  }
  if (args.json) {
    // The JSON document is written as it is made (about 1 MB at a time): 200,000 hosts make an 80 MB document. Each
    // host takes its public form (toPublicHost) only as it is written, so the hosts are never held twice.
    const d = diagnoseUnconverted(pastes, args.answers);
    if (args.safetyNet && d.plans) d.plans = d.plans.map((p) => withSafetyNet(p));
    // Clean hosts kept as columns write their own text (the same bytes), without an object each.
    // Runs of them by the WebAssembly writer where it can be compiled (clean-json-wasm), the same bytes faster.
    const wasmRows = d.hosts.length >= WASM_ROWS_MIN ? wasmCleanJson() : undefined;
    // (Rows with a reason of their own, sources seen on several interfaces, are written from text pieces of their own.)
    const fromColumns = (h: unknown) => wasmRows !== undefined && h instanceof CleanHost && h.columns.ownReasonHost(h.row) < 0;
    // The pastes' tables are done with (the diagnosis holds none of them): let them go before a report whose writing
    // makes many objects. For a big capture that is 50-100 MB of memory, and writing 5,000 infected hosts with their
    // quoted lines would otherwise add 20 MB to the process's peak; the collection costs 15-25 ms, so a report that
    // makes few objects (short, or clean hosts written from their columns) goes without it.
    const big = pastes.some((p) => prescannedLines(p) !== undefined) && objectBytesEstimate(d, fromColumns) >= BIG_REPORT_BYTES;
    pastes.length = 0;
    if (big) collectGarbage();
    const cleanRows: ElementWriter = {
      handles: (h) => h instanceof CleanHost,
      parts: (h, level, parts) => (h as CleanHost).jsonParts(level, parts),
      ...(wasmRows ? { run: cleanHostsRun(wasmRows) } : {}),
    };
    // The findings and plans hold no hosts: JSON.stringify prints them (stringifyPlain).
    writeJsonDocument(1, d, { mapElements: new Map([[d.hosts, toPublicHost]]), writeElements: new Map([[d.hosts, cleanRows]]), stringifyPlain: true });
    return 0;
  }
  const d = diagnose(pastes, args.answers);
  if (args.safetyNet && d.plans) d.plans = d.plans.map((p) => withSafetyNet(p));
  print(formatReport(d));
  return 0;
}

// Only the main thread is the CLI (the file-reading worker has its own bundle: flow-scan-worker.ts).
if (isMainThread) process.exitCode = main(process.argv.slice(2));
