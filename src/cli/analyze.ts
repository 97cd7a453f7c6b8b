// `npm run analyze`: the headless analyzer (CONTRACT.md section 1). Same core as the browser.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { validateAnswers } from '../core/answers';
import { diagnose } from '../core/diagnose';
import { FlowDumpScanner, prescanBytes } from '../core/parsers/show-ip-cache-flow/prescan';
import { decodeUtf8, registerPrescan } from '../core/parsers/show-ip-cache-flow/prescanned';
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
 * Files past this size are read as bytes, in chunks: flow rows go straight into typed columns and only the other
 * lines become strings (a 1M-row cache dump would otherwise cost a second of decoding and splitting, and the
 * whole file in memory twice).
 */
const BYTES_PATH_MIN = 1 << 20;
const CHUNK = 1 << 22;

function pasteOfBytes(source: string, bytes: Buffer): Paste {
  if (bytes.length < BYTES_PATH_MIN) return { source, text: bytes.toString('utf8') };
  const paste: Paste = { source, text: '' };
  registerPrescan(paste, prescanBytes(bytes));
  return paste;
}

/** A big file, read chunk by chunk; evidence lines are read back from the file by offset afterwards. */
function pasteOfFile(file: string): Paste {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < BYTES_PATH_MIN) return pasteOfBytes(basename(file), readFileSync(fd));
    const scanner = new FlowDumpScanner(size);
    let buf = Buffer.allocUnsafe(CHUNK);
    let have = 0; // bytes of a partial line carried over at the start of buf
    let position = 0; // where buf[0] sits in the file
    for (;;) {
      const n = readSync(fd, buf, have, buf.length - have, position + have);
      const len = have + n;
      const final = n === 0;
      const used = scanner.feed(buf, len, position, final);
      if (final) break;
      if (used === 0) {
        // One line longer than the buffer: grow it.
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, len);
        buf = bigger;
        have = len;
        continue;
      }
      buf.copy(buf, 0, used, len);
      have = len - used;
      position += used;
    }
    const path = file;
    const paste: Paste = { source: basename(file), text: '' };
    registerPrescan(
      paste,
      scanner.finish((offset) => {
        const b = Buffer.alloc(4096);
        const f = openSync(path, 'r');
        try {
          const n = readSync(f, b, 0, b.length, offset);
          let e = 0;
          while (e < n && b[e] !== 10 && b[e] !== 13) e++;
          return decodeUtf8(b, 0, e);
        } finally {
          closeSync(f);
        }
      }),
    );
    return paste;
  } finally {
    closeSync(fd);
  }
}

function readInput(file: string): Paste {
  if (file === '-') return pasteOfBytes('stdin', readFileSync(0));
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

process.exitCode = main(process.argv.slice(2));
