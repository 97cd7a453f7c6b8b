// Where infected hosts enter the router and what already filters or serves port 80 there: the interface facing them
// (from the flows, the config's subnets, the ARP table; never a guess between VRFs, a bridged port or a dot1Q
// parent), the lists bound there, and what the broad deny would stop (a published web server, web logins, a PPP
// template's other sessions).
import type { HostAnalysis } from '../analysis/fan-out';
import { sectionsOf } from '../sections';
import { configs, inSubnet, sameInterface, subnetOf } from './parsed-facts';
import { expandInterfaceName } from './remedies';
import type { RuleContext } from './rule-types';

/**
 * Accounting and MLS rows carry no input interface: the interface facing the hosts is then the configured
 * interface one of whose subnets (secondaries too) holds them all, else the one `show ip arp` learned them on.
 */
export function facingInterface(ctx: RuleContext, hosts: readonly HostAnalysis[]): string {
  // Interfaces whose subnet holds every host: more than one (the same subnet in two VRFs) tells nothing by itself.
  const holding = new Set<string>();
  for (const c of configs(ctx)) for (const x of c.data.interfaces) if (hosts.every((h) => holdsHost(x, h.ip))) holding.add(x.name);
  const arp = sectionsOf(ctx.sections, 'show ip arp').flatMap((s) => s.data.entries);
  const ifs = new Set(hosts.map((h) => arp.find((e) => e.address === h.ip && e.interface)?.interface ?? ''));
  const byArp = ifs.size === 1 ? [...ifs][0]! : '';
  if (holding.size === 1) return [...holding][0]!;
  return holding.size > 1 && byArp && ![...holding].some((n) => sameInterface(n, byArp)) ? '' : byArp;
}

type CfgInterface = ReturnType<typeof configs>[number]['data']['interfaces'][number];
/** The interface's primary or a secondary subnet holds `ip`. */
function holdsHost(x: CfgInterface, ip: string): boolean {
  return [{ address: x.address, mask: x.mask }, ...(x.secondary ?? [])].some((a) => {
    const s = subnetOf(a.address, a.mask);
    return s !== undefined && s.bits > 0 && inSubnet(ip, s);
  });
}

/**
 * The facing interface carries a crypto map and some of the hosts are not on its subnets (they come through the
 * tunnel): from IOS 12.3(8)T (Crypto Access Check on Clear-Text Packets) decrypted packets are no longer checked
 * against the interface's inbound ACL, so a deny there does not stop them. The words, or undefined.
 */
export function cryptoMapWords(ctx: RuleContext, facing: string, ips: readonly string[]): string | undefined {
  if (!facing) return undefined;
  for (const c of configs(ctx)) {
    const x = c.data.interfaces.find((i) => sameInterface(i.name, facing));
    if (!x?.cryptoMap) continue;
    const remote = ips.filter((ip) => !ip.includes(':') && !holdsHost(x, ip));
    if (remote.length === 0) return undefined;
    return (
      `${expandInterfaceName(facing)} carries crypto map ${x.cryptoMap} and ${remote.length === 1 ? `${remote[0]} is` : `${remote.slice(0, 3).join(', ')}${remote.length > 3 ? ' and others are' : ' are'}`} not on its subnets, so ${remote.length === 1 ? 'it comes' : 'they come'} through the tunnel: ` +
      'from IOS 12.3(8)T packets decrypted there are no longer checked against the inbound ACL, and the deny does not stop them. ' +
      `Block ${remote.length === 1 ? 'the host' : 'the hosts'} at the remote site, or filter the decrypted traffic with set ip access-group under the crypto map entry (a list ending in permit ip any any).`
    );
  }
  return undefined;
}

/** Interfaces (with their VRFs) whose subnets hold `ip`, when more than one does: the host's interface is a guess there. */
export function ambiguousFacing(ctx: RuleContext, ip: string): { name: string; vrf?: string }[] {
  const out: { name: string; vrf?: string }[] = [];
  for (const c of configs(ctx)) for (const x of c.data.interfaces) if (holdsHost(x, ip)) out.push({ name: x.name, ...(x.vrf ? { vrf: x.vrf } : {}) });
  return out.length > 1 ? out : [];
}

/**
 * Where each host enters, when its flows do not say (show ip accounting, NX-OS's flow cache): the config interface
 * whose subnet holds it, else its ARP entry's interface; '' when neither tells. Undefined when nothing pasted can
 * tell (no config, no ARP table), so a big table costs nothing. Built once: a map, not a scan per host.
 */
export function hostInterfaceResolver(ctx: RuleContext): ((ip: string) => string) | undefined {
  const subnets: { name: string; s: NonNullable<ReturnType<typeof subnetOf>> }[] = [];
  for (const c of configs(ctx)) {
    for (const x of c.data.interfaces) {
      for (const a of [{ address: x.address, mask: x.mask }, ...(x.secondary ?? [])]) {
        const s = subnetOf(a.address, a.mask);
        if (s && s.bits > 0) subnets.push({ name: x.name, s });
      }
    }
  }
  const arp = new Map<string, string>();
  for (const sec of sectionsOf(ctx.sections, 'show ip arp')) for (const e of sec.data.entries) if (e.interface && !arp.has(e.address)) arp.set(e.address, e.interface);
  if (subnets.length === 0 && arp.size === 0) return undefined;
  return (ip) => {
    const holding = subnets.filter((x) => inSubnet(ip, x.s));
    // The same subnet on two interfaces (two VRFs): only the ARP table can tell which one the host is behind.
    if (holding.length > 1 && holding.some((x) => x.name !== holding[0]!.name)) {
      const a = arp.get(ip);
      return a && holding.some((x) => sameInterface(x.name, a)) ? a : '';
    }
    return holding[0]?.name ?? arp.get(ip) ?? '';
  };
}

/** An interface takes one access-group per direction: say how the plan keeps the one already there. */
export function existingGroupCaveat(ctx: RuleContext, facing: string): string {
  for (const c of configs(ctx)) {
    const g = facing ? c.data.interfaces.find((i) => sameInterface(i.name, facing))?.accessGroups.find((x) => x.direction === 'in') : undefined;
    if (g?.common) return `${expandInterfaceName(facing)} filters inbound with the common list ${g.common} in front of ACL ${g.acl}: the change plan puts the deny entries into ${g.acl} in place, or holds the change, never replacing either list.`;
    if (g) return `${expandInterfaceName(facing)} already filters inbound with ACL ${g.acl}: the change plan keeps every entry of ACL ${g.acl} behind the deny entries, never replacing it.`;
  }
  return 'An interface takes one access-group per direction: the change plan adds these entries in front of any list already there, never replacing it.';
}

// `permit tcp any DST eq www` with DST a server (a host or a subnet, not any; its port 80, not a reply's source port):
// the list lets anyone's web requests in to it. (`permit tcp any any eq www` on a LAN side is its users browsing.)
const PERMITS_WEB_IN = /^(?:\d+\s+)?permit\s+tcp\s+any\s+(?:host\s+\S+|\d[\d.]*\s+\d[\d.]*)\s+eq\s+(?:www|80|http)(?:\s|$)/;

/**
 * A web server published through the interface facing the hosts: a static translation of port 80 on the NAT outside
 * interface, or an entry of its inbound list that lets web requests in. The broad entry would cut that server off
 * along with the worm, so the plan blocks only the infected hosts there. The reason in words, or undefined.
 */
export function publishedWeb(ctx: RuleContext, facing: string): { why: string; what: string } | undefined {
  // A PPP session's Virtual-Access is cloned from a template: the list on it is the template's, on every session.
  if (/^(?:Vi|Virtual-Access)\d/i.test(facing)) {
    return {
      why: `${expandInterfaceName(facing)} is a PPP session's interface, cloned from a Virtual-Template: the list on it is the template's, and filters every session cloned from it`,
      what: 'the web traffic of every other PPP session on that template',
    };
  }
  const why = webWhy(ctx, facing);
  if (!why) return undefined;
  const what = why.includes('web logins') ? 'the web logins that interface serves' : why.includes("router's own web server") ? "the router's own web server" : 'the web server published through that interface';
  return { why, what };
}

function webWhy(ctx: RuleContext, facing: string): string | undefined {
  if (!facing) return undefined;
  for (const c of configs(ctx)) {
    const i = c.data.interfaces.find((x) => sameInterface(x.name, facing));
    if (!i) continue;
    if (i.webAuth) return `${expandInterfaceName(facing)} runs web logins (ip admission or ip auth-proxy): its users' first port-80 requests are what the router answers with the login page`;
    const web = c.data.natRules.find((r) => r.type === 'static' && /\s(80|www)(\s|$)/.test(r.text));
    if (i.nat === 'outside' && web) return `${expandInterfaceName(facing)} is the NAT outside interface and "${web.text}" publishes a web server through it`;
    const acl = i.accessGroups.find((g) => g.direction === 'in')?.acl;
    const entry = acl ? c.data.acls.find((e) => e.acl === acl && PERMITS_WEB_IN.test(e.text.trim())) : undefined;
    if (entry) return `ACL ${acl} on ${expandInterfaceName(facing)} lets web requests in ("${entry.text.trim()}"): a web server is reached through it`;
    // The router's own web server, in use (CME phones' directories, files, web logins, a certificate server): its
    // clients' requests to it arrive on the interface too, and a port-80 deny there stops them.
    const uses = c.data.httpServer.enabled ? (c.data.httpUses ?? []) : [];
    if (uses.length) return `The router's own web server (ip http server) serves ${uses.map((u) => u.what).join(' and ')}, and requests to it that arrive on ${expandInterfaceName(facing)} would be denied too`;
  }
  return undefined;
}

/**
 * Whether a list on the interface the flows name filters the hosts' routed traffic. Not on a port with no address
 * that is a bridge-group member (IRB routes on its BVI) or the parent of dot1Q subinterfaces (each routes on its
 * own): the block goes where the hosts' subnet is, and a list on the port would filter nothing of theirs.
 */
export function routedThere(ctx: RuleContext, ifShort: string): boolean {
  if (!ifShort) return true;
  for (const c of configs(ctx)) {
    const i = c.data.interfaces.find((x) => sameInterface(x.name, ifShort));
    if (!i || i.address || i.addressMode) continue;
    const parent = !i.name.includes('.') && c.data.interfaces.some((x) => x.name.startsWith(`${i.name}.`) && (x.address !== undefined || x.addressMode !== undefined));
    if (i.bridgeGroup !== undefined || parent) return false;
  }
  return true;
}

/** What tells the interface facing the hosts when nothing pasted did, or when two interfaces' subnets (two VRFs) hold them. */
export function facingUnknownWords(ctx: RuleContext, named: readonly HostAnalysis[], who: string): string {
  const ip = named[0]!.ip;
  const both = ambiguousFacing(ctx, ip);
  if (both.length === 0) return `Nothing pasted names the interface facing ${who}: show ip arp ${ip} (or show ip route ${ip}) tells it.`;
  const where = both.map((x) => `${expandInterfaceName(x.name)}${x.vrf ? ` (VRF ${x.vrf})` : ''}`).join(' and ');
  const asks = both.map((x) => `show ip arp ${x.vrf ? `vrf ${x.vrf} ` : ''}${ip}`).join(', ');
  return `${ip} is in the subnet of ${where}: the same addresses in different VRFs, so the change does not pick one. ${asks} tell${both.length === 1 ? 's' : ''} which one it is behind; an access list on the wrong one would block that customer's web traffic and leave the worm scanning.`;
}

/** Ports named by MLS tables (Fa4/1, CatOS 4/1): switch ports, where a router ACL does not go. */
export function switchPorts(ctx: RuleContext): Set<string> {
  const routed = new Set([...sectionsOf(ctx.sections, 'show ip cache flow')].flatMap((s) => s.data.flows.ifNames));
  const ports = new Set<string>();
  for (const s of [...sectionsOf(ctx.sections, 'show mls ip'), ...sectionsOf(ctx.sections, 'show mls entry')]) {
    for (const n of s.data.flows.ifNames) if (n && !routed.has(n)) ports.add(n);
  }
  return ports;
}
