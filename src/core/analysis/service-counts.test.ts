// The main service of a host against plain counting: most failed contacts, then most flows, then the lowest code.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FAILED, OK, OUTCOME_SHIFT, SERVICE_BITS, serviceOfBits, SYN_SERVICE } from './flow-facts';
import { contactService, ICMP, NO_SERVICE, TCP, UDP } from './service';
import { ServiceCounts } from './service-counts';

function expectedMain(svc: number[], out: number[]): number {
  const failed = new Map<number, number>();
  const flows = new Map<number, number>();
  svc.forEach((c, r) => {
    if (c === NO_SERVICE) return;
    flows.set(c, (flows.get(c) ?? 0) + 1);
    failed.set(c, (failed.get(c) ?? 0) + (out[r] === FAILED ? 1 : 0));
  });
  let best = NO_SERVICE;
  for (const c of flows.keys()) {
    const better =
      best === NO_SERVICE ||
      failed.get(c)! > failed.get(best)! ||
      (failed.get(c) === failed.get(best) && (flows.get(c)! > flows.get(best)! || (flows.get(c) === flows.get(best) && c < best)));
    if (better) best = c;
  }
  return best;
}

describe('ServiceCounts', () => {
  it('picks the main service as plain counting does, host after host (the table is reused)', () => {
    const services = [NO_SERVICE, 0x60050, 0x601bd, 0x110599, 0x10000, 1, 0xfffffffe];
    const host = fc.array(fc.tuple(fc.constantFrom(...services), fc.constantFrom(FAILED, OK, 0)), { maxLength: 60 });
    fc.assert(
      fc.property(fc.array(host, { minLength: 1, maxLength: 8 }), (hosts) => {
        const counts = new ServiceCounts();
        const svc = Uint32Array.from(hosts.flat().map(([c]) => c));
        const out = Uint8Array.from(hosts.flat().map(([, o]) => o));
        // As pass 2 groups them: each row's destination (unread here), then its service and outcome in one word.
        const rows = new Uint32Array(2 * svc.length);
        svc.forEach((c, r) => (rows[2 * r + 1] = (c & SERVICE_BITS) | (out[r]! << OUTCOME_SHIFT)));
        let a = 0;
        for (const h of hosts) {
          const b = a + h.length;
          expect(counts.count(rows, a, b)).toBe(expectedMain([...svc.subarray(a, b)], [...out.subarray(a, b)]));
          a = b;
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("a grouped row's word", () => {
  it('gives back every service a row can have, and its outcome', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(TCP, UDP, ICMP, 0, 47, 50, 255, -1),
        fc.integer({ min: -1, max: 65535 }),
        fc.integer({ min: -1, max: 65535 }),
        fc.constantFrom(0, FAILED, OK),
        (proto, sp, dp, o) => {
          for (const c of [contactService(proto, sp, dp), SYN_SERVICE, NO_SERVICE]) {
            const w = ((c & SERVICE_BITS) | (o << OUTCOME_SHIFT)) >>> 0;
            expect(serviceOfBits(w & SERVICE_BITS)).toBe(c);
            expect(w >>> OUTCOME_SHIFT).toBe(o);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
