// The CLI's writer of clean hosts' JSON rows: the WebAssembly module (wat.ts, bytes.ts) behind ElementWriter.run, so
// --json writes exactly the bytes CleanHostColumns.jsonParts would give, faster. Each call copies a few thousand rows'
// columns into the module's memory, with the fixed text those rows need (encoded once, as pieces), and hands the
// module's output to the sink. A row the module leaves (a number it does not print, a name or list past its maps)
// is written by jsonParts.
import { CleanHost, type CleanHostColumns, type CleanRowText } from '../../core/analysis/clean-hosts';
import type { ElementWriter, RunSink } from '../json-stream';
import { CLEAN_JSON_WASM } from './bytes';
import { shippedBytes, wasmExports } from '../wasm-instance';
import { REASON_JSON } from '../../core/analysis/fan-out-tables';
import { LAYOUT, MAP, MAX_PIECES, OUT_BYTES, OWN_HOST, OWN_NONE, OWN_TOP, P_ARRIVES, P_COMMA, P_INTERFACES, P_PAREN_CLOSE, P_PAREN_OPEN, P_QUOTE, P_SEPARATOR, PIECE_BYTES, ROWS } from './wat';

interface Exports {
  memory: WebAssembly.Memory;
  outLen: WebAssembly.Global;
  fallback: WebAssembly.Global;
  write: (from: number, to: number, separateFirst: number, rowMax: number) => number;
}

/** Rows [from, to) of the columns, nested `level` deep, separated by `separator` (none before the first). */
export type CleanRowsWriter = (cols: CleanHostColumns, from: number, to: number, level: number, separator: string, sink: RunSink) => void;

/** Digits a number can take here (a count: 10; packets per flow: 16 and a point and 2). */
const NUMBER_MAX = 20;

/** The module's writer, or undefined where WebAssembly cannot be compiled (then jsonParts writes every row). */
export function wasmCleanJson(bytes: Uint8Array<ArrayBuffer> = shippedBytes(CLEAN_JSON_WASM)): CleanRowsWriter | undefined {
  const e = wasmExports<Exports>(bytes);
  if (!e) return undefined;
  const buf = e.memory.buffer;
  const u8 = new Uint8Array(buf);
  const col = {
    ppf: new Float64Array(buf, LAYOUT.ppf, ROWS),
    addr: new Uint32Array(buf, LAYOUT.addr, ROWS),
    flows: new Uint32Array(buf, LAYOUT.flows, ROWS),
    destinations: new Uint32Array(buf, LAYOUT.destinations, ROWS),
    port80: new Uint32Array(buf, LAYOUT.port80, ROWS),
    failed: new Uint32Array(buf, LAYOUT.failed, ROWS),
    ifName: new Int32Array(buf, LAYOUT.ifName, ROWS),
    service: new Int32Array(buf, LAYOUT.service, ROWS),
    reasons: new Int32Array(buf, LAYOUT.reasons, ROWS),
    inbound: new Uint8Array(buf, LAYOUT.inbound, ROWS),
  };
  const ifMap = new Int32Array(buf, LAYOUT.ifMap, MAP);
  const svcMap = new Int32Array(buf, LAYOUT.svcMap, MAP);
  const endMap = new Int32Array(buf, LAYOUT.endMap, 2 * MAP);
  const pieces = new Uint32Array(buf, LAYOUT.pieces, MAX_PIECES * 2);
  const encoder = new TextEncoder();

  /** The pieces in the module are those of these columns at this level, with this separator. */
  let forCols: CleanHostColumns | undefined;
  let forLevel = -1;
  let forSeparator = '';
  let text: CleanRowText;
  let nPieces = 0;
  let pieceEnd = 0;
  /** The longest row the pieces so far can make. */
  let rowMax = 0;
  let longestIf = 0;
  let longestSvc = 0;
  let longestEnd = 0;

  /** Adds a piece; its number, or -1 when the module has no room left for it. */
  const addPiece = (s: string): number => {
    if (nPieces === MAX_PIECES || pieceEnd + s.length * 3 > PIECE_BYTES) return -1;
    const n = encoder.encodeInto(s, u8.subarray(LAYOUT.pieceBytes + pieceEnd, LAYOUT.pieceBytes + PIECE_BYTES)).written;
    pieces[2 * nPieces] = pieceEnd;
    pieces[2 * nPieces + 1] = n;
    pieceEnd += n;
    return nPieces++;
  };
  const lengthOf = (p: number) => (p < 0 ? 0 : pieces[2 * p + 1]!);

  const reset = (cols: CleanHostColumns, level: number, separator: string): void => {
    forCols = cols;
    forLevel = level;
    forSeparator = separator;
    text = cols.rowText(level);
    nPieces = pieceEnd = longestIf = longestSvc = longestEnd = 0;
    ifMap.fill(-1);
    svcMap.fill(-1);
    endMap.fill(-1);
    // The pieces every row uses, first, so each gets the number the module knows it by.
    addPiece(text.open);
    addPiece(text.afterFlows);
    addPiece(text.afterDestinations);
    addPiece(text.afterPort80);
    addPiece(separator);
    // (P_ARRIVES to P_QUOTE, in their order.)
    const t = REASON_JSON;
    for (const piece of [t.arrives, t.interfaces, t.comma, t.open, t.close, t.quote]) addPiece(piece);
    ownFixed = lengthOf(P_ARRIVES) + lengthOf(P_INTERFACES) + lengthOf(P_QUOTE);
    ownEach = lengthOf(P_COMMA) + lengthOf(P_PAREN_OPEN) + lengthOf(P_PAREN_CLOSE);
    beforeOf.fill(-2);
    afterOf.fill(-2);
    nameOf.fill(-2);
  };

  /**
   * Map the names, and the lists of rows whose end is their list's (ownRows first), that rows [0, n) of the module's
   * columns use (those past the maps or the room stay -1).
   */
  const mapRows = (n: number): void => {
    for (let i = 0; i < n; i++) {
      const f = col.ifName[i]!;
      if (f >= 0 && f < MAP && ifMap[f] === -1) {
        ifMap[f] = addPiece(text.afterIp(f));
        longestIf = Math.max(longestIf, lengthOf(ifMap[f]!));
      }
      const v = col.service[i]!;
      if (v >= 0 && v < MAP && svcMap[v] === -1) {
        svcMap[v] = addPiece(text.afterPacketsPerFlow(v));
        longestSvc = Math.max(longestSvc, lengthOf(svcMap[v]!));
      }
      if (own.before[i] !== OWN_NONE) continue;
      const l = col.reasons[i]!;
      const end = 2 * l + col.inbound[i]!;
      if (l >= 0 && l < MAP && endMap[end] === -1) {
        endMap[end] = addPiece(text.end(l, col.inbound[i]!));
        longestEnd = Math.max(longestEnd, lengthOf(endMap[end]!));
      }
    }
    setRowMax(longestEnd);
  };
  /** The longest row the pieces can make, with ends of up to `longest` bytes. */
  const setRowMax = (longest: number): void => {
    let fixed = 15 + 5 * NUMBER_MAX;
    for (let p = 0; p <= P_SEPARATOR; p++) fixed += lengthOf(p);
    rowMax = fixed + longestIf + longestSvc + longest;
  };

  const own = {
    before: new Int32Array(buf, LAYOUT.ownBefore, ROWS),
    after: new Int32Array(buf, LAYOUT.ownAfter, ROWS),
    count: new Uint32Array(buf, LAYOUT.ownCount, ROWS),
    size: new Uint32Array(buf, LAYOUT.ownSize, ROWS),
    name: new Int32Array(buf, LAYOUT.ownName, ROWS * OWN_TOP),
    flows: new Uint32Array(buf, LAYOUT.ownFlows, ROWS * OWN_TOP),
  };
  /**
   * Pieces of the own reasons' text, made as rows first need them (reset() forgets them): by list number (below MAP),
   * by inbound, by interface name number (below MAP); -2 for none yet (-1: no room for it).
   */
  const beforeOf = new Int32Array(MAP);
  const afterOf = new Int32Array(2);
  const nameOf = new Int32Array(MAP);
  const topIfg = new Int32Array(OWN_TOP);
  const topFlows = new Float64Array(OWN_TOP);
  /** The piece of `key` in `map`, added (make()) if new; -1 when there is no room for it or `key` is past the map. */
  const pieceOf = (map: Int32Array, key: number, make: (key: number) => string): number => {
    if (key < 0 || key >= map.length) return -1;
    const p = map[key]!;
    return p !== -2 ? p : (map[key] = addPiece(make(key)));
  };
  const before = (list: number) => text.ownBefore(list);
  const after = (inbound: number) => text.ownAfter(inbound);
  const nameJson = (g: number) => text.nameJson(g);

  /**
   * The own columns of rows [b0, b0 + n) of `cols`: for each row with a reason of its own (text.ownHost), the pieces and
   * numbers the module writes it from (OWN_HOST where a piece has no room or a count is no whole number below 2^32:
   * jsonParts writes that row); OWN_NONE for the others. Returns the longest end such a row can take, in bytes.
   */
  const ownRows = (cols: CleanHostColumns, b0: number, n: number): number => {
    const multi = cols.multi;
    let longest = 0;
    for (let i = 0; i < n; i++) {
      const k = multi ? text.ownHost(b0 + i) : -1;
      if (k < 0) {
        own.before[i] = OWN_NONE;
        continue;
      }
      const list = col.reasons[i]!;
      const inbound = col.inbound[i]!;
      const b = pieceOf(beforeOf, list, before);
      const a = pieceOf(afterOf, inbound, after);
      const size = multi!.top(k, topIfg, topFlows, 0);
      const count = multi!.count(k);
      let ok = b >= 0 && a >= 0 && count < 2 ** 32;
      let bytes = lengthOf(b) + lengthOf(a) + ownFixed + NUMBER_MAX + size * (ownEach + NUMBER_MAX);
      for (let j = 0; j < size && ok; j++) {
        const f = topFlows[j]!;
        const name = pieceOf(nameOf, topIfg[j]!, nameJson);
        ok = name >= 0 && f >= 0 && f < 2 ** 32 && Math.floor(f) === f;
        own.name[i * OWN_TOP + j] = name;
        own.flows[i * OWN_TOP + j] = f;
        bytes += lengthOf(name);
      }
      own.before[i] = ok ? b : OWN_HOST;
      own.after[i] = a;
      own.count[i] = count;
      own.size[i] = size;
      if (ok) longest = Math.max(longest, bytes);
    }
    return longest;
  };
  /** The own reason's fixed text: once a row (arrives, interfaces, quote), and once an interface (comma, parens). */
  let ownFixed = 0;
  let ownEach = 0;

  return (cols, from, to, level, separator, sink) => {
    let separate = false;
    for (let b0 = from; b0 < to; ) {
      const b1 = Math.min(to, b0 + ROWS);
      const n = b1 - b0;
      if (cols !== forCols || level !== forLevel || separator !== forSeparator) reset(cols, level, separator);
      col.ppf.set(cols.packetsPerFlow.subarray(b0, b1));
      col.addr.set(cols.addr.subarray(b0, b1));
      col.flows.set(cols.flows.subarray(b0, b1));
      col.destinations.set(cols.destinations.subarray(b0, b1));
      col.port80.set(cols.port80.subarray(b0, b1));
      col.failed.set(cols.failed.subarray(b0, b1));
      col.ifName.set(cols.ifName.subarray(b0, b1));
      col.service.set(cols.service.subarray(b0, b1));
      col.reasons.set(cols.reasons.subarray(b0, b1));
      col.inbound.set(cols.inbound.subarray(b0, b1));
      const longestOwn = ownRows(cols, b0, n);
      mapRows(n);
      setRowMax(Math.max(longestEnd, longestOwn));
      for (let i = 0; i < n; ) {
        // Rows longer than the module's output can hold are all written here (a name or reason of hundreds of KB).
        const fits = rowMax <= OUT_BYTES;
        const stop = fits ? e.write(i, n, separate ? 1 : 0, rowMax) : i;
        const len = fits ? (e.outLen.value as number) : 0;
        if (len > 0) sink.bytes(u8.subarray(LAYOUT.out, LAYOUT.out + len));
        const wrote = stop > i;
        if (wrote) separate = true;
        i = stop;
        // A row the module left: written from its pieces here.
        if (i < n && (!wrote || e.fallback.value === 1)) {
          const parts: string[] = separate ? [separator] : [];
          cols.jsonParts(b0 + i, level, parts);
          sink.text(parts.join(''));
          separate = true;
          i++;
        }
      }
      b0 = b1;
    }
  };
}

/**
 * ElementWriter.run for clean hosts: the run of hosts from `from` on that are consecutive rows of one set of columns
 * (a big capture's list: all its clean hosts but the few flagged ones between them), written by `write`. Rows whose
 * reason list is their own are written by the module too, their own reason from its numbers and name pieces (until
 * 2026-12-03 they were jsonParts' in runs of 256, joined: 100,000 sources seen on several interfaces, about 350 ms of
 * a 1.7 s run; until 2026-12-05 each row's end was a string of its own made here, joined and encoded: 90 ms of a
 * 1.1 s run of 1,200,000 flows from 100,000 such sources).
 */
export function cleanHostsRun(write: CleanRowsWriter): NonNullable<ElementWriter['run']> {
  return (a, from, level, separator, sink) => {
    const first = a[from] as CleanHost;
    const cols = first.columns;
    const row = first.row;
    let j = from + 1;
    for (; j < a.length; j++) {
      const h = a[j];
      if (!(h instanceof CleanHost) || h.columns !== cols || h.row !== row + (j - from)) break;
    }
    write(cols, row, row + (j - from), level, separator, sink);
    return j;
  };
}
