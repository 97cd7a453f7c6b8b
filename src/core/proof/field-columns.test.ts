// Field pastes (issue 13): numeric columns that ran together and process names wrapped at the terminal width.
// Fixed seed here; `npm run fuzz` sets FUZZ_RUNS (and optionally FUZZ_SEED) for a longer run.
import * as fs from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProcessCpu } from '../parsers/show-processes-cpu/parser';
import { cpuData, lastCounter, loadClean, read, stable, text, type Clean } from './field-captures';
import { cutAt, fuseTokens, lineNumbers, mapLines } from './field-transforms';
import { mulberry32 } from './mulberry32';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 60;
const SEED = Number(process.env.FUZZ_SEED) || 20010719;
const params = { seed: SEED, numRuns: RUNS };
const timeout = 30_000 + RUNS * 400;

const clean: Clean[] = loadClean(fs, join(__dirname, '../parsers'));
const ofKind = (...kinds: string[]) => clean.filter((c) => kinds.includes(c.kind) && c.rows.length > 0);
const cpu = ofKind('show processes cpu');

describe('numeric columns that run together (show processes cpu)', () => {
  /** Glue Runtime to Invoked (k = 1) or Invoked to uSecs (k = 2) on the chosen rows. */
  function fused(c: Clean, seed: number, share: number, which: 'runtime' | 'usecs' | 'mixed'): { lines: string[]; touched: Set<number> } {
    const rnd = mulberry32(seed);
    const lines = c.lines.slice();
    const touched = new Set<number>();
    for (const r of c.rows) {
      if (rnd() >= share) continue;
      const k = Math.min(which === 'runtime' ? 1 : which === 'usecs' ? 2 : rnd() < 0.5 ? 1 : 2, lastCounter(lines[r]!) - 1);
      const f = k >= 1 ? fuseTokens(lines[r]!, k) : null;
      if (f !== null) {
        lines[r] = f;
        touched.add(r + 1);
      }
    }
    return { lines, touched };
  }

  it('the counters a real capture glued are split when uSecs says where (Cat4k Mgmt LoPri)', () => {
    const d = cpuData(' PID Runtime(ms)   Invoked      uSecs   5Sec   1Min   5Min TTY Process\n  30 5248799482118370040 247 19.51% 16.34% 16.71% 0 Cat4k Mgmt LoPri\n');
    expect(d?.processes).toEqual([
      { pid: 30, name: 'Cat4k Mgmt LoPri', fiveSec: 19.51, oneMin: 16.34, fiveMin: 16.71, tty: 0, line: 2, runtimeMs: 524879948, invoked: 2118370040, uSecs: 247 },
    ]);
  });

  it('counters that split more than one way stay unknown, with a warning naming them', () => {
    const r = read('Router#show processes cpu\n   7 100100 0  0.00%  0.00%  0.00%   0 Fused Twice\n');
    const p = (r.sections[0]!.data as { processes: ProcessCpu[] }).processes[0]!;
    expect(p).toMatchObject({ pid: 7, name: 'Fused Twice', fiveSec: 0 });
    expect(r.inputs[0]!.records).toBe(1);
    const w = r.inputs[0]!.warnings;
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toMatch(/runtime, invoked and uSecs ran together, left unknown/);
    expect(p.runtimeMs).toBeUndefined();
  });

  it('every row read, the stable fields identical, the glued ones equal or unknown (with a warning)', { timeout }, () => {
    fc.assert(
      fc.property(fc.nat({ max: cpu.length - 1 }), fc.nat(), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.constantFrom('runtime', 'usecs', 'mixed') as fc.Arbitrary<'runtime' | 'usecs' | 'mixed'>, (ci, seed, share, which) => {
        const c = cpu[ci]!;
        const { lines, touched } = fused(c, seed, share, which);
        const r = read(text(lines));
        const want = (c.data as { processes: ProcessCpu[] }).processes;
        const got = cpuData(text(lines))!.processes;
        expect(r.inputs[0]!.records).toBe(c.records);
        expect(got.map(stable)).toEqual(want.map(stable));
        expect(got.map((p) => p.line)).toEqual(want.map((p) => p.line));
        const warned = new Set(r.inputs[0]!.warnings.filter((w) => /ran together/.test(w.message)).map((w) => w.line));
        for (const [i, p] of got.entries()) {
          for (const k of ['runtimeMs', 'invoked', 'uSecs'] as const) {
            if (p[k] !== undefined) expect(p[k]).toBe(want[i]![k]);
            else expect(warned.has(p.line), `line ${p.line} lost ${k} without a warning`).toBe(true);
          }
        }
        for (const l of warned) expect(touched.has(l)).toBe(true);
        expect(r.inputs[0]!.warnings.length - warned.size).toBe(c.warnings.length);
      }),
      params,
    );
  });
});

describe('numeric columns that run together (memory tables)', () => {
  const procMem = ofKind('show processes memory');
  const memSummary = clean.filter((c) => c.kind === 'show memory summary' && (c.data as { pools: unknown[] }).pools.length > 0);

  it('show processes memory: Allocated glued to Freed keeps the row, its Holding and name; the pair unknown, warned', { timeout }, () => {
    fc.assert(
      fc.property(fc.nat({ max: procMem.length - 1 }), fc.nat(), fc.double({ min: 0.05, max: 1, noNaN: true }), (ci, seed, share) => {
        const c = procMem[ci]!;
        const rnd = mulberry32(seed);
        const lines = c.lines.slice();
        const touched = new Set<number>();
        for (const r of c.rows) {
          if (rnd() >= share) continue;
          const f = fuseTokens(lines[r]!, 2);
          if (f === null) continue;
          lines[r] = f;
          touched.add(r + 1);
        }
        const r = read(text(lines));
        const s = r.sections[0]!;
        if (s.kind !== 'show processes memory') throw new Error(`read as ${s.kind}`);
        const want = (c.data as typeof s.data).processes;
        expect(r.inputs[0]!.records).toBe(c.records);
        expect(s.data.processes.map((p) => [p.pid, p.holding, p.name, p.line])).toEqual(want.map((p) => [p.pid, p.holding, p.name, p.line]));
        for (const [i, p] of s.data.processes.entries()) {
          if (touched.has(p.line)) expect([p.allocated, p.freed]).toEqual([undefined, undefined]);
          else expect([p.allocated, p.freed]).toEqual([want[i]!.allocated, want[i]!.freed]);
        }
        expect(r.inputs[0]!.warnings.filter((w) => /ran together/.test(w.message)).map((w) => w.line)).toEqual([...touched].sort((a, b) => a - b));
      }),
      params,
    );
  });

  it('show memory summary: glued pool columns are cut where Used + Free = Total; the pool never lost', { timeout }, () => {
    fc.assert(
      fc.property(fc.nat({ max: memSummary.length - 1 }), fc.nat(), (ci, seed) => {
        const c = memSummary[ci]!;
        const rnd = mulberry32(seed);
        const lines = c.lines.slice();
        const pools = (c.data as { pools: { line: number; name: string }[] }).pools;
        for (const p of pools) {
          if (rnd() < 0.4) continue;
          // Tokens after the name: head, total, used, free, lowest, largest; glue one neighbouring pair.
          const nameWords = p.name.trim().split(/\s+/).length;
          const f = fuseTokens(lines[p.line - 1]!, nameWords + Math.floor(rnd() * 5));
          if (f !== null) lines[p.line - 1] = f;
        }
        const r = read(text(lines));
        const s = r.sections[0]!;
        if (s.kind !== 'show memory summary') throw new Error(`read as ${s.kind}`);
        const want = (c.data as typeof s.data).pools;
        expect(r.inputs[0]!.records).toBe(c.records);
        expect(s.data.pools.map((p) => [p.name, p.total, p.used, p.free, p.line])).toEqual(want.map((p) => [p.name, p.total, p.used, p.free, p.line]));
        for (const [i, p] of s.data.pools.entries()) {
          for (const k of ['lowest', 'largest'] as const) if (p[k] !== undefined) expect(p[k]).toBe(want[i]![k]);
        }
      }),
      params,
    );
  });
});

describe('numeric columns that run together (ARP and accounting)', () => {
  it('show ip arp: an age run into the MAC is read exactly as the clean row', { timeout }, () => {
    const arp = ofKind('show ip arp');
    fc.assert(
      fc.property(fc.nat({ max: arp.length - 1 }), fc.nat(), (ci, seed) => {
        const c = arp[ci]!;
        const rnd = mulberry32(seed);
        const lines = c.lines.slice();
        for (const r of c.rows) if (rnd() < 0.6 && /^\d+$/.test(lines[r]!.trim().split(/\s+/)[2] ?? '')) lines[r] = fuseTokens(lines[r]!, 2) ?? lines[r]!;
        const r = read(text(lines));
        expect(r.inputs.map((i) => [i.kind, i.records, i.warnings])).toEqual([[c.kind, c.records, c.warnings]]);
        expect(r.sections[0]!.data).toEqual(c.data);
      }),
      params,
    );
  });

  it('show ip accounting: Packets run into Bytes keeps every row; a cut is taken only when it is the one an IP packet allows', { timeout }, () => {
    const acc = ofKind('show ip accounting');
    fc.assert(
      fc.property(fc.nat({ max: acc.length - 1 }), fc.nat(), (ci, seed) => {
        const c = acc[ci]!;
        const rnd = mulberry32(seed);
        const lines = c.lines.slice();
        for (const r of c.rows) if (rnd() < 0.6 && lines[r]!.trim().split(/\s+/).length === 4) lines[r] = fuseTokens(lines[r]!, 2) ?? lines[r]!;
        const r = read(text(lines));
        const s = r.sections[0]!;
        if (s.kind !== 'show ip accounting') throw new Error(`read as ${s.kind}`);
        expect(r.inputs[0]!.records).toBe(c.records);
        expect(lineNumbers(s.data)).toEqual(lineNumbers(c.data));
        const want = (c.data as typeof s.data).flows;
        const at = new Map(Array.from(want.line, (l, i) => [l, [want.src[i], want.dst[i], want.packets[i], want.bytes[i]]]));
        for (let i = 0; i < s.data.flows.count; i++) {
          expect([s.data.flows.src[i], s.data.flows.dst[i], s.data.flows.packets[i], s.data.flows.bytes[i]]).toEqual(at.get(s.data.flows.line[i]!));
        }
      }),
      params,
    );
  });
});

describe('numeric columns that run together (NAT address:port columns)', () => {
  const nat = ofKind('show ip nat translations');

  it('two address:port columns glued: the translation counted, the other columns kept, the pair unknown and warned', { timeout }, () => {
    fc.assert(
      fc.property(fc.nat({ max: nat.length - 1 }), fc.nat(), (ci, seed) => {
        const c = nat[ci]!;
        const rnd = mulberry32(seed);
        const lines = c.lines.slice();
        const glued = new Map<number, number>();
        for (const r of c.rows) {
          const t = lines[r]!.trim().split(/\s+/);
          const k = 1 + Math.floor(rnd() * 3);
          // Only a port running into the next address is a glue IOS can print (`---` and bare addresses end in a blank).
          if (t.length !== 5 || rnd() < 0.4 || !/:\d+$/.test(t[k]!) || !/^\d/.test(t[k + 1]!)) continue;
          lines[r] = fuseTokens(lines[r]!, k)!;
          glued.set(r + 1, k);
        }
        const r = read(text(lines));
        const s = r.sections[0]!;
        if (s.kind !== 'show ip nat translations') throw new Error(`read as ${s.kind}`);
        const want = (c.data as typeof s.data).translations;
        expect(r.inputs[0]!.records).toBe(c.records);
        const cols = ['insideGlobal', 'insideLocal', 'outsideLocal', 'outsideGlobal'] as const;
        for (const [i, t] of s.data.translations.entries()) {
          const k = glued.get(t.line);
          expect([t.protocol, t.line]).toEqual([want[i]!.protocol, want[i]!.line]);
          cols.forEach((col, j) => expect(t[col]).toBe(k !== undefined && (j === k - 1 || j === k) ? '' : want[i]![col]));
        }
        expect(r.inputs[0]!.warnings.filter((w) => /ran together/.test(w.message)).map((w) => w.line)).toEqual([...glued.keys()].sort((a, b) => a - b));
      }),
      params,
    );
  });
});

describe('process names wrapped at the terminal width', () => {
  it('a real wrap (`SIS Punt ` / `Process`) rejoins without a warning', () => {
    const row = `  186     1234567    12345678        99  5.00%  4.00%  3.00%   0 SIS Punt `;
    const r = read(`Router#show processes cpu\n${row}\nProcess\n  187 1 1 1000 0.00% 0.00% 0.00% 0 Next\n`);
    expect(r.inputs[0]!.warnings).toEqual([]);
    expect((r.sections[0]!.data as { processes: ProcessCpu[] }).processes.map((p) => p.name)).toEqual(['SIS Punt Process', 'Next']);
  });

  it('rows cut at 72, 76, 78 or 80 columns read as the clean ones, with no warning', { timeout }, () => {
    fc.assert(
      fc.property(fc.nat({ max: cpu.length - 1 }), fc.constantFrom(72, 76, 78, 80), fc.nat(), (ci, width, seed) => {
        const c = cpu[ci]!;
        const rnd = mulberry32(seed);
        const rows = new Set(c.rows);
        const out: string[] = [];
        const oldLine: number[] = [];
        for (const [i, l] of c.lines.entries()) {
          const pieces = rows.has(i) && rnd() < 0.7 ? cutAt(l, width) : [l];
          for (const p of pieces) {
            out.push(p);
            oldLine.push(i + 1);
          }
        }
        const r = read(text(out));
        const got = cpuData(text(out))!;
        const want = c.data as { processes: ProcessCpu[] };
        expect(r.inputs[0]!.warnings.map((w) => ({ ...w, line: oldLine[w.line - 1] }))).toEqual(c.warnings);
        expect(got.processes.map((p) => ({ ...p, line: oldLine[p.line - 1] }))).toEqual(want.processes);
      }),
      params,
    );
  });
});

describe('process names wrapped at the terminal width (show processes memory)', () => {
  const procMem = ofKind('show processes memory');

  it('a name cut at 72, 76, 78 or 80 columns rejoins, with no warning', { timeout }, () => {
    fc.assert(
      fc.property(fc.nat({ max: procMem.length - 1 }), fc.constantFrom(72, 76, 78, 80), fc.nat(), (ci, width, seed) => {
        const c = procMem[ci]!;
        const rnd = mulberry32(seed);
        const want = (c.data as { processes: { line: number; name: string }[] }).processes;
        const nameAt = new Map(want.map((p) => [p.line - 1, c.lines[p.line - 1]!.lastIndexOf(p.name)]));
        const out: string[] = [];
        const oldLine: number[] = [];
        for (const [i, l] of c.lines.entries()) {
          // Only where the terminal's cut falls inside the name (this category); the counters are not wrapped here.
          const at = nameAt.get(i);
          const pieces = at !== undefined && at >= 0 && at < width && l.length > width && rnd() < 0.7 ? cutAt(l, width) : [l];
          for (const p of pieces) [out.push(p), oldLine.push(i + 1)];
        }
        const r = read(text(out));
        const s = r.sections[0]!;
        if (s.kind !== 'show processes memory') throw new Error(`read as ${s.kind}`);
        expect(r.inputs[0]!.warnings.map((w) => ({ ...w, line: oldLine[w.line - 1] }))).toEqual(c.warnings);
        expect(mapLines(s.data, (n) => oldLine[n - 1]!)).toEqual(mapLines(c.data, (n) => n));
      }),
      params,
    );
  });
});

