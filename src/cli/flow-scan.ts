// Scanning a big file in segments on two threads: what both sides share (the worker's own entry is flow-scan-worker.ts).
import { closeSync, openSync, readSync } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import { FlowDumpScanner } from '../core/big-paste/prescan';
import type { FnfStart, ScanPart } from '../core/big-paste/scan-part';
import type { FnfBuffers } from '../core/big-paste/fnf-records';
import type { TrackerState } from '../core/big-paste/section-tracker';
import type { FlowTable } from '../core/parsers/flow-table';
import { columnBuffers, FlowColumns, type ColumnBuffers } from '../core/parsers/show-ip-cache-flow/flow-columns';

const CHUNK = 1 << 22;

/** One read buffer per thread, reused segment after segment (a fresh 4 MB each time is garbage the size of the file). */
let readBuffer: Buffer | undefined;

/**
 * Feed file bytes [start, end) to the scanner, chunk by chunk, carrying partial lines over. `afterChunk` runs after each
 * chunk; `chunk` sets the read size (smaller pieces let the caller interleave its own work with the scan). Returns
 * where the scanner stopped: `end`, or with `finish` false (the caller reads on from there with the same scanner), the
 * start of what it gave back (a Flexible NetFlow record the range's end cuts).
 */
export function scanFileRange(fd: number, start: number, end: number, scanner: FlowDumpScanner, afterChunk?: () => void, chunk = CHUNK, finish = true): number {
  let buf = readBuffer && readBuffer.length >= Math.min(chunk, end - start) ? readBuffer : Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, end - start)));
  let have = 0; // bytes of a partial line carried over at the start of buf
  let position = start; // where buf[0] sits in the file
  try {
    for (;;) {
      // Up to `chunk` bytes in the buffer; past that (a line longer than a chunk), as much as it holds.
      const room = have < chunk ? Math.min(chunk, buf.length) - have : buf.length - have;
      const n = readSync(fd, buf, have, Math.min(room, end - position - have), position + have);
      const len = have + n;
      const final = n === 0;
      // Not to finish: what is left at the end (what the scanner gave back) is the caller's to read on from.
      if (final && !finish) return position;
      // The read buffer is this function's own, and evidence is read again from the file: it is scratch.
      const used = scanner.feed(buf, len, position, final, true, final ? nextHasEquals(fd, end) : undefined);
      afterChunk?.();
      if (final) return end;
      if (used === 0) {
        // No whole line yet: read on, into a bigger buffer once this one is full (one line longer than it).
        if (len === buf.length) {
          const bigger = Buffer.allocUnsafe(buf.length * 2);
          buf.copy(bigger, 0, 0, len);
          buf = bigger;
        }
        have = len;
        continue;
      }
      buf.copy(buf, 0, used, len);
      have = len - used;
      position += used;
    }
  } finally {
    if (buf.length <= CHUNK) readBuffer = buf;
  }
}

/** Let this thread's read buffer go (a file is read: its 4 MB would otherwise live through the analysis). */
export function releaseReadBuffer(): void {
  readBuffer = undefined;
}

/** Bytes read past a range's end for the line that follows it (a table's row is at most 1,000). */
const NEXT_LINE_BYTES = 1024;

/**
 * Whether the line that starts at byte `at` of the file holds an '=' (FlowDumpScanner.feed's nextHasEquals: a range's
 * last row waits for it); null at the file's end (no line follows), undefined for a line longer than NEXT_LINE_BYTES.
 */
export function nextHasEquals(fd: number, at: number): boolean | null | undefined {
  const b = Buffer.allocUnsafe(NEXT_LINE_BYTES);
  const n = readSync(fd, b, 0, b.length, at);
  if (n === 0) return null;
  const lf = b.subarray(0, n).indexOf(10);
  if (lf < 0 && n === b.length) return undefined;
  return b.subarray(0, lf >= 0 ? lf : n).includes(61);
}

type TextPart = ReturnType<FlowDumpScanner['textPart']>;

/** A segment read as a continuation: its rows in its region of the shared columns, or (outgrown) in a part of its own. */
export type SegmentResult = { shared: true; count: number; text: TextPart } | { shared: false; part: ScanPart };

/** The segments of a file: byte bounds (line starts) and each one's region of rows in the shared columns. */
export interface SegmentPlan {
  file: string;
  /** bounds[i] .. bounds[i + 1] is segment i; bounds[0] = 0, last = file size. */
  bounds: number[];
  /** regions[i] .. regions[i + 1] are segment i's rows in `bufs`. */
  regions: number[];
  bufs: ColumnBuffers;
  /** Int32 [next segment to claim]; segment 0 is the main thread's. */
  claim: SharedArrayBuffer;
  /** Interface names every segment's scanner starts with (from a sample of the file), so indexes agree. */
  ifNames: string[];
  /** The file's kind of per-line time stamp (stampKindOfBytes on its start; -1 for none), the same for every segment. */
  stamp: number;
  /**
   * A Flexible NetFlow cache: each segment is read as a later part of it, from this state (its records then come in
   * the segment's part; no region of `bufs` is used).
   */
  fnf?: FnfStart;
  /**
   * A Flexible NetFlow cache's shared columns: segment i keeps its records in records [regions[i], regions[i + 1]) of
   * `bufs` (past that, in arrays of its own); the main thread joins them where they lie.
   */
  fnfShared?: { bufs: FnfBuffers; regions: number[] };
  /**
   * An NX-OS flow cache's IPv4 rows, a `show mls netflow ip` table's entries, or a verbose cache's records: each
   * segment is read as their continuation, from this tracker state (the first piece's end: FlowDumpScanner.rowsStartHere), instead of inside a
   * cache-flow table.
   */
  start?: TrackerState;
  /** A verbose cache's records a byte at its start (with `start`): each segment takes room for its records at once. */
  verbosePerByte?: number;
}

/**
 * Read segment i (i >= 1) as a continuation of a cache-flow table, into its region of the shared columns (or, with
 * `apart`, into columns of its own).
 */
export function scanSegment(fd: number, plan: SegmentPlan, i: number, apart = false): SegmentResult {
  const from = plan.regions[i]!;
  const room = plan.regions[i + 1]! - from;
  const cols = room >= 16 && !apart ? new FlowColumns(room, plan.bufs, from) : new FlowColumns(Math.max(16, room));
  const shared = plan.fnfShared;
  const region = shared && { bufs: shared.bufs, from: shared.regions[i]!, end: shared.regions[i + 1]! };
  const scanner = new FlowDumpScanner(plan.bounds[i + 1]! - plan.bounds[i]!, true, cols, plan.stamp, plan.fnf, region);
  if (plan.start) scanner.startFrom(plan.start);
  if (plan.verbosePerByte) scanner.reserveVerbose((plan.bounds[i + 1]! - plan.bounds[i]!) * plan.verbosePerByte * 1.15 + 256);
  scanner.seedInterfaces(plan.ifNames);
  scanFileRange(fd, plan.bounds[i]!, plan.bounds[i + 1]!, scanner);
  if (cols.uses(plan.bufs) && scanner.rowCount <= room) return { shared: true, count: scanner.rowCount, text: scanner.textPart() };
  return { shared: false, part: scanner.part() };
}

/** The typed arrays of a part (to transfer them to the other thread rather than copy). */
export function partBuffers(part: ScanPart): ArrayBuffer[] {
  const t = part.rows;
  const f = part.fnf;
  const fnf = f ? [f.src, f.dst, f.srcPort, f.dstPort, f.proto, f.packets, f.bytes, f.srcIf, f.dstIf, f.line, f.offsets] : [];
  const v = part.verbose;
  const vr = v?.rows;
  const verbose = v && vr ? [vr.srcIf, vr.dstIf, vr.src, vr.dst, vr.proto, vr.srcPort, vr.dstPort, vr.packets, vr.bytes, vr.line, v.offsets, v.tos, v.flags, v.active, v.nextHop] : [];
  // (Distinct buffers only: transferring one twice throws. Shared ones are shared, not transferred.)
  const all = [t.srcIf, t.dstIf, t.src, t.dst, t.proto, t.srcPort, t.dstPort, t.packets, t.bytes, t.line, part.offsets, ...fnf, ...verbose].map((a) => a.buffer);
  return [...new Set(all.filter((b): b is ArrayBuffer => !(b instanceof SharedArrayBuffer)))];
}

export interface ScanJob {
  kind: 'code-red-triage/flow-scan';
  plan: SegmentPlan;
  port: MessagePort;
  /** Int32 per segment: 1 once the worker posted its result; the last slot (workerFailedSlot) is 1 if the worker failed. */
  done: SharedArrayBuffer;
}

/**
 * What a reading worker starts with: it readies its scanner, then waits on `port` for the plan and its `done` flags,
 * and posts its results on the same port. So it can be started before its file's plan is known (analyze.ts starts it
 * while the analyzer loads).
 */
export interface StandByData {
  kind: 'code-red-triage/flow-scan-standby';
  port: MessagePort;
}

/** The message that gives a standing-by worker its job. */
export type StandByJob = Omit<ScanJob, 'kind' | 'port'>;

/** What the worker posts for each segment it read. */
export interface WorkerMessage {
  i: number;
  result: SegmentResult;
}

/** Worker side of StandByData: prime the scanner now, scan once the job comes. */
export function standBy(d: StandByData): void {
  primeScanner();
  d.port.once('message', (job: StandByJob) => runScanWorker({ kind: 'code-red-triage/flow-scan', port: d.port, ...job }, true));
}

/** The slot of ScanJob.done that says the worker failed (segments use 0..n-1; bounds has n + 1 entries). */
export const workerFailedSlot = (plan: SegmentPlan): number => plan.bounds.length - 1;

/**
 * Worker side: claim segments until none is left, post each one's result, then mark it done. On any error (the file
 * gone or unreadable, say) it says so in `done` before the thread ends: the main thread then reads what it claimed
 * at once, instead of waiting out its patience for a thread that will never answer.
 */
export function runScanWorker(job: ScanJob, primed = false): void {
  const done = new Int32Array(job.done);
  try {
    if (!primed) primeScanner();
    scanClaimed(job, done);
  } catch (e) {
    const failed = workerFailedSlot(job.plan);
    Atomics.store(done, failed, 1);
    Atomics.notify(done, failed);
    throw e;
  }
}

function scanClaimed(job: ScanJob, done: Int32Array): void {
  const claim = new Int32Array(job.plan.claim);
  const n = job.plan.bounds.length - 1;
  const fd = openSync(job.plan.file, 'r');
  try {
    for (;;) {
      const i = Atomics.add(claim, 0, 1);
      if (i >= n) break;
      const result = scanSegment(fd, job.plan, i);
      job.port.postMessage({ i, result } satisfies WorkerMessage, result.shared ? [] : partBuffers(result.part));
      Atomics.store(done, i, 1);
      Atomics.notify(done, i);
    }
  } finally {
    closeSync(fd);
  }
}

/** A few lines of every kind the scanner meets: rows on changing and repeated interfaces, a CR line end, text. */
export const PRIME_TEXT = [
  'Router#show ip cache flow',
  'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts',
  // 40 sources (every third row UDP to port 53, the others TCP/80): enough for the first pass's tables to grow.
  ...Array.from({ length: 40 }, (_, i) => `${['Fa0/0', 'Gi0/1.100', 'Po12'][i % 3]!.padEnd(13)} 10.0.${i}.1      ${['Null', 'Fa0/1'][(i >> 2) % 2]!.padEnd(13)} 192.168.${i}.9  ${i % 3 === 2 ? '11' : '06'} ${(4096 + i).toString(16).toUpperCase()} ${i % 3 === 2 ? '0035' : '0050'}     ${i % 7 + 1}`),
  // A source seen again on another interface (its counts then go per interface).
  'Po12          10.0.9.1        Fa0/1         192.168.9.9     11 0035 0035     2\r',
  'Fa0/0         10.0.9.1        Fa0/1         192.168.9.9     06 0B15 0050    1K',
  '--More--',
  '',
].join('\n');

/**
 * Run the scanner over a few synthetic lines in each way a thread will use it (start of a paste into private
 * columns, a continuation into shared ones, a row offset past 2^31), so that V8 has seen every path before it
 * optimises the hot loop: otherwise the optimised code meets a path it never saw on its first real segment, is
 * thrown away and compiled again (40-50 ms of compiling each time, on a machine whose two cores are both busy).
 */
export function primeScanner(firstPass?: () => (rows: FlowTable) => void): void {
  const bytes = Buffer.from(PRIME_TEXT, 'latin1');
  const half = bytes.indexOf(10, bytes.length >> 1) + 1;
  const shared = columnBuffers(64, (n) => new SharedArrayBuffer(n));
  for (let k = 0; k < 2; k++) {
    // The start of a paste, into private columns that grow, read in two steps (the first pass reads each as it comes).
    const a = new FlowDumpScanner(bytes.length, false, new FlowColumns(16));
    const pass = firstPass?.();
    a.feed(bytes, half, k * 2 ** 31, false);
    pass?.(a.rowsSoFar());
    a.feed(bytes.subarray(half), bytes.length - half, k * 2 ** 31 + half, true);
    pass?.(a.rowsSoFar());
    // A continuation into shared columns.
    const b = new FlowDumpScanner(bytes.length, true, new FlowColumns(64, shared, 0));
    b.seedInterfaces(['Fa0/0', 'Fa0/1']);
    // Its last line without a line end (a file that ends so).
    b.feed(bytes, bytes.length - 1, k * 2 ** 31, true);
  }
}
