// Test helper: build pastes the way people make them: prompts in front, several commands in one, shifted facts.
import { diagnoseDetailed } from '../diagnose';
import { commandIndex } from '../parsers/registry';
import { parseBareCommand, parsePrompt, splitFilter } from '../text/prompt';
import type { Diagnosis, InputSummary } from '../types';

/** The first non-blank line, if it echoes a command we know (`R1#sh ip arp`, a bare `show version`). */
export function leadingEcho(text: string): string | null {
  const first = text.split(/\r\n?|\n/).find((l) => l.trim() !== '');
  if (first === undefined) return null;
  const cmd = parsePrompt(first)?.command || parseBareCommand(first);
  return cmd && commandIndex.match(splitFilter(cmd).base) !== null ? cmd : null;
}

/**
 * The capture as typed at a prompt: its own echo kept, else `Router#<command>` put in front. Leading blank lines
 * go (in a session they would belong to the previous command's output), and it ends with a newline.
 */
export function withPrompt(text: string, command: string): string {
  const trimmed = text.replace(/^([ \t]*(\r\n?|\n))+/, '');
  const body = trimmed.endsWith('\n') ? trimmed : `${trimmed}\n`;
  return leadingEcho(trimmed) !== null ? body : `Router#${command}\n${body}`;
}

/** How many lines a text counts as (a final newline does not start a line), like normaliseLines. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const n = text.split(/\r\n?|\n/).length;
  return /(\r\n?|\n)$/.test(text) ? n - 1 : n;
}

/** Inputs without their source and with every line number moved back by `by` (to compare shifted pastes). */
export function shiftInputs(inputs: readonly InputSummary[], by: number): unknown[] {
  return inputs.map((i) => ({
    kind: i.kind,
    records: i.records,
    command: i.command,
    firstLine: i.firstLine - by,
    lastLine: i.lastLine - by,
    warnings: i.warnings.map((w) => ({ line: w.line - by, message: w.message })),
  }));
}

const LINE_KEY = /^(line|lines)$|Line$|Lines$/;

/**
 * Parsed facts with line numbers moved back by `by`: numbers (or arrays of them, typed arrays included) under a
 * key named line, lines, *Line or *Lines. Typed arrays become plain arrays so toEqual compares contents.
 */
export function shiftFacts(v: unknown, by: number, key = ''): unknown {
  const lineish = LINE_KEY.test(key);
  if (typeof v === 'number') return lineish ? v - by : v;
  if (ArrayBuffer.isView(v)) return shiftFacts(Array.from(v as unknown as ArrayLike<number>), by, key);
  if (Array.isArray(v)) return v.map((x) => shiftFacts(x, by, lineish ? key : ''));
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, shiftFacts(x, by, typeof k === 'string' ? k : '')]));
  if (v instanceof Set) return new Set([...v].map((x) => shiftFacts(x, by)));
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shiftFacts(x, by, k)]));
  }
  return v;
}

/** What a paste says, comparable across variants: inputs (no source), parsed facts, hosts, finding ids and evidence lines. */
export function factsOf(text: string, shift = 0): { inputs: unknown[]; data: unknown[]; hosts: unknown; findings: unknown[] } {
  const d = diagnoseDetailed([{ source: 'paste', text }]);
  return {
    inputs: shiftInputs(d.diagnosis.inputs, shift),
    data: d.sections.map((s) => ({ kind: s.kind, data: shiftFacts(s.data, shift) })),
    hosts: d.diagnosis.hosts,
    findings: d.diagnosis.findings.map((f) => ({ id: f.id, title: f.title, evidence: f.evidence.map((e) => [e.line - shift, e.text]) })),
  };
}

export function kindsOf(d: Diagnosis): string[] {
  return d.inputs.map((i) => i.kind);
}
