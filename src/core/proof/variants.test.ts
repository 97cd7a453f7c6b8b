// Paste variants (issue 3, Proof): CRLF, U+00A0, a prompt in front, --More-- with backspaces, tabs and trailing
// blanks must give the same facts as the clean capture (line numbers moved by the lines added in front).
import * as fs from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { normaliseLines } from '../text/normalise';
import { parseBareCommand, parsePrompt } from '../text/prompt';
import { loadCaptures, type Fixture } from './fixture-set';
import { factsOf } from './paste-builders';
import { variantOf, type VariantOptions } from './paste-variants';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 100;
const SEED = Number(process.env.FUZZ_SEED) || 20010719;
const timeout = 20_000 + RUNS * 300;

const captures = loadCaptures(fs, join(__dirname, '../parsers'));

interface Prepared {
  f: Fixture;
  lines: string[];
  /** The capture as clean lines: what every variant must come back to. */
  clean: string;
  promptLine: string;
}

function prepare(f: Fixture): Prepared {
  const lines = normaliseLines(f.text);
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const echoed = parsePrompt(first) !== null || parseBareCommand(first) !== null;
  const kind = diagnose([{ source: f.rel, text: f.text }]).inputs[0]?.kind ?? 'unknown';
  // With no echo, type the command we recognised; otherwise a bare prompt (it only closes an empty section).
  const promptLine = !echoed && kind !== 'unknown' ? `Router#${kind}` : 'Router#';
  return { f, lines, clean: `${lines.join('\n')}\n`, promptLine };
}

const prepared = captures.map(prepare);
const NONE: VariantOptions = { crlf: false, nbsp: false, prompt: false, more: false, tabs: false, trailing: false, stamps: false, seed: 1 };

/** Facts of a variant, ready to compare with the clean capture's (a typed echo adds a command the clean one lacks). */
function compare(p: Prepared, o: VariantOptions): { got: unknown; want: unknown } {
  const shift = o.prompt ? 1 : 0;
  const got = factsOf(variantOf(p.lines, p.promptLine, o), shift);
  const want = factsOf(p.clean);
  if (o.prompt) {
    for (const x of [got, want]) x.inputs = x.inputs.map((i) => ({ ...(i as object), command: undefined, firstLine: undefined }));
  }
  return { got, want };
}

/** Where two values first differ, for a readable failure list. */
function firstDiff(a: unknown, b: unknown, path = ''): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path || '.'}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

describe('a capture and its clean lines', () => {
  it('normalising twice changes nothing, and the clean capture has the facts of the raw one', () => {
    const wrong: string[] = [];
    for (const p of prepared) {
      if (normaliseLines(p.clean).join('\n') !== p.lines.join('\n')) wrong.push(`${p.f.rel}: normalise not idempotent`);
      const d = firstDiff(factsOf(p.clean), factsOf(p.f.text));
      if (d) wrong.push(`${p.f.rel}: ${d}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('the comparison can fail', () => {
  it('sees a prompt added without moving line numbers, and a row dropped', () => {
    const p = prepared.find((x) => diagnose([{ source: 'x', text: x.clean }]).inputs.some((i) => i.records > 1 && i.warnings.length > 0));
    expect(p, 'a capture with rows and warnings').toBeDefined();
    const unshifted = factsOf(variantOf(p!.lines, 'Router#', { ...NONE, prompt: true }));
    expect(firstDiff(unshifted, factsOf(p!.clean))).not.toBeNull();
    const rows = diagnose([{ source: 'x', text: p!.clean }]).inputs.find((i) => i.records > 1)!;
    const dropped = p!.lines.filter((_l, i) => i !== rows.lastLine - 1);
    expect(firstDiff(factsOf(`${dropped.join('\n')}\n`), factsOf(p!.clean))).not.toBeNull();
  });
});

describe('each variant alone gives the same facts, on every capture', () => {
  const single: (keyof Omit<VariantOptions, 'seed'>)[] = ['crlf', 'nbsp', 'prompt', 'more', 'tabs', 'trailing', 'stamps'];
  for (const v of single) {
    it(v, () => {
      const wrong: string[] = [];
      for (const p of prepared) {
        const { got, want } = compare(p, { ...NONE, [v]: true, seed: 7 });
        const d = firstDiff(got, want);
        if (d) wrong.push(`${p.f.rel}: ${d}`);
      }
      expect(wrong, `${wrong.length} of ${prepared.length} captures read differently`).toEqual([]);
    });
  }
});

describe('all variants mixed at random (fast-check)', () => {
  const optionsArb: fc.Arbitrary<VariantOptions> = fc.record({
    crlf: fc.boolean(),
    nbsp: fc.boolean(),
    prompt: fc.boolean(),
    more: fc.boolean(),
    tabs: fc.boolean(),
    trailing: fc.boolean(),
    stamps: fc.boolean(),
    seed: fc.nat(),
  });

  it('gives the facts of the clean capture', { timeout }, () => {
    fc.assert(
      fc.property(fc.nat({ max: prepared.length - 1 }), optionsArb, (i, o) => {
        const { got, want } = compare(prepared[i]!, o);
        expect(got).toEqual(want);
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });
});

describe('copied from a mail reply: every line quoted with "> " (a blank one with ">")', () => {
  const QUOTE = /^(?:>[ \t]?)+/;
  /** The facts, with the one note the quote adds taken out and evidence read without its marks. */
  const unquoted = (f: ReturnType<typeof factsOf>) => ({
    ...f,
    inputs: f.inputs.map((i) => {
      const x = i as { warnings: { message: string }[] };
      return { ...x, warnings: x.warnings.filter((w) => !w.message.startsWith('quoted as in a mail reply')) };
    }),
    findings: f.findings.map((x) => {
      const g = x as { evidence: [number, string][] };
      return { ...g, evidence: g.evidence.map(([line, text]) => [line, text.replace(QUOTE, '').trim()]) };
    }),
  });

  it('gives the facts of the clean capture, on every capture of three lines or more', () => {
    const wrong: string[] = [];
    let tried = 0;
    for (const p of prepared) {
      if (p.lines.length < 3) continue;
      tried++;
      const quoted = `${p.lines.map((l) => (l === '' ? '>' : `> ${l}`)).join('\n')}\n`;
      const got = factsOf(quoted);
      const noted = got.inputs.some((i) => (i as { warnings: { message: string }[] }).warnings.some((w) => w.message.startsWith('quoted as in a mail reply')));
      if (!noted) wrong.push(`${p.f.rel}: no note for the quote`);
      const d = firstDiff(unquoted(got), factsOf(p.clean));
      if (d) wrong.push(`${p.f.rel}: ${d}`);
    }
    expect(tried).toBeGreaterThan(100);
    expect(wrong, `${wrong.length} problems over ${tried} captures`).toEqual([]);
  });
});
