// Writes the benchmark's synthetic `show ip cache flow` dump: normal clients, a proxy, a dead server, 50 scanners.
import { closeSync, openSync, writeSync } from 'node:fs';
import { mulberry32 } from '../core/proof/mulberry32';

export interface BenchTruth {
  rows: number;
  bytes: number;
  sources: number;
  scanners: string[];
  codeRed: string[];
  codeRedII: string[];
  proxy: string;
  deadServer: string;
  blockedClients: number;
}

const rng = mulberry32;

export const ip = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
export const hex = (n: number, w: number) => n.toString(16).toUpperCase().padStart(w, '0');
export const pad = (s: string, w: number) => (s.length >= w ? `${s} ` : s + ' '.repeat(w - s.length));

/** A public-looking address no rule of Code Red II forbids (no 0/255 octets, not 127/8 or 224/8 and above). */
export function publicAddr(r: () => number): number {
  for (;;) {
    const a = 1 + Math.floor(r() * 222);
    if (a === 10 || a === 127 || a === 20) continue;
    return ((a << 24) | ((1 + Math.floor(r() * 254)) << 16) | ((1 + Math.floor(r() * 254)) << 8) | (1 + Math.floor(r() * 254))) >>> 0;
  }
}

export function writeBenchDump(file: string, rows = 1_000_000, sources = 5_000, scanners = 50): BenchTruth {
  const r = rng(20010719);
  const site = [0x14010000, 0x14020000]; // 20.1/16 and 20.2/16
  const used = new Set<number>();
  const host = (): number => {
    for (;;) {
      const a = (site[Math.floor(r() * 2)]! | ((1 + Math.floor(r() * 250)) << 8) | (1 + Math.floor(r() * 250))) >>> 0;
      if (!used.has(a)) {
        used.add(a);
        return a;
      }
    }
  };
  const proxy = host();
  const scan = Array.from({ length: scanners }, host);
  const clients = Array.from({ length: sources - scanners - 1 }, host);
  const ifOf = (a: number) => `Vl${((a >>> 8) & 3) + 1}`;
  const servers = Array.from({ length: 2_000 }, () => publicAddr(r));
  const dead = publicAddr(r);
  // Clients in 20.2.9.0/24 have port 80 blocked locally: their attempts to popular servers never get an answer.
  const blocked = (a: number) => a >>> 8 === 0x140209;
  // The first Code Red's fixed seed: every infected host walks the same list, from its own starting point.
  const crList = Array.from({ length: 40_000 }, () => publicAddr(r));
  const crCount = Math.floor(scanners * 0.4);
  const cursor = scan.map(() => Math.floor(r() * 20_000));
  const cr2Target = (src: number): number => {
    for (;;) {
      const x = r();
      const rand = publicAddr(r);
      let t: number;
      if (x < 3 / 8) t = ((src & 0xffff0000) | (rand & 0xffff)) >>> 0;
      else if (x < 7 / 8) t = ((src & 0xff000000) | (rand & 0xffffff)) >>> 0;
      else t = rand;
      const o = [t >>> 24, (t >>> 16) & 255, (t >>> 8) & 255, t & 255];
      if (t !== src && o.every((v) => v !== 0 && v !== 255)) return t;
    }
  };

  const fd = openSync(file, 'w');
  let buf: string[] = [];
  let bytes = 0;
  const out = (s: string) => {
    buf.push(s);
    if (buf.length >= 20_000) flush();
  };
  const flush = () => {
    const chunk = buf.join('\n') + '\n';
    bytes += Buffer.byteLength(chunk);
    writeSync(fd, chunk);
    buf = [];
  };
  out('Router#show ip cache flow');
  out('IP packet size distribution (48211930 total packets):');
  out('   1-32   64   96  128  160  192  224  256  288  320  352  384  416  448  480');
  out('   .000 .687 .020 .006 .003 .002 .001 .001 .000 .000 .000 .000 .000 .000 .000');
  out('');
  out('IP Flow Switching Cache, 17826816 bytes');
  out(`  ${rows} active, 0 inactive, ${rows * 3} added`);
  out('  102391 ager polls, 0 flow alloc failures');
  out('  Active flows timeout in 30 minutes');
  out('  Inactive flows timeout in 15 seconds');
  out('');
  out('SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts');
  const row = (src: number, dst: number, pr: number, sp: number, dp: number, pk: number, dstIf = 'Fa0/0') =>
    out(`${pad(ifOf(src), 14)}${pad(ip(src), 16)}${pad(dstIf, 14)}${pad(ip(dst), 16)}${hex(pr, 2)} ${hex(sp, 4)} ${hex(dp, 4)} ${String(pk).padStart(5)}`);
  const eph = () => 1024 + Math.floor(r() * 60_000);
  for (let i = 0; i < rows; i++) {
    const x = r();
    if (x < 0.25) {
      // A scanner: one or two SYNs to its next target, almost never answered.
      const k = Math.floor(r() * scanners);
      const src = scan[k]!;
      const dst = k < crCount ? crList[(cursor[k] = cursor[k]! + 1) % crList.length]! : cr2Target(src);
      row(src, dst, 6, eph(), 80, r() < 0.995 ? 1 + Math.floor(r() * 2) : 5 + Math.floor(r() * 9));
    } else if (x < 0.28) {
      // The web proxy: real transfers to many sites; a few sites are down.
      row(proxy, publicAddr(r), 6, eph(), 80, r() < 0.97 ? 4 + Math.floor(r() * 300) : 1 + Math.floor(r() * 2));
    } else if (x < 0.30) {
      // Clients retrying a dead server that nobody reaches.
      row(clients[Math.floor(r() * clients.length)]!, dead, 6, eph(), 80, 1 + Math.floor(r() * 3));
    } else {
      const src = clients[Math.floor(r() * clients.length)]!;
      const y = r();
      const srv = servers[Math.floor(r() ** 2 * servers.length)]!;
      if (y < 0.55) row(src, srv, 6, eph(), 80, blocked(src) ? 1 + Math.floor(r() * 2) : 4 + Math.floor(r() * 120));
      else if (y < 0.85) row(src, srv, 6, eph(), 443, 5 + Math.floor(r() * 200));
      else if (y < 0.97) row(src, 0x08080808, 0x11, eph(), 53, 1 + Math.floor(r() * 2));
      else row(src, srv, 1, 0, 0x0800, 1 + Math.floor(r() * 4));
    }
  }
  flush();
  closeSync(fd);
  return {
    rows,
    bytes,
    sources: used.size,
    scanners: scan.map(ip),
    codeRed: scan.slice(0, crCount).map(ip),
    codeRedII: scan.slice(crCount).map(ip),
    proxy: ip(proxy),
    deadServer: ip(dead),
    blockedClients: clients.filter(blocked).length,
  };
}
