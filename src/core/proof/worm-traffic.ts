// Test support: a small mix of worm and hard-negative flows (issue 4's cases), format-free, for every renderer.
import { mulberry32 } from './mulberry32';

export interface GenFlow {
  srcIf: string;
  src: number;
  dstIf: string;
  dst: number;
  proto: number;
  srcPort: number;
  dstPort: number;
  packets: number;
  /** Bytes per packet: 48 for a bare SYN, more for real transfers. */
  bytesPerPacket: number;
}

export interface TrafficTruth {
  codeRed: number[];
  codeRedII: number[];
  proxy: number;
  dead: number;
}

export interface TrafficOptions {
  codeRed?: number;
  codeRedII?: number;
  targetsPerScanner?: number;
  clients?: number;
}

/** A public-looking address no rule of Code Red II forbids. */
function publicAddr(r: () => number): number {
  for (;;) {
    const a = 1 + Math.floor(r() * 222);
    if (a === 10 || a === 127 || a === 20) continue;
    return ((a << 24) | ((1 + Math.floor(r() * 254)) << 16) | ((1 + Math.floor(r() * 254)) << 8) | (1 + Math.floor(r() * 254))) >>> 0;
  }
}

/**
 * Code Red scanners (one shared target list, the first version's fixed seed), Code Red II scanners (biased to
 * their own /8 and /16), a web proxy with a few dead sites, clients retrying a dead server, clients whose port 80
 * is blocked locally to popular servers, and ordinary clients; interleaved as a cache would list them.
 */
export function wormTraffic(seed: number, o: TrafficOptions = {}): { flows: GenFlow[]; truth: TrafficTruth } {
  const r = mulberry32(seed);
  const used = new Set<number>();
  const host = (): number => {
    for (;;) {
      const a = (0x14010000 | ((1 + Math.floor(r() * 250)) << 8) | (1 + Math.floor(r() * 250))) >>> 0;
      if (!used.has(a)) return used.add(a), a;
    }
  };
  const ifOf = (a: number) => `Vl${((a >>> 8) & 3) + 1}`;
  const cr = Array.from({ length: o.codeRed ?? 2 }, host);
  const cr2 = Array.from({ length: o.codeRedII ?? 2 }, host);
  const proxy = host();
  const clients = Array.from({ length: o.clients ?? 20 }, host);
  const blocked = clients.slice(0, 3);
  const servers = Array.from({ length: 12 }, () => publicAddr(r));
  const dead = publicAddr(r);
  const list = Array.from({ length: 400 }, () => publicAddr(r));
  const n = o.targetsPerScanner ?? 25;
  const eph = () => 1024 + Math.floor(r() * 60_000);
  const flows: GenFlow[] = [];
  const add = (src: number, dst: number, proto: number, dstPort: number, packets: number, bpp: number) =>
    flows.push({ srcIf: ifOf(src), src, dstIf: 'Fa0/0', dst, proto, srcPort: proto === 1 ? 0 : eph(), dstPort, packets, bytesPerPacket: bpp });
  const cr2Target = (src: number): number => {
    for (;;) {
      const x = r();
      const rand = publicAddr(r);
      const t = x < 3 / 8 ? ((src & 0xffff0000) | (rand & 0xffff)) >>> 0 : x < 7 / 8 ? ((src & 0xff000000) | (rand & 0xffffff)) >>> 0 : rand;
      const q = [t >>> 24, (t >>> 16) & 255, (t >>> 8) & 255, t & 255];
      if (t !== src && q.every((v) => v !== 0 && v !== 255)) return t;
    }
  };
  const start = cr.map(() => Math.floor(r() * 200));
  for (let step = 0; step < n; step++) {
    cr.forEach((s, k) => add(s, list[(start[k]! + step) % list.length]!, 6, 80, 1 + Math.floor(r() * 2), 48));
    cr2.forEach((s) => add(s, cr2Target(s), 6, 80, 1 + Math.floor(r() * 2), 48));
    // The proxy: real transfers, one site in ten down.
    add(proxy, publicAddr(r), 6, 80, r() < 0.9 ? 4 + Math.floor(r() * 300) : 1 + Math.floor(r() * 2), r() < 0.9 ? 800 : 48);
    const c = clients[Math.floor(r() * clients.length)]!;
    const srv = servers[Math.floor(r() * servers.length)]!;
    if (blocked.includes(c)) add(c, srv, 6, 80, 1 + Math.floor(r() * 2), 48);
    else add(c, srv, 6, 80, 5 + Math.floor(r() * 100), 600);
    // Someone (not blocked) reaches every popular server; clients keep retrying the dead one.
    add(clients[3 + (step % (clients.length - 3))]!, servers[step % servers.length]!, 6, 80, 6, 700);
    if (step % 3 === 0) add(clients[Math.floor(r() * clients.length)]!, dead, 6, 80, 1 + Math.floor(r() * 3), 48);
    if (step % 4 === 0) add(c, 0x08080808, 17, 53, 1, 70);
    if (step % 5 === 0) add(c, srv, 1, 0x0800, 2, 84);
  }
  return { flows, truth: { codeRed: cr, codeRedII: cr2, proxy, dead } };
}
