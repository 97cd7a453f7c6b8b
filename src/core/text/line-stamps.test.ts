// Terminal-log time stamps: taken off when a paste is a stamped log, never when the stamps are the router's own.
import * as fs from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { loadCaptures } from '../proof/fixture-set';
import { STAMPS } from '../proof/paste-variants';
import { headStampKind, lineStampKind } from './line-stamps';
import { normaliseLines } from './normalise';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 200;
const SEED = Number(process.env.FUZZ_SEED) || 20010719;

const FLOWS = [
  'Router#show ip cache flow',
  'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts',
  'Fa0/0         10.1.1.5        Se0/0         64.4.12.9       06 0D1F 0050     1',
  'Fa0/0         10.1.1.5        Se0/0         64.4.99.11      06 0D20 0050     1',
  '',
  'Router#',
];

describe('stamps terminal programs write', () => {
  const cases: [string, string][] = [
    ['SecureCRT [%h:%m:%s]', '[03:30:00] '],
    ['with milliseconds', '[03:30:00.123] '],
    ['Tera Term', '[Thu Dec 03 03:30:00.123 2026] '],
    ['minicom', '[2026-12-03 03:30:00] '],
    ['ISO', '2026-12-03 03:30:00.123 '],
    ['ISO with a zone', '2026-12-03T03:30:00.123Z '],
    ['moreutils ts', 'Dec 03 03:30:00 '],
    ['ts -s', '00:00:05 '],
  ];
  for (const [name, stamp] of cases) {
    it(`${name}: taken off every line, the line's own indent kept`, () => {
      const stamped = [...FLOWS, ' ip flow ingress'].map((l) => stamp + l).join('\n');
      expect(normaliseLines(stamped)).toEqual([...FLOWS, ' ip flow ingress']);
      expect(headStampKind(stamped, true)).toBeGreaterThanOrEqual(0);
      expect(headStampKind(FLOWS.join('\n'), true)).toBe(-1);
    });
  }

  it('reads a stamped capture as the capture itself: the same rows and verdicts', () => {
    const stamped = FLOWS.map((l) => `[Thu Dec 03 03:30:00.123 2026] ${l}`).join('\r\n');
    const a = diagnose([{ source: 'p', text: stamped }]);
    const b = diagnose([{ source: 'p', text: FLOWS.join('\n') }]);
    expect(a.inputs[0]!.records).toBe(2);
    expect(a).toEqual(b);
  });
});

describe('what is left alone', () => {
  it("a router's own log stamps, in every form `service timestamps` gives", () => {
    const logs = [
      ['*Mar  1 00:01:02.123: %SYS-2-MALLOCFAIL: Memory allocation of 65536 bytes failed from 0x6034AB5C', '*Mar  1 00:01:03.001: %SYS-2-MALLOCFAIL: Memory allocation of 96 bytes failed'],
      ['Dec  3 03:30:00.123 UTC: %SYS-2-MALLOCFAIL: Memory allocation', 'Dec  3 03:30:01.456 UTC: %LINK-3-UPDOWN: Interface Serial0/0, changed state to down'],
      ['Dec 13 03:30:00 EST5EDT: %SYS-5-CONFIG_I: Configured from console', 'Dec 13 03:30:02 EST5EDT: IP: s=10.1.1.5 (FastEthernet0/0), d=64.4.12.9, len 48, rcvd 3'],
      ['00:01:02: %SYS-2-MALLOCFAIL: Memory allocation of 65536 bytes failed', '00:01:09: %SYS-2-MALLOCFAIL: Memory allocation of 96 bytes failed'],
      ['000123: Dec  3 03:30:00.123 UTC: %SYS-2-MALLOCFAIL: Memory', '000124: Dec  3 03:30:00.123 UTC: %SYS-2-MALLOCFAIL: Memory'],
      ['1d02h: %SYS-2-MALLOCFAIL: Memory allocation of 65536 bytes failed', '1d02h: %SYS-2-MALLOCFAIL: Memory allocation of 96 bytes failed'],
    ];
    for (const l of logs) {
      expect(lineStampKind(l), l[0]).toBeNull();
      expect(normaliseLines(l.join('\n'))).toEqual(l);
    }
  });

  it('a single stamped line, or a few among many', () => {
    expect(lineStampKind(['[03:30:00] Router#show ip cache flow'])).toBeNull();
    expect(lineStampKind(['[03:30:00] Router#show ip cache flow', ...FLOWS, ...FLOWS])).toBeNull();
  });

  it('every real capture of the fixture folders', () => {
    const stamped = loadCaptures(fs, join(__dirname, '../parsers'))
      .filter((f) => lineStampKind(f.text.replace(/\r\n?/g, '\n').split('\n')) !== null)
      .map((f) => f.rel);
    expect(stamped).toEqual([]);
  });
});

describe('properties (fast-check)', () => {
  const zone = fc.constantFrom('UTC', 'EST', 'CET', 'pst', 'AEST', 'GMT+1', 'EST5EDT');
  const month = fc.constantFrom('Jan', 'Feb', 'Mar', 'Dec');
  const time = fc.tuple(fc.nat(23), fc.nat(59), fc.nat(59), fc.option(fc.nat(999), { nil: undefined })).map(
    ([h, m, s, ms]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${ms === undefined ? '' : `.${String(ms).padStart(3, '0')}`}`,
  );
  const body = fc.constantFrom(
    '%SYS-2-MALLOCFAIL: Memory allocation of 65536 bytes failed from 0x6034AB5C, alignment 0',
    '%LINK-3-UPDOWN: Interface Serial0/0, changed state to down',
    'IP: s=10.1.1.5 (FastEthernet0/0), d=64.4.12.9, len 48, rcvd 3',
    'TCP: sending SYN, seq 1930, ack 0',
  );
  /** A line of a router's own log, in the forms `service timestamps log ...` and `service sequence-numbers` give. */
  const iosLog = fc.tuple(fc.nat(4), month, fc.integer({ min: 1, max: 31 }), time, zone, body, fc.nat(999999)).map(([form, mon, day, t, z, b, seq]) => {
    const date = `${mon} ${String(day).padStart(2, ' ')} ${t}`;
    switch (form) {
      case 0: return `*${date}: ${b}`;
      case 1: return `${date} ${z}: ${b}`;
      case 2: return `${String(seq).padStart(6, '0')}: ${date}: ${b}`;
      case 3: return `${t.slice(0, 8)}: ${b}`;
      default: return `${date}: ${b}`;
    }
  });

  it("a router's log is never taken for a stamped one; stamped, it reads back exactly", () => {
    fc.assert(
      fc.property(fc.array(iosLog, { minLength: 1, maxLength: 60 }), fc.nat(STAMPS.length - 1), fc.nat(), (lines, k, t0) => {
        expect(lineStampKind(lines)).toBeNull();
        expect(normaliseLines(lines.join('\n'))).toEqual(lines);
        const start = Date.UTC(2026, 11, 3) + (t0 % 86_400_000);
        const stamped = lines.map((l, i) => STAMPS[k]!(start + i * 250) + l);
        expect(normaliseLines(stamped.join('\n'))).toEqual(lines.length >= 2 ? lines : stamped);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
