// scanning-host: sources opening many failed first contacts (TCP/80 in the tech note, any service); an ACL facing them.
import type { HostAnalysis } from '../analysis/fan-out';
import { withIntents, type BlockIntent, type PolicyIntent, type RemedyIntent } from '../plan/intents';
import { SYN_BYTES_MAX, SYN_BYTES_MIN } from '../analysis/flow-facts';
import { sectionsOf } from '../sections';
import { ipToInt } from '../text/lines';
import type { Finding, Remedy } from '../types';
import { egressInterface } from './netflow-unavailable';
import { ambiguousFacing, cryptoMapWords, existingGroupCaveat, facingInterface, facingUnknownWords, hostInterfaceResolver, publishedWeb, routedThere, switchPorts } from './facing-interface';
import { sameInterface } from './parsed-facts';
import { expandInterfaceName, freeExtendedAcl, placeholder } from './remedies';
import type { RuleContext, RuleDef } from './rule-types';
import { includeFilter, serviceWords } from '../analysis/service';
import { narrowByDefault, serviceDenyEntries, serviceRemedy } from './service-remedy';

const EVIDENCE_LINES = 8;

function usedAclIds(ctx: RuleContext): string[] {
  return sectionsOf(ctx.sections, 'show running-config').flatMap((s) => s.data.aclIds);
}

function hostList(hosts: readonly HostAnalysis[]): string {
  const ips = hosts.map((h) => h.ip);
  return ips.length <= 3 ? ips.join(', ') : `${ips.slice(0, 3).join(', ')} and ${ips.length - 3} more`;
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

/**
 * An IPv4 access list does not filter IPv6 (nor can IOS type an IPv6 address into one): IPv6 hosts get entries of
 * their own, in the interface's IPv6 filtering (`ipv6 traffic-filter`). IPv6's words for the same entries.
 */
export function ipv6Entries(entries: readonly string[]): string[] {
  return entries.map((e) => e.replace(/^(permit|deny) ip /, '$1 ipv6 ').replace(/^(permit|deny) icmp (.*) echo$/, '$1 icmp $2 echo-request'));
}

/** The IPv6 hosts' block, where the IPv4 one would go: the plan puts it in front of the interface's IPv6 list. */
function ipv6Block(facing: string, port: string, v6: string[], entries: string[], why: string, ctx: RuleContext): BlockIntent {
  return { ...blockFacing(facing, port, v6, ctx)(ipv6Entries(entries), why), family: 'ipv6' };
}

/** The same block as lines to read (the plan's step replaces them): a list of its own, bound with ipv6 traffic-filter. */
function ipv6Lines(entries: readonly string[], ifLine: string): string[] {
  return ['ipv6 access-list block-v6', ...ipv6Entries(entries).map((e) => ` ${e}`), ' permit ipv6 any any', ifLine, ' ipv6 traffic-filter block-v6 in'];
}

function ipv6Words(v6: readonly string[]): string {
  return `${v6.join(', ')} ${v6.length === 1 ? 'is an IPv6 host' : 'are IPv6 hosts'}, which an IPv4 access list does not filter: the change plan blocks ${v6.length === 1 ? 'it' : 'them'} in the interface's IPv6 list (ipv6 traffic-filter), in front of any list already there, never replacing it.`;
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
  const v4 = ips.filter((ip) => !ip.includes(':'));
  // (The IPv4 block's placeholder names an IPv4 host to look up: the IPv6 ones get their own step.)
  const block = blockFacing(facing, port, v4.length ? v4 : ips, ctx);
  const v6 = ips.filter((ip) => ip.includes(':'));
  const v6Deny = v6.map((ip) => `deny tcp host ${ip} any eq www`);
  const v6Block = v6.length ? ipv6Block(facing, port, v6, v6Deny, `Block TCP port 80 from ${v6.length === 1 ? 'the IPv6 host' : 'the IPv6 hosts'} where ${v6.length === 1 ? 'it enters' : 'they enter'} the router: an IPv4 access list does not filter IPv6.`, ctx) : undefined;
  if (v4.length === 0 && v6Block) return ipv6OnlyFinding(ctx, { title, sure, named, facing, port, ifLine, v6, v6Deny, v6Block });
  // A web server published through that interface: the infected hosts' own entries are the plan, the broad one an alternative.
  const published = publishedWeb(ctx, facing);
  const narrowFirst = published !== undefined && v4.length > 0;
  // (Hosts behind a crypto map's tunnel: the step says what it does not stop, where it is pasted.)
  const viaTunnel = cryptoMapWords(ctx, facing, v4);
  const tunnelWords = viaTunnel ? ` ${viaTunnel}` : '';
  const broadIntent = block(['deny tcp any any eq www'], `Block TCP port 80 from ${named.length === 1 ? 'the infected host' : 'the infected hosts'} where ${named.length === 1 ? 'it enters' : 'they enter'} the router.${tunnelWords}`);
  const narrowIntent = block(v4.map((ip) => `deny tcp host ${ip} any eq www`), narrowFirst ? `Block TCP port 80 from ${named.length === 1 ? 'the infected host' : 'the infected hosts'} only, where ${named.length === 1 ? 'it enters' : 'they enter'} the router (the broad entry would stop ${published!.what} too).${tunnelWords}` : `Block port 80 from the infected hosts only.${tunnelWords}`);
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
    ...(v6Block ? [v6Block] : []),
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
        commands: [...(narrowFirst ? narrowCommands : commands), ...(v6.length ? ipv6Lines(v6Deny, ifLine) : [])],
        caveats: [
          narrowFirst
            ? 'This blocks port 80 only from the hosts named here: an infected host the flows did not show keeps scanning; paste its flows again and add it.'
            : 'This blocks all web traffic arriving on that interface, legitimate browsing included; prefer the narrow variant once the infected hosts are known.',
          existingGroupCaveat(ctx, facing),
          ...(published ? [`${published.why}: the broad entry would stop ${published.what} too, so the plan blocks port 80 from the infected hosts only; the broad variant is an alternative.`] : []),
          ...(viaTunnel ? [viaTunnel] : []),
          ...(port ? [`The MLS entries name switch port ${port}: apply the ACL on the MSFC's VLAN interface for that port's VLAN (show interfaces ${port} switchport, or show port ${port} on CatOS, tells it).`] : []),
          ...(!facing && !port ? [facingUnknownWords(ctx, named, hostList(named))] : []),
          'The ACL only contains the spread: the infected IIS host must be patched (MS01-033) or taken off the network.',
          ...(v6.length ? [ipv6Words(v6)] : []),
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

/**
 * Every host named is IPv6: no IPv4 step (an IPv4 deny would stop the interface's IPv4 web traffic and not the scan),
 * no NBAR alternative (Code Red's requests; no worm profiled here sweeps IPv6), only the hosts' own IPv6 entries.
 */
function ipv6OnlyFinding(
  ctx: RuleContext,
  a: { title: string; sure: boolean; named: HostAnalysis[]; facing: string; port: string; ifLine: string; v6: string[]; v6Deny: string[]; v6Block: BlockIntent },
  /** What is blocked, in words (TCP port 80 by default), and what follows the block (the worm words for TCP/80). */
  what?: { words: string; then: string },
): Finding {
  const one = a.v6.length === 1;
  return withIntents(
    {
      id: 'scanning-host',
      severity: a.sure ? 'critical' : 'warning',
      title: a.title,
      evidence: a.named.flatMap((h) => h.evidence.slice(0, EVIDENCE_LINES)).map((r) => ctx.evidence(r.source, r.line)),
      remedy: {
        summary:
          `Block ${what?.words ?? 'TCP port 80'} from ${one ? 'the IPv6 host' : 'the IPv6 hosts'} only, inbound on the interface facing ${one ? 'it' : 'them'}, in an IPv6 list (ipv6 traffic-filter): an IPv4 access list does not filter IPv6. ` +
          `Then find ${one ? 'the host' : 'each host'} and clean ${one ? 'it' : 'them'} or take ${one ? 'it' : 'them'} off the network${what ? what.then : ': Code Red and the other worms profiled here pick only IPv4 targets, so this is a scan of another kind'}.`,
        commands: ipv6Lines(a.v6Deny, a.ifLine),
        caveats: [
          'This blocks port 80 only from the hosts named here: an infected host the flows did not show keeps scanning; paste its flows again and add it.',
          'An interface takes one ipv6 traffic-filter per direction: the change plan adds these entries in front of any IPv6 list already there, never replacing it.',
          ...(a.port ? [`The MLS entries name switch port ${a.port}: apply the list on the MSFC's VLAN interface for that port's VLAN.`] : []),
          ...(!a.facing && !a.port ? [facingUnknownWords(ctx, a.named, hostList(a.named))] : []),
        ],
      },
    },
    [a.v6Block, { kind: 'verify', commands: ['show ipv6 access-list'] }],
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
  const title = `${hostList(named)}${where} ${sure ? verb : 'may be'} ${what}`;
  // IPv6 hosts: entries of their own in the interface's IPv6 list (an IPv4 list can neither name nor filter them).
  const v4Hosts = named.filter((h) => !h.ip.includes(':'));
  const v6 = named.filter((h) => h.ip.includes(':')).map((h) => h.ip);
  const v6Deny = serviceDenyEntries(service, v6, 'hosts');
  const words = serviceWords(service);
  const v6Block = v6.length ? ipv6Block(facing, port, v6, v6Deny, `Block ${words} from ${v6.length === 1 ? 'the IPv6 host' : 'the IPv6 hosts'} only, where ${v6.length === 1 ? 'it enters' : 'they enter'}: an IPv4 access list does not filter IPv6.`, ctx) : undefined;
  if (v4Hosts.length === 0 && v6Block) return ipv6OnlyFinding(ctx, { title, sure, named, facing, port, ifLine, v6, v6Deny, v6Block }, { words, then: '' });
  const remedy = serviceRemedy({
    service,
    hosts: v4Hosts,
    ifLine,
    acls: [acls[0]!, acls[1]!],
    existingGroupCaveat: existingGroupCaveat(ctx, facing),
    hostWords: hostList(named),
  });
  if (port) remedy.caveats.push(`The MLS entries name switch port ${port}: apply the ACL on the MSFC's VLAN interface for that port's VLAN.`);
  const intents = serviceIntents(ctx, service, v4Hosts, facing, port, remedy);
  if (v6Block) {
    remedy.commands.push(...ipv6Lines(v6Deny, ifLine));
    remedy.caveats.push(ipv6Words(v6));
    intents.splice(1, 0, v6Block);
  }
  return withIntents(
    {
      id: 'scanning-host',
      severity: sure ? 'critical' : 'warning',
      title,
      evidence: named.flatMap((h) => h.evidence.slice(0, EVIDENCE_LINES)).map((r) => ctx.evidence(r.source, r.line)),
      remedy,
    },
    intents,
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
  const internal = narrowByDefault(service);
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
