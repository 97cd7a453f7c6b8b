// What a scanner of a big paste's later segment hands back (ScanPart), and what a continuation of a Flexible NetFlow
// cache assumes and keeps (FnfStart, FnfTail, FnfRegion): the contract between FlowDumpScanner (prescan.ts) and the
// CLI's readers of segments (cli/flow-scan.ts, cli/read-flow-dump.ts).
import type { FlowTable } from '../parsers/flow-table';
import type { FnfRecordTable, VerboseTable } from '../parsers/show-ip-cache-flow/prescanned';
import type { FnfBuffers } from './fnf-records';
import type { TrackerState } from './section-tracker';

/** A later part of a paste read by a continuation scanner (line numbers from 1 within the part). */
export interface ScanPart {
  rows: FlowTable;
  offsets: Uint32Array;
  textIndex: number[];
  text: string[];
  lineCount: number;
  /**
   * Where a continuation's tracker stood at its end. Valid when the continuation's assumption held (the text before
   * it ended inside a cache-flow table): the joining scanner then takes it over, so a later part is checked against
   * where this one really ended, not where the first one did.
   */
  tracker?: TrackerState;
  /** Flexible NetFlow records a continuation read from bytes (one reading a cache's later segment: FnfStart). */
  fnf?: FnfRecordTable;
  /** Where a Flexible NetFlow continuation stood at its end (to take over with its tracker). */
  fnfTail?: FnfTail;
  /** Its rows count bytes (NX-OS rows): their bytes column is copied when the part is joined. */
  bytes?: boolean;
  /** Verbose cache records a continuation read from bytes (one reading a verbose cache's later segment: startFrom). */
  verbose?: VerboseTable;
  /** The paste's last line, its last, has no line end after it (text/line-end.ts). */
  unended?: boolean;
}

/**
 * Where a reader of a Flexible NetFlow cache stands between two lines, beyond its tracker: after a blank line (a
 * record may start next), and its last text line with that line's index (a rule after a header starts a table).
 */
export interface FnfTail {
  afterBlank: boolean;
  prevText: string;
  prevTextIndex: number;
}

/**
 * What a continuation that reads a later segment of a Flexible NetFlow cache assumes of the text before it: the
 * tracker's state and whether the segment follows a blank line. The scanner that joins it checks the assumption
 * (fnfContinues).
 */
export interface FnfStart {
  tracker: TrackerState;
  afterBlank: boolean;
  /** Records a byte at the cache's start: a continuation reserves room for its part at once (no doubling). */
  recordsPerByte?: number;
}

/** Where a segment of a Flexible NetFlow cache keeps its records: records [from, end) of the shared columns `bufs`. */
export interface FnfRegion {
  bufs: FnfBuffers;
  from: number;
  end: number;
}
