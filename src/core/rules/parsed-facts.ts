// Shared readers over parsed facts: which configs were read, CEF state, platform class, subnets, next hops.
import type { ArpEntry } from '../parsers/show-ip-arp/parser';
import type { ConfigInterface, RunningConfigData } from '../parsers/show-running-config/parser';
import { sectionsOf, type ParsedSection, type SectionOf } from '../sections';
import { commandIndex } from '../parsers/registry';
import { splitFilter } from '../text/prompt';
import { ipToInt, intToIp } from '../text/lines';
import type { Evidence, Kind } from '../types';
import { expandInterfaceName } from './remedies';
import type { RuleContext } from './rule-types';

/** True when the running-config parser actually read something (a placeholder or garbage yields nothing). */
export function configRead(d: RunningConfigData): boolean {
  return (
    d.interfaces.length > 0 ||
    d.staticRoutes.length > 0 ||
    d.acls.length > 0 ||
    d.hostname !== undefined ||
    d.cef.line !== undefined ||
    d.httpServer.line !== undefined ||
    d.loggingConsole.line !== undefined
  );
}

export function configs(ctx: Pick<RuleContext, 'sections'>): SectionOf<'show running-config'>[] {
  return sectionsOf(ctx.sections, 'show running-config').filter((s) => configRead(s.data));
}

/** True when the section's parser read facts from it (a placeholder parser, or garbage, yields none). */
export function sectionRead(s: ParsedSection): boolean {
  if (s.summary.records > 0) return true;
  switch (s.kind) {
    case 'show running-config':
      return configRead(s.data);
    case 'show logging':
      return s.data.syslogLine !== undefined || s.data.console !== undefined;
    case 'show alignment':
      return s.data.noData || s.data.alignmentErrors !== undefined || s.data.spuriousAccesses !== undefined;
    case 'show ip cef summary':
      return s.data.running !== undefined || s.data.routes !== undefined;
    case 'show ip nat statistics':
      return s.data.activeTotal !== undefined;
    case 'show ip cache':
    case 'show ip cache verbose':
      return s.data.entries !== undefined;
    case 'show processes cpu':
      return s.data.fiveSec !== undefined;
    case 'show processes memory':
      return s.data.pools.length > 0;
    case 'show memory summary':
      return s.data.pools.length > 0 || s.data.system !== undefined;
    default:
      return false;
  }
}

/** Kinds whose output was pasted and read: an empty table read cleanly still says "nothing here". */
/**
 * The kinds of output read, once per list of sections: a rule asks once per router, and a fleet's collection (20,000
 * routers' show processes cpu, a million prompts) made that a pass over every section for every router (14 s, then hours).
 */
const kindsOf = new WeakMap<readonly ParsedSection[], ReadonlySet<Kind>>();
export function pastedKinds(sections: readonly ParsedSection[]): ReadonlySet<Kind> {
  let out = kindsOf.get(sections);
  if (!out) {
    const kinds = new Set<Kind>();
    for (const s of sections) if (sectionRead(s)) kinds.add(s.kind);
    kindsOf.set(sections, (out = kinds));
  }
  return out;
}

/** The kind a `show` command (with or without `| include ...`) is read as; undefined when we do not read it. */
export function kindOfCommand(command: string): Kind | undefined {
  const k = commandIndex.match(splitFilter(command).base);
  return k === null || k === 'unknown' ? undefined : k;
}

export function sameInterface(a: string, b: string): boolean {
  return expandInterfaceName(a).toLowerCase() === expandInterfaceName(b).toLowerCase();
}

export function findInterface(cfg: RunningConfigData, name: string): ConfigInterface | undefined {
  return cfg.interfaces.find((i) => sameInterface(i.name, name));
}

const BROADCAST = /^(Ethernet|FastEthernet|GigabitEthernet|TenGigabitEthernet|Vlan|Port-channel|BVI|SMDS)/i;

/** Broadcast media (the tech note: Ethernet/Fast Ethernet/GE/SMDS; Vlan, Port-channel and BVI are Ethernet too). */
export function isBroadcastName(name: string): boolean {
  return BROADCAST.test(expandInterfaceName(name));
}

/** How an interface resolves unknown destinations: 'broadcast', 'multipoint' (FR/ATM) or undefined (point-to-point). */
export function interfaceMedium(name: string, cfg?: RunningConfigData): 'broadcast' | 'multipoint' | undefined {
  if (isBroadcastName(name)) return 'broadcast';
  if (cfg && findInterface(cfg, name)?.multipoint) return 'multipoint';
  return undefined;
}

export interface Subnet {
  net: number;
  mask: number;
  bits: number;
}

export function subnetOf(address?: string, mask?: string): Subnet | undefined {
  if (!address || !mask) return undefined;
  const a = ipToInt(address);
  const m = ipToInt(mask);
  if (a < 0 || m < 0) return undefined;
  let bits = 0;
  for (let x = m; x & 0x80000000; x = (x << 1) >>> 0) bits++;
  return { net: (a & m) >>> 0, mask: m, bits };
}

export function inSubnet(ip: string, s: Subnet): boolean {
  const a = ipToInt(ip);
  return a >= 0 && ((a & s.mask) >>> 0) === s.net;
}

export function subnetText(s: Subnet): string {
  return `${intToIp(s.net)}/${s.bits}`;
}

function arpOn(ctx: RuleContext, ifName: string): { entry: ArpEntry; source: string }[] {
  return sectionsOf(ctx.sections, 'show ip arp').flatMap((s) =>
    s.data.entries.filter((e) => sameInterface(e.interface, ifName)).map((entry) => ({ entry, source: s.source })),
  );
}

export interface NextHop {
  address: string;
  /** Why this address: shown in the caveats so the engineer can check it. */
  reason: string;
  evidence?: Evidence;
}

/**
 * The next hop a static route through `ifName` should use. From the ARP table: the neighbour in the interface's
 * subnet whose MAC also answers for addresses outside it (the upstream router answering proxy ARP for the
 * destinations the interface route sends it). From the config alone: the other end of a /30 or /31. Undefined when
 * nothing reveals it: a lone neighbour in the subnet, or a MAC answering for several addresses inside it (a firewall's
 * or load balancer's NAT addresses), may be a server, and a route to a server that answers ping takes the default
 * route with it.
 */
export function proposeNextHop(ctx: RuleContext, ifName: string, cfgIf?: ConfigInterface): NextHop | undefined {
  const subnet = subnetOf(cfgIf?.address, cfgIf?.mask);
  const arp = arpOn(ctx, ifName);
  const own = arp.filter((a) => a.entry.ageMinutes === null).map((a) => ipToInt(a.entry.address) >>> 8);
  const learned = arp.filter((a) => a.entry.ageMinutes !== null && !a.entry.incomplete && a.entry.mac !== '');
  const local = (ip: string) => (subnet ? inSubnet(ip, subnet) : own.includes(ipToInt(ip) >>> 8));
  const candidates = learned.filter((a) => local(a.entry.address) && a.entry.address !== cfgIf?.address);
  // Addresses outside the subnet a MAC answers for: only a router answering proxy ARP does that.
  const perMac = new Map<string, number>();
  for (const a of learned) if (!local(a.entry.address)) perMac.set(a.entry.mac, (perMac.get(a.entry.mac) ?? 0) + 1);
  const where = subnet ? `in ${subnetText(subnet)}` : 'in the same /24 as the router\'s own address';
  const proxy = candidates
    .map((a) => ({ a, n: perMac.get(a.entry.mac) ?? 0 }))
    .filter((x) => x.n >= 2)
    .sort((x, y) => y.n - x.n)[0];
  const pick = proxy?.a;
  if (pick) {
    const why = `${pick.entry.address} (${pick.entry.mac}) is the neighbour ${where} on ${expandInterfaceName(ifName)} whose MAC answers ARP for ${proxy.n} addresses outside it: the upstream router answering proxy ARP`;
    return { address: pick.entry.address, reason: `Next hop from the ARP table: ${why}.`, evidence: ctx.evidence(pick.source, pick.entry.line) };
  }
  if (subnet && cfgIf?.address && (subnet.bits === 30 || subnet.bits === 31)) {
    const me = ipToInt(cfgIf.address);
    const other = subnet.bits === 31 ? (me ^ 1) >>> 0 : me === subnet.net + 1 ? subnet.net + 2 : subnet.net + 1;
    return {
      address: intToIp(other),
      reason: `Next hop from the config: ${expandInterfaceName(ifName)} is ${cfgIf.address}/${subnet.bits}, a point-to-point subnet whose other address is ${intToIp(other)}.`,
    };
  }
  return undefined;
}

export interface PlatformFacts {
  /** 7500 (RSP/VIP) or GSR (12000/GRP): CEF runs distributed there. */
  distributed: boolean;
  is7200: boolean;
  text: string;
  version?: string;
  evidence?: Evidence;
}

const DISTRIBUTED_PLATFORM = /\b(75\d\d|RSP\d*|VIP\d*|GRP|GSR|120\d\d|124\d\d|12[0-9]{3}\/GRP)\b/i;
const C7200 = /\b(72\d\d(VXR)?|NPE-?\d+|NSE-?\d+)\b/i;

export function platformFacts(ctx: RuleContext): PlatformFacts | undefined {
  for (const s of sectionsOf(ctx.sections, 'show version')) {
    const text = [s.data.platform, s.data.processor].filter(Boolean).join(' ');
    if (!text) continue;
    // The software line names the family too: "RSP Software (RSP-JSV-M)", "GS Software (GSR-P-M)", "C7200 Software".
    const family = [s.data.softwarePlatform, s.data.image].filter(Boolean).join(' ');
    return {
      distributed: DISTRIBUTED_PLATFORM.test(text) || /\b(RSP|GSR|GS)\b|^(RSP|GSR)-/i.test(family),
      is7200: C7200.test(text) || /\bC72\d\d\b/i.test(family),
      text,
      ...(s.data.version ? { version: s.data.version } : {}),
      ...((s.data.platformLine ?? s.data.line) ? { evidence: ctx.evidence(s.source, (s.data.platformLine ?? s.data.line)!) } : {}),
    };
  }
  return undefined;
}

/**
 * IOS-XE, CatOS, NX-OS: CEF (or hardware switching) cannot be turned off, so a missing `ip cef` line means nothing.
 * Known from show version, or from the questionnaire's answer for the device.
 */
export function cefAlwaysOn(ctx: RuleContext): boolean {
  if (ctx.answers.platform === 'ios-xe' || ctx.answers.platform === 'nexus') return true;
  // An ASA has no CEF at all, IOS XR always switches with it: a missing `ip cef` line there means nothing either.
  if (configs(ctx).some((c) => c.data.platform !== undefined)) return true;
  return sectionsOf(ctx.sections, 'show version').some((s) => s.data.generation === 'ios-xe' || s.data.generation === 'catos' || s.data.generation === 'nx-os');
}

export interface CefState {
  /** true running, false not running, undefined unknown. */
  running?: boolean;
  distributed: boolean;
  evidence: Evidence[];
}

/** CEF as the pasted output tells it: `show ip cef summary` first, then the config. */
export function cefState(ctx: RuleContext): CefState {
  const ev: Evidence[] = [];
  let running: boolean | undefined;
  let distributed = false;
  for (const s of sectionsOf(ctx.sections, 'show ip cef summary')) {
    if (s.data.running === undefined) continue;
    running = s.data.running;
    distributed ||= s.data.distributed;
    if (s.data.stateLine) ev.push(ctx.evidence(s.source, s.data.stateLine));
  }
  for (const c of configs(ctx)) {
    const m = c.data.cef.mode;
    if (m === 'distributed') distributed = true;
    if (running === undefined && (m === 'enabled' || m === 'distributed')) running = true;
    if (running === undefined && m === 'disabled') running = false;
    if (c.data.cef.line && m !== 'absent') ev.push(ctx.evidence(c.source, c.data.cef.line));
  }
  return { ...(running !== undefined ? { running } : {}), distributed, evidence: ev };
}

/** Host name for titles: from the config or show version; undefined when neither was pasted. */
export function routerName(ctx: RuleContext): string | undefined {
  for (const c of configs(ctx)) if (c.data.hostname) return c.data.hostname;
  for (const s of sectionsOf(ctx.sections, 'show version')) if (s.data.hostname) return s.data.hostname;
  return undefined;
}

/** " on R1" or "" */
export function onRouter(ctx: RuleContext): string {
  const n = routerName(ctx);
  return n ? ` on ${n}` : '';
}
