// The flow rows of a section that the byte path read before the paste was split (big dumps: core/big-paste/prescan.ts),
// for the parser whose section they lie in (show ip cache flow, NX-OS show flow cache), and their merge with the rows
// that parser read from the section's text lines.
import type { FlowTable } from '../flow-table';
import type { Section } from '../parser-types';
import { firstRowAtOrAfter, prescanOfLines } from '../show-ip-cache-flow/prescanned';
import { FlowColumns } from '../show-ip-cache-flow/flow-columns';

/** Rows of a paste that were read from bytes before splitting (big dumps), restricted to this section. */
export function prescannedRows(section: Section): FlowTable | undefined {
  const p = prescanOfLines(section.lines);
  if (!p) return undefined;
  const a = firstRowAtOrAfter(p.rows, section.from + 1);
  const b = firstRowAtOrAfter(p.rows, section.to + 1);
  if (a === b) return undefined;
  const r = p.rows;
  return {
    count: b - a,
    ifNames: r.ifNames,
    srcIf: r.srcIf.subarray(a, b),
    dstIf: r.dstIf.subarray(a, b),
    src: r.src.subarray(a, b),
    dst: r.dst.subarray(a, b),
    proto: r.proto.subarray(a, b),
    srcPort: r.srcPort.subarray(a, b),
    dstPort: r.dstPort.subarray(a, b),
    packets: r.packets.subarray(a, b),
    bytes: r.bytes.subarray(a, b),
    line: r.line.subarray(a, b),
  };
}

/** Merge two tables sorted by line into one (rows read from bytes and rows read from text, e.g. with U+00A0). */
export function mergeByLine(x: FlowTable, y: FlowTable): FlowTable {
  const out = new FlowColumns(x.count + y.count);
  const names = new Map<string, number>(out.ifNames.map((n, i) => [n, i]));
  const ifOf = (name: string) => {
    let i = names.get(name);
    if (i === undefined) {
      i = out.ifNames.length;
      out.ifNames.push(name);
      names.set(name, i);
    }
    return i;
  };
  let i = 0;
  let j = 0;
  while (i < x.count || j < y.count) {
    const takeX = j >= y.count || (i < x.count && x.line[i]! <= y.line[j]!);
    const t = takeX ? x : y;
    const k = takeX ? i++ : j++;
    const o = out.reserve();
    out.srcIf[o] = ifOf(t.ifNames[t.srcIf[k]!]!);
    out.dstIf[o] = ifOf(t.ifNames[t.dstIf[k]!]!);
    out.src[o] = t.src[k]!;
    out.dst[o] = t.dst[k]!;
    out.proto[o] = t.proto[k]!;
    out.srcPort[o] = t.srcPort[k]!;
    out.dstPort[o] = t.dstPort[k]!;
    out.packets[o] = t.packets[k]!;
    out.bytes[o] = t.bytes[k]!;
    out.line[o] = t.line[k]!;
    out.n++;
  }
  return out.finish().table;
}
