// Anonymise what names a network in a share link: hostnames (from `hostname` and prompts), domain names and the
// FQDNs under them, usernames (also PPP's), serial numbers (Cisco's records tie a chassis's serial to its owner); and replace free
// text a router carries (interface descriptions, SNMP location and contact, banners). Learn the names from every text of the link first, so each maps to one pseudonym everywhere.
import { lineStampLength } from '../core/text/line-stamps';
import { halfSipHash, halfSipKey, type HalfSipKey } from './half-siphash';
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
  'domain names and the host names under them',
  'usernames (also PPP chap hostnames and pap usernames)',
  'interface descriptions',
  'SNMP location and contact',
  'banners',
  'serial numbers',
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
const USERNAME = /^\s*(?:username|set localuser user|ppp pap sent-username|ppp chap hostname)\s+"?([^\s"]{1,64})/i;
// show version names the router too: NX-OS's `Device name: N9K-CORE`, IOS's `core-gw1 uptime is 2 weeks`.
const DEVICE_NAME = /^\s*(?:Device name:\s*([A-Za-z][\w.-]{0,62})\s*$|([A-Za-z][\w.-]{0,62}) uptime is \d)/;
// A chassis's, board's or part's serial number: `Processor board ID FTX1234A5BC` (show version), `System serial number
// : FOC...`, `Serial Number: JMX...` (an ASA), `SN: FTX...` (show inventory), `license udi pid CISCO1841 sn FTX...`.
const SERIAL = /(\b(?:processor board id|serial num(?:ber)?(?: *:)?|sn:|udi pid \S+ sn) *)([A-Z0-9][A-Z0-9-]{3,39})(?![\w-])/gi;
// Usernames in logs: `Configured from console by alice on vty0`, `Login Success [user: alice]`.
const LOG_USER = /(?:\bby ([\w.@-]{1,64}) on (?:vty|tty|aux|console)|\[user: ([^\]\s]{1,64})\])/i;
const NOT_USERS = new Set(['console', 'vty', 'tty', 'aux', 'unknown']);
// Host names under a public suffix anywhere in a line (`ntp server time.acme.com`): the last two labels are learned
// as a domain. The vendor's own site (show version prints www.cisco.com) names nobody.
const FQDN = /(?<![\w.-])((?:[A-Za-z0-9-]{1,63}\.)+)(com|net|org|edu|gov|mil|int|info|biz|io|local|lan|corp|internal|home|uk|de|fr|nl|ca|au|jp|cn|ru|br|it|es|ch|se|no|dk|fi|pl|be|at|nz|in|us)(?![\w-])/gi;
// The vendor's own sites and the licences show version quotes (www.gnu.org, www.opensource.org) name nobody.
const NOT_DOMAINS = new Set(['cisco.com', 'gnu.org', 'opensource.org']);
/** Lines whose rest is free text: keep the keyword, replace the rest. */
const FREE_TEXT: [RegExp, string][] = [
  [/^(\s*description:?\s+)\S[^]*/i, '[description removed]'],
  [/^(\s*(?:snmp-server|set system) location\s)\S[^]*/i, '[location removed]'],
  [/^(\s*(?:snmp-server|set system) contact\s)\S[^]*/i, '[contact removed]'],
];
// `banner motd ^C` ... `^C`: the delimiter is the first character after the banner type (IOS prints ^C as two).
const BANNER = /^(\s*banner\s+[\w-]+\s+)(\^C|\S)([^]*)$/i;

/** Words that are commands or table headings, never a router's own name: not learned from prompt-like lines. */
// `Device#   PID   SN` is show version's license heading (and Cisco's guides name every router Device).
const NOT_NAMES = new Set(['device', 'kernel', 'uptime', 'show', 'sh', 'config', 'configure', 'interface', 'router', 'line', 'enable', 'exit', 'end', 'more']);

/** Words as object names are written: what objectNamesOf reads as a name (no spaces, no quotes, no commas). */
const TOKEN = /[A-Za-z0-9_][\w.+:/@#$-]*/g;

const SEPARATOR = /([.:/@#$+])/;
const SEPARATED = /[.:/@#$+]/;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createNameAnonymiser(keyBytes: ArrayLike<number>): NameAnonymiser {
  const key: HalfSipKey = halfSipKey(keyBytes);
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

  const learn = (s: string): void => {
    let inVlan = false;
    for (const stamped of s.split('\n')) {
      // A terminal log's time stamp before the line (Tera Term, SecureCRT, ts): the line is read after it.
      const line = stamped.slice(lineStampLength(stamped.slice(0, 96)));
      inVlan = objectNamesOf(line, inVlan, learnObject);
      const h = HOSTNAME.exec(line) ?? XR_PROMPT.exec(line) ?? PROMPT.exec(line) ?? ASA_PROMPT.exec(line) ?? ASA_NAME.exec(line);
      if (h && !NOT_NAMES.has(h[1]!.toLowerCase())) hosts.add(h[1]!);
      const dn = DEVICE_NAME.exec(line);
      const device = dn?.[1] ?? dn?.[2];
      if (device && !NOT_NAMES.has(device.toLowerCase())) hosts.add(device);
      const d = DOMAIN.exec(line);
      if (d) domains.add(d[1]!.replace(/\.$/, ''));
      const u = USERNAME.exec(line);
      // (A name with a realm, `ppp chap hostname br1@isp.net`: its domain is learned as one, the part before it as a user.)
      if (u && !u[1]!.startsWith('<')) users.add(u[1]!.includes('@') ? u[1]!.slice(0, u[1]!.indexOf('@')) || u[1]! : u[1]!);
      const lu = LOG_USER.exec(line);
      const logged = lu?.[1] ?? lu?.[2];
      // (`[user: <removed>]`: the mask a secret left is no user, or every mask would read as a name.)
      if (logged && !NOT_USERS.has(logged.toLowerCase()) && !logged.startsWith('<')) users.add(logged);
      for (const m of line.matchAll(FQDN)) {
        const labels = m[1]!.slice(0, -1).split('.');
        const domain = `${labels[labels.length - 1]}.${m[2]}`.toLowerCase();
        if (!NOT_DOMAINS.has(domain)) domains.add(domain);
      }
    }
    pattern = null;
    domainPattern = null;
  };

  // One alternation of every learned name, longest first; names match as whole tokens, case-sensitively.
  const names = (): RegExp | null => {
    if (pattern) return pattern;
    const all = [...hosts, ...users].sort((a, b) => b.length - a.length);
    if (all.length === 0) return null;
    pattern = new RegExp(`(?<![\\w.-])(?:${all.map(escapeRe).join('|')})(?![\\w-])`, 'g');
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
    for (const [re, replacement] of FREE_TEXT) {
      const m = re.exec(l);
      if (m) {
        inVlan = false;
        return m[1] + replacement;
      }
    }
    // An ASA name's description is free text like any other (its address and name are anonymised below).
    let out = objectsIn(l.replace(ASA_NAME_DESCRIPTION, '$1[description removed]'));
    out = out.replace(SERIAL, (_w, head: string, serial: string) => `${head}SN-${tag('serial', serial.toUpperCase()).toUpperCase()}`);
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
    const lines = s.split('\n');
    inVlan = false;
    let bannerEnd: string | null = null;
    for (let i = 0; i < lines.length; i++) {
      // A terminal log's time stamp is kept as it is, and the line read after it (a banner is told by its start).
      const cut = lineStampLength(lines[i]!.slice(0, 96));
      const stamp = lines[i]!.slice(0, cut);
      const l = lines[i]!.slice(cut);
      if (bannerEnd !== null) {
        // Inside a banner: every line is replaced, the closing delimiter kept so the config still reads.
        const at = l.indexOf(bannerEnd);
        lines[i] = stamp + (at < 0 ? '[banner removed]' : l.slice(at));
        if (at >= 0) bannerEnd = null;
        continue;
      }
      const b = BANNER.exec(l);
      if (b) {
        const [, head, delim, rest] = b as unknown as [string, string, string, string];
        const close = rest.indexOf(delim);
        if (close >= 0) lines[i] = `${stamp}${head}${delim}[banner removed]${rest.slice(close)}`;
        else {
          lines[i] = `${stamp}${head}${delim}`;
          bannerEnd = delim;
        }
        continue;
      }
      lines[i] = stamp + line(l);
    }
    return lines.join('\n');
  };

  return { learn, text };
}
