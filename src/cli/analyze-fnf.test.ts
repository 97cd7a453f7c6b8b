// The CLI on a Flexible NetFlow cache past 1 MB (its records from bytes), and past 16 MB (on two threads): the same
// diagnosis as in process on the text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { diagnose } from '../core/diagnose';
import { loadFieldCaptures } from '../core/proof/fixture-set';
import { asCacheFlow, asFnfCsv, asFnfRecord, asFnfTable, type FlowFormat } from '../core/proof/flow-formats';
import { wormTraffic } from '../core/proof/worm-traffic';
import type { Diagnosis } from '../core/types';
import { prescannedLines, prescanOfLines } from '../core/parsers/show-ip-cache-flow/prescanned';
import { readFlowDump } from './read-flow-dump';

const root = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'analyze-fnf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The three formats of a cache, by name. */
const FORMATS = [
  ['records', asFnfRecord],
  ['table', asFnfTable],
  ['csv', asFnfCsv],
] as const;

describe('analyze on a big FNF cache', () => {
  it('reads every record and gives the verdicts diagnose() gives', () => {
    const { flows } = wormTraffic(3, { codeRed: 3, codeRedII: 3, targetsPerScanner: 500 });
    const text = asFnfRecord(flows);
    expect(text.length).toBeGreaterThan(1 << 20);
    const path = join(dir, 'fnf.txt');
    writeFileSync(path, text);
    const r = spawnSync(process.execPath, ['src/cli/run.mjs', 'analyze', '--json', path], { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 28 });
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout) as Diagnosis;
    expect(d.inputs.map((i) => [i.kind, i.records])).toEqual([['show flow monitor cache', flows.length]]);
    const want = diagnose([{ source: 'fnf.txt', text }]);
    const v = (x: Diagnosis) => x.hosts.map((h) => `${h.ip} ${h.verdict} ${h.variant} ${h.flows}`);
    expect(v(d)).toEqual(v(want));
    expect(d.hosts.filter((h) => h.verdict === 'infected')).toHaveLength(6);
  }, 90_000);

  /** The CLI on `text` against diagnose() on it: inputs (warnings too), hosts, findings, charts. */
  function sameAsText(name: string, text: string): Diagnosis {
    const path = join(dir, name);
    writeFileSync(path, text);
    const r = spawnSync(process.execPath, ['src/cli/run.mjs', 'analyze', '--json', path], { cwd: root, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 });
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as Diagnosis;
    const want = JSON.parse(JSON.stringify(diagnose([{ source: name, text }]))) as Diagnosis;
    expect(got.inputs).toEqual(want.inputs);
    expect(got.hosts).toEqual(want.hosts);
    expect(got.findings).toEqual(want.findings);
    expect(got.charts).toEqual(want.charts);
    return got;
  }

  /** The captured Flexible NetFlow caches (the parser's fixtures: forums, Genie, blogs), in name order. */
  function fnfCaptures(): string[] {
    const dir = join(root, 'src/core/parsers/show-flow-monitor-cache/fixtures');
    return readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(join(dir, f), 'utf8'));
  }

  /** Flows enough for `bytes` of `format`: the traffic again and again, each time from other sources. */
  function bigCache(format: FlowFormat, bytes: number): string {
    const { flows } = wormTraffic(7, { codeRed: 2, codeRedII: 2, targetsPerScanner: 300 });
    const once = format(flows).length;
    const all = Array.from({ length: Math.ceil(bytes / once) }, (_, k) => flows.map((f) => ({ ...f, src: (f.src + (k << 16)) >>> 0 }))).flat();
    return format(all);
  }

  it.each(FORMATS)('a 20 MB cache in %s format, read on two threads, reads as the text path does', (name, format) => {
    const text = bigCache(format, 20 << 20);
    expect(text.length).toBeGreaterThan(20 << 20);
    const d = sameAsText(`fnf-${name}.txt`, text);
    expect(d.hosts.filter((h) => h.verdict === 'infected').length).toBeGreaterThan(4);
  }, 180_000);

  it.each(FORMATS)('a 20 MB cache in %s format, read in 4 MB pieces and segments, has every record read from bytes', (name, format) => {
    // (Read here, in this process: the other thread's bundle is not built, so this thread reads every segment, into the
    // shared columns' regions, and joins them.) A record a piece's end cut, or a row that waited for the next piece's
    // first line, used to go the text way: about one a piece.
    const { flows } = wormTraffic(7, { codeRed: 2, codeRedII: 2, targetsPerScanner: 300 });
    const text = bigCache(format, 20 << 20);
    const path = join(dir, `pieces-${name}.txt`);
    writeFileSync(path, text);
    const pre = prescanOfLines(prescannedLines(readFlowDump(path, `pieces-${name}.txt`, true))!)!;
    expect(pre.fnf!.count).toBe(flows.length * Math.ceil((20 << 20) / format(flows).length));
    expect(pre.textLines.length).toBeLessThan(20);
  }, 120_000);

  it('a cache that changes format part way (a table echoed between records), on two threads, reads as the text path does', () => {
    const records = bigCache(asFnfRecord, 8 << 20);
    const table = bigCache(asFnfTable, 8 << 20);
    // Odd lines where a segment may start: a record without its blank line, a pager mark, an elision.
    const text = [records, '--More--', table, 'R1#', records.replace('counter packets:', '<output omitted>\ncounter packets:'), ''].join('\n');
    sameAsText('fnf-mixed.txt', text);
  }, 180_000);

  it('every captured Flexible NetFlow cache (forums, Genie, blogs) between generated ones, on two threads, reads as the text path does', () => {
    // Real caches (other monitors, table and csv formats, IPv6, AVC fields, layer-2 records, sorted and filtered) each
    // start a new section, cut wherever the segments fall: the joins must see every change of reading.
    const captures = fnfCaptures();
    expect(captures.length).toBeGreaterThan(10);
    const { flows } = wormTraffic(11, { codeRed: 2, codeRedII: 1, targetsPerScanner: 300 });
    const generated = asFnfRecord(flows);
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 18e6; i++) {
      const c = captures[i % captures.length]!;
      parts.push(generated, c.endsWith('\n') ? c : `${c}\n`);
      size += generated.length + c.length;
    }
    sameAsText('fnf-field-mix.txt', parts.join('\n'));
  }, 240_000);

  it('the captured caches and the three formats as a terminal log saved with CR LF line ends, on two threads, read as the text path does', () => {
    // A router sends CR LF, and a session log saved on a PC (PuTTY, SecureCRT) keeps it: the runs of records and rows,
    // and the CLI's WebAssembly loops behind them, read CR LF lines as the text path does.
    const captures = fnfCaptures();
    const { flows } = wormTraffic(17, { codeRed: 2, codeRedII: 1, targetsPerScanner: 200 });
    const formats = [asFnfRecord, asFnfTable, asFnfCsv];
    const parts: string[] = [bigCache(asFnfRecord, 4 << 20)];
    let size = parts[0]!.length;
    for (let i = 0; size < 18e6; i++) {
      const c = captures[i % captures.length]!;
      const g = formats[i % 3]!(flows);
      parts.push(g, c.endsWith('\n') ? c : `${c}\n`);
      size += g.length + c.length;
    }
    const got = sameAsText('fnf-crlf-log.txt', parts.join('\n').replace(/\r?\n/g, '\r\n'));
    expect(got.hosts.length).toBeGreaterThan(0);
  }, 240_000);

  it('every field capture of every command between generated Flexible NetFlow caches, on two threads, reads as the text path does', () => {
    // Prompts, banners, --More--, notes and other commands' tables cut across the segments of a cache read as records.
    const captures = loadFieldCaptures(fs, join(root, 'src/core/parsers')).map((f) => f.text);
    expect(captures.length).toBeGreaterThan(80);
    const { flows } = wormTraffic(13, { codeRed: 2, codeRedII: 1, targetsPerScanner: 60 });
    const formats = [asFnfRecord, asFnfTable, asFnfCsv];
    // A long cache first (read as the start, then segments joined), then the mix: the first segment whose text before
    // it ended elsewhere is read again here, with the rest.
    const parts: string[] = [bigCache(asFnfRecord, 6 << 20)];
    let size = parts[0]!.length;
    for (let i = 0; size < 20e6; i++) {
      const c = captures[i % captures.length]!;
      // Records first (the file is read as a Flexible NetFlow cache), then each format in turn.
      const g = formats[i % 7 === 6 ? 1 + (i % 2) : 0]!(flows);
      parts.push(g, c.endsWith('\n') ? c : `${c}\n`);
      size += g.length + c.length;
    }
    sameAsText('fnf-every-capture.txt', parts.join('\n'));
  }, 240_000);

  it('a terminal log that shows the cache every few minutes, other commands between, on two threads, reads as the text path does', () => {
    // One router's session: the cache again and again, `show processes cpu` and a pager mark between. Segments that
    // start in another command's output are read again in order; the ones after join again.
    const cpu = readFileSync(join(root, 'src/core/rules/fixtures/technote-cpu-interrupt.txt'), 'utf8').replace(/Router#/g, 'R1#');
    const cache = bigCache(asFnfRecord, 2 << 20);
    // Once, a classic cache of 6 MB between them, a blank line every 500 rows: a segment or two start inside it.
    const classic = bigCache(asCacheFlow, 6 << 20)
      .split('\n')
      .map((l, i) => (i % 500 === 499 ? `${l}\n` : l))
      .join('\n');
    const parts: string[] = [];
    for (let k = 0; k < 10; k++) parts.push(cpu.trimEnd(), ' --More-- ', cache, ...(k === 3 ? [classic] : []));
    sameAsText('fnf-session-log.txt', parts.join('\n'));
  }, 240_000);
});
