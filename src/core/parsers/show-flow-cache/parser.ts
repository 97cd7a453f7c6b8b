// NX-OS `show flow cache`: "IPV4 Entries" (and IPv6, L2) tables of SIP DIP ... S-Port D-Port Protocol counts.
import type { Warning } from '../../types';
import { ipToIntAt, unreadLine } from '../../text/lines';
import { FlowTableBuilder, UNKNOWN, type FlowTable } from '../flow-table';
import { Flow6Builder, isIPv6, type Flow6Table } from '../flow-table6';
import type { ParserDef, Section } from '../parser-types';
import { isExecPromptTimestamp } from '../shared/exec-prompt-timestamp';
import { mergeByLine, prescannedRows } from '../shared/prescanned-rows';

export interface NxosFlowCacheData {
  flows: FlowTable;
  flows6: Flow6Table;
  /** Rows of the layer-2 (MAC) table: no addresses, so no host. */
  layer2Rows: number;
}

type Family = 'ipv4' | 'ipv6' | 'l2';
export const BANNER = /^\s*(IPV4|IPV6|L2|MAC)\s+Entries\s*$/i;
// Header names with a space in them, joined so the header splits into one token per column.
const JOINED: [RegExp, string][] = [
  [/\bBD ID\b/i, 'BD_ID'],
  [/\bByte Count\b/i, 'BYTES'],
  [/\bPacket Count\b/i, 'PACKETS'],
  [/\bTCP FLAGS\b/i, 'TCP_FLAGS'],
];
const COLUMN: Record<string, 'src' | 'dst' | 'srcPort' | 'dstPort' | 'proto' | 'bytes' | 'packets'> = {
  sip: 'src',
  dip: 'dst',
  's-port': 'srcPort',
  'd-port': 'dstPort',
  protocol: 'proto',
  bytes: 'bytes',
  packets: 'packets',
};

export function headerColumns(line: string): (string | undefined)[] | undefined {
  if (!/^\s*SIP\s+DIP\s/i.test(line) && !/^\s*(SMAC|DMAC)\s/i.test(line)) return undefined;
  let l = line;
  for (const [re, to] of JOINED) l = l.replace(re, to);
  // (Own keys only: a header word such as `constructor` is no member of the object's prototype.)
  return l.trim().split(/\s+/).map((w) => (Object.hasOwn(COLUMN, w.toLowerCase()) ? COLUMN[w.toLowerCase()] : undefined));
}

const INT = /^\d+$/;

/** The code of a line's first character that is not blank (as trim() sees blanks), or -1 for a blank line. */
function firstWordChar(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    return c > 127 && /\s/.test(line[i]!) ? firstWordChar(line.slice(i + 1)) : c;
  }
  return -1;
}

/** The row split as text (a line with characters past ASCII), its fields' spans into `starts`/`ends`. */
function splitAsText(line: string): number {
  const re = /\S+/g;
  let n = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (n < starts.length) {
      starts[n] = m.index;
      ends[n] = m.index + m[0].length;
    }
    n++;
  }
  return n;
}

/** The value roles the rows are read for, in the order of the column indexes `Roles` keeps. */
export const ROLES = ['src', 'dst', 'srcPort', 'dstPort', 'proto', 'bytes', 'packets'] as const;
/** Each role's column (its last one when a header names it twice, as an object keyed by role keeps the last), or -1. */
type Roles = Int32Array;

export function rolesOf(cols: readonly (string | undefined)[]): Roles {
  const at = new Int32Array(ROLES.length).fill(-1);
  cols.forEach((c, k) => {
    const r = ROLES.indexOf(c as (typeof ROLES)[number]);
    if (r >= 0) at[r] = k;
  });
  return at;
}

/** Field starts and ends of the row being read: room for a header's columns and one more (a row that does not fit). */
let starts = new Int32Array(32);
let ends = new Int32Array(32);

/**
 * The row's whitespace-separated fields into `starts`/`ends` (as many as they hold): how many there are, or -1 when the
 * line holds a character past ASCII (then it is split as text, where \s has more members).
 */
function splitFields(line: string): number {
  let n = 0;
  let i = 0;
  const len = line.length;
  while (i < len) {
    let c = line.charCodeAt(i);
    if (c > 127) return -1;
    if (c === 32 || (c >= 9 && c <= 13)) {
      i++;
      continue;
    }
    const s = i;
    do {
      if (++i === len) break;
      c = line.charCodeAt(i);
      if (c > 127) return -1;
    } while (!(c === 32 || (c >= 9 && c <= 13)));
    if (n < starts.length) {
      starts[n] = s;
      ends[n] = i;
    }
    n++;
  }
  return n;
}

/** Field k of the row as a number when it is all digits (INT), else undefined; k < 0 (no such column) too. */
function countAt(line: string, k: number): number | undefined {
  if (k < 0) return undefined;
  const s = starts[k]!;
  const e = ends[k]!;
  if (e - s > 15) return INT.test(line.slice(s, e)) ? +line.slice(s, e) : undefined;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = line.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    v = v * 10 + d;
  }
  return v;
}

const fieldAt = (line: string, k: number): string => (k < 0 ? '' : line.slice(starts[k]!, ends[k]!));

function parse(section: Section) {
  const warnings: Warning[] = [];
  const v4 = new FlowTableBuilder(Math.max(16, section.to - section.from));
  const v6 = new Flow6Builder();
  let family: Family | undefined;
  let cols: (string | undefined)[] | undefined;
  let roles: Roles = rolesOf([]);
  let layer2Rows = 0;
  let records = 0;
  for (let i = section.from; i < section.to; i++) {
    const line = section.lines[i]!;
    // An IPv4 row starts with a digit, which no banner, header, timestamp or rule line does: those tests are for the
    // other lines (IPv6 and MAC rows included).
    const first = firstWordChar(line);
    if (first < 0) continue;
    if (first < 48 || first > 57 || !cols || !family) {
      const b = BANNER.exec(line);
      if (b) {
        const f = b[1]!.toLowerCase();
        [family, cols] = [f === 'ipv4' ? 'ipv4' : f === 'ipv6' ? 'ipv6' : 'l2', undefined];
        continue;
      }
      const h = headerColumns(line);
      if (h) {
        cols = h;
        roles = rolesOf(h);
        if (starts.length <= h.length) [starts, ends] = [new Int32Array(h.length + 1), new Int32Array(h.length + 1)];
        continue;
      }
      if (isExecPromptTimestamp(line) || /^\s*-{5,}\s*$/.test(line)) continue;
      if (!cols || !family) {
        warnings.push(unreadLine(i, line));
        continue;
      }
    }
    let n = splitFields(line);
    if (n < 0) n = splitAsText(line);
    if (n !== cols.length) {
      warnings.push(unreadLine(i, line, `flow row with ${n} fields under a header of ${cols.length}`));
      continue;
    }
    if (family === 'l2') {
      layer2Rows++;
      records++;
      continue;
    }
    const packets = countAt(line, roles[6]!);
    if (packets === undefined) {
      warnings.push(unreadLine(i, line, 'flow row without a packet count'));
      continue;
    }
    const srcPort = countAt(line, roles[2]!);
    const dstPort = countAt(line, roles[3]!);
    const proto = countAt(line, roles[4]!);
    const bytes = countAt(line, roles[5]!);
    if (family === 'ipv4') {
      const src = roles[0]! < 0 ? -1 : ipToIntAt(line, starts[roles[0]!]!, ends[roles[0]!]!);
      const dst = roles[1]! < 0 ? -1 : ipToIntAt(line, starts[roles[1]!]!, ends[roles[1]!]!);
      if (src < 0 || dst < 0) {
        warnings.push(unreadLine(i, line, 'flow row with an address that is not IPv4'));
        continue;
      }
      v4.addValues(0, 0, src, dst, proto ?? UNKNOWN, srcPort ?? UNKNOWN, dstPort ?? UNKNOWN, packets, bytes ?? NaN, i + 1);
    } else {
      const src = fieldAt(line, roles[0]!);
      const dst = fieldAt(line, roles[1]!);
      if (!isIPv6(src) || !isIPv6(dst)) {
        warnings.push(unreadLine(i, line, 'flow row with an address that is not IPv6'));
        continue;
      }
      v6.add({ proto, srcPort, dstPort, packets, bytes, line: i + 1, src, dst });
    }
    records++;
  }
  if (layer2Rows > 0) {
    warnings.push({
      line: section.from + 1,
      message: `${layer2Rows} layer-2 ${layer2Rows === 1 ? 'entry carries' : 'entries carry'} MAC addresses only: no IP address, so no host can be judged from ${layer2Rows === 1 ? 'it' : 'them'}`,
    });
  }
  // A big dump's plain IPv4 rows, read from bytes before the paste was split (core/big-paste/nx-rows.ts): '' here.
  let flows = v4.finish();
  const pre = prescannedRows(section);
  if (pre) {
    flows = flows.count === 0 ? pre : mergeByLine(pre, flows);
    records += pre.count;
  }
  return { data: { flows, flows6: v6.finish(), layer2Rows }, records, warnings };
}

export const nxosFlowCacheParser: ParserDef<'show flow cache', NxosFlowCacheData> = {
  kind: 'show flow cache',
  commands: ['show flow cache'],
  sniff(section) {
    for (let i = section.from; i < Math.min(section.to, section.from + 20); i++) {
      const l = section.lines[i]!;
      if (BANNER.test(l)) return 0.9;
      if (headerColumns(l)) return 0.9;
    }
    return 0;
  },
  parse,
};
