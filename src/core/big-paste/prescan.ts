// Big pastes as bytes: the flows of the tables the byte path reads (`show ip cache flow` rows, Flexible NetFlow records
// and rows, verbose cache records, MLS NetFlow entries, NX-OS rows) are read without making strings; what a
// continuation hands back is in scan-part.ts, the text of other lines in line-text.ts. Where the text stands is section-tracker.ts's (it splits and detects sections
// like diagnose does, so it needs the command index): hence both live above the parsers.
import { normaliseLine } from '../text/normalise';
import { markLastLineUnended } from '../text/line-end';
import { decodeUtf8, type LinesAt, linesAtBytes, type Prescan } from '../parsers/show-ip-cache-flow/prescanned';
import type { FlowTable } from '../parsers/flow-table';
import { type ColumnBuffers, FlowColumns } from '../parsers/show-ip-cache-flow/flow-columns';
import { type LinesSkipped, scanRows } from '../parsers/show-ip-cache-flow/scan-rows';
import { pagerBlank, pagerTextStart } from '../text/pager-marks';
import { lineBytes, readRow, ROW_OK } from '../parsers/show-ip-cache-flow/row-bytes';
import { headStampKind, headStampKindIfSure, STAMP_HEAD_BYTES, stampPattern } from '../text/line-stamps';
import { BlankedCursor, blankStamps, restoreStamps } from './blank-stamps';
import { readFirstLine, readSecondLine, runVerbose, VerboseRecords, verboseRunEnd } from './verbose-records';
import { nxRunEnd, readNxRow, runNx } from './nx-rows';
import { commitMlsEntry, mlsRunEnd, newMlsEntry, readMlsCounters, readMlsEntry, runMls } from './mls-entries';
import { byteLayout } from './fnf-bytes';
import { type FnfBuffers, FnfRecords } from './fnf-records';
import { csvRoles, isRule, tableCells, tableLayout } from '../parsers/show-flow-monitor-cache/table-format';
import { R } from '../parsers/show-flow-monitor-cache/record-fields';
import { tableHeaderHere } from '../parsers/show-flow-monitor-cache/parser';
import { lineWithoutNote } from '../text/field-notes';
import { FlowSectionTracker, type TrackerState } from './section-tracker';
import type { FnfRegion, FnfStart, FnfTail, ScanPart } from './scan-part';
import { hasByte, isBlank, LineText, nextLineStart } from './line-text';

/** Bytes of a text line read as a row (FlowDumpScanner.takeTextRow). */
const textRowScratch = { buf: new Uint8Array(256) };

/**
 * Reads a paste fed in chunks of whole lines (so a file never has to sit in memory whole). Lines end at \n,
 * \r\n or a lone \r, as normalise.ts splits them; flow rows become columns, other lines normalised text. Its rows
 * are cache-flow rows, which count no bytes: their bytes column is never written (0, FlowTable.bytes), nor copied
 * when parts are joined, so its pages are never touched (8.8 MB of memory for a 79 MB capture). NX-OS `show flow
 * cache` rows (nx-rows.ts) do count bytes: a part that holds some says so (ScanPart.bytes), and its column is copied.
 */
export class FlowDumpScanner {
  private cols: FlowColumns;
  private textIndex: number[] = [];
  private text: string[] = [];
  private lineCount = 0;
  private tracker = new FlowSectionTracker();
  /** The paste's per-line time stamp (a stamped terminal log), blanked before each piece is scanned; null for none. */
  private readonly stamp: RegExp | null;
  /**
   * Verbose cache records read from bytes: by the scanner that reads a paste from its start, or a continuation that
   * starts under a verbose cache's records (startFrom).
   */
  private collectVerbose: boolean;
  /** It reads a later segment of a paste (its verbose records go in its part). */
  private readonly continuation: boolean;
  private verbose: VerboseRecords | undefined;
  /** Flexible NetFlow records read from bytes: by the scanner that reads a paste from its start only, as verbose ones. */
  private fnf: FnfRecords | undefined;
  /** The last text line was blank (a record starts only after one, as its parser's records end at one). */
  private fnfAfterBlank = false;
  /** Rows that count bytes (NX-OS rows, MLS entries) were read or joined: the bytes column is in use. */
  private countsBytes = false;
  /** The paste's last line has no line end after it (text/line-end.ts): told to the parsers by the lines `finish` makes. */
  private unended = false;
  /** The MLS entry whose first line was read from bytes, waiting for its counters line (feed). */
  private readonly mlsEntry = newMlsEntry();

  /**
   * `sizeHint`: the bytes this scanner will see, to size the columns once (rows are ~80 bytes in device output).
   * `continuation`: it reads a later part of a paste, assumed to start inside a cache-flow table; the caller
   * checks that assumption against where the earlier part ended (`inFlowTable`) before `appendPart`.
   * `stamp`: the paste's kind of per-line time stamp (stampKindOfBytes on its start; -1 for none), the same for
   * every part of it.
   * `fnfStart`, `fnfRegion`: a later segment of a Flexible NetFlow cache, read from that state, its records kept in that
   * region of the cache's shared columns (else in room of its own).
   */
  constructor(sizeHint: number, continuation = false, cols?: FlowColumns, stamp = -1, fnfStart?: FnfStart, fnfRegion?: FnfRegion) {
    this.cols = cols ?? new FlowColumns(Math.max(1024, Math.ceil(sizeHint / 72)));
    if (continuation) {
      // A later segment of a Flexible NetFlow cache, or (as a rule) of a cache-flow table.
      if (fnfStart) {
        this.tracker.restore(fnfStart.tracker);
        this.fnfAfterBlank = fnfStart.afterBlank;
        // Its records into its region of the cache's shared columns, else into room of its own, taken at once.
        if (fnfRegion) (this.fnf = new FnfRecords()).share(fnfRegion.bufs, fnfRegion.from, fnfRegion.end);
        else if (fnfStart.recordsPerByte) (this.fnf = new FnfRecords()).reserve(Math.ceil(sizeHint * fnfStart.recordsPerByte * 1.1));
      } else this.tracker.assumeFlowTable();
    }
    this.stamp = stampPattern(stamp);
    this.collectVerbose = !continuation;
    this.continuation = continuation;
    this.collectFnf = !continuation || fnfStart !== undefined;
  }

  /** Flexible NetFlow records read from bytes: by the scanner of a paste's start, or of a cache's later segment. */
  private readonly collectFnf: boolean;

  /**
   * Where this scanner stands now, as a continuation of a Flexible NetFlow cache would start from it (records: after a
   * blank line); undefined when the text so far does not end under such a cache's records, table or csv.
   */
  fnfStartHere(): FnfStart | undefined {
    const t = this.tracker;
    if (!t.inFnf() || (!t.fnfRecordsHere() && !t.fnfTableHere() && !t.fnfCsvHere())) return undefined;
    return { tracker: t.state(), afterBlank: t.fnfRecordsHere() };
  }

  /**
   * Where this scanner stands now, as a continuation of an NX-OS flow cache's IPv4 rows or of a `show mls netflow ip`
   * table's entries would start from it (startFrom); undefined when the text so far does not end under such rows.
   */
  rowsStartHere(): TrackerState | undefined {
    return this.stamp === null && this.tracker.rowsHere() ? this.tracker.state() : undefined;
  }

  /** A continuation that starts in this state (rowsStartHere's), not inside a cache-flow table. Before any line. */
  startFrom(state: TrackerState): void {
    this.tracker.restore(state);
    if (state.verboseRecords) this.collectVerbose = true;
  }

  /**
   * Does the text read so far end where a continuation starts: in state `start` (an NX-OS cache's rows, MLS entries:
   * startFrom), or without one, inside a cache-flow table?
   */
  continuesAs(start: TrackerState | undefined): boolean {
    return start ? this.tracker.sameRowsState(start) : this.tracker.inFlowTable();
  }

  /** Flexible NetFlow records read from bytes so far. */
  get fnfCount(): number {
    return this.fnf?.count ?? 0;
  }

  /** Room for about `n` Flexible NetFlow records in all (the parts still to join included), taken at once. */
  reserveFnf(n: number): void {
    (this.fnf ??= new FnfRecords()).reserve(Math.ceil(n));
  }

  /**
   * Keep Flexible NetFlow records in the shared columns `b` from record 0, up to `end` (where the next segment's region
   * starts): parts read into later regions of `b` are then joined where they lie (FnfRecords.append).
   */
  shareFnf(b: FnfBuffers, end: number): void {
    (this.fnf ??= new FnfRecords()).share(b, 0, end);
  }

  /** Records of this scanner may now reach `end` of the shared columns (the regions before it are this thread's). */
  fnfShareUpTo(end: number): void {
    this.fnf?.shareUpTo(end);
  }

  /** Records of this scanner in arrays of its own from now on (the other thread may still write the shared columns). */
  detachFnf(): void {
    this.fnf?.detach();
  }

  /**
   * Would this scanner read a part that a continuation read from `start` the same way? Its state now is `start`'s, and
   * the part does not open with a rule where this scanner's last line was text (a header: the rule would start a table
   * the continuation could not see).
   */
  fnfContinues(start: FnfStart, part: { textIndex: readonly number[]; text: readonly string[] }): boolean {
    if (!this.tracker.sameFnfState(start.tracker)) return false;
    if (start.tracker.fnfRecords && this.fnfAfterBlank !== start.afterBlank) return false;
    const lastWasText = this.prevTextIndex === this.lineCount - 1 && this.prevText.trim() !== '';
    return !(lastWasText && part.textIndex[0] === 0 && isRule(lineWithoutNote(part.text[0]!)));
  }

  /**
   * Give interface names their indexes up front, in this order (names a sample of the paste showed), so that parts
   * read apart with the same seed agree on them and joining them needs no renumbering. Before any row is read.
   */
  seedInterfaces(names: readonly string[]): void {
    for (const n of names) this.cols.ifIndexOfName(n);
  }

  /** Interface names in index order. */
  get interfaceNames(): readonly string[] {
    return this.cols.ifNames;
  }

  /** Rows read so far. */
  get rowCount(): number {
    return this.cols.n;
  }

  /** The rows read so far as a table (views, no copy; later rows keep these indexes). */
  rowsSoFar(): FlowTable {
    return this.cols.finish().table;
  }

  /** Text lines and line count of what this scanner read (its rows stay in its columns). */
  textPart(): Omit<ScanPart, 'rows' | 'offsets'> & { ifNames: string[] } {
    return { textIndex: this.textIndex, text: this.text, lineCount: this.lineCount, ifNames: this.cols.ifNames, tracker: this.tracker.state(), ...this.fnfPart(), ...this.verbosePart(), ...(this.countsBytes ? { bytes: true } : {}), ...(this.unended ? { unended: true } : {}) };
  }

  /** A continuation's verbose records (nothing for the scanner of a paste's start, which keeps them to finish). */
  private verbosePart(): Pick<ScanPart, 'verbose'> {
    return this.continuation && this.verbose && this.verbose.count > 0 ? { verbose: this.verbose.finish() } : {};
  }

  /** Room for about `n` verbose records in all (the parts still to join included), taken at once. */
  reserveVerbose(n: number): void {
    (this.verbose ??= new VerboseRecords()).reserve(Math.ceil(n));
  }

  /** Verbose records read from bytes so far. */
  get verboseCount(): number {
    return this.verbose?.count ?? 0;
  }

  /** A Flexible NetFlow continuation's records and where it stood at its end (nothing for other scanners). */
  private fnfPart(): Pick<ScanPart, 'fnf' | 'fnfTail'> {
    if (this.collectVerbose || !this.collectFnf) return {};
    const tail: FnfTail = { afterBlank: this.fnfAfterBlank, prevText: this.prevText, prevTextIndex: this.prevTextIndex };
    return { fnfTail: tail, ...(this.fnf && this.fnf.count > 0 ? { fnf: this.fnf.finish() } : {}) };
  }

  /** A part's Flexible NetFlow records and end state, taken over after this scanner's `base` lines. */
  private takeFnf(p: Pick<ScanPart, 'fnf' | 'fnfTail'>, base: number): void {
    if (p.fnf) (this.fnf ??= new FnfRecords()).append(p.fnf, base);
    if (p.fnfTail) {
      this.fnfAfterBlank = p.fnfTail.afterBlank;
      this.prevText = p.fnfTail.prevText;
      this.prevTextIndex = p.fnfTail.prevTextIndex < 0 ? -2 : p.fnfTail.prevTextIndex + base;
    }
  }

  /**
   * Take the rows a continuation scanner wrote into rows [from, from + count) of the same shared buffers this
   * scanner's columns view from row 0: move them down behind this scanner's rows (no second copy of the table).
   * Returns false (nothing done) when this scanner's columns outgrew the shared buffers; use appendPart then.
   */
  absorbAdjacent(b: ColumnBuffers, from: number, count: number, text: Omit<ScanPart, 'rows' | 'offsets'> & { ifNames: string[] }): boolean {
    const mine = this.cols;
    if (!mine.uses(b)) return false;
    const base = this.lineCount;
    // The text lines first, the row loops last: the text part comes from the other thread or from this one (objects
    // and arrays of two shapes each), and a first look at one after a long loop throws that loop's optimised code away.
    const { textIndex, text: lines, lineCount, tracker } = text;
    for (let k = 0; k < textIndex.length; k++) {
      this.textIndex.push(base + textIndex[k]!);
      this.text.push(lines[k]!);
    }
    this.takeFnf(text, base);
    if (text.verbose) (this.verbose ??= new VerboseRecords()).append(text.verbose, base);
    if (lineCount > 0) this.unended = text.unended === true;
    this.lineCount += lineCount;
    if (tracker) this.tracker.restore(tracker);
    const o = mine.n;
    const full = new FlowColumns(b.cap, b, 0);
    full.setInterfaceNames(mine.ifNames);
    // One call per column (each call site sees one array type: a loop over the eleven would be megamorphic).
    full.srcIf.copyWithin(o, from, from + count);
    full.dstIf.copyWithin(o, from, from + count);
    full.src.copyWithin(o, from, from + count);
    full.dst.copyWithin(o, from, from + count);
    full.proto.copyWithin(o, from, from + count);
    full.srcPort.copyWithin(o, from, from + count);
    full.dstPort.copyWithin(o, from, from + count);
    full.packets.copyWithin(o, from, from + count);
    if (text.bytes) {
      full.bytes.copyWithin(o, from, from + count);
      this.countsBytes = true;
    }
    full.line.copyWithin(o, from, from + count);
    full.offset.copyWithin(o, from, from + count);
    const remap = text.ifNames.map((name) => full.ifIndexOfName(name));
    // Everything but the loops is done before them: code compiled while a loop runs (on-stack replacement) would meet
    // statements after it that had never run, and be thrown away at the end of every call.
    const end = o + count;
    full.n = end;
    this.cols = full;
    // Parts whose interface names were seeded alike (seedInterfaces) keep their indexes: only line numbers move.
    if (remap.every((to, from) => to === from)) {
      const line = full.line;
      for (let k = o; k < end; k++) line[k] = line[k]! + base;
    } else {
      for (let k = o; k < end; k++) {
        full.srcIf[k] = remap[full.srcIf[k]!]!;
        full.dstIf[k] = remap[full.dstIf[k]!]!;
        full.line[k] = full.line[k]! + base;
      }
    }
    return true;
  }

  /** Keep the rows in private arrays from now on (before appending a part that could outgrow a shared region). */
  detach(): void {
    this.cols.detach();
  }

  /** Does the text read so far end inside a cache-flow table? */
  inFlowTable(): boolean {
    return this.tracker.inFlowTable();
  }

  /** What a continuation scanner read, as plain data that can cross a worker boundary (typed arrays transfer). */
  part(): ScanPart {
    const { table, offsets } = this.cols.finish();
    return { rows: table, offsets, textIndex: this.textIndex, text: this.text, lineCount: this.lineCount, tracker: this.tracker.state(), ...this.fnfPart(), ...this.verbosePart(), ...(this.countsBytes ? { bytes: true } : {}), ...(this.unended ? { unended: true } : {}) };
  }

  /** Append a part read by a continuation scanner from where this one stopped; line numbers move up. */
  appendPart(p: ScanPart): void {
    const base = this.lineCount;
    for (let k = 0; k < p.textIndex.length; k++) {
      this.textIndex.push(base + p.textIndex[k]!);
      this.text.push(p.text[k]!);
    }
    this.cols.appendTable(p.rows, p.offsets, base, p.bytes === true);
    if (p.bytes) this.countsBytes = true;
    this.takeFnf(p, base);
    if (p.verbose) (this.verbose ??= new VerboseRecords()).append(p.verbose, base);
    if (p.lineCount > 0) this.unended = p.unended === true;
    this.lineCount += p.lineCount;
    if (p.tracker) this.tracker.restore(p.tracker);
  }

  /**
   * Feed bytes buf[0, len) that start `position` bytes into the paste. Only whole lines are read, and (unless
   * `final`) not a Flexible NetFlow record or row the end of buf may cut: returns how many bytes were used; the caller
   * passes the rest again, with more. `final`: nothing follows, read it all.
   * `scratch`: buf is the caller's read buffer, read again from the file for evidence, so a stamped log's stamps
   * blanked in it need not be put back.
   * `nextHasEquals` (with `final`): whether the paste's next line holds an '=', for a segment of a paste that goes on;
   * null where nothing follows. A table's last row waits for that line (a rule makes the row another table's header);
   * told, the row is read from bytes or not as the whole paste's reading would, instead of the text way always. With
   * null, a record open at the end is whole too.
   */
  feed(buf: Uint8Array, len: number, position: number, final: boolean, scratch = false, nextHasEquals?: boolean | null): number {
    let end = len;
    if (!final) {
      end = buf.lastIndexOf(10, len - 1) + 1;
      if (end === 0) return 0;
    } else this.unended = len > 0 && buf[len - 1] !== 10 && buf[len - 1] !== 13;
    const base = this.lineCount;
    const text = new LineText(buf, end);
    // A stamped log: the stamps blanked for the row loops, taken off the text lines, and put back at the end.
    const blanked = this.stamp ? blankStamps(buf, end, this.stamp, !scratch) : null;
    const stamps = blanked ? new BlankedCursor(blanked) : null;
    const asText = (s: number, e: number, idx: number): boolean => {
      let raw = text.line(s, e);
      if (stamps) {
        const l = stamps.lengthAt(s);
        if (l > 0) raw = raw.slice(l);
      }
      const t = normaliseLine(raw);
      const wasInFlow = this.tracker.inFlow;
      const inFlow = this.tracker.line(t);
      // A row the clean loop left (a pager mark before it, a tab, an odd space...) that the text path reads as a row
      // all the same: a row here too, in line order. Kept as text it was merged into the rows later, and a big
      // capture's analysis then dropped the first pass it had run while reading (the CLI on 1,000,000 rows with a pager
      // mark every 23 lines: 0.91 -> 0.72 s, 232 -> 161 MB; 0.51 s without the marks). Its evidence is read back and
      // normalised (restoreRowLines).
      if (wasInFlow && inFlow && this.takeTextRow(t, base + idx + 1, position + s)) return inFlow;
      if (this.textIndex.length >= MAX_TEXT_LINES) throw new Error(tooManyLinesWords(base + idx + 1));
      this.textIndex.push(base + idx);
      this.text.push(t);
      if (fr !== null && this.tracker.inFnf()) this.fnfHeaderAndRule(t, base + idx);
      return inFlow;
    };
    // A verbose cache's records, read from bytes where its parser would read a record (tracker.verboseRecordNext): a
    // first line waits for its second; if the next line is not one, the first goes the text way, then that line.
    const vr = this.collectVerbose ? (this.verbose ??= new VerboseRecords()) : null;
    let pending = -1;
    let pendS = 0;
    let pendE = 0;
    let pendIdx = 0;
    const flushPending = () => {
      pending = -1;
      asText(pendS, pendE, pendIdx);
    };
    // A Flexible NetFlow cache's records, read from bytes where its parser would read record fields
    // (tracker.fnfRecordsHere), each from the line after a blank one to the next blank one; a record the parser would
    // read otherwise (or warn about), or one cut by the end of this piece, goes the text way, line by line, in order.
    const fr = this.collectFnf && !stamps ? (this.fnf ??= new FnfRecords()) : null;
    // The open record's lines: bytes [bS[k], bE[k]) of line bIdx[k], k < nB (kept, not emptied: a length set to 0 on
    // every record cost more than the record's own lines).
    const bS: number[] = [];
    const bE: number[] = [];
    const bIdx: number[] = [];
    let nB = 0;
    const endBlock = (blank: boolean) => {
      if (!(blank && fr!.commit(base + bIdx[0]! + 1, position + bS[0]!))) for (let k = 0; k < nB; k++) asText(bS[k]!, bE[k]!, bIdx[k]!);
      nB = 0;
    };
    // A table's row waits for the next line: a rule there makes it the header of another table (the parser's reading).
    let rowS = -1;
    let rowE = 0;
    let rowIdx = 0;
    const endRow = (commit: boolean) => {
      if (!(commit && fr!.commit(base + rowIdx + 1, position + rowS))) asText(rowS, rowE, rowIdx);
      rowS = -1;
    };
    // A `show mls netflow ip` entry, read from bytes where its parser would read one (tracker.mlsEntryNext): its first
    // line waits for its counters line; if the next line is not one, the first goes the text way, then that line.
    const me = this.mlsEntry;
    let mlsS = -1;
    let mlsE = 0;
    let mlsIdx = 0;
    const flushMls = () => {
      const from = mlsS;
      mlsS = -1;
      asText(from, mlsE, mlsIdx);
    };
    const skip: LinesSkipped = { to: 0, lines: 0 };
    /**
     * After a record, entry or row read from bytes that ends at e (line idx): the ones after it read in one loop by
     * `run` (from the next line's start, its line number), which the row loop then skips to `runEnd()`. Not where the
     * clean-row loop may take a line as a cache-flow row first (runs pass no line to it).
     */
    const runAfter = (e: number, idx: number, run: (from: number, firstLine: number) => number, runEnd: () => number): void => {
      const next = nextLineStart(buf, e, end);
      if (next <= 0 || this.tracker.inFlow) return;
      const k = run(next, base + idx + 2);
      if (k > 0) {
        skip.to = runEnd();
        skip.lines = k;
      }
    };
    const r = scanRows(buf, 0, end, this.cols, this.tracker.inFlow, base + 1, (s, e, idx) => {
      // Where the line's text starts on the screen: after an erased pager mark (a capture without `terminal length 0`:
      // one line in 23), else its start. Records, rows and verbose lines are read from there (their offsets and the
      // text way keep the whole line); read the text way, 65% of a paged cache's records took 6 times the time.
      const at = pagerTextStart(buf, s, e);
      const layout = fr !== null ? this.tracker.fnfTableHere() : undefined;
      // (Under no table, a csv header's columns: the parser reads a table's rows first.)
      const csv = fr !== null && layout === undefined ? this.tracker.fnfCsvHere() : undefined;
      if (layout !== undefined || csv !== undefined) {
        if (rowS >= 0) endRow(!hasByte(buf, s, e, 61));
        if (layout !== undefined ? fr!.tableRow(buf, at, e, layout) : fr!.csvRow(buf, at, e, csv!)) {
          rowS = s;
          rowE = e;
          rowIdx = idx;
          // The rows after it, in one loop (runRows), up to a line that is not one or a rule. (Not where the clean-row
          // loop may take a line as a cache-flow row first: runs pass no line to it.)
          const next = nextLineStart(buf, e, end);
          if (next > 0 && !this.tracker.inFlow) {
            const k = fr!.runRows(buf, next, end, layout, csv, base + idx + 2, position, s, base + idx + 1);
            if (fr!.runPendS < 0) rowS = -1;
            else if (k > 0) {
              rowS = fr!.runPendS;
              rowE = fr!.runPendE;
              rowIdx = idx + k;
            }
            if (k > 0) {
              skip.to = fr!.runEnd;
              skip.lines = k;
            }
          }
          return undefined;
        }
        return asText(s, e, idx);
      }
      if (rowS >= 0) endRow(true);
      if (fr !== null && this.tracker.fnfRecordsHere()) {
        // (A pager mark erased before a blank line is one too: the text way reads it as '', as its own.)
        if (isBlank(buf, s, e) || pagerBlank(buf, s, e)) {
          if (nB > 0) endBlock(true);
          this.fnfAfterBlank = true;
          // An empty line (one a record) is '' in the lines already, and no reader of the text looks for it (the
          // tracker passes over blank lines, split.ts finds no prompt in one): not kept as text, which cost more than
          // the record before it. A line of blanks or a blank line's pager mark still goes the text way (its
          // normalised text is the parser's).
          const inFlow = s !== e ? asText(s, e, idx) : undefined;
          // The records after it that repeat the last one's keys, in one loop (runRecords); line by line from the
          // first that does not.
          runAfter(e, idx, (from, line) => fr.runRecords(buf, from, end, line, position), () => fr.runEnd);
          return inFlow;
        }
        if (nB > 0 || this.fnfAfterBlank) {
          if (nB === 0) fr.begin();
          if (fr.field(buf, at, e)) {
            bS[nB] = s;
            bE[nB] = e;
            bIdx[nB++] = idx;
            this.fnfAfterBlank = false;
            return undefined;
          }
          if (nB > 0) endBlock(false);
        }
        this.fnfAfterBlank = false;
        return asText(s, e, idx);
      }
      if (mlsS >= 0) {
        if (readMlsCounters(buf, at, e, me)) {
          commitMlsEntry(me, buf, this.cols, base + mlsIdx + 1, position + mlsS);
          this.countsBytes = true;
          mlsS = -1;
          // The entries after it, in one loop (runMls), up to one it does not read.
          runAfter(e, idx, (from, line) => runMls(buf, from, end, me, this.cols, line, position), () => mlsRunEnd.at);
          return undefined;
        }
        flushMls();
      }
      if (!stamps && this.tracker.mlsEntryNext() && readMlsEntry(buf, at, e, me)) {
        mlsS = s;
        mlsE = e;
        mlsIdx = idx;
        return undefined;
      }
      // An NX-OS flow cache's IPv4 rows, read from bytes where its parser would read a row (tracker.nxRowsHere).
      const nx = stamps ? undefined : this.tracker.nxRowsHere();
      if (nx !== undefined && readNxRow(buf, at, e, nx, this.cols, base + idx + 1, position + s)) {
        this.countsBytes = true;
        // The rows after it, in one loop (runNx), up to a line it does not read.
        runAfter(e, idx, (from, line) => runNx(buf, from, end, nx, this.cols, line, position), () => nxRunEnd.at);
        return undefined;
      }
      if (vr !== null) {
        if (pending >= 0) {
          if (readSecondLine(buf, at, e, vr, pending)) {
            vr.commit(pending, base + pendIdx + 1, position + pendS);
            pending = -1;
            // The records after it, in one loop (runVerbose), up to one it does not read. (Not in a stamped log,
            // whose blanked stamps start each line.)
            if (!stamps) runAfter(e, idx, (from, line) => runVerbose(buf, from, end, vr, line, position), () => verboseRunEnd.at);
            return undefined;
          }
          flushPending();
        } else if (this.tracker.verboseRecordNext()) {
          const k = vr.slot();
          if (readFirstLine(buf, at, e, vr, k)) {
            pending = k;
            pendS = s;
            pendE = e;
            pendIdx = idx;
            return undefined;
          }
        }
      }
      return asText(s, e, idx);
    }, position, skip);
    // A record not yet ended, or a row that waits for its next line, at the end of a piece that is not the last: given
    // back (this piece ends before its first line), for the next piece to read it whole, from bytes like the others.
    // Read the text way, one a piece (a 79 MB cache: twenty) broke the run of records the parser takes from bytes.
    // (Not when it is all the piece holds: a piece ends after at least one whole line.)
    let used = end;
    let lines = r.lines;
    if (!final && nB > 0 && bS[0]! > 0) {
      used = bS[0]!;
      lines = bIdx[0]!;
      nB = 0;
      this.fnfAfterBlank = true;
    } else if (!final && rowS > 0) {
      used = rowS;
      lines = rowIdx;
      rowS = -1;
    } else if (!final && mlsS > 0) {
      // An MLS entry's first line, its counters in the next piece: given back too, to be read whole with them. (The
      // text way, the piece would end with an entry waiting: a table whose first piece ends so was read on one thread,
      // as the state the other segments start from is that of no entry waiting.)
      used = mlsS;
      lines = mlsIdx;
      mlsS = -1;
    }
    // A first line at the end of this piece: the text way (its second, in the next piece, then reads as text too).
    if (pending >= 0) flushPending();
    if (mlsS >= 0) flushMls();
    // So is a record not yet ended that fills the piece (the rest of its lines, in the next piece, then follow no blank
    // line), and one that ends a segment whose next line is not known; one the paste ends with (nextHasEquals null) is
    // whole, as the parser reads the last record of its section.
    if (nB > 0) endBlock(final && nextHasEquals === null);
    // (A table's row the paste stops inside, no line end after it, and that ends before the table's last column, is the
    // parser's to report as cut: parsers/show-flow-monitor-cache/parser.ts.)
    if (rowS >= 0) endRow(final && (nextHasEquals === false || nextHasEquals === null) && !(this.unended && rowE === end && this.cutRow(normaliseLine(decodeUtf8(buf, rowS, rowE)))));
    if (blanked) restoreStamps(buf, blanked);
    this.lineCount += lines;
    return used;
  }

  /** The last text line (normalised) and its index, for a table's header under a Flexible NetFlow echo. */
  private prevText = '';
  private prevTextIndex = -2;

  /**
   * Text line t (index i) under an echoed Flexible NetFlow cache: a rule under a header, as the record parser reads
   * them (tableHeaderHere, tableLayout, on the lines without their notes), gives the layout its rows are read by.
   */
  private fnfHeaderAndRule(t: string, i: number): void {
    if (this.prevTextIndex === i - 1 && isRule(t)) {
      const header = lineWithoutNote(this.prevText);
      const l = tableHeaderHere(header) ? tableLayout(header, lineWithoutNote(t)) : undefined;
      if (l) this.tracker.setFnfTable(byteLayout(l));
    }
    // A csv header, where the parser takes the first one (under no table: under one, rows are the table's). Were a
    // rule to follow it, the line would be a table's header instead: that table then comes first, as in the parser.
    if (this.tracker.fnfTableHere() === undefined && this.tracker.fnfCsvHere() === undefined && t.includes(',')) {
      const n = lineWithoutNote(t);
      const roles = tableHeaderHere(n) ? csvRoles(n) : undefined;
      if (roles) this.tracker.setFnfCsv(Int32Array.from(roles, (r) => (r ? R[r] : -1)));
    }
    this.prevText = t;
    this.prevTextIndex = i;
  }

  /** Read normalised text line `t` (line number `line`, at byte `offset`) as the parser would: true if it is a row. */
  private takeTextRow(t: string, line: number, offset: number): boolean {
    const cols = this.cols;
    const k = cols.n;
    // (The length first: a line longer than the buffer goes to a new one, which readRow must then be given.)
    const n = lineBytes(t, textRowScratch);
    if (readRow(textRowScratch.buf, 0, n, cols) !== ROW_OK) return false;
    cols.line[k] = line;
    cols.offset[k] = offset;
    cols.n++;
    return true;
  }

  /** A table's (or csv's) row that ends before its last column, as the record parser tells one the paste stops inside. */
  private cutRow(text: string): boolean {
    const layout = this.tracker.fnfTableHere();
    if (layout) {
      const spans = Array.from(layout.starts, (start, k): [number, number] => [start, layout.ends[k]!]);
      const cells = tableCells(text, { spans, roles: [], names: [] });
      return cells[cells.length - 1] === '';
    }
    const csv = this.tracker.fnfCsvHere();
    return csv !== undefined && text.split(',').length < csv.length;
  }

  finish(linesAt: LinesAt): Prescan {
    const lines = new Array<string>(this.lineCount).fill(''); // measured: 3-5x faster than 1M pushes
    for (let k = 0; k < this.textIndex.length; k++) lines[this.textIndex[k]!] = this.text[k]!;
    const { table, offsets } = this.cols.finish();
    const verbose = this.verbose && this.verbose.count > 0 ? this.verbose.finish() : undefined;
    const fnf = this.fnf && this.fnf.count > 0 ? this.fnf.finish() : undefined;
    if (this.unended) markLastLineUnended(lines);
    return { lines, textLines: this.textIndex, rows: table, offsets, linesAt, stamp: this.stamp, ...(verbose ? { verbose } : {}), ...(fnf ? { fnf } : {}) };
  }
}

/**
 * Lines other than flow rows a paste may hold (each kept as a string, with the 79 MB of rows read as columns): 8
 * million, a 500 MB show logging at 60 bytes a line. Past it a paste is not a capture (79 MB of blank lines: Node
 * ran out of memory at 6 GB) and is refused in words instead.
 */
export const MAX_TEXT_LINES = 8_000_000;

export function tooManyLinesWords(line: number): string {
  return `the paste goes on past ${MAX_TEXT_LINES.toLocaleString('en')} lines that are not flow rows (line ${line.toLocaleString('en')} is one), more than this tool holds at once: a file of blank lines, or many captures joined? Split it, or take out the blank lines, and paste the parts.`;
}

/**
 * The kind of per-line time stamp (core/text/line-stamps.ts) of a paste that starts with these bytes (its first
 * STAMP_HEAD_BYTES or more; `whole`: all of it), -1 for none: what the text path decides from its first lines.
 */
export function stampKindOfBytes(head: Uint8Array, whole: boolean): number {
  // The first 32 KB hold a sample's 200 lines in most captures: decoding 256 KB each time cost 4-9 ms of a run.
  const first = Math.min(head.length, 1 << 15);
  const sure = headStampKindIfSure(decodeUtf8(head, 0, first), whole && first === head.length);
  if (sure !== undefined) return sure;
  const n = Math.min(head.length, STAMP_HEAD_BYTES);
  return headStampKind(decodeUtf8(head, 0, n), whole && n === head.length);
}

/** Read a whole paste held in memory as bytes. */
export function prescanBytes(bytes: Uint8Array): Prescan {
  const s = new FlowDumpScanner(bytes.length, false, undefined, stampKindOfBytes(bytes, true));
  // (All of the paste: nothing follows its last line.)
  s.feed(bytes, bytes.length, 0, true, false, null);
  return s.finish(linesAtBytes(bytes));
}
