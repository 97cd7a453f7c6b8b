// Builds ready-to-paste config from parsed context: full interface names, free ACL numbers.

const INTERFACE_PREFIXES: [RegExp, string][] = [
  [/^(vl|vlan)(?=\d)/i, 'Vlan'],
  [/^(fa|fastethernet)(?=\d)/i, 'FastEthernet'],
  [/^(gi|gigabitethernet)(?=\d)/i, 'GigabitEthernet'],
  [/^(te|tengigabitethernet)(?=\d)/i, 'TenGigabitEthernet'],
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
