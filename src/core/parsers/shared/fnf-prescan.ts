// What a big Flexible NetFlow cache read as bytes hands its parser (show-flow-monitor-cache): the records read from
// bytes (core/big-paste/fnf-records.ts), kept with the paste's other pre-scanned facts (show-ip-cache-flow/prescanned.ts).
import { firstRowAtOrAfter, prescanOfLines, type FnfRecordTable } from '../show-ip-cache-flow/prescanned';

export type { FnfRecordTable };

/** The records read from bytes among lines[from, to) (0-based), as [first, end) indexes of `table`; none for text. */
export function fnfRecordsIn(lines: readonly string[], from: number, to: number): { table: FnfRecordTable; first: number; end: number } | undefined {
  const table = prescanOfLines(lines)?.fnf;
  if (!table) return undefined;
  const first = firstRowAtOrAfter(table, from + 1);
  const end = firstRowAtOrAfter(table, to + 1);
  // (A section none of whose records came from bytes: its lines are all text.)
  if (first >= end) return undefined;
  // Let go once taken (tookFnfRecords): a second reading would find no values, so it must never happen quietly.
  if (table.src.length < table.count) throw new Error('Flexible NetFlow records read from bytes were asked for again after the diagnosis let them go');
  return { table, first, end };
}

/** Records each table's parser has taken so far (tookFnfRecords). */
const taken = new WeakMap<FnfRecordTable, number>();

/**
 * The parser has taken records [first, end) of `table` into its flow table. Where the paste is diagnosed once
 * (Prescan.fnfOnce: the CLI), the values of every record go once all are taken (a 1,200,000-record cache: 48 MB that
 * otherwise lived through the whole analysis beside the flow table made of them); `line` and `offsets` stay, to quote
 * a record's line as evidence.
 */
export function tookFnfRecords(lines: readonly string[], r: { table: FnfRecordTable; first: number; end: number }, adopted = false): void {
  if (!prescanOfLines(lines)?.fnfOnce) return;
  const n = (taken.get(r.table) ?? 0) + (r.end - r.first);
  taken.set(r.table, n);
  if (n < r.table.count) return;
  const t = r.table;
  // (Columns the parser's flow table took as its own (`adopted`: FlowTableBuilder.adoptColumns) stay with it.)
  const freed = adopted ? [t.proto, t.srcIf, t.dstIf] : [t.src, t.dst, t.srcPort, t.dstPort, t.proto, t.srcIf, t.dstIf, t.packets, t.bytes];
  const bytes = freed.reduce((b, a) => b + a.buffer.byteLength, 0);
  t.src = t.dst = new Uint32Array(0);
  t.srcPort = t.dstPort = t.proto = t.srcIf = t.dstIf = new Int32Array(0);
  t.packets = t.bytes = new Float64Array(0);
  letGo += bytes;
}

/** Bytes of values let go (tookFnfRecords) since fnfValuesLetGo last said. */
let letGo = 0;

/**
 * Bytes of Flexible NetFlow values the parsers let go since the last call (for the diagnosis to collect once the
 * parsers have returned: a collection inside a parser, whose frame may still hold the columns, frees nothing).
 */
export function fnfValuesLetGo(): number {
  const n = letGo;
  letGo = 0;
  return n;
}
