// Field pastes (issue 13): clean captures put through what forum posts do to them must keep their facts and rows.
// Fixed seed here; `npm run fuzz` sets FUZZ_RUNS (and optionally FUZZ_SEED) for a longer run.
import * as fs from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnoseDetailed } from '../diagnose';
import type { ProcessCpu } from '../parsers/show-processes-cpu/parser';
import { normaliseLines } from '../text/normalise';
import { parseBareCommand, parsePrompt } from '../text/prompt';
import type { Warning } from '../types';
import { ANNOTATIONS, cutAt, ELISIONS, fuseTokens, lineNumbers, mapLines, maskAddresses, MASKS, PROMPTS } from './field-transforms';
import { loadCaptures } from './fixture-set';
import { mulberry32 } from './mulberry32';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 60;
const SEED = Number(process.env.FUZZ_SEED) || 20010719;
const params = { seed: SEED, numRuns: RUNS };
const timeout = 30_000 + RUNS * 400;

interface Clean {
  rel: string;
  lines: string[];
  kind: string;
  command?: string;
  records: number;
  warnings: Warning[];
  data: unknown;
  /** 0-based indexes of the lines the parser read as rows (first line of each record). */
  rows: number[];
}

function read(text: string) {
  const d = diagnoseDetailed([{ source: 'p', text }]);
  return { inputs: d.diagnosis.inputs, sections: d.sections, hosts: d.diagnosis.hosts };
}

/** Row lines of a section's facts: the table rows (not counters or header facts). */
function rowIndexes(kind: string, data: Record<string, unknown>): number[] {
  const pick = (v: unknown) => [...new Set(lineNumbers(v).map((n) => n - 1))];
  switch (kind) {
    case 'show processes cpu': return pick(data.processes);
    case 'show processes memory': return pick(data.processes);
    case 'show ip arp': return pick(data.entries);
    case 'show ip nat translations': return pick(data.translations);
    case 'show ip cache':
    case 'show ip cache verbose': return pick(data.prefixes);
    case 'show mls entry': return mlsRows(data).map((n) => n - 1);
    case 'show ip accounting':
    case 'show ip cache flow': return pick({ line: (data.flows as { line: Uint32Array }).line });
    default: return [];
  }
}

/** MLS entries: flows, destination-only entries and entries with hidden addresses, by the line they start on. */
function mlsRows(data: Record<string, unknown>): number[] {
  const lines = [
    ...Array.from((data.flows as { line: Uint32Array }).line),
    ...(data.destinationOnlyLines as number[]),
    ...((data.hiddenLines as number[] | undefined) ?? []),
  ];
  return [...new Set(lines)].sort((a, b) => a - b);
}

const clean: Clean[] = loadCaptures(fs, join(__dirname, '../parsers')).flatMap((f) => {
  const lines = normaliseLines(f.text);
  const r = read(`${lines.join('\n')}\n`);
  if (r.inputs.length !== 1 || r.sections.length !== 1) return [];
  const s = r.sections[0]!;
  const i = r.inputs[0]!;
  const rows = rowIndexes(s.kind, s.data as unknown as Record<string, unknown>);
  return [{ rel: f.rel, lines, kind: s.kind, ...(i.command ? { command: i.command } : {}), records: i.records, warnings: i.warnings, data: s.data, rows }];
});
const ofKind = (...kinds: string[]) => clean.filter((c) => kinds.includes(c.kind) && c.rows.length > 0);
const text = (lines: readonly string[]) => `${lines.join('\n')}\n`;

const cpu = ofKind('show processes cpu');
/**
 * Index of the last counter token before the percentages (PID is token 0). Only counters run together: IOS
 * prints the percentages in a field wide enough that they always keep a blank in front.
 */
function lastCounter(line: string): number {
  const t = line.trim().split(/\s+/);
  const p = t.findIndex((x) => /^\d+(\.\d+)?%?$/.test(x) && x.includes('.'));
  return p - 1;
}
type Proc = Pick<ProcessCpu, 'pid' | 'name' | 'fiveSec' | 'oneMin' | 'fiveMin' | 'tty'>;
const cpuData = (t: string) => {
  const s = read(t).sections.find((x) => x.kind === 'show processes cpu');
  return s?.kind === 'show processes cpu' ? s.data : undefined;
};
const stable = (p: ProcessCpu): Proc => ({ pid: p.pid, name: p.name, fiveSec: p.fiveSec, oneMin: p.oneMin, fiveMin: p.fiveMin, tty: p.tty! });
/** The busiest process: highest five-second share, then one minute, then five minutes (first wins a tie). */
function busiest(ps: readonly ProcessCpu[]): Proc | undefined {
  let best: ProcessCpu | undefined;
  for (const p of ps) if (!best || p.fiveSec > best.fiveSec || (p.fiveSec === best.fiveSec && p.oneMin > best.oneMin)) best = p;
  return best && stable(best);
}

describe('field captures exist to transform', () => {
  it('has captures of every kind the transformations need', () => {
    for (const k of ['show processes cpu', 'show ip arp', 'show ip nat translations', 'show ip accounting', 'show ip cache flow', 'show processes memory']) {
      expect(ofKind(k).length, k).toBeGreaterThan(0);
    }
  });
});

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

describe('addresses masked by hand', () => {
  const masked = ofKind('show ip arp', 'show ip accounting', 'show ip nat translations', 'show ip cache flow', 'show ip cache', 'show ip cache verbose', 'show mls entry').filter((c) => !c.lines.some((l) => /TOS\s+Flgs/i.test(l)));

  it('every row still counted and at its line, the other columns kept, no masked address in host verdicts', { timeout }, () => {
    fc.assert(
      fc.property(fc.nat({ max: masked.length - 1 }), fc.nat(), fc.double({ min: 0.1, max: 1, noNaN: true }), (ci, seed, share) => {
        const c = masked[ci]!;
        const rnd = mulberry32(seed);
        const lines = c.lines.slice();
        for (const r of c.rows) {
          lines[r] = maskAddresses(lines[r]!, (ip) => {
            if (rnd() >= share) return null;
            // A blank column only where the parser can tell which column is missing: the ARP address.
            if (c.kind === 'show ip arp' && rnd() < 0.2) return '';
            return MASKS[Math.floor(rnd() * MASKS.length)]!(ip);
          });
        }
        const r = read(text(lines));
        const s = r.sections[0]!;
        expect(r.inputs.map((i) => [i.kind, i.records])).toEqual([[c.kind, c.records]]);
        if (s.kind === 'show mls entry') expect(mlsRows(s.data as unknown as Record<string, unknown>)).toEqual(mlsRows(c.data as Record<string, unknown>));
        else expect(lineNumbers(s.data)).toEqual(lineNumbers(c.data));
        const cleanHosts = new Map(read(text(c.lines)).hosts.map((h) => [h.ip, h]));
        for (const h of r.hosts) {
          expect(cleanHosts.has(h.ip), `${h.ip} is not a host of the clean capture`).toBe(true);
          expect(h.flows).toBeLessThanOrEqual(cleanHosts.get(h.ip)!.flows);
        }
        const masks = new Set(r.inputs[0]!.warnings.filter((w) => /(hidden|left blank) by the poster/.test(w.message)).map((w) => w.line));
        const changed = c.rows.filter((i) => lines[i] !== c.lines[i]).map((i) => i + 1);
        expect([...masks].sort((a, b) => a - b)).toEqual(changed);
        if (s.kind === 'show ip arp') {
          const want = (c.data as typeof s.data).entries;
          expect(s.data.entries.map(({ address: _a, hiddenAddress: _h, ...rest }) => rest)).toEqual(want.map(({ address: _a, ...rest }) => rest));
          for (const [i, e] of s.data.entries.entries()) expect(e.address === want[i]!.address || (e.address === '' && e.hiddenAddress !== undefined)).toBe(true);
        }
        if (s.kind === 'show ip cache' || s.kind === 'show ip cache verbose') {
          const want = (c.data as typeof s.data).prefixes;
          expect(s.data.prefixes.map((p) => [p.length, p.age, p.interface, p.line, p.macHeader])).toEqual(want.map((p) => [p.length, p.age, p.interface, p.line, p.macHeader]));
        }
        if (s.kind === 'show ip nat translations') {
          expect(s.data.translations.map((t) => [t.protocol, t.line])).toEqual((c.data as typeof s.data).translations.map((t) => [t.protocol, t.line]));
        }
      }),
      params,
    );
  });
});

describe('elisions and arrow notes', () => {
  const tables = clean.filter((c) => c.rows.length > 0);

  it('the rows and counters read as before; each note is one warning quoting just the note', { timeout }, () => {
    fc.assert(
      fc.property(fc.nat({ max: tables.length - 1 }), fc.nat(), fc.nat({ max: 4 }), (ci, seed, count) => {
        const c = tables[ci]!;
        const rnd = mulberry32(seed);
        const notes = new Map<number, string>();
        const elideBefore = new Map<number, string>();
        for (let k = 0; k <= count; k++) {
          const row = c.rows[Math.floor(rnd() * c.rows.length)]!;
          if (rnd() < 0.5) elideBefore.set(row, ELISIONS[Math.floor(rnd() * ELISIONS.length)]!);
          else notes.set(row, ANNOTATIONS[Math.floor(rnd() * ANNOTATIONS.length)]!);
        }
        const out: string[] = [];
        const oldLine: number[] = [];
        for (const [i, l] of c.lines.entries()) {
          if (elideBefore.has(i)) {
            out.push(elideBefore.get(i)!);
            oldLine.push(-1);
          }
          out.push(notes.has(i) ? `${l}   ${notes.get(i)}` : l);
          oldLine.push(i + 1);
        }
        const r = read(text(out));
        const back = (n: number) => oldLine[n - 1]!;
        expect(r.inputs.map((i) => [i.kind, i.records])).toEqual([[c.kind, c.records]]);
        expect(mapLines(r.sections[0]!.data, back)).toEqual(mapLines(c.data, (n) => n));
        // Warnings on the lines this test touched: exactly one per note, quoting just the note.
        const touched = new Set([...notes.keys()].map((i) => i + 1));
        const isNew = (w: Warning) => back(w.line) === -1 || touched.has(back(w.line));
        const posterWarnings = r.inputs[0]!.warnings.filter(isNew);
        expect(posterWarnings).toHaveLength(notes.size + elideBefore.size);
        for (const w of posterWarnings) {
          expect(w.message).toMatch(/^(note added by the poster|output left out by the poster here), not read: "/);
          const quoted = /"(.*)"$/.exec(w.message)![1]!;
          expect([...notes.values(), ...elideBefore.values()]).toContain(quoted);
        }
        const rest = r.inputs[0]!.warnings.filter((w) => !isNew(w)).map((w) => ({ ...w, line: back(w.line) }));
        expect(rest).toEqual(c.warnings);
      }),
      params,
    );
  });
});

describe('filtered output with no header', () => {
  const filtered = ofKind('show processes cpu', 'show ip arp', 'show ip accounting', 'show ip nat translations', 'show ip cache flow', 'show processes memory').filter(
    (c) => !c.lines.some((l) => /TOS\s+Flgs/i.test(l)),
  );
  const FILTERS = ['| include 0', '| i ^_1', '| exclude 0.00%', '| e Incomplete'];

  it('only some rows under an echo with a filter: each row read as in the full table', { timeout }, () => {
    fc.assert(
      fc.property(fc.nat({ max: filtered.length - 1 }), fc.nat(), fc.nat({ max: FILTERS.length - 1 }), (ci, seed, fi) => {
        const c = filtered[ci]!;
        const rnd = mulberry32(seed);
        const kept = c.rows.filter(() => rnd() < 0.4);
        if (kept.length === 0) kept.push(c.rows[0]!);
        const paste = [`Router#${c.kind} ${FILTERS[fi]}`, ...kept.map((i) => c.lines[i]!)];
        const r = read(text(paste));
        expect(r.inputs.map((i) => [i.kind, i.records])).toEqual([[c.kind, kept.length]]);
        expect(r.inputs[0]!.warnings.filter((w) => !/by the poster|ran together/.test(w.message))).toEqual([]);
        expect(lineNumbers(r.sections[0]!.data).filter((n) => n > 1).map((n) => kept[n - 2]! + 1)).toEqual(
          lineNumbers(c.data).filter((n) => kept.includes(n - 1)),
        );
      }),
      params,
    );
  });

  it('`sho proc cpu sor | i ^_192` gives the one row', () => {
    const r = read('R1#sho proc cpu sor | i ^_192\n 192     2004116   1234567       1623 12.30%  8.01%  6.49%   0 IP Input\n');
    expect(r.inputs.map((i) => [i.kind, i.records, i.warnings.length])).toEqual([['show processes cpu', 1, 0]]);
  });
});

describe('prompts of several devices in one paste', () => {
  /** The capture without its own echo, and the command to type in front of it. */
  function body(c: Clean): { command: string; lines: string[] } {
    const first = c.lines.findIndex((l) => l.trim() !== '');
    const echo = first >= 0 && (parsePrompt(c.lines[first]!) !== null || parseBareCommand(c.lines[first]!) !== null);
    return { command: c.command ?? c.kind, lines: echo ? c.lines.slice(first + 1) : c.lines };
  }
  const usable = clean.filter((c) => c.kind !== 'show running-config' && c.records > 0);

  it('each command reads as it does alone, whichever prompt echoes it', { timeout }, () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: usable.length - 1 }), { minLength: 2, maxLength: 4 }), fc.nat(), (picks, seed) => {
        const rnd = mulberry32(seed);
        const paste: string[] = [];
        for (const p of picks) {
          const b = body(usable[p]!);
          paste.push(PROMPTS[Math.floor(rnd() * PROMPTS.length)]!(b.command), ...b.lines);
        }
        paste.push('Router#');
        const r = read(text(paste));
        expect(r.inputs.map((i) => [i.kind, i.records])).toEqual(picks.map((p) => [usable[p]!.kind, usable[p]!.records]));
      }),
      params,
    );
  });
});

describe('the busiest process of a show processes cpu capture is never dropped, whatever its columns do', () => {
  it('glued counters, wrapped rows, notes, elisions and a dropped header, together', { timeout }, () => {
    fc.assert(
      fc.property(fc.nat({ max: cpu.length - 1 }), fc.nat(), fc.record({ fuse: fc.boolean(), wrap: fc.boolean(), note: fc.boolean(), elide: fc.boolean(), headless: fc.boolean() }), (ci, seed, t) => {
        const c = cpu[ci]!;
        const want = busiest((c.data as { processes: ProcessCpu[] }).processes);
        if (!want) return;
        const rnd = mulberry32(seed);
        const rows = new Set(c.rows);
        const out: string[] = t.headless ? [`Router#show processes cpu sorted | exclude 0.00%`] : [];
        for (const [i, l0] of c.lines.entries()) {
          if (t.headless && !rows.has(i)) continue;
          let l = l0;
          if (!rows.has(i)) {
            out.push(l);
            continue;
          }
          const k = Math.min(rnd() < 0.5 ? 1 : 2, lastCounter(l) - 1);
          if (t.fuse && k >= 1) l = fuseTokens(l, k) ?? l;
          if (t.elide && rnd() < 0.2) out.push(ELISIONS[Math.floor(rnd() * ELISIONS.length)]!);
          // The terminal cuts the row; the poster writes a note after what is on screen.
          const pieces = t.wrap ? cutAt(l, 78) : [l];
          if (t.note && rnd() < 0.3) pieces[pieces.length - 1] += `  ${ANNOTATIONS[Math.floor(rnd() * ANNOTATIONS.length)]}`;
          out.push(...pieces);
        }
        const got = cpuData(text(out))?.processes ?? [];
        expect(got.map(stable)).toContainEqual(want);
      }),
      { ...params, numRuns: RUNS * 2 },
    );
  });
});
