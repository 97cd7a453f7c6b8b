// Flow record fields by name (record, table and csv formats name them differently) and the sink every format feeds.
import type { Warning } from '../../types';
import { FlowTableBuilder, type FlowTable } from '../flow-table';
import { Flow6Builder, isIPv6, type Flow6Table } from '../flow-table6';
import type { FnfRecordTable } from '../shared/fnf-prescan';

export const ROLES_IN_ORDER = ['src4', 'dst4', 'src6', 'dst6', 'srcPort', 'dstPort', 'proto', 'srcIf', 'dstIf', 'packets', 'bytes', 'bytesL2', 'mac'] as const;
export type Role = (typeof ROLES_IN_ORDER)[number];
/** Role -> slot in a record's values (an array, not an object: 100,000 records allocate little). */
export const R = Object.fromEntries(ROLES_IN_ORDER.map((r, i) => [r, i])) as { [K in Role]: number };

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
  // Connection records (`match connection client/server ...`): the client opened the connection, as a source does;
  // the client's counters are what it sent.
  'connection client ipv4 address': 'src4',
  'conn client ipv4 addr': 'src4',
  'connection server ipv4 address': 'dst4',
  'conn server ipv4 addr': 'dst4',
  'connection client ipv6 address': 'src6',
  'conn client ipv6 addr': 'src6',
  'connection server ipv6 address': 'dst6',
  'conn server ipv6 addr': 'dst6',
  'connection server transport port': 'dstPort',
  'conn server trns port': 'dstPort',
  'connection client counter packets long': 'packets',
  'conn client packets long': 'packets',
  'connection client counter bytes network long': 'bytes',
  'connection client counter bytes long': 'bytes',
};

/** The role of a field, or undefined for the many fields we do not use (VRF, ToS, timestamps, AVC, VXLAN...). */
export function roleOf(name: string): Role | undefined {
  const n = name.trim().toLowerCase().replace(/\s+/g, ' ');
  // (Own keys only: a pasted field named `constructor` is no member of the object's prototype.)
  const r = Object.hasOwn(ROLES, n) ? ROLES[n] : undefined;
  if (r) return r;
  // Layer-2 records: "DATALINK MAC SOURCE ADDRESS INPUT", "datalink mac dst addr output"...
  if (n.startsWith('datalink mac')) return 'mac';
  return undefined;
}

/** A record's values by role slot (`R.src4`...), undefined when the record has no such field. */
export type RecordValues = (string | undefined)[];

export function hasAddress(v: RecordValues): boolean {
  return v[R.src4] !== undefined || v[R.dst4] !== undefined || v[R.src6] !== undefined || v[R.dst6] !== undefined || v[R.mac] !== undefined;
}

/** An IPv4 address as printed, or masked by hand octet by octet (`10.x.x.1`, `*.*.*.*`). */
const IPV4_OR_MASKED = /^(?:\d{1,3}|[xX*]{1,3})(?:\.(?:\d{1,3}|[xX*]{1,3})){3}$/;
/** A MAC address as IOS prints it (`0011.2233.4455`) or with colons or dashes. */
const MAC = /^(?:[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}|[0-9a-fA-F]{2}(?:[:-][0-9a-fA-F]{2}){5})$/;

/**
 * A table row whose address cell holds an address (as printed, or masked by hand): a line of other text under a
 * table (a note, a paste's stray line) lands in the address column too, and is then no record but a line to warn about.
 */
export function hasAddressValue(v: RecordValues): boolean {
  const a4 = (s: string | undefined) => s !== undefined && IPV4_OR_MASKED.test(s);
  const a6 = (s: string | undefined) => s !== undefined && isIPv6(s);
  const mac = v[R.mac];
  return a4(v[R.src4]) || a4(v[R.dst4]) || a6(v[R.src6]) || a6(v[R.dst6]) || (mac !== undefined && MAC.test(mac));
}

/** Dotted quad -> unsigned 32-bit, -1 when not one; by char codes (this runs once or twice a record). */
export function ipv4(s: string): number {
  let n = 0;
  let octet = -1;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      octet = octet < 0 ? c - 48 : octet * 10 + c - 48;
      if (octet > 255) return -1;
    } else if (c === 46 && octet >= 0 && dots < 3) {
      n = n * 256 + octet;
      octet = -1;
      dots++;
    } else return -1;
  }
  return dots === 3 && octet >= 0 ? n * 256 + octet : -1;
}

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

/** A non-negative integer, or undefined ("0x1b", "-", "" are not counts). */
function num(v: string | undefined): number | undefined {
  if (v === undefined || v.length === 0 || v.length > 15) return undefined;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return +v;
}

/** Collects records from any format into IPv4 and IPv6 tables; counts the ones without addresses. */
export class RecordSink {
  private readonly v4: FlowTableBuilder;
  private readonly v6 = new Flow6Builder();
  records = 0;
  private layer2Only = 0;
  private withoutSource = 0;
  private withoutPackets = 0;
  private layer2Line?: number;
  private withoutSourceLine?: number;

  /** `expected`: flows the caller knows are coming (a big cache's records read from bytes), to size the table once. */
  constructor(
    private readonly warnings: Warning[],
    private readonly expected = 0,
  ) {
    this.v4 = new FlowTableBuilder(expected + 64);
  }

  /** One record's fields; `line` is its first line (1-based). */
  add(v: RecordValues, line: number): void {
    this.records++;
    const packetsText = v[R.packets];
    let packets = num(packetsText);
    if (packetsText !== undefined && packets === undefined) {
      this.warnings.push({ line, message: `flow record with a packet count that is not a number ("${packetsText}"): not read` });
      return;
    }
    // Without a packet counter the flow's outcome is unknown: keep the flow, mark its outcome unknown (NaN packets).
    if (packets === undefined) {
      packets = NaN;
      this.withoutPackets++;
    }
    const src4 = v[R.src4];
    const src6 = v[R.src6];
    if (src4 === undefined && src6 === undefined) {
      if (v[R.dst4] === undefined && v[R.dst6] === undefined && v[R.mac] !== undefined) {
        this.layer2Only++;
        this.layer2Line ??= line;
      } else {
        this.withoutSource++;
        this.withoutSourceLine ??= line;
      }
      return;
    }
    const row = {
      srcIf: v[R.srcIf],
      dstIf: v[R.dstIf],
      src: 0,
      dst: 0,
      proto: num(v[R.proto]),
      srcPort: num(v[R.srcPort]),
      dstPort: num(v[R.dstPort]),
      packets,
      bytes: num(v[R.bytes]) ?? num(v[R.bytesL2]),
      line,
    };
    if (src4 !== undefined) {
      const dst4 = v[R.dst4];
      row.src = ipv4(src4);
      row.dst = dst4 !== undefined ? ipv4(dst4) : 0;
      if (row.src < 0 || row.dst < 0) {
        this.warnings.push({ line, message: `flow record with an address that is not IPv4 ("${row.src < 0 ? src4 : dst4}"): not read` });
        return;
      }
      this.v4.add(row);
      return;
    }
    const dst6 = v[R.dst6];
    if (!isIPv6(src6!) || (dst6 !== undefined && !isIPv6(dst6))) {
      this.warnings.push({ line, message: `flow record with an address that is not IPv6 ("${src6}"): not read` });
      return;
    }
    this.v6.add({ ...row, src: src6!, dst: dst6 ?? '::' });
  }

  /** A record read from bytes (core/big-paste/fnf-records.ts): a plain IPv4 flow, as `add` takes one. */
  /** This builder's index of each interface of the last table given to addRecord (-1: not looked up yet). */
  private ifMap = new Int32Array(0);
  private ifMapOf: FnfRecordTable | undefined;

  /** Record k of records read from bytes (the flow RecordSink.add makes of the same record's text), as values. */
  addRecord(t: FnfRecordTable, k: number): void {
    this.records++;
    this.mapFor(t);
    const a = t.srcIf[k]!;
    const b = t.dstIf[k]!;
    this.v4.addValues(a < 0 ? 0 : this.ifOf(t, a), b < 0 ? 0 : this.ifOf(t, b), t.src[k]!, t.dst[k]!, t.proto[k]!, t.srcPort[k]!, t.dstPort[k]!, t.packets[k]!, t.bytes[k]!, t.line[k]!);
  }

  /**
   * Records [from, to) read from bytes, as addRecord takes each, at once: as the table's own columns when they are all
   * its flows (the records the caller expected, none before them), else copied.
   */
  addRecords(t: FnfRecordTable, from: number, to: number): void {
    this.records += to - from;
    this.mapFor(t);
    if (this.v4.empty && to - from === this.expected) {
      this.v4.adoptColumns(t, from, to, this.ifMap, (i) => this.ifOf(t, i));
      this.adopted = t;
    } else this.v4.addColumns(t, from, to, this.ifMap, (i) => this.ifOf(t, i));
  }

  /** The records whose columns the table took as its own (addRecords), if any: their values must stay. */
  adopted: FnfRecordTable | undefined;

  /** The interface map for table t (its names looked up as they come). */
  private mapFor(t: FnfRecordTable): void {
    if (this.ifMapOf !== t || this.ifMap.length < t.ifNames.length) {
      const m = new Int32Array(t.ifNames.length).fill(-1);
      if (this.ifMapOf === t) m.set(this.ifMap);
      this.ifMap = m;
      this.ifMapOf = t;
    }
  }

  private ifOf(t: FnfRecordTable, i: number): number {
    let j = this.ifMap[i]!;
    if (j < 0) this.ifMap[i] = j = this.v4.interfaceIndex(t.ifNames[i]);
    return j;
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
