// `show ip cache flow`: netflow cache rows (SrcIf SrcIPaddress DstIf DstIPaddress Pr SrcP DstP Pkts) and its stats blocks.
import type { Warning } from '../../types';
import { unreadLine } from '../../text/lines';
import type { FlowTable } from '../flow-table';
import type { ParserDef, Section } from '../parser-types';
import { mergeByLine, prescannedRows } from '../shared/prescanned-rows';
import { FlowColumns } from './flow-columns';
import { BAD_ADDRESS, lineBytes, NOT_ROW, readRow, ROW_OK, ROW_PROBLEM } from './row-bytes';
import { GARBLED_HEADER, HEADER, isStatsLine, isVerboseHeader, isVerboseHeader2, readHiddenRow, readVerboseSecond } from './row-text';
import { maskedAddressWarning } from '../../text/masked-address';
import type { MaskedFlowRow } from '../shared/masked-flows';
import { sniffRows } from '../shared/sniff-rows';
import { readTopTalkersFooter } from '../shared/netflow-rows';
import { type CacheFlowStats, isProtocolHeader, isSizeHeader, readCacheFlowStats } from './stats';

export interface CacheFlowData {
  flows: FlowTable;
  /** False when rows were read by shape under a garbled or missing header (the tech note's own sample). */
  headerRecognised: boolean;
  /** Rows whose source or destination a poster hid (`x.x.x.x`): counted, never in `flows`. */
  hidden?: MaskedFlowRow[];
  /** The statistics blocks (size distribution, cache counters, protocol table), when pasted. */
  stats?: CacheFlowStats;
}

const scratch = { buf: new Uint8Array(256) };

/**
 * `show ip flow top-talkers` sorted by packets prints this command's very header; only its footer ("6 of 20 top
 * talkers shown. 6 flows processed.") tells them apart, after at most 200 rows.
 */
function topTalkersFooterNear(section: Section): boolean {
  for (let i = section.from, seen = 0; i < section.to && seen < 210; i++) {
    const l = section.lines[i]!;
    if (l.trim() === '') continue;
    seen++;
    if (readTopTalkersFooter(l)) return true;
  }
  return false;
}

function sniff(section: Section): number {
  if (topTalkersFooterNear(section)) return 0.5;
  const cols = new FlowColumns(64);
  return sniffRows(
    section,
    50,
    (l) => {
      if (HEADER.test(l) || isVerboseHeader(l) || /IP Flow Switching Cache/i.test(l)) return 1;
      // A stats-only paste (the protocol table alone, as posted to mailing lists) is this command too.
      if (isProtocolHeader(l) || isSizeHeader(l)) return 1;
      // (The length first: lineBytes may put a long line in a new buffer, which readRow must then be given.)
      const n = lineBytes(l, scratch);
      return readRow(scratch.buf, 0, n, cols) === ROW_OK ? 'row' : null;
    },
    { cap: 0.95, bonus: 0.3 },
  );
}

function parse(section: Section) {
  const warnings: Warning[] = [];
  const cols = new FlowColumns(Math.min(1 << 16, Math.max(64, section.to - section.from)));
  let headerRecognised = false;
  let verbose = false;
  /** Verbose mode: the row whose second line (ports, bytes per packet) is expected next, or -1. */
  let open = -1;
  const hidden: MaskedFlowRow[] = [];
  /** Lines of the statistics blocks, read after the loop (a handful, before or after the rows). */
  const statLines: number[] = [];
  for (let i = section.from; i < section.to; i++) {
    const line = section.lines[i]!;
    if (line === '' || line.trim() === '') continue;
    if (open >= 0) {
      const v = readVerboseSecond(line);
      const k = open;
      open = -1;
      if (v) {
        cols.srcPort[k] = v.srcPort;
        cols.dstPort[k] = v.dstPort;
        cols.bytes[k] = v.bytesPerPacket * cols.packets[k]!;
        continue;
      }
      warnings.push({ line: cols.line[k]!, message: 'verbose flow record without its ports line: ports unknown' });
    }
    const k = cols.n;
    // (The length first: a line longer than the buffer goes to a new one, which readRow must then be given.)
    const n = lineBytes(line, scratch);
    const status = readRow(scratch.buf, 0, n, cols);
    if (status === ROW_OK) {
      cols.line[k] = i + 1;
      if (verbose) {
        // Verbose first lines carry TOS and flags where ports would be; the ports come on the next line.
        cols.srcPort[k] = -1;
        cols.dstPort[k] = -1;
        open = k;
      }
      cols.n++;
      continue;
    }
    const h = status === NOT_ROW || status === BAD_ADDRESS ? readHiddenRow(line, i) : null;
    if (h) {
      hidden.push(h);
      for (const f of h.hidden) warnings.push(maskedAddressWarning(i, f.field, f.posted));
      continue;
    }
    if (status !== NOT_ROW) {
      warnings.push(unreadLine(i, line, ROW_PROBLEM[status]));
      continue;
    }
    if (HEADER.test(line)) {
      headerRecognised = true;
      verbose = false;
    } else if (isVerboseHeader(line)) {
      headerRecognised = true;
      verbose = true;
    } else if (isVerboseHeader2(line)) {
      continue;
    } else if (isStatsLine(line)) {
      statLines.push(i);
    } else if (GARBLED_HEADER.test(line)) {
      warnings.push({ line: i + 1, message: 'header not recognised, rows read by shape' });
    } else warnings.push(unreadLine(i, line));
  }
  if (open >= 0) warnings.push({ line: cols.line[open]!, message: 'verbose flow record without its ports line: ports unknown' });
  let flows = cols.finish().table;
  const pre = prescannedRows(section);
  if (pre) {
    flows = flows.count === 0 ? pre : mergeByLine(pre, flows);
  }
  const stats = readCacheFlowStats(section.lines, statLines);
  if (flows.count === 0 && hidden.length === 0 && stats && stats.protocols.length > 0) {
    warnings.push({
      line: section.to > section.from ? section.from + 1 : Math.max(1, section.from),
      message: 'no flow rows, only the statistics: the protocol table tells which service is swept, the rows (show ip cache flow | include <port in hex>) tell who',
    });
  } else if (flows.count === 0 && hidden.length === 0) {
    warnings.push({
      // An empty section (only the echo was pasted) cites the echo line, which is line `from`.
      line: section.to > section.from ? section.from + 1 : Math.max(1, section.from),
      message: 'no flow rows: the cache is empty (cleared, or netflow not enabled on the ingress interfaces), so no host can be judged from it',
    });
  }
  return { data: { flows, headerRecognised, ...(hidden.length ? { hidden } : {}), ...(stats ? { stats } : {}) }, records: flows.count + hidden.length, warnings };
}

export const cacheFlowParser: ParserDef<'show ip cache flow', CacheFlowData> = {
  kind: 'show ip cache flow',
  commands: ['show ip cache flow'],
  sniff,
  parse,
};
