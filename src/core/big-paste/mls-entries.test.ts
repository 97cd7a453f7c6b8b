// `show mls netflow ip` entries read from bytes: what the readers take, the parser reads from the text with the same
// values; a whole session, odd entries, other commands and all, diagnoses the same through either path, in memory and
// piece by piece, and after random damage.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { linesAtBytes, linesFromRanges, registerPrescan } from '../parsers/show-ip-cache-flow/prescanned';
import { FlowColumns } from '../parsers/show-ip-cache-flow/flow-columns';
import { readMlsNetflow } from '../parsers/shared/mls-netflow-blocks';
import { mulberry32 } from '../proof/mulberry32';
import { mutate, mutationArb } from '../proof/arbitraries';
import type { Paste, Warning } from '../types';
import { commitMlsEntry, newMlsEntry, readMlsCounters, readMlsEntry } from './mls-entries';
import { countersArb, entryArb, mlsCaches } from '../proof/mls-caches';
import { prescanBytes } from './prescan';
import { misplacedRows } from '../proof/row-offsets';
import { pasteOfChunks } from './read-chunks';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 300;
const SEED = Number(process.env.FUZZ_SEED) || 20261205;
const enc = new TextEncoder();
const bytesOf = (s: string) => enc.encode(s);

const PLAIN_ENTRY = '123.127.95.3    10.39.160.88    tcp :11720 :www       Gi1/0/24        :0x0';
const PLAIN_COUNTERS = '2            96            53    11:47:08  L3 - Dynamic';

/** The parser on two lines: its one entry's values, or undefined, and its warnings. */
function parserOn(first: string, second: string) {
  const warnings: Warning[] = [];
  const t = readMlsNetflow({ lines: [first, second], from: 0, to: 2 }, warnings);
  const f = t.flows;
  return {
    warnings,
    row: t.entries === 1 ? [f.src[0], f.dst[0], f.proto[0], f.srcPort[0], f.dstPort[0], f.packets[0], f.bytes[0], f.ifNames[f.srcIf[0]!], f.ifNames[f.dstIf[0]!], f.line[0]] : undefined,
  };
}

/** What the readers took, as the parser's values (the name interned from the bytes). */
function readersOn(first: Uint8Array, second: Uint8Array) {
  const m = newMlsEntry();
  const cols = new FlowColumns(16);
  if (!readMlsEntry(first, 0, first.length, m) || !readMlsCounters(second, 0, second.length, m)) return undefined;
  commitMlsEntry(m, first, cols, 1, 0);
  return [cols.src[0], cols.dst[0], cols.proto[0], cols.srcPort[0], cols.dstPort[0], cols.packets[0], cols.bytes[0], cols.ifNames[cols.srcIf[0]!], cols.ifNames[cols.dstIf[0]!], cols.line[0]];
}

describe('the entry readers take only what the parser reads, with the same values', () => {
  it('first lines (fast-check)', () => {
    let taken = 0;
    const c = bytesOf(PLAIN_COUNTERS);
    fc.assert(
      fc.property(entryArb, (line) => {
        const got = readersOn(bytesOf(line), c);
        if (!got) return;
        taken++;
        const want = parserOn(line, PLAIN_COUNTERS);
        expect(want.warnings, line).toEqual([]);
        expect(got, line).toEqual(want.row);
      }),
      { seed: SEED, numRuns: RUNS * 10 },
    );
    // Plain lines come often enough that the comparison is not empty.
    expect(taken).toBeGreaterThan(RUNS);
  });

  it('counters lines (fast-check)', () => {
    let taken = 0;
    const e = bytesOf(PLAIN_ENTRY);
    fc.assert(
      fc.property(countersArb, (line) => {
        const got = readersOn(e, bytesOf(line));
        if (!got) return;
        taken++;
        const want = parserOn(PLAIN_ENTRY, line);
        expect(want.warnings, line).toEqual([]);
        expect(got, line).toEqual(want.row);
      }),
      { seed: SEED, numRuns: RUNS * 10 },
    );
    expect(taken).toBeGreaterThan(RUNS);
  });

  it('names in any case are taken; a line normalising or a poster\'s note would change is not', () => {
    const c = bytesOf(PLAIN_COUNTERS);
    expect(readersOn(bytesOf('1.1.1.1  2.2.2.2  TCP :1 :WWW  Vl1  :0x0'), c)).toEqual(parserOn('1.1.1.1  2.2.2.2  TCP :1 :WWW  Vl1  :0x0', PLAIN_COUNTERS).row);
    expect(readersOn(bytesOf('1.1.1.1  2.2.2.2  Udp :1 :Ftp-Data  Vl1  :0x0'), c)).toBeDefined();
    for (const odd of ['1.1.1.1  2.2.2.2  tcp :1 :www  x--More--  :0x0', '1.1.1.1  2.2.2.2  tcp :1 :www  Vl1  :0x0  <-- this', '1.1.1.1  2.2.2.2  tcp :1 :www\tVl1  :0x0', '1.1.1.1  2.2.2.2  tcp :1 :www  Vl1  :0x0 #']) {
      expect(readersOn(bytesOf(odd), c), odd).toBeUndefined();
    }
  });

  it('a plain entry: its values; a dropped protocol drops the ports; no interface is none', () => {
    expect(readersOn(bytesOf(PLAIN_ENTRY), bytesOf(PLAIN_COUNTERS))).toEqual([0x0a27a058, 0x7b7f5f03, 6, 11720, 80, 2, 96, 'Gi1/0/24', '', 1]);
    expect(readersOn(bytesOf('1.1.1.1  0.0.0.0  0 :0 :0  --  :0x0'), bytesOf('5 300 1 0:00:01'))).toEqual([0, 0x01010101, -1, -1, -1, 5, 300, '', '', 1]);
    // A line that ends where its time does, without attributes; one whose last field runs into the next line's bytes.
    const two = bytesOf('7 448 2 12:00:01\n1.2.3.4');
    const m = newMlsEntry();
    expect(readMlsCounters(two, 0, 15, m)).toBe(false);
    expect(readMlsCounters(two, 0, 16, m)).toBe(true);
  });
});

/** A `show mls netflow ip` session: other commands, entries (some odd in the ways captures are). */
function mlsSession(n: number, seed: number, eol = '\n'): string {
  const r = mulberry32(seed);
  const out = [
    'Router#show version',
    'Cisco IOS Software, s72033_rp Software',
    'Router#show mls netflow ip',
    'Displaying Netflow entries in Supervisor Earl',
    'DstIP           SrcIP           Prot:SrcPort:DstPort  Src i/f         :AdjPtr',
    '-'.repeat(80),
    'Pkts         Bytes         Age   LastSeen  Attributes',
    '-'.repeat(51),
  ];
  for (let i = 0; i < n; i++) {
    const scan = i % 4 === 0;
    const src = scan ? '10.9.9.9' : `10.${1 + (i % 3)}.${(i * 7) % 250}.${1 + (i % 200)}`;
    const dst = scan ? `${1 + (i % 220)}.${(i * 13) % 250}.${(i * 31) % 250}.${1 + (i % 250)}` : `64.4.${i % 7}.1`;
    const pk = scan ? 1 + (i % 2) : 10 + (i % 900);
    let first = `${dst.padEnd(16)}${src.padEnd(16)}tcp :${1024 + i} :www       ${['Gi1/0/24', 'Vl10', 'Fa0/1'][i % 3]!.padEnd(16)}:0x0`;
    let second = `${String(pk).padEnd(13)}${String(pk * 48).padEnd(14)}${String(i % 60).padEnd(6)}11:47:08  L3 - Dynamic`;
    const odd = r();
    if (odd < 0.02) first = `${first}   <-- look`; // a poster's note
    else if (odd < 0.03) second = second.replace('  L3', '\tL3'); // a tab
    else if (odd < 0.04) first = first.replace(src, src.replace(/\.\d+$/, '.x')); // a hand-masked address
    else if (odd < 0.05) first = ` ${first}`; // a blank first
    else if (odd < 0.06) first = first.replace(':www', ':gopher'); // a port name not known
    else if (odd < 0.07) second = `${pk}K ${second.slice(String(pk).length + 1)}`; // a count the parser does not read
    else if (odd < 0.1) first = ` --More-- ${'\b'.repeat(9)}${' '.repeat(8)}${'\b'.repeat(9)}${first}`; // a paged capture
    else if (odd < 0.11) second = ` --More-- ${second}`; // the mark, its backspaces stripped
    else if (odd < 0.12) first = first.replace(`${src}`, '0.0.0.0').replace('tcp :', '--  :'); // a destination-only mask
    out.push(first);
    const between = r();
    if (between < 0.01) out.push(''); // a blank between the lines
    else if (between < 0.015) out.push('junk'); // a line the parser reports, between
    else if (between < 0.02) out.push(first); // the first line twice
    else if (between < 0.025) out.splice(out.length - 1, 0, `${first}  <-- no counters`); // an entry with a note, no counters, before
    out.push(second);
    const more = r();
    if (more < 0.003) out.push('Router#show clock', '*12:00:00.000 UTC Mon Jan 1 2024', 'Router#show mls netflow ip');
    else if (more < 0.004) out.push('Router#show clock', '*12:00:00.000 UTC Mon Jan 1 2024'); // the entries after it are not this table's
    else if (more < 0.005) out.push(second); // a counters line with no entry waiting
    else if (more < 0.006) out.push('Number of shortcuts = 12');
  }
  out.push('Router#');
  return out.join(eol) + eol;
}

function viaBytes(text: string): { paste: Paste; rows: number } {
  const pre = prescanBytes(bytesOf(text));
  const paste: Paste = { source: 'mls.txt', text: '' };
  registerPrescan(paste, pre);
  return { paste, rows: pre.rows.count };
}

describe('a show mls netflow ip table reads the same through the byte path', () => {
  for (const eol of ['\n', '\r\n']) {
    it(`odd entries and all, in memory and piece by piece (${JSON.stringify(eol)} line ends)`, async () => {
      const text = mlsSession(3000, 7, eol);
      const want = diagnose([{ source: 'mls.txt', text }]);
      const records = want.inputs.filter((i) => i.kind === 'show mls netflow ip').reduce((n, i) => n + i.records, 0);
      expect(records).toBeGreaterThan(2000);
      expect(want.hosts.some((h) => h.verdict !== 'clean')).toBe(true);
      const { paste, rows } = viaBytes(text);
      // Of the entries the parser reads, all but the odd ones are taken as bytes.
      expect(rows).toBeGreaterThan(records * 0.85);
      expect(diagnose([paste])).toEqual(want);
      const bytes = bytesOf(text);
      for (const chunk of [61, 4096, 1 << 20]) {
        const read = (s: number, e: number) => bytes.slice(s, e);
        const chunked = await pasteOfChunks('mls.txt', bytes.length, async (s, e) => read(s, e), chunk < 4096 ? linesAtBytes(bytes) : linesFromRanges(read, bytes.length), undefined, chunk);
        expect(diagnose([chunked])).toEqual(want);
      }
    });
  }

  it('random sessions (fast-check)', { timeout: 20_000 + RUNS * 20 }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.nat(), (n, seed) => {
        const text = mlsSession(n, seed);
        expect(diagnose([viaBytes(text).paste])).toEqual(diagnose([{ source: 'mls.txt', text }]));
      }),
      { seed: SEED, numRuns: Math.max(20, Math.ceil(RUNS / 10)) },
    );
  });

  it('generated tables, each field now and then at the edge of what the parser reads, runs of plain entries between (fast-check)', () => {
    let fromBytes = 0;
    fc.assert(
      fc.property(mlsCaches, ({ bytes }) => {
        const text = new TextDecoder().decode(bytes);
        const { paste, rows } = viaBytes(text);
        fromBytes += rows;
        // Each entry quoted from its first line's start, a pager mark before it or not.
        const pre = prescanBytes(bytes);
        expect(misplacedRows(bytes, pre.rows.line, pre.offsets, pre.rows.count)).toEqual([]);
        expect(diagnose([paste])).toEqual(diagnose([{ source: 'mls.txt', text }]));
      }),
      { seed: SEED, numRuns: Math.max(20, Math.ceil(RUNS / 3)) },
    );
    expect(fromBytes).toBeGreaterThan(RUNS * 5);
  });

  it('damaged sessions (bits flipped, lines dropped, doubled, swapped, cut): the same diagnosis (fast-check)', { timeout: 20_000 + RUNS * 50 }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (n, seed, muts) => {
        const b = mutate(bytesOf(mlsSession(n, seed)), muts);
        const p: Paste = { source: 'mls.txt', text: '' };
        registerPrescan(p, prescanBytes(b));
        expect(diagnose([p])).toEqual(diagnose([{ source: 'mls.txt', text: new TextDecoder().decode(b) }]));
      }),
      { seed: SEED, numRuns: Math.max(50, Math.ceil(RUNS / 3)) },
    );
  });

  it('a destination-only table: the flow-mask finding quotes entries read from bytes as the text path does', () => {
    const lines = ['Router#show mls netflow ip', 'DstIP           SrcIP           Prot:SrcPort:DstPort  Src i/f         :AdjPtr'];
    for (let i = 0; i < 300; i++) lines.push(`${`${11 + (i % 200)}.${i >> 2}.7.9`.padEnd(16)}0.0.0.0         0   :0      :0         --              :0x0`, `${1 + (i % 5)}            ${48 * (1 + (i % 5))}           20    09:02:11  L3 - Dynamic`);
    const text = `${lines.join('\n')}\n`;
    const want = diagnose([{ source: 'mls.txt', text }]);
    const quoted = want.findings.flatMap((f) => f.evidence.map((e) => e.text));
    expect(quoted.some((t) => t.includes('0.0.0.0'))).toBe(true);
    const { paste, rows } = viaBytes(text);
    expect(rows).toBe(300);
    expect(diagnose([paste])).toEqual(want);
  });

  it('under another command or without the echo, the entries stay text', () => {
    const text = mlsSession(50, 3);
    expect(viaBytes(text).rows).toBeGreaterThan(30);
    expect(viaBytes(text.replaceAll('show mls netflow ip', 'show mls ip')).rows).toBe(0);
    expect(viaBytes(text.replaceAll('Router#show mls netflow ip', '')).rows).toBe(0);
  });
});

describe('a piece of a big file that ends with an entry\'s first line', () => {
  it('gives the line back (read whole with its counters in the next piece): the piece ends where a continuation can start', async () => {
    const { FlowDumpScanner } = await import('./prescan');
    const text = mlsSession(40, 5);
    const bytes = bytesOf(text);
    // The piece ends after the first line of some entry: just after a line that starts with an address.
    const lines = text.split('\n');
    const k = lines.findIndex((l, i) => i > 20 && /^\d+\.\d+\.\d+\.\d+ /.test(l));
    const cut = lines.slice(0, k + 1).join('\n').length + 1;
    const sc = new FlowDumpScanner(bytes.length);
    const used = sc.feed(bytes, cut, 0, false);
    expect(used).toBe(cut - lines[k]!.length - 1);
    expect(sc.rowsStartHere()).toBeDefined();
  });
});
