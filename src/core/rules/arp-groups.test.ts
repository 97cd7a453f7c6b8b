// ARP entries grouped by interface and MAC without a key string an entry: for any table, the groups (and their order,
// which orders the findings) are those of the keyed grouping it replaced (the model below).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArpEntry } from '../parsers/show-ip-arp/parser';
import { groupByInterfaceAndMac } from './arp-table-explosion';
import { expandInterfaceName } from './remedies';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 200;
const SEED = Number(process.env.FUZZ_SEED) || 20261205;

/** The grouping as it was (2026-12-05): a map keyed by the expanded interface and the MAC, one key string an entry. */
function model(entries: readonly ArpEntry[]) {
  const by = new Map<string, ArpEntry[]>();
  for (const e of entries) {
    if (e.ageMinutes === null || !e.interface || !/[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}/i.test(e.mac)) continue;
    const k = `${expandInterfaceName(e.interface)}\u0000${e.mac.toLowerCase()}`;
    let l = by.get(k);
    if (!l) by.set(k, (l = []));
    l.push(e);
  }
  return [...by].map(([k, l]) => {
    const [iface, mac] = k.split('\u0000') as [string, string];
    return { iface, mac, entries: l };
  });
}

// Names that expand to one interface in other spellings, and MACs in both cases, interleaved at random.
const iface = fc.constantFrom('Fa0/0', 'FastEthernet0/0', 'fa0/0', 'Gi0/1', 'GigabitEthernet0/1', 'Vl1', 'Vlan1', 'Po12', '');
const mac = fc.constantFrom('0010.7b3a.1c2d', '0010.7B3A.1C2D', '00aa.bbcc.ddee', 'aaaa.bbbb.cccc', '', 'incomplete');
const entry = fc.record({ iface, mac, age: fc.option(fc.nat(240), { freq: 8 }) }).map(
  ({ iface, mac, age }): ArpEntry => ({ address: '10.0.0.1', ageMinutes: age, mac, interface: iface, line: 1 }),
);

describe('ARP entries grouped by interface and MAC', () => {
  it('gives the keyed grouping: the same groups, entries and order', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), (entries) => {
        const lines = entries.map((e, k) => ({ ...e, line: k + 1 }));
        expect(groupByInterfaceAndMac(lines)).toEqual(model(lines));
      }),
      { numRuns: RUNS * 5, seed: SEED },
    );
  });
});
