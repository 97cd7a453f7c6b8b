// Sorting, filtering and paging of the hosts table (pure: the table renders one page, never 100k rows).
import type { Host } from '../../core/types';
import type { HostSortKey, VerdictFilter } from '../../state/view-slice';

const VERDICT_RANK = { infected: 0, suspect: 1, clean: 2 } as const;

function ipKey(ip: string): number {
  const p = ip.split('.');
  return p.length === 4 ? ((+p[0]! * 256 + +p[1]!) * 256 + +p[2]!) * 256 + +p[3]! : Number.MAX_SAFE_INTEGER;
}

export function sortHosts(hosts: readonly Host[], key: HostSortKey, dir: 'asc' | 'desc', filter: VerdictFilter): Host[] {
  const list = filter === 'all' ? hosts.slice() : hosts.filter((h) => h.verdict === filter);
  const sign = dir === 'asc' ? 1 : -1;
  let cmp: (a: Host, b: Host) => number;
  switch (key) {
    case 'ip': {
      const keys = new Map(list.map((h) => [h.ip, ipKey(h.ip)]));
      cmp = (a, b) => keys.get(a.ip)! - keys.get(b.ip)!;
      break;
    }
    case 'interface':
      cmp = (a, b) => a.interface.localeCompare(b.interface);
      break;
    case 'verdict':
      cmp = (a, b) => VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict];
      break;
    default:
      cmp = (a, b) => a[key] - b[key];
  }
  // Array.prototype.sort is stable: ties keep the core's order (highest fan-out first).
  return list.sort((a, b) => sign * cmp(a, b));
}

export const PAGE_SIZE = 50;

export function pageOf<T>(list: readonly T[], page: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { rows: list.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE), page: p, pages };
}
