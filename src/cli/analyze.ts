// `npm run analyze`: the headless analyzer (CONTRACT.md section 1). Same core as the browser.
import { readFileSync, statSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { basename } from 'node:path';
import { validateAnswers } from '../core/answers';
import { diagnose } from '../core/diagnose';
import { BYTES_PATH_MIN, pasteOfBytes } from '../core/big-paste/read-chunks';
import { readFlowDump } from './read-flow-dump';
import type { Answers, Paste } from '../core/types';
import { formatReport } from './report-text';

const USAGE = 'usage: npm run --silent analyze -- [--json] [--answer KEY=VALUE]... FILE|-...';

class UsageError extends Error {}

interface Args {
  json: boolean;
  answers: Answers;
  files: string[];
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, answers: {}, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
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
  if (args.files.length === 0) throw new UsageError('no input: give one or more files, or - for standard input');
  // An answer the questionnaire does not know would be silently ignored by the rules: refuse it instead.
  const { problems } = validateAnswers(args.answers);
  if (problems.length) throw new UsageError(`--answer: ${problems.join('; ')}`);
  return args;
}

/**
 * A file: small ones as text, big ones as bytes (read-flow-dump.ts): flow rows go straight into typed columns and
 * only the other lines become strings (a 1M-row cache dump would otherwise cost a second of decoding and splitting).
 */
function pasteOfFile(file: string): Paste {
  if (statSync(file).size < BYTES_PATH_MIN) return { source: basename(file), text: readFileSync(file, 'utf8') };
  return readFlowDump(file, basename(file));
}

function readInput(file: string): Paste {
  if (file === '-') {
    const bytes = readFileSync(0);
    // Node's own decoder for text, so odd bytes decode exactly as they always have.
    return bytes.length < BYTES_PATH_MIN ? { source: 'stdin', text: bytes.toString('utf8') } : pasteOfBytes('stdin', bytes);
  }
  try {
    return pasteOfFile(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export function main(argv: readonly string[]): number {
  let args: Args;
  let pastes: Paste[];
  try {
    args = parseArgs(argv);
    pastes = args.files.map(readInput);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) process.stderr.write(`analyze: ${e.message}\n`);
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  const d = diagnose(pastes, args.answers);
  process.stdout.write(args.json ? `${JSON.stringify(d, null, 2)}\n` : formatReport(d));
  return 0;
}

// The same bundle runs the file-reading worker (read-flow-dump.ts); only the main thread is the CLI.
if (isMainThread) process.exitCode = main(process.argv.slice(2));
