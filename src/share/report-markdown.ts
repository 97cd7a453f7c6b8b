// The diagnosis as a Markdown change ticket (download, CLI --markdown): headline, the change plan (checks, steps,
// verification, back-out), findings remedy first, hosts, then the symptoms given and what was read. Every field is
// escaped or fenced, and router secrets are masked before anything is written.
import { profileOf } from '../core/analysis/profiles/all-profiles';
import { serviceWords } from '../core/analysis/service';
import { QUESTIONS } from '../core/answers';
import { planOutline } from '../core/plan/plan-text';
import { count, listWords } from '../core/text/plural';
import type { Answers, Diagnosis, Host } from '../core/types';
import { fence, inline } from './markdown-escape';
import { redactDiagnosis, redactSecrets } from './redact-secrets';

const MAX_HOSTS = 200;

const VARIANT_WORDS: Record<Host['variant'], string> = { 'code-red': 'Code Red', 'code-red-ii': 'Code Red II', unknown: 'not told' };

/** The likely worm in words: the profile's name, else the Code Red variant, else "not named". */
function wormWords(h: Host): string {
  if (h.worm && h.worm !== 'unknown') return profileOf(h.worm)?.name ?? h.worm;
  return h.variant !== 'unknown' ? VARIANT_WORDS[h.variant] : 'not named';
}

function hostRow(h: Host): string {
  const service = h.service && h.service !== 'unknown' ? serviceWords(h.service) : '';
  const cells = [h.ip, h.interface, h.flows, h.destinations, h.port80Flows, h.packetsPerFlow.toFixed(1), h.verdict, service, wormWords(h)];
  return `| ${cells.map(inline).join(' | ')} |`;
}

/** "Where is the CPU high? High at interrupt level (e.g. 99%/98%)", the questionnaire's own words. */
function answerWords(key: string, value: string): string {
  const q = QUESTIONS.find((x) => x.key === key);
  const label = q?.options.find((o) => o.value === value)?.label;
  return q && label ? `${q.text.replace(/\s*\([^)]*\)\s*$/, '')} ${label}` : `${key}: ${value}`;
}

/** What leaves the page as a Markdown file: router secrets masked in every field, then every field escaped. */
export function reportMarkdown(d: Diagnosis, answers: Answers, when = new Date()): string {
  return redactSecrets(diagnosisToMarkdown(redactDiagnosis(d), answers, when));
}

export function diagnosisToMarkdown(d: Diagnosis, answers: Answers, when = new Date()): string {
  const out: string[] = [`# Code Red triage report`, '', `Generated ${when.toISOString()} by Code Red Triage (contract version ${inline(d.version)}).`, ''];
  const infected = d.hosts.filter((h) => h.verdict === 'infected');
  out.push(
    infected.length > 0
      ? `**${count(infected.length, 'infected host')}:** ${inline(listWords(infected.map((h) => (h.interface ? `${h.ip} on ${h.interface}` : h.ip)), 3))}.`
      : 'No infected host in the pasted flows.',
    '',
  );
  // The change plan first (issue 11): what to paste, in order.
  for (const p of d.plans ?? []) {
    out.push(`## Change plan for ${inline(p.router)}${p.platform === 'nx-os' ? ', in NX-OS syntax' : ''}`, '');
    for (const part of planOutline(p)) {
      out.push(`${inline(part.heading)}:`, '');
      if (part.note) out.push(inline(part.note), '');
      if (part.checks) out.push('Before pasting it:', '', ...part.checks.map((c) => `- ${inline(c)}`), '');
      out.push(fence(part.lines), '');
    }
  }
  out.push(`## Findings (${d.findings.length})`, '');
  if (d.findings.length === 0) out.push('No findings.', '');
  for (const f of d.findings) {
    out.push(`### [${inline(f.severity)}] ${inline(f.title)}`, '');
    out.push(`Remedy: ${inline(f.remedy.summary)}`, '');
    if (f.remedy.commands.length > 0) {
      // What its plan steps wait on, above the lines, as an alternative's are: they are copied from here too.
      if (f.remedy.gate?.length) out.push('Before pasting it:', '', ...f.remedy.gate.map((g) => `- ${inline(g)}`), '');
      out.push(fence(f.remedy.commands), '');
    }
    if (f.remedy.caveats.length > 0) {
      out.push('Caveats:', '');
      for (const c of f.remedy.caveats) out.push(`- ${inline(c)}`);
      out.push('');
    }
    for (const a of f.remedy.alternatives ?? []) {
      out.push(`Alternative: ${inline(a.summary)}`, '');
      if (a.gate?.length) out.push('Before pasting it:', '', ...a.gate.map((g) => `- ${inline(g)}`), '');
      if (a.commands.length > 0) out.push(fence(a.commands), '');
    }
    if (f.evidence.length > 0) {
      out.push('Evidence:', '', fence(f.evidence.map((e) => `${e.source}:${e.line}  ${e.text}`.replace(/[\r\n]/g, ' '))), '');
    }
  }
  const flagged = d.hosts.filter((h) => h.verdict !== 'clean');
  out.push(`## Hosts (${count(d.hosts.length, 'source')}, ${flagged.length} flagged)`, '');
  if (flagged.length > 0) {
    out.push(
      '| Source | Interface | Flows | Destinations | Port 80 flows | Packets/flow | Verdict | Service swept | Likely worm |',
      '|---|---|---:|---:|---:|---:|---|---|---|',
    );
    for (const h of flagged.slice(0, MAX_HOSTS)) out.push(hostRow(h));
    if (flagged.length > MAX_HOSTS) out.push('', `…and ${flagged.length - MAX_HOSTS} more flagged hosts (use the CLI's --json for all).`);
    out.push('');
  }
  const answered = Object.entries(answers);
  if (answered.length > 0) {
    out.push('## Symptoms given', '');
    for (const [k, v] of answered) out.push(`- ${inline(answerWords(k, v))}`);
    out.push('');
  }
  out.push('## Inputs read', '');
  for (const i of d.inputs) {
    out.push(
      `- ${inline(i.source)} lines ${inline(i.firstLine)}-${inline(i.lastLine)}: ${i.kind === 'unknown' ? 'not recognised' : inline(i.kind)}, ${inline(count(i.records, 'record'))}, ${inline(count(i.warnings.length, 'warning'))}`,
    );
  }
  out.push('');
  return out.join('\n');
}
