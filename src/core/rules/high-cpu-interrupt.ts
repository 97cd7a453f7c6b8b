// high-cpu-interrupt: "CPU utilization for five seconds: X%/Y%" with a high Y; names the top processes.
import { sectionsOf, type SectionOf } from '../sections';
import type { Finding } from '../types';
import { answered, answerFinding, unconfirmed } from './answer-finding';
import { kindOfCommand, onRouter, pastedKinds } from './parsed-facts';
import type { RuleContext, RuleDef } from './rule-types';
import { byRouter, snapshotNote, snapshots } from './snapshots';

/** Interrupt-level share of the five-second CPU (the Y of X%/Y%). */
export const INTERRUPT_WARNING = 40;
export const INTERRUPT_CRITICAL = 75;
const TOP = 3;
const CONFIRM = ['show processes cpu'];
/** What the questionnaire and an answer-only finding both ask for: the CPU itself, then what explains interrupt load. */
const CONFIRM_WITH = [...CONFIRM, 'show alignment', 'show ip nat statistics', 'show logging'];

/** What explains interrupt-level CPU in the tech note, and the output that tells each. */
const EXPLAINERS: { command: string; why: string }[] = [
  { command: 'show ip nat statistics', why: 'NAT translations (bug CSCdu63623)' },
  { command: 'show alignment', why: 'alignment errors' },
  { command: 'show logging', why: 'console logging flushes' },
  { command: 'show ip cef summary', why: 'the switching path (CEF or fast switching)' },
  { command: 'show ip cache flow', why: 'the scanning hosts' },
];

/** A pasted `show processes cpu` with a low five-second load: an answer saying the CPU is high no longer stands. */
export function cpuShownLow(ctx: RuleContext): boolean {
  return sectionsOf(ctx.sections, 'show processes cpu').some((s) => s.data.fiveSec !== undefined && s.data.fiveSec < INTERRUPT_WARNING);
}

function finding(ctx: RuleContext): Finding[] {
  // One finding a router, from its worst snapshot (repeated `show processes cpu`: snapshots.ts).
  return byRouter(ctx, sectionsOf(ctx.sections, 'show processes cpu')).flatMap((group) => fromSnapshots(ctx, group));
}

function fromSnapshots(ctx: RuleContext, sections: readonly SectionOf<'show processes cpu'>[]): Finding[] {
  const pasted = pastedKinds(ctx.sections);
  const snaps = snapshots(sections, (s) => {
    const { interrupt, fiveSec } = s.data;
    return interrupt === undefined || fiveSec === undefined ? undefined : { value: s.data, level: interrupt, fires: interrupt >= INTERRUPT_WARNING };
  });
  if (!snaps) return [];
  const s = snaps.worst.section;
  const d = s.data;
  const last = snaps.last.value;
  const top = [...d.processes].filter((p) => p.fiveSec > 0).sort((a, b) => b.fiveSec - a.fiveSec).slice(0, TOP);
  const topText = top.map((p) => `${p.name} ${p.fiveSec}%`).join(', ');
  const missing = EXPLAINERS.filter((e) => {
    const k = kindOfCommand(e.command);
    return k === undefined || !pasted.has(k);
  });
  const note = snapshotNote(snaps, 'highest', `${last.fiveSec}%/${last.interrupt}%`);
  const lastSection = snaps.last.section;
  return [
    {
      id: 'high-cpu-interrupt',
      severity: snaps.worst.level >= INTERRUPT_CRITICAL ? 'critical' : 'warning',
      title: `CPU at ${d.fiveSec}% with ${d.interrupt}% at interrupt level${onRouter(ctx)}${note}${topText ? `; top processes: ${topText}` : ''}`,
      evidence: [
        ...(d.utilizationLine ? [ctx.evidence(s.source, d.utilizationLine)] : []),
        ...top.map((p) => ctx.evidence(s.source, p.line)),
        ...(lastSection !== s && last.utilizationLine ? [ctx.evidence(lastSection.source, last.utilizationLine)] : []),
      ],
      remedy: {
        summary:
          'Interrupt-level CPU is spent switching packets and servicing hardware, not in a process. In the tech note it comes from the worm\'s traffic ' +
          'on a slow switching path (fast switching instead of CEF), NAT translations past tens of thousands (CSCdu63623), alignment errors, or console logging flushes. ' +
          'The other findings in this report name the ones the pasted output shows.',
        commands: missing.map((m) => m.command),
        caveats: missing.length
          ? [`Not pasted yet, to tell the causes apart: ${missing.map((m) => `${m.command} (${m.why})`).join('; ')}.`]
          : ['Every output that tells the causes apart is pasted: see the other findings.'],
      },
    },
  ];
}

export const highCpuInterruptRule: RuleDef = {
  id: 'high-cpu-interrupt',
  checks: 'show processes cpu: a high interrupt share (the Y of "five seconds: X%/Y%") and the top processes.',
  confirmWith: CONFIRM_WITH,
  evaluate(ctx) {
    const found = finding(ctx);
    if (found.length || !unconfirmed(ctx, CONFIRM)) return found;
    if (answered(ctx, 'cpu', 'interrupt')) {
      return [
        answerFinding(ctx, {
          id: 'high-cpu-interrupt',
          severity: 'warning',
          title: 'CPU high at interrupt level',
          summary: 'High interrupt-level CPU points at the switching path, NAT (CSCdu63623), alignment errors or console logging flushes.',
          confirmWith: CONFIRM_WITH,
        }),
      ];
    }
    return [];
  },
};
