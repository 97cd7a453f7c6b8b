// Configs that are not IOS's (IOS-XE writes IOS's forms): NX-OS, ASA and IOS XR. What tells each apart, and their
// own forms of the facts the rules need (routes, lists, bindings), read into the same RunningConfigData.
import { isIPv4 } from '../../text/lines';
import { readAclEntry, readStaticRoute } from './config-lines';
import type { ConfigInterface } from './interface-lines';
import type { RunningConfigData } from './parser';

/** The systems whose configs this parser tells apart from IOS. */
export type ConfigPlatform = 'nx-os' | 'asa' | 'ios-xr';

/** Where the parser is: the block a line belongs to. `vrf` (NX-OS) and `xr-static` (IOS XR) hold routes. */
export type Block =
  | { kind: 'none' }
  | { kind: 'interface'; iface: ConfigInterface }
  | { kind: 'acl'; acl: string }
  /** An IOS IPv6 list (`ipv6 access-list NAME`): its entries go to `acls6`. */
  | { kind: 'acl6'; acl: string }
  | { kind: 'vrf'; vrf: string }
  | { kind: 'xr-static'; vrf?: string; ipv4: boolean }
  | { kind: 'other' };

/** Actions an ACL entry line starts with (after its sequence number): anything else configures the list. */
export const ACL_ACTIONS = new Set(['permit', 'deny', 'remark', 'dynamic', 'evaluate']);

/** Words after `ip access-list` that are IOS options, not an NX-OS list's name (`ip access-list logging interval 10`). */
const ACL_OPTION_WORDS = new Set(['standard', 'extended', 'logging', 'resequence', 'log-update', 'role-based', 'persistent', 'helper', 'match-local-traffic', 'hardware']);
/** The header NX-OS prints above a config (`!Command: show running-config`, `!Time: ...`, `!Running configuration last done at: ...`). */
const NXOS_HEADER = /^!(Command: show (running|startup)-config|Time: |Running configuration last done at|Startup config saved at)/;
/** IOS XR's time stamp before a command's output. */
const XR_STAMP = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d\d:\d\d:\d\d\.\d{3}( \S+)?$/;
/** The lines that frame an ASA's config: `: Saved`, `: end`, `:` alone, `Cryptochecksum:...`, `ASA Version 9.8(4)`. */
const ASA_HEADER = /^(:( .*)?|Cryptochecksum:\S*|(ASA|PIX|FWSM) Version \S+.*)$/;

/** One config's reading of the other systems' forms: which system it is, and the ASA bindings placed at the end. */
export class OtherSystems {
  /** ASA binds lists by interface name (`access-group OUTSIDE_IN in interface outside`): placed once every nameif is read. */
  private readonly asaGroups: { acl: string; direction: 'in' | 'out'; nameif: string; line: number }[] = [];
  /** ASA 8.x IPv6 lists (`ipv6 access-list NAME permit ...`): bound beside the IPv4 list, never in its place. */
  private readonly v6Lists = new Set<string>();

  constructor(
    private readonly d: RunningConfigData,
    private readonly addId: (id: string) => void,
  ) {}

  /** The config is this system's; `platformLine` keeps the first line that told. */
  mark(platform: ConfigPlatform, line: number): void {
    this.d.platform = platform;
    this.d.platformLine ??= line;
  }

  /** A `!` line: NX-OS's header, IOS XR's `!! IOS XR Configuration 6.1.2`. */
  comment(t: string, line: number): void {
    if (NXOS_HEADER.test(t)) this.mark('nx-os', line);
    const xr = /^!! IOS XR Configuration (\S+)/.exec(t);
    if (xr) {
      this.d.version = xr[1];
      this.mark('ios-xr', line);
    }
  }

  /** A column-0 line that frames the config, not a command (IOS XR's time stamp, an ASA's `: Saved`): true when it is one. */
  frame(t: string, line: number): boolean {
    if (XR_STAMP.test(t)) return true;
    if (!ASA_HEADER.test(t)) return false;
    const v = /^(?:ASA|PIX|FWSM) Version (\S+)/.exec(t);
    if (v) this.d.version = v[1];
    this.mark('asa', line);
    return true;
  }

  /** An interface line the interface reader took: what it says of the system (and an ASA's nameif). */
  interfaceLine(iface: ConfigInterface, w: readonly string[], lw: readonly string[], line: number): void {
    if (lw[0] === 'ip' && lw[1] === 'address' && w[2]?.includes('/')) this.mark('nx-os', line);
    else if (lw[0] === 'ipv4' && (lw[1] === 'address' || lw[1] === 'access-group')) this.mark('ios-xr', line);
    else if ((lw[0] === 'nameif' || lw[0] === 'security-level') && w[1]) {
      this.mark('asa', line);
      if (lw[0] === 'nameif') iface.nameif = w[1];
    }
  }

  /**
   * A line inside NX-OS's `vrf context` or IOS XR's `router static`: the block it leaves the parser in, or null for
   * a route line that is not understood.
   */
  blockLine(block: Extract<Block, { kind: 'vrf' | 'xr-static' }>, w: readonly string[], lw: readonly string[], line: number): Block | null {
    if (block.kind === 'vrf') {
      // NX-OS keeps a VRF's static routes in its `vrf context` block.
      if (!(lw[0] === 'ip' && lw[1] === 'route')) return block;
      return this.route(readStaticRoute(w.slice(2), line, block.vrf), block);
    }
    // router static / [vrf V] / address-family ipv4 unicast / `0.0.0.0/0 [INTERFACE] [NEXT-HOP]`.
    const vrf = block.vrf;
    if (lw[0] === 'vrf' && w[1]) return { kind: 'xr-static', vrf: w[1], ipv4: false };
    if (lw[0] === 'address-family') return { kind: 'xr-static', ...(vrf ? { vrf } : {}), ipv4: lw[1] === 'ipv4' };
    if (block.ipv4 && w[0]?.includes('/')) return this.route(readStaticRoute(w, line, vrf), block);
    return block;
  }

  private route(r: ReturnType<typeof readStaticRoute>, block: Block): Block | null {
    if (!r) return null;
    this.d.staticRoutes.push(r);
    return block;
  }

  /**
   * A global line in one of these systems' forms: the block it opens (`{ kind: 'other' }` when it opens none), or
   * undefined when it is not one of them. None of these forms is an IOS command, so they are tried first.
   */
  global(w: readonly string[], lw: readonly string[], s: string, line: number): Block | undefined {
    const d = this.d;
    if (lw[0] === 'switchname' && w[1]) {
      this.mark('nx-os', line);
      d.hostname = w[1];
      return { kind: 'other' };
    }
    if (lw[0] === 'feature' && w[1]) {
      this.mark('nx-os', line);
      return { kind: 'other' };
    }
    if (lw[0] === 'vrf' && lw[1] === 'context' && w[2]) {
      this.mark('nx-os', line);
      return { kind: 'vrf', vrf: w[2] };
    }
    if (lw[0] === 'access-list' && w[1] && (lw[2] === 'extended' || lw[2] === 'standard') && w.length > 3) {
      // ASA: every entry a global line naming its list and kind (`access-list OUTSIDE_IN extended permit tcp ...`).
      this.addId(w[1]);
      (d.aclKinds ??= {})[w[1]] = lw[2];
      const entry = readAclEntry(w[1], w.slice(3), line);
      if (entry.action && ACL_ACTIONS.has(entry.action)) d.acls.push(entry);
      return { kind: 'other' };
    }
    if (lw[0] === 'ipv6' && lw[1] === 'access-list' && w[2] && w.length > 3) {
      this.v6Lists.add(w[2]);
      this.addId(w[2]);
      return { kind: 'other' };
    }
    if (lw[0] === 'access-group' && w[1] && (lw[2] === 'in' || lw[2] === 'out') && lw[3] === 'interface' && w[4]) {
      this.mark('asa', line);
      this.addId(w[1]);
      this.asaGroups.push({ acl: w[1], direction: lw[2], nameif: w[4], line });
      return { kind: 'other' };
    }
    if (lw[0] === 'route' && w.length >= 5 && isIPv4(w[2] ?? '') && isIPv4(w[3] ?? '') && isIPv4(w[4] ?? '')) {
      // ASA: `route outside 0.0.0.0 0.0.0.0 203.0.113.1 1`: out of the interface named outside, always with a next hop.
      const via = d.interfaces.find((x) => x.nameif === w[1]);
      d.staticRoutes.push({ prefix: w[2]!, mask: w[3]!, nextHop: w[4]!, line, ...(via ? { interface: via.name } : {}), ...(/^\d+$/.test(w[5] ?? '') && w[5] !== '1' ? { distance: Number(w[5]) } : {}) });
      return { kind: 'other' };
    }
    if (lw[0] === 'ipv4' && lw[1] === 'access-list' && w[2] && w.length === 3) {
      // IOS XR: `ipv4 access-list EDGE-IN`, entries numbered below it.
      this.mark('ios-xr', line);
      return this.namedList(w[2]);
    }
    if (s === 'router static') return { kind: 'xr-static', ipv4: false };
    if (lw[0] === 'ip' && lw[1] === 'access-list' && w[2] && w.length === 3 && !ACL_OPTION_WORDS.has(lw[2]!)) {
      // NX-OS has one kind of IP list, named without a kind: `ip access-list MGMT-IN`, its entries numbered below it.
      return this.namedList(w[2]);
    }
    return undefined;
  }

  private namedList(name: string): Block {
    this.addId(name);
    (this.d.aclKinds ??= {})[name] = 'extended';
    return { kind: 'acl', acl: name };
  }

  /** Once every line is read: the ASA's bindings on their interfaces, and each system's console logging default. */
  finish(): void {
    const d = this.d;
    for (const g of this.asaGroups) {
      if (this.v6Lists.has(g.acl)) continue;
      const iface = d.interfaces.find((x) => x.nameif === g.nameif);
      if (iface) iface.accessGroups.push({ acl: g.acl, direction: g.direction, line: g.line });
    }
    // An ASA logs to the console only when told to (`logging console LEVEL`), and its config omits the default.
    if (d.platform === 'asa' && d.loggingConsole.line === undefined) d.loggingConsole = { enabled: false };
    // NX-OS logs to the console at level 2 (critical) unless told otherwise, and its config omits the default.
    if (d.platform === 'nx-os' && d.loggingConsole.line === undefined) d.loggingConsole = { enabled: true, level: 'critical' };
  }
}
