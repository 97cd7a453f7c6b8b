// Test helper: 3 MB single-line pastes run through every parser, the splitter and diagnose(), case by case.
// Run in a child process by huge-lines.test.ts, so a runaway regex is killed by a timeout instead of hanging the suite.
import { diagnose } from '../diagnose';
import type { Section } from '../parsers/parser-types';
import { commandIndex, PARSERS } from '../parsers/registry';
import { normaliseLines } from '../text/normalise';
import { splitSections } from '../text/split';
import { diagnosisProblems, parseOutputProblems } from './contract-check';

export const HUGE = 3 * 1024 * 1024;

function fill(unit: string): string {
  return unit.repeat(Math.ceil(HUGE / unit.length)).slice(0, HUGE);
}

/** Line shapes that stress regexes: one token, row-like text, long blank runs, dotted digits, log messages. */
export const SHAPES: Record<string, () => string> = {
  letters: () => fill('A'),
  'flow rows joined': () => fill('Vl1    193.23.45.35    Vl3    2.34.56.12    06 0F9F 0050     2 '),
  'space runs': () => fill(`x${' '.repeat(61)}`),
  'dotted digits': () => fill('10.1.2.3.'),
  'log messages': () => fill('*Mar  1 00:00:12.345: %SYS-2-MALLOCFAIL: Memory allocation of 65536 bytes failed from 0x6040A3D0, '),
  'punctuation soup': () => fill('-:-/(#>[]"%|'),
};

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
