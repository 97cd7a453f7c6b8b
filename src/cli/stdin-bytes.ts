// Standard input as bytes, for `npm run analyze -- -` (`zcat capture.gz | npm run analyze -- -`).
import { readFileSync, readSync } from 'node:fs';

/** Most of standard input one buffer grows to in place (a pipe's size is not known before its end). */
const STDIN_MAX = 2 ** 32;

/**
 * Standard input whole, in one buffer that grows in place as it is read (a resizable ArrayBuffer: no second buffer and
 * no copy). readFileSync(0) reads a pipe in pieces and then joins them, twice the input at once: a 79 MB cache piped in
 * peaked at 3.0-3.6x the input in all, 211 MB for the reading alone where this takes 125 MB. A read that finds a
 * non-blocking input empty for now (EAGAIN) waits a millisecond and tries again; Windows ends a pipe with EOF. Where
 * resizable buffers are missing (an older Node), or past STDIN_MAX, readFileSync(0) reads it as before.
 */
export function readStdin(): Buffer {
  let buf: ArrayBuffer & { resize?: (n: number) => void; maxByteLength?: number };
  try {
    buf = new (ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer)(1 << 22, { maxByteLength: STDIN_MAX });
  } catch {
    return readFileSync(0);
  }
  if (typeof buf.resize !== 'function') return readFileSync(0);
  const head: Buffer[] = [];
  let n = 0;
  for (;;) {
    if (n === buf.byteLength) {
      if (n === STDIN_MAX) {
        // (More than the buffer can grow to: the rest as readFileSync reads it, joined after.)
        head.push(Buffer.from(buf, 0, n), readFileSync(0));
        return Buffer.concat(head);
      }
      buf.resize(Math.min(STDIN_MAX, 2 * n));
    }
    let k: number;
    try {
      k = readSync(0, new Uint8Array(buf, n, buf.byteLength - n), 0, buf.byteLength - n, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(PAUSE, 0, 0, 1);
        continue;
      }
      if (code !== 'EOF') throw e;
      k = 0;
    }
    if (k === 0) return Buffer.from(buf, 0, n);
    n += k;
  }
}
const PAUSE = new Int32Array(new SharedArrayBuffer(4));
