// The streamed JSON document must be byte for byte what `JSON.stringify(d, null, 2) + '\n'` printed before.
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CleanHost } from '../core/analysis/clean-hosts';
import { diagnose, diagnoseUnconverted, toPublicHost } from '../core/diagnose';
import { mulberry32 } from '../core/proof/mulberry32';
import type { Diagnosis, Paste } from '../core/types';
import { type StreamOptions, streamJson, writeAll, writeJsonDocument, type WriteFn } from './json-stream';

const dir = mkdtempSync(join(tmpdir(), 'json-stream-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixture = (path: string) => readFileSync(join(__dirname, '..', path), 'utf8');

/** What streamJson writes, joined (each piece copied: the writer reuses its buffer). */
function streamed(value: unknown, chunk?: number, mapElements?: StreamOptions['mapElements'], writeElements?: StreamOptions['writeElements']): Buffer {
  const pieces: Buffer[] = [];
  streamJson(value, (b) => pieces.push(Buffer.from(b)), { chunkBytes: chunk, mapElements, writeElements });
  return Buffer.concat(pieces);
}

/** streamJson's bytes with stringifyPlain (plain elements of any array through JSON.stringify). */
function plainStreamed(value: unknown): Buffer {
  const pieces: Buffer[] = [];
  streamJson(value, (b) => pieces.push(Buffer.from(b)), { chunkBytes: 7, stringifyPlain: true });
  return Buffer.concat(pieces);
}

/** JSON.stringify's text as UTF-8 (nothing where it returns undefined, as streamJson writes nothing then). */
const expected = (value: unknown): Buffer => Buffer.from((JSON.stringify(value, null, 2) as string | undefined) ?? '', 'utf8');

/** Three scanners walking one target list (sharedTargetsWith), clients, and an inbound prober. */
function sharedTargetsPaste(): string {
  const r = mulberry32(11);
  const addr = () => `${1 + Math.floor(r() * 120)}.${1 + Math.floor(r() * 250)}.${1 + Math.floor(r() * 250)}.${1 + Math.floor(r() * 250)}`;
  const list = Array.from({ length: 30 }, addr);
  const rows: string[] = [];
  for (const [k, ip] of ['20.1.10.1', '20.2.10.2', '20.3.10.3'].entries()) for (const dst of list.slice(k * 5, k * 5 + 20)) rows.push(`Fa0/${k} ${ip} Vl3 ${dst} 06 1F90 0050 1`);
  for (let i = 0; i < 40; i++) rows.push(`Vl1 10.9.0.${(i % 7) + 1} Vl3 20.1.10.${(i % 3) + 1} 06 0050 1F90 9`);
  for (let i = 0; i < 12; i++) rows.push(`Se0/0 61.1.2.3 Null 20.1.${i}.9 06 1F90 0050 1`);
  return ['Router#show ip cache flow', 'SrcIf SrcIPaddress DstIf DstIPaddress Pr SrcP DstP Pkts', ...rows, ''].join('\n');
}

/** Pastes whose diagnoses have hosts (one sharing targets), findings with evidence and remedies, charts, change plans. */
const PASTES: Paste[][] = [
  [{ source: 'seed.txt', text: fixture('core/parsers/show-ip-cache-flow/fixtures/seed.txt') }],
  [
    { source: 'config "quoted" \\ back.txt', text: fixture('core/rules/fixtures/config-constructed-code-red.txt') },
    { source: 'shared-targets – ünïcode 🐛.txt', text: sharedTargetsPaste() },
  ],
  [{ source: 'empty', text: '' }],
];
const diagnoses = (): Diagnosis[] => PASTES.map((p) => diagnose(p));

/** Strings JSON.stringify escapes or passes through: quotes, backslashes, every control character, non-ASCII, pairs and lone surrogates. */
const AWKWARD = [
  '',
  'say "hi"',
  'C:\\path\\to',
  Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join(''),
  '\u007f\u0080\u00ff é ñ 中文 \u2028\u2029',
  '😀 pair \ud83d\ude00',
  'lone high \ud800 end',
  'lone low \udc00',
  '\ud800',
  'ends high \udbff',
  '</script>',
];

describe('streamJson writes what JSON.stringify(value, null, 2) writes', () => {
  it('for real diagnoses: hosts with sharedTargetsWith, findings, charts, plans; in any chunk size', () => {
    const ds = diagnoses();
    expect(ds[1]!.hosts.some((h) => h.sharedTargetsWith?.length)).toBe(true);
    expect(ds[1]!.plans?.length).toBeGreaterThan(0);
    expect(ds[1]!.findings.length).toBeGreaterThan(3);
    expect(ds[0]!.charts).toBeDefined();
    for (const d of ds) {
      const want = expected(d);
      for (const chunk of [1, 7, 100, 4096, undefined]) expect(streamed(d, chunk).equals(want), `chunk ${chunk}`).toBe(true);
    }
  });

  it('for a diagnosis whose every string needs care (escapes, control characters, non-ASCII, surrogates)', () => {
    const d = diagnoses()[1]!;
    let n = 0;
    const awkward = () => AWKWARD[n++ % AWKWARD.length]!;
    for (const i of d.inputs) {
      i.source = awkward() + i.source;
      i.warnings.push({ line: 1, message: awkward() });
    }
    for (const h of d.hosts) {
      h.reasons = h.reasons.map((r) => r + awkward());
      h.interface = awkward();
    }
    for (const f of d.findings) f.title += awkward();
    const want = expected(d);
    expect(want.includes(Buffer.from('\\u0000'))).toBe(true);
    expect(want.includes(Buffer.from('\\ud800'))).toBe(true);
    expect(want.includes(Buffer.from('🐛'))).toBe(true);
    for (const chunk of [1, 3, 64, undefined]) expect(streamed(d, chunk).equals(want), `chunk ${chunk}`).toBe(true);
  });

  it('for every kind of value: left-out properties, nulls in arrays, numbers, toJSON, boxed primitives, empties', () => {
    const values: unknown[] = [
      0, -0, 1, -1, 2147483647, -2147483648, 2147483648, -2147483649, 1.5, -0.001, 1e21, 1e-7, 123456789012345680000, 5e-324, Number.MAX_VALUE,
      NaN, Infinity, -Infinity, true, false, null, '', 'x', ...AWKWARD,
      [], {}, [[]], [{}], { a: [] }, { a: {} },
      { u: undefined, f: () => 1, s: Symbol('s') },
      { u: undefined, a: 1, f() {}, b: [undefined, () => 1, Symbol('t'), null, NaN] },
      { first: undefined, second: 2 },
      new Date(Date.UTC(2001, 6, 19, 12, 0, 0)),
      { when: new Date(0), custom: { toJSON: (key: string) => `key was ${key}` }, list: [{ toJSON: (key: string) => ({ key }) }] },
      { toJSON: () => undefined },
      [new Number(3), new String('boxed "s"'), new Boolean(false)],
      { map: new Map([[1, 2]]), set: new Set([1]), typed: new Uint8Array([1, 2]) },
      // eslint-disable-next-line no-sparse-arrays
      [1, , 3],
      { 2: 'two', 1: 'one', b: 'b', a: 'a', [AWKWARD[3]!]: 'key with controls', 'ключ "q"': 'non-ASCII key' },
      { deep: { er: { est: [1, [2, [3, { x: 'y' }]]] } } },
      Object.assign(Object.create({ inherited: 1 }), { own: 2 }),
    ];
    for (const v of values) {
      expect(streamed(v, 1).equals(expected(v)), String(JSON.stringify(v))).toBe(true);
      expect(streamed(v).equals(expected(v)), String(JSON.stringify(v))).toBe(true);
      // Plain elements printed by JSON.stringify (the CLI's findings): the same text, whatever is in them.
      expect(plainStreamed(v).equals(expected(v)), String(JSON.stringify(v))).toBe(true);
      expect(plainStreamed([v, [v], { v }]).equals(expected([v, [v], { v }])), String(JSON.stringify(v))).toBe(true);
    }
  });

  it('for random documents (seeded): nested arrays and objects of random strings and numbers', () => {
    const r = mulberry32(2001);
    const str = (): string => {
      const n = Math.floor(r() * 12);
      let s = '';
      for (let i = 0; i < n; i++) {
        const k = r();
        s += k < 0.5 ? String.fromCharCode(32 + Math.floor(r() * 95)) : k < 0.7 ? String.fromCharCode(Math.floor(r() * 0x80)) : String.fromCharCode(Math.floor(r() * 0x10000));
      }
      return s;
    };
    const val = (depth: number): unknown => {
      const k = r();
      if (depth > 3 || k < 0.3) return str();
      if (k < 0.45) return r() < 0.5 ? Math.floor(r() * 2 ** 40) - 2 ** 39 : (r() - 0.5) * 10 ** Math.floor(r() * 40 - 20);
      if (k < 0.5) return [null, true, false, undefined][Math.floor(r() * 4)];
      if (k < 0.75) return Array.from({ length: Math.floor(r() * 5) }, () => val(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(r() * 5) }, () => [str(), val(depth + 1)]));
    };
    for (let i = 0; i < 300; i++) {
      const v = val(0);
      expect(streamed(v, 1 + (i % 50)).equals(expected(v)), JSON.stringify(v)).toBe(true);
      expect(plainStreamed({ findings: [v, v], more: v }).equals(expected({ findings: [v, v], more: v })), JSON.stringify(v)).toBe(true);
    }
  });

  it('writes mapped arrays as if mapped first: hosts straight from the analysis print as diagnose() prints them', () => {
    for (const p of PASTES) {
      const d = diagnoseUnconverted(p);
      const want = expected(diagnose(p));
      for (const chunk of [5, undefined]) expect(streamed(d, chunk, new Map([[d.hosts, toPublicHost]])).equals(want)).toBe(true);
    }
    const inner = [1, 'two', { three: 3 }];
    const v = { a: inner, b: [inner], c: [10, 20] };
    const f = (x: unknown) => (typeof x === 'number' ? x * 2 : [x]);
    expect(streamed(v, 1, new Map([[inner, f]])).equals(expected({ a: inner.map(f), b: [inner.map(f)], c: [10, 20] }))).toBe(true);
  });

  it('writes clean hosts kept as columns from their own text: the bytes diagnose() prints, at any depth, among plain hosts', () => {
    // 700 clean sources (runs longer than a batch), inbound probers, sources on several interfaces (rows with reasons
    // of their own), a scanner (a plain object among the rows), answered and unanswered UDP.
    const r = mulberry32(80);
    const rows: string[] = [];
    const ifs = ['Fa0/1', 'GigabitEthernet0/0/1.100', 'Vl1', 'Po12'];
    for (let i = 0; i < 2500; i++) {
      const j = i % 800;
      const src = `10.${1 + (j % 3)}.${j >> 8}.${1 + (j % 250)}`;
      const dst = `${20 + Math.floor(r() * 5)}.1.1.${1 + Math.floor(r() * 9)}`;
      const pr = r() < 0.2 ? '11 0035 0035' : '06 1F90 0050';
      rows.push(`${ifs[j % 9 === 0 ? Math.floor(i / 800) % 4 : j % 4]} ${src} ${r() < 0.02 ? 'Null' : 'Gi0/0'} ${dst} ${pr} ${r() < 0.1 ? 1 : 9}`);
    }
    for (let i = 0; i < 40; i++) rows.push(`Fa0/1 10.9.9.9 Gi0/0 ${30 + i}.2.3.4 06 1F90 0050 1`);
    for (let i = 0; i < 9; i++) rows.push(`Se0/0 61.1.2.${i % 3} Null 10.1.0.${i} 06 1F90 0050 9`);
    // Inbound probers arriving on two interfaces.
    for (let i = 0; i < 24; i++) rows.push(`Se0/${Math.floor(i / 6) % 2} 61.1.3.${i % 6} Null 10.1.0.${i} 06 1F90 0050 9`);
    const paste: Paste[] = [{ source: 's', text: ['Router#show ip cache flow', 'SrcIf SrcIPaddress DstIf DstIPaddress Pr SrcP DstP Pkts', ...rows, ''].join('\n') }];
    const d = diagnoseUnconverted(paste);
    const rowsOf = d.hosts.filter((h) => h instanceof CleanHost).length;
    expect(rowsOf).toBeGreaterThan(600);
    expect(d.hosts.filter((h) => h instanceof CleanHost && h.interfaces && h.inbound).length).toBeGreaterThan(3);
    expect(d.hosts.filter((h) => h instanceof CleanHost && h.interfaces && !h.inbound).length).toBeGreaterThan(10);
    expect(d.hosts.length - rowsOf).toBeGreaterThan(0);
    const own = { handles: (h: unknown) => h instanceof CleanHost, parts: (h: unknown, level: number, parts: string[]) => (h as CleanHost).jsonParts(level, parts) };
    const pub = diagnose(paste);
    expect(streamed(d, 4096, new Map([[d.hosts, toPublicHost]]), new Map([[d.hosts, own]])).equals(expected(pub))).toBe(true);
    for (const wrap of [(a: unknown) => a, (a: unknown) => ({ x: [{ y: [a] }] })]) {
      expect(streamed(wrap(d.hosts), undefined, new Map([[d.hosts, toPublicHost]]), new Map([[d.hosts, own]])).equals(expected(wrap(pub.hosts)))).toBe(true);
    }
  });

  it('writes long mapped arrays (printed a batch at a time) exactly, at any depth, whatever their elements are', () => {
    const r = mulberry32(1434);
    const element = (i: number): unknown => {
      const k = r();
      if (k < 0.6) return { ip: `10.0.${i >> 8}.${i & 255}`, n: i, f: i / 7, words: ['ключ "q"', '\u0007', `${i}`], nested: { when: new Date(i * 1e9), deep: [[i]] }, skip: undefined };
      if (k < 0.7) return [i, { a: [] }, {}];
      if (k < 0.75) return { toJSON: (key: string) => `own toJSON, key ${key}` };
      if (k < 0.8) return new Date(i);
      if (k < 0.85) return `string ${i}`;
      if (k < 0.9) return undefined;
      if (k < 0.95) return Object.assign(Object.create({ inherited: 1 }), { own: i });
      return null;
    };
    const source = Array.from({ length: 1300 }, (_, i) => i);
    for (const wrap of [(a: unknown) => a, (a: unknown) => ({ hosts: a }), (a: unknown) => ({ x: [{ y: [a] }] })]) {
      // The same elements for the expected text and the streamed one (element() draws from the generator).
      const mapped = source.map((i) => element(i));
      let at = 0;
      const replay = () => mapped[at++];
      for (const chunk of [7, undefined]) {
        at = 0;
        expect(streamed(wrap(source), chunk, new Map([[source, replay]])).equals(expected(wrap(mapped)))).toBe(true);
      }
    }
  });

  it('writes nothing for what JSON.stringify leaves undefined, and throws where it throws', () => {
    for (const v of [undefined, () => 1, Symbol('x')]) {
      const pieces: Uint8Array[] = [];
      expect(streamJson(v, (b) => pieces.push(b))).toBe(false);
      expect(pieces).toEqual([]);
    }
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    expect(() => streamed(cyclic)).toThrow(TypeError);
    expect(() => streamed([1, [2, 3n]])).toThrow(TypeError);
    // The same object twice (not a cycle) is fine.
    const shared = { s: 1 };
    expect(streamed([shared, shared]).equals(expected([shared, shared]))).toBe(true);
  });

  it('hands over pieces of about the chunk size, each whole tokens', () => {
    const d = diagnoses()[1]!;
    const sizes: number[] = [];
    streamJson(d, (b) => sizes.push(b.length), { chunkBytes: 256 });
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.max(...sizes.slice(0, -1))).toBeLessThan(256 + 4096);
  });
});

describe('writeAll and writeJsonDocument', () => {
  /** A write that refuses (EAGAIN) every fourth call and takes at most 50 bytes at a time. */
  function stubbornWrite(into: number[]): WriteFn {
    let call = 0;
    return (_fd, buffer, offset, length) => {
      if (call++ % 4 === 0) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable'), { code: 'EAGAIN' });
      const n = Math.min(50, length);
      into.push(...buffer.subarray(offset, offset + n));
      return n;
    };
  }

  it('waits out a full non-blocking pipe (EAGAIN) and short writes, losing nothing', () => {
    const got: number[] = [];
    expect(writeAll(1, Buffer.from('hello, pipe'), stubbornWrite(got))).toBe(true);
    expect(Buffer.from(got).toString()).toBe('hello, pipe');
    const d = diagnoses()[0]!;
    const doc: number[] = [];
    expect(writeJsonDocument(1, d, { write: stubbornWrite(doc), chunkBytes: 64 })).toBe(true);
    expect(Buffer.from(doc).toString('utf8')).toBe(`${JSON.stringify(d, null, 2)}\n`);
  });

  it('stops quietly when the reader has gone (EPIPE), and passes other errors on', () => {
    let calls = 0;
    const epipe: WriteFn = () => {
      calls++;
      throw Object.assign(new Error('EPIPE'), { code: 'EPIPE' });
    };
    expect(writeJsonDocument(1, diagnoses()[0]!, { write: epipe, chunkBytes: 64 })).toBe(false);
    expect(calls).toBe(1);
    const eio: WriteFn = () => {
      throw Object.assign(new Error('EIO'), { code: 'EIO' });
    };
    expect(() => writeAll(1, Buffer.from('x'), eio)).toThrow('EIO');
  });

  it('writes JSON.stringify(d, null, 2) + newline to a file descriptor', () => {
    const d = diagnoses()[1]!;
    const path = join(dir, 'd.json');
    const fd = openSync(path, 'w');
    try {
      expect(writeJsonDocument(fd, d)).toBe(true);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(path).equals(Buffer.from(`${JSON.stringify(d, null, 2)}\n`, 'utf8'))).toBe(true);
  });
});
