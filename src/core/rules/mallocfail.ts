// mallocfail: %SYS-2-MALLOCFAIL in the log, or little free memory in `show memory summary`.
import { sectionsOf } from '../sections';
import type { Evidence, Finding } from '../types';
import { answered, answerFinding, answerText, unconfirmed } from './answer-finding';
import { onRouter } from './parsed-facts';
import type { RuleContext, RuleDef } from './rule-types';
import { byRouter, snapshotNote, snapshots } from './snapshots';
import { seeFinding } from './finding-names';

/** Free processor memory below this share of the pool is "low" (fragmentation makes it worse than it looks). */
export const LOW_FREE_SHARE = 0.05;
const EVIDENCE_LINES = 5;
const CONFIRM = ['show logging | include MALLOCFAIL', 'show memory summary', 'show processes memory'];

/** The biggest holders in show processes memory, to say where the memory went. */
function holders(ctx: RuleContext): string {
  const procs = sectionsOf(ctx.sections, 'show processes memory').flatMap((s) => s.data.processes);
  const top = [...procs].filter((p) => !/^\*/.test(p.name)).sort((a, b) => b.holding - a.holding).slice(0, 3);
  return top.map((p) => `${p.name.trim()} ${(p.holding / 1048576).toFixed(1)} MB`).join(', ');
}

function remedy(ctx: RuleContext): Finding['remedy'] {
  const top = holders(ctx);
  return {
    summary:
      'The router is running out of memory: under the worm that is the ARP table (static route to a broadcast interface), the fast-switching cache, NAT translations, or netflow. ' +
      `${top ? `Largest holders now: ${top}. ` : ''}Follow the memory findings in this report; with memory exhausted the router may reload.`,
    commands: [],
    caveats: [
      'Collect the evidence before it reloads: show memory summary, show processes memory, show logging.',
      `Do not enable netflow on a router this short of memory: use IP accounting on the egress interface instead (${seeFinding('netflow-unavailable')}).`,
    ],
  };
}

function fromEvidence(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const fails = sectionsOf(ctx.sections, 'show logging').flatMap((s) => s.data.mallocFails.map((m) => ({ s, m })));
  if (fails.length) {
    out.push({
      id: 'mallocfail',
      severity: 'critical',
      title: `${fails.length} %SYS-2-MALLOCFAIL message${fails.length === 1 ? '' : 's'} in the log${onRouter(ctx)}`,
      evidence: fails.slice(0, EVIDENCE_LINES).map(({ s, m }) => ctx.evidence(s.source, m.line)),
      remedy: remedy(ctx),
    });
    return out;
  }
  // One finding a router, from its snapshot with the least free (repeated `show memory summary`: snapshots.ts).
  for (const group of byRouter(ctx, sectionsOf(ctx.sections, 'show memory summary'))) {
    const snaps = snapshots(group, (s) => {
      const pool = s.data.pools.find((p) => /^processor$/i.test(p.name));
      if (!pool || pool.total <= 0) return undefined;
      const free = pool.free / pool.total;
      return { value: pool, level: -free, fires: free < LOW_FREE_SHARE };
    });
    if (!snaps) continue;
    const s = snaps.worst.section;
    const pool = snaps.worst.value;
    const last = snaps.last;
    const note = snapshotNote(snaps, 'lowest', `${(last.value.free / 1048576).toFixed(1)} MB free`);
    const ev: Evidence[] = [ctx.evidence(s.source, pool.line), ...(last.section !== s ? [ctx.evidence(last.section.source, last.value.line)] : [])];
    out.push({
      id: 'mallocfail',
      severity: 'warning',
      title: `Processor memory low: ${(pool.free / 1048576).toFixed(1)} MB free of ${(pool.total / 1048576).toFixed(1)} MB${pool.largest !== undefined ? `, largest block ${(pool.largest / 1048576).toFixed(1)} MB` : ''}${onRouter(ctx)}${note}`,
      evidence: ev,
      remedy: remedy(ctx),
    });
  }
  return out;
}

export const mallocfailRule: RuleDef = {
  id: 'mallocfail',
  checks: 'show logging: %SYS-2-MALLOCFAIL messages; show memory summary: little free processor memory.',
  confirmWith: CONFIRM,
  evaluate(ctx) {
    const found = fromEvidence(ctx);
    if (found.length || !unconfirmed(ctx, CONFIRM.slice(0, 2))) return found;
    const mem = answered(ctx, 'memory', 'mallocfail', 'low');
    if (!mem) return [];
    return [
      answerFinding(ctx, {
        id: 'mallocfail',
        severity: mem === 'mallocfail' ? 'warning' : 'info',
        title: mem === 'mallocfail' ? '%SYS-2-MALLOCFAIL reported' : 'Memory reported low',
        summary: `You answered ${answerText(ctx, 'memory')}: the worm's side effects (ARP entries, fast-switching cache, NAT translations) eat memory until allocations fail and the router may reload.`,
        confirmWith: CONFIRM,
      }),
    ];
  },
};
