// The CLI's WebAssembly writer of clean rows gives exactly the bytes jsonParts gives (the JSON.stringify text of each
// host), for any counts, packets per flow, names and reasons; and the bytes it runs are the ones its text assembles to.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type CleanHostFacts, CleanHostColumns } from '../../core/analysis/clean-hosts';
import { MultiInterfaces } from '../../core/analysis/fan-out-tables';
import { type ElementWriter, streamJson } from '../json-stream';
import { CLEAN_JSON_WASM } from './bytes';
import { cleanJsonWat, MAP, ROWS } from './wat';
import { cleanHostsRun, wasmCleanJson } from './writer';
import { assembledAndShipped } from '../wasm-bytes';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 200;
const SEED = Number(process.env.FUZZ_SEED) || 20261203;

const wasm = wasmCleanJson()!;

type Row = Omit<CleanHostFacts, 'loc'> & { loc: number[] };

/** Interface names of the sources seen on several, some that JSON escapes (a quote, a backslash, controls, surrogates). */
const IF_NAMES = ['Fa0/0', 'Gi0/1.100', 'Po12', 'Se0/0:1', 'we"ird\\', '\u0001ctl\n', 'Gi\u00e9/\ud83d\ude00', '\ud800lone', 'Vl1'];
/**
 * The flows per interface of hosts 0-9 (a row's multiHost): host k on (k % 8) + 1 of the names, ties, counts past
 * 1,023 and one of 2^31 among them (host 0 on one interface only: its row has no reason of its own).
 */
const SEVERAL = MultiInterfaces.fromEach(10, IF_NAMES, (f) => {
  for (let k = 0; k < 10; k++) for (let i = 0; i <= k % 8; i++) f(k, (k + i) % IF_NAMES.length, [3, 3, 1, 1024, 7, 2 ** 31, 3, 12][(k * 3 + i) % 8]!);
});

/** Columns holding `rows`, and the hosts they read back as (with `others` put between them, as flagged hosts are). */
function columns(rows: Row[], multi: boolean): CleanHostColumns {
  const cols = new CleanHostColumns(rows.length, multi ? SEVERAL : undefined);
  rows.forEach((r, i) => cols.set(i, { ...r, multiHost: multi ? r.multiHost : -1 }));
  return cols;
}

/** The document's bytes as streamJson writes it, its clean hosts by parts() only or by the module's run. */
function written(doc: unknown, hosts: unknown[], withWasm: boolean): string {
  const writer: ElementWriter = {
    handles: (h) => typeof h === 'object' && h !== null && 'jsonParts' in h,
    parts: (h, level, parts) => (h as { jsonParts(l: number, p: string[]): void }).jsonParts(level, parts),
    ...(withWasm ? { run: cleanHostsRun(wasm) } : {}),
  };
  const chunks: Buffer[] = [];
  streamJson(doc, (b) => void chunks.push(Buffer.from(b)), { writeElements: new Map([[hosts, writer]]), chunkBytes: 4096 });
  return Buffer.concat(chunks).toString('utf8');
}

// Packets per flow as analyseFanOut makes them (hundredths), and every other kind of double numberJson meets.
const ppf = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1e14, noNaN: true }).map((x) => Math.round(x * 100) / 100) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 ** 53 }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1e13, 1e13 - 0.01, 1e15, 1e15 - 1, 1e21, 1e22, 0.005, 1e-7, 5e-324, -1.5, -3, 123456789012.34) },
  { weight: 1, arbitrary: fc.double() },
);
const count = fc.oneof(fc.integer({ min: 0, max: 1100 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom(0, 9, 10, 99, 100, 1023, 1024, 2 ** 32 - 1));
const name = fc.oneof(fc.constantFrom('Fa0/0', 'Gi0/1.100', 'Po12', '', 'Se0/0:1', 'Vl1', 'tcp/80', 'udp/53', 'icmp', 'unknown'), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }));
const reason = fc.oneof(fc.constantFrom('1 answered and 0 unanswered first contacts: no scanning pattern', 'no tcp/80 first contacts to judge by'), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 8 }));
const row: fc.Arbitrary<Row> = fc.record({
  addr: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  interfaceName: name,
  interfaceFlows: count,
  flows: count,
  destinations: count,
  port80Flows: count,
  packetsPerFlow: ppf,
  failedFlows: count,
  inbound: fc.boolean(),
  service: name,
  reason,
  loc: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 4 }),
  multiHost: fc.oneof({ weight: 4, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 9 }) }),
});

describe('the WebAssembly writer of clean rows', () => {
  // After changing wat.ts: UPDATE_WASM=1 npx vitest run src/cli/clean-json-wasm writes bytes.ts afresh.
  it('is the text it comes from, assembled', async () => {
    const { assembled, shipped } = await assembledAndShipped({
      name: 'clean-json.wat',
      text: cleanJsonWat(),
      shipped: CLEAN_JSON_WASM,
      bytesFile: new URL('./bytes.ts', import.meta.url),
      constName: 'CLEAN_JSON_WASM',
      update: 'UPDATE_WASM=1 npx vitest run src/cli/clean-json-wasm',
      checkedBy: 'writer.test.ts',
    });
    expect(assembled).toBe(shipped);
  });

  it('writes what jsonParts writes, at any depth, with other elements and out-of-order rows between them', () => {
    let rowsWritten = 0;
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.oneof(fc.constant('clean'), fc.constant('other'), fc.constant('swap')), { maxLength: 40 }),
        (rows, multi, depth, layout) => {
          const cols = columns(rows, multi);
          // Clean hosts mostly in row order; now and then a plain object between them, or two rows swapped.
          const hosts: unknown[] = rows.map((_, i) => cols.host(i));
          layout.forEach((what, i) => {
            if (i >= hosts.length) return;
            if (what === 'other') hosts.splice(i, 0, { ip: '192.0.2.1', verdict: 'infected', reasons: ['x'] });
            if (what === 'swap' && i + 1 < hosts.length) [hosts[i], hosts[i + 1]] = [hosts[i + 1], hosts[i]];
          });
          let doc: unknown = hosts;
          for (let d = 0; d < depth; d++) doc = { version: 1, hosts: doc };
          rowsWritten += rows.length;
          expect(written(doc, hosts, true)).toBe(written(doc, hosts, false));
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    expect(rowsWritten).toBeGreaterThan(RUNS);
  });

  it('writes the same past its row batch and its output (12,000 rows, 5 MB), past its maps (5,000 names), and around runs of rows with lists of their own', () => {
    const rows: Row[] = Array.from({ length: 12_000 }, (_, i) => ({
      addr: (0x0a000000 + i * 7919) >>> 0,
      // (Past row 5,000, names the maps hold again: those rows are the module's, not all left to jsonParts.)
      interfaceName: i < 5_000 ? `Gi0/${i}` : `Gi0/${i % 3}`,
      interfaceFlows: i % 13,
      flows: i,
      destinations: i % 1000,
      port80Flows: i % 77,
      packetsPerFlow: (i % 4000) / 100,
      failedFlows: i % 3,
      inbound: i % 11 === 0,
      service: i % 2 ? 'tcp/80' : 'udp/53',
      // Rows 6500-7499 with reasons of 3,000 characters: a batch of rows with lists of their own then outgrows the
      // module's room for pieces (1 MB), and the rest of the batch is written by jsonParts.
      reason: `${i % 50} answered and ${i % 7} unanswered first contacts: no scanning pattern${i >= 6500 && i < 7500 ? ` ${i}`.padEnd(3000, '.') : ''}`,
      loc: [0, 0, 0, 0],
      // Sources seen on several interfaces: every seventh row, and 1,500 in a row (more than one batch of them).
      multiHost: i % 7 === 0 || (i >= 6000 && i < 7500) ? i % 10 : -1,
    }));
    const cols = columns(rows, true);
    const hosts = rows.map((_, i) => cols.host(i));
    expect(ROWS).toBeLessThan(12_000);
    expect(MAP).toBeLessThan(5_000);
    const doc = { hosts };
    const byParts = vi.spyOn(cols, 'jsonParts');
    const got = written(doc, hosts, true);
    // Rows with a reason of their own and a short list, whose names the maps hold (name numbers below MAP), are the
    // module's: none of them was left to jsonParts.
    const own = (r: number) => cols.rowText(1).ownHost(r) >= 0 && r < 4_000;
    const left = byParts.mock.calls.map(([r]) => r).filter(own);
    expect(rows.filter((_, r) => own(r)).length).toBeGreaterThan(400);
    expect(left).toEqual([]);
    byParts.mockRestore();
    expect(got.length).toBeGreaterThan(4_000_000);
    expect(got).toBe(written(doc, hosts, false));
    const parsed = JSON.parse(got).hosts as { reasons: string[] }[];
    expect(parsed).toHaveLength(12_000);
    // A source seen on several interfaces ends its reasons with them, as the host reads.
    for (const i of [0, 6001, 6009, 7001, 7499, 11_998]) expect(parsed[i]!.reasons).toEqual(hosts[i]!.reasons);
    expect(parsed[6001]!.reasons.at(-1)).toMatch(/^arrives on 2 interfaces: /);
  });
});
