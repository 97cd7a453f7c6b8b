// Remedies for a sweep of a service other than the tech note's TCP/80: ACL entries per service, scope and bulletins.
import type { HostAnalysis } from '../analysis/fan-out';
import { profileOf, profilesSweeping } from '../analysis/profiles/all-profiles';
import { includeFilter, parseService, serviceWords } from '../analysis/service';
import type { Remedy } from '../types';

/**
 * Services a LAN lives on (file sharing, RPC, logons): denied only from the infected hosts by default, since
 * blocking them for everyone breaks file shares, printing and domain logons behind that interface.
 */
export const INTERNAL_SERVICES = new Set(['tcp/445', 'tcp/135', 'tcp/139', 'udp/137', 'udp/138']);

/**
 * Ports only a worm (or its back door) uses, where a deny for everyone behind the interface costs nothing: Slammer's
 * UDP/1434, Blaster's TCP/4444, Sasser's TCP/5554 and TCP/9996, Mirai's TCP/2323. Every other service (telnet, SSH,
 * DNS, HTTPS, NTP, SNMP, TFTP for phones, SQL) is one people, servers or the router itself use: its deny names only
 * the infected hosts by default; a broad deny of telnet or SSH arriving on the interface the engineer's own
 * session comes in on would cut that session at the access-group line.
 */
export const WORM_ONLY_SERVICES = new Set(['udp/1434', 'tcp/4444', 'tcp/5554', 'tcp/9996', 'tcp/2323']);

/** Deny a service only from the infected hosts by default (anything but a worm-only port). */
export const narrowByDefault = (service: string): boolean => !WORM_ONLY_SERVICES.has(service);

/** Services a vty line may listen on: a broad deny of them inbound would cut a session to the router itself. */
const MANAGEMENT = new Set(['tcp/22', 'tcp/23']);

/** IOS keywords where the config would print one (numbers are accepted everywhere). */
const PORT_NAMES: Record<string, string> = { 'tcp/80': 'www', 'tcp/23': 'telnet', 'tcp/25': 'smtp', 'udp/69': 'tftp', 'udp/53': 'domain' };

export type DenyScope = 'hosts' | 'any';

/**
 * ACL entry bodies (no number, no sequence) that deny a service: from each infected host (`hosts`) or from
 * anyone (`any`). ICMP: only echo requests from the hosts; a blanket ICMP deny breaks path MTU discovery and
 * monitoring, so `any` gives no entries (rate-limit the echoes instead: icmpEchoPolicer). Pure: the change plan
 * places these entries in whatever ACL the interface already has.
 */
export function serviceDenyEntries(service: string, hosts: readonly string[], scope: DenyScope): string[] {
  const { proto, port } = parseService(service);
  if (proto === 'icmp') return scope === 'hosts' ? hosts.map((h) => `deny icmp host ${h} any echo`) : [];
  if ((proto !== 'tcp' && proto !== 'udp') || port === undefined) {
    return scope === 'hosts' ? hosts.map((h) => `deny ip host ${h} any`) : [];
  }
  const eq = `eq ${PORT_NAMES[service] ?? port}`;
  return scope === 'hosts' ? hosts.map((h) => `deny ${proto} host ${h} any ${eq}`) : [`deny ${proto} any any ${eq}`];
}

/** The fix each host's worm needs; for an unnamed worm, every candidate's. */
export function patchesFor(service: string, hosts: readonly HostAnalysis[]): string[] {
  const out = new Set<string>();
  for (const h of hosts) {
    const p = h.worm && h.worm !== 'unknown' ? profileOf(h.worm) : undefined;
    for (const q of p ? [p] : profilesSweeping(service)) out.add(`${q.name}: ${q.patch}`);
  }
  return [...out];
}

const WORM_WORDS = (h: HostAnalysis) => {
  const p = h.worm && h.worm !== 'unknown' ? profileOf(h.worm) : undefined;
  return p ? `${h.ip} fits ${p.name}` : `${h.ip}: no single worm named (see its reasons)`;
};

export interface ServiceRemedyInput {
  service: string;
  hosts: readonly HostAnalysis[];
  /** `interface Vlan1` or a placeholder line. */
  ifLine: string;
  /** Two free ACL numbers: the default ACL and the alternative's. */
  acls: [string, string];
  existingGroupCaveat: string;
  /** Words listing the hosts ("10.1.1.5, 10.1.1.6 and 3 more"). */
  hostWords: string;
}

const aclLines = (acl: string, entries: readonly string[]) => [...entries.map((e) => `access-list ${acl} ${e}`), `access-list ${acl} permit ip any any`];

/** Rate-limit 92-byte ICMP echoes (Nachi's) with MQC, on the interface facing the hosts. */
function icmpEchoPolicer(acl: string, ifLine: string): string[] {
  return [
    `access-list ${acl} permit icmp any any echo`,
    'class-map match-all icmp-echo-92',
    ` match access-group ${acl}`,
    ' match packet length min 92 max 92',
    'policy-map police-icmp-echo-92',
    ' class icmp-echo-92',
    '  police 8000 conform-action transmit exceed-action drop',
    ifLine,
    ' service-policy input police-icmp-echo-92',
  ];
}

/** The remedy for a sweep of `service` (not TCP/80): contain it where the hosts enter, then patch. */
export function serviceRemedy(x: ServiceRemedyInput): Remedy {
  const ips = x.hosts.map((h) => h.ip);
  const words = serviceWords(x.service);
  const [first, second] = x.acls;
  const one = x.hosts.length === 1;
  const patches = patchesFor(x.service, x.hosts);
  const patchWords = `Then patch or clean ${one ? 'the host' : 'the hosts'} (${patches.join('; ')}).`;
  const wormWords = ` ${x.hosts.map(WORM_WORDS).join('; ')}.`;
  const hex = includeFilter(x.service);
  const verify = hex ? `show ip cache flow | include ${hex}` : 'show ip cache flow';
  const narrow = [...aclLines(first, serviceDenyEntries(x.service, ips, 'hosts')), x.ifLine, ` ip access-group ${first} in`];
  if (x.service === 'icmp') {
    return {
      summary: `Rate-limit the ICMP echo sweep where ${one ? 'the infected host enters' : 'the infected hosts enter'}: a class matching 92-byte echoes (Welchia/Nachi's size), policed inbound on the interface facing ${one ? 'it' : 'them'}. ${patchWords}${wormWords}`,
      commands: icmpEchoPolicer(first, x.ifLine),
      caveats: [
        'Do not deny ICMP outright: path MTU discovery (unreachables) and monitoring (echo and reply) need it.',
        'match packet length counts the IP header: a Nachi echo is 92 bytes. Policy routing to Null0 on "match length 92 92" was reported not to catch the echoes on a 7500 with dCEF (cisco-nsp, August 2003): prefer this MQC policer.',
        x.existingGroupCaveat,
        `Verify with ${verify}: the echoes from ${x.hostWords} should stop growing.`,
      ],
      alternatives: [
        {
          summary: `Deny echo requests from the infected ${one ? 'host' : 'hosts'} only.`,
          commands: [...aclLines(second, serviceDenyEntries(x.service, ips, 'hosts')), x.ifLine, ` ip access-group ${second} in`],
        },
      ],
    };
  }
  const internal = narrowByDefault(x.service);
  const lan = INTERNAL_SERVICES.has(x.service);
  const broad = [...aclLines(internal ? second : first, serviceDenyEntries(x.service, ips, 'any')), x.ifLine, ` ip access-group ${internal ? second : first} in`];
  const usedWords = lan
    ? `${words} is how Windows file sharing, printing and domain logons work inside a LAN: the ACL names only the infected hosts. Add a host here when the sweep shows a new one.`
    : `${words} is a service people, servers or the router itself use: the ACL names only the infected hosts, so everyone else keeps it. Add a host here when the sweep shows a new one.`;
  const broadWords = lan
    ? `Broad variant: block ${words} from everyone on that interface. It stops file sharing and domain logons for every host behind it: only as a short emergency measure.`
    : `Broad variant: block ${words} from everyone on that interface. It stops ${words} for every host behind it${MANAGEMENT.has(x.service) ? ', and a telnet or SSH session to the router that comes in on that interface (yours, if you are connected that way) is cut at the access-group line' : ''}: only as a short emergency measure.`;
  const narrowSecond = [...aclLines(second, serviceDenyEntries(x.service, ips, 'hosts')), x.ifLine, ` ip access-group ${second} in`];
  const summary = internal
    ? `Block ${words} from ${one ? 'the infected host' : 'the infected hosts'} only, inbound on the interface facing ${one ? 'it' : 'them'}. ${patchWords}${wormWords}`
    : `Block ${words} inbound on the interface facing ${one ? 'the infected host' : 'the infected hosts'}. ${patchWords}${wormWords}`;
  return {
    summary,
    commands: internal ? narrow : broad,
    caveats: [
      internal ? usedWords : `This blocks all ${words} arriving on that interface, legitimate use included; prefer the narrow variant once the infected hosts are known.`,
      x.existingGroupCaveat,
      `Verify with ${verify}: no new flows from ${x.hostWords}.`,
      'The ACL only contains the spread: the infected hosts must be patched or taken off the network.',
    ],
    alternatives: internal
      ? [
          {
            summary: broadWords,
            commands: broad,
          },
        ]
      : [{ summary: `Narrow variant: block ${words} only from the infected hosts.`, commands: narrowSecond }],
  };
}
