// No line silently dropped (issue 3): a junk line put anywhere inside a real capture is warned about, by number.
import * as fs from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { WRAP_WIDTHS } from '../text/wrap';
import type { Kind } from '../types';
import { loadCaptures } from './fixture-set';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 100;
const SEED = Number(process.env.FUZZ_SEED) || 20010719;
const timeout = 20_000 + RUNS * 300;

/**
 * Kinds whose output legitimately holds free text a junk line can belong to: a log message's continuation
 * line, and config lines the rules do not need (a config has hundreds; warning on each would bury the rest).
 */
const FREE_TEXT: ReadonlySet<Kind> = new Set<Kind>(['show logging', 'show running-config']);

/**
 * Spots where a line is free text by design, so junk there is read as part of it: the line after a
 * terminal-wrapped line (ending in a comma, "10 weeks, 5 days,", or exactly as long as a terminal width), and
 * the banner lines after "Alignment data for:" (up to "Compiled ...").
 */
function absorbed(before: readonly string[]): boolean {
  const prev = (before[before.length - 1] ?? '').replace(/\r$/, '');
  if (/,\s*$/.test(prev)) return true;
  if (WRAP_WIDTHS.includes(prev.length) || WRAP_WIDTHS.includes(prev.trimEnd().length + 1)) return true;
  // The software banner under "Alignment data for:" runs up to its "Compiled ..." line.
  const banner = before.findLastIndex((l) => /^Alignment data for:/.test(l.trim()));
  return banner >= 0 && !before.slice(banner).some((l) => /^Compiled /.test(l.trim()));
}

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
