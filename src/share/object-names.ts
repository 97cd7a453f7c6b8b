// The names an engineer gives a router's objects (access lists, VRFs, route-maps, class and policy maps, prefix
// lists, object groups, zones, SSIDs, VLANs, pools, AAA groups, an ASA's interface names and tunnel groups): read
// where the syntax puts them, in a config or in the show commands and logs that print them. They often carry a
// customer's or a site's name (`vrf definition GLOBEX`, `ip access-list extended ACME-HQ-IN`). Linear regexes only.

/** What the share panel promises (kept with the code that does it). */
export const OBJECTS_REPLACED = 'names of access lists, VRFs, route-maps, class and policy maps, prefix lists, object groups, zones, SSIDs, VLANs, pools, AAA method lists and server groups, flow exporters and monitors, port profiles, VTP and identity domains, VPN group policies and tunnel groups, trustpoints, IPv6 general prefixes, VPDN groups, EEM applets, aliases, chat scripts, call-home and crypto profiles' as const;

export type ObjectKind = 'acl' | 'vrf' | 'map' | 'class' | 'policy' | 'list' | 'group' | 'zone' | 'ssid' | 'vlan' | 'pool' | 'aaa' | 'if' | 'peer' | 'domain';

// An optional prompt before a typed command (`R1(config)#ip access-list extended X`).
const P = String.raw`^\s*(?:[A-Za-z][\w.-]{0,62}(?:\([\w.\-/ ]{1,30}\))?#\s*)?`;
// A name as IOS, NX-OS and ASA take one: no spaces; quotes around it dropped.
const N = String.raw`"?([A-Za-z0-9_][\w.+:/@#$-]{0,63})"?`;
// Case-sensitive: IOS writes its keywords in lower case, and a show command's heading (`IP VRF ID INPUT`) is no command.
const re = (s: string) => new RegExp(s, 'd');

/** [pattern, kind of the name in group 1 (and 2, 3 when the pattern has them)]: where a name is defined or used. */
const FORMS: [RegExp, ObjectKind][] = [
  // Access lists: defined, bound, matched, and as show access-lists, show ip interface and the ACL log print them.
  [re(`${P}(?:no\\s+)?(?:ip|ipv6|mac|arp)\\s+access-list\\s+(?:standard\\s+|extended\\s+|role-based\\s+|resequence\\s+)?${N}`), 'acl'],
  [re(`${P}(?:ip|ipv6)\\s+(?:port\\s+)?(?:access-group|traffic-filter)\\s+${N}\\s+(?:in|out)\\b`), 'acl'],
  [re(`${P}(?:ipv6\\s+)?access-class\\s+${N}(?:\\s+(?:in|out)\\b|\\s*$)`), 'acl'],
  [re(`${P}access-list\\s+([A-Za-z_][\\w.+:/@#$-]{0,63})\\s+(?:extended|standard|remark|webtype|ethertype|line)\\b`), 'acl'],
  [re(`${P}access-group\\s+${N}\\s+(?:in|out|global)\\b`), 'acl'],
  [re(`${P}match\\s+access-group\\s+name\\s+${N}`), 'acl'],
  [re(`^\\s*match\\s+ip(?:v6)?\\s+address\\s+(?:prefix-list\\s+)?${N}(?:\\s+${N})?(?:\\s+${N})?\\s*$`), 'acl'],
  [re(`\\bsh(?:ow?)?\\s+(?:ip\\s+)?access-lists?\\s+(?!\\|)${N}(?=\\s|$)`), 'acl'],
  [re(`${P}ip\\s+nat\\s+(?:inside|outside)\\s+source\\s+list\\s+${N}`), 'acl'],
  [re(`^\\s*(?:Standard|Extended|Reflexive|Role-based)?\\s*IP(?:v6)?\\s+access\\s+list\\s+${N}\\s*$`), 'acl'],
  [re(`^\\s*(?:Inbound|Outgoing)\\s+(?:Common\\s+)?access\\s+list\\s+is\\s+(?!not\\s+set)${N}`), 'acl'],
  [re(`%SEC-\\d-IPACCESSLOG\\w*:\\s+list\\s+${N}\\s`), 'acl'],
  // VRFs.
  [re(`${P}(?:(?:ip\\s+)?vrf\\s+forwarding|ip\\s+vrf(?!\\s+(?:receive|select|sitemap|forwarding)\\b)|vrf\\s+definition|vrf\\s+context|vrf\\s+member)\\s+${N}`), 'vrf'],
  [re(`${P}(?:address-family\\s+ipv[46]\\s+(?:unicast\\s+|multicast\\s+)?vrf|ip\\s+route\\s+vrf)\\s+${N}`), 'vrf'],
  [re(`^\\s*Routing\\s+Table:\\s+${N}\\s*$`), 'vrf'],
  // Route-maps, class maps, policy maps, prefix lists.
  [re(`${P}route-map\\s+${N}(?:,|\\s+(?:permit|deny)\\b|\\s+\\d+\\s*$|\\s*$)`), 'map'],
  [re(`\\sroute-map\\s+${N}(?=\\s|$)`), 'map'],
  [re(`${P}ip\\s+policy\\s+route-map\\s+${N}`), 'map'],
  [re(`${P}class-map\\s+(?:type\\s+\\S+\\s+)?(?:match-any\\s+|match-all\\s+)?${N}\\s*$`), 'class'],
  [re(`^\\s*Class-map:\\s+${N}\\s+\\(match-`), 'class'],
  [re(`^\\s*class\\s+(?:type\\s+\\S+\\s+)?${N}\\s*$`), 'class'],
  [re(`${P}policy-map\\s+(?:type\\s+\\S+\\s+)?${N}\\s*$`), 'policy'],
  [re(`${P}service-policy\\s+(?:type\\s+\\S+\\s+)?(?:input\\s+|output\\s+)?${N}\\s*$`), 'policy'],
  [re(`^\\s*Service-policy\\s+(?:input|output)\\s*:\\s+${N}\\s*$`), 'policy'],
  [re(`${P}(?:ip|ipv6)\\s+prefix-list\\s+${N}\\s+(?:seq|permit|deny|description)\\b`), 'list'],
  // Object groups (IOS, NX-OS, ASA) and an ASA's objects.
  [re(`${P}object-group\\s+(?:ip\\s+address|ip\\s+port|network|service|protocol|icmp-type|user|security)\\s+${N}`), 'group'],
  [re(`${P}object\\s+(?:network|service)\\s+${N}`), 'group'],
  // Zones (IOS zone-based firewall, ASA), SSIDs, AAA groups and servers.
  [re(`${P}zone\\s+security\\s+${N}`), 'zone'],
  [re(`${P}zone-member\\s+security\\s+${N}`), 'zone'],
  [re(`${P}zone-pair\\s+security\\s+${N}(?:\\s+source\\s+${N}\\s+destination\\s+${N})?`), 'zone'],
  [re(`${P}(?:dot11\\s+)?ssid\\s+${N}\\s*$`), 'ssid'],
  [re(`${P}wlan\\s+${N}\\s+\\d+\\s+${N}\\s*$`), 'ssid'],
  [re(`${P}aaa\\s+group\\s+server\\s+(?:tacacs\\+|radius|ldap)\\s+${N}`), 'aaa'],
  [re(`${P}(?:tacacs|radius)\\s+server\\s+${N}\\s*$`), 'aaa'],
  // AAA method lists (`aaa authentication login NOC-VTY group tacacs+ local`) and the lines that use them.
  [re(`${P}aaa\\s+(?:authentication\\s+(?:login|enable|ppp|dot1x)|authorization\\s+(?:exec|network|config-commands|commands\\s+\\d+)|accounting\\s+(?:exec|network|connection|system|commands\\s+\\d+))\\s+(?!(?:group|local|none|default|start-stop|stop-only|if-authenticated)\\b)${N}`), 'aaa'],
  [re(`^\\s+(?:login\\s+authentication|authorization\\s+(?:exec|commands\\s+\\d+)|accounting\\s+(?:exec|connection|commands\\s+\\d+))\\s+${N}\\s*$`), 'aaa'],
  [re(`${P}aaa\\s+(?:authentication|authorization|accounting)\\s.*?\\sgroup\\s+${N}`), 'aaa'],
  // Pools: DHCP, NAT, local address pools, and inspection rules named like them.
  [re(`${P}(?:ip\\s+dhcp\\s+pool|ipv6\\s+dhcp\\s+pool|ip\\s+nat\\s+pool|ip\\s+local\\s+pool)\\s+${N}`), 'pool'],
  [re(`${P}ip\\s+inspect\\s+name\\s+${N}`), 'policy'],
  // An ASA's interface names and its peers' tunnel groups and group policies.
  [re(`${P}nameif\\s+${N}\\s*$`), 'if'],
  [re(`${P}tunnel-group\\s+${N}\\s+(?:type|general-attributes|ipsec-attributes|webvpn-attributes)\\b`), 'peer'],
  [re(`${P}group-policy\\s+${N}\\s+(?:internal|external|attributes)\\b`), 'peer'],
  [re(`${P}crypto\\s+pki\\s+server\\s+${N}\\s*$`), 'peer'],
  // Flexible NetFlow's exporters, records and monitors (IOS and NX-OS), an NX-OS port profile, NX-OS's `use-vrf`.
  [re(`${P}flow\\s+(?:exporter|record|monitor)\\s+${N}\\s*$`), 'group'],
  [re(`^\\s+(?:exporter|record)\\s+${N}\\s*$`), 'group'],
  [re(`${P}(?:ip|ipv6)\\s+flow\\s+monitor\\s+${N}\\s+(?:input|output)\\b`), 'group'],
  [re(`${P}port-profile\\s+(?:type\\s+\\S+\\s+)?${N}\\s*$`), 'group'],
  [re(`\\suse-vrf\\s+${N}(?=\\s|$)`), 'vrf'],
  // An ASA's show vpn-sessiondb: `Group Policy : GP-ACME          Tunnel Group : TG-ACME`.
  [re(`^\\s*Group\\s+Policy\\s*:\\s+${N}`), 'peer'],
  [re(`(?:^|\\s)Tunnel\\s+Group\\s*:\\s+${N}`), 'peer'],
  // Domains that are no DNS names: a VTP domain (config, CDP detail, show vtp status), an ASA's identity domain.
  [re(`${P}vtp\\s+domain\\s+${N}\\s*$`), 'domain'],
  [re(`^\\s*VTP\\s+Management\\s+Domain:\\s*'([A-Za-z0-9_][\\w.+:/@#$-]{0,63})'`), 'domain'],
  [re(`^\\s*VTP\\s+Domain\\s+Name\\s*:\\s*${N}\\s*$`), 'domain'],
  [re(`${P}user-identity\\s+domain\\s+${N}`), 'domain'],
  // An IPv6 general prefix (and the interface addresses built on it), VPDN groups, EEM applets, aliases, chat
  // scripts, call-home and crypto profiles.
  [re(`${P}ipv6\\s+general-prefix\\s+${N}`), 'list'],
  [re(`${P}vpdn-group\\s+${N}`), 'group'],
  [re(`${P}event\\s+manager\\s+applet\\s+${N}`), 'policy'],
  [re(`${P}alias\\s+\\S{1,32}\\s+${N}`), 'policy'],
  [re(`${P}chat-script\\s+${N}`), 'policy'],
  [re(`${P}crypto\\s+(?:isakmp|ipsec|ikev2)\\s+profile\\s+${N}\\s*$`), 'peer'],
  [re(`^\\s+profile\\s+${N}\\s*$`), 'group'],
  // An ASA's AAA server groups (`aaa-server ACME-LDAP protocol ldap`, `aaa-server ACME-LDAP (inside) host 10.1.1.5`)
  // and trustpoints, as configured and as show crypto ca certificates prints them.
  [re(`${P}aaa-server\\s+${N}\\s+(?:protocol\\s|\\(|host\\s)`), 'aaa'],
  [re(`${P}crypto\\s+(?:pki|ca)\\s+(?:trustpoint|export|import|authenticate|enroll)\\s+${N}`), 'peer'],
  [re(`^\\s*(?:Trustpoint|Associated\\s+Trustpoints):\\s+${N}(?:\\s+${N})?(?:\\s+${N})?\\s*$`), 'peer'],
];

/**
 * Where a name can stand but a keyword can too (`show vrf detail`, `match ip address 101`): replaced there when the
 * name was learned from a form above, never learned here.
 */
const REFERENCES: [RegExp, ObjectKind][] = [
  [re(`\\svrf\\s+(?!(?:forwarding|definition|context|member|upgrade-cli|select|receive|sitemap)\\b)${N}(?=\\s|$)`), 'vrf'],
  [re(`\\s(?:access-class|access-group|distribute-list|prefix-list|filter-list|traffic-filter)\\s+(?:name\\s+|peer\\s+|serve\\s+|query-only\\s+)?${N}(?=\\s|$)`), 'acl'],
  [re(`\\s(?:group|zone-member\\s+security|service-policy(?:\\s+input|\\s+output)?|class|pool|list)\\s+${N}(?=\\s|$)`), 'group'],
  [re(`^\\s*ipv6\\s+address\\s+${N}(?=\\s+[0-9A-Fa-f:]*:)`), 'list'],
  [re(`\\s(?:script\\s+(?:dialer|reset|startup|activation|connection|arap|callback)|modem-script|system-script)\\s+${N}(?=\\s|$)`), 'policy'],
];

// An object group named inside an entry (not its definition, which FORMS reads): as many as the entry has.
const GROUP_REF = /\sobject-group\s+"?([A-Za-z0-9_][\w.+:/@#$-]{0,63})"?(?=\s|$)/dg;

// `vlan 10` then ` name GLOBEX-USERS`; show vlan's rows (`10   GLOBEX-USERS   active   Fa0/1`).
const VLAN_BLOCK = /^\s*vlan\s+\d{1,4}\s*$/i;
const VLAN_NAME = /^\s+name\s+"?([A-Za-z0-9_][\w.+:/@#$-]{0,31})"?\s*$/d;
const VLAN_ROW = /^\s*\d{1,4}\s+([A-Za-z0-9_][\w.+:/@#$-]{0,31})\s+(?:active|act\/lshut|sus\/lshut|act\/unsup|suspended|sus)\b/d;

/**
 * Names that identify nobody and are read by the analysis as they are: the platform's own (`class-default`,
 * `Mgmt-intf`), the tech note's and this tool's (`http-hacks`, `CODE-RED-BLOCK`), generic words, and anything a
 * keyword or a show command could also print (a name `SNMP` replaced everywhere would rename the SNMP ENGINE process).
 */
const KEPT = new Set(
  [
    'class-default', 'mgmt-intf', 'management', 'mgmt', 'default', 'global', 'http-hacks', 'mark-inbound-http-hacks', 'block-www-v6',
    'in', 'out', 'inside', 'outside', 'dmz', 'any', 'host', 'permit', 'deny', 'ip', 'ipv4', 'ipv6', 'tcp', 'udp', 'icmp', 'www', 'http',
    'https', 'ssh', 'telnet', 'snmp', 'ntp', 'nat', 'vty', 'arp', 'input', 'output', 'internet', 'local', 'remote', 'wan', 'lan', 'voice',
    'data', 'video', 'guest', 'test', 'block', 'allow', 'admin', 'web', 'dns', 'mail', 'name', 'type', 'match-any', 'match-all', 'inspect',
    'standard', 'extended', 'fddi-default', 'token-ring-default', 'fddinet-default', 'trnet-default', 'trcrf-default', 'trbrf-default', 'ciscotac-1', 'self', 'id', 'vlan', 'tacacs', 'tacacs+', 'radius', 'ldap', 'protocol', 'address', 'hardware', 'process', 'status', 'ports', 'total', 'used', 'free', 'copp-system-policy', 'list', 'log', 'eq', 'none', 'all', 'interface', 'access', 'server', 'system',
  ].map((s) => s.toLowerCase()),
);

const INTERFACE =
  /^(?:(?:ten|twentyfive|forty|fifty|hundred|two-hundred|four-hundred)?gig(?:abit)?(?:ethernet|e)|fastethernet|ethernet|serial|loopback|tunnel|vlan|port-channel|dialer|virtual-template|virtual-access|bvi|atm|pos|multilink|null|mgmt|gi|fa|te|tw|twe|fo|hu|eth|et|po|se|lo|tu|di|vl|vi|mu)\d+(?:[/:.]\d+)*$/i;

/** A name worth a pseudonym: not kept, not a number or an address, with a letter in it. */
export function isPrivateName(name: string): boolean {
  const n = name.toLowerCase();
  if (name.length < 2 || KEPT.has(n) || n.startsWith('code-red') || !/[a-z]/i.test(name)) return false;
  // An address (`10.1.1.0`, `2001:db8::1`) is the address anonymiser's; an interface name is no one's.
  if (/^[\d.:a-f/]+$/i.test(name) && /[.:]/.test(name)) return false;
  return !INTERFACE.test(name);
}

/**
 * A name that can be replaced wherever it stands as a word: one a keyword or a show command's word could not be
 * (an upper-case letter, a digit, `_`, `-` or `.` in it). A plain lower-case word (`tacacs`, `internal`) is replaced
 * only where the syntax puts a name: `aaa group server tacacs+ tacacs` must not rename `feature tacacs+`.
 */
export const isDistinctiveName = (name: string): boolean => /[A-Z0-9_.-]/.test(name);

/**
 * Reads the object names of one line of a text, calling `found` with each and where it stands; returns whether the
 * next line is inside a `vlan N` block (call once a line, in order, with the previous call's answer). With
 * `references`, also the places a learned name may be used (for replacing, never for learning).
 */
export function objectNamesOf(line: string, inVlan: boolean, found: (name: string, kind: ObjectKind, start: number) => void, references = false): boolean {
  if (line.length > 600) return false;
  const read = (form: RegExp, kind: ObjectKind) => {
    const m = form.exec(line);
    if (m) for (let g = 1; g < m.length; g++) if (m[g] && isPrivateName(m[g]!)) found(m[g]!, kind, m.indices![g]![0]);
  };
  for (const [form, kind] of FORMS) read(form, kind);
  if (references) for (const [form, kind] of REFERENCES) read(form, kind);
  // Every object group an entry names (`permit object-group WEB_svc object-group ACME_hosts any`).
  if (line.includes('object-group')) {
    for (const m of line.matchAll(GROUP_REF)) if (isPrivateName(m[1]!)) found(m[1]!, 'group', m.indices![1]![0]);
  }
  if (inVlan) read(VLAN_NAME, 'vlan');
  read(VLAN_ROW, 'vlan');
  // A `vlan N` block stays open over its indented lines.
  return VLAN_BLOCK.test(line) || (inVlan && /^\s/.test(line));
}
