// hybridge-input-cpu: the HyBridge Input process high in `show processes cpu` on a router running IRB.
import { sectionsOf } from '../sections';
import type { Evidence, Finding } from '../types';
import { answered, answerFinding, unconfirmed } from './answer-finding';
import { configs, onRouter } from './parsed-facts';
import type { RuleContext, RuleDef } from './rule-types';
import { byRouter, snapshotNote, snapshots } from './snapshots';
import { seeFinding } from './finding-names';

/** HyBridge Input's five-second or one-minute share past which it is the router's problem. */
export const HYBRIDGE_WARNING = 10;
export const HYBRIDGE_CRITICAL = 40;
const CONFIRM = ['show processes cpu', 'show running-config | include bridge'];

function fromEvidence(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const cfgs = configs(ctx);
  const irb = cfgs.filter((c) => c.data.bridgeIrb);
  // A whole config without `bridge irb` means the process runs for plain bridging: not this finding.
  if (cfgs.some((c) => !c.data.filter) && !irb.length) return [];
  // One finding a router, from its busiest snapshot (repeated `show processes cpu`: snapshots.ts).
  for (const group of byRouter(ctx, sectionsOf(ctx.sections, 'show processes cpu'))) {
    const snaps = snapshots(group, (s) => {
      const p = s.data.processes.find((x) => /^HyBridge Input/i.test(x.name.trim()));
      if (!p) return undefined;
      const level = Math.max(p.fiveSec, p.oneMin);
      return { value: p, level, fires: level >= HYBRIDGE_WARNING };
    });
    if (!snaps) continue;
    const s = snaps.worst.section;
    const p = snaps.worst.value;
    const share = snaps.worst.level;
    const last = snaps.last;
    const note = snapshotNote(snaps, 'highest', `${last.value.fiveSec}% (5 s)`);
    const ev: Evidence[] = [ctx.evidence(s.source, p.line), ...(last.section !== s ? [ctx.evidence(last.section.source, last.value.line)] : [])];
    const members = new Map<number, string[]>();
    for (const c of irb) {
      ev.push(ctx.evidence(c.source, c.data.bridgeIrb!.line));
      for (const i of c.data.interfaces) {
        if (i.bridgeGroup === undefined) continue;
        let names = members.get(i.bridgeGroup);
        if (!names) members.set(i.bridgeGroup, (names = []));
        names.push(i.name);
      }
    }
    const groups = [...members].map(([g, ifs]) => `bridge group ${g}: ${ifs.length} interface${ifs.length === 1 ? '' : 's'} (${ifs.slice(0, 4).join(', ')}${ifs.length > 4 ? ', ...' : ''})`);
    out.push({
      id: 'hybridge-input-cpu',
      severity: share >= HYBRIDGE_CRITICAL && irb.length ? 'critical' : 'warning',
      title: `HyBridge Input at ${p.fiveSec}% (5 s) / ${p.oneMin}% (1 min)${irb.length ? ' with bridge irb' : ''}${onRouter(ctx)}${note}`,
      evidence: ev,
      remedy: {
        summary:
          'HyBridge Input handles every packet IRB could not fast-switch. A host scanning random addresses sends a stream of packets to unknown ' +
          'destinations through the bridge group, each punted to this process. Find and block the scanning host (' + seeFinding('scanning-host') + ': the port-80 ACL ' +
          'inbound on the interface facing it, and patching it against MS01-033).',
        commands: [],
        caveats: [
          ...(groups.length ? [`Configured: ${groups.join('; ')}.`] : []),
          'Thousands of point-to-point interfaces in one bridge group hurt HyBridge Input most; thousands of VCs on one multipoint interface hurt too, to a lesser extent.',
          ...(irb.length ? [] : ['Paste show running-config to confirm bridge irb: without IRB the process is plain transparent bridging.']),
        ],
      },
    });
  }
  return out;
}

export const hybridgeInputCpuRule: RuleDef = {
  id: 'hybridge-input-cpu',
  checks: 'show processes cpu: HyBridge Input high, on a router with bridge irb configured.',
  confirmWith: CONFIRM,
  evaluate(ctx) {
    const found = fromEvidence(ctx);
    if (found.length || !unconfirmed(ctx, CONFIRM.slice(0, 1))) return found;
    if (answered(ctx, 'cpu-process', 'hybridge-input')) {
      const irb = answered(ctx, 'irb', 'yes');
      return [
        answerFinding(ctx, {
          id: 'hybridge-input-cpu',
          severity: irb ? 'warning' : 'info',
          title: `HyBridge Input tops the CPU${irb ? ' with IRB' : ''}`,
          summary: 'HyBridge Input handles the packets IRB cannot fast-switch; a host scanning random addresses floods it.',
          confirmWith: CONFIRM,
        }),
      ];
    }
    return [];
  },
};
