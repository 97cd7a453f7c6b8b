// Where a big paste's text stands, line by line: inside a section the cache-flow parser reads (its rows may be
// taken from bytes), or a verbose cache's, a Flexible NetFlow cache's, an NX-OS cache's or an MLS NetFlow table's
// reading state (their records may be too). The byte path's scanner
// (prescan.ts) asks it before taking any row out of the text.
import { commandIndex } from '../parsers/registry';
import { lineWithoutNote } from '../text/field-notes';
import { mayBePrompt, parseBareCommand, parsePrompt, splitFilter } from '../text/prompt';
import { BANNER_MAX_LINES, bannerDelimiter, techSeparatorCommand } from '../text/split';
import { HEADER, isVerboseHeader, GARBLED_HEADER } from '../parsers/show-ip-cache-flow/row-text';
import { classicHeader, readClassicRow, readVerboseSecond } from '../parsers/shared/netflow-rows';
import { csvRoles, isRule } from '../parsers/show-flow-monitor-cache/table-format';
import type { ByteLayout } from './fnf-bytes';
import type { NxLayout } from './nx-rows';
import { BANNER as NX_BANNER, headerColumns as nxHeaderColumns, rolesOf as nxRolesOf } from '../parsers/show-flow-cache/parser';
import { COUNTERS as MLS_COUNTERS, ENTRY as MLS_ENTRY, entryOfMatch as mlsEntryOfMatch } from '../parsers/shared/mls-netflow-blocks';

/** The cache-flow parser's sniff returns 1 on its header within the first 50 non-empty lines of a section. */
const SNIFF_WINDOW = 50;

/** A tracker's whole state (plain data: it crosses to the other thread). */
export interface TrackerState {
  kind: 'flow' | 'verbose' | 'fnf' | 'nx' | 'mls' | 'other' | 'none';
  nonEmpty: number;
  inFlow: boolean;
  verboseRecords: boolean;
  verboseOpen: boolean;
  fnfRecords: boolean;
  /** Hostnames of the prompts seen so far (a known host's prompt needs no known command: parsePrompt). */
  hosts: string[];
  /** Under a Flexible NetFlow cache: the table layout, or the csv columns' slots, its rows are read by (if any). */
  fnfTable?: ByteLayout;
  fnfCsv?: Int32Array;
  /** Under an echoed NX-OS `show flow cache`: the table the parser reads now (its banner's family, its header's columns). */
  nxFamily?: string;
  nxLayout?: NxLayout;
  /** Under an echoed `show mls netflow ip`: an entry read as text waits for its counters line. */
  mlsOpen?: boolean;
  /** Inside a config banner: its delimiter and how many more lines it may run. */
  banner?: { delim: string; left: number };
}

const sameInts = (a: Int32Array | undefined, b: Int32Array | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, k) => x === b[k]));

/**
 * Follows the text lines of a paste (rows excluded) to say whether the next lines sit in a section the
 * cache-flow parser will read. It mirrors split.ts (prompts, echoed commands the index knows) and diagnose's
 * detection (the echoed command, or the sniff when there is none), so a row is only taken out of the text
 * when the cache-flow parser is the one that would have read it.
 */
export class FlowSectionTracker {
  /**
   * 'flow': echoed cache-flow command; 'verbose': echoed `show ip cache verbose flow`; 'fnf': echoed `show flow monitor
   * NAME cache`; 'nx': echoed NX-OS `show flow cache`; 'mls': echoed `show mls netflow ip`; 'other': another command;
   * 'none': no echo (kind decided by sniffing).
   */
  private kind: 'flow' | 'verbose' | 'fnf' | 'nx' | 'mls' | 'other' | 'none' = 'none';
  private nonEmpty = 0;
  inFlow = false;
  /**
   * Under an echoed verbose cache, as its parser (shared/netflow-records.ts readClassicFlows) reads the text so far: a
   * verbose header was the last header (rows are two-line records), and a record's first line waits for its second.
   */
  private verboseRecords = false;
  private verboseOpen = false;
  /**
   * Under an echoed `show flow monitor NAME cache`, as its parser reads the text so far: records are `KEY: value` lines
   * (no table or csv header has come, after which the parser reads no line as a record field).
   */
  private fnfRecords = false;
  /** Hostnames of the prompts seen, as split.ts keeps them: after `R1#show ...`, `R1#shw version` is a prompt too. */
  private readonly hosts = new Set<string>();
  /** Under it, the layout of the table whose rows the parser reads now (a header and its rule were the last seen). */
  private fnfTable: ByteLayout | undefined;
  /** Under it, the slot of each column of the csv header the parser reads rows by (when no table came first). */
  private fnfCsv: Int32Array | undefined;
  /**
   * Under an echoed NX-OS `show flow cache`, as its parser reads the text so far: the family of the last `... Entries`
   * banner (ipv4, ipv6, l2), and the columns of the header read since.
   */
  private nxFamily: string | undefined;
  private nxLayout: NxLayout | undefined;
  /**
   * Under an echoed `show mls netflow ip`, as its parser reads the text so far: an entry's first line was read (as
   * text) and waits for its counters line (lines of other kinds between do not end the wait).
   */
  private mlsOpen = false;

  /** Where the tracker stands, to hand over to the scanner that joins a part read as a continuation. */
  state(): TrackerState {
    return {
      kind: this.kind,
      nonEmpty: this.nonEmpty,
      inFlow: this.inFlow,
      verboseRecords: this.verboseRecords,
      verboseOpen: this.verboseOpen,
      fnfRecords: this.fnfRecords,
      hosts: [...this.hosts],
      ...(this.fnfTable ? { fnfTable: this.fnfTable } : {}),
      ...(this.fnfCsv ? { fnfCsv: this.fnfCsv } : {}),
      ...(this.nxFamily !== undefined ? { nxFamily: this.nxFamily } : {}),
      ...(this.nxLayout ? { nxLayout: this.nxLayout } : {}),
      ...(this.mlsOpen ? { mlsOpen: true } : {}),
      ...(this.bannerDelim !== undefined ? { banner: { delim: this.bannerDelim, left: this.bannerLeft } } : {}),
    };
  }

  /**
   * Under a Flexible NetFlow cache, would this tracker read every line after this one as a tracker in state `s` would?
   * (The same section and reading, and no host known here that `s` does not know.)
   */
  sameFnfState(s: TrackerState): boolean {
    return this.kind === 'fnf' && this.readsOnAs(s);
  }

  /**
   * Under an NX-OS flow cache's IPv4 rows or a `show mls netflow ip` table's entries (rowsHere), would this tracker
   * read every line after this one as one in state `s` would?
   */
  sameRowsState(s: TrackerState): boolean {
    return this.rowsHere() && this.readsOnAs(s);
  }

  /**
   * Where the byte path reads rows of a table whose parser keeps no other state: NX-OS IPv4 rows, MLS entries, a
   * verbose cache's records (a record's first line next).
   */
  rowsHere(): boolean {
    return this.nxRowsHere() !== undefined || this.mlsEntryNext() || this.verboseRecordNext();
  }

  /** Would `show mls netflow ip`'s parser read an entry that starts on the next line (no entry waiting)? */
  mlsEntryNext(): boolean {
    return this.kind === 'mls' && !this.mlsOpen;
  }

  /**
   * Would this tracker read every line after this one as a tracker in state `s` would? The same section kind and
   * reading (outside a config banner), and no host known here that `s` does not know. (Not for a section without an
   * echo, whose reading also counts its lines.)
   */
  private readsOnAs(s: TrackerState): boolean {
    const t = this.fnfTable;
    const u = s.fnfTable;
    const l = this.nxLayout;
    const m = s.nxLayout;
    return (
      this.kind === s.kind &&
      this.kind !== 'none' &&
      this.bannerDelim === undefined &&
      s.banner === undefined &&
      this.fnfRecords === s.fnfRecords &&
      this.inFlow === s.inFlow &&
      this.verboseRecords === s.verboseRecords &&
      this.verboseOpen === s.verboseOpen &&
      (t === u || (t !== undefined && u !== undefined && sameInts(t.starts, u.starts) && sameInts(t.ends, u.ends) && sameInts(t.slots, u.slots))) &&
      sameInts(this.fnfCsv, s.fnfCsv) &&
      this.nxFamily === s.nxFamily &&
      this.mlsOpen === (s.mlsOpen === true) &&
      (l === m || (l !== undefined && m !== undefined && l.columns === m.columns && sameInts(l.roles, m.roles))) &&
      [...this.hosts].every((h) => s.hosts.includes(h))
    );
  }

  restore(s: TrackerState): void {
    this.kind = s.kind;
    this.nonEmpty = s.nonEmpty;
    this.inFlow = s.inFlow;
    this.verboseRecords = s.verboseRecords;
    this.verboseOpen = s.verboseOpen;
    this.fnfRecords = s.fnfRecords;
    for (const h of s.hosts) this.hosts.add(h);
    this.fnfTable = s.fnfTable;
    this.fnfCsv = s.fnfCsv;
    this.nxFamily = s.nxFamily;
    this.nxLayout = s.nxLayout;
    this.mlsOpen = s.mlsOpen === true;
    this.bannerDelim = s.banner?.delim;
    this.bannerLeft = s.banner?.left ?? 0;
  }

  /** Would the Flexible NetFlow cache's parser read a `KEY: value` line here as a record field? */
  fnfRecordsHere(): boolean {
    return this.fnfRecords;
  }

  /** The table layout the Flexible NetFlow cache's parser reads rows by here, if any. */
  fnfTableHere(): ByteLayout | undefined {
    return this.kind === 'fnf' ? this.fnfTable : undefined;
  }

  /** Under an echoed Flexible NetFlow cache? (The scanner then looks for a table's header and rule.) */
  inFnf(): boolean {
    return this.kind === 'fnf';
  }

  /** A table's header and its rule were read (FlowDumpScanner): its rows follow, read by this layout. */
  setFnfTable(layout: ByteLayout): void {
    this.fnfTable = layout;
  }

  /** The csv columns the Flexible NetFlow cache's parser reads rows by here, if any (and no table). */
  fnfCsvHere(): Int32Array | undefined {
    return this.kind === 'fnf' ? this.fnfCsv : undefined;
  }

  /** A csv header was read (FlowDumpScanner): rows with commas follow, read by these columns' slots. */
  setFnfCsv(slots: Int32Array): void {
    this.fnfCsv = slots;
  }

  /** The layout NX-OS `show flow cache`'s parser reads IPv4 rows by here, if any (an IPv4 banner, then a header). */
  nxRowsHere(): NxLayout | undefined {
    return this.kind === 'nx' && this.nxFamily === 'ipv4' ? this.nxLayout : undefined;
  }

  /** Would the verbose cache's parser read a record that starts on the next line (no first line waiting)? */
  verboseRecordNext(): boolean {
    return this.verboseRecords && !this.verboseOpen;
  }

  /** Start as if inside an echoed `show ip cache flow` table (a worker reading the second half of a dump). */
  assumeFlowTable(): void {
    this.kind = 'flow';
    this.inFlow = true;
  }

  /** Is the next line inside an echoed cache-flow table, reading rows (the state `assumeFlowTable` sets)? */
  inFlowTable(): boolean {
    return this.kind === 'flow' && this.inFlow;
  }

  /**
   * Inside a config banner (split.ts bannerEnd): its delimiter, and how many more lines it may run. split.ts never
   * splits inside one, so a prompt or a header there (a banner that shows a capture to warn staff) starts nothing.
   */
  private bannerDelim: string | undefined;
  private bannerLeft = 0;

  /** Feed one normalised text line; returns the new inFlow state. */
  line(t: string): boolean {
    if (this.bannerDelim !== undefined) {
      // split.ts looks for the delimiter up to BANNER_MAX_LINES lines on, blank ones counted; past them (no delimiter) it reads the
      // lines as usual, and this tracker, which cannot look ahead, has read them as banner: no rows are taken from
      // them, which the text path then reads as it would have.
      if (t.includes(this.bannerDelim) || --this.bannerLeft <= 0) this.bannerDelim = undefined;
      return this.inFlow;
    }
    if (t.trim() === '') return this.inFlow;
    const c0 = t.charCodeAt(0);
    const delim = c0 === 98 && t.length <= 300 && t.startsWith('banner ') ? bannerDelimiter(t) : undefined;
    if (delim !== undefined) {
      // The text that follows is the config's until the delimiter: no section starts in it, and no row of it is
      // taken from bytes (the text path reads whatever the section's parser reads there).
      this.bannerDelim = delim;
      this.bannerLeft = BANNER_MAX_LINES;
      this.kind = 'other';
      this.inFlow = false;
      this.verboseRecords = false;
      this.verboseOpen = false;
      this.fnfRecords = false;
      this.fnfTable = undefined;
      this.fnfCsv = undefined;
      this.nxFamily = undefined;
      this.nxLayout = undefined;
      this.mlsOpen = false;
      return false;
    }
    // A show tech-support separator opens a section as split.ts reads it (techSeparatorCommand), else what split.ts
    // takes for a possible prompt (mayBePrompt).
    const tech = t.length <= 300 ? techSeparatorCommand(t) : undefined;
    if (tech !== undefined || (t.length <= 300 && mayBePrompt(t))) {
      // As split.ts reads it: after takeFieldNotes took a poster's note off (`R1#show ip cache flow   <-- here`).
      const u = lineWithoutNote(t);
      const p = tech !== undefined ? null : parsePrompt(u, this.hosts);
      if (p?.host !== undefined) this.hosts.add(p.host);
      let cmd: string | undefined = tech ?? (p ? p.command : undefined);
      if (!p && tech === undefined) {
        const bare = parseBareCommand(u);
        if (bare && commandIndex.match(splitFilter(bare).base) !== null) cmd = bare;
      }
      if (cmd !== undefined) {
        this.nonEmpty = 0;
        this.verboseRecords = false;
        this.verboseOpen = false;
        this.fnfRecords = false;
        this.fnfTable = undefined;
        this.fnfCsv = undefined;
        this.nxFamily = undefined;
        this.nxLayout = undefined;
        this.mlsOpen = false;
        if (cmd === '') this.kind = 'none';
        else {
          const base = splitFilter(cmd).base;
          const kind = commandIndex.match(base);
          this.kind =
            kind === 'show ip cache flow' && !/\bverb/i.test(base)
              ? 'flow'
              : kind === 'show ip cache verbose flow'
                ? 'verbose'
                : kind === 'show flow monitor cache'
                  ? 'fnf'
                  : kind === 'show flow cache'
                    ? 'nx'
                    : kind === 'show mls netflow ip'
                      ? 'mls'
                      : 'other';
          this.fnfRecords = this.kind === 'fnf';
        }
        // Under an echoed `show ip cache flow`, rows count from the first line (the seed's `| include` has no header).
        this.inFlow = this.kind === 'flow';
        return this.inFlow;
      }
    }
    this.nonEmpty++;
    if (this.kind === 'verbose') this.verboseLine(t);
    else if (this.kind === 'nx') this.nxLine(t);
    else if (this.kind === 'mls') this.mlsLine(t);
    if (this.fnfRecords) {
      // A table's rule or a csv header: from here on the parser reads rows of those, and no line as a record field.
      const n = lineWithoutNote(t);
      if (isRule(n) || csvRoles(n) !== undefined) this.fnfRecords = false;
    }
    if (isVerboseHeader(t)) this.inFlow = false; // verbose two-line records: not rows of a cache-flow table
    else if (HEADER.test(t)) this.inFlow = this.kind === 'flow' || (this.kind === 'none' && this.nonEmpty <= SNIFF_WINDOW);
    else if (GARBLED_HEADER.test(t)) this.inFlow = this.kind === 'flow';
    return this.inFlow;
  }

  /**
   * An NX-OS flow cache's text line (not blank), as its parser takes it once the poster's notes are out: a banner
   * starts a table of its family (no header yet), a header gives the table's columns. (A row that starts with a digit
   * is neither, and other lines change nothing.)
   */
  private nxLine(line: string): void {
    const t = lineWithoutNote(line);
    const b = NX_BANNER.exec(t);
    if (b) {
      const f = b[1]!.toLowerCase();
      this.nxFamily = f === 'ipv4' || f === 'ipv6' ? f : 'l2';
      this.nxLayout = undefined;
      return;
    }
    const h = nxHeaderColumns(t);
    if (h) this.nxLayout = { columns: h.length, roles: nxRolesOf(h) };
  }

  /**
   * A `show mls netflow ip` text line (not blank), as readMlsNetflow takes it once the poster's notes are out: an entry
   * line ends any wait and opens one when the parser reads it; a counters line ends the wait.
   */
  private mlsLine(line: string): void {
    const t = lineWithoutNote(line);
    if (t.trim() === '') return;
    const e = MLS_ENTRY.exec(t);
    if (e) this.mlsOpen = typeof mlsEntryOfMatch(e) !== 'string';
    else if (this.mlsOpen && MLS_COUNTERS.test(t)) this.mlsOpen = false;
  }

  /**
   * A verbose cache's text line (not blank), as readClassicFlows's loop takes it once the poster's notes are out
   * (takeFieldNotes): which record state it leaves.
   */
  private verboseLine(line: string): void {
    const t = lineWithoutNote(line);
    if (t.trim() === '') return;
    if (this.verboseOpen) {
      this.verboseOpen = false;
      if (readVerboseSecond(t)) return;
    }
    if (readClassicRow(t)) {
      if (this.verboseRecords) this.verboseOpen = true;
      return;
    }
    const h = classicHeader(t);
    if (h) this.verboseRecords = h.verbose;
  }
}
