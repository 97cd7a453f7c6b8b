// Generated `show mls netflow ip` tables for the tests of the entry readers and of runs of entries
// (core/big-paste/mls-entries.ts, and the CLI's WebAssembly kernel behind runMls): each field plain most of the time
// and now and then at the edges of what the parser reads, lines between entries, pager marks, LF or CR LF, and a place
// to cut the bytes in two pieces as a read buffer does. Used by tests only.
import fc from 'fast-check';
import { FlowDumpScanner } from '../big-paste/prescan';
import { linesAtBytes } from '../parsers/show-ip-cache-flow/prescanned';
import { type CutPaste, cutAt } from './fnf-run-caches';

/** Mostly a plain value, now and then an odd one (each odd one alone may keep a line on the text path). */
const mostly = <T>(plain: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ arbitrary: plain, weight: 12 }, { arbitrary: odd, weight: 1 });
const ipArb = mostly(
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((a) => a.join('.')),
  fc.constantFrom('010.1.1.1', '256.1.1.1', '1.2.3', '1.2.3.4.5', '0.0.0.0', 'x.x.x.x', '10.1.x.x', '1.1.1.1000', '1.1.1.01', '2001:db8::1'),
);
const protoArb = mostly(fc.constantFrom('tcp', 'udp', 'icmp', 'TCP', '6', '17', '1'), fc.constantFrom('0', '300', '255', '-', '--', 'foo', 'constructor', '1234567890123456789', 'gre', 'Udp', 'a_b', 'ip-x'));
const portArb = mostly(
  fc.oneof(fc.nat(65535).map(String), fc.constantFrom('www', 'http', 'domain', 'ftp-data', 'netbios-ns')),
  fc.constantFrom('65536', '99999', 'WWW', '-', '---', 'foo', 'toString', '1234567890123456', '0', 'pop3', 'www_', 'x-1'),
);
const colonArb = mostly(fc.constantFrom(' :', ' :', ':', ' : '), fc.constantFrom('  :  ', '\t:', ''));
const ifArb = mostly(fc.constantFrom('Gi1/0/24', 'Vl10', 'Fa0/1', 'Po1.100', '-', '--', ''), fc.constantFrom('Se4/0/0:0', '1/1', 'Gi1/0/24*', 'a_b', 'More', 'x--More--', '_x'));
const adjArb = mostly(fc.constantFrom('0x0', '0x1F', '0xdead', '12', '--'), fc.constantFrom('0x', '0xG', '0x0x', '-1', 'x', ''));
const gapArb = mostly(fc.constantFrom(' ', '  ', '       '), fc.constantFrom('\t', '', ' \u00a0 ', ' \f '));
const leadArb = mostly(fc.constant(''), fc.constantFrom(' ', '  ', ' --More-- \b\b\b\b\b\b\b\b\b        \b\b\b\b\b\b\b\b\b', ' --More-- ', '<--- More --->'));
const tailArb = mostly(fc.constantFrom('', ' '), fc.constantFrom('  <-- this one', ' x', '\r', ' é'));

export const entryArb = fc
  .tuple(leadArb, ipArb, gapArb, ipArb, gapArb, protoArb, colonArb, portArb, colonArb, portArb, gapArb, ifArb, gapArb, fc.constantFrom(':', ':', ' :', ': '), adjArb, tailArb)
  .map((t) => t.join(''));
const countArb = mostly(fc.oneof(fc.nat(100000).map(String), fc.constantFrom('0', '123456789012345')), fc.constantFrom('1K', '-1', '1234567890123456', '1.5', ''));
const timeArb = mostly(fc.constantFrom('11:47:08', '1:02:03', '00:00:00'), fc.constantFrom('111:00:00', '11:47', '11:4:08', '11:47:08x', 'x'));
export const countersArb = fc
  .tuple(leadArb, countArb, gapArb, countArb, gapArb, countArb, gapArb, timeArb, mostly(fc.constantFrom('  L3 - Dynamic', ' L2', ''), fc.constantFrom('L3', '  <-- hm', '\tL3', '  Dynamic ')), tailArb)
  .map((t) => t.join(''));


/** Plain entries (runs of them are what a big capture holds), and now and then one with odd fields. */
const quad = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((a) => a.join('.'));
const gap = fc.constantFrom(' ', '  ', '       ');
const plainEntry = fc
  .tuple(quad, gap, quad, gap, fc.constantFrom('tcp', 'udp', '6', 'TCP', '--'), fc.constantFrom(' :', ':', ' : '), fc.oneof(fc.nat(65535).map(String), fc.constantFrom('www', 'domain', '-')), fc.constantFrom(' :', ':'), fc.oneof(fc.nat(65535).map(String), fc.constantFrom('www', 'http', 'ftp-data')), gap, fc.constantFrom('Gi1/0/24', 'Vl10', 'Fa0/1', 'Po1.100', '--', 'TenGigabitEthernet1/1'), gap, fc.constantFrom(':', ' :'), fc.constantFrom('0x0', '0x1F', '12', '--'), fc.constantFrom('', ' '))
  .map((t) => t.join(''));
const plainCounters = fc
  .tuple(fc.nat(100000).map(String), gap, fc.nat(10000000).map(String), gap, fc.nat(600).map(String), gap, fc.constantFrom('11:47:08', '1:02:03'), fc.constantFrom('  L3 - Dynamic', ' L2', ''))
  .map((t) => t.join(''));
const between = fc.oneof(
  { weight: 60, arbitrary: fc.constant<string[]>([]) },
  { weight: 1, arbitrary: fc.constantFrom([''], [' --More-- '], ['R1#'], ['Number of shortcuts = 12'], ['junk'], ['   ']) },
);
const entry = fc
  .tuple(fc.oneof({ weight: 5, arbitrary: plainEntry }, { weight: 1, arbitrary: entryArb }), fc.oneof({ weight: 5, arbitrary: plainCounters }, { weight: 1, arbitrary: countersArb }), between)
  .map(([a, b, x]) => [a, b, ...x]);

/** An echoed `show mls netflow ip` up to its first entry. */
export const MLS_HEADER = [
  'R1#show mls netflow ip',
  'Displaying Netflow entries in Supervisor Earl',
  'DstIP           SrcIP           Prot:SrcPort:DstPort  Src i/f         :AdjPtr',
  '-'.repeat(80),
  'Pkts         Bytes         Age   LastSeen  Attributes',
  '-'.repeat(51),
];

/** `show mls netflow ip` tables (the echo, the header lines, then entries), LF or CR LF, with a place to cut them in two pieces. */
export const mlsCaches: fc.Arbitrary<CutPaste> = fc
  .tuple(fc.array(entry, { minLength: 1, maxLength: 80, size: 'max' }), fc.constantFrom('\n', '\n', '\r\n'), fc.integer({ min: 0, max: 999 }))
  .map(([entries, eol, at]) =>
    cutAt(
      [...MLS_HEADER, ...entries.flat(), 'R1#'].join(eol) + eol,
      at,
    ),
  );

/** What the scanner reads from a table fed in two pieces: every entry's values, interface, line and offset, the text lines. */
export function mlsScannerResult({ bytes, cut }: CutPaste): string {
  const s = new FlowDumpScanner(bytes.length, false);
  const used = s.feed(bytes.subarray(0, cut), cut, 0, false);
  s.feed(bytes.subarray(used), bytes.length - used, used, true);
  const pre = s.finish(linesAtBytes(bytes));
  const t = pre.rows;
  const cols = [t.src, t.dst, t.srcPort, t.dstPort, t.proto, t.packets, t.bytes, t.line, t.dstIf, pre.offsets].map((a) => Array.from(a));
  return JSON.stringify({ cols, names: Array.from(t.srcIf, (i) => t.ifNames[i]), lines: pre.lines, textLines: pre.textLines });
}
