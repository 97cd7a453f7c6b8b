// Where routers print the names anonymise-names.ts learns beyond the hostname command and the prompt: users in logs,
// login dialogues and tables, neighbours' and servers' host names, DNS names where the syntax puts one, and the free
// text of call-home, certificates and licences. Every regex is anchored or starts at a literal, with bounded lengths
// and no nested quantifiers (linear on any line).

/** What a typed command follows: a prompt (`R1(config-if)#`, `RP/0/RSP0/CPU0:PE1(config)#`, `fw/pri/act#`), an archive
 * log row's `user@line  |`, or a config log's `logged command:`. */
const TYPED_AFTER = [
  /^\s*(?:RP\/\d+\/\w+\/CPU\d+:)?[A-Za-z][\w.-]{0,62}(?:\/[\w-]{1,32}){0,2}(?:\([\w.\-/ ]{1,30}\))?#\s*/,
  /^\s*\d{1,6}\s+\d{1,6}\s+\S{1,64}@\S{1,32}\s+\|/,
  // A WLC's `(ACME-WLC1) >`, `(Cisco Controller) config>`.
  /^\s*\([^()\n]{1,64}\)\s?(?:config\s?)?>\s*/,
  /%PARSER-\d-CFGLOG_LOGGEDCMD: User:\S{0,64}\s+logged command:/,
];

/** Where the command typed on a line starts (0 when the line is the command itself). */
export function commandStart(line: string): number {
  for (const re of TYPED_AFTER) {
    const m = re.exec(line);
    if (m) return m.index + m[0].length;
  }
  return 0;
}

const U = String.raw`([A-Za-z0-9_][\w.@\\-]{0,63})`;
/** A username in group 1, in a config command (read after commandStart). Abbreviated `usern` too. */
export const USERNAME =
  /^\s*(?:(?:ip\s+http\s+client|ip\s+ftp|vpdn|authentication|wlccp\s+ap)\s+username|usern(?:a(?:me?)?)?|set\s+localuser\s+user|ppp\s+pap\s+sent-username|ppp\s+chap\s+hostname)\s+"?([^\s"]{1,64})/i;

/** Usernames in logs, login dialogues and tables (group 1). */
export const USER_FORMS: RegExp[] = [
  // IOS: `Configured from console by alice on vty0`; NX-OS: `Configured from vty by alice on 10.1.1.1@pts/0`.
  new RegExp(String.raw`\bConfigured from \S{1,40} by ${U} on\s`, 'i'),
  /\[user: ([^\]\s]{1,64})\]/i,
  // The config's header: `! Last configuration change at 10:22:33 UTC Mon Dec 6 2026 by jsmith`.
  new RegExp(String.raw`^!{1,2}\s*(?:Last configuration change|NVRAM config last updated) at [^\n]{1,80}? by ${U}\s*$`),
  new RegExp(String.raw`%PARSER-\d-CFGLOG_LOGGEDCMD: User:${U}\s`),
  // SSH, IOS XR, ASA: `User 'alice' authentication`, `for user 'alice'`, `committed by user 'alice'`, `user "alice"`.
  /\buser\s+'([^'\s]{1,64})'/i,
  /\buser\s+"([^"\s]{1,64})"/i,
  /\buser\s+<([^>\s]{1,64})>/i,
  /\buser(?:name)?\s+=\s+([^\s,]{1,64})/i,
  new RegExp(String.raw`\bUser ${U} has exited tty`),
  new RegExp(String.raw`\), user ${U}\s*$`),
  new RegExp(String.raw`\bsession (?:opened|closed) for user ${U}`),
  new RegExp(String.raw`:user=${U}:`),
  // show users: `*  2 vty 0     alice      idle    00:00:00 10.1.1.2`; IOS XR's commit list.
  new RegExp(String.raw`^[\s*]{0,6}\d{1,4}\s+(?:vty|con|tty|aux)\s+\d{1,4}\s+${U}\s+\S`),
  new RegExp(String.raw`^\s*\d{1,6}\s+\d{10}\s+${U}\s+(?:vty|con|aux)`),
  // The archive log: `    1     1        alice@vty0          |logging enable`.
  new RegExp(String.raw`^\s*\d{1,6}\s+\d{1,6}\s+${U}@(?:vty|tty|con|aux)\S{0,20}\s+\|`),
  // Logging in: `Username: jdoe`, `login as: alice`, `alice@10.1.1.2's password:`, `ssh -l alice 10.1.1.2`.
  new RegExp(String.raw`^\s*(?:Username|User Name|login as|login):\s*${U}\s*$`),
  new RegExp(String.raw`^\s*${U}@[\w.:-]{1,253}'s password:`),
  new RegExp(String.raw`#\s*ssh\s(?:[^\n]{0,120}?\s)?-l\s+${U}`),
  // show ssh (IOS `Session started  alice`, an ASA's `SessionStarted alice`), show access-session's `User-Name:`,
  // an ASA's show vpn-sessiondb `Username     : alice     Index : 12`, NX-OS show users `alice   pts/0  Mar  2 ...`.
  new RegExp(String.raw`\bSession ?[Ss]tarted\s+${U}\s*$`),
  new RegExp(String.raw`^\s*User-Name:\s+${U}\s*$`),
  new RegExp(String.raw`^\s*Username\s+:\s+${U}(?:\s|$)`),
  new RegExp(String.raw`^${U}\s+(?:pts\/\d{1,4}|ttyS?\d{1,4})\s`),
  // `Configured programmatically by process X from console as alice on vty0`, `Configured from NETCONF/RESTCONF by alice,`.
  new RegExp(String.raw`\bfrom \S{1,40} as ${U} on (?:vty|tty|con|aux)`),
  new RegExp(String.raw`\bConfigured from \S{1,40} by ${U}(?:,|\s*$)`),
  // RADIUS debug: `RADIUS:  User-Name           [1]   9   "alice"`.
  new RegExp(String.raw`\bUser-Name\s+\[1\]\s+\d{1,3}\s+"([^"\s]{1,64})"`),
  // An ASA's identity firewall: `for outside:192.0.2.7/51234 (192.0.2.7/51234)(ACME\alice)`.
  /\/\d{1,5}\)\(([A-Za-z0-9_][\w.-]{0,30}\\[^\s()\\]{1,64})\)/,
  // Testing AAA: `test aaa group tacacs+ alice <password> legacy`, an ASA's `test aaa-server ... username alice`.
  new RegExp(String.raw`\btest\s+aaa\s+group\s+\S{1,64}\s+${U}(?:\s|$)`),
  new RegExp(String.raw`\btest\s+aaa-server\s[^\n]{0,200}?\susername\s+${U}`),
];

/** Words where a user can stand that name nobody: lines, placeholders, generic accounts and protocols (which are
 * also words a parser reads: `spanning-tree vlan 1 root primary`, `admin down`, `ip inspect name X ftp`). */
const NOT_USERS = new Set(['console', 'vty', 'tty', 'aux', 'con', 'unknown', 'idle', 'none', 'admin', 'administrator', 'root', 'cisco', 'guest', 'enable', 'operator', 'user', 'username', 'test', 'default', 'anonymous', 'password', 'secret', 'privilege', 'ftp', 'tftp', 'http', 'https', 'scp', 'sftp']);
export const isUserWord = (w: string): boolean =>
  !w.startsWith('<') && /^[\w\\]/.test(w) && !/^\d[\d.:]*$/.test(w) && !/^(?:vty|tty|con|aux)\d/i.test(w) && !NOT_USERS.has(w.toLowerCase());

const H = String.raw`([A-Za-z0-9][\w.-]{0,62})`;
/** A neighbour's, a server's or a controller's host name in group 1 (dotted: a DNS name, its domain learned). */
export const HOST_FORMS: RegExp[] = [
  // CDP and LLDP detail, a WLC's sysinfo and sysname, its prompt `(ACME-WLC1) >`.
  new RegExp(String.raw`^\s*Device ID:\s*${H}`),
  new RegExp(String.raw`^\s*System Name:\s*${H}\s*$`),
  new RegExp(String.raw`^\s*System Name\.{2,60}\s*${H}\s*$`),
  new RegExp(String.raw`^\s*(?:config\s+)?sysname\s+${H}\s*$`),
  new RegExp(String.raw`^\s*\(([A-Za-z][\w.-]{0,62})\)\s?>`),
  // `%CDP-4-NATIVE_VLAN_MISMATCH: ... on Gi0/1 (1), with ACME-SW3 Gi1/0/1 (10).`
  new RegExp(String.raw`%CDP-\d-\w{1,40}:[^\n]{0,200}?\swith\s${H}[\s(]`),
  // A syslog server's line: `Dec  6 03:12:01 acme-r2 123: %LINK-...`, NX-OS `2022 Dec  6 03:12:08 acme-n9k %VSHD-...`.
  // (A terminal-log reader takes the time off as a stamp: the line may start with the host.)
  new RegExp(String.raw`^(?:(?:\d{4}\s+)?[A-Z][a-z]{2}\s{1,2}\d{1,2}\s+(?:\d{4}\s+)?\d\d:\d\d:\d\d(?:\.\d{1,6})?\s+)?([A-Za-z][\w.-]{0,62})\s+(?:\d{1,10}:\s+)?(?:\*?[A-Z][a-z]{2}\s{1,2}\d[^%\n]{0,40})?%[A-Z][\w-]{0,40}-\d-`),
  // Where the syntax puts a host name (read after commandStart); not an ASA's interface before an address
  // (`logging host inside 10.1.1.1`).
  new RegExp(String.raw`^\s*ip\s+host\s+(?:vrf\s+\S{1,32}\s+)?${H}\s`),
  // An NX-OS virtual device context, named after the switch as often as not: `vdc N7K-CORE-01 id 1`.
  new RegExp(String.raw`^\s*vdc\s+${H}\s+id\s+\d`),
  // (`logging host inside 10.1.1.1`, `logging host inside syslog1` on an ASA: the interface comes first.)
  new RegExp(String.raw`^\s*logging\s+(?:host|server)\s+(?:ipv6\s+)?([A-Za-z][\w.-]{0,252})(?=\s*$|\s+(?:transport|vrf|use-vrf|discriminator|sequence-num-session|session-id|filtered|xml|\d(?:\s|$)))`),
  new RegExp(String.raw`^\s*(?:ntp\s+(?:server|peer)|ip\s+name-server|(?:tacacs|radius)-server\s+host)\s+(?:vrf\s+\S{1,32}\s+|ipv6\s+)?([A-Za-z][\w.-]{0,252})(?=\s*$|\s+(?!\d|[0-9a-fA-F]{1,4}:))`),
  // (An ASA's `snmp-server host inside nms1` reads like IOS's `snmp-server host nms1 public`: DNS names only.)
  new RegExp(String.raw`^\s*snmp-server\s+host\s+(?:vrf\s+\S{1,32}\s+)?([A-Za-z][\w-]{0,62}(?:\.[\w-]{1,63}){1,8})(?=\s|$)`),
  new RegExp(String.raw`\bhttps?://([A-Za-z][\w-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,8})(?=[:/\s]|$)`),
  // show hosts: `burns-office-pc   None  (perm, OK)  0   IP    10.40.1.10`.
  new RegExp(String.raw`^${H}\s+(?:None|\d{1,5})\s+\((?:perm|temp)\b`),
  // A dialer's peer (`dialer map ip 10.1.1.2 name branch1 5550144`, `dialer remote-name branch1`), an L2TP LAC's name.
  new RegExp(String.raw`^\s*dialer\s+map\s+\S{1,16}\s+\S{1,64}\s+name\s+${H}`),
  new RegExp(String.raw`^\s*dialer\s+remote-name\s+${H}`),
  new RegExp(String.raw`^\s*(?:local\s+name|terminate-from\s+hostname|initiate-to\s+hostname)\s+${H}\s*$`),
];

/** An ASA's log names a tunnel group (`Group = ACME-VPN, Username = ...`, `Group <ACME-VPN>`): a peer's name. */
export const ASA_GROUP = /%ASA-\d-\d{6}:[^\n]{0,40}?\bGroup (?:= ([^,\s]{1,64}),|<([^>\s]{1,64})>)/;

/** Keywords where a host name can stand: no host. */
const NOT_HOSTS = new Set(['vrf', 'ipv6', 'ip', 'source', 'source-interface', 'use-vrf', 'key', 'prefer', 'version', 'host', 'server', 'buffered', 'trap', 'informs', 'traps']);
/** Time zones a syslog server may print where the host stands (`Dec 6 03:12:01 UTC ...`). */
export const isHostWord = (w: string): boolean => !NOT_HOSTS.has(w.toLowerCase()) && !/^[A-Z]{3,5}$/.test(w);

/** Lines whose rest is free text: keep the keyword, replace the rest (read after commandStart). */
export const FREE_TEXT: [RegExp, string][] = [
  [/^(\s*description:?\s+)\S[^]*/i, '[description removed]'],
  [/^(\s*neighbor\s+\S{1,64}\s+description\s)\S[^]*/, '[description removed]'],
  // A show interfaces description row pasted without its heading: `Gi0/1    up    up    Link to ACME`.
  [/^([A-Z][A-Za-z-]{0,30}\d[\w/.:-]{0,20}\s+(?:up|down|admin down|deleted)\s+(?:up|down)\s+)\S[^]*/, '[description removed]'],
  [/^(\s*(?:snmp-server|set system) location\s)\S[^]*/i, '[location removed]'],
  [/^(\s*(?:snmp-server|set system) contact\s)\S[^]*/i, '[contact removed]'],
  // A WLC's show sysinfo.
  [/^(\s*System (?:Contact|Location)\.{2,60}\s*)\S[^]*/, '[contact removed]'],
  // Call-home (IOS and NX-OS): who to call and where they are.
  [/^(\s*(?:contact-email-addr|phone-number|street-address|email-contact|phone-contact|streetaddress)\s)\S[^]*/, '[contact removed]'],
  [/^(\s*(?:customer-id|site-id|contract-id|snmp-server chassis-id|logging origin-id string)\s)\S[^]*/, '[id removed]'],
  // Certificates: `subject-name CN=r1.acme.com,O=ACME`, show crypto pki certificates' `o=ACME Corporation` lines.
  [/^(\s*subject-name\s)\S[^]*/i, '[subject removed]'],
  [/^(\s*issuer-name\s)\S[^]*/i, '[name removed]'],
  [/^(\s*(?:cn|o|ou|l|st|c|dc|e|ea|email|uid|street|postalCode|hostname|unstructuredName|unstructuredAddress|serialNumber|serial)\s?=\s?)\S[^]*/i, '[name removed]'],
  // NX-OS and ASA print a certificate's whole subject and issuer on one line: `subject=/CN=r1/O=ACME GmbH`.
  [/^(\s*(?:subject|issuer)(?:\s+name)?\s?[=:]\s?)\S[^]*/i, '[name removed]'],
  [/^(\s*(?:Smart|Virtual) Account:\s)\S[^]*/, '[account removed]'],
  // Directory names: an ASA's `ldap-base-dn DC=acme,DC=local`, `ldap-login-dn CN=svc,OU=...`.
  [/^(\s*ldap-[\w-]{1,30}-dn\s)\S[^]*/, '[dn removed]'],
  // show snmp's `Contact: ...` and `Location: ...`; LLDP detail's `Port Description: ...`.
  [/^(Contact:\s*)\S[^]*/, '[contact removed]'],
  [/^(Location:\s*)\S[^]*/, '[location removed]'],
  [/^(\s*Port Description:\s*)\S[^]*/, '[description removed]'],
  // ACL remarks stay remarks (a change plan copies them): `remark ...`, `10 remark ...`, `access-list 101 remark ...`.
  [/^(\s*(?:\d{1,10}\s+)?remark\s)\S[^]*/, '[remark removed]'],
  [/^(\s*(?:ipv6\s+)?access-list\s+\S{1,64}\s+(?:line\s+\d{1,10}\s+)?remark\s)\S[^]*/, '[remark removed]'],
  [/^(\s*(?:ip|ipv6)\s+prefix-list\s+\S{1,64}\s+description\s)\S[^]*/, '[description removed]'],
  // A DHCP pool's client-name, a line's location, an IP SLA operation's tag.
  [/^(\s*client-name\s)\S[^]*/, '[name removed]'],
  [/^(\s*location\s)(?!(?:civic-location|elin-location|geo-location|custom-location|prefer)\b)\S[^]*/, '[location removed]'],
  [/^(\s*tag\s)\S[^]*/, '[tag removed]'],
  // Phone numbers: ISDN SPIDs, dial strings, dial peers' patterns.
  [/^(\s*isdn\s+spid\d\s)\S[^]*/, '[number removed]'],
  [/^(\s*dialer\s+string\s)\S[^]*/, '[number removed]'],
  [/^(\s*(?:destination-pattern|incoming\s+called-number|answer-address)\s)\S[^]*/, '[number removed]'],
];

/** Free text and numbers inside a line that the line's other words are still read around (group 1 kept). */
export const INLINE_TEXT: [RegExp, string][] = [
  // NX-OS `ldap-server host 10.1.1.5 rootDN "CN=svc,OU=Service,DC=acme,DC=local" port 389`; a CRL's LDAP URL.
  [/(\brootDN\s+)(?:"[^"\n]{0,1024}"|\S{1,1024})/g, '$1"[dn removed]"'],
  [/(\bldaps?:\/\/)[^\s"']{1,2048}/g, '$1[dn removed]'],
  // A CRL's or a CA certificate's HTTP address names the CA in its path (`.../ACME%20Issuing%20CA.crl`).
  [/(\bhttps?:\/\/[^\s/"']{1,255}\/)[^\s"']{1,1024}\.(crl|crt|cer)(?![\w.])/g, '$1[path removed].$2'],
  // `isdn caller 5550111 callback`, a modem's `"ATDT15550177"`.
  [/(\bisdn\s+caller\s+)\+?[\dXx]{2,32}/g, '$1[number removed]'],
  [/(\bATD[TP]?)\+?\d[\d,*#W-]{2,40}/g, '$1[number removed]'],
];

/** `show interfaces description` (IOS, IOS XR) and NX-OS's `show interface description`: the column the text starts at. */
const DESCRIPTION_HEADING = /^\s*(?:Interface|Port)\s+(?:Status\s+Protocol|Type\s+Speed)\s+Description\s*$/;
export const descriptionColumn = (l: string): number => (DESCRIPTION_HEADING.test(l) ? l.indexOf('Description') : -1);
/** In a row under that heading: where its description starts, or -1 (no description, or no row). */
export function descriptionStart(row: string, column: number): number {
  if (!/^\S/.test(row) || row.length <= column) return -1;
  let at = column;
  // A status wider than its column pushes the text right: the description starts after the next blank.
  if (/\S/.test(row[at - 1] ?? ' ')) {
    while (at < row.length && /\S/.test(row[at]!)) at++;
  }
  while (at < row.length && /\s/.test(row[at]!)) at++;
  return at < row.length ? at : -1;
}

/** show cdp / lldp neighbors: the heading, then rows that start with the neighbour's name. */
export const NEIGHBOR_HEADING = /^\s*Device[ -]ID\s+Local\s+Intr?fa?ce?\s/;
export const NEIGHBOR_ROW = /^([A-Za-z][\w.-]{0,62})(?:\(\S{1,40}\))?(?:\s|$)/;

/** A serial number as Cisco writes one (three letters, year and week, four characters), wherever a table puts it. */
export const SERIAL_SHAPE = /(?<![\w-])([A-Z]{3}\d{4}[A-Z0-9]{4})(?![\w-])/g;

/** An e-mail address: its local part names a person (group 1), its domain a network (group 2). */
export const EMAIL = /(?<![\w.+-])([A-Za-z0-9_][\w.+-]{0,63})@([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){0,7}\.[A-Za-z]{2,24})(?![\w-])/g;

// Host names under a public suffix anywhere in a line (`ntp server time.acme.com`). Country codes and new suffixes
// that are also file types a router prints (.sh, .py, .md, .cc, .ps) are left out.
const TLDS = 'com|net|org|edu|gov|mil|int|info|biz|io|local|lan|corp|internal|home|uk|de|fr|nl|ca|au|jp|cn|ru|br|it|es|ch|se|no|dk|fi|pl|be|at|nz|in|us|ie|za|sg|hk|tw|kr|mx|ar|cl|co|pt|gr|cz|hu|ro|tr|il|ae|sa|my|th|ph|vn|eu|lu|li|is|ee|lv|lt|sk|si|hr|rs|ua|me|tv|ai|tech|app|cloud|online|site|xyz|asia';
export const FQDN = new RegExp(`(?<![\\w.-])((?:[A-Za-z0-9-]{1,63}\\.){1,8})(${TLDS})(?![\\w-])`, 'gi');
/** Second-level labels under a country code (`acme.co.za`, `acme.com.au`): the domain is one label longer. */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'ac', 'gov', 'edu', 'ne', 'or', 'go', 'ltd', 'plc', 'gen']);
/** The domain a DNS name is registered under (`time.acme.co.za` → `acme.co.za`); null for one label. */
export function registeredDomain(name: string): string | null {
  const labels = name.replace(/\.$/, '').toLowerCase().split('.');
  if (labels.length < 2 || labels.some((l) => l === '')) return null;
  const n = labels.length;
  const keep = n >= 3 && labels[n - 1]!.length === 2 && SECOND_LEVEL.has(labels[n - 2]!) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

// show version names the router too: NX-OS's `Device name: N9K-CORE`, IOS's `core-gw1 uptime is 2 weeks`.
export const DEVICE_NAME = /^\s*(?:Device name:\s*([A-Za-z][\w.-]{0,62})\s*$|([A-Za-z][\w.-]{0,62}) uptime is \d)/;
// A chassis's, board's or part's serial number: `Processor board ID FTX1234A5BC` (show version), `System serial number
// : FOC...`, `Serial Number: JMX...` (an ASA), `SN: FTX...` (show inventory), `license udi pid CISCO1841 sn FTX...`.
export const SERIAL = /(\b(?:processor board id|serial num(?:ber)?(?: *:)?|sn:|udi pid \S+ sn) *)([A-Z0-9][A-Z0-9-]{3,39})(?![\w-])/gi;
// The vendor's own sites and the licences show version quotes (www.gnu.org, www.opensource.org) name nobody.
export const NOT_DOMAINS = new Set(['cisco.com', 'gnu.org', 'opensource.org']);
// `banner motd ^C` ... `^C`: the delimiter is the first character after the banner type (IOS prints ^C as two).
export const BANNER = /^(\s*banner\s+[\w-]+\s+)(\^C|\S)([^]*)$/i;
export const BANNER_HINT = /^Enter TEXT message\.\s+End with the character '.{1,2}'\.\s*$/;
