// arp-table-explosion: `show ip arp` with many addresses behind one MAC on one interface (proxy ARP for random targets).
import type { ArpEntry } from '../parsers/show-ip-arp/parser';
import { sectionsOf } from '../sections';
import { withIntents } from '../plan/intents';
import type { Finding } from '../types';
import { routeRemedy, routesToBroadcast } from './default-route-to-broadcast-interface';
import { configs, findInterface, inSubnet, sameInterface, subnetOf, subnetText } from './parsed-facts';
import { expandInterfaceName } from './remedies';
import type { RuleContext, RuleDef } from './rule-types';
import { byRouter, snapshotNote, snapshots } from './snapshots';

/** Addresses behind one MAC on one interface: past this many, someone answers ARP for the whole Internet. */
export const ONE_MAC_WARNING = 256;
export const ONE_MAC_CRITICAL = 2000;
/** With the interface subnet known, this many foreign addresses behind one MAC already show the mechanism. */
export const OFF_SUBNET_WARNING = 5;
/** Incomplete entries: the router ARPs for destinations nobody answers for (no proxy ARP upstream). */
export const INCOMPLETE_WARNING = 256;
const EVIDENCE_LINES = 6;

interface Group {
  /** Which router's snapshots (byRouter's group) it is from. */
  router: number;
  source: string;
  iface: string;
  mac: string;
  entries: ArpEntry[];
  offSubnet: ArpEntry[];
  subnet?: string;
}

/**
 * Entries with an age, an interface and a MAC, by interface (its full name) and MAC (lower case): the groups in the
 * order their first entries come.
 */
export function groupByInterfaceAndMac(entries: readonly ArpEntry[]): { iface: string; mac: string; entries: ArpEntry[] }[] {
  // By name as printed first: a table of a million entries names a handful of interfaces, each expanded once (a key
  // string made and expanded for every entry was most of the rule's 0.6 s there).
  // Each interface's full name and its entries by MAC; by its full name, and by each name as printed.
  const byIf = new Map<string, { full: string; macs: Map<string, ArpEntry[]> }>();
  const expanded = new Map<string, { full: string; macs: Map<string, ArpEntry[]> }>();
  const order: { iface: string; mac: string; entries: ArpEntry[] }[] = [];
  // The entry before's interface and MAC, and its group: each entry's strings are its own (a key looked up in a
  // map is hashed and compared anew, 150-200 ns), while the worm's entries mostly follow one another on one MAC.
  let lastIf = '';
  let lastMac = '';
  let group: { full: string; macs: Map<string, ArpEntry[]> } | undefined;
  let l: ArpEntry[] | undefined;
  for (const e of entries) {
    if (e.ageMinutes === null || !e.interface || !/[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}/i.test(e.mac)) continue;
    const mac = e.mac.toLowerCase();
    if (group === undefined || e.interface !== lastIf) {
      lastIf = e.interface;
      group = expanded.get(lastIf);
      if (!group) {
        const full = expandInterfaceName(lastIf);
        group = byIf.get(full) ?? { full, macs: new Map<string, ArpEntry[]>() };
        byIf.set(full, group);
        expanded.set(lastIf, group);
      }
      l = undefined;
    }
    if (l === undefined || mac !== lastMac) {
      lastMac = mac;
      // Added to in place: a list copied at every entry made a 40,000-entry table (one MAC for all, the worm's
      // signature) take 11 s.
      l = group.macs.get(mac);
      if (!l) {
        group.macs.set(mac, (l = []));
        order.push({ iface: group.full, mac, entries: l });
      }
    }
    l.push(e);
  }
  return order;
}

function groups(ctx: RuleContext): Group[] {
  const cfgs = configs(ctx);
  const out: Group[] = [];
  // Each router's snapshots apart (byRouter): the evaluation keeps one finding a router, interface and MAC.
  const routers = byRouter(ctx, sectionsOf(ctx.sections, 'show ip arp'));
  for (let router = 0; router < routers.length; router++) {
    for (const s of routers[router]!) {
      for (const { iface, mac, entries } of groupByInterfaceAndMac(s.data.entries)) {
        const cfgIf = cfgs.map((c) => findInterface(c.data, iface)).find((x) => x);
        const subnet = subnetOf(cfgIf?.address, cfgIf?.mask);
        // An address the poster hid is neither inside nor outside the subnet.
        const offSubnet = subnet ? entries.filter((e) => e.address !== '' && !inSubnet(e.address, subnet)) : [];
        out.push({ router, source: s.source, iface, mac, entries, offSubnet, ...(subnet ? { subnet: subnetText(subnet) } : {}) });
      }
    }
  }
  return out;
}

function finding(ctx: RuleContext, g: Group, note: string): Finding {
  const routes = routesToBroadcast(ctx).filter((r) => sameInterface(r.route.interface, g.iface));
  const fix = routes[0] ? routeRemedy(ctx, routes[0]) : undefined;
  const n = g.entries.length;
  const foreign = g.offSubnet.length;
  const shown = (foreign ? g.offSubnet : g.entries).slice(0, EVIDENCE_LINES);
  const f: Finding = {
    id: 'arp-table-explosion',
    severity: n >= ONE_MAC_CRITICAL ? 'critical' : 'warning',
    title:
      `${n} ARP entries on ${g.iface} resolve to one MAC, ${g.mac}` +
      (g.subnet ? ` (${foreign} outside ${g.subnet})` : '') +
      note,
    evidence: [...shown.map((e) => ctx.evidence(g.source, e.line)), ...routes.slice(0, 1).map((r) => ctx.evidence(r.source, r.route.line))],
    remedy: {
      summary:
        `${g.mac} answers ARP for addresses that are not on ${g.iface}: the neighbour answers proxy ARP for every destination this ` +
        'router ARPs for, which it does when a static route points at the interface with no next hop. Each random target of the worm adds an entry. ' +
        (fix ? 'The config shows that route: point it at the next hop and clear the ARP cache.' : 'Point such routes at a next-hop address, then clear the ARP cache.'),
      commands: fix ? fix.commands : ['clear arp-cache'],
      caveats: [
        ...(fix ? fix.caveats : ['Paste show running-config | include ip route to name the route to fix; clearing the ARP cache alone only buys time.']),
        `On the upstream router that owns ${g.mac}, no ip proxy-arp on the facing interface stops the answers; only do it once this router routes to a next hop, or it loses the destinations it reaches by proxy ARP.`,
      ],
    },
  };
  return fix ? withIntents(f, fix.intents) : f;
}

/** Hundreds of incomplete entries: the same mechanism when the neighbour does not answer proxy ARP. */
function incompleteFindings(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  // One finding a router, from the snapshot with the most (repeated `show ip arp`: snapshots.ts).
  for (const sections of byRouter(ctx, sectionsOf(ctx.sections, 'show ip arp'))) {
    const snaps = snapshots(sections, (s) => {
      const inc = s.data.entries.filter((e) => e.incomplete || (!e.mac && e.ageMinutes !== null));
      return { value: inc, level: inc.length, fires: inc.length >= INCOMPLETE_WARNING };
    });
    if (!snaps) continue;
    const s = snaps.worst.section;
    const inc = snaps.worst.value;
    const note = snapshotNote(snaps, 'largest', `${snaps.last.value.length} incomplete`);
    const iface = inc.find((e) => e.interface)?.interface;
    const routes = routesToBroadcast(ctx).filter((r) => !iface || sameInterface(r.route.interface, iface));
    const fix = routes[0] ? routeRemedy(ctx, routes[0]) : undefined;
    const f: Finding = {
      id: 'arp-table-explosion',
      severity: inc.length >= ONE_MAC_CRITICAL ? 'critical' : 'warning',
      title: `${inc.length} incomplete ARP entries${iface ? ` on ${expandInterfaceName(iface)}` : ''}: the router ARPs for destinations nobody answers${note}`,
      evidence: [...inc.slice(0, EVIDENCE_LINES).map((e) => ctx.evidence(s.source, e.line)), ...routes.slice(0, 1).map((r) => ctx.evidence(r.source, r.route.line))],
      remedy: {
        summary:
          'A static route points at a broadcast interface with no next hop, so the router ARPs for every destination the worm probes; with proxy ARP off upstream ' +
          'each attempt leaves an incomplete entry. Point the route at the next hop and clear the ARP cache.',
        commands: fix ? fix.commands : ['clear arp-cache'],
        caveats: fix ? fix.caveats : ['Paste show running-config | include ip route to name the route to fix; clearing the ARP cache alone only buys time.'],
      },
    };
    out.push(fix ? withIntents(f, fix.intents) : f);
  }
  return out;
}

export const arpTableExplosionRule: RuleDef = {
  id: 'arp-table-explosion',
  checks: 'show ip arp: many addresses (outside the interface subnet) resolving to one MAC on one interface.',
  confirmWith: ['show ip arp', 'show running-config | include ip route'],
  evaluate(ctx) {
    // One finding a router, interface and MAC, from the snapshot with the most entries (repeated `show ip arp`).
    const byKey = new Map<string, Group[]>();
    for (const g of groups(ctx)) {
      const k = `${g.router}\u0000${g.iface}\u0000${g.mac}`;
      let l = byKey.get(k);
      if (!l) byKey.set(k, (l = []));
      l.push(g);
    }
    const out: Finding[] = [];
    for (const list of byKey.values()) {
      const snaps = snapshots(list, (g) => ({ value: g, level: g.entries.length, fires: g.entries.length >= ONE_MAC_WARNING || g.offSubnet.length >= OFF_SUBNET_WARNING }));
      if (snaps) out.push(finding(ctx, snaps.worst.value, snapshotNote(snaps, 'largest', `${snaps.last.value.entries.length} entries`)));
    }
    return out.concat(incompleteFindings(ctx));
  },
};
