// Generated Flexible NetFlow caches for the tests of runs (core/big-paste/fnf-records.ts runRecords and runRows, and
// the CLI's WebAssembly kernel behind runRecords): values at the edges of what the parser reads as a plain flow's, keys
// left out, repeated or spelt otherwise, rules and other lines between rows, LF or CR LF, and a place to cut the bytes
// in two pieces as a read buffer does. Used by tests only.
import fc from 'fast-check';
import { FlowDumpScanner } from '../big-paste/prescan';
import { linesAtBytes } from '../parsers/show-ip-cache-flow/prescanned';

/** A paste's bytes and where to cut them (read as two pieces, the first ending at a whole line before it). */
export interface CutPaste {
  bytes: Uint8Array;
  cut: number;
}

/** UTF-8 of text (no TextEncoder or Buffer in core's types: this file is typechecked as core is). */
function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

export const cutAt = (text: string, at: number): CutPaste => {
  const bytes = utf8(text);
  return { bytes, cut: Math.floor((at / 1000) * bytes.length) };
};

/** A record-format cache's echo and header lines, up to the blank line before its records. */
export const HEADER = [
  'R1#show flow monitor WORM-WATCH cache',
  '  Cache type:                               Normal (Platform cache)',
  '  Cache size:                              2000000',
  '  Current entries:                              9',
  '',
];

/** What the scanner reads from a paste fed in two pieces: every record's values, names, lines, offsets, the text lines. */
export function scannerResult({ bytes, cut }: CutPaste): string {
  const s = new FlowDumpScanner(bytes.length, false);
  const used = s.feed(bytes.subarray(0, cut), cut, 0, false);
  s.feed(bytes.subarray(used), bytes.length - used, used, true);
  const pre = s.finish(linesAtBytes(bytes));
  const fnf = pre.fnf;
  const cols = fnf ? [fnf.src, fnf.dst, fnf.srcPort, fnf.dstPort, fnf.proto, fnf.packets, fnf.bytes, fnf.srcIf, fnf.dstIf, fnf.line, fnf.offsets].map((a) => Array.from(a)) : [];
  return JSON.stringify({ cols, names: fnf?.ifNames, lines: pre.lines, textLines: pre.textLines });
}

// Values at the edges of what the parser reads as a plain flow's: digits (15 at most), octets (255 at most), blanks
// and more after them, names with a blank, a tab, a pager mark or a prompt's character in them, long lines.
const count = fc.constantFrom('80', '0', '6', '123456789012345', '1234567890123456', '80 ', '80   ', '80 x', ' 80', '', '8O', '-1', '1.5', '80\t');
const address = fc.constantFrom('10.1.1.7', '198.51.100.9', '255.255.255.255', '256.1.1.1', '10.1.1', '10.1.1.1.1', '10.1.1.1 ', '10.1.1.1 x', '10.1.1.1x', '010.001.1.1', '1..1.1', '10.1.1.1000');
const name = fc.constantFrom('Gi0/0/1', 'Gi0/0/2', 'Fa0/1', 'Gi0/0/1 ', 'Gi0/0/1 x', 'Gi0/0/1\t', 'GiMore0', 'GiMor', 'Gi#1', 'Gi<1>', 'TenGigabitEthernet0/0/0.1000', '');
const other = fc.constantFrom('0x00', '0x1B', '192.0.2.1', 'x'.repeat(270), 'x'.repeat(293), 'x'.repeat(294), 'x'.repeat(296), '<-- the one', 'More here', 'Mo', 'a#b', '[...]', '\u00e9', '16:00:00.001', 'x\ry', '0x00\r');
const KEYS: [string, fc.Arbitrary<string>][] = [
  ['IPV4 SOURCE ADDRESS', address],
  ['IPV4 DESTINATION ADDRESS', address],
  ['TRNS SOURCE PORT', count],
  ['TRNS DESTINATION PORT', count],
  ['INTERFACE INPUT', name],
  ['IP TOS', other],
  ['IP PROTOCOL', count],
  ['interface output', name],
  ['counter bytes long', count],
  ['counter packets long', count],
  ['timestamp abs first', other],
];
// Records mostly in one of two key orders, the other now and then (a run repeats the last kept record's), with a key now and then left out,
// repeated, or spelt otherwise; the value of each field plain most of the time.
const orders = [KEYS.map((_, k) => k), [9, 0, 1, 6, 3, 2, 4, 7, 8, 5, 10]];
const plainValue = (k: number) => (KEYS[k]![1] === address ? fc.constantFrom('10.1.1.7', '198.51.100.9') : KEYS[k]![1] === name ? fc.constantFrom('Gi0/0/1', 'Fa0/1') : KEYS[k]![1] === count ? fc.constantFrom('80', '6', '1') : fc.constant('0x00'));
// How often a field is odd depends on the cache: some are nearly all plain (long runs), others often odd (runs that
// stop and start again).
/** IOS's pager mark erased by backspaces and blanks (9/8/9), as a capture without `terminal length 0` holds it. */
export const PAGER_ERASE = ' --More-- ' + '\b'.repeat(9) + ' '.repeat(8) + '\b'.repeat(9);
/** Lines as a capture without `terminal length 0` holds them when `paged`: the erased mark before one line in 23. */
export const paged23 = (lines: readonly string[], paged = true): string[] => lines.map((l, k) => (paged && k % 23 === 22 ? PAGER_ERASE + l : l));
/** Marks before a line as terminals leave them: erased (9/8/9, 10/10/10), erased short of the line's start, not erased, stripped. */
export const PAGER_LEADS = [
  PAGER_ERASE,
  ' --More-- ' + '\b'.repeat(10) + ' '.repeat(10) + '\b'.repeat(10),
  ' --More-- \b\b\b\b',
  ' --More-- ',
  '<--- More --->' + '\b'.repeat(14),
  // Its backspaces stripped by a logger or a web page, the erasing blanks kept (8, or more: the line's own then follow).
  ' --More--         ',
  ' --More--           ',
];
// A field line now and then behind a pager mark (one line in 23 of a capture without `terminal length 0`).
const lead = fc.oneof({ weight: 40, arbitrary: fc.constant('') }, { weight: 2, arbitrary: fc.constant(PAGER_ERASE) }, { weight: 1, arbitrary: fc.constantFrom(...PAGER_LEADS) });
const field = (k: number, odd: number) =>
  fc
    .tuple(fc.oneof({ weight: 120, arbitrary: plainValue(k) }, { weight: odd, arbitrary: KEYS[k]![1] }), fc.constantFrom(':  ', ':', ': ', ':      '), fc.oneof({ weight: 180, arbitrary: fc.constant(KEYS[k]![0]) }, { weight: odd, arbitrary: fc.constantFrom(KEYS[k]![0].toLowerCase(), `${KEYS[k]![0]} `, 'show flow', 'R1#sh') }), lead)
    .map(([v, sep, key, l]) => `${l}${key}${sep}${v}`);
const recordOf = (order: number[], odd: number) => fc.tuple(...order.map((k) => field(k, odd))).map((lines) => lines);
const record = (odd: number, main: number) =>
  fc
    .tuple(fc.oneof({ weight: 20, arbitrary: recordOf(orders[main]!, odd) }, { weight: 1, arbitrary: recordOf(orders[1 - main]!, odd) }), fc.integer({ min: 0, max: 10 * odd + 10 }), fc.constantFrom('drop', 'twice', 'keep'))
    .map(([lines, k, edit]) => (k >= lines.length || edit === 'keep' ? lines : edit === 'drop' ? lines.filter((_, j) => j !== k) : [...lines, lines[k]!]));
const after = fc.oneof({ weight: 40, arbitrary: fc.constant(['']) }, { weight: 1, arbitrary: fc.constantFrom([], ['  '], ['', ''], [' --More-- '], [PAGER_ERASE], ['R1#']) });
/** Record-format caches (a header, then records), LF or CR LF, with a place to cut them in two pieces. */
export const recordCaches: fc.Arbitrary<CutPaste> = fc
  .tuple(fc.constantFrom(1, 3, 9), fc.constantFrom(0, 1))
  .chain(([odd, main]) => fc.tuple(fc.array(fc.tuple(record(odd, main), after), { minLength: 1, maxLength: 60, size: 'max' }), fc.constantFrom('\n', '\n', '\r\n'), fc.integer({ min: 0, max: 999 })))
  .map(([records, eol, at]) => cutAt([...HEADER, ...records.flatMap(([r, a]) => [...r, ...a]), 'R1#'].join(eol) + eol, at));


const pad = (t: string, w: number) => (t.length >= w ? `${t} ` : t + ' '.repeat(w - t.length));
const TABLE = [
  'R1#show flow monitor WORM-WATCH cache format table',
  '',
  'IPV4 SRC ADDR    IPV4 DST ADDR    TRNS DST PORT  INTF INPUT            IP PROT             pkts long',
  '===============  ===============  =============  ====================  =======  ====================',
];
const CSV = ['R1#show flow monitor WORM-WATCH cache format csv', '', 'IPV4 SRC ADDR,IPV4 DST ADDR,TRNS DST PORT,INTF INPUT,IP PROT,pkts long'];
const rowAddress = fc.oneof({ weight: 80, arbitrary: fc.constantFrom('10.1.1.7', '198.51.100.9') }, { weight: 1, arbitrary: fc.constantFrom('256.1.1.1', '10.x.x.1', '', '1.2.3.4 x', 'a=b') });
const rowCount = fc.oneof({ weight: 80, arbitrary: fc.constantFrom('80', '6', '1', '123456789012345') }, { weight: 1, arbitrary: fc.constantFrom('1234567890123456', '8 0', '', '-1', '=') });
const rowName = fc.oneof({ weight: 80, arbitrary: fc.constantFrom('Gi0/0/1', 'TenGigabitEthernet0/0/0.1000') }, { weight: 1, arbitrary: fc.constantFrom('Gi0/0/1 x', 'Gi#1', 'GiMore', 'Gi0/0/1\r', '') });
const cells = fc.tuple(rowAddress, rowAddress, rowCount, rowName, rowCount, rowCount);
// A row as printed, now and then padded with blanks to 1,000 or 1,001 characters (the longest row the parser reads).
const padded = (row: string, to: number) => (to === 0 ? row : row.padEnd(to));
const padTo = fc.oneof({ weight: 30, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(1000, 1001) });
const tableRow = fc.tuple(cells, padTo).map(([[a, b, d, i, pr, pk], to]) => padded(`${pad(a, 17)}${pad(b, 17)}${d.padStart(13)}  ${pad(i, 22)}${pr.padStart(7)}  ${pk.padStart(20)}`, to));
// A table whose first column is the input interface (any first word may start a row, unless it starts a line of another
// kind for the parser: "cache...", "Flows...", a dash...), the bytes counter at layer 2 only.
const TABLE_BY_NAME = [
  'R1#show flow monitor WORM-WATCH cache format table',
  '',
  'INTF INPUT            IPV4 SRC ADDR    IPV4 DST ADDR    TRNS DST PORT  IP PROT             pkts long     bytes layer2 long',
  '====================  ===============  ===============  =============  =======  ====================  ====================',
];
const firstName = fc.oneof({ weight: 20, arbitrary: fc.constantFrom('Gi0/0/1', 'Te0/0/0.1000') }, { weight: 1, arbitrary: fc.constantFrom('cache0/1', 'Flows0/1', 'Current', '-Gi0/1', 'There', 'Gi0/0/1x'.toUpperCase()) });
const tableRowByName = fc
  .tuple(firstName, rowAddress, rowAddress, rowCount, rowCount, rowCount, rowCount)
  .map(([i, a, b, d, pr, pk, by]) => `${pad(i, 22)}${pad(a, 17)}${pad(b, 17)}${d.padStart(13)}  ${pr.padStart(7)}  ${pk.padStart(20)}  ${by.padStart(20)}`);
// Csv fields as printed or with blanks around them (trimmed by the parser), now and then a field more than the header
// has (no column: not read).
const blanks = fc.constantFrom('', '', '', ' ', '  ');
const spaced = (cell: fc.Arbitrary<string>) => fc.tuple(blanks, cell, blanks).map(([a, c, b]) => a + c + b);
const extra = fc.oneof({ weight: 10, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(',x', ',1.2.3.4', ',', ',  ,9') });
const csvRow = fc.tuple(fc.tuple(spaced(rowAddress), spaced(rowAddress), spaced(rowCount), spaced(rowName), spaced(rowCount), spaced(rowCount)), extra).map(([c, x]) => c.join(',') + x);
// A csv whose first column is the input interface (its first word may start a line of another kind).
const CSV_BY_NAME = ['R1#show flow monitor WORM-WATCH cache format csv', '', 'INTF INPUT,IPV4 SRC ADDR,IPV4 DST ADDR,TRNS DST PORT,IP PROT,pkts long,bytes layer2 long'];
const csvRowByName = fc
  .tuple(firstName, spaced(rowAddress), rowAddress, rowCount, rowCount, spaced(rowCount), rowCount, extra)
  .map(([i, a, b, d, pr, pk, by, x]) => [i, a, b, d, pr, pk, by].join(',') + x);
const between = fc.constantFrom('', ' --More-- ', 'R1#', '===============  ===============  =============', 'IPV4 SRC ADDR    IPV4 DST ADDR    pkts long', 'Processed 12 flows', 'x'.repeat(1001), '10.1.1.7  <-- this one', 'IPV4 SRC ADDR,IPV4 DST ADDR,pkts');
// A row now and then after a pager mark (erased or not, some the text path reads otherwise): the byte path's runs read
// a row from where the screen shows it.
const rowLead = fc.oneof({ weight: 30, arbitrary: fc.constant('') }, { weight: 2, arbitrary: fc.constant(PAGER_ERASE) }, { weight: 1, arbitrary: fc.constantFrom(...PAGER_LEADS) });
const led = (row: fc.Arbitrary<string>) => fc.tuple(rowLead, row).map(([l, r]) => l + r);
const paste = (header: string[], row: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.array(fc.oneof({ weight: 25, arbitrary: led(row) }, { weight: 1, arbitrary: between }), { minLength: 1, maxLength: 60 }), fc.constantFrom('\n', '\n', '\r\n'), fc.integer({ min: 0, max: 999 }))
    .map(([rows, eol, at]) => cutAt([...header, ...rows].join(eol) + eol, at));
/** Table- and csv-format caches, LF or CR LF, with a place to cut them in two pieces. */
export const rowCaches: fc.Arbitrary<CutPaste> = fc.oneof(paste(TABLE, tableRow), paste(TABLE_BY_NAME, tableRowByName), paste(CSV, csvRow), paste(CSV_BY_NAME, csvRowByName));
