// Prefix-preserving address anonymisation (plain Crypto-PAn, HalfSipHash as the PRF), keyed per link: IPv4 and
// IPv6, and MAC addresses (vendor prefix kept, the rest permuted).
//
// Crypto-PAn: bit i of the output is bit i of the input XOR one PRF bit of the input's first i bits. Two
// addresses that share their first k bits map to two that share exactly their first k bits (subnets, /8 and /16
// locality survive), and every bit after the shared prefix is a PRF output: no octet value is kept on purpose.
// Verdicts that hang on actual values (Code Red II never targets an octet of 0 or 255) are not kept by the map:
// the link carries the sender's own verdicts instead (build-share.ts, receive.ts).
import { halfSipHash, halfSipHash64, halfSipKey, type HalfSipKey } from './half-siphash';

/** Key bytes the caller draws from crypto.getRandomValues (kept out of this pure module). */
export const ANONYMISE_KEY_BYTES = 8;

export interface Anonymiser {
  /** Anonymise one IPv4 address given as an unsigned 32-bit integer. */
  addr(a: number): number;
  /** Anonymise one dotted quad (or IPv6 address); anything that is not an address comes back unchanged. */
  ip(s: string): string;
  /** Anonymise every IPv4, IPv6 and MAC address in a text, leaving masks and the all-zero/all-one values alone. */
  text(s: string): string;
}

/** Netmasks (255.255.255.0) and wildcard masks (0.0.0.255) are structure, not hosts: a rule reads them. */
export function isMaskLike(a: number): boolean {
  const inv = ~a >>> 0;
  const contiguousOnes = (x: number) => ((x + (x & -x)) >>> 0) === 0 || x === 0; // 1...10...0 or 0
  return contiguousOnes(a) || contiguousOnes(inv);
}

// A dotted quad (zero-padded octets too), then any further `.digits` groups: one group is a `show tcp brief`
// port (10.1.1.1.23), more make it an OID or a version number, left alone. Starts only where a run of digits and
// dots starts, so a megabyte of digits or dots is one attempt, not one per character.
const QUAD = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})((?:\.\d+)*)(?!\d)/g;
// IPv6 candidates: hex groups and colons (validated by parseIpv6: `11:23:23` is a time, not an address). One followed
// by `.digit` embeds an IPv4 address (`::ffff:10.1.1.1`): left to the IPv4 pass, so no octet of it leaks.
// One followed by a single `.digits` group is an address and its port, as show tcp brief prints them (`2001:db8::2.179`).
const V6 = /(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:]|\.\d+\.)/g;
// A MAC inside another identifier, anonymised as that MAC is elsewhere: a DHCP client identifier (hardware type 01,
// then the MAC: `0100.1a2b.3c4d.5e`, `client-identifier 01001a2b3c4d5e`), and an SNMP engine ID of the MAC format
// (enterprise, format 03, Cisco's 00 pad, the MAC: `800000090300001A2B3C4D60`).
const CLIENT_ID_DOTTED = /(?<![\w.])01([0-9A-Fa-f]{2})\.([0-9A-Fa-f]{4})\.([0-9A-Fa-f]{4})\.([0-9A-Fa-f]{2})(?![\w.])/g;
const CLIENT_ID_PLAIN = /(\bclient-identifier\s+01)([0-9A-Fa-f]{12})(?![\w.])/gi;
const ENGINE_ID = /(?<![0-9A-Fa-f])(8000[0-9A-Fa-f]{4}03(?:00)?)([0-9A-Fa-f]{12})(?![0-9A-Fa-f])/g;
// An IPv4 address as the index of a MIB object (`IP-MIB::ipAdEntAddr.198.51.100.2`, `ipNetToMediaPhysAddress.5.10.1.1.7`,
// `tcpConnState.10.1.1.1.23.10.1.1.9.51234`): the named object, then its index's numbers.
const OID_INDEX = /(?<![\w.-])([A-Za-z][A-Za-z0-9]{1,63})((?:\.\d{1,10}){4,13})(?![\d.])/g;
// MAC addresses: Cisco `0050.56c0.0001`, and `00:50:56:c0:00:01` / `00-50-56-c0-00-01`.
const MAC_DOTTED = /(?<![\w.])([0-9A-Fa-f]{4})\.([0-9A-Fa-f]{4})\.([0-9A-Fa-f]{4})(?![\w.])/g;
const MAC_SEPARATED = /(?<![\w:-])([0-9A-Fa-f]{2})([:-])([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})(?![\w:-])/g;

/** Prefix lengths whose PRF bits are memoised: the top of the tree is shared by many addresses, the rest is not. */
const MEMO_DEPTH = 16;

/** 8 16-bit groups of an IPv6 address, or null when the text is not one. */
export function parseIpv6(s: string): number[] | null {
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if ([...head, ...tail].some((g) => g.length === 0 || g.length > 4)) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail].map((g) => parseInt(g, 16));
}

/** RFC 5952 text: lower case, the longest run of two or more zero groups as `::`. */
export function formatIpv6(g: readonly number[]): string {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = g.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

type OidPart = 'ip' | 'mask' | 'n';
/** How a MIB table's index holds addresses, by its object's name and the index's length (null: not read). */
function oidLayout(name: string, count: number): OidPart[] | null {
  if (count === 4 && /^(?:ipAdEnt|ipRoute|ipCidrRouteDest|ospfNbr|ospfIf|bgpPeer|bgp4PathAttr|ipNetToMedia)/.test(name)) return ['ip'];
  if (count === 4 && /Addr(?:ess)?$|^ip[A-Z]/.test(name)) return ['ip'];
  if (count === 5 && /^(?:ipNetToMedia|cipMacArp|atPhys|atNet)/.test(name)) return ['n', 'ip'];
  if (count === 5 && /^udp(?:Local|Table)/.test(name)) return ['ip', 'n'];
  if (count === 6 && /^at(?:Phys|Net|IfIndex)/.test(name)) return ['n', 'n', 'ip'];
  if (count === 10 && /^tcpConn/.test(name)) return ['ip', 'n', 'ip', 'n'];
  if (count === 13 && /^ipCidrRoute/.test(name)) return ['ip', 'mask', 'n', 'ip'];
  return null;
}

export function createAnonymiser(keyBytes: ArrayLike<number>): Anonymiser {
  const key: HalfSipKey = halfSipKey(keyBytes);
  // Heap-style index: prefix p of length len sits at (1 << len) + p; -1 = not computed yet.
  const memo = new Int8Array(1 << (MEMO_DEPTH + 1)).fill(-1);
  const done = new Map<number, number>();
  // The message is the prefix (low bits zeroed) and its length: the length separates prefix 10 (length 2) from
  // 100 (length 3).
  const prfBit = (prefix: number, len: number): number => {
    if (len > MEMO_DEPTH) return halfSipHash64(key, prefix, len) & 1;
    const id = (1 << len) + (len === 0 ? 0 : prefix >>> (32 - len));
    let bit = memo[id]!;
    if (bit < 0) memo[id] = bit = halfSipHash64(key, prefix, len) & 1;
    return bit;
  };
  const addr = (a: number): number => {
    const hit = done.get(a);
    if (hit !== undefined) return hit;
    let out = 0;
    for (let i = 0; i < 32; i++) {
      const prefix = i === 0 ? 0 : ((a >>> (32 - i)) << (32 - i)) >>> 0;
      out = (out * 2 + (((a >>> (31 - i)) & 1) ^ prfBit(prefix, i))) >>> 0;
    }
    done.set(a, out);
    return out;
  };

  // IPv6: the same construction over 128 bits; messages are tagged and longer, so they never equal an IPv4 one.
  const v6Done = new Map<string, string>();
  const v6 = (g: readonly number[]): number[] => {
    const bits = g.flatMap((x) => Array.from({ length: 16 }, (_, k) => (x >>> (15 - k)) & 1));
    const msg = new Uint8Array(18);
    msg[0] = 6;
    const out = bits.map((bit, i) => {
      msg[1] = i;
      const flip = halfSipHash(key, msg) & 1;
      msg[2 + (i >> 3)]! |= bit << (7 - (i & 7)); // the prefix grows by this bit for the next round
      return bit ^ flip;
    });
    return Array.from({ length: 8 }, (_, k) => out.slice(16 * k, 16 * k + 16).reduce((n, b) => n * 2 + b, 0));
  };
  const ipv6 = (s: string): string => {
    const g = parseIpv6(s);
    // The unspecified and loopback addresses are structure, like masks.
    if (!g || g.slice(0, 7).every((x) => x === 0)) return s;
    const k = g.join(':');
    let hit = v6Done.get(k);
    if (hit === undefined) v6Done.set(k, (hit = formatIpv6(v6(g))));
    return hit;
  };

  // MAC: keep the vendor prefix (OUI, the first 3 bytes), permute the other 24 bits with a 4-round Feistel network
  // keyed per OUI: one-to-one, so two hosts never merge into one (the ARP rule counts addresses per MAC).
  const macTail = (oui: number, x: number): number => {
    let l = x >>> 12;
    let r = x & 0xfff;
    for (let round = 0; round < 4; round++) {
      const f = halfSipHash(key, [0x4d, round, oui >>> 16, (oui >>> 8) & 255, oui & 255, r >>> 8, r & 255]) & 0xfff;
      [l, r] = [r, l ^ f];
    }
    return (l << 12) | r;
  };
  const mac = (hex: string, write: (hex12: string) => string, whole: string): string => {
    const oui = parseInt(hex.slice(0, 6), 16);
    const tail = parseInt(hex.slice(6), 16);
    if (/^(?:0{12}|f{12})$/i.test(hex)) return whole; // all-zero (incomplete) and broadcast are structure
    const out = hex.slice(0, 6) + macTail(oui, tail).toString(16).padStart(6, '0');
    return write(hex === hex.toUpperCase() && /[A-F]/.test(hex) ? out.toUpperCase() : out);
  };

  const toIp = (n: number, padded: boolean) =>
    [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].map((x) => (padded ? String(x).padStart(3, '0') : String(x))).join('.');
  const replaceQuad = (whole: string, o1: string, o2: string, o3: string, o4: string, more: string): string => {
    const parts = [o1, o2, o3, o4];
    const p = parts.map(Number);
    if (p.some((x) => x > 255) || (more.match(/\./g)?.length ?? 0) > 1) return whole;
    const a = ((p[0]! << 24) >>> 0) + (p[1]! << 16) + (p[2]! << 8) + p[3]!;
    if (isMaskLike(a)) return whole;
    return toIp(addr(a), parts.some((x) => x.length > 1 && x.startsWith('0'))) + more;
  };
  // The numbers of a MIB object's index, read as that object's table lays them out: addresses anonymised, the
  // interface indexes, ports and masks kept.
  const oidIndex = (whole: string, name: string, index: string): string => {
    const n = index.slice(1).split('.');
    const layout = oidLayout(name, n.length);
    if (!layout || n.some((x) => Number(x) > 4294967295)) return whole;
    const out: string[] = [];
    let k = 0;
    for (const part of layout) {
      if (part === 'ip') {
        const [a, b, c, d] = n.slice(k, k + 4);
        out.push(replaceQuad(`${a}.${b}.${c}.${d}`, a!, b!, c!, d!, ''));
        k += 4;
      } else if (part === 'mask') {
        out.push(n.slice(k, k + 4).join('.'));
        k += 4;
      } else out.push(n[k++]!);
    }
    return name + '.' + out.join('.');
  };
  const text = (s: string): string =>
    s
      .replace(ENGINE_ID, (whole, head: string, hex: string) => mac(hex, (h) => head + h, whole))
      .replace(CLIENT_ID_PLAIN, (whole, head: string, hex: string) => mac(hex, (h) => head + h, whole))
      .replace(CLIENT_ID_DOTTED, (whole, a: string, b: string, c: string, d: string) =>
        mac(a + b + c + d, (h) => `01${h.slice(0, 2)}.${h.slice(2, 6)}.${h.slice(6, 10)}.${h.slice(10)}`, whole),
      )
      .replace(MAC_SEPARATED, (whole, a: string, sep: string, b: string, c: string, d: string, e: string, f: string) =>
        mac(a + b + c + d + e + f, (h) => h.match(/../g)!.join(sep), whole),
      )
      .replace(MAC_DOTTED, (whole, a: string, b: string, c: string) => mac(a + b + c, (h) => h.match(/..../g)!.join('.'), whole))
      .replace(OID_INDEX, oidIndex)
      .replace(V6, (whole) => (whole.includes('::') || whole.split(':').length === 8 ? ipv6(whole) : whole))
      .replace(QUAD, replaceQuad);
  return {
    addr,
    ip: (s) => (s.includes(':') ? ipv6(s) : s.replace(QUAD, replaceQuad)),
    text,
  };
}
