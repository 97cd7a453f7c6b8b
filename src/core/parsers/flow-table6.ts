// IPv6 flow records in the same columnar FlowTable: each address interned to a 32-bit key, its text kept beside it.
import { FlowTableBuilder, type FlowRow, type FlowTable } from './flow-table';

/**
 * IPv6 flows as a FlowTable whose src/dst are keys, not IPv4 addresses: the same fan-out and sequential test read
 * them unchanged, and `names` turns a key back into the address as printed. Keys never mix with IPv4 tables: the
 * analysis runs IPv6 tables on their own.
 */
export interface Flow6Table {
  flows: FlowTable;
  names: Map<number, string>;
}

/** Odd multiplier: x -> x * K mod 2^32 is a bijection, so distinct addresses get distinct, well-spread, non-zero keys. */
const SPREAD = 0x9e3779b1;

export class Flow6Builder {
  private readonly b = new FlowTableBuilder(16);
  private readonly keys = new Map<string, number>();
  readonly names = new Map<number, string>();

  /** The key of an address (case and zero-compression as printed are folded: `2012:AA::1F` = `2012:aa::1f`). */
  key(address: string): number {
    const a = address.toLowerCase();
    let k = this.keys.get(a);
    if (k === undefined) {
      k = Math.imul(this.keys.size + 1, SPREAD) >>> 0;
      this.keys.set(a, k);
      this.names.set(k, address);
    }
    return k;
  }

  add(row: Omit<FlowRow, 'src' | 'dst'> & { src: string; dst: string }): void {
    this.b.add({ ...row, src: this.key(row.src), dst: this.key(row.dst) });
  }

  finish(): Flow6Table {
    return { flows: this.b.finish(), names: this.names };
  }
}

const IPV6 = /^[0-9A-Fa-f:]{2,39}(?:%\w+)?$/;
/** A printed IPv6 address (loose: hex groups and colons, at least two colons). */
export function isIPv6(s: string): boolean {
  return IPV6.test(s) && s.indexOf(':') !== s.lastIndexOf(':');
}
