// `show ip cache flow` statistics: packet size distribution, cache counters and the protocol table, with or without flow rows.

/** One row of the protocol table ("TCP-other 81106 0.0 2 57 0.0 3.0 17.2"). */
export interface ProtocolClassStats {
  /** As printed: `TCP-WWW`, `TCP-other`, `UDP-other`, `ICMP`, ... */
  protocol: string;
  totalFlows: number;
  flowsPerSec: number;
  packetsPerFlow: number;
  bytesPerPacket: number;
  packetsPerSec: number;
  activeSecPerFlow: number;
  idleSecPerFlow: number;
  /** 1-based line number in the paste. */
  line: number;
}

/** The main cache's counters ("3633 active, 463 inactive, 86349 added", "490470 ager polls, ..."). */
export interface CacheCounters {
  /** Cache size in bytes ("IP Flow Switching Cache, 278544 bytes"). */
  bytes?: number;
  active?: number;
  inactive?: number;
  added?: number;
  agerPolls?: number;
  allocFailures?: number;
  /** "N flows exported in M udp datagrams" when export is configured. */
  flowsExported?: number;
  /** "last clearing of statistics never" / "00:06:13", as printed. */
  lastCleared?: string;
  /** Line of the "active, inactive, added" counters (evidence). */
  line?: number;
}

export interface CacheFlowStats {
  /** Total packets of the size distribution header, and each bucket's share (`"64"` -> 0.890). */
  sizeDistribution?: { totalPackets: number; shares: Record<string, number>; line: number };
  counters: CacheCounters;
  protocols: ProtocolClassStats[];
  /** The `Total:` row of the protocol table. */
  total?: ProtocolClassStats;
}

const SIZE_HEADER = /^\s*IP packet size distribution \((\d+) total packets\)/i;
const BUCKETS = /^\s*(?:1-32|512)(?:\s+\d+)+\s*$/;
const SHARES = /^\s*(?:\.\d{3}|1\.00)(?:\s+(?:\.\d{3}|1\.00))+\s*$/;
const MAIN_CACHE = /^\s*IP Flow Switching Cache, (\d+) bytes/i;
const SUB_CACHE = /^\s*IP Sub Flow Cache/i;
const COUNTS = /^\s*(\d+) active, (\d+) inactive, (\d+) added/i;
const AGER = /^\s*(\d+) ager polls, (\d+) flow alloc failures/i;
const EXPORTED = /^\s*(\d+) flows exported in \d+ udp datagrams/i;
const CLEARED = /^\s*last clearing of statistics (\S+)/i;
// Name, then the seven numbers; a name has no spaces (TCP-other, UDP-Frag, IP-other, Total:).
const PROTO_ROW = /^\s*([A-Za-z][\w-]*:?)\s+(\d+)\s+([\d.]+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*$/;
const PROTO_HEADER = /^\s*Protocol\s+Total\s+Flows\s+Packets/i;

export function isProtocolHeader(line: string): boolean {
  return PROTO_HEADER.test(line);
}

export function isSizeHeader(line: string): boolean {
  return SIZE_HEADER.test(line);
}

/**
 * Reads the statistics lines (0-based indexes into `lines`, in order) the row parser set aside. Returns undefined
 * when none of them carried a number worth keeping.
 */
export function readCacheFlowStats(lines: readonly string[], indexes: readonly number[]): CacheFlowStats | undefined {
  const stats: CacheFlowStats = { counters: {}, protocols: [] };
  let any = false;
  // Counters after "IP Sub Flow Cache" describe the sub cache, not the main one.
  let inSub = false;
  let buckets: string[] = [];
  for (const i of indexes) {
    const line = lines[i]!;
    let m: RegExpExecArray | null;
    if ((m = SIZE_HEADER.exec(line))) {
      stats.sizeDistribution = { totalPackets: +m[1]!, shares: {}, line: i + 1 };
      any = true;
    } else if (BUCKETS.test(line)) {
      buckets = line.trim().split(/\s+/);
    } else if (SHARES.test(line) && stats.sizeDistribution) {
      const v = line.trim().split(/\s+/);
      v.forEach((s, k) => {
        if (buckets[k]) stats.sizeDistribution!.shares[buckets[k]!] = +s;
      });
    } else if ((m = MAIN_CACHE.exec(line))) {
      stats.counters.bytes = +m[1]!;
      inSub = false;
      any = true;
    } else if (SUB_CACHE.test(line)) {
      inSub = true;
    } else if (!inSub && (m = COUNTS.exec(line))) {
      Object.assign(stats.counters, { active: +m[1]!, inactive: +m[2]!, added: +m[3]!, line: i + 1 });
      any = true;
    } else if (!inSub && (m = AGER.exec(line))) {
      Object.assign(stats.counters, { agerPolls: +m[1]!, allocFailures: +m[2]! });
      any = true;
    } else if ((m = EXPORTED.exec(line))) {
      stats.counters.flowsExported = +m[1]!;
    } else if ((m = CLEARED.exec(line))) {
      stats.counters.lastCleared = m[1]!;
    } else if ((m = PROTO_ROW.exec(line))) {
      const row: ProtocolClassStats = {
        protocol: m[1]!.replace(/:$/, ''),
        totalFlows: +m[2]!,
        flowsPerSec: +m[3]!,
        packetsPerFlow: +m[4]!,
        bytesPerPacket: +m[5]!,
        packetsPerSec: +m[6]!,
        activeSecPerFlow: +m[7]!,
        idleSecPerFlow: +m[8]!,
        line: i + 1,
      };
      if (/^total$/i.test(row.protocol)) stats.total = row;
      else stats.protocols.push(row);
      any = true;
    }
  }
  return any ? stats : undefined;
}
