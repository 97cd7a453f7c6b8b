// The walk `show mls ip` and `show mls entry` share: an entry line, then its counters line; entries without a source set aside.
import type { Warning } from '../../types';
import { unreadLine } from '../../text/lines';
import { maskedAddressWarning } from '../../text/masked-address';
import type { Section } from '../parser-types';

/** What both MLS parsers read from an entry's first line. */
export interface MlsEntryLine {
  index: number;
  /** -1 when the entry has no source (the destination-only flow mask). */
  src: number;
  /** Addresses a poster hid (`x.x.x.x`): the entry is counted, never a flow (host verdicts take real addresses only). */
  hidden?: { field: string; posted: string }[];
}

export interface MlsRecordReader<E extends MlsEntryLine, C> {
  /** The first line of an entry, a reason it cannot be one, or null when it does not start like one. */
  readEntry(line: string, index: number): E | string | null;
  /** The second line of an entry (only tried while an entry waits for it). */
  readCounters(line: string): C | null;
  /** A complete entry that has a source. */
  addFlow(entry: E, counters: C): void;
  /** Lines that start like an entry but are known not to be one; tried before readEntry. */
  isNotEntry?(line: string): boolean;
  /** Any other line: true when understood (headings, totals, rules), false to report it as unread. */
  readOther(line: string, index: number): boolean;
}

/** Totals both MLS parsers report. */
export interface MlsEntryCounts {
  entries: number;
  sourcesPresent: boolean;
  destinationOnlyLines: number[];
  /** Lines of entries whose addresses a poster hid: counted in `entries`, kept out of the flows. */
  hiddenLines?: number[];
}

/** Sniff score: 1 on a header line, else the share of lines that pair as entry + counters (0.9 at most). */
export function sniffMlsRecords(
  section: Section,
  headers: readonly RegExp[],
  isEntry: (line: string, index: number) => boolean,
  isCounters: (line: string) => boolean,
): number {
  let pairs = 0;
  let seen = 0;
  let prevEntry = false;
  for (let i = section.from; i < section.to && seen < 40; i++) {
    const l = section.lines[i]!;
    if (l.trim() === '') continue;
    seen++;
    if (headers.some((re) => re.test(l))) return 1;
    if (prevEntry && isCounters(l)) pairs++;
    prevEntry = isEntry(l, i);
  }
  return seen === 0 ? 0 : Math.min(0.9, (2 * pairs) / seen);
}

/** Walks the section, filling `counts` and `warnings` (sorted by line); an entry without its counters line is a warning. */
export function readMlsRecords<E extends MlsEntryLine, C>(
  section: Section,
  reader: MlsRecordReader<E, C>,
  counts: MlsEntryCounts,
  warnings: Warning[],
): void {
  let withSource = 0;
  let pending: E | undefined;
  const dropPending = () => {
    if (pending) warnings.push(unreadLine(pending.index, section.lines[pending.index]!, 'MLS entry without its counters line'));
    pending = undefined;
  };
  for (let i = section.from; i < section.to; i++) {
    const line = section.lines[i]!;
    if (line.trim() === '') continue;
    const c = pending ? reader.readCounters(line) : null;
    if (c && pending) {
      const e = pending;
      pending = undefined;
      counts.entries++;
      if (e.hidden) {
        (counts.hiddenLines ??= []).push(e.index + 1);
        for (const h of e.hidden) warnings.push(maskedAddressWarning(e.index, h.field, h.posted));
        // A hidden source is still a source: the flow mask shows them.
        if (e.src !== -1 || e.hidden.some((h) => h.field === 'source address')) withSource++;
        continue;
      }
      if (e.src < 0) {
        counts.destinationOnlyLines.push(e.index + 1);
        continue;
      }
      withSource++;
      reader.addFlow(e, c);
      continue;
    }
    if (reader.isNotEntry?.(line)) {
      dropPending();
      continue;
    }
    const e = reader.readEntry(line, i);
    if (e !== null) {
      dropPending();
      if (typeof e === 'string') warnings.push(unreadLine(i, line, e));
      else pending = e;
      continue;
    }
    // A heading or rule between an entry and its counters (the Sup720 guide prints "Pkts Bytes Age LastSeen
    // Attributes" under each entry) keeps the entry waiting; anything not understood ends it.
    if (reader.readOther(line, i)) continue;
    dropPending();
    warnings.push(unreadLine(i, line));
  }
  dropPending();
  counts.sourcesPresent = counts.entries === 0 || withSource > 0;
  warnings.sort((x, y) => x.line - y.line);
}
