// `show alignment`: alignment corrections and spurious accesses.
import type { Warning } from '../../types';
import { unreadLine } from '../../text/lines';
import type { ParserDef, Section } from '../parser-types';
import { isExecPromptTimestamp } from '../shared/exec-prompt-timestamp';
import { sniffRows } from '../shared/sniff-rows';

export interface AlignmentRow {
  address: string;
  count: number;
  /** "32bit" and "read"/"write" for alignment rows; absent for spurious-access rows. */
  access?: string;
  type?: string;
  traceback: string[];
  line: number;
}

export interface AlignmentData {
  /** True when the router says no alignment data and no spurious accesses were recorded. */
  noData: boolean;
  /** Total corrections ("Total Corrections 6, ..."); 0 when the router says none were recorded. */
  alignmentErrors?: number;
  alignmentLine?: number;
  /** "Total Spurious Accesses 26, ..."; 0 when the router says none were recorded. */
  spuriousAccesses?: number;
  spuriousLine?: number;
  /** The image line under "Alignment data for:" (e.g. "RSP Software (RSP-ISV-M), Version 11.3(3a), ..."). */
  image?: string;
  alignmentRows: AlignmentRow[];
  spuriousRows: AlignmentRow[];
  /** Line saying the router does not watch alignment ("Unaligned handler is disabled"): no counts can follow. */
  detectionDisabledLine?: number;
}

const NO_ALIGNMENT = /^\s*No alignment data (has been )?recorded\.?\s*$/i;
const NO_SPURIOUS = /^\s*No spurious memory references have been recorded\.?\s*$/i;
// The counters, with or without a colon, and the "Recorded" part (what the table below holds) optional.
const CORRECTIONS = /^\s*Total Corrections:? (\d+)(?:, Recorded \d+, Reads \d+, Writes \d+)?\s*$/i;
const SPURIOUS = /^\s*Total Spurious Accesses:? (\d+)(?:, Recorded \d+)?\s*$/i;
const DATA_FOR = /^\s*Alignment data for:\s*$/i;
// Detection switched off: newer images say "Unaligned handler is disabled", older ones the "%" form.
const DISABLED = /^\s*(?:Unaligned handler is disabled|%\s*Alignment detection is currently disabled)\.?\s*$/i;
/** The two-line column titles of each table ("Initial Initial" over "Address Count Access Type Traceback"). */
const TABLE_TITLES = [/^\s*Initial\s+Initial\s*$/i, /^\s*Address\s+Count\s+Access\s+Type\s+Traceback\s*$/i, /^\s*Address\s+Count\s+Traceback\s*$/i];
const TRACE = '(?:0x[0-9A-F]+\\s*)+';
const ALIGNMENT_ROW = new RegExp(`^\\s*([0-9A-F]+)\\s+(\\d+)\\s+(\\d+bit)\\s+(read|write)\\s+(${TRACE})$`, 'i');
const SPURIOUS_ROW = new RegExp(`^\\s*([0-9A-F]+)\\s+(\\d+)\\s+(${TRACE})$`, 'i');
/** A traceback too long for one line continues, indented, on the next. */
const TRACE_CONTINUATION = new RegExp(`^\\s+(${TRACE})$`, 'i');

const trace = (s: string) => s.trim().split(/\s+/);

export const alignmentParser: ParserDef<'show alignment', AlignmentData> = {
  kind: 'show alignment',
  commands: ['show alignment'],

  sniff(section: Section): number {
    // A heading decides; there are no rows to count.
    return sniffRows(section, 20, (l) => {
      return DATA_FOR.test(l) || DISABLED.test(l) || NO_ALIGNMENT.test(l) || NO_SPURIOUS.test(l) || SPURIOUS.test(l) || CORRECTIONS.test(l) ? 1 : null;
    });
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const data: AlignmentData = { noData: false, alignmentRows: [], spuriousRows: [] };
    let sawNoAlignment = false;
    let sawNoSpurious = false;
    /** Lines of the image banner still expected under "Alignment data for:" (it may wrap, and ends "Compiled ..."). */
    let bannerLeft = 0;
    let lastRow: AlignmentRow | undefined;
    for (let i = section.from; i < section.to; i++) {
      const line = section.lines[i]!;
      if (line.trim() === '') {
        bannerLeft = 0;
        lastRow = undefined;
        continue;
      }
      if (bannerLeft > 0) {
        bannerLeft = /^\s*Compiled /i.test(line) ? 0 : bannerLeft - 1;
        data.image = data.image === undefined ? line.trim() : /^\s*Compiled /i.test(line) ? data.image : `${data.image}${line.trim()}`;
        continue;
      }
      if (DATA_FOR.test(line)) {
        bannerLeft = 3;
        continue;
      }
      let m: RegExpExecArray | null;
      if ((m = ALIGNMENT_ROW.exec(line))) {
        lastRow = { address: m[1]!, count: +m[2]!, access: m[3]!, type: m[4]!.toLowerCase(), traceback: trace(m[5]!), line: i + 1 };
        data.alignmentRows.push(lastRow);
      } else if ((m = SPURIOUS_ROW.exec(line))) {
        lastRow = { address: m[1]!, count: +m[2]!, traceback: trace(m[3]!), line: i + 1 };
        data.spuriousRows.push(lastRow);
      } else if (lastRow && (m = TRACE_CONTINUATION.exec(line))) {
        lastRow.traceback.push(...trace(m[1]!));
      } else if ((m = CORRECTIONS.exec(line))) {
        data.alignmentErrors = +m[1]!;
        data.alignmentLine = i + 1;
      } else if ((m = SPURIOUS.exec(line))) {
        data.spuriousAccesses = +m[1]!;
        data.spuriousLine = i + 1;
      } else if (NO_ALIGNMENT.test(line)) {
        sawNoAlignment = true;
        data.alignmentErrors = 0;
        data.alignmentLine = i + 1;
      } else if (NO_SPURIOUS.test(line)) {
        sawNoSpurious = true;
        data.spuriousAccesses = 0;
        data.spuriousLine = i + 1;
      } else if (DISABLED.test(line)) {
        data.detectionDisabledLine = i + 1;
      } else if (!TABLE_TITLES.some((re) => re.test(line)) && !isExecPromptTimestamp(line)) {
        warnings.push(unreadLine(i, line));
      }
    }
    data.noData = sawNoAlignment && sawNoSpurious;
    return { data, records: 1, warnings };
  },
};
