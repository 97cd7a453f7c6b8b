// Flexible NetFlow records read from bytes (fnf-records.ts) against the text path: the byte path takes the plain IPv4
// records and leaves every other one to the text path, and the diagnosis is the same either way.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagnose } from '../diagnose';
import { FlowDumpScanner, prescanBytes } from './prescan';
import { FnfRecords, fnfBuffers } from './fnf-records';
import { useRecordRuns } from './fnf-run-kernels';
import { type CutPaste, HEADER, PAGER_ERASE, PAGER_LEADS, recordCaches, rowCaches, scannerResult } from '../proof/fnf-run-caches';
import { linesAtBytes, registerPrescan } from '../parsers/show-ip-cache-flow/prescanned';
import { FlowColumns } from '../parsers/show-ip-cache-flow/flow-columns';
import type { Paste } from '../types';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 150;
const SEED = Number(process.env.FUZZ_SEED) || 20261204;
const pagerLead = fc.constantFrom(...PAGER_LEADS);

/** A timeout for the longest property tests (about 2 s alone; several times that beside other suites on a busy machine). */
const HEAVY = 60_000;

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

function viaBytes(text: string): { json: string; taken: number } {
  const pre = prescanBytes(bytesOf(text));
  const paste: Paste = { source: 'cache.txt', text: '' };
  registerPrescan(paste, pre);
  return { json: JSON.stringify(diagnose([paste])), taken: pre.fnf?.count ?? 0 };
}

const viaText = (text: string) => JSON.stringify(diagnose([{ source: 'cache.txt', text }]));

/** Parts read on another scanner and joined, over every property run (none joined would prove nothing). */
const joins = { tried: 0, joined: 0 };

/**
 * The text as the CLI reads a big cache on two threads: one scanner reads lines [0, cut1) and takes where it stands as
 * the start (fnfStartHere), reads on to cut2; another reads the rest as the cache's continuation from that start; the
 * first joins that part if it continues so (fnfContinues), else reads the rest itself. Cuts are fractions of the lines.
 */
function viaTwoParts(text: string, f1: number, f2: number): string {
  const lines = text.split('\n').length - 1;
  return viaTwoPartsAt(text, Math.floor(f1 * lines), Math.floor(f2 * lines));
}

/** viaTwoParts, cut before lines `cut1` and `cut2` (0-based). */
function viaTwoPartsAt(text: string, cut1: number, cut2: number): string {
  const bytes = bytesOf(text);
  const starts = [0];
  for (let p = bytes.indexOf(10); p >= 0 && p + 1 < bytes.length; p = bytes.indexOf(10, p + 1)) starts.push(p + 1);
  const at1 = starts[cut1]!;
  const at2 = Math.max(at1, starts[cut2]!);
  const a = new FlowDumpScanner(bytes.length, false);
  const piece = (s: number, e: number) => a.feed(bytes.subarray(s, e), e - s, s, true);
  piece(0, at1);
  const start = a.fnfStartHere();
  if (start) {
    piece(at1, at2);
    const b = new FlowDumpScanner(bytes.length - at2, true, new FlowColumns(16), -1, start);
    b.feed(bytes.subarray(at2), bytes.length - at2, at2, true);
    const part = b.part();
    joins.tried++;
    if (a.fnfContinues(start, part)) {
      joins.joined++;
      a.appendPart(part);
    } else piece(at2, bytes.length);
  } else piece(at1, bytes.length);
  const paste: Paste = { source: 'cache.txt', text: '' };
  registerPrescan(paste, a.finish(linesAtBytes(bytes)));
  return JSON.stringify(diagnose([paste]));
}

/** Cut points for viaTwoParts: the second at or after the first. */
const fraction = fc.integer({ min: 0, max: 999 }).map((n) => n / 1000);
const cuts = fc.tuple(fraction, fraction).map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as const);

/** A plain record as IOS-XE prints `record netflow ipv4 original-input` (14 lines). */
function record(src: string, dst: string, dport = 80, packets = 1, iface = 'Gi0/0/1'): string[] {
  return [
    `IPV4 SOURCE ADDRESS:       ${src}`,
    `IPV4 DESTINATION ADDRESS:  ${dst}`,
    'TRNS SOURCE PORT:          40001',
    `TRNS DESTINATION PORT:     ${dport}`,
    `INTERFACE INPUT:           ${iface}`,
    'IP TOS:                    0x00',
    'IP PROTOCOL:               6',
    'ipv4 next hop address:     192.0.2.1',
    'tcp flags:                 0x02',
    'interface output:          Gi0/0/0',
    `counter bytes long:        ${packets * 48}`,
    `counter packets long:      ${packets}`,
    'timestamp abs first:       16:00:00.001',
    'timestamp abs last:        16:00:00.001',
  ];
}

/**
 * Caches of `header` and then up to 40 generated lines, LF or CRLF: the byte path reads each as the text path does, and
 * takes rows from bytes along the way (the property would hold with none taken).
 */
function agreesLineByLine(header: readonly string[], line: fc.Arbitrary<string>): void {
  let taken = 0;
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n'), cuts, (rows, eol, [f1, f2]) => {
      const text = [...header, ...rows].join(eol) + eol;
      const bytes = viaBytes(text);
      taken += bytes.taken;
      const want = viaText(text);
      return bytes.json === want && viaTwoParts(text, f1, f2) === want;
    }),
    { numRuns: RUNS, seed: SEED },
  );
  expect(taken).toBeGreaterThan(RUNS);
}

describe('Flexible NetFlow records from bytes', () => {
  it('takes records, table rows and csv rows behind an erased pager mark from bytes, and reads them as the text path', () => {
    // A capture without `terminal length 0`: the mark before one line in 23, a blank line among them.
    const paged = (lines: string[]) => lines.map((l, k) => (k > 4 && k % 23 === 0 ? PAGER_ERASE + l : l));
    // (Record 20 ended by a line of blanks.)
    const records = paged([...HEADER, ...Array.from({ length: 40 }, (_, k) => [...record('10.1.1.7', `198.51.${k}.9`), k === 20 ? '   ' : '']).flat()]);
    expect(records.some((l) => l.startsWith(`${PAGER_ERASE}IPV4`))).toBe(true);
    expect(records.includes(PAGER_ERASE)).toBe(true);
    const text = `${records.join('\n')}\n`;
    const run = vi.spyOn(FnfRecords.prototype, 'runRecords');
    const got = viaBytes(text);
    expect(got.taken).toBe(40);
    expect(got.json).toBe(viaText(text));
    // The run loop reads every record but the first (line by line: it makes the template), on through a field line
    // behind a mark; a mark before a blank line ends a record and its run, that line left to the line-by-line path
    // (14 lines and the blank one a record, less the lines so left), and a run starts again after it.
    const byRuns = run.mock.results.reduce((n, r) => n + (r.value as number), 0);
    run.mockRestore();
    const blankMarks = records.filter((l) => l === PAGER_ERASE).length;
    expect(blankMarks).toBe(2);
    expect(byRuns).toBe(39 * 15 - blankMarks - 1);
  });

  it('takes the plain records, leaves each odd one to the text path, and reads the same', () => {
    const scans = (n: number, from: number) => Array.from({ length: n }, (_, k) => record('10.1.1.7', `198.51.${from + k}.9`));
    const lines = [
      ...HEADER,
      ...scans(30, 0).flatMap((r) => [...r, '']),
      // A poster's note, on a field the flow does not use (the text path takes the note out and reports it).
      ...record('10.1.1.8', '198.51.200.1').map((l, k) => (k === 5 ? `${l}   <-- the infected one` : l)),
      '',
      // An address masked by hand.
      ...record('10.x.x.9', '198.51.200.2'),
      '',
      // Two records without a blank line between them (a key twice: the parser starts the second there).
      ...record('10.1.1.10', '198.51.200.3'),
      ...record('10.1.1.10', '198.51.200.4'),
      '',
      // A pager mark inside a record.
      ...record('10.1.1.11', '198.51.200.5').flatMap((l, k) => (k === 5 ? [' --More-- ', l] : [l])),
      '',
      // An IPv6 record, one without packets, one whose interface has a note after it.
      ...record('2001:db8::1', '2001:db8::2'),
      '',
      ...record('10.1.1.12', '198.51.200.6').filter((l) => !l.startsWith('counter packets')),
      '',
      ...record('10.1.1.13', '198.51.200.7', 80, 1, 'Gi0/0/1 (inside)'),
      '',
      ...scans(25, 100).flatMap((r) => [...r, '']),
      // A table under a second monitor: lines that look like fields after its rule are not records.
      'R1#show flow monitor OTHER cache format table',
      'IPV4 SRC ADDR    IPV4 DST ADDR    TRNS SRC PORT  TRNS DST PORT  INTF INPUT            IP PROT             pkts long',
      '===============  ===============  =============  =============  ====================  =======  ====================',
      '10.1.1.14        198.51.201.1              1024             80  Gi0/0/1                     6                     1',
      '',
      ...record('10.1.1.15', '198.51.201.2'),
      '',
      'R1#',
    ];
    for (const eol of ['\n', '\r\n']) {
      const text = lines.join(eol) + eol;
      const bytes = viaBytes(text);
      // 55 records, and the table's row.
      expect(bytes.taken).toBe(56);
      expect(bytes.json === viaText(text)).toBe(true);
    }
  });

  it('reads each piece of a read buffer used again (as the CLI reads a file) as it reads the whole at once', () => {
    // The CLI reads a file into one Buffer, piece after piece. A key or a name learnt from a piece must not change when
    // the next piece is read into the same bytes: a Buffer's slice() is a view, not a copy. Here the second piece's
    // record has, at the very bytes where the first learnt `ipv4 next hop address` and `Gi0/0/1`, a destination port
    // and another interface of the same lengths.
    const first = ['R1#show flow monitor M cache', '', 'IPV4 SOURCE ADDRESS:       10.1.1.7', 'ipv4 next hop address:     192.0.2.1', 'INTERFACE INPUT:           Gi0/0/1', 'counter packets long:      1', ''];
    const record2 = ['IPV4 SOURCE ADDRESS:       10.1.1.8', 'TRNS DESTINATION PORT:            80', 'INTERFACE INPUT:           Gi0/0/2', 'counter packets long:      1', ''];
    // Blank lines as long as the first piece's echo and its blank line: the second record starts where the first did.
    const pieces = [first.join('\n') + '\n', '\n'.repeat(first[0]!.length + 2) + record2.join('\n') + '\n'];
    const whole = pieces.join('');
    const buf = Buffer.alloc(Math.max(...pieces.map((p) => p.length)));
    const scanner = new FlowDumpScanner(whole.length, false);
    let position = 0;
    pieces.forEach((piece, k) => {
      const len = buf.write(piece, 0, 'latin1');
      expect(scanner.feed(buf, len, position, k === pieces.length - 1, true)).toBe(len);
      position += len;
    });
    const pre = scanner.finish(linesAtBytes(Buffer.from(whole, 'latin1')));
    expect(pre.fnf?.count).toBe(2);
    const paste: Paste = { source: 'cache.txt', text: '' };
    registerPrescan(paste, pre);
    expect(JSON.stringify(diagnose([paste]))).toBe(viaText(whole));
  });

  it('reads a table of flows (format table) as the text path does, row by row, whatever lines come between (property)', () => {
    const TABLE_HEADER = [
      'R1#show flow monitor WORM-WATCH cache format table',
      '  Cache type:                               Normal (Platform cache)',
      '',
      'IPV4 SRC ADDR    IPV4 DST ADDR    TRNS SRC PORT  TRNS DST PORT  INTF INPUT            IP PROT             pkts long',
      '===============  ===============  =============  =============  ====================  =======  ====================',
    ];
    const pad = (t: string, w: number) => (t.length >= w ? `${t} ` : t + ' '.repeat(w - t.length));
    const row = (src: string, dst: string, sp: string, dp: string, iface: string, pr: string, pk: string) =>
      `${pad(src, 17)}${pad(dst, 17)}${sp.padStart(13)}  ${dp.padStart(13)}  ${pad(iface, 22)}${pr.padStart(7)}  ${pk.padStart(20)}`;
    const addr = fc.constantFrom('10.1.1.7', '198.51.100.9', '10.200.200.200', '172.16.254.254', '10.x.x.1', '2001:db8::1', '');
    const word = fc.constantFrom('80', '1024', '6', '17', '', 'abc', '12345678901234567', '0x1B');
    const iface = fc.constantFrom('Gi0/0/1', 'TenGigabitEthernet0/0/0.1000', 'Se0/0/0:1', 'Gi0/0/1 x', 'Null', '');
    const plainRow = fc.tuple(fc.integer({ min: 1, max: 250 }), fc.integer({ min: 1, max: 9 })).map(([d, p]) => row('10.1.1.7', `198.51.100.${d}`, '40001', '80', 'Gi0/0/1', '6', String(p)));
    const oddRow = fc.tuple(addr, addr, word, word, iface, word, word).map((c) => row(...c));
    const between = fc.constantFrom('', ' --More-- ', PAGER_ERASE, 'R1#', '===============  ===============', 'IPV4 SRC ADDR    IPV4 DST ADDR    pkts long', 'Processed 12 flows', '10.1.1.7  <-- this one', 'IPV4 SOURCE ADDRESS:       10.1.1.9', 'counter packets long: 5');
    const pagedRow = fc.tuple(pagerLead, plainRow).map(([l, r]) => l + r);
    const line = fc.oneof({ arbitrary: plainRow, weight: 5 }, { arbitrary: oddRow, weight: 3 }, { arbitrary: pagedRow, weight: 2 }, { arbitrary: between, weight: 1 });
    agreesLineByLine(TABLE_HEADER, line);
  });

  it('reads a csv cache (format csv) as the text path does, row by row, whatever lines come between (property)', () => {
    const CSV_HEADER = ['R1#show flow monitor WORM-WATCH cache format csv', '  Cache type:                               Normal', '', 'IPV4 SRC ADDR,IPV4 DST ADDR,TRNS SRC PORT,TRNS DST PORT,INTF INPUT,IP PROT,pkts,bytes'];
    const cell = fc.constantFrom('10.1.1.7', '198.51.100.9', '10.x.x.1', '2001:db8::1', '', ' 80 ', '80', '6', '1', 'abc', '12345678901234567', 'Gi0/0/1', 'Gi0/0/1 x', 'Se0/0/0:1', ' <-- x');
    const plainRow = fc.tuple(fc.integer({ min: 1, max: 250 }), fc.integer({ min: 1, max: 9 })).map(([d, p]) => `10.1.1.7,198.51.100.${d},40001,80,Gi0/0/1,6,${p},${p * 48}`);
    const oddRow = fc.array(cell, { minLength: 1, maxLength: 10 }).map((c) => c.join(','));
    const between = fc.constantFrom('', ' --More-- ', PAGER_ERASE, 'R1#', '===============  ===============', 'IPV4 SRC ADDR    IPV4 DST ADDR    pkts long', 'IPV4 SRC ADDR,IPV4 DST ADDR,pkts', 'Processed 12 flows', 'IPV4 SOURCE ADDRESS:       10.1.1.9', 'Cache type: Normal, 10.1.1.1');
    const pagedRow = fc.tuple(pagerLead, plainRow).map(([l, r]) => l + r);
    const line = fc.oneof({ arbitrary: plainRow, weight: 5 }, { arbitrary: oddRow, weight: 3 }, { arbitrary: pagedRow, weight: 2 }, { arbitrary: between, weight: 1 });
    agreesLineByLine(CSV_HEADER, line);
  });

  it('a prompt of the same host with a mistyped command ends the cache (no record after it is read from bytes)', () => {
    // split.ts knows the host from the echo: `R1#shw version` is a prompt of its, and what follows is another section.
    const lines = [...HEADER, ...record('10.1.1.7', '198.51.100.9'), '', 'R1#shw version', '', ...record('10.1.1.8', '198.51.100.10'), '', 'R1#'];
    const text = lines.join('\n') + '\n';
    const bytes = viaBytes(text);
    expect(bytes.taken).toBe(1);
    expect(bytes.json === viaText(text)).toBe(true);
  });

  it('reads the same when a cache has more than 31 distinct fields (a repeat of the 32nd still starts a record)', () => {
    // A record read from bytes, then one for the text path (a masked address) with 20 fields of its own, the 18th of
    // them twice: read as text, the first record's 14 keys are numbered first, so the 18th is the cache's 32nd key.
    const vendor = Array.from({ length: 20 }, (_, k) => `vendor field ${k}:       ${k}`);
    const lines = [...HEADER, ...record('10.1.1.7', '198.51.100.9'), '', 'IPV4 SOURCE ADDRESS:       10.x.x.8', ...vendor, vendor[17]!, 'counter packets long:      1', ''];
    const text = lines.join('\n') + '\n';
    const bytes = viaBytes(text);
    expect(bytes.taken).toBe(1);
    expect(bytes.json === viaText(text)).toBe(true);
  });

  it('reads what the text path reads, on generated caches of plain and odd records (property)', () => {
    const value = fc.constantFrom('10.1.1.7', '198.51.100.9', '80', '6', '1', '12345678901234567', 'Gi0/0/1', 'Gi0/0/1 x', '10.x.x.1', '', '0x1B', '2001:db8::1', '-', '7 <-- this', '--More--', '#', 'show');
    const key = fc.constantFrom(
      'IPV4 SOURCE ADDRESS',
      'IPV4 DESTINATION ADDRESS',
      'TRNS SOURCE PORT',
      'TRNS DESTINATION PORT',
      'INTERFACE INPUT',
      'IP PROTOCOL',
      'counter packets long',
      'counter bytes long',
      'counter packets',
      'ipv4 src addr',
      'IP TOS',
      'timestamp abs first',
      'Cache type',
      'show flow monitor X',
      'IPV6 SOURCE ADDRESS',
      'interface output',
    );
    // Fields the flow does not use, more than 31 of them in a cache (a record parser once told repeats by a 31-bit mask).
    const anyKey = fc.oneof(key, fc.integer({ min: 0, max: 45 }).map((n) => `vendor field ${n}`));
    const fieldLine = fc.tuple(anyKey, fc.constantFrom(':', ': ', ':       ', ' :'), value).map(([k, sep, v]) => `${k}${sep}${v}`);
    const plain = fc.tuple(fc.integer({ min: 1, max: 250 }), fc.integer({ min: 1, max: 9 })).map(([d, p]) => record('10.1.1.7', `198.51.100.${d}`, 80, p));
    const odd = fc.array(fieldLine, { minLength: 1, maxLength: 16 });
    const junk = fc.constantFrom('', '   ', ' --More-- ', PAGER_ERASE, 'Load for five secs: 3%/0%; one minute: 2%; five minutes: 5%', 'R1#', 'R1#show flow monitor Y cache', '<output omitted>', 'IPV4 SRC ADDR,IPV4 DST ADDR,pkts');
    // A plain record with one line changed: another field line in its place or before it, a suffix, or junk.
    const edit = fc.constantFrom('   <-- this one', ' [...]', ' #', ' More', ' --More-- ', '\t', ' x', '', ' \u00e9', '\b\b');
    const nearPlain = fc
      .tuple(plain, fc.integer({ min: 0, max: 13 }), fc.oneof(fieldLine.map((l) => ({ line: l })), edit.map((x) => ({ suffix: x })), junk.map((j) => ({ insert: j })), pagerLead.map((x) => ({ prefix: x }))))
      .map(([r, k, change]) => {
        const out = [...r];
        if ('line' in change) out[k] = change.line;
        else if ('suffix' in change) out[k] = `${out[k]}${change.suffix}`;
        else if ('prefix' in change) out[k] = `${change.prefix}${out[k]}`;
        else out.splice(k, 0, change.insert);
        return out;
      });
    const block = fc.oneof({ arbitrary: plain, weight: 3 }, { arbitrary: nearPlain, weight: 4 }, { arbitrary: odd, weight: 1 }, { arbitrary: junk.map((j) => [j]), weight: 1 });
    const paste = fc.tuple(fc.array(fc.tuple(block, fc.boolean()), { minLength: 1, maxLength: 30 }), fc.constantFrom('\n', '\r\n'));
    fc.assert(
      fc.property(paste, cuts, ([blocks, eol], [f1, f2]) => {
        const lines = [...HEADER];
        for (const [b, blank] of blocks) {
          lines.push(...b);
          if (blank) lines.push('');
        }
        const text = lines.join(eol) + eol;
        const want = viaText(text);
        return viaBytes(text).json === want && viaTwoParts(text, f1, f2) === want;
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('a part that opens with a rule is read again when the text before it ended with a header (a new table starts there)', () => {
    const lines = [
      'R1#show flow monitor WORM-WATCH cache format table',
      '',
      'IPV4 SRC ADDR    IPV4 DST ADDR    TRNS DST PORT  IP PROT             pkts long',
      '===============  ===============  =============  =======  ====================',
      '10.1.1.7         198.51.100.1                80        6                     1',
      '10.1.1.7         198.51.100.2                80        6                     1',
      // A second table under the same echo, source and destination swapped: the rule makes the line above it a header.
      'IPV4 DST ADDR    IPV4 SRC ADDR    TRNS DST PORT  IP PROT             pkts long',
      '===============  ===============  =============  =======  ====================',
      '198.51.100.3     10.1.1.8                    80        6                     1',
      '198.51.100.4     10.1.1.8                    80        6                     1',
    ];
    const text = lines.join('\n') + '\n';
    const want = viaText(text);
    expect(JSON.parse(want).hosts.map((h: { ip: string; port80Flows: number }) => [h.ip, h.port80Flows])).toEqual([
      ['10.1.1.7', 2],
      ['10.1.1.8', 2],
    ]);
    // Started after the first rule; the part read apart starts at the second rule.
    const joined = joins.joined;
    expect(viaTwoPartsAt(text, 4, 7)).toBe(want);
    expect(joins.joined).toBe(joined);
    // Cut in the first table (a row first, the second table's header and rule in the part): joined.
    expect(viaTwoPartsAt(text, 4, 5)).toBe(want);
    expect(joins.joined).toBe(joined + 1);
  });

  it('read once (the CLI): the records\' values go once the parser has them, the diagnosis and its quoted lines as before', () => {
    const lines = [
      ...HEADER,
      ...Array.from({ length: 40 }, (_, k) => [...record('10.1.1.7', `198.51.100.${k + 1}`), '']).flat(),
      // A second cache after them, none of whose records is read from bytes (masked by hand): read after the first
      // cache's values went, it must not ask for them.
      'R1#show flow monitor OTHER cache',
      '',
      ...record('10.x.x.8', '198.51.100.200'),
      '',
      'R1#',
    ];
    const text = lines.join('\n') + '\n';
    const pre = prescanBytes(bytesOf(text));
    pre.fnfOnce = true;
    const paste: Paste = { source: 'cache.txt', text: '' };
    registerPrescan(paste, pre);
    const d = diagnose([paste]);
    expect(JSON.stringify(d)).toBe(viaText(text));
    // Quoted lines of the records (the scanning host's evidence) came back from their offsets.
    expect(JSON.stringify(d)).toContain('IPV4 SOURCE ADDRESS:       10.1.1.7');
    expect(pre.fnf!.count).toBe(40);
    expect(pre.fnf!.src.length).toBe(0);
    expect(pre.fnf!.line.length).toBe(40);
    // Asked for again (the CLI never does), the records never read as nothing quietly: the parser says it failed.
    const again = diagnose([paste]);
    expect(again.inputs[0]!.warnings[0]!.message).toMatch(/^parser failed: .*asked for again/);
  });

  it('the properties above joined parts read apart in many runs, and read the rest again in some', () => {
    // (Vitest runs a file's tests in order: this one after the properties.) About half the runs join, whatever the seed
    // (73-95 of 150 over six seeds on 2026-12-05: pager marks before record lines end more parts where none joins).
    expect(joins.joined).toBeGreaterThan(RUNS * 0.4);
    expect(joins.tried - joins.joined).toBeGreaterThan(RUNS / 10);
  });
});

describe('runs of Flexible NetFlow records read in one loop (runRecords)', () => {
  afterEach(() => useRecordRuns(true));

  /** scannerResult with runs, or line by line only. */
  const read = (c: CutPaste, runs: boolean) => {
    useRecordRuns(runs);
    return scannerResult(c);
  };

  /**
   * Over generated pastes, reading with runs gives what line-by-line reading gives; returns how many lines the runs
   * (`method` of FnfRecords) read in all.
   */
  function agreeWithRuns(pastes: fc.Arbitrary<CutPaste>, method: 'runRecords' | 'runRows'): number {
    const run = vi.spyOn(FnfRecords.prototype, method);
    let byRuns = 0;
    fc.assert(
      fc.property(pastes, (c) => {
        const before = run.mock.results.length;
        const want = read(c, false);
        expect(read(c, true)).toBe(want);
        for (const r of run.mock.results.slice(before)) byRuns += r.value as number;
      }),
      { numRuns: RUNS * 6, seed: SEED },
    );
    run.mockRestore();
    return byRuns;
  }

  it('take exactly what the line-by-line reading takes: the same records, values, names, lines and offsets (property)', () => {
    // Not vacuous: most records came through runs.
    expect(agreeWithRuns(recordCaches, 'runRecords')).toBeGreaterThan(RUNS * 20);
  }, HEAVY);

  it('read a table\'s or a csv\'s rows as the line-by-line reading does, up to a rule or a line that is no row (property)', () => {
    expect(agreeWithRuns(rowCaches, 'runRows')).toBeGreaterThan(RUNS * 15);
    // (6.6 s at 1,500 runs under npm run fuzz: as heavy as the records' property above.)
  }, HEAVY);
});

describe('a cache read in segments into regions of shared columns and joined where they lie (the CLI on two threads)', () => {
  type Mode = 'part' | 'here' | 'detach';

  /** Every record's values (interface names resolved), line and offset, and the text lines: what a reading kept. */
  function kept(pre: ReturnType<FlowDumpScanner['finish']>): string {
    const t = pre.fnf;
    const name = (i: number) => (i < 0 ? null : t!.ifNames[i]);
    const rows = t ? Array.from({ length: t.count }, (_, k) => [t.src[k], t.dst[k], t.srcPort[k], t.dstPort[k], t.proto[k], t.packets[k], t.bytes[k], name(t.srcIf[k]!), name(t.dstIf[k]!), t.line[k], t.offsets[k]]) : [];
    return JSON.stringify({ rows, lines: pre.lines, textLines: pre.textLines });
  }

  const counts = { inPlace: 0, overflowed: 0, detached: 0 };

  /**
   * The bytes as readFnfSegments reads them: the first scanner reads to `head` and takes where it stands as the start,
   * then its segment into region 0 of shared columns (from record 0); segments read apart ('part') go into their own
   * regions first (as the other thread fills them meanwhile), then are joined in order; the others the first scanner
   * reads itself, up to the next region ('here') or in arrays of its own ('detach'). Rooms may be too small (0 too).
   * `noRegions`: every segment in arrays of its own, joined by copying (the reading before shared columns).
   */
  function viaRegions(bytes: Uint8Array, at: number[], rooms: number[], modes: Mode[], noRegions = false): string {
    const a = new FlowDumpScanner(bytes.length, false);
    const piece = (s: number, e: number) => a.feed(bytes.subarray(s, e), e - s, s, true);
    piece(0, at[0]!);
    const start = a.fnfStartHere();
    if (!start) {
      piece(at[0]!, bytes.length);
      return kept(a.finish(linesAtBytes(bytes)));
    }
    const bounds = [...at, bytes.length];
    const regions = [0];
    for (const r of rooms) regions.push(regions[regions.length - 1]! + r);
    const bufs = fnfBuffers(regions[regions.length - 1]!, (n) => new SharedArrayBuffer(n));
    if (a.fnfCount <= regions[1]! && !noRegions) a.shareFnf(bufs, regions[1]!);
    else a.reserveFnf(16);
    piece(bounds[0]!, bounds[1]!);
    const parts = bounds.slice(0, -1).map((s, k) => {
      if (k === 0 || modes[k] !== 'part') return undefined;
      const e = bounds[k + 1]!;
      const b = new FlowDumpScanner(e - s, true, new FlowColumns(16), -1, start, noRegions ? undefined : { bufs, from: regions[k]!, end: regions[k + 1]! });
      b.feed(bytes.subarray(s, e), e - s, s, true);
      return b.part();
    });
    for (let k = 1; k < bounds.length - 1; k++) {
      const part = parts[k];
      if (part && a.fnfContinues(start, part)) {
        if (!noRegions && part.fnf?.sharedAt !== undefined) counts.inPlace++;
        else if (!noRegions && part.fnf) counts.overflowed++;
        a.appendPart(part);
        continue;
      }
      if (modes[k] === 'detach') {
        if (!noRegions) counts.detached++;
        a.detachFnf();
      } else a.fnfShareUpTo(regions[k + 1]!);
      piece(bounds[k]!, bounds[k + 1]!);
    }
    return kept(a.finish(linesAtBytes(bytes)));
  }

  const segments = fc.integer({ min: 1, max: 4 }).chain((n) =>
    fc.record({
      cutAt: fc.array(fc.integer({ min: 0, max: 999 }).map((x) => x / 1000), { minLength: n + 1, maxLength: n + 1 }),
      rooms: fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 4, max: 60 })), { minLength: n + 1, maxLength: n + 1 }),
      modes: fc.array(fc.constantFrom<Mode>('part', 'part', 'here', 'detach'), { minLength: n + 1, maxLength: n + 1 }),
    }),
  );

  it('keeps exactly what the same segments read into arrays of their own and copied keep: values, names, lines, offsets, text (property)', () => {
    for (const caches of [recordCaches, rowCaches]) {
      fc.assert(
        fc.property(caches, segments, (c, s) => {
          // Cuts at line starts, or (the larger fractions) where the CLI cuts a record-format cache: after a blank line.
          const b = c.bytes;
          const starts = [0];
          const afterBlank: number[] = [];
          for (let p = b.indexOf(10); p >= 0 && p + 1 < b.length; p = b.indexOf(10, p + 1)) {
            if (b[p - 1] === 10 || (b[p - 1] === 13 && b[p - 2] === 10)) afterBlank.push(p + 1);
            starts.push(p + 1);
          }
          const lineAt = (f: number) => (f >= 0.5 && afterBlank.length > 0 ? afterBlank[Math.floor((f - 0.5) * 2 * afterBlank.length)]! : starts[Math.floor(f * 2 * starts.length)]!);
          const at = s.cutAt.map(lineAt).sort((x, y) => x - y);
          expect(viaRegions(b, at, s.rooms, s.modes)).toBe(viaRegions(b, at, s.rooms, s.modes, true));
        }),
        { numRuns: RUNS * 4, seed: SEED },
      );
    }
    // Not vacuous: parts were joined where they lay, parts that outgrew their regions were copied, and the first
    // scanner read segments into arrays of its own.
    expect(counts.inPlace).toBeGreaterThan(RUNS / 2);
    expect(counts.overflowed).toBeGreaterThan(RUNS / 10);
    expect(counts.detached).toBeGreaterThan(RUNS / 10);
  }, HEAVY);

  it('a part joined where it lies moves down behind the records before it, its lines and interface names renumbered', () => {
    const lines = [...HEADER, ...Array.from({ length: 6 }, (_, k) => [...record('10.1.1.7', `198.51.100.${k + 1}`, 80, 1, k < 3 ? 'Gi0/0/1' : 'Gi0/0/9'), '']).flat()];
    const bytes = bytesOf(lines.join('\n') + '\n');
    const one = new FlowDumpScanner(bytes.length, false);
    one.feed(bytes, bytes.length, 0, true);
    const want = kept(one.finish(linesAtBytes(bytes)));
    const before = counts.inPlace;
    // Records 0-2 in region 0 (room 10), 3-5 read apart into region 1 at record 10 (room 10): moved down 7 places.
    const lineStart = (n: number) => lines.slice(0, n).reduce((o, l) => o + l.length + 1, 0);
    expect(viaRegions(bytes, [lineStart(HEADER.length), lineStart(HEADER.length + 15 * 3)], [10, 10], ['here', 'part'])).toBe(want);
    expect(counts.inPlace).toBe(before + 1);
  });
});

describe('records and rows at the ends of pieces and segments (the CLI reads a big cache 4 MB at a time, on two threads)', () => {
  /** Line starts of `b`, and those after a blank line (where the CLI cuts a record-format cache into segments). */
  function lineStarts(b: Uint8Array): { starts: number[]; afterBlank: number[] } {
    const starts = [0];
    const afterBlank: number[] = [];
    for (let p = b.indexOf(10); p >= 0 && p + 1 < b.length; p = b.indexOf(10, p + 1)) {
      if (b[p - 1] === 10 || (b[p - 1] === 13 && b[p - 2] === 10)) afterBlank.push(p + 1);
      starts.push(p + 1);
    }
    return { starts, afterBlank };
  }

  it('a piece that ends inside a record or after a row that waits gives it back: the next reads it from bytes (property)', () => {
    // Two pieces cut anywhere keep exactly what one piece keeps (before, such a record or row went the text way).
    let cutInside = 0;
    for (const caches of [recordCaches, rowCaches]) {
      fc.assert(
        fc.property(caches, (c) => {
          const one = scannerResult({ bytes: c.bytes, cut: 0 });
          if (scannerResult(c) !== one) return false;
          cutInside += JSON.parse(one).cols[0]?.length ?? 0;
          return true;
        }),
        { numRuns: RUNS * 4, seed: SEED },
      );
    }
    expect(cutInside).toBeGreaterThan(RUNS * 4);
  }, HEAVY);

  it('a segment that ends after a table\'s row, told whether the next line holds an "=", reads it as one reading does (property)', () => {
    let joined = 0;
    const eq = (b: Uint8Array, at: number): boolean | null => {
      if (at >= b.length) return null;
      const lf = b.indexOf(10, at);
      return b.subarray(at, lf < 0 ? b.length : lf).includes(61);
    };
    for (const caches of [recordCaches, rowCaches]) {
      fc.assert(
        fc.property(caches, fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }), (c, f1, f2) => {
          const b = c.bytes;
          const { starts, afterBlank } = lineStarts(b);
          const one = new FlowDumpScanner(b.length, false);
          one.feed(b, b.length, 0, true, false, null);
          const want = one.finish(linesAtBytes(b));
          // The start read to a line; the cut (after a blank line in a record-format cache, as the CLI cuts) after it.
          const head = starts[Math.floor((f1 / 1000) * starts.length)]!;
          const cuts = (caches === recordCaches ? afterBlank : starts).filter((x) => x >= head);
          if (cuts.length === 0) return;
          const cut = cuts[Math.floor((f2 / 1000) * cuts.length)]!;
          const a = new FlowDumpScanner(b.length, false);
          a.feed(b.subarray(0, head), head, 0, true, false, eq(b, head));
          const start = a.fnfStartHere();
          if (!start) return;
          a.feed(b.subarray(head, cut), cut - head, head, true, false, eq(b, cut));
          const rest = new FlowDumpScanner(b.length - cut, true, new FlowColumns(16), -1, start);
          rest.feed(b.subarray(cut), b.length - cut, cut, true, false, null);
          const part = rest.part();
          if (a.fnfContinues(start, part)) {
            a.appendPart(part);
            joined++;
          } else a.feed(b.subarray(cut), b.length - cut, cut, true, false, null);
          const got = a.finish(linesAtBytes(b));
          expect(diagnoseOf(got, b)).toBe(diagnoseOf(want, b));
          if (caches === rowCaches) expect(got.fnf?.count ?? 0).toBe(want.fnf?.count ?? 0);
        }),
        { numRuns: RUNS * 4, seed: SEED },
      );
    }
    expect(joined).toBeGreaterThan(RUNS);
  }, HEAVY);
});

/** The diagnosis of a paste read as `pre` (from bytes b). */
function diagnoseOf(pre: ReturnType<FlowDumpScanner['finish']>, b: Uint8Array): string {
  void b;
  const paste: Paste = { source: 'cache.txt', text: '' };
  registerPrescan(paste, pre);
  return JSON.stringify(diagnose([paste]));
}
