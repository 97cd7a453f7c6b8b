// Hosts table ordering and paging: numeric IP order, stable ties, verdict filter, clamped pages.
import { describe, expect, it } from 'vitest';
import type { Host } from '../../core/types';
import { pageOf, PAGE_SIZE, sortHosts } from './sort-hosts';

const host = (ip: string, flows: number, verdict: Host['verdict']): Host => ({
  ip, interface: 'Vl1', flows, destinations: flows, port80Flows: flows, packetsPerFlow: 1, verdict, variant: 'unknown',
  failedFlows: 0, reasons: [], inbound: false,
});

describe('sortHosts', () => {
  const hosts = [host('10.0.0.9', 5, 'suspect'), host('9.0.0.10', 7, 'infected'), host('10.0.0.10', 5, 'clean')];
  it('orders addresses numerically, not as text', () => {
    expect(sortHosts(hosts, 'ip', 'asc', 'all').map((h) => h.ip)).toEqual(['9.0.0.10', '10.0.0.9', '10.0.0.10']);
  });
  it('keeps the original order on ties', () => {
    expect(sortHosts(hosts, 'flows', 'desc', 'all').map((h) => h.ip)).toEqual(['9.0.0.10', '10.0.0.9', '10.0.0.10']);
  });
  it('filters by verdict', () => {
    expect(sortHosts(hosts, 'flows', 'desc', 'clean').map((h) => h.ip)).toEqual(['10.0.0.10']);
  });
  it('does not reorder its input', () => {
    sortHosts(hosts, 'ip', 'desc', 'all');
    expect(hosts[0]!.ip).toBe('10.0.0.9');
  });
});

describe('pageOf', () => {
  it('returns one page and clamps past the end', () => {
    const list = Array.from({ length: PAGE_SIZE * 2 + 3 }, (_, i) => i);
    expect(pageOf(list, 0).rows).toHaveLength(PAGE_SIZE);
    const last = pageOf(list, 99);
    expect(last.page).toBe(2);
    expect(last.pages).toBe(3);
    expect(last.rows).toEqual([PAGE_SIZE * 2, PAGE_SIZE * 2 + 1, PAGE_SIZE * 2 + 2]);
  });
});
