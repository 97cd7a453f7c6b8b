// The NX-OS row loop reads fields in place (no split, no object a row): for any section it gives exactly what the
// straightforward reading gave (the model below: the parser as it was, split, an object a row, a regular expression a
// number), on generated tables with odd blanks, characters past ASCII, long numbers, wrong field counts and bad addresses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Warning } from '../../types';
import { ipToInt, unreadLine } from '../../text/lines';
import { FlowTableBuilder } from '../flow-table';
import { Flow6Builder, isIPv6 } from '../flow-table6';
import type { Section } from '../parser-types';
import { isExecPromptTimestamp } from '../shared/exec-prompt-timestamp';
import { BANNER, headerColumns, nxosFlowCacheParser } from './parser';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 200;
const SEED = Number(process.env.FUZZ_SEED) || 20261205;

// ---- The model: the parser before its rows were read in place (2026-12-05), unchanged. ----
// (Its banner and header reading are the parser's own, unchanged: only the row loop is the old one.)
const INT = /^\d+$/;
function model(section: Section) {
  const warnings: Warning[] = [];
  const v4 = new FlowTableBuilder(Math.max(16, section.to - section.from));
  const v6 = new Flow6Builder();
  let family: string | undefined;
  let cols: (string | undefined)[] | undefined;
  let layer2Rows = 0;
  let records = 0;
  for (let i = section.from; i < section.to; i++) {
    const line = section.lines[i]!;
    if (line.trim() === '') continue;
    const b = BANNER.exec(line);
    if (b) {
      const f = b[1]!.toLowerCase();
      [family, cols] = [f === 'ipv4' ? 'ipv4' : f === 'ipv6' ? 'ipv6' : 'l2', undefined];
      continue;
    }
    const h = headerColumns(line);
    if (h) {
      cols = h;
      continue;
    }
    if (isExecPromptTimestamp(line) || /^\s*-{5,}\s*$/.test(line)) continue;
    if (!cols || !family) {
      warnings.push(unreadLine(i, line));
      continue;
    }
    const w = line.trim().split(/\s+/);
    if (w.length !== cols.length) {
      warnings.push(unreadLine(i, line, `flow row with ${w.length} fields under a header of ${cols.length}`));
      continue;
    }
    const v: Record<string, string> = {};
    cols.forEach((c, k) => {
      if (c) v[c] = w[k]!;
    });
    if (family === 'l2') {
      layer2Rows++;
      records++;
      continue;
    }
    const [srcPort, dstPort, proto, bytes, packets] = ['srcPort', 'dstPort', 'proto', 'bytes', 'packets'].map((k) => (v[k] !== undefined && INT.test(v[k]!) ? +v[k]! : undefined));
    if (packets === undefined) {
      warnings.push(unreadLine(i, line, 'flow row without a packet count'));
      continue;
    }
    const row = { proto, srcPort, dstPort, packets, bytes, line: i + 1 };
    if (family === 'ipv4') {
      const src = ipToInt(v.src ?? '');
      const dst = ipToInt(v.dst ?? '');
      if (src < 0 || dst < 0) {
        warnings.push(unreadLine(i, line, 'flow row with an address that is not IPv4'));
        continue;
      }
      v4.add({ ...row, src, dst });
    } else {
      if (!isIPv6(v.src ?? '') || !isIPv6(v.dst ?? '')) {
        warnings.push(unreadLine(i, line, 'flow row with an address that is not IPv6'));
        continue;
      }
      v6.add({ ...row, src: v.src!, dst: v.dst! });
    }
    records++;
  }
  if (layer2Rows > 0) warnings.push({ line: section.from + 1, message: `${layer2Rows} layer-2` });
  return { data: { flows: v4.finish(), flows6: v6.finish(), layer2Rows }, records, warnings };
}
// ---- end of the model ----

const blank = fc.constantFrom(' ', '  ', '      ', '\t', ' \t ', '\u00a0', ' \u3000 ', '\f');
const octet = fc.oneof(fc.integer({ min: 0, max: 255 }).map(String), fc.constantFrom('256', '01', '999', 'x'));
const field = fc.oneof(
  fc.tuple(octet, octet, octet, octet).map((o) => o.join('.')),
  fc.integer({ min: 0, max: 70000 }).map(String),
  // 16 and 17 digits: past exact integers in a double, where only reading the whole string rounds as `+` does.
  fc.bigInt({ min: 10n ** 15n, max: 10n ** 17n - 1n }).map(String),
  fc.constantFrom('0', '80', '6', '17', '0x2', '0x1a000000', '1432', '12345678901234567', '99999999999999999999', '0080', '-1', '4.5', 'é', 'x', '2001:db8::1', 'fe80::1', '0011.2233.4455', ''),
);
const HEADER_WORDS = ['BD ID', 'S-Port', 'D-Port', 'Protocol', 'Byte Count', 'Packet Count', 'TCP FLAGS', 'if_id', 'flowStart', 'flowEnd', 'Bytes', 'Packets'];
const header = fc
  .tuple(fc.subarray(HEADER_WORDS), blank, fc.constantFrom('SIP DIP', 'sip  dip', 'SMAC DMAC', 'DMAC SMAC'))
  .map(([ws, b, head]) => `${head}${b}${ws.join(b)}`);
const row = fc.tuple(fc.array(field, { minLength: 1, maxLength: 14 }), blank, blank).map(([fs, b, lead]) => `${lead.trim() === '' && fs.length % 3 === 0 ? lead : ''}${fs.join(b)}${fs.length % 4 === 0 ? ' ' : ''}`);
// The documented header, and rows that fit it (some with an odd field): the rows a real table holds.
const STANDARD = 'SIP             DIP             BD ID S-Port  D-Port  Protocol  Byte Count    Packet Count  TCP FLAGS  if_id       flowStart   flowEnd';
const ip = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.'));
const count = fc.oneof({ weight: 5, arbitrary: fc.nat(70000).map(String) }, { weight: 1, arbitrary: field });
const goodRow = fc
  .tuple(fc.oneof({ weight: 5, arbitrary: ip }, { weight: 1, arbitrary: field }), ip, count, count, count, count, count, count, blank)
  .map(([src, dst, sp, dp, pr, by, pk, fl, b]) => [src, dst, '4097', sp, dp, pr, by, pk, fl, '0x1a000000', '1432', '1433'].join(b));
const other = fc.constantFrom('', '   ', '\u00a0', 'IPV4 Entries', 'IPV6 Entries', 'L2 Entries', 'MAC Entries', '-----', 'Load for five secs: 5%/0%; one minute: 6%; five minutes: 5%', 'Time source is NTP, 12:00:00.000 UTC Mon Jan 1 2024', 'junk', 'DMAC x', ':1 2 3', '1.2.3.4 junk');
const line = fc.oneof({ weight: 8, arbitrary: goodRow }, { weight: 4, arbitrary: row }, { weight: 1, arbitrary: header }, { weight: 2, arbitrary: other });
const section = fc
  .tuple(fc.constantFrom('IPV4 Entries', 'IPV4 Entries', 'IPV4 Entries', 'IPV6 Entries', 'L2 Entries', ''), fc.oneof({ weight: 3, arbitrary: fc.constant(STANDARD) }, { weight: 1, arbitrary: header }), fc.array(line, { maxLength: 40 }))
  .map(([banner, h, ls]) => ['switch# show flow cache', banner, h, ...ls]);

const columns = (t: ReturnType<typeof model>['data']['flows']) => ({ ...t, ifNames: [...t.ifNames] });

let flowsSeen = 0;

describe('NX-OS show flow cache rows read in place', () => {
  it('read exactly as split rows were: flows, IPv6 flows, layer-2 count, records and warnings', () => {
    fc.assert(
      fc.property(section, (lines) => {
        const s: Section = { lines, from: 0, to: lines.length };
        const want = model(s);
        flowsSeen += want.data.flows.count;
        const got = nxosFlowCacheParser.parse(s);
        expect(got.records).toBe(want.records);
        expect(columns(got.data.flows)).toEqual(columns(want.data.flows));
        expect(got.data.flows6).toEqual(want.data.flows6);
        expect(got.data.layer2Rows).toBe(want.data.layer2Rows);
        // (The layer-2 note's wording is the parser's own: only that it is there, and where.)
        expect(got.warnings.map((w) => (w.message.includes('layer-2') ? { line: w.line, message: w.message.replace(/ layer-2.*/, ' layer-2') } : w))).toEqual(want.warnings);
      }),
      { numRuns: RUNS * 5, seed: SEED },
    );
    // The generated tables hold rows that are read, not only rows that are refused.
    expect(flowsSeen).toBeGreaterThan(RUNS);
  });
});
