// The diagnosis as a Markdown report (download): findings with evidence and remedy config, then hosts and inputs.
import type { Answers, Diagnosis, Host } from '../core/types';
import { code, fence, inline } from './markdown-escape';
import { redactDiagnosis, redactSecrets } from './redact-secrets';

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
