// The one entry point: pastes + answers -> { version, inputs, hosts, findings } (CONTRACT.md).
import { chartSeries } from './analysis/chart-series';
import { analyseFanOut, type HostAnalysis } from './analysis/fan-out';
import { ownHost } from './analysis/clean-hosts';
import { analyseIpv6 } from './analysis/ipv6-hosts';
import { noteSampledFlows } from './analysis/sampled-sources';
import { ipv6FlowSources, modernFlowSources } from './modern-flow-sources';
import type { FlowSource } from './analysis/flow-facts';
import { commandIndex, parserFor, PARSERS } from './parsers/registry';
import { aliasPrescan, clearRestoredRows, prescannedLines, prescanOfLines, restoreRowLines } from './parsers/show-ip-cache-flow/prescanned';
import { plansFor } from './plan/plans';
import type { Section } from './parsers/parser-types';
import { RULES } from './rules/registry';
import type { RuleContext } from './rules/rule-types';
import type { ParsedSection } from './sections';
import { noteWarning, takeFieldNotes, type FieldNote } from './text/field-notes';
import { normaliseLines } from './text/normalise';
import { splitFilter } from './text/prompt';
import { splitSections, type RawSection } from './text/split';
import type { Answers, ChangePlan, Diagnosis, Finding, Host, InputSummary, Kind, Paste, Warning } from './types';
import { CONTRACT_VERSION } from './types';
import { released } from './analysis/collect-hook';
import { fnfValuesLetGo } from './parsers/shared/fnf-prescan';

/** Warnings kept per input; past it one warning says how many more lines went unread, and where. */
export const MAX_WARNINGS_PER_INPUT = 500;
/** A section must look at least this much like a command to be read as it when no command was echoed. */
const SNIFF_THRESHOLD = 0.5;

export interface DetailedDiagnosis {
  diagnosis: Diagnosis;
  sections: ParsedSection[];
  hosts: HostAnalysis[];
  /** Normalised lines of each paste, by source, for quoting evidence. */
  lines: Map<string, readonly string[]>;
}

function capWarnings(warnings: Warning[]): Warning[] {
  if (warnings.length <= MAX_WARNINGS_PER_INPUT) return warnings;
  const kept = warnings.slice(0, MAX_WARNINGS_PER_INPUT - 1);
  const rest = warnings.slice(MAX_WARNINGS_PER_INPUT - 1);
  // The first and last line they are on: a parser's closing warning (an empty cache, at its section's first line)
  // comes after its line-by-line ones, so the list's last is not the last line.
  let first = Infinity;
  let last = -Infinity;
  for (const w of rest) {
    if (w.line < first) first = w.line;
    if (w.line > last) last = w.line;
  }
  kept.push({
    line: first,
    message: `${rest.length} more warnings, ${first === last ? `line ${first}` : `lines ${first}-${last}`} (not listed one by one)`,
  });
  return kept;
}

function unreadAll(lines: readonly string[], from: number, to: number, message: string): Warning[] {
  const w: Warning[] = [];
  for (let i = from; i < to; i++) if (lines[i]!.trim() !== '') w.push({ line: i + 1, message: `${message}: "${lines[i]!.trim().slice(0, 120)}"` });
  return w;
}

/** What IOS answers to a command it cannot run, under the caret that points at the word it stopped at. */
const REFUSAL = /^\s*% ?(?:Invalid input detected at '\^' marker|Incomplete command|Ambiguous command:?|Unknown command|Invalid command)\b/i;

/**
 * The router's refusal of the echoed command, when that is all the section holds (a caret line, the `%` message,
 * blanks): the message and its line.
 */
function refusal(lines: readonly string[], from: number, to: number): { line: number; text: string } | undefined {
  let found: { line: number; text: string } | undefined;
  let other = 0;
  for (let i = from; i < to && other === 0; i++) {
    const t = lines[i]!.trim();
    if (t === '' || t === '^') continue;
    if (!found && REFUSAL.test(t)) found = { line: i + 1, text: t.slice(0, 120) };
    else other++;
  }
  return other === 0 ? found : undefined;
}

/** A configuration-mode prompt ("R1(config-if)#ip nat inside"): what follows is the console, not a command's output. */
const CONFIG_MODE_ECHO = /^\s*\S+\(config[^)]*\)#/;

function sniffKind(section: Section): Kind {
  let best: Kind = 'unknown';
  let bestScore = SNIFF_THRESHOLD;
  for (const p of PARSERS) {
    const score = p.sniff(section);
    if (score > bestScore) [best, bestScore] = [p.kind, score];
  }
  return best;
}

/**
 * A page that lost its line breaks puts the whole output on the echo line (`Switch# show adjacency summary Adjacency
 * Table has 106 adjacencies Table epoch: 0 ...`): the words after the command were taken as its arguments and nothing
 * was read. Said when a command line runs on well past any command's arguments.
 */
function outputOnEcho(command: string | undefined): string | undefined {
  if (command === undefined) return undefined;
  const words = splitFilter(command).base.trim().split(/\s+/);
  if (words.length < 12) return undefined;
  return `the command line goes on for ${words.length} words: the output seems run onto it (a page that lost its line breaks?) and is not read; paste it with its line breaks`;
}

function detectKind(raw: RawSection, section: Section): { kind: Kind; note?: string } {
  if (raw.command !== undefined) {
    const { base } = splitFilter(raw.command);
    const kind = commandIndex.match(base);
    if (kind === null) {
      // Log messages the router prints after a configuration command (%SYS-2-MALLOCFAIL on "ip nat inside") are
      // still router output: read them by shape rather than dropping them with the command.
      const echo = raw.echoIndex !== undefined ? section.lines[raw.echoIndex]! : '';
      const sniffed = CONFIG_MODE_ECHO.test(echo) ? sniffKind(section) : 'unknown';
      if (sniffed !== 'unknown') return { kind: sniffed };
      return { kind: 'unknown', note: `"${raw.command}" is not a command this tool reads` };
    }
    if (kind === 'unknown') return { kind, note: `"${raw.command}" is recognised but not read by this tool` };
    return { kind };
  }
  const best = sniffKind(section);
  if (best !== 'unknown') return { kind: best };
  if (isCpuHistoryGraph(section)) return { kind: best, note: 'a "show processes cpu history" graph, without its command: recognised but not read by this tool' };
  return { kind: best, note: 'no router output recognised' };
}

/** A level row of the graph (`100 ***##`, ` 90`, `  10 ####`): a multiple of ten, then only stars, hashes and blanks. */
const CPU_GRAPH_ROW = /^\s{0,3}(?:100|[1-9]0)(?:\s+[*#][*# ]*|\s*)$/;
/** Its scale (`0....5....1....1`, `0    5    0    5`) or caption (`CPU% per minute (last 60 minutes)`). */
const CPU_GRAPH_AXIS = /^\s*(?:0(?:\.{4}5\.{4}\d)+|0 {4}5 {4}0 {4}5\b|CPU% per (?:second|minute|hour)\b)/;

/**
 * `show processes cpu history` pasted without its command (people paste the graph of a pinned CPU): at least five of
 * its level rows (100, 90 ... 10) and its scale or caption. Read by nothing here; named, so the report says what it is.
 */
function isCpuHistoryGraph(section: Section): boolean {
  let rows = 0;
  let axis = false;
  for (let i = section.from; i < section.to && i < section.from + 60; i++) {
    const l = section.lines[i]!;
    if (l.length > 200) continue;
    if (CPU_GRAPH_ROW.test(l)) rows++;
    else if (CPU_GRAPH_AXIS.test(l)) axis = true;
  }
  return rows >= 5 && axis;
}

type SummaryBase = Pick<InputSummary, 'source' | 'command' | 'firstLine' | 'lastLine'>;

/** Contract field order first (source, kind, records, warnings), then where the section sits. */
function summarise(base: SummaryBase, kind: Kind, records: number, warnings: Warning[]): InputSummary {
  const { source, ...where } = base;
  return { source, kind, records, warnings, ...where };
}

/** Split one paste into sections, detect and parse each; summaries go to `order` in paste order. */
function readPaste(paste: Paste, lines: readonly string[], out: ParsedSection[], order: InputSummary[], notes: readonly FieldNote[] = [], only?: readonly number[]): void {
  const raws = splitSections(lines, (base) => commandIndex.match(base) !== null, only);
  // The poster's notes go to the section they sit in (those before the first section, to the first).
  let nextNote = 0;
  const notesUpTo = (to: number): Warning[] => {
    const w: Warning[] = [];
    while (nextNote < notes.length && notes[nextNote]!.index < to) w.push(noteWarning(notes[nextNote++]!));
    return w;
  };
  if (raws.length === 0) {
    const summary = summarise({ source: paste.source, firstLine: 1, lastLine: Math.max(1, lines.length) }, 'unknown', 0, [
      { line: 1, message: 'empty paste: no router output recognised' },
    ]);
    order.push(summary);
    return;
  }
  for (const raw of raws) {
    const typed = raw.command !== undefined ? splitFilter(raw.command) : undefined;
    const filter = typed?.filter;
    const args = typed ? commandIndex.argumentsOf(typed.base).join(' ') : '';
    const section: Section = { lines, from: raw.from, to: raw.to, ...(filter ? { filter } : {}), ...(args ? { args } : {}) };
    const { kind, note } = detectKind(raw, section);
    const base = {
      source: paste.source,
      ...(raw.command !== undefined ? { command: raw.command } : {}),
      firstLine: (raw.echoIndex ?? raw.from) + 1,
      lastLine: Math.max(raw.from, raw.to),
    };
    const parser = kind === 'unknown' ? undefined : parserFor(kind);
    const posterNotes = notesUpTo(raw === raws[raws.length - 1] ? lines.length : raw.to);
    const withNotes = (w: Warning[]) => (posterNotes.length ? [...w, ...posterNotes].sort((a, b) => a.line - b.line) : w);
    // The router refused the command (`% Invalid input detected at '^' marker.`): say so, instead of two lines not read.
    const refused = raw.command !== undefined ? refusal(lines, raw.from, raw.to) : undefined;
    if (refused) {
      const warning = { line: refused.line, message: `the router did not run "${raw.command}": it answered "${refused.text}"` };
      order.push(summarise(base, kind, 0, withNotes([warning])));
      continue;
    }
    if (!parser) {
      const warnings = withNotes([
        ...(note ? [{ line: (raw.echoIndex ?? raw.from) + 1, message: note }] : []),
        ...unreadAll(lines, raw.from, raw.to, 'not read'),
      ]);
      const summary = summarise(base, 'unknown', 0, capWarnings(warnings));
      order.push(summary);
      continue;
    }
    let result;
    try {
      result = parser.parse(section);
    } catch (e) {
      // A parser bug must not take the whole report down: say so, and keep the lines visible as unread.
      const summary = summarise(base, parser.kind, 0, capWarnings([
        { line: base.firstLine, message: `parser failed: ${(e as Error).message}` },
        ...unreadAll(lines, raw.from, raw.to, 'not read'),
      ]));
      order.push(summary);
      continue;
    }
    const runOn = result.records === 0 ? outputOnEcho(raw.command) : undefined;
    const warnings = runOn ? [{ line: base.firstLine, message: runOn }, ...result.warnings] : result.warnings;
    const summary = summarise(base, parser.kind, result.records, capWarnings(withNotes(warnings)));
    order.push(summary);
    out.push({ kind: parser.kind, source: paste.source, summary, data: result.data } as ParsedSection);
  }
}

function flowSources(sections: readonly ParsedSection[]): FlowSource[] {
  const out: FlowSource[] = [];
  for (const s of sections) {
    if (s.kind === 'show ip cache flow' || s.kind === 'show ip accounting' || s.kind === 'show mls ip' || s.kind === 'show mls entry') {
      out.push({ source: s.source, kind: s.kind, flows: s.data.flows });
    }
  }
  out.push(...modernFlowSources(sections));
  return out;
}

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

export function toPublicHost(h: HostAnalysis): Host {
  const host: Host = {
    ip: h.ip,
    interface: h.interface,
    flows: h.flows,
    destinations: h.destinations,
    port80Flows: h.port80Flows,
    packetsPerFlow: h.packetsPerFlow,
    verdict: h.verdict,
    variant: h.variant,
    // CONTRACT.md section 4: after the version-1 fields.
    service: h.service ?? 'unknown',
    worm: h.worm ?? 'unknown',
    failedFlows: h.failedFlows,
    // A list of its own: a clean host's list is frozen and shared by every host with the same reasons (clean-hosts.ts).
    reasons: [...h.reasons],
    inbound: h.inbound,
  };
  // Last, and only when there are some (one object shape for the many hosts without).
  if (h.sharedTargetsWith) host.sharedTargetsWith = h.sharedTargetsWith;
  return host;
}

/**
 * Evidence is looked up by source name, so two pastes with one name (a/show.txt and b/show.txt) would quote each
 * other's lines: later ones get " (2)", " (3)"...
 */
function uniqueSourceNames(pastes: readonly Paste[]): string[] {
  const seen = new Set<string>();
  return pastes.map((p) => {
    let name = p.source;
    for (let n = 2; seen.has(name); n++) name = `${p.source} (${n})`;
    seen.add(name);
    return name;
  });
}

/**
 * What a share link's sender worked out for one host from the real addresses (issue 12). An anonymised link
 * carries these where the receiver's own analysis of the anonymised pastes would differ: the anonymisation keeps
 * subnets but not octet values, and Code Red II's excluded targets (octets 0 and 255) are values.
 */
export type SenderHostFact = Pick<Host, 'ip' | 'verdict' | 'variant' | 'service' | 'worm'>;

export interface DiagnoseOptions {
  senderHostFacts?: readonly SenderHostFact[];
}

/** The sender's verdicts win over ours for the same (anonymised) address; the rules then see the sender's view. */
function applySenderFacts(hosts: HostAnalysis[], facts: readonly SenderHostFact[] | undefined): void {
  if (!facts || facts.length === 0) return;
  const byIp = new Map(facts.map((f) => [f.ip, f]));
  for (let i = 0; i < hosts.length; i++) {
    const f = byIp.get(hosts[i]!.ip);
    if (!f) continue;
    const h = (hosts[i] = ownHost(hosts[i]!));
    h.verdict = f.verdict;
    h.variant = f.variant;
    if (f.service !== undefined) h.service = f.service;
    if (f.worm !== undefined) h.worm = f.worm;
  }
}

/** Everything a diagnosis is made of, its hosts still as the analysis holds them. */
interface Analysis {
  inputs: InputSummary[];
  sections: ParsedSection[];
  hosts: HostAnalysis[];
  findings: Finding[];
  plans: ChangePlan[];
  lines: Map<string, readonly string[]>;
}

function analyse(given: readonly Paste[], answers: Answers, options: DiagnoseOptions): Analysis {
  const names = uniqueSourceNames(given);
  const sections: ParsedSection[] = [];
  const inputs: InputSummary[] = [];
  const linesBySource = new Map<string, readonly string[]>();
  for (const [i, original] of given.entries()) {
    const paste = original.source === names[i] ? original : { ...original, source: names[i]! };
    // Big flow dumps read as bytes by the CLI arrive pre-scanned (keyed by the paste object the CLI made).
    const pre = prescannedLines(original);
    // (Rows a diagnosis before this one put back for quoting are rows again: they are read from their columns.)
    if (pre) clearRestoredRows(pre);
    const lines = pre ?? normaliseLines(paste.text);
    linesBySource.set(paste.source, lines);
    // Posters' elisions and arrow notes are read around, not as rows; evidence still quotes the line as pasted.
    // Only the lines that are not flow rows are read for notes and prompts: the rows' lines are empty.
    const only = pre ? prescanOfLines(pre)?.textLines : undefined;
    const field = takeFieldNotes(lines, only);
    if (pre) aliasPrescan(lines, field.lines);
    readPaste(paste, field.lines, sections, inputs, field.notes, only);
  }
  // Values of records read from bytes that the parsers took into their flow tables (a CLI run's): collected before
  // the analysis's own tables are made, where the host can (collect-hook.ts).
  released(fnfValuesLetGo());
  const sources = flowSources(sections);
  const hosts = analyseFanOut(sources);
  noteSampledFlows(hosts, sources);
  // IPv6 hosts (Flexible NetFlow) are judged on their own, then listed with the rest.
  hosts.push(...analyseIpv6(ipv6FlowSources(sections)));
  applySenderFacts(hosts, options.senderHostFacts);
  // Pre-scanned pastes keep flow rows out of `lines`: put back the ones flagged hosts quote as evidence, each
  // paste's all at once (read back from a file, lines near each other are read together: restoreRowLines).
  // (An index loop: it runs once over 200,000 hosts in a big capture, mostly before V8 has compiled it.)
  const quoted = new Map<string, number[]>();
  for (let i = 0; i < hosts.length; i++) {
    const h = hosts[i]!;
    if (h.verdict === 'clean') continue;
    for (const r of h.evidence) {
      let l = quoted.get(r.source);
      if (!l) quoted.set(r.source, (l = []));
      l.push(r.line);
    }
  }
  for (const [source, lineNumbers] of quoted) restoreRowLines(linesBySource.get(source), lineNumbers);
  const ctx: RuleContext = {
    sections,
    hosts,
    answers,
    evidence(source, line) {
      const lines = linesBySource.get(source);
      let text = lines?.[line - 1] ?? '';
      // A row read from bytes that no flagged host quoted (an MLS entry a flow-mask finding names, say): read back now.
      if (text === '' && restoreRowLines(lines, [line]) > 0) text = lines![line - 1]!;
      return { source, line, text: text.trim() };
    },
  };
  const findings: Finding[] = RULES.flatMap((r) => r.evaluate(ctx));
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  // One change plan per router (issue 11); each finding's remedy becomes its part of the plan.
  const plans = plansFor(sections, findings, answers.platform ? { platformAnswer: answers.platform } : {});
  return { inputs, sections, hosts, findings, plans, lines: linesBySource };
}

/** The contract's shape (CONTRACT.md), in its key order, with `hosts` as given. */
function shape<H>(a: Analysis, hosts: H[]): Omit<Diagnosis, 'hosts'> & { hosts: H[] } {
  return {
    version: CONTRACT_VERSION,
    inputs: a.inputs,
    hosts,
    findings: a.findings,
    // Flow charts only when there were flows to chart (issue 4).
    ...(a.hosts.length > 0 ? { charts: chartSeries(a.hosts) } : {}),
    ...(a.plans.length > 0 ? { plans: a.plans } : {}),
  };
}

export function diagnoseDetailed(given: readonly Paste[], answers: Answers = {}, options: DiagnoseOptions = {}): DetailedDiagnosis {
  const a = analyse(given, answers, options);
  return { diagnosis: shape(a, a.hosts.map(toPublicHost)), sections: a.sections, hosts: a.hosts, lines: a.lines };
}

/**
 * A diagnosis whose hosts are still HostAnalysis: `toPublicHost` turns each into diagnose()'s host. For a writer that
 * converts hosts one by one as it prints them (the CLI's --json), so 200,000 hosts are not held in both forms.
 */
export type UnconvertedDiagnosis = Omit<Diagnosis, 'hosts'> & { hosts: HostAnalysis[] };

export function diagnoseUnconverted(given: readonly Paste[], answers: Answers = {}, options: DiagnoseOptions = {}): UnconvertedDiagnosis {
  const a = analyse(given, answers, options);
  return shape(a, a.hosts);
}

export function diagnose(pastes: readonly Paste[], answers: Answers = {}, options: DiagnoseOptions = {}): Diagnosis {
  return diagnoseDetailed(pastes, answers, options).diagnosis;
}
