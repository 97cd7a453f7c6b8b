// `show running-config` (and `sh run`, startup-config): the parts of the configuration the rules need.
import { MASK } from '../../text/mask-mark';
import type { Warning } from '../../types';
import { fields, unreadLine } from '../../text/lines';
import { WRAP_WIDTHS } from '../../text/wrap';
import type { ParserDef, Section } from '../parser-types';
import {
  aclReferences,
  interfaceName,
  interfaceType,
  readAcl6Entry,
  readAclEntry,
  readNatRule,
  readStaticRoute,
  type AclEntry,
  type NatRule,
  type StaticRoute,
} from './config-lines';
import { readInterfaceLine, type ConfigInterface } from './interface-lines';
import { ACL_ACTIONS, OtherSystems, type Block, type ConfigPlatform } from './other-systems';
import { CONFIG_HEADER, GLOBAL_COMMANDS, LOG_LEVELS } from './vocabulary';

export type { AclEntry, NatRule, StaticRoute } from './config-lines';
export type { ConfigInterface } from './interface-lines';
export type { ConfigPlatform } from './other-systems';

export interface RunningConfigData {
  hostname?: string;
  interfaces: ConfigInterface[];
  staticRoutes: StaticRoute[];
  cef: { mode: 'enabled' | 'distributed' | 'disabled' | 'absent'; line?: number };
  httpServer: { enabled: boolean; line?: number };
  /** Absent from the config: IOS console logging is on, at level debugging (`level` stays undefined). */
  loggingConsole: { enabled: boolean; level?: string; line?: number };
  acls: AclEntry[];
  /** Every ACL number or name defined or referenced, so a remedy can pick a free one. */
  aclIds: string[];
  /** The closing `end` was read: without it the paste may be cut short, and what follows the cut is unseen. */
  ended?: boolean;
  /** The last configuration line read (1-based): with no `end`, where a paste cut short stops. */
  lastLine?: number;
  /**
   * ACLs something other than an interface's `ip access-group` uses (NAT, a vty access-class, SNMP, a route-map or
   * class-map match, a dialer list), with the first such line's opening words: editing one in place changes that too.
   */
  aclUses?: Record<string, string>;
  /**
   * IOS IPv6 lists (`ipv6 access-list NAME`), entry by entry: `text` without the `sequence N` IOS may print before
   * (or, in `show ipv6 access-list`, after) it. A list with no entries is in `acl6Names` only.
   */
  acls6?: AclEntry[];
  acl6Names?: string[];
  /** Lines that configure a whole list rather than an entry (NX-OS `statistics per-entry`, `fragments deny-all`), by list. */
  aclSettings?: Record<string, string[]>;
  /** Named (and `ip access-list extended 120`-style) ACL headers: their kind, so a copy keeps it. */
  aclKinds?: Record<string, 'standard' | 'extended'>;
  /** `class-map` / `policy-map` names defined, so a remedy's MQC names never collide with them. */
  classMaps?: string[];
  policyMaps?: string[];
  natRules: NatRule[];
  /** `ip nat translation timeout|tcp-timeout|udp-timeout|... N` (seconds), by keyword, so a remedy only lowers them. */
  natTimeouts?: Record<string, { seconds: number; line: number }>;
  bridgeIrb?: { line: number };
  mlsFlow?: { mode: string; line: number };
  httpSecureServer?: { enabled: boolean; line: number };
  /** Features the IOS HTTP server serves (web logins, a certificate server's SCEP): `no ip http server` stops them. */
  httpUses?: { line: number; what: string }[];
  version?: string;
  /**
   * The `| include ...` (or `| section`, `| begin`) filter the config was shown with. Then a missing line proves
   * nothing: `cef.mode` 'absent' or `httpServer.enabled` false may just be filtered out.
   */
  filter?: string;
  /**
   * Why the config pasted is only part of the router's, in words (a filter, `show running-config interface X`, no
   * version or hostname line): what it does not show may exist, as past the cut of one with no `end`.
   */
  partial?: string;
  /**
   * The config is NX-OS's (a Nexus switch): its `!Command:` header, `feature` or `switchname` lines, `vrf context`
   * blocks or addresses written with their prefix length. CEF cannot be turned off there, console logging defaults to
   * level 2 (critical), and a change plan must be written in its syntax. `platformLine` is the first line that told.
   * 'asa': an ASA (or PIX) firewall's (`ASA Version`, `: Saved`, `nameif`, `security-level`): no CEF, console logging
   * off unless configured, and no change plan (this tool writes IOS and NX-OS only). 'ios-xr': IOS XR's (`!! IOS XR
   * Configuration`, `ipv4 address`, `ipv4 access-list`, `router static`): CEF always on, no change plan either.
   */
  platform?: ConfigPlatform;
  platformLine?: number;
  /**
   * First command line of the config itself (past the echo, `Building configuration...` and `!` lines): the line
   * to cite for something the config lacks, e.g. no `ip cef` line at all.
   */
  firstLine?: number;
}

const HEX_LINE = /^[0-9A-Fa-f]+( [0-9A-Fa-f]+)*$/;

function emptyConfig(): RunningConfigData {
  return { interfaces: [], staticRoutes: [], cef: { mode: 'absent' }, httpServer: { enabled: false }, loggingConsole: { enabled: true }, acls: [], aclIds: [], natRules: [] };
}

/** Where a banner's body ends: `banner motd ^C`, `banner login #`, `banner exec ^CWelcome^C` (one line). */
function bannerDelimiter(rest: string): { delim: string; closed: boolean } | null {
  const t = rest.replace(/^(motd|login|exec|incoming|slip-ppp|prompt-timeout|config-save)\s*/i, '');
  if (t === '') return null;
  const delim = t.startsWith('^C') ? '^C' : t[0]!;
  return { delim, closed: t.slice(delim.length).includes(delim) };
}

/** Config words are single-spaced: a cut piece is exactly the width long, or one less when the cut hit a space. */
function cutAtWidth(line: string): boolean {
  return WRAP_WIDTHS.includes(line.length) || WRAP_WIDTHS.includes(line.length + 1);
}

/** The tail of a cut line starts at column 0 and is not a command (`linkup coldstart` after snmp-server traps). */
function isWrapTail(next: string): boolean {
  const t = next.trim();
  return t !== '' && next.charCodeAt(0) !== 32 && !t.startsWith('!') && !CONFIG_HEADER.test(t) && !isConfigShaped(t, false);
}

function isConfigShaped(trimmed: string, indented: boolean): boolean {
  const first = trimmed.split(' ', 1)[0]!;
  if (!indented) return GLOBAL_COMMANDS.has(first.toLowerCase()) && /^[a-z]/.test(first);
  // Inside a block: a lower-case keyword, a sequence number, a certificate's hex dump, or `exit`-like words; or the
  // share masker's mark for such a line, hidden whole (a crypto block's, a certificate's: mask-mark.ts).
  return /^[a-z0-9]/.test(first) || HEX_LINE.test(trimmed) || trimmed === MASK;
}

/**
 * A config pasted through a notes app or a blog can lose every leading space: interface and ACL bodies then sit
 * at column 0. IOS indents every block body and ends every block with `!`, so a config with interfaces and not
 * one indented line has lost its indentation. So has one where interface headers are followed by a column-0
 * line that is neither `!` nor another header more often than by an indented one: hand-edited pastes keep the ACL
 * bodies indented and lose the interface bodies (their `ip access-group` would otherwise be read as a stray global
 * line). NX-OS ends blocks with no `!`, so an interface with no body there is followed by the next global command
 * (`interface loopback1` then `line console`): one such header among many indented bodies is not a flat paste.
 */
function isFlat(section: Section): boolean {
  let interfaces = 0;
  let indentedLines = 0;
  let flatHeaders = 0;
  let indentedHeaders = 0;
  let afterHeader = false;
  for (let i = section.from; i < section.to; i++) {
    const raw = section.lines[i]!;
    if (raw.trim() === '') continue;
    const indented = raw.charCodeAt(0) === 32;
    if (afterHeader && indented) indentedHeaders++;
    else if (afterHeader && !/^(!|interface\s)/i.test(raw)) flatHeaders++;
    afterHeader = isInterfaceHeader(raw);
    if (afterHeader) interfaces++;
    if (indented) indentedLines++;
  }
  return interfaces > 0 && (indentedLines === 0 || flatHeaders > indentedHeaders);
}

/** Leading blanks of a line (tabs are 8-column blanks by now: text/normalise.ts expands them). */
function indentOf(raw: string): number {
  let n = 0;
  while (raw.charCodeAt(n) === 32) n++;
  return n;
}

/**
 * Lines no platform indents under a block: one of them at the config's smallest indent says the whole paste is shifted.
 * (`interface` is not one: IOS XR's `mpls ldp` indents its interfaces by one.)
 */
const NEVER_INDENTED = /^(version \S|hostname \S|Building configuration|Current configuration\s*:|end$|boot-(start|end)-marker$|!Command: |!! IOS XR|: Saved|(ASA|PIX|FWSM) Version |switchname \S)/;

/**
 * A config pasted as a Markdown code block, a forum post or a quoted mail carries an indent on every line (4 or 2
 * spaces, a tab) that the router never printed: its global lines (`version`, `hostname`, `ip http server`) would be
 * read as block bodies. The extra indent is the smallest one across the config's non-blank lines, when a line at that
 * indent is one IOS writes at column 0: a `version` or `hostname` line, the config's header, `end`; or, for an indent
 * of 2 or more (IOS indents a block's body by one), any global command. A filtered paste of block bodies alone
 * (`| include ip nat` gives ` ip nat inside`) has no such line and keeps its indent. 0 when there is none.
 */
export function extraIndent(section: Section): number {
  let min = Infinity;
  for (let i = section.from; i < section.to; i++) {
    const raw = section.lines[i]!;
    if (raw.trim() === '') continue;
    const n = indentOf(raw);
    if (n === 0) return 0;
    if (n < min) min = n;
  }
  if (min === Infinity) return 0;
  for (let i = section.from; i < section.to; i++) {
    const raw = section.lines[i]!;
    if (raw.trim() === '' || indentOf(raw) !== min) continue;
    const t = raw.trim();
    if (NEVER_INDENTED.test(t) || (min >= 2 && !t.startsWith('!') && isConfigShaped(t, false))) return min;
  }
  return 0;
}

/** The section with its extra indent (extraIndent) taken off every line: line numbers stay those of the paste. */
function withoutExtraIndent(section: Section): Section {
  const cut = extraIndent(section);
  if (cut === 0) return section;
  // Only this section's lines, at their own indexes (line numbers stay the paste's): a copy of the paste up to here for
  // every section sniffed made a fleet's collection (a million prompts, each a section) quadratic.
  const lines: string[] = [];
  for (let i = section.from; i < section.to; i++) lines[i] = section.lines[i]!.slice(cut);
  return { ...section, lines };
}

/** `interface X` opens an interface block; NX-OS's global `interface breakout module 1 port 49-52 map 10g-4x` does not. */
function isInterfaceHeader(raw: string): boolean {
  return /^interface \S/i.test(raw) && !/^interface breakout\s/i.test(raw);
}

/** In a flat config: does this column-0 line continue the block above it (up to the `!` that closes it)? */
function continuesBlock(block: Block, t: string): boolean {
  if (block.kind === 'interface' || block.kind === 'acl' || block.kind === 'acl6') return !/^interface\s/i.test(t);
  // Other blocks (`ip dhcp pool`, `line con 0`): only lines that are not global commands themselves.
  return block.kind === 'other' && !isConfigShaped(t, false) && isConfigShaped(t, true);
}

function parseConfig(pasted: Section): { data: RunningConfigData; warnings: Warning[] } {
  const section = withoutExtraIndent(pasted);
  const { lines, from, to } = section;
  const flat = isFlat(section);
  const d = emptyConfig();
  const warnings: Warning[] = [];
  const ids = new Set<string>();
  const addId = (id: string) => ids.add(id);
  let block: Block = { kind: 'none' };
  let banner: string | null = null;
  // NX-OS, ASA and IOS XR: their own forms of the same facts, read by other-systems.ts.
  const other = new OtherSystems(d, addId);
  for (let i = from; i < to; i++) {
    const raw = lines[i]!;
    const line = i + 1;
    if (banner !== null) {
      // A banner's body is free text: skip it up to the line holding the closing delimiter.
      if (raw.includes(banner)) banner = null;
      continue;
    }
    let t = raw.trim();
    if (t === '') continue;
    const indented = raw.charCodeAt(0) === 32;
    // A line a terminal cut at its width: glue the tail back (see text/wrap.ts) so its facts stay whole.
    // Only tails at column 0 are taken: an indented line after a long one is the next sub-command.
    while (i + 1 < to && cutAtWidth(lines[i]!) && isWrapTail(lines[i + 1]!)) {
      const glued = WRAP_WIDTHS.includes(lines[i]!.length);
      const tail = lines[++i]!.trim();
      t = glued ? t + tail : `${t} ${tail}`;
    }
    if (t.startsWith('!')) {
      other.comment(t, line);
      if (!indented) block = { kind: 'none' };
      continue;
    }
    if (!indented && (CONFIG_HEADER.test(t) || other.frame(t, line))) continue;
    const inBlock = indented || (flat && continuesBlock(block, t));
    if (!isConfigShaped(t, inBlock)) {
      warnings.push(unreadLine(i, raw, 'not configuration syntax'));
      continue;
    }
    d.firstLine ??= line;
    d.lastLine = line;
    const w = fields(t);
    const lw = w.map((x) => x.toLowerCase());
    // (An IPv6 list's own header, and its binding with ipv6 traffic-filter, are not other uses of it.)
    const header6 = !inBlock && lw[0] === 'ipv6' && lw[1] === 'access-list' && w.length === 3;
    for (const id of aclReferences(w)) {
      addId(id);
      if (!(lw[0] === 'ip' && lw[1] === 'access-group') && !(lw[0] === 'ipv6' && lw[1] === 'traffic-filter') && !header6) (d.aclUses ??= {})[id] ??= w.slice(0, 3).join(' ');
    }
    if (inBlock) {
      if (block.kind === 'interface') {
        if (!readInterfaceLine(block.iface, w, line, t)) warnings.push(unreadLine(i, raw, 'interface line not understood'));
        else other.interfaceLine(block.iface, w, lw, line);
      } else if (block.kind === 'xr-static' || block.kind === 'vrf') {
        const next = other.blockLine(block, w, lw, line);
        if (next === null) warnings.push(unreadLine(i, raw, 'static route not understood'));
        else block = next;
      } else if (block.kind === 'acl') {
        // `statistics per-entry`, `fragments` and the like configure the list; they are not entries.
        const entry = readAclEntry(block.acl, w, line);
        if (entry.action && ACL_ACTIONS.has(entry.action)) d.acls.push(entry);
        // NX-OS's list-wide lines: a copy of the list must carry them (fragments deny-all drops non-initial fragments).
        else if (/^(statistics per-entry|fragments (deny|permit)-all)$/.test(lw.join(' '))) ((d.aclSettings ??= {})[block.acl] ??= []).push(lw.join(' '));
      } else if (block.kind === 'acl6') {
        const entry = readAcl6Entry(block.acl, w, line);
        if (entry) (d.acls6 ??= []).push(entry);
      }
      else if (block.kind === 'none') {
        // `sh run | include ip nat` prints interface lines without their interface: the fact cannot be placed. Any
        // other indented line with no block above it is not read either, and says so.
        const ifaceSetting = /^(no )?ip (nat (inside|outside)|access-group|accounting|route-cache flow|flow ingress)\b/.test(lw.join(' '));
        warnings.push(unreadLine(i, raw, ifaceSetting ? 'interface setting without its interface line' : 'indented line with no block above it'));
      }
      continue;
    }
    block = { kind: 'other' };
    const s = lw.join(' ');
    if (s === 'end') d.ended = true;
    const opened = other.global(w, lw, s, line);
    if (opened) block = opened;
    else if (lw[0] === 'hostname' && w[1]) d.hostname = w[1];
    else if (lw[0] === 'version' && w[1]) d.version = w[1];
    else if (lw[0] === 'interface' && lw[1] !== 'breakout') {
      const n = interfaceName(w.slice(1));
      if (!n) {
        warnings.push(unreadLine(i, raw, 'interface line not understood'));
        continue;
      }
      const mode = n.rest.map((x) => x.toLowerCase());
      const iface: ConfigInterface = {
        name: n.name, line, shutdown: false, ipAccounting: false, flowAccounting: false, accessGroups: [],
        multipoint: mode.includes('multipoint') || (/^ATM/i.test(n.name) && !n.name.includes('.')),
        type: interfaceType(n.name),
      };
      d.interfaces.push(iface);
      block = { kind: 'interface', iface };
    } else if (lw[0] === 'ip' && lw[1] === 'route') {
      const r = readStaticRoute(w.slice(2), line);
      if (r) d.staticRoutes.push(r);
      else warnings.push(unreadLine(i, raw, 'static route not understood'));
      if (r && w[2]?.includes('/')) other.mark('nx-os', line);
    } else if (s === 'ip cef' || s === 'ip cef distributed') d.cef = { mode: lw[2] ? 'distributed' : 'enabled', line };
    else if (s === 'no ip cef') d.cef = { mode: 'disabled', line };
    else if (s === 'no ip cef distributed') d.cef = { mode: 'enabled', line };
    else if (s === 'ip http server' || s === 'no ip http server') d.httpServer = { enabled: lw[0] !== 'no', line };
    else if (s === 'ip http secure-server' || s === 'no ip http secure-server') d.httpSecureServer = { enabled: lw[0] !== 'no', line };
    else if (s === 'no logging console') d.loggingConsole = { enabled: false, line };
    else if (lw[0] === 'logging' && lw[1] === 'console') {
      const word = lw.slice(2).find((x) => LOG_LEVELS.includes(x) || /^[0-7]$/.test(x));
      const level = word && /^[0-7]$/.test(word) ? LOG_LEVELS[Number(word)] : word;
      // `logging console guaranteed` / `xml` / `filtered` leave the level as it was.
      if (level || lw.length === 2) d.loggingConsole = { enabled: true, line, ...(level ? { level } : {}) };
    } else if (lw[0] === 'access-list' && /^\d+$/.test(w[1] ?? '')) {
      addId(w[1]!);
      d.acls.push(readAclEntry(w[1]!, w.slice(2), line));
    } else if (lw[0] === 'ip' && lw[1] === 'access-list' && (lw[2] === 'standard' || lw[2] === 'extended') && w[3]) {
      addId(w[3]);
      (d.aclKinds ??= {})[w[3]] = lw[2];
      block = { kind: 'acl', acl: w[3] };
    } else if (lw[0] === 'ipv6' && lw[1] === 'access-list' && w.length === 3) {
      addId(w[2]!);
      (d.acl6Names ??= []).push(w[2]!);
      block = { kind: 'acl6', acl: w[2]! };
    } else if (lw[0] === 'ip' && lw[1] === 'nat' && (lw[2] === 'inside' || lw[2] === 'outside') && (lw[3] === 'source' || lw[3] === 'destination')) {
      d.natRules.push(readNatRule(w, line));
    } else if (lw[0] === 'ip' && lw[1] === 'nat' && lw[2] === 'translation' && lw[3]?.endsWith('timeout') && /^\d+$/.test(lw[4] ?? '')) {
      (d.natTimeouts ??= {})[lw[3]] = { seconds: Number(lw[4]), line };
    } else if (lw[0] === 'class-map' && w.length > 1) (d.classMaps ??= []).push(w[w.length - 1]!);
    else if (lw[0] === 'policy-map' && w.length > 1) (d.policyMaps ??= []).push(w[w.length - 1]!);
    else if (s === 'bridge irb') d.bridgeIrb = { line };
    else if (lw[0] === 'mls' && lw[1] === 'flow' && lw[2] === 'ip' && lw[3]) d.mlsFlow = { mode: lw[3], line };
    else if (lw[0] === 'set' && lw[1] === 'mls' && lw[2] === 'flow' && lw[3]) d.mlsFlow = { mode: lw[3], line };
    else if (lw[0] === 'banner') {
      const b = bannerDelimiter(t.slice('banner'.length).trim());
      if (b && !b.closed) banner = b.delim;
    }
  }
  // Numbers in numeric order, then names: stable for the remedy that picks a free number.
  d.aclIds = [...ids].sort((a, b) => {
    const na = /^\d+$/.test(a);
    const nb = /^\d+$/.test(b);
    if (na && nb) return Number(a) - Number(b);
    if (na !== nb) return na ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  if (section.filter) d.filter = section.filter;
  // A whole IOS config (its version or hostname line read) with no closing end may be cut short (a buffer, a --More--,
  // a page): say where it stops. NX-OS and IOS XR print no end, a filtered config has none to show, and a few lines
  // pasted alone are no config's whole.
  if (!d.ended && !d.filter && d.platform === undefined && d.lastLine !== undefined && (d.version !== undefined || d.hostname !== undefined)) {
    warnings.push({ line: d.lastLine, message: 'the running-config stops here with no closing end: it may be cut short, so what follows is unseen (the change plan asks before using a name it did not see)' });
  }
  const uses = httpUsesOf(section);
  if (uses.length) d.httpUses = uses;
  const part = partOf(section, d);
  if (part) d.partial = part;
  other.finish();
  return { data: d, warnings };
}

// Features the IOS HTTP server serves, by their config lines: turning the server off stops them.
const HTTP_USES: [RegExp, string][] = [
  [/^\s*ip admission\s/, 'web logins (ip admission)'],
  [/^\s*parameter-map type webauth\s/, 'web logins (parameter-map type webauth)'],
  [/^\s*ip auth-proxy\s/, 'the login proxy (ip auth-proxy)'],
  [/^\s*crypto pki server\s/, 'a certificate server (its SCEP enrolment and CRLs)'],
  [/^\s*ip http path\s/, 'files (ip http path: a CME web interface, phone loads)'],
  // CME's phones fetch their directories and services from the router's own web server.
  [/^\s*url\s+(?:directories|services|information|authentication|idle|proxy-server)\s+http:/i, "IP phones' directories and services (telephony-service url)"],
];

function httpUsesOf(section: Section): { line: number; what: string }[] {
  const out: { line: number; what: string }[] = [];
  for (let i = section.from; i < section.to; i++) {
    const l = section.lines[i]!;
    if (l.length > 200 || !/(?:admission|webauth|auth-proxy|pki server|http path|url )/.test(l)) continue;
    const use = HTTP_USES.find(([re]) => re.test(l));
    if (use && !out.some((u) => u.what === use[1])) out.push({ line: i + 1, what: use[1] });
  }
  return out;
}

// `show running-config all | brief | full | linenum | view full`: still the whole config.
const WHOLE_ARGS = new Set(['all', 'brief', 'full', 'view', 'linenum', 'verbose', 'expand']);

/**
 * Why the config pasted is only part of the router's, though it may end in `end`: a filter, a command that shows one
 * part (`show running-config interface X`), or no `version` and no `hostname` line (every whole config prints both:
 * the paste starts below its top).
 */
function partOf(section: Section, d: RunningConfigData): string | undefined {
  if (section.filter) return `shown through "| ${section.filter}"`;
  const args = section.args?.split(/\s+/) ?? [];
  if (args.length > 0 && !args.every((a) => WHOLE_ARGS.has(a.toLowerCase()))) return `only part of the config (show running-config ${section.args})`;
  if (d.version === undefined && d.hostname === undefined && d.platform === undefined) return 'missing its top (no version or hostname line)';
  return undefined;
}

const CONFIG_START = /^(!|version \d|hostname \S|interface \S|Building configuration|Current configuration|end$)/;

/**
 * A config's shape: `!` separators, `interface`/`hostname`/`version` lines, indented blocks under them. A few
 * global commands with none of those (`ip route ...`, `ip http server`) still count when every line is one.
 */
function sniff(pasted: Section): number {
  const section = withoutExtraIndent(pasted);
  let seen = 0;
  let configish = 0;
  let anchors = 0;
  let globals = 0;
  for (let i = section.from; i < section.to && seen < 200; i++) {
    const raw = section.lines[i]!;
    const t = raw.trim();
    if (t === '') continue;
    seen++;
    const indented = raw.charCodeAt(0) === 32;
    if (CONFIG_START.test(t) && !indented) anchors++;
    const shaped = isConfigShaped(t, indented);
    if (t.startsWith('!') || shaped) configish++;
    if (shaped && !indented) globals++;
  }
  if (seen === 0) return 0;
  if (anchors >= 2) return Math.min(1, (configish / seen) * (anchors >= 4 ? 1 : 0.8));
  return seen >= 2 && globals === seen ? 0.6 : 0;
}

export const runningConfigParser: ParserDef<'show running-config', RunningConfigData> = {
  kind: 'show running-config',
  commands: ['show running-config', 'show startup-config', 'show configuration', 'more system:running-config'],
  sniff,
  parse: (section) => {
    const { data, warnings } = parseConfig(section);
    return { data, records: 1, warnings };
  },
};
