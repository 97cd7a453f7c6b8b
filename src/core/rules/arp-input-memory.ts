// arp-input-memory: `show processes memory` shows the ARP Input process holding an outsized share of memory.
import { sectionsOf } from '../sections';
import { withIntents } from '../plan/intents';
import type { Finding } from '../types';
import { answered, answerFinding, unconfirmed } from './answer-finding';
import { routeRemedy, routesToBroadcast } from './default-route-to-broadcast-interface';
import { onRouter } from './parsed-facts';
import type { RuleContext, RuleDef } from './rule-types';
import { byRouter, snapshotNote, snapshots } from './snapshots';

/** ARP Input normally holds tens of kilobytes; past these it holds the per-destination entries of a scan. */
export const ARP_SHARE_WARNING = 0.1;
export const ARP_SHARE_CRITICAL = 0.25;
export const ARP_BYTES_WARNING = 4 * 1024 * 1024;

const ARP_INPUT = /^ARP Input$/i;
const CONFIRM = ['show processes memory | include ARP Input', 'show running-config | include ip route', 'show ip arp'];

function mb(n: number): string {
  return `${(n / 1048576).toFixed(1)} MB`;
}

function fromEvidence(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  // One finding a router, from the snapshot where ARP Input holds the most (repeated `show processes memory`).
  for (const group of byRouter(ctx, sectionsOf(ctx.sections, 'show processes memory'))) {
    const snaps = snapshots(group, (s) => {
      const arp = s.data.processes.find((p) => ARP_INPUT.test(p.name.trim()));
      if (!arp) return undefined;
      // Share of what processes hold; with a filtered paste (| include ARP) fall back to the pool's used memory.
      const held = s.data.holdingTotal?.bytes ?? s.data.processes.reduce((n, p) => n + p.holding, 0);
      const used = s.data.pools.find((p) => /processor/i.test(p.name))?.used;
      const base = s.data.processes.length > 1 || s.data.holdingTotal ? held : used;
      const share = base ? arp.holding / base : undefined;
      const big = (share !== undefined && share >= ARP_SHARE_WARNING) || arp.holding >= ARP_BYTES_WARNING;
      return { value: { arp, held, base, share }, level: arp.holding, fires: big };
    });
    if (!snaps) continue;
    const s = snaps.worst.section;
    const { arp, held, base, share } = snaps.worst.value;
    const last = snaps.last;
    const note = snapshotNote(snaps, 'highest', mb(last.value.arp.holding));
    const pct = share !== undefined ? `${Math.round(share * 100)}% of ${base === held ? 'the memory processes hold' : 'used processor memory'}` : '';
    const routes = routesToBroadcast(ctx);
    const fix = routes[0] ? routeRemedy(ctx, routes[0]) : undefined;
    const f: Finding = {
      id: 'arp-input-memory',
      severity: share !== undefined && share >= ARP_SHARE_CRITICAL ? 'critical' : 'warning',
      title: `ARP Input holds ${mb(arp.holding)}${pct ? ` (${pct})` : ''}${onRouter(ctx)}${note}`,
      evidence: [
        ctx.evidence(s.source, arp.line),
        ...(last.section !== s ? [ctx.evidence(last.section.source, last.value.arp.line)] : []),
        ...(routes[0] ? [ctx.evidence(routes[0].source, routes[0].route.line)] : []),
      ],
      remedy: {
        summary:
          'The ARP table is filling with one entry per random destination the worm probes: a static route points at a broadcast ' +
          'interface without a next hop, so the router ARPs for every destination. ' +
          (fix ? 'The config shows that route: point it at the next hop and clear the ARP cache.' : 'Clear the ARP cache, and find the route that points at an interface.'),
        commands: fix ? fix.commands : ['clear arp-cache'],
        caveats: fix
          ? fix.caveats
          : [
              'Without the running-config the route cannot be named: paste show running-config | include ip route; a route like ip route 0.0.0.0 0.0.0.0 Vlan3 is the cause, and clearing the ARP cache alone only buys time.',
              'clear arp-cache briefly raises CPU while the table is rebuilt.',
            ],
      },
    };
    out.push(fix ? withIntents(f, fix.intents) : f);
  }
  return out;
}

export const arpInputMemoryRule: RuleDef = {
  id: 'arp-input-memory',
  checks: 'show processes memory: the ARP Input process holding an outsized share of memory.',
  confirmWith: CONFIRM,
  evaluate(ctx) {
    const found = fromEvidence(ctx);
    if (found.length || !unconfirmed(ctx, CONFIRM.slice(0, 1))) return found;
    if (answered(ctx, 'cpu-process', 'arp-input') && answered(ctx, 'memory', 'low', 'mallocfail')) {
      return [
        answerFinding(ctx, {
          id: 'arp-input-memory',
          severity: 'info',
          title: 'ARP Input may be holding the memory',
          summary: 'ARP Input busy while memory runs short is the tech note\'s sign of a static route pointing at a broadcast interface: one ARP entry per random destination.',
          confirmWith: CONFIRM,
        }),
      ];
    }
    return [];
  },
};
