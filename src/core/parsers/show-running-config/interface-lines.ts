// An interface block of a config: the facts kept per interface and the reader for its indented lines.
import { isIPv4 } from '../../text/lines';
import { prefixWithLength } from './config-lines';

export interface ConfigInterface {
  /** Full name as configured, e.g. "Vlan1", "FastEthernet0/0", "Serial0/0.1". */
  name: string;
  line: number;
  address?: string;
  mask?: string;
  shutdown: boolean;
  /** `ip accounting` / `ip accounting output-packets` (not `access-violations` or `precedence`, other features). */
  ipAccounting: boolean;
  /** ip route-cache flow / ip flow ingress. */
  flowAccounting: boolean;
  nat?: 'inside' | 'outside';
  /** `ip admission NAME` (web logins) or `ip auth-proxy NAME` on the interface: its users' port-80 requests are answered there. */
  webAuth?: boolean;
  /** `ip vrf forwarding X`, `vrf forwarding X`, NX-OS `vrf member X`: the VRF whose table the interface's subnet is in. */
  vrf?: string;
  /** `common`: the list an IOS-XE `ip access-group common C [I] in|out` puts in front of the interface's own (`acl`). */
  accessGroups: { acl: string; direction: 'in' | 'out'; line: number; common?: string }[];
  /** `crypto map NAME`: IPsec on the interface (from 12.3(8)T packets decrypted there skip its inbound ACL). */
  cryptoMap?: string;
  /** `ipv6 traffic-filter NAME in|out`: the IPv6 list filtering each direction (IPv4 lists do not filter IPv6). */
  trafficFilters?: { acl: string; direction: 'in' | 'out'; line: number }[];
  /** `service-policy input|output NAME`: one per direction, like access-groups. */
  servicePolicies?: { policy: string; direction: 'input' | 'output'; line: number }[];
  bridgeGroup?: number;
  /** `ip inspect NAME in|out` (CBAC): it opens return traffic with temporary entries in inbound lists. */
  inspect?: boolean;
  /** Frame Relay / ATM multipoint: a `multipoint` subinterface, or a main interface with frame-relay encapsulation. */
  multipoint: boolean;
  /** Media type from the name: "FastEthernet", "Vlan", "Serial", "BVI". */
  type?: string;
  secondary?: { address: string; mask: string }[];
  /** `ip address negotiated` / `ip address dhcp` / `ip unnumbered X`: no static address to read. */
  addressMode?: 'negotiated' | 'dhcp' | 'unnumbered';
  /** false for `no ip proxy-arp`; undefined when not configured (IOS default: on). */
  proxyArp?: boolean;
  /** `ip flow egress`. */
  flowEgress?: boolean;
  encapsulation?: string;
  description?: string;
  /** ASA: the interface's name (`nameif outside`), by which access-group and route lines refer to it. */
  nameif?: string;
}

/** Read one indented line of an interface block; false only for an `ip address` whose values are not addresses. */
export function readInterfaceLine(iface: ConfigInterface, w: readonly string[], line: number, text: string): boolean {
  const lw = w.map((x) => x.toLowerCase());
  const neg = lw[0] === 'no';
  let c = neg ? lw.slice(1) : lw;
  // IOS XR writes `ipv4 address A M` and `ipv4 access-group NAME ingress|egress`: read as IOS's forms.
  if (c[0] === 'ipv4' && (c[1] === 'address' || c[1] === 'access-group')) {
    c = ['ip', ...c.slice(1).map((x) => (x === 'ingress' ? 'in' : x === 'egress' ? 'out' : x))];
  }
  const s = c.join(' ');
  if (s === 'shutdown') iface.shutdown = !neg;
  else if (c[0] === 'ip' && c[1] === 'address' && !neg) {
    const slashed = prefixWithLength(w[2] ?? '');
    if (c[2] === 'negotiated' || c[2] === 'dhcp') iface.addressMode = c[2];
    else if (slashed) {
      // NX-OS: `ip address 192.168.10.1/24 [secondary] [tag N]`.
      if (c[3] === 'secondary') (iface.secondary ??= []).push({ address: slashed.address, mask: slashed.mask });
      else [iface.address, iface.mask] = [slashed.address, slashed.mask];
    } else if (isIPv4(w[2] ?? '') && isIPv4(w[3] ?? '')) {
      if (c[4] === 'secondary') (iface.secondary ??= []).push({ address: w[2]!, mask: w[3]! });
      else [iface.address, iface.mask] = [w[2]!, w[3]!];
    } else return false;
  } else if (c[0] === 'ip' && c[1] === 'unnumbered' && !neg) iface.addressMode = 'unnumbered';
  else if (c[0] === 'ip' && (c[1] === 'admission' || c[1] === 'auth-proxy') && c.length === 3 && !neg) iface.webAuth = true;
  else if (((c[0] === 'ip' && c[1] === 'vrf' && c[2] === 'forwarding' && c.length === 4) || (c[0] === 'vrf' && (c[1] === 'forwarding' || c[1] === 'member') && c.length === 3)) && !neg) iface.vrf = w[w.length - 1];
  else if (s === 'ip accounting' || s === 'ip accounting output-packets') iface.ipAccounting = !neg;
  // Classic netflow (`ip route-cache flow [sampled]`), 12.4+ (`ip flow ingress`) and Flexible NetFlow on input.
  else if (s.startsWith('ip route-cache flow') || s === 'ip flow ingress' || (c[1] === 'flow' && c[2] === 'monitor' && c[4] === 'input')) iface.flowAccounting = !neg;
  else if (s === 'ip flow egress') iface.flowEgress = !neg;
  else if (s === 'ip proxy-arp') iface.proxyArp = !neg;
  else if (c[0] === 'ip' && c[1] === 'nat' && (c[2] === 'inside' || c[2] === 'outside') && c.length === 3) {
    if (neg) delete iface.nat;
    else iface.nat = c[2];
  } else if (c[0] === 'ip' && c[1] === 'access-group' && !neg && c[2] === 'common' && w[3] && (c.length === 5 || c.length === 6) && (c.at(-1) === 'in' || c.at(-1) === 'out')) {
    // IOS-XE's common list, with or without the interface's own list after it (`common COMMON-IN CAMPUS-IN in`).
    iface.accessGroups.push({ acl: c.length === 6 ? w[4]! : w[3], direction: c.at(-1) as 'in' | 'out', line, common: w[3] });
  } else if (c[0] === 'ip' && c[1] === 'access-group' && !neg && (c[3] === 'in' || c[3] === 'out')) {
    iface.accessGroups.push({ acl: w[2]!, direction: c[3], line });
  } else if (c[0] === 'ip' && c[1] === 'access-group' && !neg && w[2] && c.length === 3) {
    // Without a direction IOS filters outbound (the 11.x-era form): a binding missed here is one a plan binds over.
    iface.accessGroups.push({ acl: w[2], direction: 'out', line });
  } else if (c[0] === 'crypto' && c[1] === 'map' && w[2] && c.length === 3) {
    if (neg) delete iface.cryptoMap;
    else iface.cryptoMap = w[2];
  } else if (c[0] === 'ipv6' && c[1] === 'traffic-filter' && !neg && w[2] && c.length === 4 && (c[3] === 'in' || c[3] === 'out')) {
    (iface.trafficFilters ??= []).push({ acl: w[2], direction: c[3], line });
  } else if (c[0] === 'service-policy' && !neg && (c[1] === 'input' || c[1] === 'output') && w[2]) {
    (iface.servicePolicies ??= []).push({ policy: w[2], direction: c[1], line });
  } else if (c[0] === 'ip' && c[1] === 'inspect' && w[2] && (c[3] === 'in' || c[3] === 'out') && c.length === 4) iface.inspect = !neg;
  else if (c[0] === 'bridge-group' && /^\d+$/.test(c[1] ?? '') && c.length === 2 && !neg) iface.bridgeGroup = Number(c[1]);
  else if (c[0] === 'encapsulation' && !neg && c[1]) {
    iface.encapsulation = w[neg ? 2 : 1]!;
    if (c[1] === 'frame-relay' && !iface.name.includes('.')) iface.multipoint = true;
  } else if (c[0] === 'description' && !neg) iface.description = text.trim().slice('description'.length).trim();
  return true;
}

