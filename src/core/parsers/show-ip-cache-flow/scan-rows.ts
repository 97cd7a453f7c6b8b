// The hot loop for big dumps: clean flow rows straight from bytes to columns; anything else is handed back as text.
import type { FlowColumns } from './flow-columns';
import { pagerRowStart } from '../../text/pager-marks';

/**
 * Called for every line the fast loop does not take as a row (headers, prompts, rows with a flaw, rows with
 * odd characters): bytes [s, e) without the line end, and its 0-based index in the range. Returns the new
 * "inside a cache-flow table" state, or undefined to keep it.
 */
export type TextLine = (s: number, e: number, index: number) => boolean | undefined;

/**
 * Lines after the one just handed to onText that onText read itself (a run of Flexible NetFlow records): `lines` of
 * them, the next line starts at `to`. scanRows goes on from there and sets `lines` back to 0.
 */
export interface LinesSkipped {
  to: number;
  lines: number;
}

/**
 * Scan bytes [start, end) line by line. While `inFlow`, a line that is exactly a well-formed row
 * (`SrcIf SrcIP DstIf DstIP Pr SrcP DstP Pkts`, any runs of spaces, optional CR) is stored in `cols`
 * with its line number (`firstLine` + index) and offset. Everything else, including rows with a flaw,
 * goes to `onText`, where the text parser (row-bytes.ts `readRow`) gives the same row or the warning.
 * Row offsets are stored as `offsetBase` + position in `buf`. Returns the number of lines seen and the final state.
 */
export function scanRows(
  buf: Uint8Array,
  start: number,
  end: number,
  cols: FlowColumns,
  inFlow: boolean,
  firstLine: number,
  onText: TextLine,
  offsetBase = 0,
  skip?: LinesSkipped,
): { lines: number; inFlow: boolean } {
  let p = start;
  let index = 0;
  // Rows are taken only from lines that end in \n before fastEnd, so the field loops below need no bounds test: each
  // stops at the line end (\n is no digit, letter or space). A last line without \n goes the text way.
  const fastEnd = end > start && buf[end - 1] === 10 ? end : buf.lastIndexOf(10, end - 1) + 1;
  // The next \n and \r at or after p, before end (-1: none; -2: not searched yet).
  let lf = -2;
  let cr = -2;
  // A line start the clean loop has just stopped at (after the rows over a pager mark): not handed to it again.
  let refused = -1;
  while (p < end) {
    if (inFlow && p < fastEnd && p !== refused) {
      const before = cols.n;
      p = cleanRows(buf, p, fastEnd, cols, firstLine + index, offsetBase);
      index += cols.n - before;
      if (p >= fastEnd) continue;
      if (cols.n === cols.cap) {
        cols.reserve();
        continue;
      }
    }
    // Not a clean row: find the line end (\n, or a lone \r) and hand the line over as text. The next \n and \r are
    // found by indexOf (a Node Buffer's is memchr) and kept until passed: a byte loop took a quarter of the CLI's time
    // on a verbose cache (a million text lines), and a search per line for a \r that an LF file never has would read to
    // the end every time.
    const ls = p;
    if (lf !== -1 && lf < p) {
      lf = buf.indexOf(10, p);
      if (lf >= end) lf = -1;
    }
    if (cr !== -1 && cr < p) {
      cr = buf.indexOf(13, p);
      if (cr >= end) cr = -1;
    }
    let e = end;
    let c = 0;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      e = cr;
      c = 13;
    } else if (lf >= 0) {
      e = lf;
      c = 10;
    }
    let next = e + 1;
    if (c === 13 && e + 1 < end && buf[e + 1] === 10) next = e + 2;
    // A row the router printed over its erased pager mark (a capture without `terminal length 0`: a row in every 23):
    // the clean loop from where the row starts, the row's offset its line's. On the text path it took the line's text,
    // its normalising (backspaces replayed) and a parse, and broke the clean loop's run every 23 rows.
    if (inFlow && ls < fastEnd) {
      const r = pagerRowStart(buf, ls, e);
      if (r > 0) {
        if (cols.n === cols.cap) cols.reserve();
        const before = cols.n;
        const q = cleanRows(buf, r, fastEnd, cols, firstLine + index, offsetBase);
        if (cols.n > before) {
          cols.offset[before] = offsetBase + ls;
          index += cols.n - before;
          p = q;
          if (cols.n < cols.cap) refused = q;
          continue;
        }
      }
    }
    const st = onText(ls, e, index);
    if (st !== undefined) inFlow = st;
    index++;
    p = next;
    if (skip !== undefined && skip.lines > 0) {
      p = skip.to;
      index += skip.lines;
      skip.lines = 0;
    }
  }
  return { lines: index, inFlow };
}

/**
 * The hot loop: clean rows from `p` on, into `cols` (line numbers from `firstLine`), until `fastEnd` (a line start
 * that only lines ending in \n come before), a line that is not a clean row, or full columns. Returns where it
 * stopped: fastEnd, or the start of the line it did not take. A function of its own, with no call out but the
 * interface lookup: V8 compiles it twice on each thread (for the loop already running, then for its later calls), and
 * without the text path and the columns' growth inlined into it each compile is shorter (17-19 ms against 20-22 on a
 * quiet machine; on a busy one both threads wait for it). The interface and address fields are parsed by the same
 * code written out twice (source, then destination), and the three hex fields thrice, on purpose: a helper would hand
 * back two values a field (its end and its value) through memory, on every row. (The CLI runs the same loop as
 * WebAssembly, cli/clean-rows-wasm/wat.ts, which generates those repeats from one template each.)
 */
export function scanCleanRows(buf: Uint8Array, p: number, fastEnd: number, cols: FlowColumns, firstLine: number, offsetBase: number): number {
  // The columns in locals (stores without reloading them from `cols` per row).
  let n = cols.n;
  const first = n;
  const { cap, srcIf: cSrcIf, dstIf: cDstIf, src: cSrc, dst: cDst, proto: cProto, srcPort: cSrcPort, dstPort: cDstPort, packets: cPackets, line: cLine, offset: cOffset } = cols;
  // The previous row's interface tokens: most rows repeat them, so a byte compare usually finds the index.
  let lsS = -1, lsL = 0, lsI = 0, ldS = -1, ldL = 0, ldI = 0;
  // (lsS/ldS: where the last name that was hashed starts in buf; lsL/ldL its length, 0 for none yet.)
  while (p < fastEnd && n < cap) {
    const ls = p;
    let c = 0;
    row: {
      while (buf[p] === 32) p++;
      // SrcIf (starts with a letter). Most rows repeat the previous row's name: the same bytes then a space.
      let s = p;
      let h = 0;
      c = buf[p]! | 32;
      if (c < 97 || c > 122) break row;
      let srcIf: number;
      if (lsL > 0 && p + lsL < fastEnd && buf[p + lsL] === 32 && sameBytes(buf, p, lsS, lsL)) {
        srcIf = lsI;
        p += lsL;
      } else {
        for (;;) {
          c = buf[p]!;
          if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 45 && c <= 58) || c === 95) {
            h = (h * 31 + c) | 0;
            p++;
          } else break;
        }
        if (c !== 32 || p === s) break row;
        srcIf = cols.ifIndex(buf, s, p, h);
        lsS = s;
        lsL = p - s;
        lsI = srcIf;
      }
      while (buf[p] === 32) p++;
      // SrcIP
      let a = 0, o = 0, d = 0, dots = 0;
      for (;;) {
        c = buf[p]!;
        if (c >= 48 && c <= 57) {
          o = o * 10 + c - 48;
          d++;
        } else if (c === 46) {
          if (d === 0 || d > 3 || o > 255) break row;
          a = a * 256 + o;
          o = 0;
          d = 0;
          dots++;
        } else break;
        p++;
      }
      if (c !== 32 || dots !== 3 || d === 0 || d > 3 || o > 255) break row;
      const src = a * 256 + o;
      while (buf[p] === 32) p++;
      // DstIf (starts with a letter), the same way. IOS marks an egress flow (`ip flow egress`) with a "*" right after
      // it (Fa0/0.134*): not part of the name, as the text path reads it.
      s = p;
      h = 0;
      c = buf[p]! | 32;
      if (c < 97 || c > 122) break row;
      let dstIf: number;
      let after = 0;
      if (ldL > 0 && p + ldL < fastEnd && ((after = buf[p + ldL]!) === 32 || (after === 42 && buf[p + ldL + 1] === 32)) && sameBytes(buf, p, ldS, ldL)) {
        dstIf = ldI;
        p += after === 42 ? ldL + 1 : ldL;
      } else {
        for (;;) {
          c = buf[p]!;
          if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 45 && c <= 58) || c === 95) {
            h = (h * 31 + c) | 0;
            p++;
          } else break;
        }
        const egress = c === 42 && buf[p + 1] === 32 ? 1 : 0;
        if ((c !== 32 && egress === 0) || p === s) break row;
        dstIf = cols.ifIndex(buf, s, p, h);
        ldS = s;
        ldL = p - s;
        ldI = dstIf;
        p += egress;
      }
      while (buf[p] === 32) p++;
      // DstIP
      a = 0;
      o = 0;
      d = 0;
      dots = 0;
      for (;;) {
        c = buf[p]!;
        if (c >= 48 && c <= 57) {
          o = o * 10 + c - 48;
          d++;
        } else if (c === 46) {
          if (d === 0 || d > 3 || o > 255) break row;
          a = a * 256 + o;
          o = 0;
          d = 0;
          dots++;
        } else break;
        p++;
      }
      if (c !== 32 || dots !== 3 || d === 0 || d > 3 || o > 255) break row;
      const dst = a * 256 + o;
      // Pr (1-2 hex digits), SrcP, DstP (1-4 hex digits)
      while (buf[p] === 32) p++;
      let pr = 0;
      s = p;
      for (;;) {
        c = buf[p]!;
        const v = HEXV[c]!;
        if (v < 0) break;
        pr = pr * 16 + v;
        p++;
      }
      if (c !== 32 || p === s || p - s > 2) break row;
      while (buf[p] === 32) p++;
      let sp = 0;
      s = p;
      for (;;) {
        c = buf[p]!;
        const v = HEXV[c]!;
        if (v < 0) break;
        sp = sp * 16 + v;
        p++;
      }
      if (c !== 32 || p === s || p - s > 4) break row;
      while (buf[p] === 32) p++;
      let dp = 0;
      s = p;
      for (;;) {
        c = buf[p]!;
        const v = HEXV[c]!;
        if (v < 0) break;
        dp = dp * 16 + v;
        p++;
      }
      if (c !== 32 || p === s || p - s > 4) break row;
      while (buf[p] === 32) p++;
      // Pkts: decimal with an optional K or M (thousands, millions: routers print long flows' counts so, 8599K), then
      // spaces, CR, end of line. Anything else glued to it goes the text way.
      let pk = 0;
      s = p;
      c = 10;
      for (;;) {
        c = buf[p]!;
        if (c >= 48 && c <= 57) pk = pk * 10 + c - 48;
        else break;
        p++;
      }
      if (p === s) break row;
      if ((c | 32) === 107) {
        pk *= 1000;
        p++;
      } else if ((c | 32) === 109) {
        pk *= 1000000;
        p++;
      }
      while (((c = buf[p]!) === 32 || c === 13)) p++;
      // A lone CR (no \n after the spaces and CRs) ends the line differently: the text path decides.
      if (c !== 10) break row;
      cSrcIf[n] = srcIf;
      cDstIf[n] = dstIf;
      cSrc[n] = src;
      cDst[n] = dst;
      cProto[n] = pr;
      cSrcPort[n] = sp;
      cDstPort[n] = dp;
      cPackets[n] = pk;
      // (No bytes: the column's 0 stays, untouched: FlowTable.bytes.)
      cLine[n] = firstLine + (n - first);
      cOffset[n] = offsetBase + ls;
      n++;
      p++;
      continue;
    }
    cols.n = n;
    return ls;
  }
  cols.n = n;
  return p;
}

/** scanCleanRows' contract: another loop that takes exactly the same rows (the CLI's WebAssembly one) can stand in. */
export type CleanRowScanner = typeof scanCleanRows;

let cleanRows: CleanRowScanner = scanCleanRows;

/**
 * Use another clean-row loop in this thread (the CLI's, compiled from WebAssembly: cli/clean-rows-wasm), or the
 * JavaScript one again (undefined). It must take exactly the rows scanCleanRows takes (kernel.test.ts).
 */
export function useCleanRowScanner(s: CleanRowScanner | undefined): void {
  cleanRows = s ?? scanCleanRows;
}

/** Hex digit values by byte, -1 for anything else. */
const HEXV = new Int8Array(256).fill(-1);
for (let k = 0; k < 10; k++) HEXV[48 + k] = k;
for (let k = 0; k < 6; k++) HEXV[65 + k] = HEXV[97 + k] = 10 + k;

function sameBytes(b: Uint8Array, x: number, y: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (b[x + k] !== b[y + k]) return false;
  return true;
}
