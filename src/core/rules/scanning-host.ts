// scanning-host: sources opening many failed first contacts (TCP/80 in the tech note, any service); an ACL facing them.
import type { HostAnalysis } from '../analysis/fan-out';
import { sectionsOf } from '../sections';
import type { Finding } from '../types';
import { egressInterface } from './netflow-unavailable';
import { configs, inSubnet, sameInterface, subnetOf } from './parsed-facts';
import { expandInterfaceName, freeExtendedAcl, placeholder } from './remedies';
import type { RuleContext, RuleDef } from './rule-types';
import { serviceWords } from '../analysis/service';
import { serviceRemedy } from './service-remedy';

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
 * interface whose subnet holds them (all of them, or it is not named).
 */
function facingInterface(ctx: RuleContext, hosts: readonly HostAnalysis[]): string {
  for (const c of configs(ctx)) {
    const i = c.data.interfaces.find((x) => {
      const s = subnetOf(x.address, x.mask);
      return s && s.bits > 0 && hosts.every((h) => inSubnet(h.ip, s));
    });
    if (i) return i.name;
  }
  return '';
}

/** An interface takes one access-group per direction: name the one already there, when the config shows it. */
function existingGroupCaveat(ctx: RuleContext, facing: string): string {
  for (const c of configs(ctx)) {
    const g = facing ? c.data.interfaces.find((i) => sameInterface(i.name, facing))?.accessGroups.find((x) => x.direction === 'in') : undefined;
    if (g) return `${expandInterfaceName(facing)} already filters inbound with ACL ${g.acl}: put the deny entries at the top of ACL ${g.acl} instead of replacing it.`;
  }
  return 'An interface takes one access-group per direction: if it already has one inbound, add these entries to that ACL instead.';
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
  const by = new Map<string, string[]>();
  for (const h of hosts) if (h.variant !== 'unknown') by.set(h.variant, [...(by.get(h.variant) ?? []), h.ip]);
  return [...by]
    .map(([v, ips]) => ` Variant: ${VARIANT_WORDS[v as keyof typeof VARIANT_WORDS]}${hosts.length > 1 ? ` for ${hostList(hosts.filter((h) => ips.includes(h.ip)))}` : ''}.`)
    .join('');
}

function finding(ctx: RuleContext, ifShort: string, hosts: HostAnalysis[], acls: string[]): Finding {
  const infected = hosts.filter((h) => h.verdict === 'infected');
  const sure = infected.length > 0;
  const named = sure ? infected : hosts;
  const where = ifShort ? ` on ${ifShort}` : '';
  const verb = named.length === 1 ? 'is' : 'are';
  const title = sure
    ? `${hostList(named)}${where} ${verb} scanning TCP port 80`
    : `${hostList(named)}${where} may be scanning TCP port 80`;
  // On a Catalyst the flow names the switch port; the ACL belongs on the routed VLAN interface behind it.
  const port = ifShort && switchPorts(ctx).has(ifShort) ? ifShort : '';
  const facing = (port ? '' : ifShort) || facingInterface(ctx, named);
  const ifLine = facing
    ? `interface ${expandInterfaceName(facing)}`
    : `interface ${placeholder(port ? `VLAN interface of switch port ${port}` : 'interface facing the infected hosts')}`;
  const egress = egressInterface(ctx);
  const [broad, narrow, dscp] = acls as [string, string, string];
  const commands = [`access-list ${broad} deny tcp any any eq www`, `access-list ${broad} permit ip any any`, ifLine, ` ip access-group ${broad} in`];
  const narrowCommands = [
    ...named.map((h) => `access-list ${narrow} deny tcp host ${h.ip} any eq www`),
    `access-list ${narrow} permit ip any any`,
    ifLine,
    ` ip access-group ${narrow} in`,
  ];
  const nbar = [
    'class-map match-any http-hacks',
    ' match protocol http url "*default.ida*"',
    ' match protocol http url "*cmd.exe*"',
    ' match protocol http url "*root.exe*"',
    'policy-map mark-inbound-http-hacks',
    ' class http-hacks',
    '  set ip dscp 1',
    ifLine,
    ' service-policy input mark-inbound-http-hacks',
    `access-list ${dscp} deny ip any any dscp 1`,
    `access-list ${dscp} permit ip any any`,
    `interface ${egress && !sameInterface(egress.name, facing) ? egress.name : placeholder('egress interface')}`,
    ` ip access-group ${dscp} out`,
  ];
  const evidence = named.flatMap((h) => h.evidence.slice(0, EVIDENCE_LINES)).map((r) => ctx.evidence(r.source, r.line));
  return {
    id: 'scanning-host',
    severity: sure ? 'critical' : 'warning',
    title,
    evidence,
    remedy: {
      summary:
        `Block TCP port 80 inbound on the interface facing ${named.length === 1 ? 'the infected host' : 'the infected hosts'}` +
        ', then patch or isolate the IIS server (Microsoft MS01-033).' +
        variantSentence(named),
      commands,
      caveats: [
        'This blocks all web traffic arriving on that interface, legitimate browsing included; prefer the narrow variant once the infected hosts are known.',
        existingGroupCaveat(ctx, facing),
        ...(port ? [`The MLS entries name switch port ${port}: apply the ACL on the MSFC's VLAN interface for that port's VLAN (show interfaces ${port} switchport, or show port ${port} on CatOS, tells it).`] : []),
        'The ACL only contains the spread: the infected IIS host must be patched (MS01-033) or taken off the network.',
      ],
      alternatives: [
        { summary: 'Narrow variant: block port 80 only from the infected hosts.', commands: narrowCommands },
        {
          summary: 'At ingress points, NBAR marks the worm\'s requests (default.ida, cmd.exe, root.exe) and an ACL drops them. Needs CEF and an IOS with NBAR.',
          commands: nbar,
        },
      ],
    },
  };
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
  const facing = (port ? '' : ifShort) || facingInterface(ctx, named);
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
  return {
    id: 'scanning-host',
    severity: sure ? 'critical' : 'warning',
    title: `${hostList(named)}${where} ${sure ? verb : 'may be'} ${what}`,
    evidence: named.flatMap((h) => h.evidence.slice(0, EVIDENCE_LINES)).map((r) => ctx.evidence(r.source, r.line)),
    remedy,
  };
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
    for (const h of flagged) {
      const service = serviceKey(h);
      const key = `${h.interface}\u0000${service}`;
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
