import { describe, expect, it } from 'vitest';
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
