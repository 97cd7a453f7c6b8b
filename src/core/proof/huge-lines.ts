// Test helper: 3 MB and 1 MB single-line pastes run through every parser, the splitter, the normaliser, the command
// index and diagnose(), case by case, each beside a plain linear scan of the same text.
// Run in a child process by huge-lines.test.ts, so a runaway regex is killed by a timeout instead of hanging the suite.
import { diagnose } from '../diagnose';
import type { Section } from '../parsers/parser-types';
import { commandIndex, PARSERS } from '../parsers/registry';
import { normaliseLines } from '../text/normalise';
import { splitSections } from '../text/split';
import { diagnosisProblems, parseOutputProblems } from './contract-check';

export const HUGE = 3 * 1024 * 1024;

/** One megabyte: the size of the lines issue 12 reported (900k spaces never finished in show ip cef summary). */
export const MEGABYTE = 1024 * 1024;

function fill(unit: string, size = HUGE): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Line shapes that stress regexes: one token, row-like text, long blank runs, dotted digits, log messages. */
export const SHAPES: Record<string, () => string> = {
  letters: () => fill('A'),
  'flow rows joined': () => fill('Vl1    193.23.45.35    Vl3    2.34.56.12    06 0F9F 0050     2 '),
  'space runs': () => fill(`x${' '.repeat(61)}`),
  'dotted digits': () => fill('10.1.2.3.'),
  'log messages': () => fill('*Mar  1 00:00:12.345: %SYS-2-MALLOCFAIL: Memory allocation of 65536 bytes failed from 0x6040A3D0, '),
  'punctuation soup': () => fill('-:-/(#>[]"%|'),
  // 1 MB of one character class, the shapes that make `\s*x?\s*` or `(.+?)\s*$` backtrack (issue 12); the last
  // character differs so an anchored pattern cannot succeed at once and must fail the long way.
  '1 MB spaces': () => `${fill(' ', MEGABYTE)}x`,
  '1 MB tabs': () => `${fill('\t', MEGABYTE)}x`,
  '1 MB digits': () => `${fill('7', MEGABYTE)}x`,
  '1 MB dots': () => `${fill('.', MEGABYTE)}x`,
  '1 MB dashes': () => `${fill('-', MEGABYTE)}x`,
  '1 MB "1.1.1.1 "': () => `${fill('1.1.1.1 ', MEGABYTE)}x`,
  '1 MB spaces and tabs': () => `${fill(' \t', MEGABYTE)}x`,
  '1 MB "%CEF" then spaces': () => `%CEF${fill(' ', MEGABYTE)}x`,
  '1 MB "1 " digits and spaces': () => `${fill('1 ', MEGABYTE)}x`,
};

/** A linear scan of the text (counts blanks): the yardstick the cases' CPU time is compared with. */
export function linearScan(text: string): number {
  let blanks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) blanks++;
  }
  return blanks;
}

export interface CaseResult {
  name: string;
  ms: number;
  error?: string;
  problems?: string[];
}

/**
 * Runs every case; `start` is told each name before it runs (the parent reports the last one if the child is
 * killed), `done` gets each result. `clock` is the caller's timer (core has no performance.now()).
 */
export function runHugeLineCases(shapes: readonly string[], clock: () => number, start: (name: string) => void, done: (r: CaseResult) => void): void {
  for (const shape of shapes) {
    const text = SHAPES[shape]!();
    const lines = normaliseLines(text);
    const run = (name: string, body: () => string[]) => {
      start(name);
      const t0 = clock();
      try {
        const problems = body();
        done({ name, ms: clock() - t0, ...(problems.length ? { problems } : {}) });
      } catch (e) {
        done({ name, ms: clock() - t0, error: String((e as Error)?.stack ?? e).slice(0, 600) });
      }
    };
    // The scan reads the line as the parsers see it (tabs expanded to 8 columns), so tabs are not charged 8 times.
    const seen = lines.join('\n');
    run(`${shape}: linear scan`, () => (linearScan(seen) >= 0 ? [] : ['impossible']));
    run(`${shape}: normalise`, () => (normaliseLines(text).length === 1 ? [] : ['not one line']));
    run(`${shape}: command index`, () => {
      commandIndex.match(text);
      commandIndex.match(`show ${text}`);
      return [];
    });
    run(`${shape}: split`, () => {
      const s = splitSections(lines, (b) => commandIndex.match(b) !== null);
      return s.length === 1 && s[0]!.to === 1 ? [] : [`split into ${JSON.stringify(s)}`];
    });
    for (const p of PARSERS) {
      run(`${shape}: ${p.kind}`, () => {
        const section: Section = { lines, from: 0, to: lines.length };
        const score = p.sniff(section);
        const bad = score >= 0 && score <= 1 ? [] : [`sniff ${score}`];
        return [...bad, ...parseOutputProblems(p.kind, p.parse(section), section)];
      });
    }
    run(`${shape}: diagnose, no echo`, () => diagnosisProblems(diagnose([{ source: 'p', text }]), new Map([['p', 1]])));
    for (const p of PARSERS) {
      run(`${shape}: diagnose after Router#${p.kind}`, () => {
        const d = diagnose([{ source: 'p', text: `Router#${p.kind}\n${text}\n` }]);
        const problems = diagnosisProblems(d, new Map([['p', 2]]));
        // The huge line is output, never silently dropped: it is read or warned about.
        const seen = d.inputs.some((i) => i.records > 0 || i.warnings.some((w) => w.line === 2));
        return seen ? problems : [...problems, 'line 2 neither read nor warned about'];
      });
    }
  }
}
