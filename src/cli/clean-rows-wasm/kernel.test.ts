// The CLI's WebAssembly clean-row loop takes exactly the rows the JavaScript one takes, with the same values, and the
// bytes it runs are the ones its text assembles to.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { FlowColumns } from '../../core/parsers/show-ip-cache-flow/flow-columns';
import { scanRows, useCleanRowScanner } from '../../core/parsers/show-ip-cache-flow/scan-rows';
import { CLEAN_ROWS_WASM } from './bytes';
import { wasmCleanRows } from './kernel';
import { cleanRowsWat } from './wat';
import { assembledAndShipped } from '../wasm-bytes';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 300;
const SEED = Number(process.env.FUZZ_SEED) || 20261202;

const wasm = wasmCleanRows()!;
afterEach(() => useCleanRowScanner(undefined));

/** Columns, text lines and the result of scanRows over `bytes`, with the given clean-row loop. */
function scan(bytes: Uint8Array, withWasm: boolean, cap = 4) {
  useCleanRowScanner(withWasm ? wasm : undefined);
  const cols = new FlowColumns(cap);
  cols.ifIndexOfName('Fa0/0');
  const text: [number, string][] = [];
  const r = scanRows(bytes, 0, bytes.length, cols, true, 7, (s, e, i) => {
    text.push([i, Buffer.from(bytes.subarray(s, e)).toString('latin1')]);
    return undefined;
  }, 2 ** 32 - 100);
  const n = cols.n;
  const f = cols.finish().table;
  return { r, text, n, ifNames: [...cols.ifNames], rows: [f.srcIf, f.dstIf, f.src, f.dst, f.proto, f.srcPort, f.dstPort, f.packets, f.bytes, f.line].map((a) => Array.from(a)), offsets: Array.from(cols.finish().offsets) };
}

// Mostly well-formed fields (so most rows are clean and a wrong check shows), now and then a damaged one.
const often = <T,>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => fc.oneof({ weight: 30, arbitrary: good }, { weight: 1, arbitrary: bad });
// Gi0/10 and Gi0/98 share a name slot in the module (hash & 255) with the same length, Gi0/1 and Vl1050 with another.
// Names found by their bytes as two words (wordLookup) take up to 15 bytes: 7, 8 and 15 long, pairs that differ only
// in their second word (Se0/0/0:1 and :2, Port-channel101 and 102), 16 bytes and more (read byte by byte).
const name = often(
  fc.constantFrom(
    'Fa0/0', 'Gi0/1.100', 'Po12', 'Vl1', 'Null', 'GigabitEthernet0/0/1', 'Te1/0/24', 'Se0/0:1', 'x', 'a_b-c', 'Gi0/10', 'Gi0/98', 'Gi0/1', 'Vl1050', `Po${'9'.repeat(70)}`,
    'Gi0/0/1', 'Se0/0/0:1', 'Se0/0/0:2', 'Gi0/0.1024', 'Port-channel101', 'Port-channel102', 'Port-channel1012', 'Tu100',
  ),
  fc.constantFrom('1Fa', 'Fa0/0#', '', 'Se0/0/0:1#'),
);
const octet = often(fc.integer({ min: 0, max: 255 }).map(String), fc.constantFrom('256', '999', '0000', '', '01', 'x'));
const ip = fc.tuple(octet, octet, octet, octet, often(fc.constant('.'), fc.constant(','))).map(([a, b, c, d, dot]) => [a, b, c, d].join(dot));
// Hex in either case, padded or not; now and then one digit more than the field takes (a three-digit protocol).
const hexOf = (v: number, width: number) => fc.constantFrom(v.toString(16), v.toString(16).toUpperCase(), v.toString(16).padStart(width, '0'));
const hexField = (max: number) =>
  often(
    fc.integer({ min: 0, max: 16 ** max - 1 }).chain((v) => hexOf(v, max)),
    fc.oneof(fc.integer({ min: 16 ** max, max: 16 ** (max + 1) - 1 }).chain((v) => hexOf(v, max)), fc.constantFrom('', 'G1')),
  );
// Counts with a K or M (long flows, as routers print them: 8599K) are clean rows too; junk after the letter is not.
const pkts = often(
  fc.oneof(fc.integer({ min: 0, max: 2 ** 40 }).map(String), fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.constantFrom('K', 'k', 'M', 'm')).map(([n, u]) => `${n}${u}`)),
  fc.constantFrom('', '12.5', '99999999999999999999', 'K', '12KK', '4K7', '5G', '-1K'),
);
const gap = often(fc.integer({ min: 1, max: 14 }).map((n) => ' '.repeat(n)), fc.constantFrom('\t', ''));
const end = often(fc.constantFrom('\n', '\r\n', '  \n', ' \r \n'), fc.constantFrom('\r', '', 'x\n'));
// DstIf may carry an egress flow's mark right after it (Fa0/0.134*); a mark anywhere else is no clean row.
const egress = fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 2, arbitrary: fc.constant('*') }, { weight: 1, arbitrary: fc.constantFrom('**', '*x', '*\t') });
const dstName = fc.tuple(name, egress).map(([n, m]) => n + m);
const row = fc
  .tuple(fc.constantFrom('', ' ', '   '), fc.oneof({ weight: 20, arbitrary: name }, { weight: 1, arbitrary: name.map((n) => `${n}*`) }), gap, ip, gap, dstName, gap, ip, gap, hexField(2), gap, hexField(4), gap, hexField(4), gap, pkts, end)
  .map((parts) => parts.join(''));
const junk = fc.oneof(fc.constantFrom('Router#show ip cache flow\n', 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts\n', '--More--\n', '\n'), fc.string({ maxLength: 30 }).map((s) => `${s}\n`));
const paste = fc.array(fc.oneof({ weight: 5, arbitrary: row }, { weight: 1, arbitrary: junk }), { maxLength: 40 }).map((lines) => Buffer.from(lines.join(''), 'latin1'));

describe('the WebAssembly clean-row loop', () => {
  // After changing wat.ts: UPDATE_WASM=1 npx vitest run src/cli/clean-rows-wasm writes bytes.ts afresh.
  it('is the text it comes from, assembled', async () => {
    const { assembled, shipped } = await assembledAndShipped({
      name: 'clean-rows.wat',
      text: cleanRowsWat(),
      shipped: CLEAN_ROWS_WASM,
      bytesFile: new URL('./bytes.ts', import.meta.url),
      constName: 'CLEAN_ROWS_WASM',
      update: 'UPDATE_WASM=1 npx vitest run src/cli/clean-rows-wasm',
      checkedBy: 'kernel.test.ts',
    });
    expect(assembled).toBe(shipped);
  });

  it('takes the rows the JavaScript loop takes: same values, same text lines, whatever the spacing and damage', { timeout: 20_000 + RUNS * 20 }, () => {
    let taken = 0;
    fc.assert(
      fc.property(paste, fc.integer({ min: 1, max: 64 }), (bytes, cap) => {
        const js = scan(bytes, false, cap);
        taken += js.n;
        expect(scan(bytes, true, cap)).toEqual(js);
      }),
      { numRuns: RUNS * 10, seed: SEED },
    );
    // Not vacuous: most generated rows are clean ones.
    expect(taken).toBeGreaterThan(RUNS * 10);
  });

  it('copies each byte into its memory about once, however often a line is no clean row', () => {
    // A pager mark every 23 lines, as a terminal log without `terminal length 0` has them (2 MB): each stops the
    // module, and the next call starts after it (at the row printed over the erased mark: scan-rows.ts pagerRowStart).
    const line = 'Gi0/1.100     10.1.2.3        Fa0/0         192.168.1.9     06 0F9F 0050     3\n';
    const page = `${line.repeat(22)} --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b${line}`;
    const bytes = Buffer.from(page.repeat(1100), 'latin1');
    const stats = { copied: 0 };
    const counted = wasmCleanRows(undefined, stats)!;
    useCleanRowScanner(counted);
    const cols = new FlowColumns(1024);
    const r = scanRows(bytes, 0, bytes.length, cols, true, 1, () => undefined);
    expect(r.lines).toBe(23 * 1100);
    // Every row, those printed over a mark included.
    expect(cols.n).toBe(23 * 1100);
    // A call copies at most twice what it reads, plus its first window (2 KB). With the window fixed at 1 MB, the
    // module copied 1 MB for every mark: 1.2 GB here.
    expect(stats.copied).toBeLessThan(2 * bytes.length);
    expect(stats.copied).toBeGreaterThanOrEqual(bytes.length - 1100 * (page.length - 22 * line.length));
  });

  it('reads rows between lines longer than its first window, as the JavaScript loop does', () => {
    const line = 'Fa0/0         10.1.2.3        Null          192.168.1.9     11 0035 0035     1\n';
    const long = (n: number) => `${'Router#'.padEnd(n, 'x')}\n`;
    const text = [line.repeat(3), long(9_000), line.repeat(200), long(70_000), line, long(300_000), line.repeat(5_000), long(2_000_000), line.repeat(2)].join('');
    const bytes = Buffer.from(text, 'latin1');
    const got = scan(bytes, true, 64);
    expect(got.n).toBe(3 + 200 + 1 + 5_000 + 2);
    expect(got).toEqual(scan(bytes, false, 64));
  });

  it('reads a range longer than its memory window, and rows past its own row limit', () => {
    const line = 'Gi0/1.100     10.1.2.3        Fa0/0         192.168.1.9     06 0F9F 0050     3\n';
    const bytes = Buffer.from(line.repeat(140_000), 'latin1'); // 11 MB, 140,000 rows
    const got = scan(bytes, true, 1024);
    expect(got.n).toBe(140_000);
    expect(got).toEqual(scan(bytes, false, 1024));
  });
});

describe('the clean-row loop and memory', () => {
  it('keeps no columns it filled: a capture read by it is freed once nothing else refers to it', async () => {
    const { collectGarbage } = await import('../collect-garbage');
    const fill = (): WeakRef<FlowColumns> => {
      const cols = new FlowColumns(64);
      const row = Buffer.from('Fa0/0         10.1.1.1        Null          10.2.2.2        06 0D3D 0050     1 \n'.repeat(8), 'latin1');
      expect(wasm(new Uint8Array(row), 0, row.length, cols, 1, 0)).toBe(row.length);
      expect(cols.n).toBe(8);
      return new WeakRef(cols);
    };
    const ref = fill();
    // A WeakRef keeps its target until the job that made it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(ref.deref() === undefined).toBe(true);
  });
});
