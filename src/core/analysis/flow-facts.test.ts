// A row's service and outcome read a byte count of 0 as they read NaN: not counted (FlowTable.bytes). Cache-flow rows
// read from bytes leave 0 there, the text path and other builders NaN; both must give every row the same facts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowTableBuilder } from '../parsers/flow-table';
import { flowOutcomeCode, rowService } from './flow-facts';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 300;
const SEED = Number(process.env.FUZZ_SEED) || 20261204;

/** One row as a table, its bytes as given (undefined: the builder's own NaN). */
function table(proto: number | undefined, packets: number, bytes: number | undefined) {
  const b = new FlowTableBuilder();
  b.add({ src: 0x0a000001, dst: 0x0a000002, proto, srcPort: proto === undefined ? undefined : 1025, dstPort: proto === undefined ? undefined : 80, packets, bytes, line: 1 });
  const t = b.finish();
  if (bytes === 0) t.bytes[0] = 0;
  return t;
}

describe('a byte count of 0 is no byte count', () => {
  it('gives the same service and outcome as NaN, for accounting rows and port rows alike', () => {
    fc.assert(
      fc.property(fc.constantFrom(undefined, 6, 17, 1), fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(NaN)), (proto, packets) => {
        const zero = table(proto, packets, 0);
        const none = table(proto, packets, undefined);
        expect(Number.isNaN(none.bytes[0]!)).toBe(true);
        expect(rowService(zero, 0)).toBe(rowService(none, 0));
        expect(flowOutcomeCode(zero, 0)).toBe(flowOutcomeCode(none, 0));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('while a real count still tells a bare SYN from an exchange on an accounting row', () => {
    expect(flowOutcomeCode(table(undefined, 2, 96), 0)).not.toBe(flowOutcomeCode(table(undefined, 2, 0), 0));
  });
});
