// Properties of the every-service fan-out and its remedies (fixed seed; `npm run fuzz` runs longer).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../diagnose';
import { serviceDenyEntries } from '../../rules/service-remedy';
import { intToIp, ipToInt } from '../../text/lines';
import { cacheFlowText, dnsResolver, monitoringStation, rand, smbServer, WORM_SHAPES, wormFlows } from './worm-traffic';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 60;
const SEED = Number(process.env.FUZZ_SEED) || 20030811; // Blaster's first day
const params = { seed: SEED, numRuns: RUNS };
const timeout = 20_000 + RUNS * 300;

const ipArb = fc.tuple(fc.integer({ min: 1, max: 223 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map((o) => o.join('.'));
const serviceArb = fc.oneof(
  fc.constant('icmp'),
  fc.tuple(fc.constantFrom('tcp', 'udp'), fc.integer({ min: 1, max: 65535 })).map(([p, n]) => `${p}/${n}`),
);
const ENTRY = /^deny (tcp|udp|icmp) (host \d{1,3}(\.\d{1,3}){3}|any) any (eq \S+|echo)$/;

describe('serviceDenyEntries', () => {
  it('well-formed entries; one per host when scoped; never a blanket ICMP deny', () => {
    fc.assert(
      fc.property(serviceArb, fc.uniqueArray(ipArb, { minLength: 1, maxLength: 20 }), (service, hosts) => {
        const scoped = serviceDenyEntries(service, hosts, 'hosts');
        const broad = serviceDenyEntries(service, hosts, 'any');
        expect(scoped).toHaveLength(hosts.length);
        scoped.forEach((e, i) => {
          expect(e).toMatch(ENTRY);
          expect(e).toContain(`host ${hosts[i]} `);
        });
        for (const e of broad) expect(e).toMatch(ENTRY);
        if (service === 'icmp') expect(broad).toEqual([]);
        else expect(broad).toHaveLength(1);
      }),
      params,
    );
  });
});

describe('fan-out over every service', () => {
  const worms = Object.keys(WORM_SHAPES) as (keyof typeof WORM_SHAPES)[];
  it('a scanner with 8+ unanswered probes is infected on its own service, beside hosts that must stay clean', { timeout }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...worms), fc.integer({ min: 8, max: 60 }), fc.integer(), (worm, probes, seed) => {
        const r = rand(seed);
        const src = ipToInt('172.20.5.77');
        const flows = [
          ...wormFlows(worm, src, r, { probes }),
          ...smbServer(ipToInt('10.9.1.10'), r, 40),
          ...dnsResolver(ipToInt('10.9.0.53'), r, 40),
          ...monitoringStation(ipToInt('10.9.2.5'), r, 40),
        ];
        const d = diagnose([{ source: 'p', text: cacheFlowText(flows, worm === 'slammer' || worm === 'nachi') }]);
        const flagged = d.hosts.filter((h) => h.verdict === 'infected');
        expect(flagged.map((h) => h.ip)).toEqual([intToIp(src)]);
        const expected = worm === 'mirai' ? /^tcp\/(23|2323)$/ : new RegExp(`^${{ slammer: 'udp/1434', blaster: 'tcp/135', nachi: 'icmp', sasser: 'tcp/445', 'conficker-or-wannacry': 'tcp/445' }[worm as string] ?? 'tcp/80'}$`);
        expect(flagged[0]!.service).toMatch(expected);
      }),
      params,
    );
  });
});
