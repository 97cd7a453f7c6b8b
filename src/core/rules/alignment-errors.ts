// alignment-errors: `show alignment` reports alignment errors or spurious accesses (worse when two snapshots grow).
import { sectionsOf } from '../sections';
import type { Evidence, Finding } from '../types';
import { onRouter } from './parsed-facts';
import type { RuleContext, RuleDef } from './rule-types';

export interface AlignmentSnapshot {
  /** Alignment errors plus spurious accesses. */
  errors: number;
  alignment: number;
  spurious: number;
  evidence: Evidence[];
}

/** Every `show alignment` pasted, in paste order; "no alignment data" counts as zero. */
export function alignmentSnapshots(ctx: RuleContext): AlignmentSnapshot[] {
  return sectionsOf(ctx.sections, 'show alignment')
    .filter((s) => s.data.noData || s.data.alignmentErrors !== undefined || s.data.spuriousAccesses !== undefined)
    .map((s) => {
      const d = s.data;
      const ev: Evidence[] = [];
      if ((d.alignmentErrors ?? 0) > 0 && d.alignmentLine) ev.push(ctx.evidence(s.source, d.alignmentLine));
      if ((d.spuriousAccesses ?? 0) > 0 && d.spuriousLine) ev.push(ctx.evidence(s.source, d.spuriousLine));
      return { errors: (d.alignmentErrors ?? 0) + (d.spuriousAccesses ?? 0), spurious: d.spuriousAccesses ?? 0, evidence: ev, alignment: d.alignmentErrors ?? 0 };
    });
}

export const alignmentErrorsRule: RuleDef = {
  id: 'alignment-errors',
  checks: 'show alignment: alignment errors or spurious memory accesses, incrementing between two snapshots.',
  confirmWith: ['show alignment', 'show processes cpu'],
  evaluate(ctx): Finding[] {
    const snaps = alignmentSnapshots(ctx);
    const bad = snaps.filter((s) => s.errors > 0);
    if (!bad.length) return [];
    const first = snaps[0]!;
    const last = snaps[snaps.length - 1]!;
    // A counter that went down means a reload (or another router) in between: the snapshots do not compare.
    const comparable = last.alignment >= first.alignment && last.spurious >= first.spurious;
    const growing = snaps.length >= 2 && comparable && (last.alignment > first.alignment || last.spurious > first.spurious);
    const parts = [last.alignment && `${last.alignment} alignment errors`, last.spurious && `${last.spurious} spurious accesses`].filter(Boolean).join(' and ');
    const trend = snaps.length < 2 ? '' : growing ? ', incrementing between snapshots' : comparable ? ', not incrementing between snapshots' : '';
    return [
      {
        id: 'alignment-errors',
        severity: growing ? 'critical' : snaps.length >= 2 && comparable ? 'info' : 'warning',
        title: `${parts}${trend}${onRouter(ctx)}`,
        evidence: (growing ? [first, last] : [last]).flatMap((s) => s.evidence),
        remedy: {
          summary: growing
            ? 'Alignment errors or spurious accesses are incrementing: the high interrupt-level CPU may be these, not the NAT scalability bug (CSCdu63623). Collect the output below and open a case with Cisco TAC.'
            : snaps.length >= 2 && comparable
              ? 'The counters are not moving between snapshots: these are old events, unlikely to explain the CPU now.'
              : 'Run show alignment a couple of times: if the counters increment, the high interrupt-level CPU may be these errors rather than the NAT bug (CSCdu63623); then open a case with Cisco TAC.',
          commands: ['show alignment', 'show version'],
          caveats: [
            'These are exec commands to collect evidence: nothing here changes the configuration.',
            'Alignment errors come from the software image: the fix is an image, found with TAC from the traceback in show alignment.',
          ],
        },
      },
    ];
  },
};
