// The diagnosis as a Markdown report (download, and the CLI's --markdown): findings with evidence and remedy
// config, then hosts and inputs. Every field may come from a crafted link, so every field is escaped or fenced.
import type { Answers, Diagnosis, Host } from '../core/types';
import { redactDiagnosis, redactSecrets } from './redact-secrets';

/** Control characters and line separators would end a table row or a list item early: they become spaces. */
const BREAKS = /[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/g;

/** Pasted text is data: keep it inside code fences so it never becomes markup in a viewer. */
function fence(lines: string[]): string {
  const body = lines.join('\n').replace(BREAKS, ' ');
  const ticks = '`'.repeat(Math.max(3, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length + 1)));
  return `${ticks}\n${body}\n${ticks}`;
}

/**
 * One field as inert inline text: no line breaks, and every character that can open markup (emphasis, links and
 * images, HTML and entities, autolinks `https:`/`www.`/`a@b`, tables, math) is backslash-escaped.
 */
export function inline(text: string | number): string {
  return String(text)
    .replace(/[\r\n]/g, ' ')
    .replace(BREAKS, ' ')
    .replace(/[\\`*_{}[\]()<>#|!~&:@$^]/g, (c) => `\\${c}`)
    .replace(/www\./gi, (m) => `${m.slice(0, 3)}\\.`);
}

/** A code span whose fence is longer than any backtick run inside it. */
function code(text: string): string {
  const body = text.replace(/[\r\n]/g, ' ').replace(BREAKS, ' ');
  const ticks = '`'.repeat(1 + Math.max(0, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length)));
  return `${ticks} ${body} ${ticks}`;
}

const MAX_HOSTS = 200;

function hostRow(h: Host): string {
  const cells = [h.ip, h.interface, h.flows, h.destinations, h.port80Flows, h.packetsPerFlow.toFixed(1), h.verdict, h.variant];
  return `| ${cells.map(inline).join(' | ')} |`;
}

/** What leaves the page as a Markdown file: router secrets masked in every field, then every field escaped. */
export function reportMarkdown(d: Diagnosis, answers: Answers, when = new Date()): string {
  return redactSecrets(diagnosisToMarkdown(redactDiagnosis(d), answers, when));
}

export function diagnosisToMarkdown(d: Diagnosis, answers: Answers, when = new Date()): string {
  const out: string[] = [`# Code Red triage report`, '', `Generated ${when.toISOString()} by Code Red Triage (contract version ${inline(d.version)}).`, ''];
  const answered = Object.entries(answers);
  if (answered.length > 0) {
    out.push('## Symptoms given', '');
    for (const [k, v] of answered) out.push(`- ${inline(k)}: ${inline(v)}`);
    out.push('');
  }
  out.push(`## Findings (${d.findings.length})`, '');
  if (d.findings.length === 0) out.push('No findings.', '');
  for (const f of d.findings) {
    out.push(`### [${inline(f.severity)}] ${inline(f.title)}`, '', `Finding id: ${code(f.id)}`, '');
    if (f.evidence.length > 0) {
      out.push('Evidence:', '', fence(f.evidence.map((e) => `${e.source}:${e.line}  ${e.text}`.replace(/[\r\n]/g, ' '))), '');
    }
    out.push(`Remedy: ${inline(f.remedy.summary)}`, '');
    if (f.remedy.commands.length > 0) out.push(fence(f.remedy.commands), '');
    if (f.remedy.caveats.length > 0) {
      out.push('Caveats:', '');
      for (const c of f.remedy.caveats) out.push(`- ${inline(c)}`);
      out.push('');
    }
    for (const a of f.remedy.alternatives ?? []) {
      out.push(`Alternative: ${inline(a.summary)}`, '');
      if (a.commands.length > 0) out.push(fence(a.commands), '');
    }
  }
  const flagged = d.hosts.filter((h) => h.verdict !== 'clean');
  out.push(`## Hosts (${d.hosts.length} sources, ${flagged.length} flagged)`, '');
  if (flagged.length > 0) {
    out.push('| Source | Interface | Flows | Destinations | Port 80 flows | Packets/flow | Verdict | Variant |', '|---|---|---:|---:|---:|---:|---|---|');
    for (const h of flagged.slice(0, MAX_HOSTS)) out.push(hostRow(h));
    if (flagged.length > MAX_HOSTS) out.push('', `…and ${flagged.length - MAX_HOSTS} more flagged hosts (use the CLI's --json for all).`);
    out.push('');
  }
  out.push('## Inputs read', '');
  for (const i of d.inputs) {
    out.push(`- ${inline(i.source)} lines ${inline(i.firstLine)}-${inline(i.lastLine)}: ${i.kind === 'unknown' ? 'not recognised' : inline(i.kind)}, ${inline(i.records)} records, ${i.warnings.length} warnings`);
  }
  out.push('');
  return out.join('\n');
}
