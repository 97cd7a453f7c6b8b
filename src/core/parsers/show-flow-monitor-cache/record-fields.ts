// Flow record fields by name (record, table and csv formats name them differently) and the sink every format feeds.
import type { Warning } from '../../types';
import { ipToInt } from '../../text/lines';
import { FlowTableBuilder, type FlowTable } from '../flow-table';
import { Flow6Builder, isIPv6, type Flow6Table } from '../flow-table6';

export type Role = 'src4' | 'dst4' | 'src6' | 'dst6' | 'srcPort' | 'dstPort' | 'proto' | 'srcIf' | 'dstIf' | 'packets' | 'bytes' | 'bytesL2' | 'mac';

/** Field names as `format record` prints them and as `format table`/`csv` shorten them, lower case, single spaces. */
const ROLES: Record<string, Role> = {
  'ipv4 source address': 'src4',
  'ipv4 src addr': 'src4',
  'ipv4 destination address': 'dst4',
  'ipv4 dst addr': 'dst4',
  'ipv6 source address': 'src6',
  'ipv6 src addr': 'src6',
  'ipv6 destination address': 'dst6',
  'ipv6 dst addr': 'dst6',
  'trns source port': 'srcPort',
  'trns src port': 'srcPort',
  'trns destination port': 'dstPort',
  'trns dst port': 'dstPort',
  'ip protocol': 'proto',
  'ip prot': 'proto',
  'interface input': 'srcIf',
  'intf input': 'srcIf',
  'interface output': 'dstIf',
  'intf output': 'dstIf',
  'counter packets': 'packets',
  'counter packets long': 'packets',
  pkts: 'packets',
  'pkts long': 'packets',
  'counter bytes': 'bytes',
  'counter bytes long': 'bytes',
  bytes: 'bytes',
  'bytes long': 'bytes',
  'counter bytes layer2 long': 'bytesL2',
  'bytes layer2 long': 'bytesL2',
};

/** The role of a field, or undefined for the many fields we do not use (VRF, ToS, timestamps, AVC, VXLAN...). */
export function roleOf(name: string): Role | undefined {
  const n = name.trim().toLowerCase().replace(/\s+/g, ' ');
  const r = ROLES[n];
  if (r) return r;
  // Layer-2 records: "DATALINK MAC SOURCE ADDRESS INPUT", "datalink mac dst addr output"...
  if (n.startsWith('datalink mac')) return 'mac';
  return undefined;
}

export type RecordValues = Partial<Record<Role, string>>;

export interface FnfFlows {
  flows: FlowTable;
  flows6: Flow6Table;
  /** Records with MAC addresses and no IP address (a layer-2 flow record). */
  layer2Only: number;
  /** Records with a destination but no source address field (the record does not match on the source). */
  withoutSource: number;
  /** First line of such records, for the warning. */
  layer2Line?: number;
  withoutSourceLine?: number;
  /** Records whose packets were not printed (no packet counter in the record). */
  withoutPackets: number;
}

const NUMBER = /^\d+$/;
const num = (v: string | undefined): number | undefined => (v !== undefined && NUMBER.test(v) ? +v : undefined);

/** Collects records from any format into IPv4 and IPv6 tables; counts the ones without addresses. */
export class RecordSink {
  private readonly v4 = new FlowTableBuilder(64);
  private readonly v6 = new Flow6Builder();
  records = 0;
  private layer2Only = 0;
  private withoutSource = 0;
  private withoutPackets = 0;
  private layer2Line?: number;
  private withoutSourceLine?: number;

  constructor(private readonly warnings: Warning[]) {}

  /** One record's fields; `line` is its first line (1-based). */
  add(v: RecordValues, line: number): void {
    this.records++;
    const packetsText = v.packets;
    let packets = num(packetsText);
    if (packetsText !== undefined && packets === undefined) {
      this.warnings.push({ line, message: `flow record with a packet count that is not a number ("${packetsText}"): not read` });
      return;
    }
    const bytes = num(v.bytes) ?? num(v.bytesL2);
    // Without a packet counter the flow's outcome is unknown: keep the flow, mark its outcome unknown (NaN packets).
    if (packets === undefined) {
      packets = NaN;
      this.withoutPackets++;
    }
    const proto = num(v.proto);
    const row = {
      srcIf: v.srcIf,
      dstIf: v.dstIf,
      proto,
      srcPort: num(v.srcPort),
      dstPort: num(v.dstPort),
      packets,
      bytes,
      line,
    };
    const src = v.src4 ?? v.src6;
    const dst = v.dst4 ?? v.dst6;
    if (src === undefined) {
      if (dst === undefined && v.mac !== undefined) {
        this.layer2Only++;
        this.layer2Line ??= line;
      } else {
        this.withoutSource++;
        this.withoutSourceLine ??= line;
      }
      return;
    }
    if (v.src4 !== undefined) {
      const s = ipToInt(v.src4);
      const d = v.dst4 !== undefined ? ipToInt(v.dst4) : 0;
      if (s < 0 || d < 0) {
        this.warnings.push({ line, message: `flow record with an address that is not IPv4 ("${s < 0 ? v.src4 : v.dst4}"): not read` });
        return;
      }
      this.v4.add({ ...row, src: s, dst: d });
      return;
    }
    if (!isIPv6(v.src6!) || (v.dst6 !== undefined && !isIPv6(v.dst6))) {
      this.warnings.push({ line, message: `flow record with an address that is not IPv6 ("${v.src6}"): not read` });
      return;
    }
    this.v6.add({ ...row, src: v.src6!, dst: v.dst6 ?? '::' });
  }

  finish(): FnfFlows {
    return {
      flows: this.v4.finish(),
      flows6: this.v6.finish(),
      layer2Only: this.layer2Only,
      withoutSource: this.withoutSource,
      withoutPackets: this.withoutPackets,
      ...(this.layer2Line !== undefined ? { layer2Line: this.layer2Line } : {}),
      ...(this.withoutSourceLine !== undefined ? { withoutSourceLine: this.withoutSourceLine } : {}),
    };
  }
}
