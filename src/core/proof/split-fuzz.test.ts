// Splitter fuzz (issues 3 and 8): sections in order, inside the paste, no line silently dropped; a session made
// of captures splits into the captures' own inputs, in order.
import * as fs from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { commandIndex } from '../parsers/registry';
import { normaliseLines } from '../text/normalise';
import { parseBareCommand, parsePrompt } from '../text/prompt';
import { splitSections, type RawSection } from '../text/split';
import { mutate, mutationArb, routerishText, vocabularyOf } from './arbitraries';
import { isCapture, loadCaptures } from './fixture-set';
import { lineCount, shiftInputs, withPrompt } from './paste-builders';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 100;
const SEED = Number(process.env.FUZZ_SEED) || 20010719;
const params = { seed: SEED, numRuns: RUNS };
const timeout = 20_000 + RUNS * 300;

const captures = loadCaptures(fs, join(__dirname, '../parsers'));
const vocab = vocabularyOf(captures.map((c) => c.text));
const isShow = (base: string) => commandIndex.match(base) !== null;

/** What IOS prints for entering config mode and saving it (written from the router's output, not from split.ts). */
const ACKNOWLEDGEMENTS = /^(Enter configuration commands, one per line\.\s+End with CNTL\/Z\.|Building configuration\.\.\.|\[OK\]|Destination filename \[[\w.-]+\]\?)$/;

/** Problems with a split of `lines`: order, bounds, echoes, and lines that vanished. */
function splitProblems(lines: readonly string[], secs: readonly RawSection[] = splitSections(lines, isShow)): string[] {
  const problems: string[] = [];
  let prevEnd = 0;
  const covered = new Uint8Array(lines.length);
  for (const [k, s] of secs.entries()) {
    const start = s.echoIndex ?? s.from;
    if (!(s.from <= s.to && s.to <= lines.length)) problems.push(`section ${k}: ${s.from}..${s.to} outside 0..${lines.length}`);
    if (start < prevEnd) problems.push(`section ${k} starts at ${start}, before the previous one ends (${prevEnd})`);
    if (s.echoIndex !== undefined && s.echoIndex !== s.from - 1) problems.push(`section ${k}: echo ${s.echoIndex} not just before ${s.from}`);
    if ((s.command === undefined) !== (s.echoIndex === undefined)) problems.push(`section ${k}: command and echo disagree`);
    prevEnd = s.to;
    for (let i = start; i < s.to; i++) covered[i] = 1;
  }
  // A line outside every section must be blank, a prompt/echo itself (which the splitter consumed), or an IOS
  // acknowledgement of a non-show command (`conf t`, `wr`), which carries nothing to read.
  const hosts = new Set(lines.flatMap((l) => parsePrompt(l)?.host ?? []));
  for (let i = 0; i < lines.length && problems.length < 5; i++) {
    const l = lines[i]!;
    if (covered[i] || l.trim() === '') continue;
    if (l.length <= 300 && (parsePrompt(l, hosts) !== null || parseBareCommand(l) !== null)) continue;
    if (ACKNOWLEDGEMENTS.test(l.trim())) continue;
    problems.push(`line ${i + 1} dropped: ${JSON.stringify(l.slice(0, 80))}`);
  }
  return problems;
}

function checkSplit(text: string): void {
  const problems = splitProblems(normaliseLines(text));
  if (problems.length) throw new Error(problems.join('; '));
}

describe('splitSections on hostile text', () => {
  it('random unicode', { timeout }, () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 800 }), checkSplit), params);
  });

  it('router-token soup full of prompts and echoes', { timeout }, () => {
    fc.assert(fc.property(routerishText(vocab), checkSplit), { ...params, numRuns: RUNS * 3 });
  });

  it('random bytes as latin1 and utf8', { timeout }, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => {
        checkSplit(Buffer.from(b).toString('latin1'));
        checkSplit(Buffer.from(b).toString('utf8'));
      }),
      params,
    );
  });

  it('mutated real captures', { timeout }, () => {
    const arb = fc.tuple(fc.nat({ max: captures.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 6 }));
    fc.assert(fc.property(arb, ([i, m]) => checkSplit(Buffer.from(mutate(captures[i]!.bytes, m)).toString('utf8'))), params);
  });

  it('every capture as it is', () => {
    const wrong = captures.flatMap((c) => splitProblems(normaliseLines(c.text)).map((p) => `${c.rel}: ${p}`));
    expect(wrong).toEqual([]);
  });

  it('the check itself notices a dropped line and overlapping sections', () => {
    const lines = ['Router#show ip arp', 'Internet  10.0.0.1  -  0011.2233.4455  ARPA  Gi0/0', 'Router#show version', 'Cisco IOS'];
    expect(splitProblems(lines)).toEqual([]);
    const good = splitSections(lines, isShow);
    expect(good).toEqual([
      { command: 'show ip arp', echoIndex: 0, from: 1, to: 2 },
      { command: 'show version', echoIndex: 2, from: 3, to: 4 },
    ]);
    expect(splitProblems(lines, [{ ...good[0]!, to: 1 }, good[1]!])).toEqual([expect.stringMatching(/^line 2 dropped/)]);
    expect(splitProblems(lines, [{ ...good[0]!, to: 3 }, good[1]!])).toEqual([expect.stringMatching(/before the previous one ends/)]);
  });
});

describe('a session made of captures, each after its prompt', () => {
  const pieces = captures
    .filter(isCapture)
    .map((c) => ({ rel: c.rel, kind: diagnose([{ source: c.rel, text: c.text }]).inputs[0]?.kind ?? 'unknown', text: c.text }))
    .map((p) => ({ ...p, text: withPrompt(p.text, p.kind === 'unknown' ? 'show version' : p.kind) }));

  it('splits into the inputs of its captures, in paste order, with their kinds, records and warnings', { timeout }, () => {
    const arb = fc.array(fc.nat({ max: pieces.length - 1 }), { minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(arb, (picks) => {
        const chosen = picks.map((i) => pieces[i]!);
        const whole = diagnose([{ source: 's', text: chosen.map((p) => p.text).join('') }]).inputs;
        let offset = 0;
        const expected = chosen.flatMap((p) => {
          const own = shiftInputs(diagnose([{ source: 's', text: p.text }]).inputs, -offset);
          offset += lineCount(p.text);
          return own;
        });
        expect(shiftInputs(whole, 0)).toEqual(expected);
      }),
      { ...params, numRuns: Math.max(20, Math.ceil(RUNS / 2)) },
    );
  });
});
