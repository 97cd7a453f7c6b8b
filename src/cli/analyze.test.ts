// The CLI on hostile files (issue 8) and the seed flow sample (issue 2, done when), run as a user runs it:
// `node src/cli/run.mjs analyze ...` in a child process, checking exit codes, stdout and stderr.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnose';
import { diagnosisProblems } from '../core/proof/contract-check';
import { normaliseLines } from '../core/text/normalise';
import type { Diagnosis } from '../core/types';

const root = join(__dirname, '../..');
const seedPath = join(root, 'src/core/parsers/show-ip-cache-flow/fixtures/seed.txt');
const seed = readFileSync(seedPath, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'analyze-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function analyze(args: string[], input?: string | Buffer): Run {
  const r = spawnSync(process.execPath, ['src/cli/run.mjs', 'analyze', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** Deterministic bytes (a linear congruential generator), so a failure can be replayed. */
function bytes(n: number, seed = 42): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

/** Exit 0, exactly one JSON document on stdout, within the contract; returns it. */
function okJson(r: Run, sources: Record<string, string | Buffer>): Diagnosis {
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout.endsWith('}\n')).toBe(true);
  const d = JSON.parse(r.stdout) as Diagnosis; // throws on a second document or trailing text
  const counts = new Map(Object.entries(sources).map(([s, t]) => [s, normaliseLines(t.toString()).length]));
  expect(diagnosisProblems(d, counts)).toEqual([]);
  return d;
}

function usageError(r: Run, message: RegExp): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(message);
}

const allWarnings = (d: Diagnosis) => d.inputs.flatMap((i) => i.warnings);

describe('analyze --json on the seed flow sample (issue 2, done when)', () => {
  it('reports 10 rows of show ip cache flow, 193.23.45.35 infected and a scanning-host finding', { timeout: 90_000 }, () => {
    const d = okJson(analyze(['--json', seedPath]), { 'seed.txt': seed });
    expect(d.inputs).toEqual([expect.objectContaining({ source: 'seed.txt', kind: 'show ip cache flow', records: 10 })]);
    expect(d.hosts.find((h) => h.ip === '193.23.45.35')?.verdict).toBe('infected');
    expect(d.findings.map((f) => f.id)).toContain('scanning-host');
  });

  it('carries one change plan (plans[]) and prints it first in the human report; --safety-net adds reload in N / reload cancel', { timeout: 90_000 }, () => {
    const d = okJson(analyze(['--json', seedPath]), { 'seed.txt': seed });
    expect(d.plans).toHaveLength(1);
    const plan = d.plans![0]!;
    expect(plan.router).toBe('seed.txt');
    expect(plan.precheck[0]).toBe('show ip interface Vlan1 | include access list');
    for (const s of plan.steps) for (const c of s.commands) expect(c).not.toMatch(/^(configure terminal|end)$/);
    const text = analyze(['--safety-net', seedPath]);
    expect(text.status).toBe(0);
    expect(text.stdout.indexOf('Change plan for seed.txt (with the reload safety net)')).toBeLessThan(text.stdout.indexOf('Findings:'));
    // One step waits on its pre-checks: 10 minutes and 5 more (safety-net.ts reloadMinutes), its unsaved-changes check above it.
    expect(text.stdout).toContain('    reload in 15');
    expect(text.stdout).toContain('reloads in 15 minutes unless reload cancel is typed before then');
    expect(text.stdout).toMatch(/\n {4}Before pasting it:\n {4}- Run show running-config \| include Last configuration change\|NVRAM config last updated: [^\n]+\n {4}reload in 15\n/);
    expect(text.stdout).toContain('    reload cancel');
  });

  it("prints a finding's own lines with their plan step's checks above them, in the text report and --json (remedy.gate)", { timeout: 90_000 }, () => {
    const d = okJson(analyze(['--json', seedPath]), { 'seed.txt': seed });
    const scan = d.findings.find((f) => f.id === 'scanning-host')!;
    const step = d.plans![0]!.steps.find((s) => s.findings.includes('scanning-host') && s.gate)!;
    expect(scan.remedy.commands).toEqual(step.commands);
    expect(scan.remedy.gate).toEqual(step.gate);
    const text = analyze([seedPath]).stdout;
    const section = text.slice(text.indexOf(`== ${scan.title}`));
    const checks = ['  Before pasting it:', ...step.gate!.map((g) => `  - ${g}`), ...scan.remedy.commands.map((c) => `  ${c}`)].join('\n');
    expect(section).toContain(`\n\n${checks}\n`);
  });

  it('reads standard input with -, as source "stdin"', () => {
    const d = okJson(analyze(['--json', '-'], seed), { stdin: seed });
    expect(d.inputs).toEqual([expect.objectContaining({ source: 'stdin', kind: 'show ip cache flow', records: 10 })]);
  });

  it('reads CRLF line endings as the same paste', () => {
    const lf = okJson(analyze(['--json', file('seed-lf.txt', seed)]), { 'seed-lf.txt': seed });
    const crlfText = seed.replace(/\n/g, '\r\n');
    const crlf = okJson(analyze(['--json', file('seed-crlf.txt', crlfText)]), { 'seed-crlf.txt': crlfText });
    const strip = (d: Diagnosis) => JSON.parse(JSON.stringify(d).replaceAll('seed-crlf.txt', 'seed-lf.txt')) as Diagnosis;
    expect(strip(crlf)).toEqual(lf);
  });

  // The document is streamed in about 1 MB pieces (json-stream.ts), not printed as one string: same bytes.
  it('prints exactly JSON.stringify(diagnosis, null, 2) and a newline, for a many-host capture read as bytes', { timeout: 90_000 }, () => {
    const rows = ['Router#show ip cache flow', 'SrcIf SrcIPaddress DstIf DstIPaddress Pr SrcP DstP Pkts'];
    for (let i = 0; i < 12_000; i++) {
      const src = `10.${(i >> 8) & 255}.${i & 255}.${(i % 250) + 1}`;
      for (let k = 0; k <= i % 4; k++) rows.push(`Fa0/${i % 3} ${src} Vl3 9.9.${k}.${(i % 200) + 1} 06 1000 0050 ${k === 0 && i % 97 === 0 ? 1 : 9}`);
    }
    for (let k = 0; k < 300; k++) rows.push(`Fa0/1 20.1.200.7 Vl3 ${11 + (k % 100)}.${((k * 7) % 250) + 1}.3.${(k % 250) + 1} 06 1000 0050 1`);
    const text = `${rows.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(1 << 20);
    const r = analyze(['--json', file('many.txt', text)]);
    expect(r.status, r.stderr).toBe(0);
    const want = `${JSON.stringify(diagnose([{ source: 'many.txt', text }]), null, 2)}\n`;
    expect(want.length).toBeGreaterThan(3 << 20);
    expect(r.stdout === want).toBe(true);
  });
});

describe('analyze --json on hostile files: valid JSON with warnings, exit 0', () => {
  it('an empty file says no router output was recognised', () => {
    const d = okJson(analyze(['--json', file('empty.txt', '')]), { 'empty.txt': '' });
    expect(d.inputs).toEqual([expect.objectContaining({ kind: 'unknown', records: 0 })]);
    expect(allWarnings(d)[0]?.message).toMatch(/no router output recognised/);
  });

  it('a small binary file (NULs, control bytes, invalid UTF-8)', () => {
    const b = bytes(64 * 1024);
    const d = okJson(analyze(['--json', file('small.bin', b)]), { 'small.bin': b });
    expect(allWarnings(d).length).toBeGreaterThan(0);
    expect(d.hosts).toEqual([]);
  });

  // Found by this test: decodeUtf8 threw on F4 90..BF and the CLI said "cannot read" (exit 2); fixed in 8efafb2.
  it('a binary file past 1 MB (the CLI reads big files as bytes)', { timeout: 90_000 }, () => {
    const b = bytes(1536 * 1024, 7);
    const d = okJson(analyze(['--json', file('big.bin', b)]), { 'big.bin': b });
    expect(allWarnings(d).length).toBeGreaterThan(0);
  });

  // The same bug through standard input crashed with a stack trace (exit 1).
  it('binary standard input past 1 MB', { timeout: 90_000 }, () => {
    const b = bytes(1536 * 1024, 7);
    okJson(analyze(['--json', '-'], b), { stdin: b });
  });

  // Standard input grows one buffer in place (analyze.ts readStdin): past its first 4 MB, through a pipe.
  it('a capture past 4 MB through standard input reads as the same file does', { timeout: 90_000 }, () => {
    const rows = Array.from(
      { length: 90_000 },
      (_, k) => `Fa0/0         10.1.${(k >> 8) & 255}.${k & 255}     Se0/0         61.${k % 200}.${(k >> 3) & 255}.${(k % 250) + 1}     06 ${(1024 + (k % 60000)).toString(16).toUpperCase().padStart(4, '0')} 0050     1 `,
    );
    const text = ['R1#show ip cache flow', 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts', ...rows, 'R1#'].join('\n') + '\n';
    expect(text.length).toBeGreaterThan(6 * 2 ** 20);
    const fromFile = okJson(analyze(['--json', file('big-cache.txt', text)]), { 'big-cache.txt': text });
    const fromStdin = okJson(analyze(['--json', '-'], text), { stdin: text });
    expect(fromStdin.inputs[0]).toMatchObject({ source: 'stdin', kind: 'show ip cache flow', records: 90_000 });
    expect(JSON.stringify(fromStdin).replaceAll('"stdin"', '"big-cache.txt"')).toBe(JSON.stringify(fromFile));
  });

  it('a 3 MB single line, alone and after an echoed command', { timeout: 90_000 }, () => {
    const line = 'Vl1 193.23.45.35 Vl3 2.34.56.12 06 0F9F 0050 2 '.repeat(65_000).slice(0, 3 * 1024 * 1024);
    const alone = okJson(analyze(['--json', file('line.txt', line)]), { 'line.txt': line });
    expect(allWarnings(alone).some((w) => w.line === 1)).toBe(true);
    const echoed = `Router#show ip cache flow\n${line}\n`;
    const after = okJson(analyze(['--json', file('echoed.txt', echoed)]), { 'echoed.txt': echoed });
    expect(after.inputs[0]).toMatchObject({ kind: 'show ip cache flow' });
    expect(allWarnings(after).some((w) => w.line === 2)).toBe(true);
  });

  it('junk lines mixed with valid rows: the rows are read, each junk line is warned about by number', () => {
    const lines = seed.split('\n');
    // After lines 6 and 9 of the sample (both rows), a mail client's junk and a binary smear.
    const junk = ['>> forwarded from the NOC <<', '\u0000\u0001\u0002 \u00ff\u00fe garbage'];
    const mixed = [...lines.slice(0, 6), junk[0], ...lines.slice(6, 9), junk[1], ...lines.slice(9)].join('\n');
    const d = okJson(analyze(['--json', file('mixed.txt', mixed)]), { 'mixed.txt': mixed });
    expect(d.inputs[0]).toMatchObject({ kind: 'show ip cache flow', records: 10 });
    const lineNumbers = allWarnings(d).map((w) => w.line);
    expect(lineNumbers).toEqual(expect.arrayContaining([7, 11]));
    expect(d.hosts.find((h) => h.ip === '193.23.45.35')?.verdict).toBe('infected');
  });

  it('a capture truncated in the middle of a row: earlier rows read, the cut row warned about', () => {
    const cutAt = seed.indexOf('98.64.167.174') + 5; // inside the 7th row's destination, line 9
    const cut = seed.slice(0, cutAt);
    const d = okJson(analyze(['--json', file('cut.txt', cut)]), { 'cut.txt': cut });
    expect(d.inputs[0]).toMatchObject({ kind: 'show ip cache flow', records: 4 });
    expect(allWarnings(d).map((w) => w.line)).toContain(9);
  });

  it('several files: one input per file, in order, each with its own source', () => {
    const d = okJson(analyze(['--json', seedPath, file('empty2.txt', '')]), { 'seed.txt': seed, 'empty2.txt': '' });
    expect(d.inputs.map((i) => [i.source, i.kind])).toEqual([
      ['seed.txt', 'show ip cache flow'],
      ['empty2.txt', 'unknown'],
    ]);
  });

  it('without --json, a binary file still gets a report and exit 0', () => {
    const r = analyze([file('small2.bin', bytes(4096, 3))]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
  });
});

describe('analyze --json on captures Windows tools saved (UTF-16 from PowerShell 5, Windows-1252 from Notepad)', () => {
  const sameAs = (d: Diagnosis, want: Diagnosis, name: string) => expect(JSON.stringify(d).replaceAll(`"${name}"`, '"seed.txt"')).toBe(JSON.stringify(want));
  const want = () => okJson(analyze(['--json', seedPath]), { 'seed.txt': seed });

  it('a small one (the text path) reads as the capture itself', { timeout: 90_000 }, () => {
    const w = want();
    sameAs(okJson(analyze(['--json', file('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]))]), { 'u16.txt': seed }), w, 'u16.txt');
    sameAs(okJson(analyze(['--json', file('ansi.txt', Buffer.from(seed.replace(/ {2}/g, ' \u00a0'), 'latin1'))]), { 'ansi.txt': seed }), w, 'ansi.txt');
  });

  it('a big one (past 1 MB: the byte path, from a file and from standard input) reads as its UTF-8 twin', { timeout: 90_000 }, () => {
    const rows = Array.from(
      { length: 30_000 },
      (_, k) => `Fa0/0         10.1.${(k >> 8) & 255}.${k & 255}     Se0/0         61.${k % 200}.${(k >> 3) & 255}.${(k % 250) + 1}     06 ${(1024 + (k % 60000)).toString(16).toUpperCase().padStart(4, '0')} 0050     1 `,
    );
    const text = ['R1#show ip cache flow', 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts', ...rows, 'R1#'].join('\r\n') + '\r\n';
    const ansi = Buffer.from(text.replace(/ {2}/g, ' \u00a0'), 'latin1');
    expect(ansi.length).toBeGreaterThan(2 ** 20);
    const w = okJson(analyze(['--json', file('big-utf8.txt', text)]), { 'big-utf8.txt': text });
    expect(w.inputs[0]).toMatchObject({ kind: 'show ip cache flow', records: 30_000, warnings: [] });
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const sameAsUtf8 = (d: Diagnosis, name: string) => expect(JSON.stringify(d).replaceAll(`"${name}"`, '"big-utf8.txt"')).toBe(JSON.stringify(w));
    sameAsUtf8(okJson(analyze(['--json', file('big-u16.txt', u16)]), { 'big-u16.txt': text }), 'big-u16.txt');
    sameAsUtf8(okJson(analyze(['--json', file('big-u16be.txt', Buffer.from(text, 'utf16le').swap16())]), { 'big-u16be.txt': text }), 'big-u16be.txt');
    sameAsUtf8(okJson(analyze(['--json', file('big-ansi.txt', ansi)]), { 'big-ansi.txt': text }), 'big-ansi.txt');
    sameAsUtf8(okJson(analyze(['--json', '-'], u16), { stdin: text }), 'stdin');
  });
});

describe('analyze usage errors: exit 2, a message on stderr, nothing on stdout', () => {
  it('a missing file', () => usageError(analyze(['--json', join(dir, 'no-such-file.txt')]), /cannot read .*no-such-file\.txt/));
  it('no file at all', () => usageError(analyze(['--json']), /no input/));
  it('an unknown option', () => usageError(analyze(['--jsno', seedPath]), /unknown option --jsno/));
  it('--answer without KEY=VALUE', () => usageError(analyze(['--json', '--answer', 'cpu', seedPath]), /--answer needs KEY=VALUE/));
  it('--answer with an unknown question', () => usageError(analyze(['--json', '--answer', 'colour=red', seedPath]), /unknown question "colour"/));
  it('--answer with a value the question does not allow', () => {
    usageError(analyze(['--json', '--answer', 'cpu=very-high', seedPath]), /"very-high" is not an answer to "cpu"/);
  });
  it('a directory instead of a file', () => usageError(analyze(['--json', dir]), /cannot read/));
  it('accepts a valid answer', () => {
    okJson(analyze(['--json', '--answer', 'cpu=interrupt', seedPath]), { 'seed.txt': seed });
  });
});

describe('a reader that goes away before the end (| head, a pager quit early)', () => {
  /** The CLI with its standard output's reading end closed at once: every write it makes meets EPIPE. */
  function closedReader(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, ['src/cli/run.mjs', 'analyze', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      child.on('close', (code) => done({ code, stderr }));
    });
  }

  it.each([[[seedPath]], [['--json', seedPath]], [['--markdown', seedPath]], [['--link', seedPath]]])('%j ends quietly, exit 0', async (args) => {
    analyze(['--help']); // the bundle built first, so the run below only runs
    const r = await closedReader(args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);
});
