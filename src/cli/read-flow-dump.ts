// Reads a big file for the analyzer: in segments of whole lines, as bytes, on two threads that claim segments as they
// go (so neither waits for the other, however late the worker starts or however busy the machine is).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { receiveMessageOnPort } from 'node:worker_threads';
import { FlowDumpScanner, stampKindOfBytes } from '../core/big-paste/prescan';
import type { ScanPart } from '../core/big-paste/scan-part';
import { fnfBuffers } from '../core/big-paste/fnf-records';
import { STAMP_HEAD_BYTES } from '../core/text/line-stamps';
import { type LinesAt, linesFromRanges, registerPrescan } from '../core/parsers/show-ip-cache-flow/prescanned';
import { columnBuffers, FlowColumns, type ColumnBuffers } from '../core/parsers/show-ip-cache-flow/flow-columns';
import { EarlyPass1, registerEarlyPass1 } from '../core/analysis/fan-out-pass1';
import type { Paste } from '../core/types';
import { released } from '../core/analysis/collect-hook';
import { partBuffers, primeScanner, releaseReadBuffer, scanFileRange, scanSegment, workerFailedSlot, type SegmentPlan, type SegmentResult, type StandByJob, type WorkerMessage } from './flow-scan';
import { isSplit, SPLIT_MIN, spawnReader, takeEarlyReader, type Reader } from './reader-thread';
/** Segment size: small enough that the thread finishing last waits a few tens of milliseconds at most. */
const SEGMENT = 4 << 20;
/** Read size for the first segment (see readSegments). */
const FIRST_CHUNK = 1 << 18;
/** How long to wait for a segment the worker claimed but has not finished before reading it here (a stuck worker). */
const WORKER_PATIENCE_MS = 30_000;

/** The first line start at or after `at` (so each thread reads whole lines), or -1. */
function lineStartAfter(fd: number, at: number, size: number): number {
  const b = Buffer.allocUnsafe(1 << 16);
  for (let pos = at; pos < size; pos += b.length) {
    const n = readSync(fd, b, 0, b.length, pos);
    const i = b.subarray(0, n).indexOf(10);
    if (i >= 0) return pos + i + 1 < size ? pos + i + 1 : -1;
  }
  return -1;
}

/** Read lines back by their offsets (evidence quoting, after the scan): nearby ones in one read (linesFromRanges). */
function linesReader(path: string, size: number): LinesAt {
  return (offsets) => {
    // One descriptor for all the quoting (hundreds of evidence lines); the CLI exits right after.
    const fd = openSync(path, 'r');
    try {
      return linesFromRanges((start, end) => {
        const b = Buffer.allocUnsafe(end - start);
        return b.subarray(0, readSync(fd, b, 0, b.length, start));
      }, size)(offsets);
    } finally {
      closeSync(fd);
    }
  };
}

type TextPart = ReturnType<FlowDumpScanner['textPart']>;

/** Rows [from, from + count) of the shared columns as a part (views, no copy) for appendPart. */
function sharedPart(b: ColumnBuffers, from: number, count: number, text: TextPart): ScanPart {
  const c = count > 0 ? new FlowColumns(count, b, from) : new FlowColumns(16);
  c.n = count;
  c.setInterfaceNames(text.ifNames);
  const { table, offsets } = c.finish();
  return { rows: table, offsets, textIndex: text.textIndex, text: text.text, lineCount: text.lineCount, ...(text.tracker ? { tracker: text.tracker } : {}), ...(text.bytes ? { bytes: true } : {}), ...(text.unended ? { unended: true } : {}) };
}

/** A worker started ahead (by the entry, or by standByWorker), not yet given a file. */
let standing: Reader | undefined;

/**
 * Start the reading worker now when one of `files` is big enough to be read on two threads: the thread then loads
 * and readies its scanner while the analyzer loads and reads its arguments, instead of after the file's first piece
 * (about 60 ms later, on a machine whose two cores are then both busy). The first such file's readFlowDump gives it
 * its plan; the thread holds nothing open and does not keep the process alive if no file needs it.
 */
export function standByWorker(files: readonly string[]): void {
  // The entry (analyze-start.ts) may have started one already, before this bundle was even compiled.
  standing ??= takeEarlyReader();
  if (!standing && files.some(isSplit)) standing = spawnReader();
}

/** Start the worker on the plan; undefined when this Node cannot (then this thread reads every segment). */
function startWorker(plan: SegmentPlan): { port: Reader['port']; done: Int32Array; stop: () => void } | undefined {
  // The thread started ahead (standByWorker), else one started now: either way it takes its job by message.
  const reader = standing ?? spawnReader();
  standing = undefined;
  if (!reader) return undefined;
  const done = new SharedArrayBuffer(4 * plan.bounds.length);
  reader.port.postMessage({ plan, done } satisfies StandByJob);
  return { port: reader.port, done: new Int32Array(done), stop: () => void reader.worker.terminate() };
}

/** How far past a line start to look for a line that starts with an address (rowStartAfter). */
const ROW_START_WINDOW = 4096;

/**
 * The first line start at or after `at` (lineStartAfter), or, within ROW_START_WINDOW bytes of it, the first line that
 * starts with a dotted quad and a blank (a `show mls netflow ip` entry's first line: its counters line starts with a
 * count) or with a name, blanks and a dotted quad (a verbose cache record's first line, or a cache-flow row), so that
 * a segment read as the table's continuation starts with a whole entry or record. (A segment that does not start
 * where its continuation assumes is read again, in order.)
 */
export function rowStartAfter(fd: number, at: number, size: number): number {
  const first = lineStartAfter(fd, at, size);
  if (first < 0) return first;
  const b = Buffer.allocUnsafe(Math.min(ROW_START_WINDOW, size - first));
  const n = readSync(fd, b, 0, b.length, first);
  for (let p = 0; p < n; ) {
    if (startsWithAddress(b, p, n) || startsWithNameThenAddress(b, p, n)) return first + p;
    const lf = b.indexOf(10, p);
    if (lf < 0) break;
    p = lf + 1;
  }
  return first;
}

/**
 * Does b[p, n) start with a name, blanks, then an address (a verbose cache record's first line, `Fa0/1   10.74.94.7
 * ...`; its second line starts with a port in hex, then ` /0`)? The name is up to 40 characters of no blank.
 */
function startsWithNameThenAddress(b: Uint8Array, p: number, n: number): boolean {
  const s = p;
  while (p < n && p - s <= 40 && b[p] !== 32 && b[p] !== 10 && b[p] !== 13) p++;
  if (p === s || p >= n || b[p] !== 32) return false;
  while (p < n && b[p] === 32) p++;
  return startsWithAddress(b, p, n);
}

/** Does b[p, n) start with four dot-separated runs of 1 to 3 digits and a blank? */
function startsWithAddress(b: Uint8Array, p: number, n: number): boolean {
  for (let k = 0; k < 4; k++) {
    const s = p;
    while (p < n && p - s < 4 && b[p]! >= 48 && b[p]! <= 57) p++;
    if (p === s || p - s > 3 || p >= n || b[p] !== (k < 3 ? 46 : 32)) return false;
    p++;
  }
  return true;
}

/** Segment bounds at line starts (rowStartAfter), about SEGMENT bytes apart. */
function segmentBounds(fd: number, size: number): number[] {
  const bounds = [0];
  const n = Math.max(2, Math.ceil(size / SEGMENT));
  for (let i = 1; i < n; i++) {
    const at = rowStartAfter(fd, Math.floor((size * i) / n), size);
    if (at > bounds[bounds.length - 1]!) bounds.push(at);
  }
  bounds.push(size);
  return bounds;
}

/**
 * A big file as a pre-scanned paste. Past SPLIT_MIN it is cut into segments at line starts; this thread reads the
 * first as the start of the paste, then both threads claim the others one by one and read each as if it started
 * inside a cache-flow table, into its own region of one set of shared columns (device rows are ~80 bytes, so each
 * fits in its share of size/72 rows). The segments are then joined in order: where the text before a segment did not
 * end inside a flow table, this thread reads the rest again itself, so the result is always what one pass would give.
 */
export function readFlowDump(file: string, source: string, fnf = false): Paste {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const stamp = stampOfFile(fd, size);
    let scanner: FlowDumpScanner;
    let early: EarlyPass1 | undefined;
    if (fnf && size >= SPLIT_MIN && stamp < 0) scanner = readFnfSegments(fd, file, size);
    else if (!fnf && size >= SPLIT_MIN) {
      early = new EarlyPass1(Math.ceil(size / 72) + 2048);
      scanner = readSegments(fd, file, size, early, stamp);
    } else {
      // Read on this thread alone: a thread started ahead for it is let go.
      standing?.worker.terminate();
      standing = undefined;
      scanner = new FlowDumpScanner(size, false, undefined, stamp);
      scanFileRange(fd, 0, size, scanner);
    }
    const paste: Paste = { source, text: '' };
    const pre = scanner.finish(linesReader(file, size));
    // The CLI diagnoses each file once: the parser may let the Flexible NetFlow records' values go once it has them.
    pre.fnfOnce = true;
    registerPrescan(paste, pre);
    // Only when the early pass read every row the scan kept (readSegments drops it when it had to read again).
    if (early && early.rowsRead === pre.rows.count) registerEarlyPass1(pre.rows, early);
    return paste;
  } finally {
    closeSync(fd);
    releaseReadBuffer();
  }
}

/** The file's kind of per-line time stamp (a stamped terminal log), decided on its start; -1 for none. */
function stampOfFile(fd: number, size: number): number {
  const head = Buffer.alloc(Math.min(size, STAMP_HEAD_BYTES));
  const n = readSync(fd, head, 0, head.length, 0);
  return stampKindOfBytes(head.subarray(0, n), n >= size);
}

/** How far to look for a blank line to cut a Flexible NetFlow cache's records at (records are a few hundred bytes). */
const BLANK_WINDOW = 1 << 20;

/**
 * The start of the first line at or after `at` that follows a blank line (nothing but blanks and a CR), within
 * BLANK_WINDOW bytes, or -1. Read a few KB at a time (a record is a few hundred bytes): reading the whole window for
 * each of a cache's segment bounds took 26 ms of a 78 MB cache's 0.39 s, before the other thread could start.
 */
export function afterBlankLine(fd: number, at: number, size: number): number {
  const limit = Math.min(BLANK_WINDOW, size - at);
  const b = Buffer.allocUnsafe(Math.min(BLANK_PIECE, limit));
  // Only lines that start after a line end count (the first may be a line's tail).
  let lineStart = -1;
  let blank = false;
  for (let off = 0; off < limit; ) {
    const n = readSync(fd, b, 0, Math.min(b.length, limit - off), at + off);
    if (n <= 0) break;
    for (let p = 0; p < n; p++) {
      const c = b[p]!;
      if (c === 10) {
        if (lineStart >= 0 && blank && at + off + p + 1 < size) return at + off + p + 1;
        lineStart = off + p + 1;
        blank = true;
      } else if (c !== 32 && c !== 13) blank = false;
    }
    off += n;
  }
  return -1;
}

/** Bytes afterBlankLine reads at a time. */
const BLANK_PIECE = 1 << 12;

/**
 * A Flexible NetFlow cache on two threads. This thread reads the start, to where the cache's reading is known (its
 * records, or a table's or a csv's rows); the rest is cut into segments (records: after a blank line, where a record
 * starts; rows: at any line), and both threads claim segments, each read as the cache's continuation from that state
 * (FnfStart). Segments are joined in order; where the text before one did not end in that state (another command, a
 * new table, a record cut short), this thread reads that segment again itself (and, when that keeps happening, the
 * rest): the result is always what one pass gives.
 */
function readFnfSegments(fd: number, file: string, size: number): FlowDumpScanner {
  const scanner = new FlowDumpScanner(size, false);
  const cut = lineStartAfter(fd, FIRST_CHUNK, size);
  // (Read on from where the scanner stopped: a record the cut falls in is given back, and read whole with segment 0.)
  const head = cut < 0 ? -1 : scanFileRange(fd, 0, cut, scanner, undefined, undefined, false);
  const found = head <= 0 ? undefined : scanner.fnfStartHere();
  const start = found && { ...found, recordsPerByte: scanner.fnfCount / head };
  if (head < 0 || !start) {
    standing?.worker.terminate();
    standing = undefined;
    scanFileRange(fd, head < 0 ? 0 : head, size, scanner);
    return scanner;
  }
  const bounds = [head];
  const n = Math.max(2, Math.ceil((size - head) / SEGMENT));
  for (let i = 1; i < n; i++) {
    const want = head + Math.floor(((size - head) * i) / n);
    const at = start.tracker.fnfRecords ? afterBlankLine(fd, want, size) : lineStartAfter(fd, want, size);
    if (at > bounds[bounds.length - 1]!) bounds.push(at);
  }
  bounds.push(size);
  const nSeg = bounds.length - 1;
  // Columns for the records the whole file holds at the start's density (and a tenth more), shared by both threads:
  // each segment keeps its records in a region in proportion to its bytes (the first one's from record 0, the start
  // included), and the joins move them down where they lie. The other thread's records are then never copied out of
  // memory of its own, whose freed pages stayed with that thread (17 MB of a 79 MB csv cache's peak). Untouched room
  // costs no memory until written.
  const cap = Math.ceil(start.recordsPerByte * size * 1.1) + 1024;
  const regions = bounds.map((b, i) => (i === 0 ? 0 : Math.min(cap, Math.floor((cap * b) / size))));
  const shared = scanner.fnfCount <= regions[1]! ? { bufs: fnfBuffers(cap, (k) => new SharedArrayBuffer(k)), regions } : undefined;
  const plan: SegmentPlan = {
    file,
    bounds,
    regions: bounds.map(() => 0),
    bufs: columnBuffers(16, (k) => new SharedArrayBuffer(k)),
    claim: new SharedArrayBuffer(4),
    ifNames: [],
    stamp: -1,
    fnf: start,
    ...(shared ? { fnfShared: shared } : {}),
  };
  const claim = new Int32Array(plan.claim);
  Atomics.store(claim, 0, 1);
  const worker = nSeg > 1 ? startWorker(plan) : undefined;
  if (shared) scanner.shareFnf(shared.bufs, regions[1]!);
  else scanner.reserveFnf(cap);
  /** This thread reads segment i itself, in order: its records may fill the shared columns up to the next region. */
  const readOn = (i: number) => {
    scanner.fnfShareUpTo(regions[i + 1]!);
    scanFileRange(fd, bounds[i]!, bounds[i + 1]!, scanner);
  };
  // Segment 0 here, as the cache read on.
  scanFileRange(fd, bounds[0]!, bounds[1]!, scanner);
  const results: (ScanPart | undefined)[] = new Array(nSeg);
  const mine: boolean[] = new Array(nSeg).fill(false);
  const takeMessages = () => {
    if (!worker) return;
    for (let m = receiveMessageOnPort(worker.port); m; m = receiveMessageOnPort(worker.port)) {
      const { i, result } = m.message as WorkerMessage;
      if (!mine[i] && !result.shared) results[i] = result.part;
    }
  };
  let next = 1;
  let allClaimed = false;
  let waitedSince = -1;
  /** Bytes of the parts' columns, garbage once joined. */
  let joined = 0;
  /** Segments joined, and those read again here because the text before them ended elsewhere. */
  let joins = 0;
  let misses = 0;
  while (next < nSeg) {
    if (!results[next] && !mine[next] && worker && Atomics.load(worker.done, next) === 1) takeMessages();
    const part = results[next];
    if (part) {
      waitedSince = -1;
      if (!scanner.fnfContinues(start, part)) {
        // Not the state the segment was read from (another command's output, another format): this one is read again
        // here, in order. Later segments may join again (a terminal log that shows the cache every few minutes, other
        // commands between); once as many were read again as joined (three at least), the rest is read here at once
        // and the other thread claims no more.
        misses++;
        if (misses >= 3 && misses > joins) {
          Atomics.store(claim, 0, nSeg);
          // Past the next region: the other thread may still be writing one it claimed.
          scanner.detachFnf();
          scanFileRange(fd, bounds[next]!, size, scanner);
          break;
        }
        mine[next] = true;
        results[next] = undefined;
        readOn(next);
        next++;
        continue;
      }
      joins++;
      scanner.appendPart(part);
      joined += partBuffers(part).reduce((n, b) => n + b.byteLength, 0);
      results[next] = undefined;
      next++;
      continue;
    }
    if (!allClaimed) {
      const i = Atomics.add(claim, 0, 1);
      if (i < nSeg) {
        mine[i] = true;
        if (i === next) {
          // The next one to join: read on here, no part to join.
          readOn(i);
          next++;
        } else {
          const r = scanSegment(fd, plan, i, true);
          if (!r.shared) results[i] = r.part;
        }
        continue;
      }
      allClaimed = true;
    }
    // The next one is the other thread's: wait for it, or read it here if that thread failed or is stuck.
    if (waitedSince < 0) waitedSince = performance.now();
    if (!worker || Atomics.load(worker.done, workerFailedSlot(plan)) === 1 || performance.now() - waitedSince > WORKER_PATIENCE_MS) {
      mine[next] = true;
      // (Not into the shared columns: a stuck thread may still be writing this segment's region.)
      if (worker) scanner.detachFnf();
      scanFileRange(fd, bounds[next]!, bounds[next + 1]!, scanner);
      next++;
      continue;
    }
    Atomics.wait(worker.done, next, 0, 50);
  }
  if (worker) {
    worker.port.close();
    worker.stop();
  }
  // The parts' columns, copied into this scanner's: collected now (the CLI's collector) rather than under the analysis's
  // tables (a 78 MB csv cache: about 60 MB of them).
  released(joined);
  return scanner;
}

function readSegments(fd: number, file: string, size: number, early: EarlyPass1 | undefined, stamp: number): FlowDumpScanner {
  const bounds = segmentBounds(fd, size);
  const nSeg = bounds.length - 1;
  const cap = Math.ceil(size / 72) + 2048;
  const regions = bounds.map((b) => Math.min(cap, Math.ceil((cap * b) / size)));
  regions[nSeg] = cap;
  // The first pass is primed too, fed in two steps as the joins feed it, by four passes at once: its tables' growth
  // then runs eight times in all. V8 keeps no type feedback for a function run only once or twice, and the compiled
  // first pass met that growth in a big capture with none, was thrown away and compiled again.
  primeScanner(() => {
    const passes = Array.from({ length: 4 }, () => new EarlyPass1(64));
    return (rows) => {
      for (const e of passes) e.feed(rows);
    };
  });
  const plan: SegmentPlan = { file, bounds, regions, bufs: columnBuffers(cap, (n) => new SharedArrayBuffer(n)), claim: new SharedArrayBuffer(4), ifNames: [], stamp };
  const claim = new Int32Array(plan.claim);
  Atomics.store(claim, 0, 1);
  const scanner = new FlowDumpScanner(bounds[1]!, false, new FlowColumns(regions[1]!, plan.bufs, 0), stamp);
  let worker: ReturnType<typeof startWorker>;
  let started = false;
  /** Once the first piece is read: the other thread starts, every segment it reads seeded with that piece's interface names. */
  const start = () => {
    started = true;
    // The interface names of the first piece (a few thousand rows), in this thread's order: every segment starts with
    // them, so joining it renumbers no interface. (A separate read of those bytes for them cost 13 ms before the
    // other thread could start.)
    plan.ifNames = scanner.interfaceNames.slice(1);
    // The first piece ends under an NX-OS flow cache's IPv4 rows, MLS NetFlow entries or a verbose cache's records:
    // the other segments are read as their continuation.
    plan.start = scanner.rowsStartHere();
    // A verbose cache's records join this scanner's own columns (not the shared ones): room for all of them at the
    // first piece's density, taken once, so the parts' joins copy each record once.
    if (plan.start?.verboseRecords) {
      plan.verbosePerByte = scanner.verboseCount / FIRST_CHUNK;
      scanner.reserveVerbose(Math.ceil(size * plan.verbosePerByte * 1.15) + 4096);
    }
    worker = nSeg > 1 ? startWorker(plan) : undefined;
  };
  // The first segment in small pieces, each fed to the first pass as it comes: both loops get hot (and compiled, on
  // V8's background threads) within a few milliseconds of each other, instead of one after the other.
  // Time spent scanning and feeding, for the choice below between reading another segment and feeding the next one.
  let feedMs = 0;
  const timedFeed = () => {
    const t = performance.now();
    early?.feed(scanner.rowsSoFar());
    feedMs = performance.now() - t;
  };
  const t0 = performance.now();
  let firstFeedMs = 0;
  scanFileRange(fd, 0, bounds[1]!, scanner, () => {
    if (!started) start();
    if (!early) return;
    timedFeed();
    firstFeedMs += feedMs;
  }, FIRST_CHUNK);
  if (!started) start();
  /** The last segment scan here, in ms (the first segment's time without its feeds, to begin with). */
  let scanMs = performance.now() - t0 - firstFeedMs;
  const results: (SegmentResult | undefined)[] = new Array(nSeg);
  const mine: boolean[] = new Array(nSeg).fill(false);
  const takeMessages = () => {
    if (!worker) return;
    for (let m = receiveMessageOnPort(worker.port); m; m = receiveMessageOnPort(worker.port)) {
      const { i, result } = m.message as WorkerMessage;
      if (!mine[i]) results[i] = result;
    }
  };
  // Join segments in order as soon as each is read, running the analysis's first pass over their rows meanwhile
  // (the other thread keeps reading); read another segment when the next one to join is not ready.
  let next = 1;
  let allClaimed = false;
  let waitedSince = -1;
  while (next < nSeg) {
    if (!scanner.continuesAs(plan.start)) {
      // The text so far does not end inside a flow table (or, for an NX-OS cache or MLS entries, where the first piece
      // did): no segment read as a continuation can join it. Read the
      // rest here, in order, at once (waiting for the next segment, or reading others meanwhile, was work thrown
      // away: a verbose cache is no flow table, and its 79 MB were read about one and a half times). Rows may now
      // pass the regions of later segments, which are no longer needed; the early pass no longer matches these rows.
      // The other thread claims no segment from here on: it would read them for nothing (and fill their regions: a
      // verbose cache's segments read as flow tables cost memory as well as time).
      Atomics.store(claim, 0, nSeg);
      scanFileRange(fd, bounds[next]!, size, scanner);
      early = undefined;
      break;
    }
    if (!results[next] && !mine[next] && worker && Atomics.load(worker.done, next) === 1) takeMessages();
    const r = results[next];
    if (r) {
      waitedSince = -1;
      if (r.shared) {
        if (!scanner.absorbAdjacent(plan.bufs, regions[next]!, r.count, r.text)) scanner.appendPart(sharedPart(plan.bufs, regions[next]!, r.count, r.text));
      } else {
        // This segment outgrew its region: from here on the rows live in private arrays, so appending cannot overwrite
        // the regions of the segments still to join.
        scanner.detach();
        scanner.appendPart(r.part);
      }
      timedFeed();
      next++;
      continue;
    }
    // Read another segment here while the next one is not ready, unless feeding the segments still to join would
    // then keep this thread busy after the other one has read the rest: with many sources, feeding a segment to the
    // first pass costs nearly as much as reading it, and a thread that also reads ends up feeding long after the
    // other is done (1M rows from 200,000 sources: about 100 ms). A worker that has kept this thread waiting longer
    // than two segments' reading is slow or stuck: then read on here whatever the balance.
    const stalled = waitedSince >= 0 && performance.now() - waitedSince > 2 * scanMs + 20;
    if (!allClaimed && (!worker || stalled || (nSeg - next) * feedMs + scanMs <= (nSeg - Atomics.load(claim, 0)) * scanMs)) {
      const i = Atomics.add(claim, 0, 1);
      if (i < nSeg) {
        mine[i] = true;
        const t = performance.now();
        results[i] = scanSegment(fd, plan, i);
        scanMs = performance.now() - t;
        continue;
      }
      allClaimed = true;
    }
    // Every segment is claimed and the next one is the worker's: wait for it, or read it here if the worker failed or
    // is stuck (into private columns: a stuck worker may still be writing its region).
    if (waitedSince < 0) waitedSince = performance.now();
    if (!worker || Atomics.load(worker.done, workerFailedSlot(plan)) === 1 || performance.now() - waitedSince > WORKER_PATIENCE_MS) {
      mine[next] = true;
      results[next] = scanSegment(fd, plan, next, true);
      continue;
    }
    Atomics.wait(worker.done, next, 0, 50);
  }
  if (worker) {
    worker.port.close();
    worker.stop();
  }
  return scanner;
}
