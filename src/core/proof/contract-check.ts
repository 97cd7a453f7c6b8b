// Test helper: what every parser output and every diagnosis must look like (CONTRACT.md), as lists of problems.
import type { ParseOutput, Section } from '../parsers/parser-types';
import { PARSERS } from '../parsers/registry';
import { FINDING_IDS, type Diagnosis, type Kind, type Warning } from '../types';

export const KINDS: ReadonlySet<Kind> = new Set<Kind>([...PARSERS.map((p) => p.kind), 'unknown']);
const SEVERITIES = new Set(['critical', 'warning', 'info']);
const VERDICTS = new Set(['infected', 'suspect', 'clean']);
const VARIANTS = new Set(['code-red', 'code-red-ii', 'unknown']);
const WORMS = new Set(['code-red', 'code-red-ii', 'nimda', 'slammer', 'blaster', 'nachi', 'sasser', 'conficker-or-wannacry', 'mirai', 'unknown']);
const IDS: ReadonlySet<string> = new Set(FINDING_IDS);

const isCount = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** A known bug the fuzz must not stop at (each has its own it.fails test and a line in the proof report). */
export type Tolerated = (kind: Kind, w: Warning, lo: number, hi: number) => boolean;

function warningProblems(where: string, kind: Kind, warnings: unknown, lo: number, hi: number, tolerated?: Tolerated): string[] {
  if (!Array.isArray(warnings)) return [`${where}: warnings is not an array`];
  const out: string[] = [];
  for (const w of warnings as Warning[]) {
    if (tolerated?.(kind, w, lo, hi)) continue;
    if (!Number.isInteger(w?.line) || w.line < lo || w.line > hi) out.push(`${where}: warning line ${w?.line} outside ${lo}..${hi}`);
    if (typeof w?.message !== 'string' || w.message.trim() === '') out.push(`${where}: warning without a message`);
    if (out.length > 5) break;
  }
  return out;
}

/**
 * One parser's output on a section: records a non-negative integer, data present, warnings on lines of the
 * section (its echo line, numbered `from`, counts too).
 */
export function parseOutputProblems(kind: Kind, out: ParseOutput<unknown>, section: Section, tolerated?: Tolerated): string[] {
  const name = kind;
  const problems: string[] = [];
  if (out === null || typeof out !== 'object') return [`${name}: output is not an object`];
  if (!isCount(out.records)) problems.push(`${name}: records ${String(out.records)} is not a non-negative integer`);
  if (out.data === undefined || out.data === null) problems.push(`${name}: no data`);
  const lo = Math.max(1, section.from);
  problems.push(...warningProblems(name, kind, out.warnings, lo, Math.max(section.to, lo), tolerated));
  return problems;
}

/** A whole diagnosis; `lineCounts` gives the number of (normalised) lines of each paste by source. */
export function diagnosisProblems(d: Diagnosis, lineCounts: ReadonlyMap<string, number>, tolerated?: Tolerated): string[] {
  const problems: string[] = [];
  if (d.version !== 1) problems.push(`version ${String(d.version)}`);
  const maxLine = (source: string) => Math.max(1, lineCounts.get(source) ?? 0);
  if (!Array.isArray(d.inputs) || d.inputs.length === 0) problems.push('no inputs (every paste gets at least one)');
  for (const [i, inp] of (d.inputs ?? []).entries()) {
    const where = `inputs[${i}]`;
    if (!lineCounts.has(inp.source)) problems.push(`${where}: unknown source ${inp.source}`);
    if (!KINDS.has(inp.kind)) problems.push(`${where}: kind ${String(inp.kind)}`);
    if (!isCount(inp.records)) problems.push(`${where}: records ${String(inp.records)}`);
    if (!(inp.firstLine >= 1 && inp.firstLine <= inp.lastLine + 1 && inp.lastLine <= maxLine(inp.source))) {
      problems.push(`${where}: lines ${inp.firstLine}..${inp.lastLine} outside the paste (${maxLine(inp.source)} lines)`);
    }
    problems.push(...warningProblems(where, inp.kind, inp.warnings, 1, maxLine(inp.source), tolerated));
  }
  for (const [i, h] of (d.hosts ?? []).entries()) {
    if (!VERDICTS.has(h.verdict) || !VARIANTS.has(h.variant)) problems.push(`hosts[${i}]: verdict/variant ${h.verdict}/${h.variant}`);
    if (![h.flows, h.destinations, h.port80Flows, h.failedFlows].every(isCount)) problems.push(`hosts[${i}]: counts not integers`);
    if (h.worm !== undefined && !WORMS.has(h.worm)) problems.push(`hosts[${i}]: worm ${h.worm}`);
    if (h.service !== undefined && !/^(tcp|udp)\/\d{1,5}$|^(icmp|tcp|unknown|gre|esp|proto\/\d{1,3})$/.test(h.service)) problems.push(`hosts[${i}]: service ${h.service}`);
  }
  for (const [i, f] of (d.findings ?? []).entries()) {
    if (!IDS.has(f.id)) problems.push(`findings[${i}]: id ${f.id}`);
    if (!SEVERITIES.has(f.severity)) problems.push(`findings[${i}]: severity ${f.severity}`);
    for (const e of f.evidence) {
      if (!Number.isInteger(e.line) || e.line < 1 || e.line > maxLine(e.source)) problems.push(`findings[${i}]: evidence line ${e.line}`);
    }
  }
  // The CLI prints it as JSON: NaN or Infinity would silently become null.
  const bad = nonFinitePath(d, 'diagnosis');
  if (bad) problems.push(`non-finite number at ${bad}`);
  return problems;
}

function nonFinitePath(v: unknown, path: string): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? null : path;
  if (v === null || typeof v !== 'object') return null;
  for (const [k, x] of Object.entries(v)) {
    const p = nonFinitePath(x, `${path}.${k}`);
    if (p) return p;
  }
  return null;
}
