// The diagnosis as a Markdown report (download): findings with evidence and remedy config, then hosts and inputs.
import { serviceWords } from '../../core/analysis/service';
import { profileOf } from '../../core/analysis/profiles/all-profiles';
import type { Answers, Diagnosis, Host } from '../../core/types';

/** Pasted text is data: keep it inside code spans/fences so it never becomes markup in a viewer. */
function fence(lines: string[]): string {
  const body = lines.join('\n');
  const ticks = '`'.repeat(Math.max(3, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length + 1)));
  return `${ticks}\n${body}\n${ticks}`;
}

function inline(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

const MAX_HOSTS = 200;

function hostRow(h: Host): string {
  const service = h.service && h.service !== 'unknown' ? serviceWords(h.service) : '';
  const worm = h.worm && h.worm !== 'unknown' ? (profileOf(h.worm)?.name ?? '') : 'not named';
  return `| ${h.ip} | ${inline(h.interface)} | ${h.flows} | ${h.destinations} | ${h.port80Flows} | ${h.packetsPerFlow.toFixed(1)} | ${h.verdict} | ${h.variant} | ${inline(service)} | ${inline(worm)} |`;
}

export function diagnosisToMarkdown(d: Diagnosis, answers: Answers, when = new Date()): string {
  const out: string[] = [`# Code Red triage report`, '', `Generated ${when.toISOString()} by Code Red Triage (contract version ${d.version}).`, ''];
  const answered = Object.entries(answers);
  if (answered.length > 0) {
    out.push('## Symptoms given', '');
    for (const [k, v] of answered) out.push(`- ${inline(k)}: ${inline(v)}`);
    out.push('');
  }
  out.push(`## Findings (${d.findings.length})`, '');
  if (d.findings.length === 0) out.push('No findings.', '');
  for (const f of d.findings) {
    out.push(`### [${f.severity}] ${inline(f.title)}`, '', `Finding id: \`${f.id}\``, '');
    if (f.evidence.length > 0) {
      out.push('Evidence:', '', fence(f.evidence.map((e) => `${e.source}:${e.line}  ${e.text}`)), '');
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
    out.push(
      '| Source | Interface | Flows | Destinations | Port 80 flows | Packets/flow | Verdict | Variant | Service swept | Likely worm |',
      '|---|---|---:|---:|---:|---:|---|---|---|---|',
    );
    for (const h of flagged.slice(0, MAX_HOSTS)) out.push(hostRow(h));
    if (flagged.length > MAX_HOSTS) out.push('', `…and ${flagged.length - MAX_HOSTS} more flagged hosts (use the CLI's --json for all).`);
    out.push('');
  }
  out.push('## Inputs read', '');
  for (const i of d.inputs) {
    out.push(`- ${inline(i.source)} lines ${i.firstLine}-${i.lastLine}: ${i.kind === 'unknown' ? 'not recognised' : i.kind}, ${i.records} records, ${i.warnings.length} warnings`);
  }
  out.push('');
  return out.join('\n');
}
