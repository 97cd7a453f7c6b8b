// Test helper: generated `show ip cache flow` traffic for each worm profile and for the hosts that must stay clean.
import { mulberry32 } from '../../proof/mulberry32';
import { intToIp, ipToInt } from '../../text/lines';

export interface GenFlow {
  src: number;
  dst: number;
  proto: number;
  sport: number;
  dport: number;
  pkts: number;
  /** Only printed by the verbose format (B/Pk). */
  bytesPerPacket?: number;
  srcIf?: string;
}

export type Rand = () => number;
export const rand = (seed: number): Rand => mulberry32(seed);

const TCP = 6;
const UDP = 17;
const ICMP = 1;
const ECHO = 0x0800;
const ECHO_REPLY = 0x0000;

const hex = (n: number, w: number) => n.toString(16).toUpperCase().padStart(w, '0');
const pad = (s: string, w: number) => (s.length >= w ? `${s} ` : s.padEnd(w));
const ephemeral = (r: Rand) => 1024 + Math.floor(r() * 60000);

/** Rows as `show ip cache flow` prints them, or the two-line `show ip cache verbose flow` records (with B/Pk). */
export function cacheFlowText(flows: readonly GenFlow[], verbose = false): string {
  if (!verbose) {
    const rows = flows.map(
      (f) => `${pad(f.srcIf ?? 'Fa0/0', 14)}${pad(intToIp(f.src), 16)}${pad('Se0/0', 14)}${pad(intToIp(f.dst), 16)}${hex(f.proto, 2)} ${hex(f.sport, 4)} ${hex(f.dport, 4)} ${String(f.pkts).padStart(5)}`,
    );
    return ['Router#show ip cache flow', 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts', ...rows, ''].join('\n');
  }
  const rows = flows.flatMap((f) => [
    `${pad(f.srcIf ?? 'Fa0/0', 15)}${pad(intToIp(f.src), 16)}${pad('Se0/0', 15)}${pad(intToIp(f.dst), 16)}${hex(f.proto, 2)} 00  10 ${String(f.pkts).padStart(8)}`,
    `${hex(f.sport, 4)} /0  0                     ${hex(f.dport, 4)} /0  0     0.0.0.0          ${String(f.bytesPerPacket ?? 40).padStart(8)}     0.0`,
  ]);
  return [
    'Router#show ip cache verbose flow',
    'SrcIf          SrcIPaddress    DstIf          DstIPaddress    Pr TOS Flgs  Pkts',
    'Port Msk AS                    Port Msk AS    NextHop              B/Pk  Active',
    ...rows,
    '',
  ].join('\n');
}

/** A random address no worm skips (no 0/255 octet, not 10/8, 127/8, 224/8 and above), outside `avoid`'s /8. */
export function randomTarget(r: Rand, avoid: number): number {
  for (;;) {
    const o = [1 + Math.floor(r() * 222), 1 + Math.floor(r() * 254), 1 + Math.floor(r() * 254), 1 + Math.floor(r() * 254)];
    if (o[0] === 127 || o[0] === 10 || o[0] === avoid >>> 24) continue;
    return ipToInt(o.join('.'));
  }
}

const octet = (r: Rand) => 1 + Math.floor(r() * 254);
function sameSlash16(r: Rand, src: number): number {
  for (;;) {
    const d = ((src & 0xffff0000) | (octet(r) << 8) | octet(r)) >>> 0;
    if (d !== src) return d;
  }
}
function sameSlash8(r: Rand, src: number): number {
  for (;;) {
    const d = ((src & 0xff000000) | (octet(r) << 16) | (octet(r) << 8) | octet(r)) >>> 0;
    if (d >>> 16 !== src >>> 16) return d;
  }
}

/** Targets by locality mix: shares of same /16, same /8, the rest uniformly random. */
function mixedTarget(r: Rand, src: number, same16: number, same8: number): number {
  const x = r();
  if (x < same16) return sameSlash16(r, src);
  if (x < same16 + same8) return sameSlash8(r, src);
  return randomTarget(r, src);
}

export interface ScanOptions {
  /** Probes (first contacts) to send. */
  probes: number;
  /** Share of probes that find a listener (answered). Random IPv4 targets rarely do. */
  hitRate?: number;
  /** Force at least this many answered probes (so second stages can appear). */
  minHits?: number;
}

type Pick = (r: Rand, src: number, i: number) => number;

interface WormShape {
  proto: number;
  dport: number | ((r: Rand) => number);
  bytesPerPacket: number;
  pick: Pick;
  /** Flows a hit leads to, from the scanner (its second stage). */
  followUps?: { proto: number; dport: number; pkts: number }[];
  /** Probes that precede the main sweep to the same target (Nachi's TCP/135 after an answered ping). */
}

const uniform: Pick = (r, src) => randomTarget(r, src);

export const WORM_SHAPES: Record<string, WormShape> = {
  'code-red': { proto: TCP, dport: 80, bytesPerPacket: 48, pick: uniform },
  'code-red-ii': { proto: TCP, dport: 80, bytesPerPacket: 48, pick: (r, s) => mixedTarget(r, s, 3 / 8, 1 / 2) },
  nimda: { proto: TCP, dport: 80, bytesPerPacket: 48, pick: (r, s) => mixedTarget(r, s, 1 / 2, 1 / 4) },
  slammer: { proto: UDP, dport: 1434, bytesPerPacket: 404, pick: uniform },
  blaster: {
    proto: TCP,
    dport: 135,
    bytesPerPacket: 48,
    // Consecutive addresses from the start of its own /24.
    pick: (_r, s, i) => ((s & 0xffffff00) + 1 + i) >>> 0,
    followUps: [{ proto: TCP, dport: 4444, pkts: 12 }],
  },
  nachi: { proto: ICMP, dport: ECHO, bytesPerPacket: 92, pick: (r, s) => mixedTarget(r, s, 1 / 2, 0), followUps: [{ proto: TCP, dport: 135, pkts: 2 }] },
  sasser: { proto: TCP, dport: 445, bytesPerPacket: 48, pick: (r, s) => mixedTarget(r, s, 1 / 4, 1 / 4), followUps: [{ proto: TCP, dport: 9996, pkts: 8 }] },
  'conficker-or-wannacry': { proto: TCP, dport: 445, bytesPerPacket: 48, pick: (r, s) => mixedTarget(r, s, 1 / 2, 0) },
  mirai: { proto: TCP, dport: (r) => (r() < 0.1 ? 2323 : 23), bytesPerPacket: 40, pick: uniform },
};

/** A scanning host's flows: probes (unanswered unless hit), replies from hit targets, and its second stages. */
export function wormFlows(worm: keyof typeof WORM_SHAPES, src: number, r: Rand, o: ScanOptions): GenFlow[] {
  const w = WORM_SHAPES[worm]!;
  const out: GenFlow[] = [];
  let hits = 0;
  for (let i = 0; i < o.probes; i++) {
    const dst = w.pick(r, src, i);
    const hit = r() < (o.hitRate ?? 0) || hits < (o.minHits ?? 0);
    if (hit) hits++;
    const dport = typeof w.dport === 'number' ? w.dport : w.dport(r);
    const tcp = w.proto === TCP;
    out.push({ src, dst, proto: w.proto, sport: w.proto === ICMP ? 0 : ephemeral(r), dport, pkts: tcp && hit ? 6 + Math.floor(r() * 10) : 1 + (tcp ? Math.floor(r() * 3) : 0), bytesPerPacket: w.bytesPerPacket });
    if (!hit) continue;
    // The target answers: a reply flow back (what settles UDP and ICMP probes).
    out.push({ src: dst, dst: src, proto: w.proto, sport: w.proto === ICMP ? 0 : dport, dport: w.proto === ICMP ? ECHO_REPLY : ephemeral(r), pkts: tcp ? 5 : 1, bytesPerPacket: w.bytesPerPacket, srcIf: 'Se0/0' });
    for (const f of w.followUps ?? []) out.push({ src, dst, proto: f.proto, sport: ephemeral(r), dport: f.dport, pkts: f.pkts, bytesPerPacket: 200 });
  }
  return out;
}

// Hosts that talk to many others and must stay clean.

/** A DNS resolver: UDP/53 queries to many servers, nearly all answered (a few lame servers). */
export function dnsResolver(src: number, r: Rand, servers = 200): GenFlow[] {
  return Array.from({ length: servers }, () => randomTarget(r, src)).flatMap((dst) => {
    const q: GenFlow = { src, dst, proto: UDP, sport: ephemeral(r), dport: 53, pkts: 1 + Math.floor(r() * 3), bytesPerPacket: 70 };
    return r() < 0.97 ? [q, { src: dst, dst: src, proto: UDP, sport: 53, dport: q.sport, pkts: q.pkts, bytesPerPacket: 180, srcIf: 'Se0/0' }] : [q];
  });
}

/** An SMB / AD server many clients reach on TCP/445 and 135: its replies (from 445, 135) go to each client. */
export function smbServer(server: number, r: Rand, clients = 300): GenFlow[] {
  const base = server & 0xffffff00;
  return Array.from({ length: clients }, (_, i) => (base + 2 + (i % 250)) >>> 0).filter((c) => c !== server).flatMap((c) => {
    const port = r() < 0.7 ? 445 : 135;
    const sport = ephemeral(r);
    return [
      { src: c, dst: server, proto: TCP, sport, dport: port, pkts: 4 + Math.floor(r() * 40), bytesPerPacket: 300 },
      // Short replies too: an SMB negotiation answered in one or two segments.
      { src: server, dst: c, proto: TCP, sport: port, dport: sport, pkts: 1 + Math.floor(r() * 30), bytesPerPacket: 400 },
    ];
  });
}

/** A monitoring station pinging many hosts on a schedule: low rate, replies seen, a few hosts down. */
export function monitoringStation(src: number, r: Rand, targets = 300): GenFlow[] {
  return Array.from({ length: targets }, () => randomTarget(r, src)).flatMap((dst) => {
    const ping: GenFlow = { src, dst, proto: ICMP, sport: 0, dport: ECHO, pkts: 5, bytesPerPacket: 64 };
    return r() < 0.97 ? [ping, { src: dst, dst: src, proto: ICMP, sport: 0, dport: ECHO_REPLY, pkts: 5, bytesPerPacket: 64, srcIf: 'Se0/0' }] : [ping];
  });
}

/** A mail relay: TCP/25 to many MX hosts, most sessions complete, some MX down. */
export function mailRelay(src: number, r: Rand, mx = 200): GenFlow[] {
  return Array.from({ length: mx }, () => randomTarget(r, src)).map((dst) => {
    const up = r() < 0.9;
    return { src, dst, proto: TCP, sport: ephemeral(r), dport: 25, pkts: up ? 8 + Math.floor(r() * 40) : 1 + Math.floor(r() * 3), bytesPerPacket: up ? 500 : 48 };
  });
}

/** A web proxy: TCP/80 to many servers, answered. */
export function webProxy(src: number, r: Rand, servers = 200): GenFlow[] {
  return Array.from({ length: servers }, () => randomTarget(r, src)).map((dst) => ({ src, dst, proto: TCP, sport: ephemeral(r), dport: 80, pkts: 5 + Math.floor(r() * 50), bytesPerPacket: 600 }));
}

/** Clients retrying one dead server on `port` (each client has one destination). */
export function deadServerClients(server: number, r: Rand, clients = 40, port = 445): GenFlow[] {
  return Array.from({ length: clients }, (_, i) => ({ src: (ipToInt('192.168.7.0') + 1 + i) >>> 0, dst: server, proto: TCP, sport: ephemeral(r), dport: port, pkts: 1 + Math.floor(r() * 3), bytesPerPacket: 48 }));
}
