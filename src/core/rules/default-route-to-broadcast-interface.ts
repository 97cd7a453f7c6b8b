// default-route-to-broadcast-interface: static routes with an interface and no next hop on broadcast/multipoint media.
import type { StaticRoute } from '../parsers/show-running-config/parser';
import { withIntents, type RemedyIntent } from '../plan/intents';
import type { Finding } from '../types';
import { configs, findInterface, interfaceMedium, proposeNextHop } from './parsed-facts';
import { expandInterfaceName, routeToNextHop } from './remedies';
import type { RuleContext, RuleDef } from './rule-types';

const DEFAULT = '0.0.0.0';

export interface RouteToInterface {
  source: string;
  route: StaticRoute & { interface: string };
  medium: 'broadcast' | 'multipoint';
  isDefault: boolean;
}

/** Every static route that names a broadcast or multipoint interface and no next-hop address. Shared by ARP rules. */
export function routesToBroadcast(ctx: RuleContext): RouteToInterface[] {
  const out: RouteToInterface[] = [];
  for (const c of configs(ctx)) {
    for (const r of c.data.staticRoutes) {
      if (!r.interface || r.nextHop) continue;
      const medium = interfaceMedium(r.interface, c.data);
      if (!medium) continue;
      out.push({ source: c.source, route: r as StaticRoute & { interface: string }, medium, isDefault: r.prefix === DEFAULT && r.mask === DEFAULT });
    }
  }
  return out;
}

/** The replacement config for one such route, the next hop proposed from ARP or the interface subnet. */
export function routeRemedy(
  ctx: RuleContext,
  r: RouteToInterface,
): { commands: string[]; caveats: string[]; intents: RemedyIntent[]; nextHopEvidence?: Finding['evidence'][number] } {
  const cfg = configs(ctx).find((c) => c.source === r.source)?.data;
  const cfgIf = cfg ? findInterface(cfg, r.route.interface) : undefined;
  const hop = proposeNextHop(ctx, r.route.interface, cfgIf);
  const ifName = expandInterfaceName(r.route.interface);
  const caveats = [
    cfgIf?.addressMode === 'dhcp'
      ? `${ifName} takes its address by DHCP: the route goes to the DHCP gateway (ip route ... dhcp, IOS 12.3(8)T and later), never to a fixed address a new lease could leave behind.`
      : hop
      ? `${hop.reason} Check it before pasting.`
      : `Nothing pasted reveals the next hop on ${ifName}: replace the next-hop placeholder with the upstream router's address` +
        (cfgIf?.address && cfgIf.mask ? ` in ${cfgIf.address} ${cfgIf.mask}` : '') +
        ' (show ip arp or show cdp neighbors detail on that interface tell it).',
    'The two route lines go in configuration mode (configure terminal); clear arp-cache is an exec command: the change plan gives it its own step, after end.',
    'The new route goes in before the old one comes out, so the router keeps a route at every line even when you manage it through this route.',
    'clear arp-cache briefly raises CPU while the table is rebuilt; it frees the memory the per-destination entries held under ARP Input.',
  ];
  const { vrf, prefix, mask, distance } = r.route;
  const intents: RemedyIntent[] = [
    {
      kind: 'route',
      route: { ...(vrf ? { vrf } : {}), prefix, mask, interface: ifName, ...(distance !== undefined ? { distance } : {}) },
      ...(hop ? { nextHop: hop.address, nextHopWhy: hop.reason } : {}),
      ...(cfgIf?.addressMode === 'dhcp' ? { dhcp: true } : {}),
      why: `Point the ${r.isDefault ? 'default route' : `route to ${prefix} ${mask}`} at a next hop instead of ${ifName}.`,
    },
    { kind: 'exec', commands: ['clear arp-cache'], when: 'after', why: 'Free the ARP entries the worm\'s random destinations piled up (ARP Input memory); CPU rises briefly while the table is rebuilt.' },
    { kind: 'verify', commands: ['show processes memory sorted'] },
  ];
  return { commands: routeToNextHop(r.route, hop?.address), caveats, intents, ...(hop?.evidence ? { nextHopEvidence: hop.evidence } : {}) };
}

function finding(ctx: RuleContext, r: RouteToInterface): Finding {
  const ifName = expandInterfaceName(r.route.interface);
  const { commands, caveats, intents, nextHopEvidence } = routeRemedy(ctx, r);
  const what = r.isDefault ? 'Default route' : `Static route to ${r.route.prefix} ${r.route.mask}`;
  const medium = r.medium === 'broadcast' ? 'broadcast' : 'multipoint';
  return withIntents({
    id: 'default-route-to-broadcast-interface',
    severity: r.isDefault ? 'critical' : 'warning',
    title: `${what} points at ${medium} interface ${ifName} with no next hop`,
    evidence: [ctx.evidence(r.source, r.route.line), ...(nextHopEvidence ? [nextHopEvidence] : [])],
    remedy: {
      summary:
        `With no next hop the router ARPs for every destination${r.isDefault ? ' the default route carries' : ''} on ${ifName}; ` +
        'the worm\'s random targets each add an ARP entry (and a CEF adjacency), eating memory under ARP Input. ' +
        'Point the route at the next-hop address, then clear the ARP cache.',
      commands,
      caveats,
    },
  }, intents);
}

export const defaultRouteToBroadcastInterfaceRule: RuleDef = {
  id: 'default-route-to-broadcast-interface',
  checks: 'Running-config static routes (the default route above all) that name a broadcast or multipoint interface and no next-hop address.',
  confirmWith: ['show running-config | include ip route', 'show ip arp'],
  evaluate(ctx) {
    return routesToBroadcast(ctx).map((r) => finding(ctx, r));
  },
};
