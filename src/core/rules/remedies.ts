// Builds ready-to-paste config from parsed context: full interface names, free ACL numbers.

const INTERFACE_PREFIXES: [RegExp, string][] = [
  [/^(vl|vlan)(?=\d)/i, 'Vlan'],
  [/^(fa|fastethernet)(?=\d)/i, 'FastEthernet'],
  [/^(gi|gigabitethernet)(?=\d)/i, 'GigabitEthernet'],
  [/^(te|tengigabitethernet)(?=\d)/i, 'TenGigabitEthernet'],
  // Multigigabit and faster ports (Catalyst 9000, ASR, Nexus in IOS-style tables): `Tw1/0/5` is TwoGigabitEthernet1/0/5.
  [/^(tw|twogigabitethernet)(?=\d)/i, 'TwoGigabitEthernet'],
  [/^(twe|twentyfivegige)(?=\d)/i, 'TwentyFiveGigE'],
  [/^(fi|fivegigabitethernet)(?=\d)/i, 'FiveGigabitEthernet'],
  [/^(fo|fortygigabitethernet)(?=\d)/i, 'FortyGigabitEthernet'],
  [/^(hu|hundredgige)(?=\d)/i, 'HundredGigE'],
  [/^(ap|appgigabitethernet)(?=\d)/i, 'AppGigabitEthernet'],
  [/^(et|eth|ethernet)(?=\d)/i, 'Ethernet'],
  [/^(se|serial)(?=\d)/i, 'Serial'],
  [/^(po|port-channel)(?=\d)/i, 'Port-channel'],
  [/^(bv|bvi)(?=\d)/i, 'BVI'],
  [/^(at|atm)(?=\d)/i, 'ATM'],
  [/^(tu|tunnel)(?=\d)/i, 'Tunnel'],
  [/^(di|dialer)(?=\d)/i, 'Dialer'],
  [/^(lo|loopback)(?=\d)/i, 'Loopback'],
  [/^(hs|hssi)(?=\d)/i, 'Hssi'],
  [/^(pos)(?=\d)/i, 'POS'],
  [/^(nu|null)(?=\d)/i, 'Null'],
  // Flow tables name PPP sessions and bundles short too: Vi3 is a session cloned from a template, Mu1 a bundle.
  [/^(vi|virtual-access)(?=\d)/i, 'Virtual-Access'],
  [/^(vt|virtual-template)(?=\d)/i, 'Virtual-Template'],
  [/^(mu|multilink)(?=\d)/i, 'Multilink'],
];

/** `Vl1` -> `Vlan1`, `Fa0/0` -> `FastEthernet0/0`; unknown forms are returned unchanged. */
export function expandInterfaceName(name: string): string {
  for (const [re, full] of INTERFACE_PREFIXES) {
    if (re.test(name)) return name.replace(re, full);
  }
  return name;
}

/** A placeholder the engineer must replace; marked so it cannot be pasted by accident unnoticed. */
export function placeholder(what: string): string {
  return `<${what}>`;
}

/** First extended ACL number not already used in the config (150-199, then 2000-2699). */
export function freeExtendedAcl(used: readonly string[]): string {
  const taken = new Set(used);
  for (let n = 150; n <= 199; n++) if (!taken.has(String(n))) return String(n);
  for (let n = 100; n < 150; n++) if (!taken.has(String(n))) return String(n);
  for (let n = 2000; n <= 2699; n++) if (!taken.has(String(n))) return String(n);
  return placeholder('free extended ACL number');
}

export const NEXT_HOP_PLACEHOLDER = placeholder('next-hop address');

/** A static route through an interface, rewritten to a next hop, then the ARP entries it piled up cleared. */
export function routeToNextHop(
  route: { prefix: string; mask: string; interface: string; distance?: number; vrf?: string },
  nextHop: string | undefined,
): string[] {
  // A floating static (with a distance) stays floating once it points at the next hop; a VRF route stays in its VRF.
  const distance = route.distance !== undefined ? ` ${route.distance}` : '';
  const vrf = route.vrf ? `vrf ${route.vrf} ` : '';
  // The new route before the old one comes out: a paste cut short never leaves the router without the route.
  return [
    `ip route ${vrf}${route.prefix} ${route.mask} ${nextHop ?? NEXT_HOP_PLACEHOLDER}${distance}`,
    `no ip route ${vrf}${route.prefix} ${route.mask} ${expandInterfaceName(route.interface)}${distance}`,
    'clear arp-cache',
  ];
}

/** `ip cef distributed` on 7500/GSR-class routers (show version tells), `ip cef` elsewhere. */
export function cefCommand(distributed: boolean): string {
  return distributed ? 'ip cef distributed' : 'ip cef';
}

/** The tech note's example ager setting: every 60 s, 1/5 of the cache when memory is low, 1/25 otherwise. */
export const CACHE_AGER_COMMAND = 'ip cache-ager-interval 60 5 25';

/**
 * A free ACL id of the same kind as `id`: standard numbers (1-99, 1300-1999) stay standard, extended numbers
 * (100-199, 2000-2699) stay extended, a name gets a suffix. None of `used` is returned.
 */
export function freeAclLike(id: string, used: readonly string[], suffix = 'NOLOG'): string {
  const taken = new Set(used);
  if (!/^\d+$/.test(id)) {
    for (let n = 1; n < 100; n++) {
      const name = n === 1 ? `${id}-${suffix}` : `${id}-${suffix}-${n}`;
      if (!taken.has(name)) return name;
    }
    return placeholder('new ACL name');
  }
  const n = +id;
  const ranges: [number, number][] = (n >= 1 && n <= 99) || (n >= 1300 && n <= 1999) ? [[1, 99], [1300, 1999]] : [[100, 199], [2000, 2699]];
  for (const [lo, hi] of ranges) for (let k = lo; k <= hi; k++) if (k !== n && !taken.has(String(k))) return String(k);
  return placeholder('free ACL number');
}
