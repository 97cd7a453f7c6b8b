// No line silently dropped (issue 3): a junk line put anywhere inside a real capture is warned about, by number.
import * as fs from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { loadCaptures } from './fixture-set';
import { absorbed, FREE_TEXT } from './free-text-spots';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 100;
const SEED = Number(process.env.FUZZ_SEED) || 20010719;
const timeout = 20_000 + RUNS * 300;

const captures = loadCaptures(fs, join(__dirname, '../parsers')).filter((c) => {
  const kinds = diagnose([{ source: c.rel, text: c.text }]).inputs.map((i) => i.kind);
  return kinds.length > 0 && !kinds.some((k) => FREE_TEXT.has(k));
});

const junkLine = fc
  .tuple(fc.constantFrom('@@', '~~', '<<>>', '#!'), fc.stringMatching(/^[a-z0-9]{3,12}$/), fc.constantFrom('', ' 42', ' 10.0.0.1', ' @@'))
  .map(([a, w, tail]) => `${a} ${w}${tail}`);

describe('a junk line inside a capture', () => {
  it('has captures to try', () => {
    expect(captures.length).toBeGreaterThan(30);
  });

  it('knows the free-text spots it skips', () => {
    expect(absorbed(['Uptime is 28 weeks, 1 day, 8 hours,'])).toBe(true);
    expect(absorbed(['Alignment data for:', 'RSP Software (RSP-ISV-M), Version 11.3(3a)'])).toBe(true);
    expect(absorbed(['Alignment data for:', 'GS Software (RSP-PV-M), Version 11.1(26.1)CC', 'IM SOFTWARE'])).toBe(true);
    expect(absorbed(['Alignment data for:', 'GS Software', 'Compiled Thu 27-May-99 20:48 by jjgreen', ''])).toBe(false);
    expect(absorbed(['System returned to ROM by Reload Command at 22:09:11 NZST Wed May 1 2019'])).toBe(true); // 72 wide
    expect(absorbed(['Internet  10.0.0.1  -  0011.2233.4455  ARPA  Gi0/0'])).toBe(false);
  });

  it('is warned about with its own line number', { timeout }, () => {
    fc.assert(
      fc.property(fc.nat({ max: captures.length - 1 }), fc.nat(), junkLine, (i, at, junk) => {
        const lines = captures[i]!.text.split('\n');
        // After the first line (it may be the echo) and before the end, so the junk sits inside the output.
        const pos = 1 + (at % Math.max(1, lines.length - 1));
        if (absorbed(lines.slice(0, pos))) return;
        lines.splice(pos, 0, junk);
        const d = diagnose([{ source: 'p', text: lines.join('\n') }]);
        const warned = d.inputs.some((inp) => inp.warnings.some((w) => w.line === pos + 1));
        expect(warned, `${captures[i]!.rel}: "${junk}" at line ${pos + 1} not warned about (${d.inputs.map((x) => x.kind).join(', ')})`).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });
});

describe('past the warnings kept per input', () => {
  it('one warning says how many more, from the first line to the last they are on', () => {
    // The verbose cache's parser warns line by line, then once at its section's first line (no record at all).
    const text = ['Router#show ip cache verbose flow', ...Array.from({ length: 1000 }, (_, i) => `garbage ${i}`)].join('\n');
    const w = diagnose([{ source: 'p', text }]).inputs[0]!.warnings;
    expect(w).toHaveLength(500);
    expect(w.at(-1)).toEqual({ line: 2, message: '502 more warnings, lines 2-1001 (not listed one by one)' });
  });
});
