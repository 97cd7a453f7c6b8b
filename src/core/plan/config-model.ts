// The config model a change plan is proven on: interfaces, ACLs with sequence numbers, static routes, MQC names, toggles.
import type { ConfigPlatform, RunningConfigData } from '../parsers/show-running-config/parser';
import { expandInterfaceName } from '../rules/remedies';

export type AclKind = 'standard' | 'extended';

export interface ModelAclEntry {
  /** IOS numbers entries 10, 20, ... when none are given (12.3(2)T / 12.2(14)S and later show them). */
  seq: number;
  /** The entry as typed inside its ACL: `deny tcp any any eq www`, `remark ...`. */
  text: string;
  /** A remark the running-config printed with no number (IOS-XE shows `remark` bare above `3 permit ...`): its `seq` is a guess. */
  unnumbered?: boolean;
}

export interface ModelAcl {
  kind: AclKind;
  /** Numbered (`access-list 120 ...`) or named (`ip access-list extended NAME`). */
  numbered: boolean;
  entries: ModelAclEntry[];
  /** Lines that configure the whole list (NX-OS `statistics per-entry`, `fragments deny-all`): a copy carries them. */
  settings?: string[];
}

export interface ModelRoute {
  vrf?: string;
  prefix: string;
  mask: string;
  interface?: string;
  nextHop?: string;
  distance?: number;
  /**
   * What follows the gateway and distance, in IOS's order: `name X`, `permanent` or `track N`, `tag N`. Not part of
   * the route's identity (`no ip route P M GW` removes it whatever they are), but a rewrite keeps them: a tracked
   * default route left untracked never fails over, an untagged one drops out of redistribution.
   */
  options?: string;
}

export interface ModelInterface {
  /** Full name, e.g. FastEthernet0/0. */
  name: string;
  addresses: { address: string; mask: string; secondary: boolean }[];
  groups: { in?: string; out?: string };
  /** IOS-XE common lists (`ip access-group common C I in`): in front of `groups`, by direction. */
  common?: { in?: string; out?: string };
  policies: { input?: string; output?: string };
  /** `ipv6 traffic-filter NAME in|out`: the IPv6 list on each direction (an IPv4 list does not filter IPv6). */
  filters6?: { in?: string; out?: string };
  /** Other interface lines a plan may toggle (`ip accounting`), as typed. */
  settings: string[];
}

export interface ConfigModel {
  hostname?: string;
  /** False when no running-config was read: the plan cannot see interfaces' ACLs. */
  known: boolean;
  /** IOS version from show version (or the config's `version` line), and whether it takes ACL sequence numbers. */
  ios?: { version: string; sequenceEditing: boolean };
  /**
   * NX-OS (a Nexus switch): the plan is written in its syntax (nx-os.ts), lines it has no form for are held back,
   * and every NX-OS release edits ACLs by sequence number. `ios.version` then holds the NX-OS version. 'asa': an
   * ASA firewall or 'ios-xr': systems this tool writes no commands for (every step is held back, the finding says so).
   */
  platform?: ConfigPlatform;
  /** Keyed by lower-case full interface name. */
  interfaces: Record<string, ModelInterface>;
  acls: Record<string, ModelAcl>;
  /**
   * IOS IPv6 lists (`ipv6 access-list NAME`), entries by sequence number: IOS numbers them 10, 20, ... and a
   * running-config prints a number only where one was given. Absent when the config has none.
   */
  acls6?: Record<string, ModelAclEntry[]>;
  routes: ModelRoute[];
  classMaps: Record<string, string[]>;
  policyMaps: Record<string, string[]>;
  /** Global toggles by key (`ip http server`, `logging console`): the line in force, as typed. */
  globals: Record<string, string>;
  /** ACL ids referenced anywhere in the config (NAT, SNMP, lines...): never reused for a new list. */
  reservedAcls: string[];
  /** ACLs NAT, a line, SNMP, a route-map or class-map also uses (with the first such use): never edited in place. */
  aclUses?: Record<string, string>;
  /** Interfaces running CBAC (`ip inspect`): on IOS before 12.3(4)T its temporary entries live in inbound lists. */
  inspecting?: string[];
  /**
   * The config has no closing `end`, or is only part of the router's (`partial`): lists or class-maps past the cut
   * are unseen, so a free-looking name may not be.
   */
  cutShort?: boolean;
  /** Why the config pasted is only part of the router's, in words (parsers/show-running-config `partial`). */
  partial?: string;
  /**
   * Cut short with a list's entry as its last line: that list may go on past the cut, so a copy of what was pasted
   * could drop entries the router has. No plan copies it.
   */
  tailAcl?: string;
}

export function interfaceKey(name: string): string {
  return expandInterfaceName(name).toLowerCase();
}

export function emptyModel(): ConfigModel {
  return { known: false, interfaces: {}, acls: {}, routes: [], classMaps: {}, policyMaps: {}, globals: {}, reservedAcls: [] };
}

/** Standard ACL numbers: 1-99 and 1300-1999; everything else numeric is extended (100-199, 2000-2699). */
export function numberedKind(id: string): AclKind {
  const n = Number(id);
  return (n >= 1 && n <= 99) || (n >= 1300 && n <= 1999) ? 'standard' : 'extended';
}

const IOS_VERSION = /^(\d+)\.(\d+)\((\d+)[a-z]?\)([A-Z]*)/;

/**
 * Sequence-numbered ACL editing (`ip access-list extended 120` / ` 5 deny ...`) came with 12.2(14)S and 12.3(2)T
 * (12.2(15)T on the T train); 12.3 mainline and everything later has it. False when the version says otherwise
 * or cannot be read: a plan then never relies on it.
 */
export function takesSequenceNumbers(version: string): boolean {
  if (/^(1[6-9]|[2-9]\d)\./.test(version)) return true; // IOS-XE 16+ versions
  const m = IOS_VERSION.exec(version);
  if (!m) {
    const short = /^(\d+)\.(\d+)$/.exec(version);
    return short ? Number(short[1]) > 12 || (Number(short[1]) === 12 && Number(short[2]) >= 4) : false;
  }
  const [major, minor, rebuild, train] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4]!];
  if (major !== 12) return major > 12;
  if (minor !== 2) return minor > 2 && !(minor === 3 && train.startsWith('T') && rebuild < 2);
  if (train.startsWith('S')) return rebuild >= 14;
  if (train.startsWith('T')) return rebuild >= 15;
  return false;
}

/** `ip route P M dhcp` (the DHCP gateway as next hop) came with 12.3(8)T; 12.4 and everything later has it. */
export function takesDhcpNextHop(version: string): boolean {
  if (/^(1[6-9]|[2-9]\d)\./.test(version)) return true;
  const m = IOS_VERSION.exec(version) ?? /^(\d+)\.(\d+)$/.exec(version);
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major !== 12) return major > 12;
  if (minor >= 4) return true;
  return minor === 3 && m[4] !== undefined && m[4].startsWith('T') && Number(m[3]) >= 8;
}

/** The key a global line toggles: `no ip http server` and `ip http server` share one; `ip cef distributed` is `ip cef`. */
export function globalKey(line: string): string {
  const w = line.trim().replace(/^no\s+/, '').split(/\s+/);
  const s = w.join(' ');
  const prefixes = ['ip http secure-server', 'ip http server', 'ip cef', 'logging console', 'ip cache-ager-interval', 'mls flow ip', 'logging buffered', 'ip source-route', 'ip domain-lookup'];
  for (const p of prefixes) if (s === p || s.startsWith(`${p} `)) return p;
  if (w[0] === 'ip' && w[1] === 'nat' && w[2] === 'translation' && w[3]) return w.slice(0, 4).join(' ');
  return s;
}

/**
 * IOS defaults, so a line and its absence compare equal after a back-out: absent `logging console` is on at
 * debugging; absent `ip http server`, `ip cef` (this tool reads a missing `ip cef` as off), an ager or a NAT
 * timeout are their `no` form.
 */
export function normalGlobal(key: string, line: string | undefined): string {
  if (key === 'logging console') return line === undefined || line === 'logging console' || line === 'logging console debugging' || line === 'logging console 7' ? '' : line;
  if (key === 'mls flow ip') return line === undefined || line === 'mls flow ip destination' || line.startsWith('no ') ? '' : line;
  if (line === undefined || line.startsWith('no ')) return '';
  return line;
}

/** Lines in the config a model keeps as globals: the toggles plans touch. */
function globalsOf(d: RunningConfigData): Record<string, string> {
  const g: Record<string, string> = {};
  if (d.cef.mode !== 'absent') g['ip cef'] = d.cef.mode === 'disabled' ? 'no ip cef' : d.cef.mode === 'distributed' ? 'ip cef distributed' : 'ip cef';
  if (d.httpServer.line !== undefined) g['ip http server'] = d.httpServer.enabled ? 'ip http server' : 'no ip http server';
  if (d.httpSecureServer) g['ip http secure-server'] = d.httpSecureServer.enabled ? 'ip http secure-server' : 'no ip http secure-server';
  if (d.loggingConsole.line !== undefined) g['logging console'] = d.loggingConsole.enabled ? `logging console${d.loggingConsole.level ? ` ${d.loggingConsole.level}` : ''}` : 'no logging console';
  if (d.mlsFlow) g['mls flow ip'] = `mls flow ip ${d.mlsFlow.mode}`;
  for (const [k, v] of Object.entries(d.natTimeouts ?? {})) g[`ip nat translation ${k}`] = `ip nat translation ${k} ${v.seconds}`;
  return g;
}

/** An entry that matches every packet (extended or standard), with or without its log keyword. */
const CATCH_ALL = /^(?:permit|deny)\s+(?:ip\s+any\s+any|any)(?:\s+log(?:-input)?)?$/i;

/** The model of a parsed running-config (undefined: none pasted), with the IOS version from show version. */
export function buildModel(d: RunningConfigData | undefined, version?: string, platform?: ConfigPlatform): ConfigModel {
  const m = emptyModel();
  const v = version ?? d?.version;
  const nxos = platform ?? d?.platform;
  if (nxos) m.platform = nxos;
  if (v) m.ios = { version: v, sequenceEditing: nxos === 'nx-os' || takesSequenceNumbers(v) };
  if (!d) return m;
  m.known = true;
  if (d.hostname) m.hostname = d.hostname;
  for (const i of d.interfaces) {
    const mi: ModelInterface = { name: expandInterfaceName(i.name), addresses: [], groups: {}, policies: {}, settings: [] };
    if (i.address && i.mask) mi.addresses.push({ address: i.address, mask: i.mask, secondary: false });
    for (const s of i.secondary ?? []) mi.addresses.push({ ...s, secondary: true });
    // IOS keeps one access-group per direction: the last line read wins, as on the router.
    for (const g of i.accessGroups) {
      mi.groups[g.direction] = g.acl;
      if (g.common) (mi.common ??= {})[g.direction] = g.common;
    }
    for (const p of i.servicePolicies ?? []) mi.policies[p.direction] = p.policy;
    for (const f of i.trafficFilters ?? []) (mi.filters6 ??= {})[f.direction] = f.acl;
    if (i.ipAccounting) mi.settings.push('ip accounting');
    m.interfaces[interfaceKey(i.name)] = mi;
  }
  const inspecting = d.interfaces.filter((i) => i.inspect).map((i) => expandInterfaceName(i.name));
  if (inspecting.length) m.inspecting = inspecting;
  for (const e of d.acls) {
    const named = d.aclKinds?.[e.acl];
    const acl = (m.acls[e.acl] ??= {
      kind: named ?? (/^\d+$/.test(e.acl) ? numberedKind(e.acl) : 'extended'),
      numbered: named === undefined && /^\d+$/.test(e.acl),
      entries: [],
    });
    const last = acl.entries[acl.entries.length - 1]?.seq ?? 0;
    const text = e.text.replace(/^\d+\s+(?=(permit|deny|remark|dynamic|evaluate)\b)/i, '');
    acl.entries.push({ seq: e.sequence ?? last + 10, text, ...(e.sequence === undefined && /^remark\b/i.test(text) ? { unnumbered: true } : {}) });
  }
  for (const id of d.acl6Names ?? []) (m.acls6 ??= {})[id] ??= [];
  for (const e of d.acls6 ?? []) {
    const list = ((m.acls6 ??= {})[e.acl] ??= []);
    list.push({ seq: e.sequence ?? (list[list.length - 1]?.seq ?? 0) + 10, text: e.text });
  }
  for (const [id, lines] of Object.entries(d.aclSettings ?? {})) if (m.acls[id]) m.acls[id].settings = [...lines];
  // An ACL header with no entries yet still exists (and denies everything once applied).
  for (const [id, kind] of Object.entries(d.aclKinds ?? {})) m.acls[id] ??= { kind, numbered: false, entries: [] };
  for (const r of d.staticRoutes) {
    // One static route per prefix, mask and gateway (a repeated line, or a new distance, replaces it), as on IOS.
    const gw = routeWords({ ...r, interface: r.interface ? expandInterfaceName(r.interface) : undefined, distance: undefined } as ModelRoute);
    m.routes = m.routes.filter((x) => routeWords({ ...x, distance: undefined, options: undefined }) !== gw);
    const options = routeOptions(r);
    m.routes.push({
      ...(r.vrf ? { vrf: r.vrf } : {}),
      prefix: r.prefix,
      mask: r.mask,
      ...(r.interface ? { interface: expandInterfaceName(r.interface) } : {}),
      ...(r.nextHop ? { nextHop: r.nextHop } : {}),
      // Distance 1 is a static route's default: the same route as none given.
      ...(r.distance !== undefined && r.distance !== 1 ? { distance: r.distance } : {}),
      ...(options ? { options } : {}),
    });
  }
  for (const c of d.classMaps ?? []) m.classMaps[c] = [];
  for (const p of d.policyMaps ?? []) m.policyMaps[p] = [];
  m.globals = globalsOf(d);
  m.reservedAcls = [...d.aclIds];
  if (d.aclUses) m.aclUses = { ...d.aclUses };
  // Only part of the config (a filter, show running-config interface X, no top): what it does not show may exist.
  if (d.partial) {
    m.cutShort = true;
    m.partial = d.partial;
  }
  if (!d.ended) {
    m.cutShort = true;
    const tail = d.lastLine !== undefined ? d.acls.find((e) => e.line === d.lastLine) : undefined;
    // (An entry that matches everything ends what the list can do: entries past the cut after it never match.)
    if (tail && !CATCH_ALL.test(tail.text.replace(/^\d+\s+/, '').trim())) m.tailAcl = tail.acl;
    // The same for an IPv6 list (`permit ipv6 any any` ends what it can do).
    const tail6 = d.lastLine !== undefined ? d.acls6?.find((e) => e.line === d.lastLine) : undefined;
    if (tail6 && !/^(?:permit|deny)\s+ipv6\s+any\s+any(?:\s+log(?:-input)?)?$/i.test(tail6.text.trim())) m.tailAcl = tail6.acl;
  }
  return m;
}

export function cloneModel(m: ConfigModel): ConfigModel {
  return JSON.parse(JSON.stringify(m)) as ConfigModel;
}

/** `name X`, `permanent` or `track N`, `tag N`: the order IOS takes them in. */
export function routeOptions(r: { name?: string; permanent?: boolean; track?: string; tag?: string }): string {
  return [r.name ? `name ${r.name}` : '', r.permanent ? 'permanent' : r.track ? `track ${r.track}` : '', r.tag ? `tag ${r.tag}` : ''].filter(Boolean).join(' ');
}

/** A route's config words after `ip route`: `[vrf V] PREFIX MASK [IF] [HOP] [DIST] [OPTIONS]`. */
export function routeWords(r: ModelRoute): string {
  return [r.vrf ? `vrf ${r.vrf}` : '', r.prefix, r.mask, r.interface ?? '', r.nextHop ?? '', r.distance !== undefined ? String(r.distance) : '', r.options ?? '']
    .filter(Boolean)
    .join(' ');
}

export function isDefaultRoute(r: ModelRoute): boolean {
  return r.prefix === '0.0.0.0' && r.mask === '0.0.0.0' && r.vrf === undefined;
}

/** Why what the config pasted does not show may still be on the router, as a gate's opening words. */
export function unseenWords(m: ConfigModel): string {
  if (m.partial) return `The running-config pasted is ${m.partial}, so it may not show everything the router has:`;
  return m.platform === 'nx-os'
    ? 'NX-OS prints no closing end line, so the tool cannot tell whether the running-config pasted is whole:'
    : 'The running-config pasted has no closing end line, so it may be cut short:';
}
