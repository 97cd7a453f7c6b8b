// Verbose cache records read from bytes: what the byte readers take, the text path reads with the same values; a
// whole paste, odd records and all, reads the same through either path, in memory and piece by piece.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../diagnose';
import { linesAtBytes, linesFromRanges, registerPrescan } from '../parsers/show-ip-cache-flow/prescanned';
import { readClassicRow, readVerboseSecond } from '../parsers/shared/netflow-rows';
import { intToIp } from '../text/lines';
import { mulberry32 } from '../proof/mulberry32';
import { mutate, mutationArb } from '../proof/arbitraries';
import type { Paste } from '../types';
import { FlowColumns } from '../parsers/show-ip-cache-flow/flow-columns';
import { prescanBytes } from './prescan';
import { misplacedRows } from '../proof/row-offsets';
import { pasteOfChunks } from './read-chunks';
import { readFirstLine, readSecondLine, VerboseRecords } from './verbose-records';
import { firstLine, HEADER, HEADER2, secondLine, verboseCaches } from '../proof/verbose-caches';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 300;
const SEED = Number(process.env.FUZZ_SEED) || 20261203;
const enc = new TextEncoder();
const bytesOf = (s: string) => enc.encode(s);


describe('the byte readers take only what the text path reads, with the same values', () => {
  it('first lines', () => {
    const r = new VerboseRecords();
    let taken = 0;
    fc.assert(
      fc.property(firstLine, (line) => {
        const b = bytesOf(line);
        const k = r.slot();
        if (!readFirstLine(b, 0, b.length, r, k)) return;
        taken++;
        const want = readClassicRow(line);
        expect(want, line).not.toBeNull();
        const c = r.cols;
        expect([c.ifNames[c.srcIf[k]!], c.src[k], c.ifNames[c.dstIf[k]!], c.dst[k], c.proto[k], r.tos[k], r.flags[k], c.packets[k], want!.egress]).toEqual([
          want!.srcIf,
          want!.src,
          want!.dstIf,
          want!.dst,
          want!.proto,
          want!.a,
          want!.b,
          want!.count,
          false,
        ]);
      }),
      { seed: SEED, numRuns: RUNS * 10 },
    );
    // The generator makes plain lines often enough that the comparison is not empty.
    expect(taken).toBeGreaterThan(RUNS / 10);
  });

  it('second lines', () => {
    const r = new VerboseRecords();
    let taken = 0;
    fc.assert(
      fc.property(secondLine, (line) => {
        const b = bytesOf(line);
        const k = r.slot();
        if (!readSecondLine(b, 0, b.length, r, k)) return;
        taken++;
        const want = readVerboseSecond(line);
        expect(want, line).not.toBeNull();
        const c = r.cols;
        expect([c.srcPort[k], c.dstPort[k], intToIp(r.nextHop[k]!), c.bytes[k], r.active[k]]).toEqual([want!.srcPort, want!.dstPort, want!.nextHop, want!.bytesPerPacket, want!.active]);
      }),
      { seed: SEED, numRuns: RUNS * 10 },
    );
    expect(taken).toBeGreaterThan(RUNS / 10);
  });

  it('the lines of a plain record are taken', () => {
    const r = new VerboseRecords();
    const a = bytesOf('Et0/0          10.1.1.66       Et1/0          63.145.2.9      06 00  02       2');
    const b = bytesOf('0D0A /24 0                     0050 /0  0     10.1.1.1              48     1.1');
    expect(readFirstLine(a, 0, a.length, r, 0)).toBe(true);
    expect(readSecondLine(b, 0, b.length, r, 0)).toBe(true);
    expect([r.cols.srcPort[0], r.cols.dstPort[0], r.cols.bytes[0], r.active[0], intToIp(r.nextHop[0]!)]).toEqual([0x0d0a, 0x50, 48, 1.1, '10.1.1.1']);
  });
});

/** A verbose cache of `n` records, some of them odd in the ways captures are (each read by the text path). */
function verboseSession(n: number, seed: number, eol = '\n'): { text: string; plain: number } {
  const r = mulberry32(seed);
  const out = ['Router#show version', 'Cisco IOS Software, 7200 Software', 'Router#show ip cache verbose flow', 'IP Flow Switching Cache, 278544 bytes', `  ${n} active, 4091 inactive, 980 added`, '', HEADER, HEADER2];
  let plain = 0;
  for (let i = 0; i < n; i++) {
    const scan = i % 4 === 0;
    const src = scan ? '10.9.9.9' : `10.${1 + (i % 3)}.${(i * 7) % 250}.${1 + (i % 200)}`;
    const dst = scan ? `${1 + (i % 220)}.${(i * 13) % 250}.${(i * 31) % 250}.${1 + (i % 250)}` : `64.4.${i % 7}.1`;
    const pk = scan ? 1 + (i % 2) : 10 + (i % 900);
    let first = `Et0/${i % 2}          ${src.padEnd(16)}Et1/0          ${dst.padEnd(16)}06 00  ${scan ? '02' : '1B'}  ${String(pk).padStart(6)}`;
    let second = `${(1024 + i).toString(16).toUpperCase()} /0  0                     0050 /0  0     0.0.0.0               ${scan ? 48 : 576}   ${(i % 50) / 10}`;
    const odd = r();
    if (odd < 0.02) first = first.replace('Et1/0 ', 'Et1/0*'); // an egress copy
    else if (odd < 0.04) first = `${first.trimEnd()}K`; // counted in thousands
    else if (odd < 0.06) first = first.replace(`${pk}`, `${pk}.5`); // a fraction
    else if (odd < 0.07) first = `${first}   <-- look`; // a poster's note
    else if (odd < 0.08) second = second.replace('0050 /0', '0050\t/0'); // a tab
    else if (odd < 0.09) second = ''; // a blank between the lines
    else if (odd < 0.1) out.push(' --More-- ');
    // A capture without `terminal length 0`: the pager's mark erased before either line (9/8/9), or erased short.
    else if (odd < 0.13) first = ` --More-- ${'\b'.repeat(9)}${' '.repeat(8)}${'\b'.repeat(9)}${first}`;
    else if (odd < 0.16) second = ` --More-- ${'\b'.repeat(9)}${' '.repeat(8)}${'\b'.repeat(9)}${second}`;
    else if (odd < 0.17) first = ` --More-- \b\b\b${first}`;
    else plain++;
    out.push(first);
    if (second === '') out.push('', `${(1024 + i).toString(16)} /0  0  0050 /0  0  0.0.0.0  40  0.0`);
    else out.push(second);
    if (r() < 0.01) out.push('Min plen:    28                    Max plen:    28');
    if (r() < 0.005) out.push(first); // a first line without its second
    if (r() < 0.003) out.push('...');
  }
  out.push('Router#');
  return { text: out.join(eol) + eol, plain };
}

/** The session without its egress copies (a `*` after DstIf). */
const noEgress = (text: string) => text.replaceAll('Et1/0*', 'Et1/0 ');

function viaBytes(text: string): { paste: Paste; records: number } {
  const bytes = bytesOf(text);
  const pre = prescanBytes(bytes);
  const paste: Paste = { source: 'v.txt', text: '' };
  registerPrescan(paste, pre);
  return { paste, records: pre.verbose?.rows.count ?? 0 };
}

describe('a verbose cache reads the same through the byte path', () => {
  for (const eol of ['\n', '\r\n']) {
    it(`odd records and all, in memory and piece by piece (${JSON.stringify(eol)} line ends)`, async () => {
      const { text, plain } = verboseSession(3000, 7, eol);
      const want = diagnose([{ source: 'v.txt', text }]);
      expect(want.inputs.find((i) => i.kind === 'show ip cache verbose flow')!.records).toBeGreaterThan(2900);
      expect(want.hosts.some((h) => h.verdict !== 'clean')).toBe(true);
      const { paste, records } = viaBytes(text);
      // The plain records are taken as bytes (less a few whose neighbours keep them on the text path).
      expect(records).toBeGreaterThan(plain * 0.9);
      expect(diagnose([paste])).toEqual(want);
      const bytes = bytesOf(text);
      for (const chunk of [61, 4096, 1 << 20]) {
        const read = (s: number, e: number) => bytes.slice(s, e);
        const chunked = await pasteOfChunks('v.txt', bytes.length, async (s, e) => read(s, e), chunk < 4096 ? linesAtBytes(bytes) : linesFromRanges(read, bytes.length), undefined, chunk);
        expect(diagnose([chunked])).toEqual(want);
      }
    });
  }

  it('random sessions, with egress copies or none (fast-check)', { timeout: 20_000 + RUNS * 20 }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.nat(), fc.boolean(), (n, seed, egress) => {
        const text = egress ? verboseSession(n, seed).text : noEgress(verboseSession(n, seed).text);
        expect(diagnose([viaBytes(text).paste])).toEqual(diagnose([{ source: 'v.txt', text }]));
      }),
      { seed: SEED, numRuns: Math.max(20, Math.ceil(RUNS / 10)) },
    );
  });

  it('generated caches, each token now and then at the edge of what the text path reads, runs of plain records between (fast-check)', () => {
    let fromBytes = 0;
    fc.assert(
      fc.property(verboseCaches, ({ bytes }) => {
        const text = new TextDecoder().decode(bytes);
        const { paste, records } = viaBytes(text);
        fromBytes += records;
        // Each record quoted from its first line's start, a pager mark before it or not.
        const v = prescanBytes(bytes).verbose;
        if (v) expect(misplacedRows(bytes, v.rows.line, v.offsets, v.rows.count)).toEqual([]);
        const want = { source: 'v.txt', text };
        expect(diagnose([paste])).toEqual(diagnose([want]));
        // The parser's table and the records' details too (taken in runs by the parser as well: readClassicFlows).
        const data = (p: Paste) => diagnoseDetailed([p]).sections.map((x) => x.data as { flows?: unknown; details?: unknown }).map((d) => [d.flows, d.details]);
        expect(data(paste)).toEqual(data(want));
      }),
      { seed: SEED, numRuns: Math.max(20, Math.ceil(RUNS / 3)) },
    );
    expect(fromBytes).toBeGreaterThan(RUNS * 5);
  });

  it('damaged sessions (bits flipped, lines dropped, doubled, swapped, cut): the same diagnosis (fast-check)', { timeout: 20_000 + RUNS * 50 }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (n, seed, muts) => {
        const b = mutate(bytesOf(verboseSession(n, seed).text), muts);
        const p: Paste = { source: 'v.txt', text: '' };
        registerPrescan(p, prescanBytes(b));
        expect(diagnose([p])).toEqual(diagnose([{ source: 'v.txt', text: new TextDecoder().decode(b) }]));
      }),
      { seed: SEED, numRuns: Math.max(50, Math.ceil(RUNS / 3)) },
    );
  });

  it('a damaged session the fuzz found (a prompt of the same host, its command garbled): the same diagnosis', () => {
    // Its third line became `Router#sh\x7fw version`: split.ts knows the host from the echo and starts another section
    // there; the byte path once read on as if the verbose cache went on, and took that section's rows as records.
    const muts = [
      { op: 'swap-lines', at: 1, with: 817057 },
      { op: 'swap-lines', at: 721804, with: 865454 },
      { op: 'truncate', at: 810511 },
      { op: 'flip-byte', at: 9, bit: 4 },
      { op: 'swap-lines', at: 2, with: 503600 },
      { op: 'flip-byte', at: 994419, bit: 7 },
    ] as Parameters<typeof mutate>[1];
    const b = mutate(bytesOf(verboseSession(168, 435055151).text), muts);
    const p: Paste = { source: 'v.txt', text: '' };
    registerPrescan(p, prescanBytes(b));
    expect(diagnose([p])).toEqual(diagnose([{ source: 'v.txt', text: new TextDecoder().decode(b) }]));
  });

  it('a cache whose last column counts bytes (its header says Bytes): packets from the bytes per packet, as the text path', () => {
    // (Without egress copies: records from bytes then go into the table without an object each.)
    const text = noEgress(verboseSession(600, 21).text).replace(HEADER, HEADER.replace('Pkts', 'Bytes'));
    const { paste, records } = viaBytes(text);
    expect(records).toBeGreaterThan(400);
    const want = diagnose([{ source: 'v.txt', text }]);
    expect(want.hosts.length).toBeGreaterThan(0);
    expect(diagnose([paste])).toEqual(want);
  });

  it('under another command, or before a verbose header, the lines stay text', () => {
    const { text } = verboseSession(50, 3);
    expect(viaBytes(text.replace('show ip cache verbose flow', 'show ip flow top-talkers')).records).toBe(0);
    expect(viaBytes(text.replace(HEADER, 'header left out')).records).toBe(0);
  });
});

describe('the parser with records read as bytes', () => {
  it('keeps a big cache\'s flows in columns sized for its records, not for its lines (two a record)', () => {
    const n = 20_000;
    const records = Array.from({ length: n }, (_, k) => [
      `Et0/0          10.1.${(k >> 8) & 255}.${k & 255}        Et1/0          63.145.2.9      06 00  02       2`,
      '0D0B /24 0                     0050 /0  0     10.1.1.1              48     0.0',
    ]).flat();
    const text = ['R#show ip cache verbose flow', HEADER, HEADER2, ...records, ''].join('\n');
    const paste: Paste = { source: 't', text: '' };
    registerPrescan(paste, prescanBytes(bytesOf(text)));
    const flows = (diagnoseDetailed([paste]).sections[0]!.data as { flows: { count: number; src: Uint32Array } }).flows;
    expect(flows.count).toBe(n);
    // Views of the builder's columns, sized for the records and the few other lines (a copy would hold exactly n):
    // sized for the 40,000 lines, they were half empty and copied at the end (a second table at the peak, and the
    // time to copy it).
    expect(flows.src.buffer.byteLength).toBeGreaterThan(n * 4);
    expect(flows.src.buffer.byteLength).toBeLessThan(n * 4 * 1.01);
  });

  it('a first line left waiting before a record read as bytes is reported and kept, as the text path does', () => {
    const open = 'Et0/0          10.1.1.66       Et1/0          63.145.2.9      06 00  02       2';
    const first = 'Et0/0          10.1.1.66       Et1/0          201.7.99.14     06 00  02       1';
    const second = '0D0B /24 0                     0050 /0  0     10.1.1.1              48     0.0';
    const text = ['R#show ip cache verbose flow', HEADER, HEADER2, open, first, second, ''].join('\n');
    // The byte path as a scanner that did not see the waiting line would leave it: the record as columns.
    const r = new VerboseRecords();
    const fb = bytesOf(first);
    const sb = bytesOf(second);
    expect(readFirstLine(fb, 0, fb.length, r, r.slot()) && readSecondLine(sb, 0, sb.length, r, 0)).toBe(true);
    r.commit(0, 5, 0);
    const lines = ['R#show ip cache verbose flow', HEADER, HEADER2, open, '', ''];
    const paste: Paste = { source: 't', text: '' };
    const rows = new FlowColumns(16).finish();
    registerPrescan(paste, { lines, textLines: [0, 1, 2, 3], rows: rows.table, offsets: rows.offsets, linesAt: (o) => o.map(() => first), verbose: r.finish() });
    const want = diagnose([{ source: 't', text }]);
    expect(want.inputs[0]!.warnings).toEqual([{ line: 4, message: 'verbose flow record without its ports line: ports unknown' }]);
    expect(diagnose([paste])).toEqual(want);
    // The flows in line order, the waiting one first, with the details beside them.
    const data = (p: Paste) => diagnoseDetailed([p]).sections[0]!.data as { flows: { line: Uint32Array; dstPort: Int32Array }; details: unknown };
    const got = data(paste);
    expect([...got.flows.line]).toEqual([4, 5]);
    expect([...got.flows.dstPort]).toEqual([-1, 0x50]);
    expect(got.details).toEqual(data({ source: 't', text }).details);
  });
});

describe('a verbose cache read in segments, each as the records\' continuation (the CLI on two threads)', () => {
  /** The session's bytes cut where a record's first line starts (as the CLI's rowStartAfter cuts), about `n` ways. */
  function recordStarts(text: string, n: number): number[] {
    const cuts: number[] = [];
    let at = 0;
    const lines = text.split('\n');
    const want = text.length / n;
    for (const l of lines) {
      if (at >= (cuts.length + 1) * want && /^\S+ +\d+\.\d+\.\d+\.\d+ /.test(l)) cuts.push(at);
      at += l.length + 1;
    }
    return cuts;
  }

  it('reads every segment from the first one\'s state, joins their records, and gives the one-pass diagnosis', async () => {
    const { FlowDumpScanner } = await import('./prescan');
    for (const seed of [3, 11, 29]) {
      const { text } = verboseSession(4000, seed);
      const bytes = bytesOf(text);
      const cuts = [0, ...recordStarts(text, 6), bytes.length];
      const main = new FlowDumpScanner(bytes.length);
      main.feed(bytes.subarray(0, cuts[1]!), cuts[1]!, 0, true, false, true);
      const start = main.rowsStartHere();
      expect(start?.verboseRecords, `seed ${seed}`).toBe(true);
      let joined = 0;
      for (let i = 1; i + 1 < cuts.length; i++) {
        const seg = bytes.subarray(cuts[i]!, cuts[i + 1]!);
        const cont = new FlowDumpScanner(seg.length, true, new FlowColumns(16));
        cont.startFrom(start!);
        cont.feed(seg, seg.length, cuts[i]!, true, false, i + 2 < cuts.length ? true : null);
        const part = cont.part();
        // (A segment whose text before it ended elsewhere, a first line without its second say, is read again.)
        if (!main.continuesAs(start)) {
          main.feed(seg, seg.length, cuts[i]!, true, false, i + 2 < cuts.length ? true : null);
          continue;
        }
        expect(part.verbose?.rows.count ?? 0).toBeGreaterThan(0);
        main.appendPart(part);
        joined++;
      }
      expect(joined).toBeGreaterThan(2);
      const pre = main.finish(linesAtBytes(bytes));
      const paste: Paste = { source: 'v.txt', text: '' };
      registerPrescan(paste, pre);
      expect(diagnose([paste])).toEqual(diagnose([{ source: 'v.txt', text }]));
    }
  });
});
