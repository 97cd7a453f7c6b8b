// A clean source kept as a row of columns reads exactly as judge() would have made it as an object.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPublicHost } from '../diagnose';
import { CleanHost, CleanHostColumns, HostLocality, NO_EVIDENCE, ownHost } from './clean-hosts';
import type { HostAnalysis } from './fan-out';
import { MultiInterfaces } from './fan-out-tables';
import { newWalk, step } from './trw';
import { cleanReason, judge, mainInterface, verdictOf } from './verdict';

/** Every field of a HostAnalysis, read through its getters where it has them, in judge()'s key order. */
const FIELDS = [
  'ip', 'interface', 'flows', 'destinations', 'port80Flows', 'packetsPerFlow', 'failedFlows', 'verdict', 'variant', 'reasons',
  'service', 'worm', 'inbound', 'addr', 'locality', 'evidence', 'interfaces', 'interfaceFlows', 'sharedTargetsWith',
] as const;
/** A row's JSON text at a level. */
function jsonText(h: CleanHost, level: number): string {
  const parts: string[] = [];
  h.jsonParts(level, parts);
  return parts.join('');
}
const read = (h: HostAnalysis) => Object.fromEntries(FIELDS.map((f) => [f, h[f]]));

// Names JSON must escape too (a quote, a backslash, a control character, a lone surrogate) and one it need not.
const IF_NAMES = ['Fa0/1', 'Gi0/0.100', 'Po12', 'Vl1', 'Te1/0/24', 'we"ird\\if', '\u0007bell', '\udc00lone', 'Gi\u00e9/\ud83d\ude00'];
const host = fc.record({
  addr: fc.oneof(fc.constantFrom(0, 1, 0x7fffffff, 0x80000000, 0xffffffff), fc.integer({ min: 0, max: 0xffffffff })),
  steps: fc.array(fc.boolean(), { maxLength: 12 }),
  neutral: fc.integer({ min: 0, max: 3 }),
  unscored: fc.integer({ min: 0, max: 3 }),
  interfaceName: fc.constantFrom('', 'Fa0/1', 'GigabitEthernet0/0/1.100', 'Vl1'),
  interfaceFlows: fc.integer({ min: 0, max: 2 ** 31 }),
  flows: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constant(2 ** 31 + 7)),
  destinations: fc.integer({ min: 0, max: 100 }),
  port80Flows: fc.integer({ min: 0, max: 100 }),
  packetsPerFlow: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(0.1 + 0.2)),
  failedFlows: fc.integer({ min: 0, max: 100 }),
  inbound: fc.boolean(),
  service: fc.constantFrom('tcp/80', 'udp/53', 'icmp', 'tcp', 'unknown', 'udp/1434'),
  loc: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 4, maxLength: 4 }),
  // A source seen on several interfaces: its flows on each, in first-seen order (ties included; one interface too,
  // which the analysis never makes, so the rows hold up without the reason it brings).
  ifs: fc.option(fc.uniqueArray(fc.tuple(fc.constantFrom(...IF_NAMES), fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1000, max: 2 ** 31 }))), { minLength: 1, maxLength: 7, selector: (t) => t[0] }), { nil: undefined }),
});

describe('clean hosts as columns', () => {
  it('a row reads as judge() makes the same clean host: every field, the same key order as a plain copy', () => {
    fc.assert(
      fc.property(fc.array(host, { minLength: 1, maxLength: 30 }), (given) => {
        const walks = given.map((g) => {
          const w = newWalk();
          for (const failed of g.steps) step(w, failed);
          w.neutral = g.neutral;
          w.unscored = g.unscored;
          return w;
        });
        const clean = given.filter((_, i) => verdictOf(walks[i]!) === 'clean');
        const cleanWalks = walks.filter((w) => verdictOf(w) === 'clean');
        // Host i's interfaces (when several) as the analysis's table holds them, by host number.
        const multi = MultiInterfaces.fromEach(clean.length, IF_NAMES, (f) => clean.forEach((g, i) => g.ifs?.forEach(([name, n]) => f(i, IF_NAMES.indexOf(name), n))));
        const ifMaps = clean.map((g) => (g.ifs ? new Map(g.ifs) : undefined));
        const columns = new CleanHostColumns(clean.length, multi);
        // Rows set in reverse order, as the analysis sets them in any order.
        for (let i = clean.length - 1; i >= 0; i--) {
          const g = clean[i]!;
          const m = ifMaps[i];
          const several = m ? { interfaceName: mainInterface(m), interfaceFlows: m.get(mainInterface(m))!, multiHost: i } : {};
          columns.set(i, { ...g, reason: cleanReason(cleanWalks[i]!, g.service), loc: g.loc, ...several });
        }
        const rows = clean.map((_, i) => columns.host(i));
        clean.forEach((g, i) => {
          const made = judge({
            ...g,
            interfaces: ifMaps[i],
            ip: '',
            walk: cleanWalks[i]!,
            locality: new HostLocality(g.loc),
            evidence: NO_EVIDENCE,
            sweep: { service: g.service, flows: 0, packetsPerFlow: 0, bytesPerPacket: NaN, sequentialShare: 0, targets: 0, others: () => new Map() },
          });
          made.ip = rows[i]!.ip;
          expect(read(rows[i]!)).toEqual(read(made));
          expect(toPublicHost(rows[i]!)).toEqual(toPublicHost(made));
          // The JSON a row prints is the object's, byte for byte (key order included), nested at any depth: there
          // every line after the first is indented two spaces more per level.
          const text = JSON.stringify(toPublicHost(made), null, 2);
          for (const level of [0, 1, 2, 5]) expect(jsonText(rows[i]!, level)).toBe(text.split('\n').join(`\n${'  '.repeat(level)}`));
          expect(Object.keys(ownHost(rows[i]!))).toEqual(Object.keys(made));
          expect(ownHost(rows[i]!)).toEqual(made);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('rows set in host order and moved to their places (permute) read as rows set at their places', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(host, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 40 }), fc.boolean(), (given, withRoom) => {
        const n = given.length;
        // Host k's place: by its random key (ties by k), as the list order puts hosts anywhere.
        const order = given.map((_, k) => k).sort((a, b) => given[a]![1] - given[b]![1] || a - b);
        const at = new Int32Array(n);
        order.forEach((k, i) => (at[k] = i));
        const multi = MultiInterfaces.fromEach(n, IF_NAMES, (f) => given.forEach(([g], k) => g.ifs?.forEach(([name, flows]) => f(k, IF_NAMES.indexOf(name), flows))));
        const facts = given.map(([g], k) => {
          const w = newWalk();
          for (const failed of g.steps) step(w, failed);
          const m = g.ifs ? new Map(g.ifs) : undefined;
          const several = m ? { interfaceName: mainInterface(m), interfaceFlows: m.get(mainInterface(m))!, multiHost: k } : {};
          return { ...g, reason: cleanReason(w, g.service), loc: g.loc, ...several };
        });
        const placed = new CleanHostColumns(n, multi);
        facts.forEach((f, k) => placed.set(at[k]!, f));
        const moved = new CleanHostColumns(n, multi);
        facts.forEach((f, k) => moved.set(k, f));
        const room = new ArrayBuffer(8 * n + 8);
        if (withRoom) moved.permute(at, n, room);
        else moved.permute(at, n);
        for (let i = 0; i < n; i++) {
          expect(read(moved.host(i))).toEqual(read(placed.host(i)));
          expect(jsonText(moved.host(i), 1)).toBe(jsonText(placed.host(i), 1));
        }
      }),
      { numRuns: 150 },
    );
    expect(() => new CleanHostColumns(4).permute(new Int32Array(4), 4, new ArrayBuffer(31))).toThrow(/room/);
  });

  it('rows with the same reasons share one frozen list; names are kept once', () => {
    const columns = new CleanHostColumns(3);
    const base = { addr: 1, interfaceName: 'Fa0/1', interfaceFlows: 1, flows: 1, destinations: 1, port80Flows: 0, packetsPerFlow: 1, failedFlows: 0, service: 'udp/53', reason: 'r', loc: [0, 0, 1, 0] };
    columns.set(0, { ...base, inbound: false });
    columns.set(1, { ...base, addr: 2, inbound: false });
    columns.set(2, { ...base, addr: 3, inbound: true });
    const [a, b, c] = [columns.host(0), columns.host(1), columns.host(2)];
    expect(a.reasons).toBe(b.reasons);
    expect(c.reasons).toHaveLength(2);
    expect(Object.isFrozen(c.reasons)).toBe(true);
    expect([a.ip, b.ip, c.ip]).toEqual(['0.0.0.1', '0.0.0.2', '0.0.0.3']);
    expect(ownHost(a)).not.toBeInstanceOf(CleanHost);
    const plain = ownHost(a);
    expect(ownHost(plain)).toBe(plain);
  });
});
