// The words of a router line and the vocabulary of the secret grammar (src/share/redact-secrets.ts): which keywords
// take a secret, which words may sit between a keyword and its secret, and how a word is compared (lowercase,
// without the prompt, `command:` or quote glued to it). Character loops only: nothing here can backtrack.

export type SecretKind =
  | 'enable secret'
  | 'enable password'
  | 'username secret'
  | 'snmp community'
  | 'key'
  | 'password'
  | 'crypto block'
  | 'certificate'
  | 'license token'
  | 'credentials in a URL'
  | 'user name';

/** Keywords whose value (the rest of the line, after type digits and algorithm names) is a secret. */
export const REST_TRIGGERS = new Map<string, SecretKind>([
  ['secret', 'password'], ['password', 'password'], ['passwd', 'password'], ['enablepass', 'enable password'],
  ['area-password', 'password'], ['domain-password', 'password'], ['shared-secret', 'key'],
  ['key', 'key'], ['keys', 'key'], ['key-string', 'key'], ['key-hash', 'key'], ['pre-shared-key', 'key'],
  ['authentication-key', 'key'], ['message-digest-key', 'key'], ['server-key', 'key'], ['psk', 'key'],
  ['wpa-psk', 'key'], ['set-key', 'key'], ['auth', 'key'], ['priv', 'key'], ['authentication', 'key'],
  ['privacy', 'key'], ['passphrase', 'password'], ['pass-phrase', 'password'], ['idtoken', 'license token'],
  ['token', 'license token'], ['session-key', 'key'], ['ldap-login-password', 'password'],
  ['simple-password', 'password'], ['encrypted-password', 'password'], ['hello-authentication-key', 'key'],
  ['radius-common-pw', 'key'],
]);

/** The kind of secret a keyword takes, as a whole word or as a compound ending in one; undefined for none. */
export function triggerKind(w: string): SecretKind | undefined {
  return REST_TRIGGERS.get(w) ?? compoundTrigger(w);
}

/** A compound keyword ending in a secret-taking word (`cable shared-secondary-secret`, `bsr-password`): as its last part. */
export function compoundTrigger(w: string): SecretKind | undefined {
  const dash = w.lastIndexOf('-');
  if (dash <= 0) return undefined;
  // Abbreviated as typed (`message-d`, `authentication-k`, `key-str`): at least one letter past the first hyphen.
  for (const full of ABBREVIABLE_COMPOUNDS) if (w.length > full.indexOf('-') + 1 && full.startsWith(w)) return 'key';
  const last = w.slice(dash + 1);
  // (`authentication` takes a key alone, so its compounds do too: NX-OS `ip pim hello-authentication ah-md5 3 X`.)
  if (last === 'authentication') return 'key';
  return last === 'secret' || last === 'password' || last === 'passwd' || last === 'passphrase' ? 'password' : last === 'key' || last === 'psk' ? 'key' : undefined;
}

const ABBREVIABLE_COMPOUNDS = ['message-digest-key', 'authentication-key', 'key-string', 'key-hash', 'pre-shared-key', 'server-key'];

/**
 * `sec`, `passw`: IOS takes any unambiguous abbreviation, and logged commands, archive logs and terminal sessions
 * show the command as typed. Three letters at least (`se`, `pa` are ambiguous almost everywhere).
 */
export function abbreviatedTrigger(w: string): boolean {
  return w.length >= 3 && w.length < 8 && ('secret'.startsWith(w) || 'password'.startsWith(w) || 'passwd'.startsWith(w));
}

/** Commands whose abbreviated `sec`/`pass` is the secret keyword (`en sec X`, `usern bob pass X`, `ip ftp pass X`). */
export function abbreviationContext(prev: string | undefined, prevPrev: string | undefined): boolean {
  const pre = (w: string | undefined, full: string, min: number) => w !== undefined && w.length >= min && full.startsWith(w);
  return (
    pre(prev, 'enable', 2) ||
    pre(prevPrev, 'username', 5) ||
    pre(prevPrev, 'sent-username', 6) ||
    pre(prevPrev, 'algorithm-type', 2) ||
    pre(prevPrev, 'neighbor', 3) ||
    pre(prev, 'vtp', 3) ||
    pre(prev, 'chap', 3) ||
    pre(prev, 'ftp', 3) ||
    pre(prev, 'client', 3) ||
    pre(prev, 'tunnel', 3) ||
    pre(prev, 'isis', 3)
  );
}

/** Words that may sit between a keyword and its secret without being the secret (type, level, algorithm). */
export const QUALIFIERS = new Set([
  'level', 'md5', 'sha', 'sha1', 'sha2', 'sha256', 'sha-1', 'sha-256', 'text', 'ascii', 'hex', 'mode', 'encrypted',
  'unencrypted', 'encryption', 'des', 'aes', '3des', 'aes128', 'aes192', 'aes256', 'algorithm-type', 'scrypt',
  'sha256-hashed', 'string', 'key-chain', 'ascii-text', 'hexadecimal', 'ah-md5',
]);

/** Words that follow `community` before the community itself (CatOS, `show snmp community`). */
export const COMMUNITY_LEAD = new Set(['name', 'index', 'securityname', 'string', 'read-only', 'read-write', 'read-write-all', '0', '8']);
/** Words after a community that are kept: access mode, view keyword, ACL numbers (remedies pick unused ACLs). */
export const COMMUNITY_TAIL = new Set(['ro', 'rw', 'view', 'ipv6']);
/** Words of `snmp-server host ADDR [vrf V] [informs|traps] [version 1|2c|3 [auth|noauth|priv]] COMMUNITY ...`. */
export const SNMP_HOST_WORDS = new Set(['informs', 'traps', 'version', '1', '2c', '3', 'auth', 'noauth', 'priv', 'vrf', 'use-vrf', 'filter-vrf', 'udp-port']);

/** Words of `snmp-server user U G [remote H [udp-port P]] v1|v2c|v3 [encrypted] ...` before its keys. */
export const SNMP_USER_WORDS = new Set(['remote', 'udp-port', 'vrf', 'v1', 'v2c', 'v3', 'encrypted', 'access', 'ipv6']);

/** Characters glued before a keyword: a prompt's `#`/`>`, `command:`, `|` in archive logs, quotes, brackets. */
function isGlue(c: number): boolean {
  return c === 35 /* # */ || c === 62 /* > */ || c === 58 /* : */ || c === 34 /* " */ || c === 39 /* ' */ || c === 124 /* | */ || c === 40 /* ( */ || c === 91 /* [ */ || c === 61 /* = */ || c === 96 /* ` */;
}

/** `+` or `-`: a diff's marker for an added or removed line. */
export const isDiffMarker = (c: number) => c === 43 || c === 45;

/**
 * How much of a line's start (from `from` to `to` in `s`) is no part of what the router printed: an e-mail quote
 * (`> `, `>> `, `> > `) and a diff's `+`/`-` (`show archive config differences`, a `git diff` of a saved config,
 * RANCID's `- `/`+ `). Every rule reads the line after it, as the router wrote it; the prefix itself stays. A marker
 * is followed by a letter, a digit, `!`, a blank or nothing (a `+` by a `-` too): `---`, `+++`, `-----BEGIN` are no markers.
 */
export function quotePrefixLength(s: string, from = 0, to = s.length): number {
  let i = from;
  while (i < to && s.charCodeAt(i) === 62 /* > */) {
    i++;
    if (i < to && s.charCodeAt(i) === 32) i++; // the blank a quote puts after itself (more is the line's own indent)
  }
  if (i < to && isDiffMarker(s.charCodeAt(i))) {
    const c = s.charCodeAt(i + 1);
    // (Alone, it marks a blank line added or removed; a `+` goes before a table's dashes too.)
    const dashes = c === 45 && s.charCodeAt(i) === 43;
    if (i + 1 === to || dashes || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 33 /* ! */ || c === 32 || c === 9) i++;
  }
  return i - from;
}

/** Word separators: whitespace, control characters (backspaces of a `--More--` leftover), NBSP and friends. */
export function isSpace(c: number): boolean {
  return c <= 32 || c === 0x7f || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export interface Word {
  start: number;
  end: number;
  /** Lowercase, glued prefix and trailing punctuation removed: what keywords are compared with. */
  norm: string;
  /**
   * Just lowercase: what qualifiers and kept words (`RO`, `version`, `md5`) are compared with, so that a secret
   * such as `x=ro` or `ab:3` never passes for one.
   */
  lower: string;
}

export function normWord(raw: string): string {
  let s = raw.toLowerCase();
  if (s.startsWith('--more--')) s = s.slice(8);
  // A diff's `+`/`-` glued to a command (` +key-string 7 X` in `show archive config differences`, indented there).
  else if (isDiffMarker(s.charCodeAt(0)) && !isDiffMarker(s.charCodeAt(1))) s = s.slice(1);
  // Drop trailing punctuation first (`name:`, `"key"`), then everything up to the last glue character.
  let e = s.length;
  while (e > 0 && (isGlue(s.charCodeAt(e - 1)) || s.charCodeAt(e - 1) === 44 /* , */ || s.charCodeAt(e - 1) === 41 /* ) */ || s.charCodeAt(e - 1) === 93 /* ] */)) e--;
  let b = 0;
  for (let i = 0; i < e; i++) if (isGlue(s.charCodeAt(i))) b = i + 1;
  return s.slice(b, e);
}

export function words(line: string): Word[] {
  const out: Word[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(line.charCodeAt(i))) i++;
    const lower = line.slice(start, i).toLowerCase();
    out.push({ start, end: i, norm: normWord(lower), lower });
  }
  return out;
}

export const isShortNumber = (w: string) => w.length > 0 && w.length <= 2 && w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57 && (w.length === 1 || (w.charCodeAt(1) >= 48 && w.charCodeAt(1) <= 57));
export const isNumber = (w: string) => w.length > 0 && w.length <= 10 && [...w].every((c) => c >= '0' && c <= '9');
export const isAlgorithm = (w: string) => w.startsWith('hmac-') || w.startsWith('cmac-') || w.startsWith('aes-');

/** An IPv4 or IPv6 address word (digits, hex, dots, colons, with a digit and a separator). */
export function isAddressLike(w: string): boolean {
  let digit = false;
  let sep = false;
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c >= 48 && c <= 57) digit = true;
    else if (c === 46 || c === 58) sep = true;
    else if (!(c >= 97 && c <= 102)) return false;
  }
  return digit && sep;
}

/** An address or a dotted host name (`198.51.100.7`, `peer.example.com`), not an interface (`Serial0/0.1`). */
export function isPeerName(w: string): boolean {
  if (isAddressLike(w)) return true;
  let dot = false;
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c === 46) dot = true;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) return false;
  }
  return dot;
}

/**
 * The words of a line from a given start, cut only as far as a rule looks: a 1 MB line of short words costs the
 * words the rules read, not half a million word objects.
 */
export class LineWords {
  private readonly ws: Word[] = [];
  private pos: number;
  constructor(
    private readonly line: string,
    from: number,
  ) {
    this.pos = from;
  }
  at(i: number): Word | undefined {
    const { line } = this;
    while (this.ws.length <= i && this.pos < line.length) {
      let k = this.pos;
      while (k < line.length && isSpace(line.charCodeAt(k))) k++;
      if (k >= line.length) {
        this.pos = k;
        break;
      }
      const start = k;
      while (k < line.length && !isSpace(line.charCodeAt(k))) k++;
      const lower = line.slice(start, k).toLowerCase();
      this.ws.push({ start, end: k, norm: normWord(lower), lower });
      this.pos = k;
    }
    return this.ws[i];
  }
}

/** Where the line's text ends (trailing whitespace left out). */
export function trimmedEnd(line: string): number {
  let e = line.length;
  while (e > 0 && isSpace(line.charCodeAt(e - 1))) e--;
  return e;
}

/**
 * A line of a certificate or public-key block: hex words (certificates) or long base64 words (SSH keys) only.
 * `alone` (no block around it): at least two hex words of 8 digits, as certificates print them, so that a
 * hex field of some `show` output (`4  0F000800` in `show ip cache verbose`) is not taken for a key.
 */
export function isKeyMaterial(line: string, alone = false): boolean {
  const ws = words(line);
  if (ws.length === 0) return false;
  const all = (test: (c: number) => boolean, minLength: number) =>
    ws.every((w) => {
      if (w.end - w.start < minLength) return false;
      for (let i = w.start; i < w.end; i++) if (!test(line.charCodeAt(i))) return false;
      return true;
    });
  const hex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
  const b64 = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61;
  if (alone) return (all(hex, 1) && ws.filter((w) => w.end - w.start === 8).length >= 2 && ws.every((w) => w.end - w.start <= 8)) || all(b64, 40);
  return all(hex, 1) || all(b64, 16);
}

/** The last two words of a line, normalised (read from its end, not by cutting every word). */
export function lastTwoWords(line: string): [string | undefined, string | undefined] {
  const [a, b] = lastWords(line, 2);
  return [a, b];
}

/** The last `n` words of a line, normalised, last first. */
export function lastWords(line: string, n: number): string[] {
  const out: string[] = [];
  let e = line.length;
  while (out.length < n) {
    while (e > 0 && isSpace(line.charCodeAt(e - 1))) e--;
    if (e === 0) break;
    let b = e;
    while (b > 0 && !isSpace(line.charCodeAt(b - 1))) b--;
    out.push(normWord(line.slice(b, e)));
    e = b;
  }
  return out;
}

/**
 * Lines wrapped by a terminal (80 or 132 columns, 79 where the last column stays blank; 100, 120 and 160 as
 * terminal windows are often set) or by a mail client (at a space, from about 60 columns): a secret may run onto the
 * next line, or follow its keyword there.
 */
export const fillsTerminal = (length: number) => length === 79 || length === 80 || length === 100 || length === 120 || length === 132 || length === 160;
export const mayBeWrapped = (length: number) => length >= 60;

/**
 * Whether a line's last words (last first) still wait for their secret: `... secret 9`, `... password`, `... md5`,
 * `... priv aes 128` (a keyword, then only type digits, key sizes and algorithm names).
 */
export function awaitsSecret(last: readonly (string | undefined)[]): boolean {
  const keyword = (w: string | undefined) => w !== undefined && (REST_TRIGGERS.has(w) || compoundTrigger(w) !== undefined);
  if (last[0] === undefined) return false;
  // `snmp-server host ADDR [vrf V] [informs] version 2c` (or 1): the community comes next.
  if ((last[0] === '2c' || last[0] === '1') && last[1] === 'version') return true;
  if (keyword(last[0])) return last[0] !== 'key-string' && last[0] !== 'key-hash'; // those open key material, read as a block
  for (let i = 0; i < last.length; i++) {
    const w = last[i];
    if (w === undefined) return false;
    if (i > 0 && keyword(w)) return true;
    if (!(isShortNumber(w) || (isNumber(w) && w.length === 3) || QUALIFIERS.has(w))) return false;
  }
  return false;
}

/** First words of a line that starts a command, never the tail of a wrapped secret. */
export const COMMAND_HEADS = new Set([
  '!', 'end', 'exit', 'quit', 'interface', 'ip', 'ipv6', 'access-list', 'router', 'line', 'hostname', 'no', 'snmp-server',
  'username', 'enable', 'ntp', 'logging', 'service', 'aaa', 'crypto', 'version', 'boot', 'banner', 'control-plane',
  'class-map', 'policy-map', 'route-map', 'key', 'tacacs-server', 'radius-server', 'mls', 'vlan', 'spanning-tree',
  'archive', 'building', 'current', 'last', 'srcif', 'protocol', 'ip-address', 'tunnel-group', 'object-group',
  'permit', 'deny', 'remark', 'service-policy', 'shutdown', 'description', 'encapsulation', 'switchport', 'duplex',
  'speed', 'mtu', 'bandwidth', 'network', 'neighbor', 'standby', 'vrrp', 'glbp', 'exec-timeout', 'transport',
]);

/**
 * A line that may be the rest of a wrapped secret: it starts with a word that is no command or prompt, at column 0
 * (a terminal may also wrap right before a space: `indented` allows that). `glued`: the terminal cut inside the
 * secret, which may then go on with `#`, `%`, `>` or `*` (only a prompt's `R1#` inside the word stops it).
 */
export function mayContinue(line: string, indented: boolean, anyWord = false, glued = false): boolean {
  if (line.trim() === '' || (!indented && isSpace(line.charCodeAt(0)))) return false;
  let b = 0;
  while (isSpace(line.charCodeAt(b))) b++;
  let e = b;
  while (e < line.length && !isSpace(line.charCodeAt(e))) e++;
  const first = line.slice(b, e).toLowerCase();
  if (glued) return !COMMAND_HEADS.has(first) && first.indexOf('#') <= 0 && first.indexOf('>') <= 0;
  return (anyWord || !COMMAND_HEADS.has(first)) && !first.includes('#') && !first.includes('>') && !first.startsWith('%') && !first.startsWith('*');
}
