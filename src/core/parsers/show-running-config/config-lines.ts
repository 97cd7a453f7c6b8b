// Readers for single config lines: static routes, ACL entries, NAT rules, ACL references, interface names.
import { isIPv4, maskOfLength } from '../../text/lines';

export interface StaticRoute {
  prefix: string;
  mask: string;
  interface?: string;
  nextHop?: string;
  line: number;
  /** Administrative distance when given (a floating static route: `ip route 0.0.0.0 0.0.0.0 Dialer1 250`). */
  distance?: number;
  name?: string;
  permanent?: boolean;
  /** `track N` (the route follows an IP SLA object) and `tag N` (redistribution route-maps match it): kept when rewritten. */
  track?: string;
  tag?: string;
  vrf?: string;
}

/** Words that may follow the prefix and mask of `ip route` and are not an interface name. */
const ROUTE_KEYWORDS = new Set(['name', 'tag', 'track', 'permanent', 'global', 'dhcp', 'multicast', 'unicast']);

/**
 * `ip route [vrf V] PREFIX MASK [INTERFACE] [NEXT-HOP] [DISTANCE] [name N] [tag T] [track K] [permanent]`
 * (words after `ip route`). Null when prefix and mask are not addresses.
 */
export function readStaticRoute(words: readonly string[], line: number, inVrf?: string): StaticRoute | null {
  let k = 0;
  let vrf: string | undefined = inVrf;
  if (words[0]?.toLowerCase() === 'vrf' && words.length > 1) {
    vrf = words[1];
    k = 2;
  }
  // NX-OS writes the prefix with its length (`ip route 0.0.0.0/0 Vlan10`, `ip route 10.0.0.0/8 10.1.1.1`).
  const slashed = prefixWithLength(words[k] ?? '');
  const prefix = slashed ? slashed.address : words[k];
  const mask = slashed ? slashed.mask : words[k + 1];
  if (!prefix || !mask || !isIPv4(prefix) || !isIPv4(mask)) return null;
  const r: StaticRoute = { prefix, mask, line, ...(vrf ? { vrf } : {}) };
  for (let i = k + (slashed ? 1 : 2); i < words.length; i++) {
    const w = words[i]!;
    const lw = w.toLowerCase();
    if (lw === 'name' || lw === 'tag' || lw === 'track') {
      if (lw === 'name' && words[i + 1]) r.name = words[i + 1];
      if (lw === 'track' && words[i + 1]) r.track = words[i + 1];
      if (lw === 'tag' && words[i + 1]) r.tag = words[i + 1];
      i++;
    } else if (lw === 'permanent') r.permanent = true;
    else if (isIPv4(w)) r.nextHop ??= w;
    else if (/^\d+$/.test(w)) r.distance ??= Number(w);
    else if (/^[A-Za-z][\w\-./:]*\d/.test(w) && !ROUTE_KEYWORDS.has(lw) && !r.interface && !r.nextHop) r.interface = w;
  }
  return r;
}

/** `10.1.1.0/24` as address and dotted mask (NX-OS's form for addresses and routes); null when it is not one. */
export function prefixWithLength(word: string): { address: string; mask: string; bits: number } | null {
  const slash = word.indexOf('/');
  if (slash < 0) return null;
  const address = word.slice(0, slash);
  const len = word.slice(slash + 1);
  if (!isIPv4(address) || !/^\d{1,2}$/.test(len) || Number(len) > 32) return null;
  const bits = Number(len);
  return { address, mask: maskOfLength(bits), bits };
}

export interface AclEntry {
  /** ACL number or name. */
  acl: string;
  /** The entry as written, without `access-list N` (numbered) and without the sequence number (named). */
  text: string;
  log?: 'log' | 'log-input';
  line: number;
  /** permit, deny, remark, dynamic, evaluate. */
  action?: string;
  /** Sequence number in a named ACL (`10 permit ...`). */
  sequence?: number;
}

/** An ACL entry from its words (after `access-list N`, or an indented line of `ip access-list`). */
export function readAclEntry(acl: string, words: readonly string[], line: number): AclEntry {
  let k = 0;
  let sequence: number | undefined;
  if (/^\d+$/.test(words[0] ?? '') && words.length > 1) {
    sequence = Number(words[0]);
    k = 1;
  }
  const action = words[k]?.toLowerCase();
  const entry: AclEntry = { acl, text: words.slice(k).join(' '), line, ...(action ? { action } : {}), ...(sequence !== undefined ? { sequence } : {}) };
  // A remark is free text: "remark log all IPSEC" must not count as an entry that logs.
  if (action !== 'remark') {
    for (let i = k + 1; i < words.length; i++) {
      const w = words[i]!.toLowerCase();
      // ASA's `log disable` turns the entry's logging off.
      if ((w === 'log' || w === 'log-input') && words[i + 1]?.toLowerCase() !== 'disable') entry.log = w;
    }
  }
  return entry;
}

/**
 * An entry of an IOS IPv6 list: `[sequence N] permit|deny|remark ... [sequence N]` (IOS prints the number before the
 * entry in a running-config, after it in show ipv6 access-list). Null for a line that configures the list instead.
 */
export function readAcl6Entry(acl: string, words: readonly string[], line: number): AclEntry | null {
  let w = [...words];
  let sequence: number | undefined;
  if (w[0]?.toLowerCase() === 'sequence' && /^\d+$/.test(w[1] ?? '')) [sequence, w] = [Number(w[1]), w.slice(2)];
  else if (w.length > 2 && w[w.length - 2]!.toLowerCase() === 'sequence' && /^\d+$/.test(w[w.length - 1]!)) [sequence, w] = [Number(w[w.length - 1]), w.slice(0, -2)];
  const action = w[0]?.toLowerCase();
  if (action !== 'permit' && action !== 'deny' && action !== 'remark' && action !== 'evaluate') return null;
  return { acl, text: w.join(' '), line, action, ...(sequence !== undefined ? { sequence } : {}) };
}

export interface NatRule {
  /** The whole line, e.g. "ip nat inside source list 1 interface Dialer1 overload". */
  text: string;
  overload: boolean;
  line: number;
  direction?: 'inside' | 'outside';
  /** list (dynamic, by ACL), route-map, or static. */
  type?: 'list' | 'route-map' | 'static';
  acl?: string;
  pool?: string;
  interface?: string;
}

/** `ip nat inside|outside source|destination ...` (all words, `ip` included). */
export function readNatRule(words: readonly string[], line: number): NatRule {
  const lw = words.map((w) => w.toLowerCase());
  const rule: NatRule = { text: words.join(' '), overload: lw.includes('overload'), line };
  if (lw[2] === 'inside' || lw[2] === 'outside') rule.direction = lw[2];
  for (let i = 4; i < words.length; i++) {
    const next = words[i + 1];
    if (lw[i] === 'static') rule.type = 'static';
    else if (lw[i] === 'list' && next) [rule.type, rule.acl] = ['list', next];
    else if (lw[i] === 'route-map' && next) rule.type ??= 'route-map';
    else if (lw[i] === 'pool' && next) rule.pool = next;
    else if (lw[i] === 'interface' && next) rule.interface = next;
  }
  return rule;
}

/** Keywords after which a config line names an ACL (`ip access-group 101 in`, `access-class 23 in`, ...). */
const ACL_REF_AFTER = new Set(['access-group', 'traffic-filter', 'access-class', 'list', 'redirect-list', 'group-list', 'java-list', 'distribute-list']);

/**
 * ACL numbers and names a line refers to, so a remedy can choose a number nobody uses. Covers interfaces, lines,
 * NAT, WCCP, CBAC, route-maps and class-maps (`match ip address 10 20`, `match access-group name X`), NTP, HTTP,
 * SNMP communities (the number after RO/RW).
 */
export function aclReferences(words: readonly string[]): string[] {
  const lw = words.map((w) => w.toLowerCase());
  const out: string[] = [];
  const isRef = (w: string | undefined): w is string => w !== undefined && /^[\w.-]+$/.test(w) && !['in', 'out', 'name', 'prefix', 'gateway', 'route-map'].includes(w.toLowerCase());
  // `list` names an ACL only in NAT and dialer lists (`ip domain list example.com` is a domain).
  const listIsAcl = lw[1] === 'nat' || lw[0] === 'dialer-list';
  for (let i = 0; i < words.length - 1; i++) {
    if (!ACL_REF_AFTER.has(lw[i]!) || (lw[i] === 'list' && !listIsAcl)) continue;
    // IOS-XE's `ip access-group common C [I] in`: both lists.
    if (lw[i] === 'access-group' && lw[i + 1] === 'common') {
      out.push(...words.slice(i + 2, i + 4).filter((w, k) => isRef(w) && !(k === 1 && /^(in|out)$/i.test(w))));
      continue;
    }
    const v = lw[i + 1] === 'name' || lw[i + 1] === 'peer' || lw[i + 1] === 'serve' || lw[i + 1] === 'serve-only' || lw[i + 1] === 'query-only' ? words[i + 2] : words[i + 1];
    if (isRef(v)) out.push(v);
  }
  if (lw[0] === 'match' && lw[1] === 'ip' && lw[2] === 'address' && lw[3] !== 'prefix-list') out.push(...words.slice(3).filter(isRef));
  // An IPv6 list matched by a route-map or class-map (`match ipv6 address NAME`).
  if (lw[0] === 'match' && lw[1] === 'ipv6' && lw[2] === 'address' && lw[3] !== 'prefix-list' && isRef(words[3])) out.push(words[3]);
  // A crypto map's `match address 101` (the traffic to encrypt), uRPF's exception list, directed-broadcast's list.
  if (lw[0] === 'match' && lw[1] === 'address' && isRef(words[2])) out.push(words[2]);
  const last = words[words.length - 1];
  const verifyWords = new Set(['unicast', 'reverse-path', 'source', 'reachable-via', 'rx', 'any', 'allow-default', 'allow-self-ping', 'l2-src']);
  if (lw[0] === 'ip' && lw[1] === 'verify' && words.length > 3 && last && !verifyWords.has(last.toLowerCase()) && isRef(last)) out.push(last);
  if (lw[0] === 'ip' && lw[1] === 'directed-broadcast' && isRef(words[2])) out.push(words[2]);
  if (lw[0] === 'snmp-server' && lw[1] === 'community') {
    const mode = lw.findIndex((w) => w === 'ro' || w === 'rw');
    if (mode > 0 && isRef(words[mode + 1])) out.push(words[mode + 1]!);
  }
  return out;
}

/** `interface FastEthernet 0/0` and `interface FastEthernet0/0` name the same thing: join a split number. */
export function interfaceName(words: readonly string[]): { name: string; rest: string[] } | null {
  const [a, b] = words;
  if (!a) return null;
  if (/^[A-Za-z-]+$/.test(a) && b && /^\d[\d/.:]*$/.test(b)) return { name: a + b, rest: words.slice(2) };
  return { name: a, rest: words.slice(1) };
}

/** The media type part of a name: "FastEthernet0/0.1" -> "FastEthernet", "Dot11Radio0" -> "Dot11Radio". */
export function interfaceType(name: string): string {
  return name.replace(/(?<![\d/.:])[\d/.:]+$/, '') || name;
}
