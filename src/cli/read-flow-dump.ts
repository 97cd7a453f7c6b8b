// Reads a big file for the analyzer: in chunks, as bytes, the second half on a worker thread (2 cores, one pass).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { FlowDumpScanner, type ScanPart } from '../core/big-paste/prescan';
import { decodeUtf8, registerPrescan } from '../core/parsers/show-ip-cache-flow/prescanned';
import { columnBuffers, FlowColumns, type ColumnBuffers } from '../core/parsers/show-ip-cache-flow/flow-columns';
import type { Paste } from '../core/types';

const CHUNK = 1 << 22;
/** Below this a second thread costs more (its start-up) than it saves. */
const SPLIT_MIN = 16 << 20;
const MAIN_SHARE = 0.54;

/** Feed file bytes [start, end) to the scanner, chunk by chunk, carrying partial lines over. */
function scanFileRange(fd: number, start: number, end: number, scanner: FlowDumpScanner): void {
  let buf = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, end - start)));
  let have = 0; // bytes of a partial line carried over at the start of buf
  let position = start; // where buf[0] sits in the file
  for (;;) {
    const n = readSync(fd, buf, have, Math.min(buf.length - have, end - position - have), position + have);
    const len = have + n;
    const final = n === 0;
    const used = scanner.feed(buf, len, position, final);
    if (final) return;
    if (used === 0) {
      // One line longer than the buffer: grow it.
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, len);
      buf = bigger;
      have = len;
      continue;
    }
    buf.copy(buf, 0, used, len);
    have = len - used;
    position += used;
  }
}

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

/** Read the line starting at `offset` (evidence quoting, after the scan). */
function lineReader(path: string): (offset: number) => string {
  return (offset) => {
    const b = Buffer.alloc(4096);
    const fd = openSync(path, 'r');
    try {
      const n = readSync(fd, b, 0, b.length, offset);
      let e = 0;
      while (e < n && b[e] !== 10 && b[e] !== 13) e++;
      return decodeUtf8(b, 0, e);
    } finally {
      closeSync(fd);
    }
  };
}

interface ScanJob {
  kind: 'code-red-triage/flow-scan';
  file: string;
  start: number;
  end: number;
  port: MessagePort;
  done: SharedArrayBuffer;
  /** Shared columns; the worker writes rows [from, bufs.cap). */
  bufs: ColumnBuffers;
  from: number;
}

type TextPart = ReturnType<FlowDumpScanner['textPart']>;
/** What the worker posts: its rows are in the shared columns, or (if they outgrew them) in a transferred part. */
type WorkerResult = { shared: true; count: number; text: TextPart } | { shared: false; part: ScanPart };

/** Start a worker on [start, end); returns a function that waits for its result (undefined if it failed). */
function startWorker(file: string, start: number, end: number, bufs: ColumnBuffers, from: number): () => WorkerResult | undefined {
  const done = new SharedArrayBuffer(4);
  const flag = new Int32Array(done);
  const { port1, port2 } = new MessageChannel();
  const job: ScanJob = { kind: 'code-red-triage/flow-scan', file, start, end, port: port2, done, bufs, from };
  const w = new Worker(new URL(import.meta.url), { workerData: job, transferList: [port2] });
  w.unref();
  w.on('error', () => {
    Atomics.store(flag, 0, 2);
    Atomics.notify(flag, 0);
  });
  return () => {
    // Synchronous wait (the analyzer is a plain synchronous pipeline); the worker posts, then raises the flag.
    while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 1000);
    const msg = Atomics.load(flag, 0) === 1 ? receiveMessageOnPort(port1) : undefined;
    void w.terminate();
    port1.close();
    return msg?.message as WorkerResult | undefined;
  };
}

/** Worker side: scan the range as a continuation of a cache-flow table, post the result, raise the flag. */
function runWorker(job: ScanJob): void {
  const flag = new Int32Array(job.done);
  try {
    const fd = openSync(job.file, 'r');
    const cols = new FlowColumns(job.bufs.cap - job.from, job.bufs, job.from);
    const scanner = new FlowDumpScanner(job.end - job.start, true, cols);
    try {
      scanFileRange(fd, job.start, job.end, scanner);
    } finally {
      closeSync(fd);
    }
    if (cols.uses(job.bufs) && scanner.rowCount <= cols.cap) {
      job.port.postMessage({ shared: true, count: scanner.rowCount, text: scanner.textPart() } satisfies WorkerResult);
    } else {
      const part = scanner.part();
      const t = part.rows;
      const buffers = [t.srcIf, t.dstIf, t.src, t.dst, t.proto, t.srcPort, t.dstPort, t.packets, t.bytes, t.line, part.offsets].map((a) => a.buffer as ArrayBuffer);
      job.port.postMessage({ shared: false, part } satisfies WorkerResult, buffers);
    }
    Atomics.store(flag, 0, 1);
  } catch {
    Atomics.store(flag, 0, 2);
  }
  Atomics.notify(flag, 0);
}

/** The worker's shared rows [from, from + count) as a part (views, no copy) for appendPart. */
function sharedPart(b: ColumnBuffers, from: number, count: number, text: TextPart): ScanPart {
  const c = new FlowColumns(count, b, from);
  c.n = count;
  c.ifNames.splice(0, c.ifNames.length, ...text.ifNames);
  const { table, offsets } = c.finish();
  return { rows: table, offsets, textIndex: text.textIndex, text: text.text, lineCount: text.lineCount };
}

if (!isMainThread && (workerData as ScanJob | undefined)?.kind === 'code-red-triage/flow-scan') runWorker(workerData as ScanJob);

/**
 * A big file as a pre-scanned paste. Past SPLIT_MIN the second half goes to a worker that assumes it starts
 * inside a cache-flow table; if the first half does not end in one, this thread reads the second half itself.
 */
export function readFlowDump(file: string, source: string): Paste {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    // This thread takes a little more than half: the worker starts tens of milliseconds later (it loads the bundle).
    const mid = size >= SPLIT_MIN ? lineStartAfter(fd, Math.floor(size * MAIN_SHARE), size) : -1;
    let scanner: FlowDumpScanner;
    if (mid > 0) {
      // One set of shared columns: this thread fills rows from 0, the worker from `from` (device rows are ~80
      // bytes, so each part fits in its share of size/72 rows); afterwards the worker's rows move down, in place.
      const cap = Math.ceil(size / 72) + 2048;
      const from = Math.ceil((cap * mid) / size);
      const bufs = columnBuffers(cap, (n) => new SharedArrayBuffer(n));
      let wait: () => WorkerResult | undefined;
      try {
        wait = startWorker(file, mid, size, bufs, from);
      } catch {
        wait = () => undefined; // no worker threads here: this thread reads the second half too
      }
      scanner = new FlowDumpScanner(mid, false, new FlowColumns(from, bufs, 0));
      scanFileRange(fd, 0, mid, scanner);
      const r = wait();
      if (!r || !scanner.inFlowTable()) scanFileRange(fd, mid, size, scanner);
      else if (!r.shared) scanner.appendPart(r.part);
      else if (!scanner.absorbAdjacent(bufs, from, r.count, r.text)) scanner.appendPart(sharedPart(bufs, from, r.count, r.text));
    } else {
      scanner = new FlowDumpScanner(size);
      scanFileRange(fd, 0, size, scanner);
    }
    const paste: Paste = { source, text: '' };
    registerPrescan(paste, scanner.finish(lineReader(file)));
    return paste;
  } finally {
    closeSync(fd);
  }
}
