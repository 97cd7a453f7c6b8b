// Big pastes as bytes: flow rows under a `show ip cache flow` echo or header are read without making strings.
import { commandIndex } from '../registry';
import { normaliseLines } from '../../text/normalise';
import { parseBareCommand, parsePrompt, splitFilter } from '../../text/prompt';
import { decodeUtf8, lineAtBytes, type Prescan } from './prescanned';
import { FlowColumns } from './row-bytes';
import { scanRows } from './scan-rows';
import { HEADER, isVerboseHeader, GARBLED_HEADER } from './row-text';

/** The cache-flow parser's sniff returns 1 on its header within the first 50 non-empty lines of a section. */
const SNIFF_WINDOW = 50;

/**
 * Follows the text lines of a paste (rows excluded) to say whether the next lines sit in a section the
 * cache-flow parser will read. It mirrors split.ts (prompts, echoed commands the index knows) and diagnose's
 * detection (the echoed command, or the sniff when there is none), so a row is only taken out of the text
 * when the cache-flow parser is the one that would have read it.
 */
export class FlowSectionTracker {
  /** 'flow': echoed cache-flow command; 'other': another command; 'none': no echo (kind decided by sniffing). */
  private kind: 'flow' | 'other' | 'none' = 'none';
  private nonEmpty = 0;
  inFlow = false;

  /** Feed one normalised text line; returns the new inFlow state. */
  line(t: string): boolean {
    if (t.trim() === '') return this.inFlow;
    const c0 = t.charCodeAt(0);
    if (t.length <= 300 && ((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || c0 === 32)) {
      const p = parsePrompt(t);
      let cmd: string | undefined = p ? p.command : undefined;
      if (!p) {
        const bare = parseBareCommand(t);
        if (bare && commandIndex.match(splitFilter(bare).base) !== null) cmd = bare;
      }
      if (cmd !== undefined) {
        this.nonEmpty = 0;
        if (cmd === '') this.kind = 'none';
        else {
          const base = splitFilter(cmd).base;
          this.kind = commandIndex.match(base) === 'show ip cache flow' && !/\bverb/i.test(base) ? 'flow' : 'other';
        }
        // Under an echoed `show ip cache flow`, rows count from the first line (the seed's `| include` has no header).
        this.inFlow = this.kind === 'flow';
        return this.inFlow;
      }
    }
    this.nonEmpty++;
    if (isVerboseHeader(t)) this.inFlow = false; // verbose two-line records are read from text by the parser
    else if (HEADER.test(t)) this.inFlow = this.kind === 'flow' || (this.kind === 'none' && this.nonEmpty <= SNIFF_WINDOW);
    else if (GARBLED_HEADER.test(t)) this.inFlow = this.kind === 'flow';
    return this.inFlow;
  }
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
  private tracker = new FlowSectionTracker();

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
    const r = scanRows(buf, 0, end, this.cols, this.tracker.inFlow, base + 1, (s, e, idx) => {
      const t = normaliseLines(decodeUtf8(buf, s, e))[0] ?? '';
      this.textIndex.push(base + idx);
      this.text.push(t);
      return this.tracker.line(t);
    }, position);
    this.lineCount += r.lines;
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
