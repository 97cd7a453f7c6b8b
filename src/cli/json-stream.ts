// `JSON.stringify(value, null, 2)`, written out in pieces: a diagnosis of 200,000 hosts is an 80 MB document, and
// building it as one string (then one Buffer of it) costs more time and memory than the analysis that made it.
// The text goes straight into one reused byte buffer (no string per value, no rope to flatten), flushed when full;
// the elements of a mapped array (the hosts) go through V8's own JSON.stringify a batch at a time.
import { Buffer } from 'node:buffer';
import { writeSync } from 'node:fs';

/** Flush to the sink once this many bytes are pending. */
export const CHUNK_BYTES = 1 << 20;

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** '\n' plus two spaces per level, by level. */
const NEWLINES: string[] = ['\n'];
const newline = (depth: number): string => (NEWLINES[depth] ??= `\n${'  '.repeat(depth)}`);
/** The same as bytes, then followed by ']' and by '}'. */
const CLOSE_ARRAY: Uint8Array[] = [];
const CLOSE_OBJECT: Uint8Array[] = [];
const closeArray = (depth: number): Uint8Array => (CLOSE_ARRAY[depth] ??= ascii(`${newline(depth)}]`));
const closeObject = (depth: number): Uint8Array => (CLOSE_OBJECT[depth] ??= ascii(`${newline(depth)}}`));
/** '[' or ',' then a newline and the indent of an element at `depth`. */
const OPEN_ELEMENT: Uint8Array[] = [];
const NEXT_ELEMENT: Uint8Array[] = [];
const openElement = (depth: number): Uint8Array => (OPEN_ELEMENT[depth] ??= ascii(`[${newline(depth)}`));
const nextElement = (depth: number): Uint8Array => (NEXT_ELEMENT[depth] ??= ascii(`,${newline(depth)}`));

/** Property names as they print: `"name": `, by name (a diagnosis has a few dozen). */
const KEYS = new Map<string, string>();
function keyText(key: string): string {
  let t = KEYS.get(key);
  if (t === undefined) {
    t = `${JSON.stringify(key)}: `;
    if (KEYS.size < 4096) KEYS.set(key, t);
  }
  return t;
}

const QUOTE = 34;
const BACKSLASH = 92;

/**
 * The value as JSON.stringify sees it after toJSON and unboxing (SerializeJSONProperty, steps 2-4). `key` is the
 * property name or array index, made a string only for a toJSON that is given it.
 */
function prepare(key: string | number, v: unknown): unknown {
  if (v === null || (typeof v !== 'object' && typeof v !== 'bigint')) return v;
  const toJSON = (v as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') v = toJSON.call(v, String(key));
  if (v === null || typeof v !== 'object') return v;
  // Plain objects and arrays (all of a diagnosis) need no more checks.
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === Array.prototype) return v;
  if (v instanceof Number) return Number(v);
  if (v instanceof String) return String(v);
  if (v instanceof Boolean) return v.valueOf();
  if (v instanceof BigInt) throw new TypeError('Do not know how to serialize a BigInt');
  return v;
}

/** An object's keys, in order, and each one's printed prefix: `{\n  "key": ` for the first, `,\n  "key": ` after. */
interface Shape {
  keys: string[];
  prefixes: Uint8Array[];
}

/** Mapped elements printed per JSON.stringify call. */
const BATCH = 256;

/**
 * A plain object or array that JSON.stringify prints as it is: no toJSON, so the key that toJSON would be given
 * (its index in the batch, not in the whole array) cannot matter.
 */
function isPlainRecord(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === Array.prototype) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** `[` then a newline and indent, once per level above `depth`: what wraps an array nested `depth` deep. */
const WRAP_OPEN: string[] = [];
const wrapOpen = (depth: number): string => (WRAP_OPEN[depth] ??= Array.from({ length: depth }, (_, j) => `[${newline(j + 1)}`).join(''));
/** What closes it: a newline and indent then `]`, once per level. */
const WRAP_CLOSE: string[] = [];
const wrapClose = (depth: number): string => (WRAP_CLOSE[depth] ??= Array.from({ length: depth }, (_, j) => `${newline(depth - 1 - j)}]`).join(''));

/**
 * The elements as they print inside an array at `depth` (JSON.stringify(..., null, 2)), joined by `,` and a newline
 * and indent, without the array's own brackets. The batch is nested `depth` arrays deep so that JSON.stringify
 * indents its lines as the document does; the wrapping is then cut off.
 */
function stringifyElements(elements: readonly object[], depth: number): string {
  let wrapped: unknown = elements;
  for (let j = 0; j < depth; j++) wrapped = [wrapped];
  const s = JSON.stringify(wrapped, null, 2);
  // wrapOpen(depth) + '[' + newline(depth + 1) + elements + newline(depth) + ']' + wrapClose(depth)
  const from = wrapOpen(depth).length + 1 + newline(depth + 1).length;
  const to = s.length - wrapClose(depth).length - newline(depth).length - 1;
  return s.slice(from, to);
}

const omitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** Bytes written into one reused buffer; `sink` gets each full buffer (it must use or copy it before returning). */
class ByteWriter {
  private buf: Buffer;
  private pos = 0;
  private readonly encoder = new TextEncoder();

  constructor(
    private readonly sink: (bytes: Uint8Array) => void,
    private readonly chunk: number,
  ) {
    this.buf = Buffer.allocUnsafe(chunk + 4096);
  }

  /** Room for n more bytes. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
  }

  /** Bytes as they are, big ones handed to the sink as they are (after what is pending), without a copy. */
  external(b: Uint8Array): void {
    if (b.length <= 4096) {
      this.bytes(b);
      return;
    }
    this.flush();
    this.sink(b);
  }

  /** Hands over what is pending once a chunk's worth has built up. */
  maybeFlush(): void {
    if (this.pos >= this.chunk) this.flush();
  }

  flush(): void {
    if (this.pos > 0) this.sink(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }

  /** Bytes as they are. */
  bytes(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    if (n > 32) {
      this.buf.set(b, this.pos);
      this.pos += n;
      return;
    }
    // Short pieces (indents, property names): a loop beats set()'s call.
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = b[i]!;
    this.pos = p;
  }

  /** Text as UTF-8 (the caller has escaped it; JSON text holds no lone surrogate). */
  text(s: string): void {
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.pos = p;
        this.utf8(s, i);
        return;
      }
      buf[p++] = c;
    }
    this.pos = p;
  }

  /** Text of any length and characters (the caller has escaped it), through Node's native UTF-8 writer. */
  encoded(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /** s from index `from` on, any characters. */
  private utf8(s: string, from: number): void {
    const rest = from === 0 ? s : s.slice(from);
    this.room(rest.length * 3);
    this.pos += this.encoder.encodeInto(rest, this.buf.subarray(this.pos)).written;
  }

  /** A JSON string literal, exactly as JSON.stringify quotes it. */
  string(s: string): void {
    const n = s.length;
    this.room(n + 2);
    const buf = this.buf;
    const start = this.pos;
    let p = start;
    buf[p++] = QUOTE;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c === QUOTE || c === BACKSLASH || c >= 0x80) {
        // Escapes, non-ASCII and surrogates: JSON.stringify's own quoting, then UTF-8.
        this.pos = start;
        this.text(JSON.stringify(s));
        return;
      }
      buf[p++] = c;
    }
    buf[p++] = QUOTE;
    this.pos = p;
  }

  number(v: number): void {
    if (v >= 0 && v < 10 && (v | 0) === v) {
      // Most counts in a big capture: one digit (and -0 prints as 0).
      this.room(1);
      this.buf[this.pos++] = 48 + v;
      return;
    }
    if ((v | 0) !== v) {
      this.text(Number.isFinite(v) ? `${v}` : 'null');
      return;
    }
    // A 32-bit integer (and -0, which prints as 0): its digits, without a string.
    this.room(11);
    const buf = this.buf;
    let p = this.pos;
    let x = v;
    if (x < 0) {
      buf[p++] = 45;
      x = -x;
    }
    let digits = 1;
    for (let t = x; t >= 10; t = Math.floor(t / 10)) digits++;
    for (let i = p + digits - 1; i >= p; i--) {
      buf[i] = 48 + (x % 10);
      x = Math.floor(x / 10);
    }
    this.pos = p + digits;
  }
}

export interface StreamOptions {
  /** Flush once this many bytes are pending (CHUNK_BYTES). */
  chunkBytes?: number;
  /**
   * Arrays written as if mapped first (`array.map(f)`), one element at a time: the CLI's hosts go from analysis to
   * public form as they are written, never all at once.
   */
  mapElements?: ReadonlyMap<readonly unknown[], (element: never) => unknown>;
  /** Arrays some of whose elements write their own JSON text (the CLI's clean hosts, kept as columns). */
  writeElements?: ReadonlyMap<readonly unknown[], ElementWriter>;
  /**
   * No element of any other array holds an array of mapElements or writeElements: plain ones are then printed by
   * JSON.stringify a batch at a time, as mapped ones are (a piece handed over may then pass chunkBytes).
   */
  stringifyPlain?: boolean;
}

/** Writes some elements' JSON itself: exactly what JSON.stringify(mapped element, null, 2) prints at that depth. */
export interface ElementWriter {
  /** True for the elements it writes (the others are mapped and printed as usual). */
  handles(element: unknown): boolean;
  /**
   * Pushes the element's text nested `level` deep (its properties indented level + 1 steps of two spaces, its last
   * line `level`) onto `parts`, in pieces whose join is the text.
   */
  parts(element: unknown, level: number, parts: string[]): void;
  /**
   * Writes a run of elements it handles, from `from` on, straight to `sink`: each exactly as parts() gives it, with
   * `separator` between them (none before the first). Returns the index past the last one it wrote (past `from`).
   * Optional: without it each element goes through parts().
   */
  run?(elements: readonly unknown[], from: number, level: number, separator: string, sink: RunSink): number;
}

/** Where ElementWriter.run writes: bytes (the sink must use or copy them before the next call) or text. */
export interface RunSink {
  bytes(b: Uint8Array): void;
  text(s: string): void;
}

/**
 * Writes exactly the UTF-8 bytes of `JSON.stringify(value, null, 2)` to `sink`, about `chunkBytes` at a time, through
 * one reused buffer (the sink must use or copy each piece before returning). Returns false, writing nothing, where
 * JSON.stringify would return undefined (a function, a symbol, undefined). Same rules as JSON.stringify: `toJSON`,
 * omitted undefined/function/symbol properties (null in arrays), null for non-finite numbers, boxed primitives
 * unboxed, TypeError on a cycle or a BigInt.
 */
export function streamJson(value: unknown, sink: (bytes: Uint8Array) => void, options: StreamOptions = {}): boolean {
  const out = new ByteWriter(sink, options.chunkBytes ?? CHUNK_BYTES);
  const mapElements = options.mapElements as ReadonlyMap<readonly unknown[], (element: unknown) => unknown> | undefined;
  const writeElements = options.writeElements;
  const stringifyPlain = options.stringifyPlain === true;
  const encoder = new TextEncoder();
  const stack: object[] = [];

  /** A prepared value that is not left out, at `depth`. */
  const put = (v: unknown, depth: number): void => {
    switch (typeof v) {
      case 'string':
        out.string(v);
        return;
      case 'number':
        out.number(v);
        return;
      case 'boolean':
        out.text(v ? 'true' : 'false');
        return;
      case 'bigint':
        throw new TypeError('Do not know how to serialize a BigInt');
      case 'object':
        if (v === null) out.text('null');
        else if (Array.isArray(v)) putArray(v, depth);
        else putObject(v as Record<string, unknown>, depth);
        return;
      default:
        // Only reached for array elements: undefined, functions and symbols print as null there.
        out.text('null');
    }
  };

  const enter = (v: object): void => {
    if (stack.includes(v)) throw new TypeError('Converting circular structure to JSON');
    stack.push(v);
  };

  const putArray = (a: readonly unknown[], depth: number): void => {
    if (a.length === 0) {
      out.text('[]');
      return;
    }
    enter(a);
    const open = openElement(depth + 1);
    const next = nextElement(depth + 1);
    const map = mapElements?.get(a);
    const own = writeElements?.get(a);
    const separator = newline(depth + 1).replace('\n', ',\n');
    // A mapped array's elements are fresh objects made for printing (the CLI's hosts: 200,000 of them): V8's own
    // JSON.stringify writes them, a batch at a time (200,000 hosts: 320 ms, where walking each one here took 430).
    const batch: object[] = [];
    let written = 0;
    const flushBatch = (): void => {
      if (batch.length === 0) return;
      out.bytes(written === 0 ? open : next);
      out.encoded(stringifyElements(batch, depth));
      written += batch.length;
      batch.length = 0;
      out.maybeFlush();
    };
    const runSink: RunSink = { bytes: (b) => out.external(b), text: (t) => out.encoded(t) };
    for (let i = 0; i < a.length; i++) {
      if (own?.run && own.handles(a[i])) {
        flushBatch();
        out.bytes(written === 0 ? open : next);
        const j = own.run(a, i, depth + 1, separator, runSink);
        written += j - i;
        out.maybeFlush();
        i = j - 1;
        continue;
      }
      if (own && own.handles(a[i])) {
        flushBatch();
        // A run of such elements, BATCH at a time, as one join.
        const parts: string[] = [];
        let j = i;
        for (; j < a.length && j - i < BATCH && own.handles(a[j]); j++) {
          if (j > i) parts.push(separator);
          own.parts(a[j], depth + 1, parts);
        }
        out.bytes(written === 0 ? open : next);
        out.encoded(parts.join(''));
        written += j - i;
        out.maybeFlush();
        i = j - 1;
        continue;
      }
      const x = map ? map(a[i]) : a[i];
      // Mapped plain elements go to JSON.stringify a batch at a time; unmapped ones too when the caller says none of
      // them holds an array of its own (stringifyPlain: walking a report's findings here, once per process, cost
      // 10-15 ms before V8 had compiled the walk).
      if ((map || stringifyPlain) && isPlainRecord(x)) {
        batch.push(x);
        if (batch.length === BATCH) flushBatch();
        continue;
      }
      flushBatch();
      out.bytes(written++ === 0 ? open : next);
      if (typeof x === 'string') out.string(x);
      else put(prepare(i, x), depth + 1);
      out.maybeFlush();
    }
    flushBatch();
    out.bytes(closeArray(depth));
    stack.pop();
  };

  /** Property prefixes (`{\n  "key": `, `,\n  "key": `) for the last key list seen at each depth. */
  const shapes: Shape[] = [];
  const prefix = (key: string, first: boolean, depth: number): Uint8Array => encoder.encode(`${first ? '{' : ','}${newline(depth + 1)}${keyText(key)}`);

  /** The prefixes of an object's properties, by its key list (the last one seen at that depth is kept). */
  const prefixesFor = (keys: string[], depth: number): Uint8Array[] => {
    const last = shapes[depth];
    if (last && last.keys.length === keys.length) {
      let same = true;
      for (let i = 0; same && i < keys.length; i++) same = last.keys[i] === keys[i];
      if (same) return last.prefixes;
    }
    const prefixes = keys.map((k, i) => prefix(k, i === 0, depth));
    shapes[depth] = { keys, prefixes };
    return prefixes;
  };

  const putObject = (o: Record<string, unknown>, depth: number): void => {
    enter(o);
    const keys = Object.keys(o);
    const prefixes = prefixesFor(keys, depth);
    let written = false;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      let x = o[key];
      if ((typeof x === 'object' && x !== null) || typeof x === 'bigint') x = prepare(key, x);
      if (omitted(x)) continue;
      // After a left-out first property, the first one written opens the object itself.
      out.bytes(written || i === 0 ? prefixes[i]! : prefix(key, true, depth));
      written = true;
      if (typeof x === 'string') out.string(x);
      else if (typeof x === 'number') out.number(x);
      else put(x, depth + 1);
    }
    if (!written) out.text('{}');
    else out.bytes(closeObject(depth));
    stack.pop();
  };

  const top = prepare('', value);
  if (omitted(top)) return false;
  put(top, 0);
  out.flush();
  return true;
}

/** Sleeps without spinning (the CLI is synchronous: a full pipe is waited on, not buffered in memory). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The write a sink uses (fs.writeSync by default; tests give one that refuses or writes short). */
export type WriteFn = (fd: number, buffer: Uint8Array, offset: number, length: number) => number;

/**
 * Writes all of `bytes` to `fd`, waiting while a non-blocking pipe is full (EAGAIN). Returns false when the reader
 * has gone (EPIPE): the rest is dropped, as `analyze --json FILE | head` expects.
 */
export function writeAll(fd: number, bytes: Uint8Array, write: WriteFn = writeSync): boolean {
  let off = 0;
  /** Milliseconds to wait on EAGAIN: short first (a reader drains a 64 KB pipe in tens of microseconds), up to 5 ms while it stays full. */
  let wait = 0.05;
  while (off < bytes.length) {
    try {
      off += write(fd, bytes, off, bytes.length - off);
      wait = 0.05;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return false;
      if (code !== 'EAGAIN') throw e;
      pause(wait);
      wait = Math.min(wait * 2, 5);
    }
  }
  return true;
}

/**
 * `JSON.stringify(value, null, 2) + '\n'` written to `fd` in about 1 MB pieces, so the document never exists whole.
 * Returns false if the reader went away before the end (the rest is not written).
 */
export function writeJsonDocument(fd: number, value: unknown, options: StreamOptions & { write?: WriteFn } = {}): boolean {
  const write = options.write ?? writeSync;
  let open = true;
  const sink = (bytes: Uint8Array): void => {
    if (open) open = writeAll(fd, bytes, write);
  };
  if (streamJson(value, sink, options)) sink(new Uint8Array([10]));
  return open;
}
