// Big pastes as bytes: flow rows under a `show ip cache flow` echo or header are read without making strings.
import { commandIndex } from '../registry';
import { normaliseLines } from '../../text/normalise';
import { parseBareCommand, parsePrompt, splitFilter } from '../../text/prompt';
import { decodeUtf8, lineAtBytes, type Prescan } from './prescanned';
import { FlowColumns } from './row-bytes';
import { scanRows } from './scan-rows';
import { HEADER, isVerboseHeader, GARBLED_HEADER } from './row-text';

/**
 * Does this (normalised) line start or end a cache-flow table? Returns the new state, or undefined when the line
 * changes nothing. Mirrors what split.ts and the command index will decide, so row lines are only taken out of
 * the text when they sit in a section the cache-flow parser will read.
 */
export function flowStateAfter(line: string): boolean | undefined {
  if (HEADER.test(line)) return true;
  if (isVerboseHeader(line)) return false; // verbose two-line records are read from text by the parser
  if (GARBLED_HEADER.test(line)) return true;
  const p = parsePrompt(line);
  const cmd = p ? p.command : parseBareCommand(line);
  if (cmd === null) return undefined;
  if (cmd === '') return false;
  const base = splitFilter(cmd).base;
  return commandIndex.match(base) === 'show ip cache flow' && !/\bverb/i.test(base);
}

/**
 * Reads a paste fed in chunks of whole lines (so a file never has to sit in memory whole). Lines end at \n,
 * \r\n or a lone \r, as normalise.ts splits them; flow rows become columns, other lines normalised text.
 */
export class FlowDumpScanner {
  private cols: FlowColumns;
  private textIndex: number[] = [];
  private text: string[] = [];
  private lineCount = 0;
  private inFlow = false;

  /** `sizeHint`: the paste's size in bytes, to size the columns once (rows are ~80 bytes in device output). */
  constructor(sizeHint: number) {
    this.cols = new FlowColumns(Math.max(1024, Math.ceil(sizeHint / 72)));
  }

  /**
   * Feed bytes buf[0, len) that start `position` bytes into the paste. Only whole lines are read: returns how
   * many bytes were used; the caller passes the rest again, with more. `final`: nothing follows, read it all.
   */
  feed(buf: Uint8Array, len: number, position: number, final: boolean): number {
    let end = len;
    if (!final) {
      end = buf.lastIndexOf(10, len - 1) + 1;
      if (end === 0) return 0;
    }
    const base = this.lineCount;
    const r = scanRows(buf, 0, end, this.cols, this.inFlow, base + 1, (s, e, idx) => {
      const t = normaliseLines(decodeUtf8(buf, s, e))[0] ?? '';
      this.textIndex.push(base + idx);
      this.text.push(t);
      return t === '' ? undefined : flowStateAfter(t);
    }, position);
    this.lineCount += r.lines;
    this.inFlow = r.inFlow;
    return end;
  }

  finish(lineAt: (offset: number) => string): Prescan {
    const lines = new Array<string>(this.lineCount).fill('');
    for (let k = 0; k < this.textIndex.length; k++) lines[this.textIndex[k]!] = this.text[k]!;
    const { table, offsets } = this.cols.finish();
    return { lines, rows: table, offsets, lineAt };
  }
}

/** Read a whole paste held in memory as bytes. */
export function prescanBytes(bytes: Uint8Array): Prescan {
  const s = new FlowDumpScanner(bytes.length);
  s.feed(bytes, bytes.length, 0, true);
  return s.finish(lineAtBytes(bytes));
}
