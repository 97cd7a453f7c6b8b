// Builds a synthetic `show ip cache flow` paste of N rows: a few Code Red scanners among ordinary clients.
// Deterministic (fixed-seed LCG) so every run measures the same input.

function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const ip = (r, a) => `${a ?? 1 + Math.floor(r() * 222)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${1 + Math.floor(r() * 253)}`;
const hex4 = (n) => n.toString(16).toUpperCase().padStart(4, '0');
const pad = (s, n) => s.padEnd(n, ' ');

export const SCANNERS = ['10.1.1.99', '10.1.7.23', '10.2.3.4'];

export function flowTable(rows, seed = 7) {
  const r = lcg(seed);
  const out = ['Router#show ip cache flow', 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts'];
  const clients = Array.from({ length: 2000 }, () => `10.${1 + Math.floor(r() * 9)}.${Math.floor(r() * 256)}.${1 + Math.floor(r() * 253)}`);
  const servers = Array.from({ length: 300 }, () => ip(r));
  for (let i = 0; i < rows; i++) {
    let src, dst, dport, pkts;
    if (i % 4 === 0) {
      // Scanner: random destinations on TCP/80, one or two packets (unanswered SYNs).
      src = SCANNERS[i % SCANNERS.length];
      dst = ip(r);
      dport = 0x50;
      pkts = 1 + Math.floor(r() * 2);
    } else {
      src = clients[Math.floor(r() * clients.length)];
      dst = servers[Math.floor(r() * servers.length)];
      dport = r() < 0.5 ? 0x50 : r() < 0.5 ? 0x1bb : 0x35;
      pkts = 3 + Math.floor(r() * 400);
    }
    const srcIf = src.startsWith('10.1.') ? 'Vl1' : 'Fa0/1';
    out.push(`${pad(srcIf, 14)}${pad(src, 16)}${pad('Se0/0', 14)}${pad(dst, 16)}06 ${hex4(1024 + Math.floor(r() * 60000))} ${hex4(dport)} ${String(pkts).padStart(5)}`);
  }
  return out.join('\n') + '\n';
}
