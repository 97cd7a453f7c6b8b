// Flow rows for the fan-out analysis's tests: a seeded table of a few sources, some scanning, on mixed services and
// interfaces, and what the tests do with one (copy it, view a prefix, make it a source, print an analysis).
import { FlowColumns } from '../parsers/show-ip-cache-flow/flow-columns';
import type { FlowTable } from '../parsers/flow-table';
import type { analyseFanOut } from '../analysis/fan-out';
import type { FlowSource } from '../analysis/flow-facts';

const IFS = ['Vl1', 'Fa0/0', 'Null0', 'Gi0/1'];

/** Rows from a seed: a few sources, some scanning, mixed services and interfaces. */
/** `n` rows from `seed`; the sources are in the /8 `net` (10 by default: two tables in two nets share no source). */
export function table(seed: number, n: number, net = 10): FlowTable {
  const c = new FlowColumns(n);
  for (const name of IFS) c.ifIndexOfName(name);
  let a = seed >>> 0;
  const next = () => (a = (Math.imul(a, 1103515245) + 12345) >>> 0);
  for (let i = 0; i < n; i++) {
    const r = next();
    const scanner = r % 5 === 0;
    const k = c.reserve();
    c.src[k] = ((net << 24) + (scanner ? r % 4 : 10 + (r % 40))) >>> 0;
    c.dst[k] = scanner ? next() : (0x08080800 + (r % 30)) >>> 0;
    c.srcIf[k] = 1 + ((r >>> 8) % IFS.length);
    c.dstIf[k] = 1 + ((r >>> 12) % IFS.length);
    c.proto[k] = [6, 6, 17, 1][(r >>> 4) % 4]!;
    c.srcPort[k] = 1024 + ((r >>> 6) % 5000);
    c.dstPort[k] = [80, 445, 53, 0x0800][(r >>> 4) % 4]!;
    c.packets[k] = scanner ? 1 : 1 + ((r >>> 10) % 30);
    c.bytes[k] = NaN;
    c.line[k] = i + 1;
    c.offset[k] = i * 80;
    c.n = k + 1;
  }
  return c.finish().table;
}

export const copyOf = (t: FlowTable): FlowTable => ({
  ...t,
  ifNames: [...t.ifNames],
  srcIf: t.srcIf.slice(), dstIf: t.dstIf.slice(), src: t.src.slice(), dst: t.dst.slice(), proto: t.proto.slice(), srcPort: t.srcPort.slice(),
  dstPort: t.dstPort.slice(), packets: t.packets.slice(), bytes: t.bytes.slice(), line: t.line.slice(),
});
export const view = (t: FlowTable, n: number): FlowTable => ({
  ...t,
  count: n,
  srcIf: t.srcIf.subarray(0, n), dstIf: t.dstIf.subarray(0, n), src: t.src.subarray(0, n), dst: t.dst.subarray(0, n), proto: t.proto.subarray(0, n),
  srcPort: t.srcPort.subarray(0, n), dstPort: t.dstPort.subarray(0, n), packets: t.packets.subarray(0, n), bytes: t.bytes.subarray(0, n), line: t.line.subarray(0, n),
});
export const src = (flows: FlowTable, source = 'f'): FlowSource => ({ source, kind: 'show ip cache flow', flows });
export const plain = (hosts: ReturnType<typeof analyseFanOut>) => JSON.stringify(hosts, (_k, v) => (v instanceof Map ? [...v] : v));
