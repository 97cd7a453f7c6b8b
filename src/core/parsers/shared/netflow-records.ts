// Reads classic NetFlow rows, plain or verbose (two lines a flow), into a FlowTable: top talkers and the verbose cache.
import type { Warning } from '../../types';
import { unreadLine } from '../../text/lines';
import { FlowTableBuilder, type FlowTable } from '../flow-table';
import { firstRowAtOrAfter, prescanOfLines } from '../show-ip-cache-flow/prescanned';
import { grownTo } from '../show-ip-cache-flow/flow-columns';
import { intToIp } from '../../text/lines';
import type { Section } from '../parser-types';
import { isExecPromptTimestamp } from './exec-prompt-timestamp';
import {
  classicHeader,
  isStatsLine,
  isVerboseExtra,
  isVerboseHeader2,
  readClassicRow,
  readTopTalkersFooter,
  readVerboseSecond,
  type ClassicRow,
} from './netflow-rows';

/**
 * What a verbose record adds to the flow: ToS, TCP flags, bytes per packet, seconds active, next hop (as printed).
 * Typed columns: a 79 MB cache's 490,000 records kept them as JS arrays, 32 MB and 60 ms more for columns no rule reads.
 */
export interface VerboseDetails {
  tos: Uint16Array;
  flags: Uint16Array;
  bytesPerPacket: Float64Array;
  active: Float64Array;
  nextHop: string[];
}

/** VerboseDetails being read: typed columns grown by doubling. */
class DetailColumns {
  n = 0;
  tos = new Uint16Array(16);
  flags = new Uint16Array(16);
  bytesPerPacket = new Float64Array(16);
  active = new Float64Array(16);
  readonly nextHop: string[] = [];

  push(tos: number, flags: number, bytesPerPacket: number, active: number, nextHop: string): void {
    const i = this.n++;
    if (i === this.tos.length) {
      const cap = 2 * i;
      this.tos = grownTo(this.tos, cap);
      this.flags = grownTo(this.flags, cap);
      this.bytesPerPacket = grownTo(this.bytesPerPacket, cap);
      this.active = grownTo(this.active, cap);
    }
    this.tos[i] = tos;
    this.flags[i] = flags;
    this.bytesPerPacket[i] = bytesPerPacket;
    this.active[i] = active;
    this.nextHop.push(nextHop);
  }

  finish(): VerboseDetails {
    const n = this.n;
    // Nearly full: views as they are (a copy would be a second set beside the first at the peak); else copies.
    const view = n >= this.tos.length - (this.tos.length >> 3);
    const cut = <A extends Uint16Array | Float64Array>(a: A): A => (view ? a.subarray(0, n) : a.slice(0, n)) as A;
    return { tos: cut(this.tos), flags: cut(this.flags), bytesPerPacket: cut(this.bytesPerPacket), active: cut(this.active), nextHop: this.nextHop };
  }
}

export interface ClassicFlows {
  flows: FlowTable;
  /** What the last column counted ("Pkts" or "Bytes"), when a header said so. */
  lastColumn?: 'packets' | 'bytes';
  verbose: boolean;
  /** Verbose records only, in the order of `flows`. */
  details?: VerboseDetails;
  /** Rows marked `*` on DstIf (egress copies) of a flow already listed: counted once. */
  egressDuplicates: number;
  footer?: { shown: number; top: number; processed?: number; line: number };
}

const key = (r: ClassicRow) => `${r.srcIf} ${r.src} ${r.dstIf} ${r.dst} ${r.proto} ${r.a} ${r.b}`;

export function readClassicFlows(section: Section, warnings: Warning[]): ClassicFlows {
  // A verbose cache read as bytes: its plain records came as columns (core/big-paste/verbose-records.ts), their two
  // lines empty here. Each is taken at its first line as the text path takes a first line and its second.
  const pre = prescanOfLines(section.lines)?.verbose;
  let vk = pre ? firstRowAtOrAfter(pre.rows, section.from + 1) : 0;
  const vEnd = pre ? firstRowAtOrAfter(pre.rows, section.to + 1) : 0;
  // Room for a row a line, less one for each record read as bytes (two lines, one row): sized for the lines, a 79 MB
  // verbose cache's table was half empty, then copied at finish (66 MB more at the peak, and the time to copy it).
  const b = new FlowTableBuilder(Math.max(16, section.to - section.from - (vEnd - vk)));
  const details = new DetailColumns();
  let lastColumn: ClassicFlows['lastColumn'];
  let verbose = false;
  let footer: ClassicFlows['footer'];
  let egressDuplicates = 0;
  const seen = new Set<string>();
  /** Verbose: the first line waiting for its second. */
  let open: { row: ClassicRow; line: number } | undefined;
  // An egress copy is marked by a `*` after DstIf: in a section without one, no row's key is kept (a 79 MB verbose
  // cache kept 500,000 of them, 0.5 s and tens of MB for nothing).
  let anyEgress = false;
  for (let i = section.from; i < section.to && !anyEgress; i++) anyEgress = section.lines[i]!.includes('*');
  const add = (row: ClassicRow, line: number, second?: { srcPort: number; dstPort: number; bytesPerPacket: number }) => {
    // An egress copy (`*`) of a flow listed already is the same flow seen leaving: count it once.
    if (anyEgress) {
      const k = key(row);
      if (row.egress && seen.has(k)) {
        egressDuplicates++;
        return;
      }
      seen.add(k);
    }
    const counted = lastColumn ?? 'packets';
    let packets = counted === 'packets' ? row.count : NaN;
    let bytes = counted === 'bytes' ? row.count : NaN;
    if (second && second.bytesPerPacket > 0) {
      if (counted === 'packets') bytes = packets * second.bytesPerPacket;
      else packets = Math.max(1, Math.round(bytes / second.bytesPerPacket));
    }
    b.add({
      srcIf: row.srcIf,
      dstIf: row.dstIf,
      src: row.src,
      dst: row.dst,
      proto: row.proto,
      srcPort: second ? second.srcPort : verbose ? undefined : row.a,
      dstPort: second ? second.dstPort : verbose ? undefined : row.b,
      packets,
      bytes,
      line,
    });
  };
  /** Next hops as text, one string per address (most records share one). */
  const hops = new Map<number, string>();
  // The records' interface names as this builder's indexes, each looked up once, in the order add() would meet them.
  const ifOf = pre ? new Int32Array(pre.rows.ifNames.length).fill(-1) : new Int32Array(0);
  const ifIndexOf = (k: number): number => {
    let x = ifOf[k]!;
    if (x < 0) ifOf[k] = x = b.interfaceIndex(pre!.rows.ifNames[k]);
    return x;
  };
  for (let i = section.from; i < section.to; i++) {
    const line = section.lines[i]!;
    if (vk < vEnd && pre!.rows.line[vk] === i + 1) {
      const k = vk++;
      const t = pre!.rows;
      if (open) {
        // A first line still waiting: this record's first line is no second line for it (as on the text path).
        warnings.push({ line: open.line, message: 'verbose flow record without its ports line: ports unknown' });
        add(open.row, open.line);
        open = undefined;
      }
      const hop = pre!.nextHop[k]!;
      let nextHop = hops.get(hop);
      if (nextHop === undefined) hops.set(hop, (nextHop = intToIp(hop)));
      const bpp = t.bytes[k]!;
      if (anyEgress) {
        const row: ClassicRow = { srcIf: t.ifNames[t.srcIf[k]!]!, src: t.src[k]!, dstIf: t.ifNames[t.dstIf[k]!]!, egress: false, dst: t.dst[k]!, proto: t.proto[k]!, a: pre!.tos[k]!, b: pre!.flags[k]!, count: t.packets[k]! };
        add(row, i + 1, { srcPort: t.srcPort[k]!, dstPort: t.dstPort[k]!, bytesPerPacket: bpp });
      } else {
        // (No egress copy to compare it with: the row as add() makes it, without an object on the way.)
        const count = t.packets[k]!;
        const counted = lastColumn ?? 'packets';
        let packets = counted === 'packets' ? count : NaN;
        let bytes = counted === 'bytes' ? count : NaN;
        if (bpp > 0) {
          if (counted === 'packets') bytes = packets * bpp;
          else packets = Math.max(1, Math.round(bytes / bpp));
        }
        b.addValues(ifIndexOf(t.srcIf[k]!), ifIndexOf(t.dstIf[k]!), t.src[k]!, t.dst[k]!, t.proto[k]!, t.srcPort[k]!, t.dstPort[k]!, packets, bytes, i + 1);
      }
      details.push(pre!.tos[k]!, pre!.flags[k]!, bpp, pre!.active[k]!, nextHop);
      continue;
    }
    if (line.trim() === '') continue;
    if (open) {
      const v = readVerboseSecond(line);
      const o = open;
      open = undefined;
      if (v) {
        add(o.row, o.line, v);
        details.push(o.row.a, o.row.b, v.bytesPerPacket, v.active, v.nextHop);
        continue;
      }
      warnings.push({ line: o.line, message: 'verbose flow record without its ports line: ports unknown' });
      add(o.row, o.line);
    }
    const row = readClassicRow(line);
    if (row) {
      if (verbose) open = { row, line: i + 1 };
      else add(row, i + 1);
      continue;
    }
    const h = classicHeader(line);
    if (h) {
      verbose = h.verbose;
      lastColumn = h.last;
      continue;
    }
    const f = readTopTalkersFooter(line);
    if (f) {
      footer = { ...f, line: i + 1 };
      continue;
    }
    if (isVerboseHeader2(line) || isVerboseExtra(line) || isStatsLine(line) || isExecPromptTimestamp(line)) continue;
    // IOS's answer when there is nothing to list: said in words, not as a line not understood.
    if (/^\s*% Cache is empty\s*$/i.test(line)) {
      warnings.push({ line: i + 1, message: 'the router says its flow cache is empty: no flows to read (NetFlow may be off on the interfaces, or the cache just cleared)' });
      continue;
    }
    warnings.push(unreadLine(i, line));
  }
  if (open) {
    warnings.push({ line: open.line, message: 'verbose flow record without its ports line: ports unknown' });
    add(open.row, open.line);
  }
  return {
    flows: b.finish(),
    ...(lastColumn ? { lastColumn } : {}),
    verbose,
    ...(verbose ? { details: details.finish() } : {}),
    egressDuplicates,
    ...(footer ? { footer } : {}),
  };
}
