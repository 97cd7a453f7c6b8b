// `npm run analyze`: the headless analyzer (CONTRACT.md section 1). Same core as the browser.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { diagnose } from '../core/diagnose';
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
  return args;
}

function readInput(file: string): Paste {
  if (file === '-') return { source: 'stdin', text: readFileSync(0, 'utf8') };
  try {
    return { source: basename(file), text: readFileSync(file, 'utf8') };
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

process.exitCode = main(process.argv.slice(2));
