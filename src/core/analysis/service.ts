// Services as one number for hot loops (protocol << 16 | destination port) and their names (`tcp/445`, `icmp`).

export const ICMP = 1;
export const TCP = 6;
export const UDP = 17;
/** No service: the row is not a first contact (a reply, a flow without ports, a source-less MLS entry). */
export const NO_SERVICE = 0xffffffff;

const PROTO_NAMES: Record<number, string> = { 1: 'icmp', 6: 'tcp', 17: 'udp', 47: 'gre', 50: 'esp' };

export function serviceCode(proto: number, port: number): number {
  return ((proto & 0xffff) * 65536 + (port & 0xffff)) >>> 0;
}

/** Names already made, by code: one string per service, not one per host (200,000 hosts sweep a handful). */
const NAMES = new Map<number, string>();
const NAMES_MAX = 4096;

/** `tcp/445`, `udp/1434`, `icmp` (ICMP has no port: its "port" column holds type and code), `proto/89`. */
export function serviceName(code: number): string {
  let name = NAMES.get(code);
  if (name === undefined) {
    name = nameOf(code);
    if (NAMES.size < NAMES_MAX) NAMES.set(code, name);
  }
  return name;
}

function nameOf(code: number): string {
  if (code === NO_SERVICE) return 'unknown';
  const proto = Math.floor(code / 65536);
  const port = code % 65536;
  const name = PROTO_NAMES[proto] ?? `proto/${proto}`;
  return proto === TCP || proto === UDP ? `${name}/${port}` : name;
}

export function parseService(name: string): { proto: string; port?: number } {
  const [proto, port] = name.split('/');
  return port !== undefined && /^\d+$/.test(port) ? { proto: proto!, port: +port } : { proto: proto! };
}

/** Words for a report: "TCP port 445", "UDP port 1434", "ICMP echo". */
export function serviceWords(name: string): string {
  const { proto, port } = parseService(name);
  if (proto === 'icmp') return 'ICMP echo';
  return port === undefined ? proto.toUpperCase() : `${proto.toUpperCase()} port ${port}`;
}

/**
 * The `| include` filter that finds a service's rows in `show ip cache flow` (ports are printed in hex, four digits,
 * upper case): `01BD` for 445. ICMP echo rows carry type 8 code 0 in the DstP column: `0000 0800`.
 */
export function includeFilter(name: string): string {
  const { proto, port } = parseService(name);
  if (proto === 'icmp') return '0000 0800';
  return port === undefined ? '' : port.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Ports a worm sweeps above 1023 (a probe to them can come from a lower source port): a row to one of these is a
 * first contact even when its source port is lower.
 */
const HIGH_SERVICE_PORTS = new Set([1433, 1434, 2323, 3389, 4444, 5554, 9996]);

/**
 * The service a flow row opens, or NO_SERVICE when it is not a first contact. A row from a well-known port to an
 * ephemeral one is a server's reply (an SMB server's TCP/445 replies to its clients), never a contact.
 */
export function contactService(proto: number, srcPort: number, dstPort: number): number {
  if (proto < 0) return NO_SERVICE;
  if (proto === TCP || proto === UDP) {
    if (dstPort < 0) return NO_SERVICE;
    // TCP/80 always counts: the tech note's method, unchanged (issue 4).
    if (proto === TCP && dstPort === 80) return serviceCode(TCP, 80);
    if (srcPort >= 0 && srcPort < 1024 && dstPort >= 1024 && !HIGH_SERVICE_PORTS.has(dstPort)) return NO_SERVICE;
    if (dstPort < 1024 || HIGH_SERVICE_PORTS.has(dstPort) || (srcPort >= 0 && dstPort <= srcPort)) return serviceCode(proto, dstPort);
    return NO_SERVICE;
  }
  if (proto === ICMP) {
    // Echo requests only (type 8: DstP 0x0800); replies and errors are answers, not contacts.
    return dstPort >= 0 && dstPort >>> 8 !== 8 ? NO_SERVICE : serviceCode(ICMP, 0);
  }
  return NO_SERVICE;
}
