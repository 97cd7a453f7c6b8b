// `show flow monitor NAME cache` (Flexible NetFlow): the cache header, then records, a table or csv, IPv4 and IPv6.
import type { Warning } from '../../types';
import { unreadLine } from '../../text/lines';
import { isExecPromptTimestamp } from '../shared/exec-prompt-timestamp';
import type { ParserDef, Section } from '../parser-types';
import { fnfRecordsIn, tookFnfRecords } from '../shared/fnf-prescan';
import { cutLineWarning, endsUnended } from '../../text/line-end';
import {
  cachePressure,
  emptyHeader,
  headerRead,
  readHeaderLine,
  readSelectionLine,
  type FnfCacheHeader,
  type FnfCachePressure,
  type FnfSelection,
} from './cache-header';
import { hasAddress, hasAddressValue, R, RecordSink, roleOf, ROLES_IN_ORDER, type FnfFlows, type RecordValues, type Role } from './record-fields';
import { csvRoles, isRule, tableCells, tableLayout, valuesOf, type TableLayout } from './table-format';

export interface FlowMonitorCacheData extends FnfFlows {
  /** How the records were printed: `format record` (the default on most releases), `table` or `csv`. */
  format: 'record' | 'table' | 'csv' | 'none';
  cache?: FnfCacheHeader;
  /** Set when the cache was full (entries or high watermark at its size): a flood of flows on its own. */
  pressure?: FnfCachePressure;
  /** `sort ... top N` / `filter` outputs: how many flows were looked at and shown. */
  selection?: FnfSelection;
}

const KEY = /^[A-Za-z][\w .\/()-]*$/;
const EMPTY = /^\s*There are no cache entries to display\.?\s*$/i;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** `Key:` starts of lines that are not record fields: the cache header and the exec timestamp lines. */
const NOT_FIELDS = new Set(['cache type', 'cache size', 'current entries', 'high watermark', 'flows added', 'flows not added', 'flows aged', 'load for five secs']);

/**
 * IOS XR's time stamp under the prompt (`Sat Dec  6 06:30:01.123 UTC`): its text before the first colon looks like a
 * key (`Sat Dec  6 06`), and it opened a record with no field at all.
 */
const XR_STAMP = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d\d:\d\d:\d\d(?:\.\d+)?(?: \S+)?$/;
const XR_STAMP_KEY = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d\d$/;

/** What a record-format key is: its value slot (-1: a field we ignore), its number for spotting a repeat, or not a field. */
interface KeyInfo {
  slot: number;
  /** Its number among the section's distinct keys (-1: not a field). */
  index: number;
  field: boolean;
}

/**
 * What the text before a record line's first colon says: whether the line is a record field at all, the key as the
 * parser compares keys (lower case, single spaces), and its role. The byte path (core/big-paste/fnf-records.ts) asks
 * this too, so the two read the same lines as fields.
 */
export function fieldKey(raw: string): { field: boolean; norm: string; role: Role | undefined } {
  const key = raw.trim();
  const norm = key.toLowerCase().replace(/\s+/g, ' ');
  const field = KEY.test(key) && !NOT_FIELDS.has(norm) && !XR_STAMP_KEY.test(key);
  return { field, norm, role: field ? roleOf(norm) : undefined };
}

/**
 * Would the record parser take `line` as a table's header, were a `====` rule under it? Only a line that none of the
 * parser's earlier readings takes (a field, a blank line, the cache header, a selection line, a timestamp, "no
 * entries"); one with a colon is left out as well (it may be a field). The byte path (core/big-paste/fnf-records.ts)
 * reads a table's rows from bytes only under a header this says yes to.
 */
export function tableHeaderHere(line: string): boolean {
  if (line.trim() === '' || line.includes(':')) return false;
  return !readHeaderLine(line, 0, emptyHeader()) && readSelectionLine(line, 0, undefined) === false && !isExecPromptTimestamp(line) && !EMPTY.test(line);
}

/** Keys repeat every record: learn each distinct key once (100,000 records, about 9 keys each). */
class Keys {
  private readonly info = new Map<string, KeyInfo>();
  private readonly indexes = new Map<string, number>();

  of(raw: string): KeyInfo {
    let k = this.info.get(raw);
    if (k === undefined) {
      const { field, norm, role } = fieldKey(raw);
      // Numbered without a limit (a bit mask of 31 keys stopped spotting repeats past them: then whether a repeat
      // split a record hung on which keys the records read as bytes had, fnf-records.ts, and had not shown here).
      let index = this.indexes.get(norm);
      if (index === undefined && field) {
        index = this.indexes.size;
        this.indexes.set(norm, index);
      }
      k = { slot: role ? R[role] : -1, index: index ?? -1, field };
      this.info.set(raw, k);
    }
    return k;
  }
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

function sniff(section: Section): number {
  let seen = 0;
  for (let i = section.from; i < section.to && seen < 30; i++) {
    const l = section.lines[i]!;
    if (l.trim() === '') continue;
    seen++;
    if (/^\s*Cache type:\s+\S/i.test(l) || /^\s*(IPV4|IPV6) (SOURCE|DESTINATION) ADDRESS:/.test(l)) return 0.95;
    if (/^\s*(IPV4|IPV6) (SRC|DST) ADDR\b/.test(l) && i + 1 < section.to && isRule(section.lines[i + 1]!)) return 0.95;
    if (/^\s*Processed \d+ flows\s*$/i.test(l)) return 0.8;
  }
  return 0;
}

/** Field lines in the sample doubleSpaced reads, and the share of them a blank line must follow. */
const DOUBLE_SPACED_SAMPLE = 200;
const DOUBLE_SPACED_MIN = 8;
const DOUBLE_SPACED_SHARE = 0.9;

/**
 * A record-format cache as a web page or a mail renders it, a blank line after every line: nearly every field line
 * of the first ones is followed by a blank line (in a cache as printed, only each record's last one is). There, one
 * blank line does not end a record; two do, as does a key seen twice (the records' own separator).
 */
function doubleSpaced(section: Section): boolean {
  let fields = 0;
  let thenBlank = 0;
  // (The first lines only: a big cache read as bytes has millions of empty ones.)
  const end = Math.min(section.to, section.from + 4 * DOUBLE_SPACED_SAMPLE);
  for (let i = section.from; i + 1 < end && fields < DOUBLE_SPACED_SAMPLE; i++) {
    const l = section.lines[i]!;
    if (!isLetter(l.charCodeAt(0)) || !l.includes(':') || !fieldKey(l.slice(0, l.indexOf(':'))).field) continue;
    fields++;
    if (section.lines[i + 1]!.trim() === '') thenBlank++;
  }
  return fields >= DOUBLE_SPACED_MIN && thenBlank >= DOUBLE_SPACED_SHARE * fields;
}

/** Slots of the values that are addresses: a record with none of them is no flow of its own. */
const ADDRESS_SLOTS = [R.src4, R.dst4, R.src6, R.dst6, R.mac];
const SLOTS = ROLES_IN_ORDER.length;

/** A record with what the byte path (core/big-paste/fnf-records.ts) needs to take one: a source address and a packet count. */
function complete(v: RecordValues): boolean {
  return (v[R.src4] !== undefined || v[R.src6] !== undefined) && v[R.packets] !== undefined;
}

/**
 * A record's head: no source address and no packet count, and no value a flow uses but a MAC address (which a record
 * with an IPv4 source never uses): the ethertype, VLAN and MAC lines a pager mark cut off from the rest.
 */
function headOnly(v: RecordValues): boolean {
  for (let s = 0; s < SLOTS; s++) if (s !== R.mac && v[s] !== undefined) return false;
  return true;
}

/** A record none of whose fields is one the flows use (a VLAN, an ethertype, time stamps). */
function roleless(v: RecordValues): boolean {
  for (let s = 0; s < SLOTS; s++) if (v[s] !== undefined) return false;
  return true;
}

function parse(section: Section) {
  const warnings: Warning[] = [];
  const spaced = doubleSpaced(section);
  // A big cache read as bytes: its records read from bytes are counted already, and its table is sized for them.
  const fromBytes = fnfRecordsIn(section.lines, section.from, section.to);
  const sink = new RecordSink(warnings, fromBytes ? fromBytes.end - fromBytes.first : 0);
  const header = emptyHeader();
  const keys = new Keys();
  let selection: FnfSelection | undefined;
  let format: FlowMonitorCacheData['format'] = 'none';
  let layout: TableLayout | undefined;
  let csv: (Role | undefined)[] | undefined;
  let record: RecordValues | undefined;
  /** The open record's number (counted from 1), and the number of the record each key was last seen in. */
  let recordNo = 0;
  const seenIn: number[] = [];
  let recordLine = 0;
  // Records repeat their keys in one order: the previous record's keys are tried first, by startsWith (no slice, no hash).
  let prev: { raw: string; k: KeyInfo }[] = [];
  let cur: { raw: string; k: KeyInfo }[] = [];
  /**
   * Blank lines since the open record's last field. A pager mark left on a line of its own (normalised to a blank line)
   * or a stray blank line can fall between two fields of one record: the record stays open over one blank line while
   * it lacks a source address or a packet count, and goes on there when the next field is not one it has (a key seen
   * twice starts a record) and the lines after the blank do not hold a whole record of their own (see below).
   */
  let gap = 0;
  /**
   * The last record held an address, and only blank lines came since (records read from bytes hold one too). Field
   * lines there with no address (the time stamps of the record above, cut off by a pager mark) are its tail, not a
   * record with no source.
   */
  let afterAddressed = false;
  /** A record with a source address and a packet count was read (from text or bytes); the open record's last field line. */
  let sawComplete = false;
  let lastField = -1;
  const flush = () => {
    if (record && complete(record)) sawComplete = true;
    if (record) sink.add(record, recordLine);
    record = undefined;
    gap = 0;
    if (cur.length) [prev, cur] = [cur, []];
  };
  /** The open record ends at a blank line (or where a line that is no field follows one). */
  const endRecord = () => {
    const addressed = record !== undefined && ADDRESS_SLOTS.some((s) => record![s] !== undefined);
    flush();
    afterAddressed = addressed;
  };
  /** The open record is no record: fields with no value a flow uses, the head of the record below a blank line. */
  const discard = () => {
    record = undefined;
    gap = 0;
    if (cur.length) [prev, cur] = [cur, []];
  };
  /**
   * The field lines from line i on, up to a blank line, a line that is no field or a key seen twice: where they end and
   * which values they hold. Whether a record goes on over a blank line is decided by them, and never by the keys of a
   * record with a source and a packet count: the byte path may have read that one (its lines are empty here), and the
   * two paths must read the same. Lines with neither are text on both.
   */
  const chunkAt = (i: number, whole: boolean) => {
    const c = { end: i, address: false, role: false, src: false, packets: false, repeat: false };
    const seen = new Set<number>();
    for (let j = i; j < section.to; j++) {
      const l = section.lines[j]!;
      const at = l.indexOf(':');
      if (l.trim() === '' || at <= 0) break;
      const k = keys.of(l.slice(0, at));
      if (!k.field) break;
      if (seen.has(k.index)) {
        c.repeat = true;
        break;
      }
      seen.add(k.index);
      c.end = j + 1;
      if (k.slot < 0) continue;
      c.role = true;
      if (ADDRESS_SLOTS.includes(k.slot)) c.address = true;
      if (k.slot === R.src4 || k.slot === R.src6) c.src = true;
      if (k.slot === R.packets) c.packets = true;
      // (Past a record's first address nothing more is asked of it, unless a record is open over a blank line.)
      if (c.address && (!whole || (c.src && c.packets))) break;
    }
    return c;
  };
  /** Has the open record had the field of this line already (a key seen twice starts the next record)? */
  const seenInRecord = (line: string): boolean => {
    const at = line.indexOf(':');
    if (at <= 0) return false;
    const k = keys.of(line.slice(0, at));
    return k.index >= 0 && seenIn[k.index] === recordNo;
  };
  /** Is line i a field of the record format (as field() reads one)? */
  const isField = (line: string): boolean => {
    const at = line.indexOf(':');
    return at > 0 && keys.of(line.slice(0, at)).field;
  };
  /** A `KEY: value` line of the record format; false when the line is not one. */
  const field = (line: string, i: number): boolean => {
    const p = prev[cur.length];
    let entry: { raw: string; k: KeyInfo };
    if (p !== undefined && line.charCodeAt(p.raw.length) === 58 && line.startsWith(p.raw)) entry = p;
    else {
      const at = line.indexOf(':');
      if (at <= 0) return false;
      const raw = line.slice(0, at);
      const k = keys.of(raw);
      if (!k.field) return false;
      entry = { raw, k };
    }
    const k = entry.k;
    // A field seen twice starts the next record (some captures drop the blank line between records).
    if (record && k.index >= 0 && seenIn[k.index] === recordNo) flush();
    cur.push(entry);
    if (!record) {
      record = [];
      recordNo++;
      recordLine = i + 1;
      format = 'record';
    }
    if (k.index >= 0) seenIn[k.index] = recordNo;
    lastField = i;
    if (k.slot >= 0) record[k.slot] = line.slice(entry.raw.length + 1).trim();
    return true;
  };
  const { lines } = section;
  // A big cache read as bytes: its plain records came as columns (core/big-paste/fnf-records.ts), their lines empty
  // here. Each is taken at its first line, as the text path takes a record there (after a blank line: none is open).
  const pre = fromBytes?.table;
  let pk = fromBytes?.first ?? 0;
  const pEnd = fromBytes?.end ?? 0;
  for (let i = section.from; i < section.to; i++) {
    const line = lines[i]!;
    if (pk < pEnd && pre!.line[pk] === i + 1) {
      // The head of this record, cut off above it by one blank line: no record of its own, as on the text path (which
      // reads this record as a whole one, a source address and a packet count in it).
      if (record && gap === 1 && headOnly(record)) discard();
      flush();
      // With it, the records after it that only empty lines come between (the text path reads nothing there): at once.
      let pq = pk + 1;
      for (; pq < pEnd; pq++) {
        const start = pre!.line[pq]! - 1;
        let q = i + 1;
        while (q < start && lines[q]!.length === 0) q++;
        if (q < start) break;
        i = start;
      }
      if (pq - pk === 1) sink.addRecord(pre!, pk);
      else sink.addRecords(pre!, pk, pq);
      pk = pq;
      // A record, or a table's row (under a layout, which the rows' own lines never replace).
      if (!layout) format = 'record';
      // Its other lines are empty here, as is the blank line after it: blank lines, which only end a record (none is
      // open now), so they are passed over at once (2.2 million of them in a 78 MB cache).
      const next = pk < pEnd ? pre!.line[pk]! - 1 : section.to;
      while (i + 1 < next && lines[i + 1]!.length === 0) i++;
      afterAddressed = true;
      sawComplete = true;
      continue;
    }
    if ((gap > 0 || afterAddressed) && !layout && !csv && line.length > 0 && line.trim() !== '') {
      if (isField(line)) {
        const c = chunkAt(i, gap > 0);
        if (gap > 0) {
          const o = record!;
          if (c.src && c.packets) {
            // A whole record below (the byte path may read it, its keys unseen here): the open one is its head a pager
            // mark cut off (the ethertype, VLAN and MAC lines: no value a flow with a source uses), or a record of its own.
            if (headOnly(o)) discard();
            else endRecord();
          } else if (!seenInRecord(line)) gap = 0; // The rest of the open record: a field it has not had yet.
          else if (roleless(o) && c.role) discard();
          else endRecord();
        }
        if (!record && afterAddressed && !c.address && !c.repeat) {
          // The tail of the record above (its counters or time stamps after a pager mark): no flow of its own.
          if (c.role) warnings.push({ line: i + 1, message: `fields with no address after a blank line (lines ${i + 1}-${c.end}), the rest of the record above it cut off by a pager mark or a stray blank line: their values are not read` });
          i = c.end - 1;
          continue;
        }
      } else if (gap > 0) endRecord();
      afterAddressed = false;
    }
    // The hot path: a record field at the start of the line (nearly every line of a big cache).
    if (!layout && !csv && isLetter(line.charCodeAt(0)) && field(line, i)) continue;
    if (line.length === 0 || line.trim() === '') {
      // (Double-spaced: a record ends at two blank lines, or where a key repeats.)
      if (spaced) {
        if (i + 1 >= section.to || lines[i + 1]!.trim() === '') flush();
      } else if (record && (gap > 0 || complete(record))) endRecord();
      else if (record) gap++;
      continue;
    }
    if (readHeaderLine(line, i, header)) continue;
    const sel = readSelectionLine(line, i, selection);
    if (sel !== false) {
      selection = sel;
      continue;
    }
    if (isExecPromptTimestamp(line) || EMPTY.test(line) || XR_STAMP.test(line)) continue;
    // The rule under a table's header; in a double-spaced paste (a web page, a Word or Confluence export: a blank line
    // after every line) one blank line comes between them.
    const ruleAt = i + 1 < section.to && isRule(lines[i + 1]!) ? i + 1 : i + 2 < section.to && lines[i + 1]!.trim() === '' && isRule(lines[i + 2]!) ? i + 2 : -1;
    if (ruleAt > 0) {
      const l = tableLayout(line, lines[ruleAt]!);
      if (l) {
        flush();
        [layout, format] = [l, 'table'];
        i = ruleAt;
        continue;
      }
    }
    if (layout) {
      const cells = tableCells(line, layout);
      // The paste stops inside its last row, before the table's last column: cut, not a row to read.
      if (cells[cells.length - 1] === '' && endsUnended(lines, i)) {
        warnings.push(cutLineWarning(i, line));
        continue;
      }
      const v = valuesOf(cells, layout.roles);
      if (hasAddressValue(v)) sink.add(v, i + 1);
      else warnings.push(unreadLine(i, line, hasAddress(v) ? 'table row whose address column holds no address' : 'table row without an address'));
      continue;
    }
    const roles = csv ? undefined : csvRoles(line);
    if (roles) {
      [csv, format] = [roles, 'csv'];
      continue;
    }
    if (csv && line.includes(',')) {
      const cells = line.split(',').map((c) => c.trim());
      if (cells.length < csv.length && endsUnended(lines, i)) {
        warnings.push(cutLineWarning(i, line));
        continue;
      }
      const v = valuesOf(cells, csv);
      if (hasAddressValue(v)) sink.add(v, i + 1);
      else warnings.push(unreadLine(i, line, 'csv row whose address field holds no address'));
      continue;
    }
    if (!csv && !layout && field(line, i)) continue;
    warnings.push(unreadLine(i, line));
  }
  // The paste ends inside its last record: the records above had a source address and a packet count, this one lacks
  // one (cut off below it). Its fields are there but the flow is not whole: reported as cut, never blamed on the
  // router's flow record ("no packet counter", "no source address").
  if (record && !complete(record) && sawComplete && !spaced && onlyBlankAfter(lines, lastField)) {
    const missing = [record[R.src4] === undefined && record[R.src6] === undefined ? 'source address' : '', record[R.packets] === undefined ? 'packet count' : ''].filter(Boolean).join(' and ');
    warnings.push({ line: recordLine, message: `the paste ends inside this record (lines ${recordLine}-${lastField + 1}): its ${missing} and what follows are cut off, not read` });
    discard();
  }
  flush();
  if (fromBytes) tookFnfRecords(section.lines, fromBytes, sink.adopted === fromBytes.table);
  const flows = sink.finish();
  const records = sink.records;
  // (A command typed with `filter` or `top` shows the entries that match: fewer than the header counts, by design.)
  const filtered = section.args !== undefined && /\b(?:filter|top)\b/i.test(section.args);
  if (header.currentEntries !== undefined && !selection && !filtered && header.currentEntries !== records) {
    warnings.push({
      line: header.figureLines.currentEntriesLine!,
      message: `the header says ${plural(header.currentEntries, 'current entry', 'current entries')} but ${plural(records, 'flow record is', 'flow records are')} shown: counted what is shown (the output was trimmed or edited)`,
    });
  }
  if (flows.layer2Only > 0) {
    warnings.push({
      line: flows.layer2Line!,
      message: `${plural(flows.layer2Only, 'record carries', 'records carry')} MAC addresses only (a layer-2 flow record): no IP address, so no host can be judged from ${flows.layer2Only === 1 ? 'it' : 'them'}`,
    });
  }
  if (flows.withoutSource > 0) {
    warnings.push({
      line: flows.withoutSourceLine!,
      message: `${plural(flows.withoutSource, 'record has', 'records have')} no source address: the flow record does not match on it (add "match ipv4 source address" to the record), so the sending hosts stay hidden`,
    });
  }
  if (flows.withoutPackets > 0) {
    warnings.push({
      line: section.to > section.from ? section.from + 1 : Math.max(1, section.from),
      message: `the flow record has no packet counter: ${plural(flows.withoutPackets, 'flow')} cannot be told answered or unanswered`,
    });
  }
  if (records === 0 && !emptySaid(section)) {
    warnings.push({ line: section.to > section.from ? section.from + 1 : Math.max(1, section.from), message: 'no flow records: the cache is empty, so no host can be judged from it' });
  }
  const pressure = cachePressure(header);
  const data: FlowMonitorCacheData = {
    ...flows,
    format,
    ...(headerRead(header) ? { cache: header } : {}),
    ...(pressure ? { pressure } : {}),
    ...(selection ? { selection } : {}),
  };
  return { data, records, warnings };
}

/** Are the lines after line index i, to the paste's end, all blank? */
function onlyBlankAfter(lines: readonly string[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trim() !== '') return false;
  return true;
}

/** "There are no cache entries to display." already says it: no second warning. */
function emptySaid(section: Section): boolean {
  for (let i = section.from; i < section.to; i++) if (EMPTY.test(section.lines[i]!)) return true;
  return false;
}

export const flowMonitorCacheParser: ParserDef<'show flow monitor cache', FlowMonitorCacheData> = {
  kind: 'show flow monitor cache',
  // The kind's own words too, so `show flow monitor cache` (as the report names it) is read as it.
  commands: ['show flow monitor * cache', 'show flow monitor name * cache', 'show flow monitor cache'],
  sniff,
  parse,
};
