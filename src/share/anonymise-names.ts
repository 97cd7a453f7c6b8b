// Anonymise what names a network in a share link: hostnames (from `hostname` and prompts), neighbours' and servers'
// host names, domain names and the FQDNs under them, usernames (config, logs, logins; also PPP's), e-mail addresses,
// serial numbers (Cisco's records tie a chassis's serial to its owner); and replace free text a router carries
// (interface descriptions, SNMP location and contact, call-home contacts, certificate subjects, banners). Learn the
// names from every text of the link first, so each maps to one pseudonym everywhere. Where the forms are: name-forms.ts.
import { lineStampLength } from '../core/text/line-stamps';
import { createAsnAnonymiser } from './anonymise-asn';
import { halfSipHash, halfSipKey, type HalfSipKey } from './half-siphash';
import { ASA_GROUP, BANNER, BANNER_HINT, DEVICE_NAME, EMAIL, FQDN, FREE_TEXT, HOST_FORMS, INLINE_TEXT, NEIGHBOR_HEADING, NEIGHBOR_ROW, NOT_DOMAINS, SERIAL, SERIAL_SHAPE } from './name-forms';
import { USERNAME, USER_FORMS, commandStart, descriptionColumn, descriptionStart, isHostWord, isUserWord, registeredDomain } from './name-forms';
import { OBJECTS_REPLACED, isDistinctiveName, objectNamesOf, type ObjectKind } from './object-names';

export interface NameAnonymiser {
  /** Collect hostnames, domains and usernames from a text (call for every text before `text`). */
  learn(s: string): void;
  /** The text with learned names replaced by pseudonyms and free-text fields replaced; line count unchanged. */
  text(s: string): string;
}

/** What the share panel promises (kept in one place with the code that does it). */
export const NAMES_REPLACED = [
  'hostnames (the hostname command and prompts)',
  "neighbours' and servers' host names (CDP, LLDP, syslog, ip host, ntp and logging servers)",
  'domain names and the host names under them',
  'usernames (in the config, logs, logins, show users, show ssh, VPN and 802.1X sessions, RADIUS debugs and AAA tests; also PPP chap hostnames and pap usernames, all-digit ones too; generic ones such as admin are kept) and e-mail addresses',
  'interface descriptions (also show interfaces description and status, LLDP and BGP neighbours), ACL remarks, prefix-list descriptions, DHCP client names, line locations and IP SLA tags',
  'SNMP location and contact (also show snmp), call-home contacts and ids, certificate subjects and issuers, certificate bodies, LDAP directory names and licence accounts',
  "banners (also an ASA's one-line banners and the login banner an SSH client shows)",
  'serial numbers',
  'phone numbers (ISDN, dialer strings, dial peers, modem scripts)',
  'public BGP AS numbers (given private ones)',
  "file names someone chose (boot images, archives, TFTP paths; Cisco's image names are kept)",
  OBJECTS_REPLACED,
] as const;

const HOSTNAME = /^\s*(?:hostname|set system name|switchname)\s+"?([A-Za-z0-9][\w.-]{0,62})/i;
// `Router#`, `R1(config-if)#`, `Switch>`, CatOS `Console> (enable)`: the name before the prompt character.
const PROMPT = /^\s*([A-Za-z][\w.-]{0,62})(?:\([\w.\-/ ]{1,30}\))?(?:[#>]|> ?\((?:enable|debug)\))/;
const DOMAIN = /^\s*(?:ip domain[- ](?:name|list)|domain-name|domain name|set system domain)\s+(?:vrf\s+\S+\s+)?([A-Za-z0-9][\w-]*(?:\.[\w-]+)+)/i;
// IOS XR's prompt: `RP/0/RSP0/CPU0:PE1#`, the name after the route processor's path.
const XR_PROMPT = /^\s*RP\/\d+\/[\w]+\/CPU\d+:([A-Za-z][\w.-]{0,62})(?:\([\w.\-/ ]{1,30}\))?#/;
// An ASA's prompt in a context or a failover pair: `fw/admin#`, `fw/pri/act#`, `fw/pri/act(config)#`.
const ASA_PROMPT = /^\s*([A-Za-z][\w.-]{0,62})(?:\/[\w-]{1,32}){1,2}(?:\([\w.\-/ ]{1,30}\))?[#>]/;
// An ASA's `name 192.0.2.13 Machine01 description ...`: a host's name, as sensitive as a hostname.
const ASA_NAME = /^\s*name\s+\d{1,3}(?:\.\d{1,3}){3}\s+([A-Za-z0-9][\w.-]{0,62})/;
const ASA_NAME_DESCRIPTION = /^(\s*name\s+\S+\s+\S+\s+description\s)\S.*$/i;

/** Words that are commands or table headings, never a router's own name: not learned from prompt-like lines. */
// `Device#   PID   SN` is show version's license heading (and Cisco's guides name every router Device).
const NOT_NAMES = new Set(['device', 'kernel', 'uptime', 'show', 'sh', 'config', 'configure', 'interface', 'router', 'line', 'enable', 'exit', 'end', 'more', 'switch']);

/** Words as object names are written: what objectNamesOf reads as a name (no spaces, no quotes, no commas). */
const TOKEN = /[A-Za-z0-9_][\w.+:/@#$-]*/g;

const SEPARATOR = /([.:/@#$+])/;
const SEPARATED = /[.:/@#$+]/;

/** Whether a line may hold what INLINE_TEXT replaces (one look instead of one a form). */
const INLINE_HINT = /rootDN|ldaps?:|isdn|ATD|\.c(?:rl|rt|er)\b/;
// `ip route 0.0.0.0 0.0.0.0 192.0.2.1 name ACME-Circuit-12345`: one word, so the route still reads.
const ROUTE_NAME = /^\s*(?:ip|ipv6)\s+route\s[^\n]{0,300}?\sname\s+\S/;
const ROUTE_NAME_G = /(\b(?:ip|ipv6)\s+route\s[^\n]{0,300}?\sname\s+)([^\s]{1,64})/;
// `dialer map ip 10.1.1.2 name branch1 broadcast 5550144`: the dial string is the last word.
const DIALER_MAP = /(\bdialer\s+map\s[^\n]{0,300}\s)(\+?\d[\d*#,:-]{2,40})(\s*)$/;
// Where a file name stands: booting, show version, a dir listing's row (`12  -rw-  4242  Mar 2 2026 10:00:00 +01:00  x.cfg`).
const BOOT_FILE_LINE = /^\s*(?:boot\s+(?:system|nxos|kickstart)\s|System image file is\s|BOOT variable\s*=)/;
const DIR_ROW = /^\s*\d{1,6}\s+[-dl][-rwx]{3}\s/;
const FILE_NAME = /^[A-Za-z0-9_$][\w.$-]{0,127}\.[A-Za-z][A-Za-z0-9]{0,7}$/;
const FILE_TOKEN = /(?<=^|[\s:/"=,])[A-Za-z0-9_$][\w.$-]{0,127}\.[A-Za-z][A-Za-z0-9]{0,7}(?=[\s",;]|$)/g;
const FILE_URL = /(\b(?:tftp|ftp|scp|sftp|rcp):\/\/[^\s/]{1,255}\/(?:[^\s/"']{1,255}\/){0,16})([^\s/"']{1,255})/g;
/** Files every router has, named by the platform. */
const KEPT_FILE = /^(?:config\.text|private-config\.text|vlan\.dat|packages\.conf|info\.ver|express_setup\.debug|pnp-reset-config\.cfg|cpp_cdm_base\.cfg|system_env_vars|env_vars|nvram_config|startup-config|running-config)$/i;
/** Cisco's image names: IOS `c2900-universalk9-mz.SPA.157-3.M4b.bin`, IOS-XE `cat9k_iosxe.17.06.05.SPA.bin`, NX-OS, ASA. */
const CISCO_IMAGE = [
  /^[a-z0-9]{2,20}-[a-z0-9_]{2,40}-m[zx]?\.[\w.-]{1,60}$/i,
  /^[a-z0-9]{2,20}[-_][\w-]{2,60}\.\d[\w.-]{0,40}\.SPA\.(?:bin|pkg)$/i,
  /^(?:nxos|n\d{4}|n\dk)[\w.-]{0,60}\.bin$/i,
  /^(?:asa\d|asdm-\d)[\w.-]{0,60}\.bin$/i,
];

/** What stands in a banner's place: never its delimiter (a parser reads the banner up to that). */
const bannerFiller = (delim: string): string => ['[banner removed]', '(BANNER REMOVED)', '-'].find((t) => !t.includes(delim))!;
const SSH_BANNER = /^Pre-authentication\b/;
/**
 * Whether the `| ` lines from `i` on are closed by PuTTY's end of a banner (its opening line may be masked): the
 * index past the lines looked at, negative when they are no banner (so they are not looked at again).
 */
function sshBannerAhead(lines: readonly string[], i: number): number {
  let k = i;
  while (k < lines.length && k < i + 200) {
    const l = lines[k]!.slice(lineStampLength(lines[k]!.slice(0, 96)));
    if (!l.startsWith('|')) return /^End of banner message from server\b/.test(l) ? k : -k;
    k++;
  }
  return -k;
}
const PEM_BEGIN = /^\s*-----BEGIN [A-Z0-9 ]{1,40}-----\s*$/;
const PEM_MARKER = /^\s*-----(?:BEGIN|END) [A-Z0-9 ]{1,40}-----\s*$/;
const PEM_BODY = /^\s*(?:[A-Za-z0-9+/=]{1,120}|[A-Za-z-]{1,30}: ?[^\n]{0,200})\s*$/;
// `show snmp location` and `show snmp contact` print the text alone on the next line.
const SNMP_TEXT = /^\s*sh(?:o|ow)?\s+snmp\s+(?:loc|loca|locat|locati|locatio|location|cont|conta|contac|contact)\s*$/i;
// show interfaces status (IOS, NX-OS): the Name column (group 2) between the port and the status.
const PORT_STATUS = /\s(?=(?:connected|notconnect|notconnec|disabled|err-disabled|inactive|sfpAbsent|xcvrAbsent|monitoring|suspended|faulty|noOperMem|routed)\s)/;
const STATUS_HEADING = /^(\s*Port\s+)(Name\s+)Status\s+Vlan\s+Duplex\s+Speed\s+Type\s*$/;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createNameAnonymiser(keyBytes: ArrayLike<number>): NameAnonymiser {
  const key: HalfSipKey = halfSipKey(keyBytes);
  // Public BGP AS numbers (anonymise-asn.ts): pseudonyms in the private range, one an AS across every text.
  const asns = createAsnAnonymiser(keyBytes);
  const hosts = new Set<string>();
  const domains = new Set<string>();
  const users = new Set<string>();
  // Object names (access lists, VRFs, maps...): looked up token by token, not as one alternation, so a config
  // with thousands of lists costs a map lookup a word.
  const objects = new Map<string, ObjectKind>();
  const distinct = new Set<string>();
  let pattern: RegExp | null = null;
  let domainPattern: RegExp | null = null;

  const tag = (kind: string, name: string) => {
    const s = `${kind}\u0000${name}`;
    const bytes: number[] = [];
    for (let i = 0; i < s.length; i++) bytes.push(s.charCodeAt(i) & 255, s.charCodeAt(i) >>> 8); // UTF-16 code units
    return halfSipHash(key, bytes).toString(16).padStart(8, '0').slice(0, 6);
  };
  const pseudonym = new Map<string, string>();
  const nameFor = (name: string): string => {
    let p = pseudonym.get(name);
    if (p === undefined) {
      p = users.has(name) && !hosts.has(name) ? `user-${tag('user', name)}` : `router-${tag('host', name)}`;
      pseudonym.set(name, p);
    }
    return p;
  };

  const learnObject = (name: string, kind: ObjectKind) => {
    if (objects.has(name)) return;
    objects.set(name, kind);
    if (isDistinctiveName(name)) distinct.add(name);
  };

  const learnUser = (u: string) => {
    // (`[user: <removed>]`: the mask a secret left is no user, or every mask would read as a name.)
    if (!isUserWord(u)) return;
    users.add(u);
    // `ACME\alice`: replaced whole, and `alice` wherever she stands alone.
    const slash = u.lastIndexOf('\\');
    if (slash > 0 && slash < u.length - 1) learnUser(u.slice(slash + 1));
  };
  // A host name where the syntax or a table puts one: dotted, its domain is learned (the labels before it follow).
  const learnHost = (name: string) => {
    if (name.includes('.')) {
      const domain = /[A-Za-z]/.test(name) ? registeredDomain(name) : null;
      if (domain && !NOT_DOMAINS.has(domain)) domains.add(domain);
    } else if (!NOT_NAMES.has(name.toLowerCase()) && isHostWord(name)) heard.add(name);
  };
  // Those names are hosts unless the config names an object so (an ASA's `snmp-server host inside syslog1` puts
  // its interface where IOS puts a host): settled once every text is learned.
  const heard = new Set<string>();
  const settle = () => {
    for (const name of heard) if (!objects.has(name)) hosts.add(name);
    heard.clear();
  };

  const learn = (s: string): void => {
    asns.learn(s);
    let inVlan = false;
    let neighbors = false;
    for (const stamped of s.split('\n')) {
      // A terminal log's time stamp before the line (Tera Term, SecureCRT, ts): the line is read after it.
      const line = stamped.slice(lineStampLength(stamped.slice(0, 96)));
      // The command typed after a prompt (`R1(config)#username x`), in an archive log row or a config log.
      const cmd = line.slice(commandStart(line));
      inVlan = objectNamesOf(line, inVlan, learnObject);
      for (const h of [HOSTNAME.exec(cmd), XR_PROMPT.exec(line) ?? PROMPT.exec(line) ?? ASA_PROMPT.exec(line) ?? ASA_NAME.exec(line)]) {
        if (h && !NOT_NAMES.has(h[1]!.toLowerCase())) hosts.add(h[1]!);
      }
      const dn = DEVICE_NAME.exec(line);
      const device = dn?.[1] ?? dn?.[2];
      if (device && !NOT_NAMES.has(device.toLowerCase())) hosts.add(device);
      const d = DOMAIN.exec(cmd);
      if (d) domains.add(d[1]!.replace(/\.$/, ''));
      const u = USERNAME.exec(cmd);
      // (A name with a realm, `ppp chap hostname br1@isp.net`: its domain is learned as one, the part before it as a user.)
      if (u) {
        const who = u[1]!.includes('@') ? u[1]!.slice(0, u[1]!.indexOf('@')) || u[1]! : u[1]!;
        // A DSL or PPP account is often all digits (`ppp chap hostname 001234567890550123456789@isp.de`): a line's
        // and a customer's number. Long enough never to be a count the analysis reads.
        if (/^\d{10,64}$/.test(who)) users.add(who);
        else learnUser(who);
      }
      for (const re of USER_FORMS) {
        const m = re.exec(line);
        if (m) learnUser(m[1]!);
      }
      const g = ASA_GROUP.exec(line);
      if (g) learnObject(g[1] ?? g[2]!, 'peer');
      for (const re of HOST_FORMS) {
        const m = re.exec(cmd) ?? (cmd === line ? null : re.exec(line));
        if (m) learnHost(m[1]!);
      }
      // show cdp / lldp neighbors: each row starts with the neighbour's name, up to a blank line or the total.
      if (neighbors && (line.trim() === '' || /^Total\b/.test(line) || commandStart(line) > 0)) neighbors = false;
      else if (neighbors) {
        const row = NEIGHBOR_ROW.exec(line);
        if (row) learnHost(row[1]!);
      }
      if (NEIGHBOR_HEADING.test(line)) neighbors = true;
      for (const m of line.matchAll(FQDN)) {
        const domain = registeredDomain(m[1]! + m[2]!);
        // (Not a version: `Version 03.03.02.SG` has no letter before its suffix.)
        if (domain && /[a-z]/.test(domain.slice(0, domain.indexOf('.'))) && !NOT_DOMAINS.has(domain)) domains.add(domain);
      }
      // An e-mail address: the person before the @ is a user, the domain after it a domain.
      for (const m of line.matchAll(EMAIL)) {
        const domain = registeredDomain(m[2]!);
        if (!domain || NOT_DOMAINS.has(domain)) continue;
        domains.add(domain);
        learnUser(m[1]!);
      }
    }
    pattern = null;
    domainPattern = null;
  };

  const isCompoundName = (n: string) => hosts.has(n) && n.length >= 3 && /[\d-]/.test(n) && /[A-Za-z]/.test(n) && !/^[\d.:-]+$/.test(n);
  // One alternation of every learned name, longest first; names match as whole tokens, case-sensitively.
  const names = (): RegExp | null => {
    if (pattern) return pattern;
    const all = [...hosts, ...users].sort((a, b) => b.length - a.length);
    if (all.length === 0) return null;
    // A host name with a digit or a dash in it is also replaced inside a file name or a compound word
    // (`flash:/archive/ber-gw7-config-4`, `tech-support_ber-gw7_20260302.txt`, the paste's own name): a whole
    // word first, so a longer name built on it (a user `ber-gw7-admin`) still wins.
    const compound = all.filter(isCompoundName);
    const plain = all.filter((n) => !isCompoundName(n));
    const parts: string[] = [];
    if (plain.length > 0) parts.push(`(?<![\\w.-])(?:${plain.map(escapeRe).join('|')})(?![\\w-])`);
    if (compound.length > 0) parts.push(`(?<![A-Za-z0-9.])(?:${compound.map(escapeRe).join('|')})(?![A-Za-z0-9])`);
    pattern = new RegExp(parts.join('|'), 'g');
    return pattern;
  };
  // `mail.corp.example.com` under a learned `corp.example.com`: the labels before it get pseudonyms too. The fewest
  // labels first, so the longest learned domain wins (`corp.example.com` over `example.com`).
  const domainRe = (): RegExp | null => {
    if (domainPattern) return domainPattern;
    const all = [...domains].sort((a, b) => b.length - a.length);
    if (all.length === 0) return null;
    domainPattern = new RegExp(`(?<![\\w.-])((?:[\\w-]+\\.){0,8}?)(${all.map(escapeRe).join('|')})(?![\\w-])`, 'gi');
    return domainPattern;
  };

  // Whether the line being anonymised is inside a `vlan N` block (text() goes line by line).
  let inVlan = false;

  const line = (l: string): string => {
    // Free text after a prompt, an archive log's `|` or a config log's `logged command:` too; what is before it is
    // anonymised like any line.
    const at = commandStart(l);
    const cmd = at > 0 ? l.slice(at) : l;
    for (const [re, replacement] of FREE_TEXT) {
      const m = re.exec(cmd);
      if (m) {
        const head = at > 0 ? renamed(l.slice(0, at)) : '';
        inVlan = false;
        // (The words kept are anonymised too: `access-list ACME-IN remark`, `neighbor ACME-PEERS description`.)
        return head + renamed(m[1]!) + replacement;
      }
    }
    let out = l;
    if (INLINE_HINT.test(out)) for (const [re, replacement] of INLINE_TEXT) out = out.replace(re, replacement);
    out = inlineNames(out, cmd);
    // An ASA name's description is free text like any other (its address and name are anonymised below).
    return renamed(out.replace(ASA_NAME_DESCRIPTION, '$1[description removed]'));
  };

  // A file's name says whose it is when someone chose it (`flash:globex-golden.bin`, `tftp://10.1.1.1/globex.cfg`);
  // Cisco's own image names and the platform's files stay, so a reader still sees which software runs.
  const fileName = (name: string): string => {
    if (KEPT_FILE.test(name) || CISCO_IMAGE.some((re) => re.test(name))) return name;
    const dot = name.lastIndexOf('.');
    return `file-${tag('file', name)}${name.slice(dot)}`;
  };
  // Names inside a line that its other words are read around: a static route's name, a dialer's number, file names.
  const inlineNames = (l: string, cmd: string): string => {
    let out = l;
    if (ROUTE_NAME.test(cmd)) out = out.replace(ROUTE_NAME_G, (_w, head: string, name: string) => `${head}route-${tag('route', name)}`);
    if (cmd.includes('dialer') && DIALER_MAP.test(cmd)) out = out.replace(DIALER_MAP, '$1[number removed]$3');
    if (BOOT_FILE_LINE.test(cmd) || DIR_ROW.test(cmd)) out = out.replace(FILE_TOKEN, fileName);
    if (out.includes('://')) out = out.replace(FILE_URL, (_w, head: string, file: string) => head + (FILE_NAME.test(file) ? fileName(file) : file));
    return out;
  };

  const serialName = (serial: string) => `SN-${tag('serial', serial.toUpperCase()).toUpperCase()}`;
  const renamed = (l: string): string => {
    let out = objectsIn(l);
    out = out.replace(SERIAL, (_w, head: string, serial: string) => `${head}${serialName(serial)}`);
    // A serial number of Cisco's shape in a table (show license udi, show module, a CDP Device ID's suffix).
    out = out.replace(SERIAL_SHAPE, (_w, serial: string) => serialName(serial));
    const d = domainRe();
    if (d) {
      out = out.replace(d, (_w, labels: string, domain: string) => {
        const host = labels ? `${labels.slice(0, -1).split('.').map((x) => (hosts.has(x) ? nameFor(x) : `name-${tag('label', x.toLowerCase())}`)).join('.')}.` : '';
        return `${host}domain-${tag('domain', domain.toLowerCase())}.example`;
      });
    }
    const n = names();
    return n ? out.replace(n, nameFor) : out;
  };

  const objectName = (name: string): string => `${objects.get(name)}-${tag('object', name)}`;
  // A learned object name is replaced where the syntax puts a name, and a distinctive one wherever it is a word.
  const objectsIn = (l: string): string => {
    if (objects.size === 0) return l;
    const spans: [number, string, string][] = [];
    inVlan = objectNamesOf(l, inVlan, (name, _kind, start) => {
      if (hosts.has(name) || users.has(name)) return;
      const to = objects.has(name) ? objectName(name) : builtOn(name, (w) => objects.has(w));
      if (to !== name) spans.push([start, name, to]);
    }, true);
    let out = l;
    let before = Infinity;
    // From the end, so the spans before stay where they were (two forms may find the same name: once is enough).
    for (const [start, name, to] of spans.sort((a, b) => b[0] - a[0])) {
      if (start + name.length > before) continue;
      out = out.slice(0, start) + to + out.slice(start + name.length);
      before = start;
    }
    return distinct.size > 0 ? out.replace(TOKEN, objectFor) : out;
  };

  // A word that is a learned distinctive name, whole (`ACME-IN`, `ACME-IN,` in show route-map, `"ACME-IN"`).
  const isObject = (w: string) => distinct.has(w) && !hosts.has(w) && !users.has(w);
  const objectPart = (part: string): string => (isObject(part) ? objectName(part) : builtOn(part, isObject));
  // A name built on a learned one (the plan's copy `ACME-IN-NOLOG` of `ACME-IN`): the learned part replaced.
  // (Names are at most 64 characters: a longer word is no name, and its dashes are not tried one by one.)
  const builtOn = (part: string, learned: (w: string) => boolean): string => {
    if (part.length > 160) return part;
    for (let dash = part.lastIndexOf('-'); dash > 0; dash = part.lastIndexOf('-', dash - 1)) {
      if (learned(part.slice(0, dash))) return objectName(part.slice(0, dash)) + part.slice(dash);
    }
    return part;
  };
  // Glued to punctuation or another name (`ACME-IN.`, `vrf:ACME`, `ACME/ACME-V6`): each part on its own.
  const objectFor = (word: string): string => {
    const whole = objectPart(word);
    if (whole !== word || !SEPARATED.test(word)) return whole;
    let end = word.length;
    while (end > 0 && SEPARATED.test(word[end - 1]!)) end--;
    const trimmed = end < word.length ? objectPart(word.slice(0, end)) : word.slice(0, end);
    if (trimmed !== word.slice(0, end)) return trimmed + word.slice(end);
    return word.split(SEPARATOR).map(objectPart).join('');
  };

  const text = (s: string): string => {
    if (heard.size > 0) settle();
    const lines = asns.text(s).split('\n');
    inVlan = false;
    let bannerEnd: string | null = null;
    // Under a show interfaces description heading: the column its descriptions start at (-1: not in one).
    let descriptions = -1;
    // Under a show interfaces status heading: where its Name column starts and ends (null: not in one).
    let portNames: [number, number] | null = null;
    // Inside a PEM block (a certificate's base64 encodes its subject, issuer and serial), PuTTY's login banner, the
    // text show snmp location or contact prints.
    let pem = false;
    let sshBanner = false;
    let noBannerUntil = 0;
    let snmpText = false;
    for (let i = 0; i < lines.length; i++) {
      // A terminal log's time stamp is kept as it is, and the line read after it (a banner is told by its start).
      const cut = lineStampLength(lines[i]!.slice(0, 96));
      const stamp = lines[i]!.slice(0, cut);
      const l = lines[i]!.slice(cut);
      if (bannerEnd !== null) {
        // Inside a banner: every line is replaced, the closing delimiter kept so the config still reads (IOS's own
        // `Enter TEXT message.  End with the character '^'.` in a config session is kept, and is no close). What
        // stands around the closing delimiter goes too (a banner `banner motd W` closes at the next W, mid-text).
        if (BANNER_HINT.test(l)) continue;
        const at = l.indexOf(bannerEnd);
        const filler = bannerFiller(bannerEnd);
        if (at < 0) lines[i] = stamp + filler;
        else {
          const before = l.slice(0, at);
          const after = l.slice(at + bannerEnd.length);
          lines[i] = stamp + (/\S/.test(before) ? filler : before) + bannerEnd + (/\S/.test(after) ? filler : after);
          bannerEnd = null;
        }
        continue;
      }
      // (Typed after a prompt too: `R1(config)#banner motd ^`.) An ASA's `banner motd Welcome to ACME` is a line of
      // its own, read by a parser as IOS reads it (the W a delimiter): replaced the same way, the delimiter kept.
      const typed = commandStart(l);
      const b = BANNER.exec(typed > 0 ? l.slice(typed) : l);
      if (b) {
        const [, command, delim, rest] = b as unknown as [string, string, string, string];
        const head = typed > 0 ? renamed(l.slice(0, typed)) + command : command;
        const close = rest.indexOf(delim);
        const filler = bannerFiller(delim);
        if (close >= 0) {
          const after = rest.slice(close + delim.length);
          lines[i] = `${stamp}${head}${delim}${filler}${delim}${/\S/.test(after) ? filler : after}`;
        } else {
          lines[i] = `${stamp}${head}${delim}${/\S/.test(rest) ? filler : rest}`;
          bannerEnd = delim;
        }
        continue;
      }
      // PuTTY shows the server's pre-login banner between these lines, each banner line after `| `.
      if (l.startsWith('|') && !sshBanner && i >= noBannerUntil) {
        const ahead = sshBannerAhead(lines, i);
        if (ahead < 0) noBannerUntil = -ahead;
        else sshBanner = true;
      }
      if (l.startsWith('|') && sshBanner) {
        lines[i] = `${stamp}| [banner removed]`;
        continue;
      }
      sshBanner = SSH_BANNER.test(l);
      // A PEM block's body: its base64 lines (and the headers an encrypted block has) go, its markers stay.
      if (pem && !PEM_MARKER.test(l) && PEM_BODY.test(l)) {
        lines[i] = `${stamp}[certificate removed]`;
        continue;
      }
      pem = PEM_BEGIN.test(l);
      if (snmpText && typed === 0 && l.trim() !== '') {
        lines[i] = `${stamp}[text removed]`;
        continue;
      }
      snmpText = typed > 0 && SNMP_TEXT.test(l.slice(typed));
      if (portNames && (l.trim() === '' || typed > 0)) portNames = null;
      if (portNames) {
        const [from, column] = portNames;
        // A name as wide as its column pushes the status right: the name runs to the status word then.
        const to = l[column - 1] === ' ' ? column : column + (PORT_STATUS.exec(l.slice(column))?.index ?? -column);
        // (A row whose name is empty, or too short to reach the column, is kept.)
        if (to > from && l.length > to && /\s/.test(l[from - 1] ?? '') && /\S/.test(l.slice(from, to))) {
          lines[i] = stamp + renamed(l.slice(0, from)) + '[name removed]'.padEnd(to - from - 1) + ' ' + renamed(l.slice(to));
          continue;
        }
      }
      const status = STATUS_HEADING.exec(l);
      if (status) portNames = [status.index + status[1]!.length, status.index + status[1]!.length + status[2]!.length];
      if (descriptions >= 0 && (l.trim() === '' || commandStart(l) > 0)) descriptions = -1;
      const at = descriptions >= 0 ? descriptionStart(l, descriptions) : -1;
      if (at >= 0) {
        lines[i] = `${stamp}${renamed(l.slice(0, at))}[description removed]`;
        continue;
      }
      const column = descriptionColumn(l);
      if (column >= 0) descriptions = column;
      lines[i] = stamp + line(l);
    }
    return lines.join('\n');
  };

  return { learn, text };
}
