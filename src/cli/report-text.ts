// The CLI's human report: the change plan first, then findings, hosts, and each finding's part of the plan.
import { planOutline } from '../core/plan/plan-text';
import { profileOf } from '../core/analysis/profiles/all-profiles';
import { serviceWords } from '../core/analysis/service';
import { count } from '../core/text/plural';
import type { Diagnosis } from '../core/types';

export function formatReport(d: Diagnosis): string {
  const out: string[] = [];
  const recognised = d.inputs.filter((i) => i.kind !== 'unknown');
  out.push('Code Red Triage report');
  out.push('');
  // The plan first: it is what the engineer pastes (issue 11).
  for (const p of d.plans ?? []) {
    const net = p.safetyNet ? ` (with the ${p.platform === 'nx-os' ? 'checkpoint' : 'reload'} safety net)` : '';
    out.push(`Change plan for ${p.router}${p.platform === 'nx-os' ? ', in NX-OS syntax' : ''}${net}:`);
    for (const part of planOutline(p)) {
      out.push('', `  ${part.heading}:`);
      if (part.note) out.push(`    (${part.note})`);
      if (part.checks) out.push('    Before pasting it:', ...part.checks.map((c) => `    - ${c}`));
      for (const l of part.lines) out.push(`    ${l}`);
    }
    out.push('');
  }
  out.push('Inputs:');
  for (const i of d.inputs) {
    const what = i.kind === 'unknown' ? 'no router output recognised' : `${i.kind}, ${count(i.records, 'record')}`;
    out.push(`  ${i.source} lines ${i.firstLine}-${i.lastLine}: ${what}${i.warnings.length ? `, ${count(i.warnings.length, 'warning')}` : ''}`);
    for (const w of i.warnings.slice(0, 10)) out.push(`    line ${w.line}: ${w.message}`);
    if (i.warnings.length > 10) out.push(`    ... ${i.warnings.length - 10} more (use --json for all)`);
  }
  out.push('');
  if (d.findings.length === 0) {
    out.push(recognised.length ? 'Findings: none. Nothing in this output matches the tech note\'s problems.' : 'Findings: none (no router output recognised).');
  } else {
    out.push('Findings:');
    for (const f of d.findings) out.push(`  [${f.severity.toUpperCase()}] ${f.title}`);
  }
  const flagged = d.hosts.filter((h) => h.verdict !== 'clean');
  if (flagged.length) {
    out.push('');
    out.push('Hosts:');
    for (const h of flagged) {
      const sweep = h.service && h.service !== 'unknown' ? `, sweeps ${serviceWords(h.service)}` : '';
      const worm = h.worm && h.worm !== 'unknown' ? `, fits ${profileOf(h.worm)?.name ?? h.worm}` : h.variant !== 'unknown' ? `, ${h.variant === 'code-red-ii' ? 'Code Red II' : 'Code Red'}` : '';
      out.push(`  ${h.ip}${h.interface ? ` on ${h.interface}` : ''}: ${h.verdict}${sweep}${worm}, ${count(h.destinations, 'destination')}, ${count(h.port80Flows, 'port-80 flow')}`);
      for (const r of h.reasons) out.push(`    - ${r}`);
    }
  }
  for (const f of d.findings) {
    out.push('');
    out.push(`== ${f.title}`);
    for (const e of f.evidence) out.push(`  ${e.source}:${e.line}  ${e.text}`);
    out.push(`  ${f.remedy.summary}`);
    if (f.remedy.commands.length) {
      out.push('');
      // What its plan steps wait on, above the lines, as an alternative's are: they are copied from here too.
      if (f.remedy.gate?.length) out.push('  Before pasting it:', ...f.remedy.gate.map((g) => `  - ${g}`));
      for (const c of f.remedy.commands) out.push(`  ${c}`);
    }
    for (const a of f.remedy.alternatives ?? []) {
      out.push('');
      out.push(`  Alternative: ${a.summary}`);
      if (a.gate?.length) out.push('  Before pasting it:', ...a.gate.map((g) => `  - ${g}`));
      for (const c of a.commands) out.push(`  ${c}`);
    }
    if (f.remedy.caveats.length) {
      out.push('');
      for (const c of f.remedy.caveats) out.push(`  ! ${c}`);
    }
  }
  return out.join('\n') + '\n';
}
