// scanning-host: sources opening many failed first contacts (TCP/80 in the tech note, any service); an ACL facing them.
import type { HostAnalysis } from '../analysis/fan-out';
import { withIntents, type BlockIntent, type PolicyIntent, type RemedyIntent } from '../plan/intents';
import { SYN_BYTES_MAX, SYN_BYTES_MIN } from '../analysis/flow-facts';
import { sectionsOf } from '../sections';
import { ipToInt } from '../text/lines';
import type { Finding, Remedy } from '../types';
import { egressInterface } from './netflow-unavailable';
import { configs, inSubnet, sameInterface, subnetOf } from './parsed-facts';
import { expandInterfaceName, freeExtendedAcl, placeholder } from './remedies';
import type { RuleContext, RuleDef } from './rule-types';
import { includeFilter, serviceWords } from '../analysis/service';
import { INTERNAL_SERVICES, serviceDenyEntries, serviceRemedy } from './service-remedy';

const EVIDENCE_LINES = 8;

function usedAclIds(ctx: RuleContext): string[] {
  return sectionsOf(ctx.sections, 'show running-config').flatMap((s) => s.data.aclIds);
}

function hostList(hosts: readonly HostAnalysis[]): string {
  const ips = hosts.map((h) => h.ip);
  return ips.length <= 3 ? ips.join(', ') : `${ips.slice(0, 3).join(', ')} and ${ips.length - 3} more`;
}

/**
 * Accounting and MLS rows carry no input interface: the interface facing the hosts is then the configured
 * interface one of whose subnets (secondaries too) holds them all, else the one `show ip arp` learned them on.
 */
function facingInterface(ctx: RuleContext, hosts: readonly HostAnalysis[]): string {
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

/** Interfaces (with their VRFs) whose subnets hold `ip`, when more than one does: the host's interface is a guess there. */
function ambiguousFacing(ctx: RuleContext, ip: string): { name: string; vrf?: string }[] {
  const out: { name: string; vrf?: string }[] = [];
  for (const c of configs(ctx)) for (const x of c.data.interfaces) if (holdsHost(x, ip)) out.push({ name: x.name, ...(x.vrf ? { vrf: x.vrf } : {}) });
  return out.length > 1 ? out : [];
}

/**
 * Where each host enters, when its flows do not say (show ip accounting, NX-OS's flow cache): the config interface
 * whose subnet holds it, else its ARP entry's interface; '' when neither tells. Undefined when nothing pasted can
 * tell (no config, no ARP table), so a big table costs nothing. Built once: a map, not a scan per host.
 */
function hostInterfaceResolver(ctx: RuleContext): ((ip: string) => string) | undefined {
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
function existingGroupCaveat(ctx: RuleContext, facing: string): string {
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
function publishedWeb(ctx: RuleContext, facing: string): { why: string; what: string } | undefined {
  // A PPP session's Virtual-Access is cloned from a template: the list on it is the template's, on every session.
  if (/^(?:Vi|Virtual-Access)\d/i.test(facing)) {
    return {
      why: `${expandInterfaceName(facing)} is a PPP session's interface, cloned from a Virtual-Template: the list on it is the template's, and filters every session cloned from it`,
      what: 'the web traffic of every other PPP session on that template',
    };
  }
  const why = webWhy(ctx, facing);
  if (!why) return undefined;
  return { why, what: why.includes('web logins') ? 'the web logins that interface serves' : 'the web server published through that interface' };
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
  }
  return undefined;
}

/**
 * Whether a list on the interface the flows name filters the hosts' routed traffic. Not on a port with no address
 * that is a bridge-group member (IRB routes on its BVI) or the parent of dot1Q subinterfaces (each routes on its
 * own): the block goes where the hosts' subnet is, and a list on the port would filter nothing of theirs.
 */
function routedThere(ctx: RuleContext, ifShort: string): boolean {
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
function facingUnknownWords(ctx: RuleContext, named: readonly HostAnalysis[]): string {
  const ip = named[0]!.ip;
  const both = ambiguousFacing(ctx, ip);
  if (both.length === 0) return `Nothing pasted names the interface facing ${hostList(named)}: show ip arp ${ip} (or show ip route ${ip}) tells it.`;
  const where = both.map((x) => `${expandInterfaceName(x.name)}${x.vrf ? ` (VRF ${x.vrf})` : ''}`).join(' and ');
  const asks = both.map((x) => `show ip arp ${x.vrf ? `vrf ${x.vrf} ` : ''}${ip}`).join(', ');
  return `${ip} is in the subnet of ${where}: the same addresses in different VRFs, so the change does not pick one. ${asks} tell${both.length === 1 ? 's' : ''} which one it is behind; an access list on the wrong one would block that customer's web traffic and leave the worm scanning.`;
}

/** Ports named by MLS tables (Fa4/1, CatOS 4/1): switch ports, where a router ACL does not go. */
function switchPorts(ctx: RuleContext): Set<string> {
  const routed = new Set([...sectionsOf(ctx.sections, 'show ip cache flow')].flatMap((s) => s.data.flows.ifNames));
  const ports = new Set<string>();
  for (const s of [...sectionsOf(ctx.sections, 'show mls ip'), ...sectionsOf(ctx.sections, 'show mls entry')]) {
    for (const n of s.data.flows.ifNames) if (n && !routed.has(n)) ports.add(n);
  }
  return ports;
}

const VARIANT_WORDS = {
  'code-red': 'Code Red (uniformly random targets)',
  'code-red-ii': 'Code Red II (targets biased to its own /8 and /16)',
} as const;

/** " Variant: Code Red (...) for a, b." per variant called; nothing when no host's targets tell. */
function variantSentence(hosts: readonly HostAnalysis[]): string {
  // Each variant's addresses as a set, added to in place: a list copied at every host and searched for every host
  // made 5,000 infected hosts cost 60 MB of garbage and 25 million comparisons.
  const by = new Map<string, Set<string>>();
  for (const h of hosts) {
    if (h.variant === 'unknown') continue;
    let ips = by.get(h.variant);
    if (!ips) by.set(h.variant, (ips = new Set()));
    ips.add(h.ip);
  }
  return [...by]
    .map(([v, ips]) => ` Variant: ${VARIANT_WORDS[v as keyof typeof VARIANT_WORDS]}${hosts.length > 1 ? ` for ${hostList(hosts.filter((h) => ips.has(h.ip)))}` : ''}.`)
    .join('');
}

/** IPv4 access lists do not filter IPv6: the IPv6 hosts need an IPv6 access list of their own on the same interface. */
function ipv6Caveat(hosts: readonly HostAnalysis[], ifLine: string): string[] {
  const v6 = hosts.filter((h) => h.ip.includes(':')).map((h) => h.ip);
  if (v6.length === 0) return [];
  const denies = v6.map((ip) => `deny tcp host ${ip} any eq www`).join(' / ');
  const seq = v6.map((ip, k) => `sequence ${k + 1} deny tcp host ${ip} any eq www`).join(' / ');
  return [
    `${v6.join(', ')} ${v6.length === 1 ? 'is an IPv6 host' : 'are IPv6 hosts'}, which an IPv4 access list does not filter: ipv6 access-list block-www-v6 / ${denies} / permit ipv6 any any, then under ${ifLine}: ipv6 traffic-filter block-www-v6 in. ` +
      // An interface takes one IPv6 filter a direction: binding a new one would drop the one there.
      `First check show running-config for that interface: if it already has an ipv6 traffic-filter in, never bind block-www-v6 (it would replace that filter); put the entries at the top of that list instead (ipv6 access-list with its name / ${seq}), if its first entry is numbered above ${v6.length}.`,
  ];
}

/** Mean bytes per packet of the hosts' bare-SYN-sized accounting rows (the title quotes it), rounded. */
function synBytes(ctx: RuleContext, hosts: readonly HostAnalysis[]): number | undefined {
  const want = new Set(hosts.map((h) => ipToInt(h.ip) >>> 0));
  let bytes = 0;
  let packets = 0;
  for (const s of sectionsOf(ctx.sections, 'show ip accounting')) {
    const t = s.data.flows;
    for (let i = 0; i < t.count; i++) {
      if (!want.has(t.src[i]!) || !(t.packets[i]! > 0)) continue;
      const per = t.bytes[i]! / t.packets[i]!;
      if (per >= SYN_BYTES_MIN && per <= SYN_BYTES_MAX) [bytes, packets] = [bytes + t.bytes[i]!, packets + t.packets[i]!];
    }
  }
  return packets > 0 ? Math.round(bytes / packets) : undefined;
}

/** Accounting rows carry no ports: a host seen only there was never seen on port 80. */
function portless(hosts: readonly HostAnalysis[]): boolean {
  return hosts.every((h) => h.port80Flows === 0);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function finding(ctx: RuleContext, ifShort: string, hosts: HostAnalysis[], acls: string[]): Finding {
  const infected = hosts.filter((h) => h.verdict === 'infected');
  const sure = infected.length > 0;
  const named = sure ? infected : hosts;
  const where = ifShort ? ` on ${ifShort}` : '';
  const verb = named.length === 1 ? 'is' : 'are';
  const noPorts = portless(named);
  const destinations = named.reduce((n, h) => n + h.destinations, 0);
  // show ip accounting has no ports: say what it shows (fan-out of bare-SYN-sized packets), not "port 80".
  const title = noPorts
    ? `${hostList(named)}${where}: ${sure ? 'likely infected' : 'possibly infected'}: ${plural(destinations, 'destination')}` +
      `${synBytes(ctx, named) !== undefined ? `, about ${synBytes(ctx, named)}-byte packets` : ''}`
    : sure
      ? `${hostList(named)}${where} ${verb} scanning TCP port 80`
      : `${hostList(named)}${where} may be scanning TCP port 80`;
  // On a Catalyst the flow names the switch port; the ACL belongs on the routed VLAN interface behind it.
  const port = ifShort && switchPorts(ctx).has(ifShort) ? ifShort : '';
  const facing = (port || !routedThere(ctx, ifShort) ? '' : ifShort) || facingInterface(ctx, named);
  const ifLine = facing
    ? `interface ${expandInterfaceName(facing)}`
    : `interface ${placeholder(port ? `VLAN interface of switch port ${port}` : `interface facing ${named[0]!.ip}: show ip arp ${named[0]!.ip}`)}`;
  const egress = egressInterface(ctx);
  const [broad, narrow, dscp] = acls as [string, string, string];
  const commands = [`access-list ${broad} deny tcp any any eq www`, `access-list ${broad} permit ip any any`, ifLine, ` ip access-group ${broad} in`];
  const ips = named.map((h) => h.ip);
  const block = blockFacing(facing, port, ips, ctx);
  const v4 = ips.filter((ip) => !ip.includes(':'));
  // A web server published through that interface: the infected hosts' own entries are the plan, the broad one an alternative.
  const published = publishedWeb(ctx, facing);
  const narrowFirst = published !== undefined && v4.length > 0;
  const broadIntent = block(['deny tcp any any eq www'], `Block TCP port 80 from ${named.length === 1 ? 'the infected host' : 'the infected hosts'} where ${named.length === 1 ? 'it enters' : 'they enter'} the router.`);
  const narrowIntent = block(v4.map((ip) => `deny tcp host ${ip} any eq www`), narrowFirst ? `Block TCP port 80 from ${named.length === 1 ? 'the infected host' : 'the infected hosts'} only, where ${named.length === 1 ? 'it enters' : 'they enter'} the router (the broad entry would stop ${published!.what} too).` : 'Block port 80 from the infected hosts only.');
  const NARROW = 'Narrow variant: block port 80 only from the infected hosts.';
  const BROAD = `Broad variant: block all TCP port 80 arriving on that interface (it would stop ${published?.what ?? 'what port 80 serves there'} too).`;
  const nbarPolicy = {
    kind: 'policy' as const,
    ...(facing ? { interface: facing } : {}),
    direction: 'input' as const,
    classMap: 'http-hacks',
    policyMap: 'mark-inbound-http-hacks',
    match: 'match-any' as const,
    matches: ['match protocol http url "*default.ida*"', 'match protocol http url "*cmd.exe*"', 'match protocol http url "*root.exe*"'],
    actions: ['set ip dscp 1'],
    why: 'Mark the worm\'s requests where they enter.',
    ...(port ? { unresolved: `VLAN interface of switch port ${port}`, resolve: `show interfaces ${port} switchport` } : {}),
  };
  const intents: RemedyIntent[] = [
    narrowFirst ? narrowIntent : broadIntent,
    { kind: 'verify', commands: [noPorts ? 'show ip accounting' : 'show ip cache flow | include 0050', 'show access-lists'] },
    { kind: 'alternative', summary: narrowFirst ? BROAD : NARROW, intents: [narrowFirst ? broadIntent : narrowIntent] },
    {
      kind: 'alternative',
      summary: 'At ingress points, NBAR marks the worm\'s requests (default.ida, cmd.exe, root.exe) with DSCP 1 and an ACL drops them. Needs CEF and an IOS with NBAR; DSCP 1 is also the Lower-Effort class (RFC 8622): where anything else marks it, that traffic would be dropped too.',
      intents: [
        nbarPolicy,
        {
          kind: 'block',
          ...(egress && !sameInterface(egress.name, facing) ? { interface: egress.name } : {}),
          direction: 'out',
          entries: ['deny ip any any dscp 1'],
          hosts: ips,
          why: 'Drop the marked packets where they leave.',
          unresolved: 'egress interface',
          resolve: 'show ip route 0.0.0.0',
        },
      ],
    },
  ];
  const narrowCommands = [
    // An IPv4 access list cannot name an IPv6 host (Flexible NetFlow IPv6 records): those get a caveat of their own.
    ...named.filter((h) => !h.ip.includes(':')).map((h) => `access-list ${narrow} deny tcp host ${h.ip} any eq www`),
    `access-list ${narrow} permit ip any any`,
    ifLine,
    ` ip access-group ${narrow} in`,
  ];
  const nbar = [
    `class-map ${nbarPolicy.match} ${nbarPolicy.classMap}`,
    ...nbarPolicy.matches.map((m) => ` ${m}`),
    `policy-map ${nbarPolicy.policyMap}`,
    ` class ${nbarPolicy.classMap}`,
    '  set ip dscp 1',
    ifLine,
    ` service-policy input ${nbarPolicy.policyMap}`,
    `access-list ${dscp} deny ip any any dscp 1`,
    `access-list ${dscp} permit ip any any`,
    `interface ${egress && !sameInterface(egress.name, facing) ? egress.name : placeholder('egress interface')}`,
    ` ip access-group ${dscp} out`,
  ];
  const evidence = named.flatMap((h) => h.evidence.slice(0, EVIDENCE_LINES)).map((r) => ctx.evidence(r.source, r.line));
  return withIntents(
    {
      id: 'scanning-host',
      severity: sure ? 'critical' : 'warning',
      title,
      evidence,
      remedy: {
        summary:
          (noPorts
            ? `Accounting shows no ports: ${named.length === 1 ? 'this host sends' : 'these hosts send'} bare-SYN-sized packets to many destinations, the Code Red pattern. Confirm with show ip cache flow | include 0050, then block TCP port 80 inbound on the interface facing ${named.length === 1 ? 'it' : 'them'}`
            : narrowFirst
              ? `Block TCP port 80 from ${named.length === 1 ? 'the infected host' : 'the infected hosts'} only, inbound on the interface facing ${named.length === 1 ? 'it' : 'them'} (the broad entry would stop ${published!.what} too)`
              : `Block TCP port 80 inbound on the interface facing ${named.length === 1 ? 'the infected host' : 'the infected hosts'}`) +
          ', then patch or isolate the IIS server (Microsoft MS01-033).' +
          variantSentence(named),
        commands: narrowFirst ? narrowCommands : commands,
        caveats: [
          narrowFirst
            ? 'This blocks port 80 only from the hosts named here: an infected host the flows did not show keeps scanning; paste its flows again and add it.'
            : 'This blocks all web traffic arriving on that interface, legitimate browsing included; prefer the narrow variant once the infected hosts are known.',
          existingGroupCaveat(ctx, facing),
          ...(published ? [`${published.why}: the broad entry would stop ${published.what} too, so the plan blocks port 80 from the infected hosts only; the broad variant is an alternative.`] : []),
          ...(port ? [`The MLS entries name switch port ${port}: apply the ACL on the MSFC's VLAN interface for that port's VLAN (show interfaces ${port} switchport, or show port ${port} on CatOS, tells it).`] : []),
          ...(!facing && !port ? [facingUnknownWords(ctx, named)] : []),
          'The ACL only contains the spread: the infected IIS host must be patched (MS01-033) or taken off the network.',
          ...ipv6Caveat(named, ifLine),
        ],
        alternatives: [
          narrowFirst ? { summary: BROAD, commands } : { summary: NARROW, commands: narrowCommands },
          {
            summary: 'At ingress points, NBAR marks the worm\'s requests (default.ida, cmd.exe, root.exe) with DSCP 1 and an ACL drops them. Needs CEF and an IOS with NBAR; DSCP 1 is also the Lower-Effort class (RFC 8622): where anything else marks it, that traffic would be dropped too.',
            commands: nbar,
          },
        ],
      },
    },
    intents,
  );
}

/** Deny entries inbound where the hosts enter: the interface when known, else the switch port's VLAN interface to find. */
function blockFacing(facing: string, port: string, ips: string[], ctx?: RuleContext): (entries: string[], why: string) => BlockIntent {
  // The same subnet on interfaces in two VRFs: the pre-check asks each VRF's ARP table.
  const both = !facing && !port && ctx && ips[0] ? ambiguousFacing(ctx, ips[0]) : [];
  const vrfs = both.length
    ? {
        unresolved: `interface facing ${ips[0]} (${both.map((x) => `${expandInterfaceName(x.name)}${x.vrf ? ` in VRF ${x.vrf}` : ''}`).join(' or ')})`,
        resolve: both.map((x) => `show ip arp ${x.vrf ? `vrf ${x.vrf} ` : ''}${ips[0]}`).join(', '),
      }
    : {};
  return (entries, why) => ({
    kind: 'block',
    ...(facing ? { interface: facing } : {}),
    direction: 'in',
    entries,
    hosts: ips,
    why,
    ...(port ? { unresolved: `VLAN interface of switch port ${port}`, resolve: `show interfaces ${port} switchport` } : vrfs),
  });
}

/** The tech note's TCP/80 (accounting's bare SYNs included) keeps its own remedy; other services get theirs. */
const serviceKey = (h: HostAnalysis) => (!h.service || h.service === 'tcp' || h.service === 'unknown' ? 'tcp/80' : h.service);

function serviceFinding(ctx: RuleContext, ifShort: string, service: string, hosts: HostAnalysis[], acls: string[]): Finding {
  const infected = hosts.filter((h) => h.verdict === 'infected');
  const sure = infected.length > 0;
  const named = sure ? infected : hosts;
  const where = ifShort ? ` on ${ifShort}` : '';
  const verb = named.length === 1 ? 'is' : 'are';
  const what = service === 'icmp' ? 'sweeping with ICMP echo' : `scanning ${serviceWords(service)}`;
  const port = ifShort && switchPorts(ctx).has(ifShort) ? ifShort : '';
  const facing = (port || !routedThere(ctx, ifShort) ? '' : ifShort) || facingInterface(ctx, named);
  const ifLine = facing
    ? `interface ${expandInterfaceName(facing)}`
    : `interface ${placeholder(port ? `VLAN interface of switch port ${port}` : 'interface facing the infected hosts')}`;
  const remedy = serviceRemedy({
    service,
    hosts: named,
    ifLine,
    acls: [acls[0]!, acls[1]!],
    existingGroupCaveat: existingGroupCaveat(ctx, facing),
    hostWords: hostList(named),
  });
  if (port) remedy.caveats.push(`The MLS entries name switch port ${port}: apply the ACL on the MSFC's VLAN interface for that port's VLAN.`);
  return withIntents(
    {
      id: 'scanning-host',
      severity: sure ? 'critical' : 'warning',
      title: `${hostList(named)}${where} ${sure ? verb : 'may be'} ${what}`,
      evidence: named.flatMap((h) => h.evidence.slice(0, EVIDENCE_LINES)).map((r) => ctx.evidence(r.source, r.line)),
      remedy,
    },
    serviceIntents(ctx, service, named, facing, port, remedy),
  );
}

/**
 * The same remedy as structured intents, so the change plan places the deny entries in front of whatever the
 * interface already filters with (never an `ip access-group` swap that drops a list in place) and names the MQC
 * class so it collides with nothing. The alternatives keep their summaries: the plan rebuilds their commands.
 */
function serviceIntents(ctx: RuleContext, service: string, named: readonly HostAnalysis[], facing: string, port: string, remedy: Remedy): RemedyIntent[] {
  const ips = named.map((h) => h.ip).filter((ip) => !ip.includes(':'));
  const where = port ? { unresolved: `VLAN interface of switch port ${port}`, resolve: `show interfaces ${port} switchport` } : {};
  const block = blockFacing(facing, port, ips, ctx);
  const hex = includeFilter(service);
  const verify: RemedyIntent = { kind: 'verify', commands: [hex ? `show ip cache flow | include ${hex}` : 'show ip cache flow', 'show access-lists'] };
  const alt = remedy.alternatives?.[0];
  if (service === 'icmp') {
    const policer: PolicyIntent = {
      kind: 'policy',
      ...(facing ? { interface: facing } : {}),
      direction: 'input',
      classMap: 'icmp-echo-92',
      policyMap: 'police-icmp-echo-92',
      match: 'match-all',
      matches: ['match protocol icmp', 'match packet length min 92 max 92'],
      actions: ['police 8000 conform-action transmit exceed-action drop'],
      why: 'Rate-limit the 92-byte echo sweep where it enters; a blanket ICMP deny would break path MTU discovery and monitoring.',
      ...where,
    };
    return [
      policer,
      verify,
      ...(alt ? [{ kind: 'alternative' as const, summary: alt.summary, intents: [block(serviceDenyEntries(service, ips, 'hosts'), 'Deny echo requests from the infected hosts only.')] }] : []),
    ];
  }
  const internal = INTERNAL_SERVICES.has(service);
  const words = serviceWords(service);
  return [
    block(serviceDenyEntries(service, ips, internal ? 'hosts' : 'any'), internal ? `Block ${words} from the infected hosts only, where they enter.` : `Block ${words} where the infected hosts enter.`),
    verify,
    ...(alt
      ? [{ kind: 'alternative' as const, summary: alt.summary, intents: [block(serviceDenyEntries(service, ips, internal ? 'any' : 'hosts'), alt.summary)] }]
      : []),
  ];
}

export const scanningHostRule: RuleDef = {
  id: 'scanning-host',
  checks: 'Flow data (cache flow, accounting, MLS) for sources opening many failed first contacts on one service (TCP/80, TCP/445, UDP/1434, ICMP echo...).',
  confirmWith: ['show ip cache flow | include 0050', 'show ip accounting', 'show mls ip', 'show mls entry'],
  evaluate(ctx) {
    const flagged = ctx.hosts.filter((h) => !h.inbound && (h.verdict === 'infected' || h.verdict === 'suspect'));
    if (flagged.length === 0) return [];
    const used = usedAclIds(ctx);
    const first = freeExtendedAcl(used);
    const second = freeExtendedAcl([...used, first]);
    const third = freeExtendedAcl([...used, first, second]);
    // One finding per interface and service: each gets its own ACL where the hosts enter.
    const groups = new Map<string, { ifName: string; service: string; hosts: HostAnalysis[] }>();
    // Flows that name no interface: hosts behind different interfaces (by the config's subnets or the ARP table)
    // get a finding each, so each block goes where its hosts enter instead of one placeholder for all.
    const resolve = flagged.some((h) => h.interface === '') ? hostInterfaceResolver(ctx) : undefined;
    for (const h of flagged) {
      const service = serviceKey(h);
      const key = `${h.interface || (resolve ? `\u0001${resolve(h.ip)}` : '')}\u0000${service}`;
      const g = groups.get(key) ?? { ifName: h.interface, service, hosts: [] };
      g.hosts.push(h);
      groups.set(key, g);
    }
    // TCP/80 keeps the tech note's numbers; each other service gets two numbers of its own, so two findings on one
    // interface never fill the same ACL.
    const taken = [...used, first, second, third];
    return [...groups.values()].map((g) => {
      if (g.service === 'tcp/80') return finding(ctx, g.ifName, g.hosts, [first, second, third]);
      const a = freeExtendedAcl(taken);
      const b = freeExtendedAcl([...taken, a]);
      taken.push(a, b);
      return serviceFinding(ctx, g.ifName, g.service, g.hosts, [a, b]);
    });
  },
};
