// The byte path the CLI and the browser worker share: a paste from bytes in memory, or from chunks read on demand.
import type { Paste } from '../types';
import { decodeUtf8, type LinesAt, registerPrescan } from '../parsers/show-ip-cache-flow/prescanned';
import { FlowDumpScanner, prescanBytes, stampKindOfBytes } from './prescan';
import { lineStampLength, STAMP_HEAD_BYTES } from '../text/line-stamps';

/** Below this, decoding to text and the ordinary parsers cost less than the byte path's set-up. */
export const BYTES_PATH_MIN = 1 << 20;
/** Chunk size for reading a file piece by piece (as the CLI does): big enough that each read is cheap. */
export const CHUNK_BYTES = 1 << 22;

/** How much of a file's start looksLikeFnfCache reads. */
export const FNF_HEAD_BYTES = 1 << 16;

/**
 * Is this the start of a Flexible NetFlow cache with no `show ip cache flow` table near its top? `head` is the first
 * FNF_HEAD_BYTES of the file, decoded any way that keeps ASCII. The CLI reads such a file on one thread: its records
 * are read from bytes (fnf-records.ts), and a second thread would read its segments as cache-flow tables, for nothing.
 * (Before 2026-12-04 such a file was read as text, then faster than the byte path, which read no FNF record.)
 */
export function looksLikeFnfCache(head: string): boolean {
  // A terminal log's time stamps (line-stamps.ts) before the lines: read past them.
  const lines = head
    .split('\n')
    .map((l) => l.slice(lineStampLength(l.slice(0, 96))))
    .join('\n');
  // ([ \t]*, not \s*: under /m each of 64K blank lines' starts re-read every line end after it, 4.6 s.)
  return /^[ \t]*(?:IPV[46] SOURCE ADDRESS:|Cache type:)/m.test(lines) && !/SrcIf\s+SrcIPaddress/.test(lines);
}

function concat(parts: readonly Uint8Array[], n: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A paste from bytes held in memory: small ones as text, big ones straight into flow columns. */
export function pasteOfBytes(source: string, bytes: Uint8Array): Paste {
  if (bytes.length < BYTES_PATH_MIN) return { source, text: decodeUtf8(bytes, 0, bytes.length) };
  const paste: Paste = { source, text: '' };
  registerPrescan(paste, prescanBytes(bytes));
  return paste;
}

/**
 * A paste read chunk by chunk (so the whole file never sits in memory as bytes, let alone as text): `read` gives
 * bytes [start, end) of the file (the next chunk is asked for before this one is scanned), `linesAt` reads back the
 * lines at some offsets (evidence quoting, after the scan: linesFromRanges), `progress` hears how many bytes were read
 * after each chunk.
 */
export async function pasteOfChunks(
  source: string,
  size: number,
  read: (start: number, end: number) => Promise<Uint8Array>,
  linesAt: LinesAt,
  progress: (done: number) => void = () => undefined,
  chunkBytes = CHUNK_BYTES,
): Promise<Paste> {
  // A terminal log's per-line time stamps are decided on the file's start (STAMP_HEAD_BYTES), as the text path decides
  // on its first lines: chunks smaller than that are kept until there is as much, then scanned together.
  let scanner: FlowDumpScanner | undefined;
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let carry = new Uint8Array(0); // a partial line left over from the previous chunk
  let position = 0; // where the carry starts in the file
  const readFrom = (at: number): Promise<Uint8Array> => {
    const end = Math.min(size, at + chunkBytes);
    const p = at < end ? read(at, end) : Promise.resolve(new Uint8Array(0));
    // Awaited on the next turn of the loop; until then a failure is not an unhandled one.
    p.catch(() => undefined);
    return p;
  };
  // The next chunk is asked for before this one is scanned: the browser reads a file slice on another thread (about
  // 9 ms for 4 MB), and a 79 MB file waited 170-190 ms in all for its slices when each was asked for only once the
  // one before it was scanned.
  let next = readFrom(0);
  for (let at = 0; ; at += chunkBytes) {
    const end = Math.min(size, at + chunkBytes);
    let chunk = await next;
    if (end < size) next = readFrom(at + chunkBytes);
    const final = end >= size;
    if (!scanner) {
      held.push(chunk);
      heldBytes += chunk.length;
      if (heldBytes < STAMP_HEAD_BYTES && !final) {
        progress(end);
        continue;
      }
      chunk = concat(held, heldBytes);
      held = [];
      scanner = new FlowDumpScanner(size, false, undefined, stampKindOfBytes(chunk, final));
    }
    let buf = chunk;
    if (carry.length > 0) {
      buf = new Uint8Array(carry.length + chunk.length);
      buf.set(carry);
      buf.set(chunk, carry.length);
    }
    // (The last chunk ends the paste: nothing follows its last line.)
    const used = scanner.feed(buf, buf.length, position, final, false, final ? null : undefined);
    progress(end);
    if (final) break;
    carry = buf.slice(used);
    position += used;
  }
  const paste: Paste = { source, text: '' };
  registerPrescan(paste, scanner!.finish(linesAt));
  return paste;
}
