// Each source's flows per interface, in the order its interfaces were first seen, whether it uses a few interfaces
// (counted densely) or many (past the dense ones its counts move to a pair table mid-capture).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowColumns } from '../parsers/show-ip-cache-flow/flow-columns';
import { analyseFanOut } from './fan-out';
import { busiestInterfaces, interfaceCounts } from './verdict';

/** One TCP/80 flow from 10.0.0.(1 + host) on interface `name`, to a destination of its own. */
function addRow(c: FlowColumns, host: number, name: string): void {
  const k = c.reserve();
  c.src[k] = 0x0a000001 + host;
  c.dst[k] = 0xc0000201 + k;
  c.srcIf[k] = c.ifIndexOfName(name);
  c.dstIf[k] = c.ifIndexOfName('Se0/0');
  c.proto[k] = 6;
  c.srcPort[k] = 2000 + k;
  c.dstPort[k] = 80;
  c.packets[k] = 5;
  c.bytes[k] = NaN;
  c.line[k] = k + 1;
  c.n = k + 1;
}

describe('flows per interface of each source', () => {
  it('match a plain count in first-seen order, for 1 to 60 interfaces in a capture', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 59 })), { minLength: 1, maxLength: 800 }), (nIfs, picks) => {
        const c = new FlowColumns(picks.length);
        const names = Array.from({ length: nIfs }, (_, i) => `Gi0/${i}`);
        const want = new Map<number, Map<string, number>>();
        for (const [host, p] of picks) {
          const name = names[p % nIfs]!;
          addRow(c, host, name);
          let m = want.get(0x0a000001 + host);
          if (!m) want.set(0x0a000001 + host, (m = new Map()));
          m.set(name, (m.get(name) ?? 0) + 1);
        }
        const hosts = analyseFanOut([{ source: 'f', kind: 'show ip cache flow', flows: c.finish().table }]);
        expect(hosts.length).toBe(want.size);
        for (const h of hosts) expect([...interfaceCounts(h)]).toEqual([...want.get(h.addr)!]);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the counts a source had when its interfaces pass the dense ones', () => {
    const c = new FlowColumns(64);
    const row = (host: number, name: string) => addRow(c, host, name);
    for (const n of ['Gi0/0', 'Gi0/0', 'Gi0/1', 'Gi0/1', 'Gi0/1']) row(0, n);
    for (let i = 2; i < 40; i++) row(1, `Gi0/${i}`);
    row(0, 'Gi0/39');
    row(0, 'Gi0/0');
    const hosts = analyseFanOut([{ source: 'f', kind: 'show ip cache flow', flows: c.finish().table }]);
    const h = hosts.find((x) => x.addr === 0x0a000001)!;
    expect([...interfaceCounts(h)]).toEqual([['Gi0/0', 3], ['Gi0/1', 3], ['Gi0/39', 1]]);
  });

  it('counts past 65,535 interface names in a capture (row interfaces then grouped as 32-bit numbers)', () => {
    // Two tables of 40,000 names each, none shared: 80,000 names in all. Source 0 on every one of them, once each;
    // source 1 on the last one and twice on another.
    const n = 40_000;
    const table = (prefix: string, extra: boolean) => {
      const c = new FlowColumns(n + 3);
      for (let i = 0; i < n; i++) addRow(c, 0, `${prefix}${i}`);
      if (extra) for (const name of [`${prefix}${n - 1}`, 'Gi0/0', 'Gi0/0']) addRow(c, 1, name);
      return c.finish().table;
    };
    const hosts = analyseFanOut([
      { source: 'a', kind: 'show ip cache flow', flows: table('Tu', false) },
      { source: 'b', kind: 'show ip cache flow', flows: table('Vl', true) },
    ]);
    const every = [...interfaceCounts(hosts.find((x) => x.addr === 0x0a000001)!)];
    expect(every).toHaveLength(2 * n);
    expect(every[0]).toEqual(['Tu0', 1]);
    expect(every[n]).toEqual(['Vl0', 1]);
    expect(every[2 * n - 1]).toEqual([`Vl${n - 1}`, 1]);
    const two = hosts.find((x) => x.addr === 0x0a000002)!;
    expect([...interfaceCounts(two)]).toEqual([[`Vl${n - 1}`, 1], ['Gi0/0', 2]]);
    expect(two.interface).toBe('Gi0/0');
    expect(two.reasons.at(-1)).toBe(`arrives on 2 interfaces: Gi0/0 (2), Vl${n - 1} (1)`);
  });

  it('reads 70,000 interface names in one table without searching the list per name; past the 65,535 a table holds, rows name none', () => {
    const n = 70_000;
    const c = new FlowColumns(n);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) addRow(c, 0, `Tu${i}`);
    const took = performance.now() - t0;
    const hosts = analyseFanOut([{ source: 'f', kind: 'show ip cache flow', flows: c.finish().table }]);
    const counts = [...interfaceCounts(hosts[0]!)];
    // 65,535 names besides none: Se0/0 (each row's destination interface) and 65,534 of the sources'.
    expect(counts).toHaveLength(65_534);
    expect(counts.at(-1)).toEqual(['Tu65533', 1]);
    expect(hosts[0]!.flows).toBe(n);
    // A search of the list per new name took about 11 s here (CPU time of a loaded machine can be 10x a quiet one's).
    expect(took).toBeLessThan(5000);
  });

  it('names the four busiest interfaces as a stable sort by flows would, ties in first-seen order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.constantFrom('Fa0/0', 'Fa0/1', 'Gi0/0', 'Gi0/1', 'Vl1', 'Po12', 'Tu0', 'Se0/0', 'Nu0'), fc.integer({ min: 1, max: 5 })), { selector: (t) => t[0], minLength: 1 }), (entries) => {
        const m = new Map(entries);
        const want = [...m].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, k]) => `${n} (${k})`).join(', ');
        expect(busiestInterfaces(m)).toBe(want);
      }),
      { numRuns: 300 },
    );
  });
});
