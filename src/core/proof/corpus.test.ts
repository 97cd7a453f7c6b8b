// Corpus agreement (issue 3, done when): every corpus capture of a command we read is a fixture, is recognised
// as its kind, and our record count matches the peer parser's for at least 98% of those it counted.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { PARSERS } from '../parsers/registry';
import { readCorpus, type CorpusRow } from './corpus-manifest';
import { isCapture, loadCaptures, type Fixture } from './fixture-set';
import { kindsOf, withPrompt } from './paste-builders';
import type { Kind } from '../types';

const here = __dirname;
const corpus = readCorpus(fs.readFileSync(join(here, 'MANIFEST.tsv'), 'utf8'), fs.readFileSync(join(here, 'corpus-sha256.tsv'), 'utf8'));
const fixtures = loadCaptures(fs, join(here, '../parsers'));
const bySha = new Map<string, Fixture[]>();
for (const f of fixtures) {
  const h = createHash('sha256').update(f.bytes).digest('hex');
  bySha.set(h, [...(bySha.get(h) ?? []), f]);
}
const supported = corpus.filter((r): r is CorpusRow & { kind: NonNullable<CorpusRow['kind']> } => r.kind !== null);

/**
 * Rows where the peer parser miscounted, checked by reading the capture line by line: our count must equal the
 * verified one instead. Keep this list short and say why; a disagreement is otherwise ours to explain.
 */
const PEER_MISCOUNTS: Record<string, { count: number; why: string }> = {
  'show_arp/genie-4.txt': { count: 4, why: 'four Internet rows; genie drops the first, whose Interface column is empty' },
  'show_logging/genie-8.txt': {
    count: 0,
    why: 'no buffered message at all; genie\'s 4 are the "Inactive Message Discriminator:" heading and its 3 rows',
  },
  // genieparser counts every line under "Log Buffer"; the first one here is the tail of a message the ring buffer
  // overwrote (no timestamp, no %FACILITY-SEV-MNEMONIC). We warn and do not count it, as ntc-templates does (ntc-2, ntc-5).
  'show_logging/genie-4.txt': { count: 0, why: 'line 25 is only the overwritten tail of a message ("User \'developer\' ...")' },
  'show_logging/genie-7.txt': { count: 30, why: 'line 27 is the overwritten tail "OIN_DISJOIN: ..." of an AP_JOIN_DISJOIN message' },
  'show_processes_memory_sorted/genie-2.txt': { count: 497, why: '497 process rows between the PID header (line 4) and the Total line (502)' },
  'show_ip_flow_top-talkers/blognotes-1.txt': {
    count: 3,
    why: 'six rows are three flows: each is printed again with `*` on DstIf (its egress copy), counted once',
  },
};

/**
 * Captures pasted without their command whose every line is another command's output too: `show ip flow
 * top-talkers` sorted by packets, with its footer trimmed, is row for row a `show ip cache flow` table. Read as
 * that twin the flows are the same; the kind cannot be told, so the twin is accepted.
 */
const SHAPE_TWINS: Record<string, Kind> = {
  'show_ip_flow_top-talkers/ntc-1.txt': 'show ip cache flow',
};

function inputsOf(f: Fixture) {
  return diagnose([{ source: f.rel, text: f.text }]).inputs;
}

describe('the corpus manifest copy', () => {
  it('lists 131 captures, each with its sha256', () => {
    expect(corpus).toHaveLength(131);
    expect(corpus.filter((r) => !/^[0-9a-f]{64}$/.test(r.sha256)).map((r) => r.file)).toEqual([]);
  });

  it('maps the commands we read to kinds, and the ones we do not read to none', () => {
    expect(corpus.find((r) => r.command === 'show arp')?.kind).toBe('show ip arp');
    expect(corpus.find((r) => r.command === 'show memory statistics')?.kind).toBe('show memory summary');
    expect(corpus.find((r) => r.command === 'show processes cpu history')?.kind).toBeNull();
    expect(corpus.find((r) => r.command === 'show interfaces')?.kind).toBeNull();
    expect(supported.length).toBeGreaterThan(90);
  });
});

describe('corpus captures of commands we read', () => {
  it('are all copied into a parser fixtures folder, byte for byte', () => {
    const missing = supported.filter((r) => !bySha.has(r.sha256)).map((r) => `${r.file} (${r.kind})`);
    expect(missing, `${missing.length} of ${supported.length} supported corpus captures are not fixtures`).toEqual([]);
  });

  it('are recognised as their kind wherever they were copied', () => {
    const wrong: string[] = [];
    for (const r of supported) {
      for (const f of bySha.get(r.sha256) ?? []) {
        const kinds = kindsOf({ version: 1, inputs: inputsOf(f), hosts: [], findings: [] });
        if (!kinds.includes(r.kind) && !kinds.includes(SHAPE_TWINS[r.file]!)) wrong.push(`${r.file} as ${f.rel}: got [${kinds.join(', ')}], want ${r.kind}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lists only real rows with a plain count as peer miscounts', () => {
    for (const file of Object.keys(PEER_MISCOUNTS)) expect(corpus.find((r) => r.file === file)?.count, file).not.toBeNull();
  });

  it('give the peer parser row count (or its verified correction) for at least 98% of the captures it counted', () => {
    const counted = supported.filter((r) => r.count !== null);
    const mismatches: string[] = [];
    for (const r of counted) {
      const f = bySha.get(r.sha256)?.[0];
      if (!f) {
        mismatches.push(`${r.file}: not a fixture (peer ${r.count})`);
        continue;
      }
      const ours = inputsOf(f).filter((i) => i.kind === r.kind || i.kind === SHAPE_TWINS[r.file]).reduce((n, i) => n + i.records, 0);
      const verified = PEER_MISCOUNTS[r.file];
      const want = verified?.count ?? r.count;
      const who = verified ? `verified ${want} (peer said ${r.count}: ${verified.why})` : `peer ${r.count} [${r.records}]`;
      if (ours !== want) mismatches.push(`${r.file} (${f.rel}, ${r.kind}): ours ${ours}, ${who}`);
    }
    const agree = (counted.length - mismatches.length) / counted.length;
    const overridden = counted.filter((r) => r.file in PEER_MISCOUNTS).length;
    console.info(
      `corpus row counts: ${counted.length - mismatches.length}/${counted.length} agree (${overridden} against a verified count instead of the peer's)${mismatches.map((m) => `\n  ${m}`).join('')}`,
    );
    expect(counted.length).toBeGreaterThan(60);
    // Corrections are for the peer's mistakes, not ours: a long list would mean the agreement proves little.
    expect(overridden).toBeLessThanOrEqual(Math.floor(counted.length * 0.1));
    expect(agree, `row counts agree for ${(agree * 100).toFixed(1)}%; mismatches:\n${mismatches.join('\n')}`).toBeGreaterThanOrEqual(0.98);
  });
});

describe('a multi-command paste built from fixture captures', () => {
  // One capture per kind, each preceded by its prompt line, in registry order.
  const pieces = PARSERS.flatMap((p) => {
    const f = fixtures.find((x) => isCapture(x) && inputsOf(x).some((i) => i.kind === p.kind));
    return f ? [{ kind: p.kind, rel: f.rel, text: withPrompt(f.text, p.kind) }] : [];
  });

  it('splits into the inputs of each capture, in order, with their kinds and records', () => {
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    const paste = pieces.map((p) => p.text).join('');
    const whole = diagnose([{ source: 'session.txt', text: paste }]).inputs;
    const expected = pieces.flatMap((p) => diagnose([{ source: 'session.txt', text: p.text }]).inputs);
    expect(whole.map((i) => [i.kind, i.records])).toEqual(expected.map((i) => [i.kind, i.records]));
    // Each piece's own kind appears, in the order the pieces were pasted.
    const seen = whole.map((i) => i.kind);
    let at = 0;
    for (const p of pieces) {
      const found = seen.indexOf(p.kind, at);
      expect(found, `${p.kind} (${p.rel}) missing after position ${at}`).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
  });
});
