// Test helper: clean captures of the fixtures, read once, with the lines their parser read as rows (issue 13).
// Pure TypeScript: the test hands in the few fs functions the fixture loader needs.
import { diagnoseDetailed } from '../diagnose';
import type { ProcessCpu } from '../parsers/show-processes-cpu/parser';
import { normaliseLines } from '../text/normalise';
import type { Warning } from '../types';
import { lineNumbers } from './field-transforms';
import { loadCaptures, type FixtureIo } from './fixture-set';

export interface Clean {
  rel: string;
  lines: string[];
  kind: string;
  command?: string;
  records: number;
  warnings: Warning[];
  data: unknown;
  /** 0-based indexes of the lines the parser read as rows (first line of each record). */
  rows: number[];
}

export function read(text: string) {
  const d = diagnoseDetailed([{ source: 'p', text }]);
  return { inputs: d.diagnosis.inputs, sections: d.sections, hosts: d.diagnosis.hosts };
}

/** Row lines of a section's facts: the table rows (not counters or header facts). */
function rowIndexes(kind: string, data: Record<string, unknown>): number[] {
  const pick = (v: unknown) => [...new Set(lineNumbers(v).map((n) => n - 1))];
  switch (kind) {
    case 'show processes cpu': return pick(data.processes);
    case 'show processes memory': return pick(data.processes);
    case 'show ip arp': return pick(data.entries);
    case 'show ip nat translations': return pick(data.translations);
    case 'show ip cache':
    case 'show ip cache verbose': return pick(data.prefixes);
    case 'show mls entry': return mlsRows(data).map((n) => n - 1);
    case 'show ip accounting':
    case 'show ip cache flow': return pick({ line: (data.flows as { line: Uint32Array }).line });
    default: return [];
  }
}

/** MLS entries: flows, destination-only entries and entries with hidden addresses, by the line they start on. */
export function mlsRows(data: Record<string, unknown>): number[] {
  const lines = [
    ...Array.from((data.flows as { line: Uint32Array }).line),
    ...(data.destinationOnlyLines as number[]),
    ...((data.hiddenLines as number[] | undefined) ?? []),
  ];
  return [...new Set(lines)].sort((a, b) => a - b);
}

/** Every single-command capture, as clean lines, with its facts and row lines. */
export function loadClean(io: FixtureIo, parsersDir: string): Clean[] {
  return loadCaptures(io, parsersDir).flatMap((f) => {
  const lines = normaliseLines(f.text);
  const r = read(`${lines.join('\n')}\n`);
  if (r.inputs.length !== 1 || r.sections.length !== 1) return [];
  const s = r.sections[0]!;
  const i = r.inputs[0]!;
  const rows = rowIndexes(s.kind, s.data as unknown as Record<string, unknown>);
  return [{ rel: f.rel, lines, kind: s.kind, ...(i.command ? { command: i.command } : {}), records: i.records, warnings: i.warnings, data: s.data, rows }];
  });
}
export const text = (lines: readonly string[]) => `${lines.join('\n')}\n`;

/**
 * Index of the last counter token before the percentages (PID is token 0). Only counters run together: IOS
 * prints the percentages in a field wide enough that they always keep a blank in front.
 */
export function lastCounter(line: string): number {
  const t = line.trim().split(/\s+/);
  const p = t.findIndex((x) => /^\d+(\.\d+)?%?$/.test(x) && x.includes('.'));
  return p - 1;
}
export type Proc = Pick<ProcessCpu, 'pid' | 'name' | 'fiveSec' | 'oneMin' | 'fiveMin' | 'tty'>;
export const cpuData = (t: string) => {
  const s = read(t).sections.find((x) => x.kind === 'show processes cpu');
  return s?.kind === 'show processes cpu' ? s.data : undefined;
};
export const stable = (p: ProcessCpu): Proc => ({ pid: p.pid, name: p.name, fiveSec: p.fiveSec, oneMin: p.oneMin, fiveMin: p.fiveMin, tty: p.tty! });
/** The busiest process: highest five-second share, then one minute, then five minutes (first wins a tie). */
export function busiest(ps: readonly ProcessCpu[]): Proc | undefined {
  let best: ProcessCpu | undefined;
  for (const p of ps) if (!best || p.fiveSec > best.fiveSec || (p.fiveSec === best.fiveSec && p.oneMin > best.oneMin)) best = p;
  return best && stable(best);
}
