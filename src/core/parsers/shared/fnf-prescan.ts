// What a big Flexible NetFlow cache read as bytes hands its parser (show-flow-monitor-cache): the records read from
// bytes (core/big-paste/fnf-records.ts), kept with the paste's other pre-scanned facts (show-ip-cache-flow/prescanned.ts).
import { firstRowAtOrAfter, prescanOfLines, type FnfRecordTable } from '../show-ip-cache-flow/prescanned';

export type { FnfRecordTable };

/** The records read from bytes among lines[from, to) (0-based), as [first, end) indexes of `table`; none for text. */
export function fnfRecordsIn(lines: readonly string[], from: number, to: number): { table: FnfRecordTable; first: number; end: number } | undefined {
  const table = prescanOfLines(lines)?.fnf;
  if (!table) return undefined;
  return { table, first: firstRowAtOrAfter(table, from + 1), end: firstRowAtOrAfter(table, to + 1) };
}
