import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mulberry32 } from '../proof/mulberry32';
import { intToIp, ipToInt } from './lines';

const template = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

describe('intToIp', () => {
  it('prints every octet value in every position as the dotted quad', () => {
    for (let o = 0; o < 256; o++) {
      for (const shift of [24, 16, 8, 0]) {
        const n = ((o << shift) | (shift === 0 ? 0x01020300 : 7)) >>> 0;
        expect(intToIp(n)).toBe(template(n));
      }
    }
    expect(intToIp(0)).toBe('0.0.0.0');
    expect(intToIp(0xffffffff)).toBe('255.255.255.255');
    expect(intToIp(0xc0a80001)).toBe('192.168.0.1');
  });

  it('agrees with the template and with ipToInt on random addresses, and on what >>> makes of odd numbers', () => {
    const r = mulberry32(32);
    for (let i = 0; i < 5000; i++) {
      const n = Math.floor(r() * 2 ** 32);
      expect(intToIp(n)).toBe(template(n));
      expect(ipToInt(intToIp(n)) >>> 0).toBe(n);
    }
    for (const n of [-1, 2 ** 32, 2 ** 32 + 5, 1.7, NaN]) expect(intToIp(n)).toBe(template(n));
  });
});

describe('ipToInt', () => {
  // The rule it replaced, kept here as the reference: the strict pattern, then the four octets.
  const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
  const reference = (s: string) => {
    if (!IPV4.test(s)) return -1;
    const p = s.split('.');
    return ((+p[0]! << 24) >>> 0) + (+p[1]! << 16) + (+p[2]! << 8) + +p[3]!;
  };

  it('reads exactly what the strict pattern reads, as the same number', () => {
    // Near-addresses: octets with leading zeros, past 255, four digits, empty; dots missing or doubled; other
    // characters (a masked x, a space, a sign, a full-width digit, a line end) anywhere.
    const octet = fc.oneof(
      fc.integer({ min: 0, max: 255 }).map(String),
      fc.constantFrom('0', '00', '01', '007', '255', '256', '299', '999', '1000', '', 'x', '+1', ' 1', '1 ', '\uff11', '1\n'),
    );
    const quad = fc.tuple(fc.array(octet, { minLength: 1, maxLength: 6 }), fc.constantFrom('.', '.', '.', '..', ',')).map(([o, dot]) => o.join(dot));
    fc.assert(
      fc.property(fc.oneof(quad, fc.string({ maxLength: 18 })), (s) => {
        expect(ipToInt(s)).toBe(reference(s));
      }),
      { numRuns: 20_000, seed: 20261203 },
    );
    for (const s of ['0.0.0.0', '255.255.255.255', '10.0.0.1', '1.2.3.04', '1.2.3.256', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.4 ']) {
      expect(ipToInt(s)).toBe(reference(s));
    }
    expect(ipToInt('255.255.255.255')).toBe(4294967295);
    expect(ipToInt('10.0.0.1')).toBe(167772161);
  });
});
