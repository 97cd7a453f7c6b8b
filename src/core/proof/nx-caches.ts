// Generated NX-OS `show flow cache` tables for the tests of the row reader and of runs of rows
// (core/big-paste/nx-rows.ts, and the CLI's WebAssembly kernel behind runNx): headers of the documented columns or a
// subset in another order, each field plain most of the time and now and then at the edges of what the parser reads,
// lines between rows, pager marks, LF or CR LF, and a place to cut the bytes in two pieces as a read buffer does.
// Used by tests only.
import fc from 'fast-check';
import { FlowDumpScanner } from '../big-paste/prescan';
import { linesAtBytes } from '../parsers/show-ip-cache-flow/prescanned';
import { type CutPaste, cutAt } from './fnf-run-caches';

/** The documented header (Nexus 9000 `show flow cache`). */
export const STANDARD = 'SIP             DIP             BD ID S-Port  D-Port  Protocol  Byte Count    Packet Count  TCP FLAGS  if_id       flowStart   flowEnd';
/** The header's other columns, by the words NX-OS prints (two words for some), and a value of each. */
const COLUMNS: [string, fc.Arbitrary<string>][] = [];

/** Mostly a plain value, now and then an odd one (each odd one alone may keep a row on the text path). */
const mostly = <T>(plain: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ arbitrary: plain, weight: 20 }, { arbitrary: odd, weight: 1 });
const ipArb = mostly(
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((a) => a.join('.')),
  fc.constantFrom('010.1.1.1', '256.1.1.1', '1.2.3', '1.2.3.4.5', '0.0.0.0', 'x.x.x.x', '10.1.x.x', '1.1.1.1000', '2001:db8::1', '10.1.1.1,'),
);
const countArb = mostly(
  fc.oneof(fc.nat(100000).map(String), fc.constantFrom('0', '1', '123456789012345')),
  // (A pager mark where a field stands: normalising takes it out of the text, and the row then has one field fewer.)
  fc.constantFrom('1K', '-1', '0x50', 'tcp', '1.5', '1234567890123456', '99999999999999999999', '0080', 'M', 'More', '--More--', '<--- More --->'),
);
COLUMNS.push(
  ['BD ID', fc.constantFrom('4097', '4098', '1')],
  ['S-Port', countArb],
  ['D-Port', mostly(fc.constantFrom('80', '80', '443', '53', '0'), countArb)],
  ['Protocol', mostly(fc.constantFrom('6', '6', '17', '1'), countArb)],
  ['Byte Count', countArb],
  ['Packet Count', countArb],
  ['TCP FLAGS', fc.constantFrom('0x2', '0x1b', '0x0')],
  ['if_id', fc.constantFrom('0x1a000000', '0x1a000200')],
  ['flowStart', fc.constantFrom('1432', '1500')],
  ['flowEnd', fc.constantFrom('1433', '1500')],
);
const blanksArb = mostly(fc.constantFrom(' ', '  ', '       '), fc.constantFrom('\t', ' \u00a0 ', '', ' \f '));

/** A header: SIP DIP and a subset of the other columns in some order (or the documented one). */
export const headerArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(STANDARD) },
  { weight: 1, arbitrary: fc.shuffledSubarray(COLUMNS.map((c, k) => k), { minLength: 1 }).map((ks) => ['SIP', 'DIP', ...ks.map((k) => COLUMNS[k]![0])].join('  ')) },
);
/** The columns' values arbitraries of a header (SIP, DIP, then its others). */
export function rowArbOf(header: string): fc.Arbitrary<string> {
  const names = header === STANDARD ? COLUMNS.map((c) => c[0]) : header.split('  ').slice(2);
  const values = names.map((n) => COLUMNS.find((c) => c[0] === n)![1]);
  return fc
    .tuple(
      fc.constantFrom('', '', '', '', '', ' ', ' --More-- \b\b\b\b\b\b\b\b\b        \b\b\b\b\b\b\b\b\b', ' --More-- ', '<--- More --->'),
      fc.tuple(ipArb, ipArb, ...values),
      fc.array(blanksArb, { minLength: names.length + 1, maxLength: names.length + 1 }),
      mostly(fc.constant(''), fc.constantFrom(' ', '  <-- this one', ' 7', ' é', '\x1b[K')),
      mostly(fc.constant(false), fc.constant(true)),
    )
    .map(([lead, vs, gaps, tail, drop]) => {
      const fields = drop ? vs.slice(1) : vs;
      return lead + fields.map((v, k) => (k === 0 ? v : gaps[k - 1] + v)).join('') + tail;
    });
}


const between = fc.oneof(
  { weight: 80, arbitrary: fc.constant<string[]>([]) },
  { weight: 1, arbitrary: fc.constantFrom([''], [' --More-- '], ['switch#'], ['IPV4 Entries', STANDARD], ['IPV4 Entries'], ['   ']) },
);

/** NX-OS flow caches (the echo, a banner and a header, then rows), LF or CR LF, with a place to cut them in two pieces. */
// (Most rows without rowArbOf's lead, a blank or a pager mark before the row: a blank ends a run, so runs are long.)
const unled = (row: string, keep: boolean) => (keep ? row : row.replace(/^(?: --More-- [\b ]*|<--- More --->| )/, ''));
export const nxCaches: fc.Arbitrary<CutPaste> = headerArb
  .chain((header) => fc.tuple(fc.constant(header), fc.array(fc.tuple(rowArbOf(header), fc.nat(9), between).map(([r, k, x]) => [unled(r, k === 0), x] as const), { minLength: 1, maxLength: 80, size: 'max' }), fc.constantFrom('\n', '\n', '\r\n'), fc.integer({ min: 0, max: 999 })))
  .map(([header, rows, eol, at]) => cutAt(['switch# show flow cache', 'IPV4 Entries', header, ...rows.flatMap(([r, x]) => [r, ...x]), 'switch#'].join(eol) + eol, at));

/** What the scanner reads from a cache fed in two pieces: every row's values, line and offset, the text lines. */
export function nxScannerResult({ bytes, cut }: CutPaste): string {
  const s = new FlowDumpScanner(bytes.length, false);
  const used = s.feed(bytes.subarray(0, cut), cut, 0, false);
  s.feed(bytes.subarray(used), bytes.length - used, used, true);
  const pre = s.finish(linesAtBytes(bytes));
  const t = pre.rows;
  const cols = [t.src, t.dst, t.srcPort, t.dstPort, t.proto, t.packets, t.bytes, t.line, t.srcIf, t.dstIf, pre.offsets].map((a) => Array.from(a));
  return JSON.stringify({ cols, lines: pre.lines, textLines: pre.textLines });
}
