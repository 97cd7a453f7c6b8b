// Field pastes (issue 13): masked addresses, elisions and notes, headerless filters, mixed prompts, the busiest process.
// Fixed seed here; `npm run fuzz` sets FUZZ_RUNS (and optionally FUZZ_SEED) for a longer run. Glued columns and
// wrapped names: field-columns.test.ts.
import * as fs from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProcessCpu } from '../parsers/show-processes-cpu/parser';
import { parseBareCommand, parsePrompt } from '../text/prompt';
import type { Warning } from '../types';
import { busiest, cpuData, lastCounter, loadClean, mlsRows, read, stable, text, type Clean } from './field-captures';
import { ANNOTATIONS, cutAt, ELISIONS, fuseTokens, lineNumbers, mapLines, maskAddresses, MASKS, PROMPTS } from './field-transforms';
import { mulberry32 } from './mulberry32';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 60;
const SEED = Number(process.env.FUZZ_SEED) || 20010719;
const params = { seed: SEED, numRuns: RUNS };
const timeout = 30_000 + RUNS * 400;

const clean: Clean[] = loadClean(fs, join(__dirname, '../parsers'));
const ofKind = (...kinds: string[]) => clean.filter((c) => kinds.includes(c.kind) && c.rows.length > 0);
const cpu = ofKind('show processes cpu');

describe('field captures exist to transform', () => {
  it('has captures of every kind the transformations need', () => {
    for (const k of ['show processes cpu', 'show ip arp', 'show ip nat translations', 'show ip accounting', 'show ip cache flow', 'show processes memory']) {
      expect(ofKind(k).length, k).toBeGreaterThan(0);
    }
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
