// `show ip accounting` (and `checkpoint`, `access-violations`): source/destination packet and byte counts, data age.
import type { Warning } from '../../types';
import { ipToInt, unreadLine } from '../../text/lines';
import { maskedAddressWarning } from '../../text/masked-address';
import { FlowTableBuilder, type FlowRow, type FlowTable } from '../flow-table';
import type { ParserDef, Section } from '../parser-types';
import { EXEC_PROMPT_TIMESTAMP_START } from '../shared/exec-prompt-timestamp';
import { sniffRows } from '../shared/sniff-rows';
import { addressOrHidden, type MaskedFlowRow } from '../shared/masked-flows';

export interface AccountingData {
  flows: FlowTable;
  /** "Accounting data age is 1w2d" as printed, when present. */
  dataAge?: string;
  dataAgeLine?: number;
  /** The "Accounting threshold exceeded for N packets and M bytes" counters, when present. */
  thresholdExceeded?: { packets: number; bytes: number; line: number };
  /** `show ip accounting access-violations`: the ACL that denied each row (those rows are in `flows` too). */
  deniedByAcl?: { acl: string; line: number }[];
  /** access-violations: "Accounting threshold exceeded for N packets violating access list(s)". */
  violationsThresholdExceeded?: { packets: number; line: number };
  /** "% IP accounting data cleared or checkpointed": IOS stopped the listing midway, so the rows are partial. */
  interruptedLine?: number;
  /** Rows whose source or destination a poster hid (`x.x.x.x`): counted, never in `flows`. */
  hidden?: MaskedFlowRow[];
}

// Source Destination Packets Bytes [ACL]: the ACL column only in `access-violations` output. Forum pastes can break
// an address after a dot ("172.17.246. 128"): one space right after a dot is allowed and the parts are rejoined.
const ADDRESS = String.raw`\d{1,3}(?:\. ?\d{1,3}){3}`;
const ROW = new RegExp(String.raw`^\s*(${ADDRESS})\s+(${ADDRESS})\s+(\d+)\s+(\d+)(?:\s+(\S+))?\s*$`);
// The same row with an address a poster hid (`10.x.x.x`, `a.b.c.d`); which one is hidden is checked in code.
const HIDDEN_ROW = /^\s*([\w.*#?]{7,15})\s+([\w.*#?]{7,15})\s+(\d+)\s+(\d+)(?:\s+(\S+))?\s*$/;
// Packets and Bytes run together on a busy pair: `10.1.1.1  10.2.2.2  3120000` (3 packets, 120000 bytes?).
const GLUED_ROW = /^\s*(\d{1,3}(?:\.\d{1,3}){3})\s+(\d{1,3}(?:\.\d{1,3}){3})\s+(\d{2,})\s*$/;
const HEADER = /^\s*Source\s+Destination\s+Packets\s+Bytes(\s+ACL)?\s*$/i;
// A `| include` filter can keep a header fragment; the column words in order are enough to say it is the header.
const PARTIAL_HEADER = /^\s*(Source\s+)?Destination\s+Packets(\s+Bytes)?(\s+ACL)?\s*$/i;
const AGE = /^\s*Accounting data age is\s+(\S+)\s*$/i;
const THRESHOLD = /^\s*Accounting threshold exceeded for (\d+) packets and (\d+) bytes\.?\s*$/i;
const VIOLATIONS_THRESHOLD = /^\s*Accounting threshold exceeded for (\d+) packets violating access list\(s\)\.?\s*$/i;
const INTERRUPTED = /^\s*%\s*IP accounting data cleared or checkpointed\s*$/i;

/**
 * A row whose Packets and Bytes ran together: cut where every packet holds 20 to 65535 bytes (an IP packet's
 * bounds). One such cut is certain; otherwise the counts stay unknown and the row stays out of the flow table.
 */
function readGlued(line: string, i: number): { sure?: FlowRow; unsure?: MaskedFlowRow } | null {
  const m = GLUED_ROW.exec(line);
  if (!m) return null;
  const src = ipToInt(m[1]!);
  const dst = ipToInt(m[2]!);
  if (src < 0 || dst < 0) return null;
  const digits = m[3]!;
  const found: [number, number][] = [];
  for (let k = 1; k < digits.length; k++) {
    const a = digits.slice(0, k);
    const b = digits.slice(k);
    if (/^0\d/.test(a) || /^0\d/.test(b) || +a === 0) continue;
    if (+b >= +a * 20 && +b <= +a * 65535) found.push([+a, +b]);
  }
  if (found.length === 1) return { sure: { src, dst, packets: found[0]![0], bytes: found[0]![1], line: i + 1 } };
  return { unsure: { line: i + 1, hidden: [{ field: 'packets and bytes', posted: digits }], src, dst } };
}

/** A row with a hidden address: its counts (and ACL) kept, the hidden side unknown. */
function readHidden(line: string, i: number): { row: MaskedFlowRow; acl?: string } | null {
  const m = HIDDEN_ROW.exec(line);
  if (!m) return null;
  const src = addressOrHidden(m[1]!);
  const dst = addressOrHidden(m[2]!);
  if (src === null || dst === null || (src !== undefined && dst !== undefined)) return null;
  const hidden = [
    ...(src === undefined ? [{ field: 'source address', posted: m[1]! }] : []),
    ...(dst === undefined ? [{ field: 'destination address', posted: m[2]! }] : []),
  ];
  const row: MaskedFlowRow = { line: i + 1, hidden, ...(src !== undefined ? { src } : {}), ...(dst !== undefined ? { dst } : {}), packets: +m[3]!, bytes: +m[4]! };
  return m[5] !== undefined ? { row, acl: m[5] } : { row };
}

export const accountingParser: ParserDef<'show ip accounting', AccountingData> = {
  kind: 'show ip accounting',
  commands: ['show ip accounting'],

  sniff(section: Section): number {
    return sniffRows(section, 50, (l) => {
      if (HEADER.test(l) || AGE.test(l) || THRESHOLD.test(l)) return 1;
      // Four fields exactly: two addresses and two counts (the ACL column only follows the header, seen above).
      const m = ROW.exec(l);
      return m && m[5] === undefined ? 'row' : null;
    });
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const b = new FlowTableBuilder(Math.max(16, section.to - section.from));
    const data: Omit<AccountingData, 'flows'> = {};
    for (let i = section.from; i < section.to; i++) {
      const line = section.lines[i]!;
      const m = ROW.exec(line);
      if (m) {
        const [srcText, dstText] = [m[1]!.replace(/ /g, ''), m[2]!.replace(/ /g, '')];
        const src = ipToInt(srcText);
        const dst = ipToInt(dstText);
        if (src < 0 || dst < 0) {
          warnings.push(unreadLine(i, line, 'accounting row with an invalid address'));
          continue;
        }
        const packets = +m[3]!;
        const bytes = +m[4]!;
        // Every IP packet is at least 20 bytes: fewer bytes than that means columns were shifted or mistyped.
        if (bytes < packets * 20) {
          warnings.push(unreadLine(i, line, 'accounting row with fewer bytes than its packets can hold'));
          continue;
        }
        b.add({ src, dst, packets, bytes, line: i + 1 });
        for (const [field, raw, joined] of [['source', m[1]!, srcText], ['destination', m[2]!, dstText]] as const) {
          if (raw !== joined) warnings.push({ line: i + 1, message: `${field} address broken by a space ("${raw}"), read as ${joined}` });
        }
        if (m[5] !== undefined) (data.deniedByAcl ??= []).push({ acl: m[5], line: i + 1 });
        continue;
      }
      const g = readGlued(line, i);
      if (g) {
        if (g.sure) b.add(g.sure);
        else {
          (data.hidden ??= []).push(g.unsure!);
          warnings.push({ line: i + 1, message: 'packets and bytes ran together, left unknown (the row is not used for host verdicts)' });
        }
        continue;
      }
      const h = readHidden(line, i);
      if (h) {
        (data.hidden ??= []).push(h.row);
        for (const f of h.row.hidden) warnings.push(maskedAddressWarning(i, f.field, f.posted));
        if (h.acl !== undefined) (data.deniedByAcl ??= []).push({ acl: h.acl, line: i + 1 });
        continue;
      }
      if (line.trim() === '' || HEADER.test(line) || PARTIAL_HEADER.test(line) || EXEC_PROMPT_TIMESTAMP_START.test(line)) continue;
      const age = AGE.exec(line);
      if (age) {
        data.dataAge = age[1];
        data.dataAgeLine = i + 1;
        continue;
      }
      const th = THRESHOLD.exec(line);
      if (th) {
        data.thresholdExceeded = { packets: +th[1]!, bytes: +th[2]!, line: i + 1 };
        continue;
      }
      const vt = VIOLATIONS_THRESHOLD.exec(line);
      if (vt) {
        data.violationsThresholdExceeded = { packets: +vt[1]!, line: i + 1 };
        continue;
      }
      if (INTERRUPTED.test(line)) {
        data.interruptedLine = i + 1;
        continue;
      }
      warnings.push(unreadLine(i, line));
    }
    const flows = b.finish();
    return { data: { ...data, flows }, records: flows.count + (data.hidden?.length ?? 0), warnings };
  },
};
