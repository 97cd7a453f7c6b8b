// NX-OS `show flow cache` rows read from bytes: what the row reader takes, the parser reads from the text with the same
// values; a whole session, odd rows, other tables and other commands and all, diagnoses the same through either path,
// in memory and piece by piece, and after random damage.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { linesAtBytes, linesFromRanges, registerPrescan } from '../parsers/show-ip-cache-flow/prescanned';
import { FlowColumns } from '../parsers/show-ip-cache-flow/flow-columns';
import { UNKNOWN } from '../parsers/flow-table';
import { headerColumns, nxosFlowCacheParser, rolesOf } from '../parsers/show-flow-cache/parser';
import { mulberry32 } from '../proof/mulberry32';
import { mutate, mutationArb } from '../proof/arbitraries';
import type { Paste } from '../types';
import { readNxRow, type NxLayout } from './nx-rows';
import { headerArb, nxCaches, rowArbOf, STANDARD } from '../proof/nx-caches';
import { prescanBytes } from './prescan';
import { misplacedRows } from '../proof/row-offsets';
import { pasteOfChunks } from './read-chunks';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 300;
const SEED = Number(process.env.FUZZ_SEED) || 20261205;
const enc = new TextEncoder();
const bytesOf = (s: string) => enc.encode(s);

describe('the row reader takes only what the parser reads, with the same values', () => {
  it('rows under random headers (fast-check)', () => {
    let taken = 0;
    const cols = new FlowColumns(16);
    fc.assert(
      fc.property(
        headerArb.chain((h) => fc.tuple(fc.constant(h), rowArbOf(h))),
        ([header, row]) => {
          const names = headerColumns(header)!;
          const layout: NxLayout = { columns: names.length, roles: rolesOf(names) };
          // (With its line end: the field loop stops there.)
          const b = bytesOf(`${row}\n`);
          cols.n = 0;
          const lines = ['IPV4 Entries', header, row];
          const want = nxosFlowCacheParser.parse({ lines, from: 0, to: lines.length });
          if (!readNxRow(b, 0, b.length - 1, layout, cols, 3, 0)) return;
          taken++;
          // Taken: the parser read it as a flow, with these values, and said nothing about it.
          expect(want.warnings, row).toEqual([]);
          const f = want.data.flows;
          expect(f.count).toBe(1);
          expect([cols.src[0], cols.dst[0], cols.proto[0], cols.srcPort[0], cols.dstPort[0], cols.packets[0], cols.bytes[0], cols.line[0], cols.ifNames[cols.srcIf[0]!], cols.ifNames[cols.dstIf[0]!]]).toEqual([
            f.src[0],
            f.dst[0],
            f.proto[0],
            f.srcPort[0],
            f.dstPort[0],
            f.packets[0],
            f.bytes[0],
            3,
            f.ifNames[f.srcIf[0]!],
            f.ifNames[f.dstIf[0]!],
          ]);
        },
      ),
      { seed: SEED, numRuns: RUNS * 10 },
    );
    // Plain rows come often enough that the comparison is not empty.
    expect(taken).toBeGreaterThan(RUNS);
  });

  it('a plain row: its values, and -1 (unknown) for a column the header lacks', () => {
    const cols = new FlowColumns(16);
    const h = headerColumns('SIP DIP D-Port Packet Count')!;
    const b = bytesOf('10.1.1.66 63.145.2.9 80 2\r\n');
    const layout = { columns: h.length, roles: rolesOf(h) };
    // Without its line end in the bytes (the last line of a paste that has none): the text path's.
    expect(readNxRow(b, 0, b.length - 2, layout, cols, 7, 100)).toBe(true);
    expect(readNxRow(b.subarray(0, b.length - 2), 0, b.length - 2, layout, cols, 7, 100)).toBe(false);
    expect([cols.src[0], cols.dst[0], cols.dstPort[0], cols.srcPort[0], cols.proto[0], cols.packets[0], cols.bytes[0], cols.line[0], cols.offset[0]]).toEqual([
      0x0a010142,
      0x3f910209,
      80,
      UNKNOWN,
      UNKNOWN,
      2,
      NaN,
      7,
      100,
    ]);
  });
});

/** An NX-OS session: other commands, IPv4 rows (some odd in the ways captures are), IPv6 and layer-2 tables. */
function nxSession(n: number, seed: number, eol = '\n'): { text: string } {
  const r = mulberry32(seed);
  const out = ['switch# show version', 'Cisco Nexus Operating System (NX-OS) Software', 'switch# show flow cache', 'IPV4 Entries', STANDARD];
  for (let i = 0; i < n; i++) {
    const scan = i % 4 === 0;
    const src = scan ? '10.9.9.9' : `10.${1 + (i % 3)}.${(i * 7) % 250}.${1 + (i % 200)}`;
    const dst = scan ? `${1 + (i % 220)}.${(i * 13) % 250}.${(i * 31) % 250}.${1 + (i % 250)}` : `64.4.${i % 7}.1`;
    const pk = scan ? 1 + (i % 2) : 10 + (i % 900);
    let row = `${src.padEnd(16)}${dst.padEnd(16)}4097  ${String(1024 + i).padEnd(8)}80      6         ${String(pk * 48).padEnd(14)}${String(pk).padEnd(14)}0x2        0x1a000000  1432        1433`;
    const odd = r();
    if (odd < 0.02) row = `${row}   <-- look`; // a poster's note
    else if (odd < 0.03) row = row.replace('4097  ', '4097\t'); // a tab
    else if (odd < 0.04) row = row.replace(src, src.replace(/\.\d+$/, '.x')); // a hand-masked address
    else if (odd < 0.05) row = ` ${row}`; // a blank first
    else if (odd < 0.06) row = row.replace('0x2 ', ''); // a field short
    else if (odd < 0.07) row = row.replace(' 80 ', '\u00a080 '); // an odd space
    else if (odd < 0.1) row = ` --More-- ${'\b'.repeat(9)}${' '.repeat(8)}${'\b'.repeat(9)}${row}`; // a paged capture
    else if (odd < 0.11) row = ` --More-- ${row}`; // the mark, its backspaces stripped
    else if (odd < 0.115) row = row.replace('0x2 ', '--More-- '); // a mark where a field stands: a field short
    out.push(row);
    const more = r();
    if (more < 0.005) out.push('');
    else if (more < 0.007) out.push('IPV6 Entries', 'SIP                                     DIP                                     BD ID S-Port  D-Port  Protocol  Byte Count    Packet Count  TCP FLAGS  if_id       flowStart   flowEnd', '2001:db8:10::5                          2001:db8:20::80                         4098  49152   80      6         64            1             0x2        0x1a000200  1500        1500', 'IPV4 Entries', STANDARD);
    else if (more < 0.008) out.push('L2 Entries', 'SMAC           DMAC           BD ID Byte Count Packet Count', '0011.2233.4455 0011.2233.4466 10 100 1', ...(more < 0.0075 ? [] : ['IPV4 Entries', STANDARD]));
    else if (more < 0.009) out.push('IPV4 Entries'); // a banner without its header: rows unread until one comes
    else if (more < 0.0093) out.push('IPV4 Entries', 'SIP  DIP  Packet Count  S-Port  D-Port  Byte Count'); // another layout: the rows after it do not fit
    else if (more < 0.012) out.push('IPV4 Entries', STANDARD);
    else if (more < 0.013) out.push('switch# show flow cache ipv4', 'IPV4 Entries', STANDARD); // the command again
    else if (more < 0.0133) out.push('switch# show flow cache ipv4'); // without its banner: rows unread until one comes
    else if (more < 0.014) out.push('switch# show clock', '12:00:00.000 UTC Mon Jan 01 2024', 'switch# show flow cache', 'IPV4 Entries', STANDARD);
    else if (more < 0.0143) out.push('switch# show clock', '12:00:00.000 UTC Mon Jan 01 2024'); // another command: the rows after it are not this table's
    else if (more < 0.0146) out.push('IPV4 Entries   <-- the new table', `${STANDARD}  <-- its header`); // notes on the banner and header
    else if (more < 0.0149) out.push('IPV4 Entries   <-- no header after it'); // rows unread until a header comes
    else if (more < 0.0152) out.push(`${STANDARD.replace('Protocol', 'Protocol Extra')}   <-- a header with a column more`);
    else if (more < 0.0155) out.push('-------------------------');
  }
  out.push('switch#');
  return { text: out.join(eol) + eol };
}

function viaBytes(text: string): { paste: Paste; rows: number } {
  const pre = prescanBytes(bytesOf(text));
  const paste: Paste = { source: 'nx.txt', text: '' };
  registerPrescan(paste, pre);
  return { paste, rows: pre.rows.count };
}

describe('an NX-OS flow cache reads the same through the byte path', () => {
  for (const eol of ['\n', '\r\n']) {
    it(`odd rows and all, in memory and piece by piece (${JSON.stringify(eol)} line ends)`, async () => {
      const { text } = nxSession(3000, 7, eol);
      const want = diagnose([{ source: 'nx.txt', text }]);
      const records = want.inputs.filter((i) => i.kind === 'show flow cache').reduce((n, i) => n + i.records, 0);
      expect(records).toBeGreaterThan(1500);
      expect(want.hosts.some((h) => h.verdict !== 'clean')).toBe(true);
      const { paste, rows } = viaBytes(text);
      // Of the rows the parser reads, all but the odd ones (a note, a tab, an odd space, a blank first) are taken as bytes.
      expect(rows).toBeGreaterThan(records * 0.9);
      expect(diagnose([paste])).toEqual(want);
      const bytes = bytesOf(text);
      for (const chunk of [61, 4096, 1 << 20]) {
        const read = (s: number, e: number) => bytes.slice(s, e);
        const chunked = await pasteOfChunks('nx.txt', bytes.length, async (s, e) => read(s, e), chunk < 4096 ? linesAtBytes(bytes) : linesFromRanges(read, bytes.length), undefined, chunk);
        expect(diagnose([chunked])).toEqual(want);
      }
    });
  }

  it('generated caches under random headers, each field now and then at the edge of what the parser reads, runs of plain rows between (fast-check)', () => {
    let fromBytes = 0;
    fc.assert(
      fc.property(nxCaches, ({ bytes }) => {
        const text = new TextDecoder().decode(bytes);
        const { paste, rows } = viaBytes(text);
        fromBytes += rows;
        // Each row quoted from its line's start, a pager mark before it or not.
        const pre = prescanBytes(bytes);
        expect(misplacedRows(bytes, pre.rows.line, pre.offsets, pre.rows.count)).toEqual([]);
        expect(diagnose([paste])).toEqual(diagnose([{ source: 'nx.txt', text }]));
      }),
      { seed: SEED, numRuns: Math.max(20, Math.ceil(RUNS / 3)) },
    );
    // (1,002 with the default runs and seed.)
    expect(fromBytes).toBeGreaterThan(RUNS * 2);
  });

  it('random sessions (fast-check)', { timeout: 20_000 + RUNS * 20 }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.nat(), (n, seed) => {
        const { text } = nxSession(n, seed);
        expect(diagnose([viaBytes(text).paste])).toEqual(diagnose([{ source: 'nx.txt', text }]));
      }),
      { seed: SEED, numRuns: Math.max(20, Math.ceil(RUNS / 10)) },
    );
  });

  it('damaged sessions (bits flipped, lines dropped, doubled, swapped, cut): the same diagnosis (fast-check)', { timeout: 20_000 + RUNS * 50 }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (n, seed, muts) => {
        const b = mutate(bytesOf(nxSession(n, seed).text), muts);
        const p: Paste = { source: 'nx.txt', text: '' };
        registerPrescan(p, prescanBytes(b));
        expect(diagnose([p])).toEqual(diagnose([{ source: 'nx.txt', text: new TextDecoder().decode(b) }]));
      }),
      { seed: SEED, numRuns: Math.max(50, Math.ceil(RUNS / 3)) },
    );
  });

  it('under another command, without the echo, or before a header, the rows stay text', () => {
    const { text } = nxSession(50, 3);
    expect(viaBytes(text).rows).toBeGreaterThan(30);
    expect(viaBytes(text.replaceAll('show flow cache', 'show hardware flow ip')).rows).toBe(0);
    expect(viaBytes(text.replaceAll('switch# show flow cache', '')).rows).toBe(0);
    expect(viaBytes(text.replaceAll(STANDARD, 'header left out')).rows).toBe(0);
    expect(viaBytes(text.replaceAll('IPV4 Entries', 'IPV6 Entries')).rows).toBe(0);
  });
});
