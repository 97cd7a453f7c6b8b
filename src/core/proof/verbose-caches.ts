// Generated verbose caches (`show ip cache verbose flow`) for the tests of the byte readers and of runs of records
// (core/big-paste/verbose-records.ts, and the CLI's WebAssembly kernel behind runVerbose): each token of both lines
// plain most of the time and now and then at the edges of what the text path reads, lines between records, pager marks,
// LF or CR LF, and a place to cut the bytes in two pieces as a read buffer does. Used by tests only.
import fc from 'fast-check';
import { FlowDumpScanner } from '../big-paste/prescan';
import { linesAtBytes } from '../parsers/show-ip-cache-flow/prescanned';
import { type CutPaste, cutAt, PAGER_ERASE } from './fnf-run-caches';

export const HEADER = 'SrcIf          SrcIPaddress    DstIf          DstIPaddress    Pr TOS Flgs  Pkts';
export const HEADER2 = 'Port Msk AS                    Port Msk AS    NextHop              B/Pk  Active';

/** Tokens of both lines, plain and not: the readers must agree with the text path on all of them. */
/** Mostly a plain token, now and then an odd one (each odd one alone keeps a line on the text path). */
const mostly = <T>(plain: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ arbitrary: plain, weight: 30 }, { arbitrary: odd, weight: 1 });
const ifArb = mostly(fc.constantFrom('Et0/0', 'Vl1', 'Gi0/0/1.100', 'Null', 'BE1', 'Po12', 'local', 'Se0/0/0:1', 'x', 'Tu100', 'More-1'), fc.constantFrom('Fa0/0*', 'a--More--b', '0/1', 'Et0/0**'));
const ipArb = mostly(
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((a) => a.join('.')),
  fc.constantFrom('010.1.1.1', '256.1.1.1', '1.2.3', '1.2.3.4.5', '0.0.0.0', 'x.x.x.x', '1.1.1.1000'),
);
const hexArb = (max: number) => mostly(fc.oneof(fc.nat(16 ** max - 1).map((n) => n.toString(16).toUpperCase().padStart(max, '0')), fc.nat(255).map((n) => n.toString(16))), fc.constantFrom('12345', 'G0', '', 'F'.repeat(max + 1)));
const countArb = mostly(fc.oneof(fc.nat(100000).map(String), fc.nat(9999).map((n) => `${n}K`), fc.constantFrom('12M', '3G', '0')), fc.constantFrom('1.5K', '1234567890123456', '7k', '1.0'));
const blanksArb = mostly(fc.constantFrom(' ', '  ', '       '), fc.constantFrom('\t', ''));

export const firstLine = fc
  .tuple(fc.constantFrom('', ' '), ifArb, blanksArb, ipArb, blanksArb, ifArb, blanksArb, ipArb, blanksArb, hexArb(2), blanksArb, hexArb(2), blanksArb, hexArb(2), blanksArb, countArb, fc.constantFrom('', ' ', '  <-- this'))
  .map((t) => t.join(''));
export const secondLine = fc
  .tuple(
    fc.constantFrom('', ' '),
    hexArb(4),
    blanksArb,
    mostly(fc.constantFrom('/0', '/24', '/32'), fc.constantFrom('/', '/1234', '0')),
    blanksArb,
    mostly(fc.constantFrom('0', '65535'), fc.constantFrom('', '12a')),
    blanksArb,
    hexArb(4),
    blanksArb,
    fc.constantFrom('/0', '/8'),
    blanksArb,
    fc.constantFrom('0', '3'),
    blanksArb,
    ipArb,
    blanksArb,
    mostly(fc.constantFrom('40', '1500', '0'), fc.constantFrom('', '1.5')),
    blanksArb,
    mostly(fc.constantFrom('0.0', '281.4', '1799.6', '12', '0.123456789', '1234567890.12345'), fc.constantFrom('.5', '1.', '1234567890.123456')),
    fc.constantFrom('', ' '),
  )
  .map((t) => t.join(''));

/** Something between records now and then: a blank line, a pager mark, a prompt, the cache's statistics, a note. */
const between = fc.oneof(
  { weight: 60, arbitrary: fc.constant<string[]>([]) },
  { weight: 1, arbitrary: fc.constantFrom([''], [' --More-- '], [PAGER_ERASE], ['R1#'], ['Min plen:    28                    Max plen:    28'], ['...'], ['   ']) },
);
/** A pager mark erased before a line now and then (one line in 23 of a capture without `terminal length 0`). */
const lead = fc.oneof({ weight: 30, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(PAGER_ERASE, ' --More-- \b\b\b') });
// Plain records (runs of them are what a big capture holds), and now and then one with odd tokens.
const quad = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((a) => a.join('.'));
const hexOf = (digits: number) => fc.nat(16 ** digits - 1).map((n) => n.toString(16).toUpperCase().padStart(digits, '0'));
const gap = fc.constantFrom(' ', '  ', '      ');
const plainFirst = fc
  .tuple(fc.constantFrom('Et0/0', 'Gi0/0/1.100', 'Se0/0/0:1', 'TenGigabitEthernet0/0/0.1000', 'Vl1'), gap, quad, gap, fc.constantFrom('Et1/0', 'Po12', 'Null'), gap, quad, gap, hexOf(2), gap, hexOf(2), gap, hexOf(2), gap, fc.oneof(fc.nat(100000).map(String), fc.constantFrom('12K', '3M', '1G')), fc.constantFrom('', ' '))
  .map((t) => t.join(''));
const plainSecond = fc
  .tuple(hexOf(4), gap, fc.constantFrom('/0', '/24', '/32'), gap, fc.constantFrom('0', '65535'), gap, hexOf(4), gap, fc.constantFrom('/0', '/8'), gap, fc.constantFrom('0', '3'), gap, quad, gap, fc.constantFrom('40', '1500', '0'), gap, fc.constantFrom('0.0', '281.4', '12', '0.123456789', '1234567890.12345'), fc.constantFrom('', ' '))
  .map((t) => t.join(''));
const record = fc
  .tuple(lead, fc.oneof({ weight: 5, arbitrary: plainFirst }, { weight: 1, arbitrary: firstLine }), lead, fc.oneof({ weight: 5, arbitrary: plainSecond }, { weight: 1, arbitrary: secondLine }), between)
  .map(([l1, a, l2, b, x]) => [l1 + a, l2 + b, ...x]);

/** Verbose caches (the echo, the header lines, then records), LF or CR LF, with a place to cut them in two pieces. */
export const verboseCaches: fc.Arbitrary<CutPaste> = fc
  .tuple(fc.array(record, { minLength: 1, maxLength: 80, size: 'max' }), fc.constantFrom('\n', '\n', '\r\n'), fc.integer({ min: 0, max: 999 }))
  .map(([records, eol, at]) => cutAt(['R1#show ip cache verbose flow', 'IP Flow Switching Cache, 278544 bytes', '  9 active, 4087 inactive, 9 added', '', HEADER, HEADER2, ...records.flat(), 'R1#'].join(eol) + eol, at));

/** What the scanner reads from a verbose cache fed in two pieces: every record's values, names, line and offset, the text lines. */
export function verboseScannerResult({ bytes, cut }: CutPaste): string {
  const s = new FlowDumpScanner(bytes.length, false);
  const used = s.feed(bytes.subarray(0, cut), cut, 0, false);
  s.feed(bytes.subarray(used), bytes.length - used, used, true);
  const pre = s.finish(linesAtBytes(bytes));
  const v = pre.verbose;
  const t = v?.rows;
  const cols = t && v ? [t.src, t.dst, t.srcPort, t.dstPort, t.proto, t.packets, t.bytes, t.line, v.offsets, v.tos, v.flags, v.active, v.nextHop].map((a) => Array.from(a)) : [];
  const names = t ? [Array.from(t.srcIf, (i) => t.ifNames[i]), Array.from(t.dstIf, (i) => t.ifNames[i])] : [];
  return JSON.stringify({ cols, names, lines: pre.lines, textLines: pre.textLines });
}
