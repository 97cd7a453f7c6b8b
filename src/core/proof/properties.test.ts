// Property tests (issues 3 and 8): every parser and diagnose() never throw on hostile text, and keep the contract.
// Fixed seed here; `npm run fuzz` sets FUZZ_RUNS (and optionally FUZZ_SEED) for a longer run.
import * as fs from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import type { Section } from '../parsers/parser-types';
import { PARSERS } from '../parsers/registry';
import { normaliseLines } from '../text/normalise';
import { mutate, mutationArb, routerishText, vocabularyOf } from './arbitraries';
import { diagnosisProblems, parseOutputProblems, type Tolerated } from './contract-check';
import { loadCaptures } from './fixture-set';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 100;
const SEED = Number(process.env.FUZZ_SEED) || 20010719; // Code Red's big day
const params = { seed: SEED, numRuns: RUNS };
const timeout = 20_000 + RUNS * 300;

const captures = loadCaptures(fs, join(__dirname, '../parsers'));
const vocab = vocabularyOf(captures.map((c) => c.text));
const FILTERS = [undefined, 'include 0050', 'i 0050', 'begin Protocol', 'exclude Incomplete', 'section interface'];

/**
 * Known bugs, tolerated so the fuzz goes on finding new ones; each gets an it.fails test at the end of this file.
 * None open: the cache-flow "no flow rows" warning past an echo-only paste was fixed in 8efafb2.
 */
const tolerated: Tolerated = () => false;

/** Every parser on the paste (a random sub-range, a random filter), then diagnose() on the whole. */
function checkAll(text: string, cut: [number, number], filterIndex: number): void {
  const lines = normaliseLines(text);
  const a = Math.min(cut[0], lines.length);
  const b = Math.min(cut[1], lines.length);
  const filter = FILTERS[filterIndex % FILTERS.length];
  const sections: Section[] = [
    { lines, from: 0, to: lines.length },
    { lines, from: Math.min(a, b), to: Math.max(a, b), ...(filter ? { filter } : {}) },
  ];
  for (const p of PARSERS) {
    for (const s of sections) {
      const score = p.sniff(s);
      if (!(score >= 0 && score <= 1)) throw new Error(`${p.kind}: sniff returned ${score}`);
      const problems = parseOutputProblems(p.kind, p.parse(s), s, tolerated);
      if (problems.length) throw new Error(`${p.kind} on lines ${s.from}..${s.to}: ${problems.join('; ')}`);
    }
  }
  const d = diagnose([{ source: 'paste', text }]);
  const problems = diagnosisProblems(d, new Map([['paste', lines.length]]), tolerated);
  if (problems.length) throw new Error(`diagnose: ${problems.join('; ')}`);
}

const cutArb = fc.tuple(fc.nat({ max: 400 }), fc.nat({ max: 400 }));
const filterArb = fc.nat({ max: FILTERS.length - 1 });

describe('parsers and diagnose() on hostile text: no exception, output within the contract', () => {
  it('has captures and a vocabulary to fuzz with', () => {
    expect(captures.length).toBeGreaterThan(0);
    expect(vocab.length).toBeGreaterThan(100);
  });

  it('random unicode text', { timeout }, () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 600 }), cutArb, filterArb, checkAll), params);
  });

  it('random lines of real router tokens, odd spaces, prompts and terminal junk', { timeout }, () => {
    fc.assert(fc.property(routerishText(vocab), cutArb, filterArb, checkAll), { ...params, numRuns: RUNS * 3 });
  });

  it('random bytes read as latin1 and as utf8', { timeout }, () => {
    const bytes = fc.uint8Array({ maxLength: 1500 });
    fc.assert(
      fc.property(bytes, cutArb, filterArb, (b, cut, f) => {
        checkAll(Buffer.from(b).toString('latin1'), cut, f);
        checkAll(Buffer.from(b).toString('utf8'), cut, f);
      }),
      params,
    );
  });

  it('real captures with lines dropped, duplicated, swapped, bytes flipped or inserted, and truncated', { timeout }, () => {
    const arb = fc.tuple(fc.nat({ max: captures.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), cutArb, filterArb);
    fc.assert(
      fc.property(arb, ([i, muts, cut, f]) => {
        checkAll(Buffer.from(mutate(captures[i]!.bytes, muts)).toString('utf8'), cut, f);
      }),
      { ...params, numRuns: RUNS * 3 },
    );
  });

  it('every capture read by every parser, whole and cut anywhere', { timeout }, () => {
    // Deterministic sweep: each parser sees every other command's output, the foreign shapes it must not trip on.
    for (const c of captures) {
      const n = normaliseLines(c.text).length;
      checkAll(c.text, [0, n], 0);
      checkAll(c.text, [Math.floor(n / 3), Math.floor((2 * n) / 3)], 1);
    }
  });
});

describe('contract-check catches what it should (a check that cannot fail proves nothing)', () => {
  const section: Section = { lines: ['a', 'b', 'c'], from: 1, to: 3 };
  it('flags bad records, missing data and warnings outside the section', () => {
    expect(parseOutputProblems('show version', { data: {}, records: 1.5, warnings: [] }, section)).toHaveLength(1);
    expect(parseOutputProblems('show version', { data: undefined, records: 0, warnings: [] }, section)).toHaveLength(1);
    expect(parseOutputProblems('show version', { data: {}, records: 0, warnings: [{ line: 4, message: 'm' }] }, section)).toHaveLength(1);
    expect(parseOutputProblems('show version', { data: {}, records: 0, warnings: [{ line: 0, message: 'm' }] }, section)).toHaveLength(1);
    expect(parseOutputProblems('show version', { data: {}, records: 2, warnings: [{ line: 3, message: 'm' }] }, section)).toEqual([]);
  });
  it('flags an unknown kind and NaN in a diagnosis', () => {
    const d = diagnose([{ source: 'p', text: 'x' }]);
    expect(diagnosisProblems(d, new Map([['p', 1]]))).toEqual([]);
    const bad = { ...d, inputs: [{ ...d.inputs[0]!, kind: 'show nonsense' as 'unknown', records: NaN }] };
    expect(diagnosisProblems(bad, new Map([['p', 1]]))).toHaveLength(3);
  });
});

describe('bugs the fuzz found, kept as regression tests', () => {
  it('show ip cache flow: a paste that is only its echo gets its "no flow rows" warning on a line that exists', () => {
    const d = diagnose([{ source: 'p', text: 'Router#show ip cache flow' }]);
    expect(diagnosisProblems(d, new Map([['p', 1]]))).toEqual([]);
  });
});
