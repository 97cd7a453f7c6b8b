// The CLI reads files past 1 MB as bytes (flow rows straight into columns): that path must read what the text
// path reads, on every capture, on sessions and on damaged bytes, and never throw.
import * as fs from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { prescanBytes } from '../big-paste/prescan';
import { linesFromRanges, registerPrescan } from '../parsers/show-ip-cache-flow/prescanned';
import { pasteOfChunks } from '../big-paste/read-chunks';
import type { Diagnosis, Paste } from '../types';
import { mutate, mutationArb } from './arbitraries';
import { loadCaptures } from './fixture-set';
import { STAMPS } from './paste-variants';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 100;
const SEED = Number(process.env.FUZZ_SEED) || 20010719;
const timeout = 20_000 + RUNS * 300;

const captures = loadCaptures(fs, join(__dirname, '../parsers'));

function viaBytes(source: string, bytes: Uint8Array): Diagnosis {
  const paste: Paste = { source, text: '' };
  registerPrescan(paste, prescanBytes(bytes));
  return diagnose([paste]);
}

function viaText(source: string, bytes: Uint8Array): Diagnosis {
  return diagnose([{ source, text: Buffer.from(bytes).toString('utf8') }]);
}

/**
 * What must agree: kinds, counts, commands, where the warnings are, hosts and findings. Invalid UTF-8 decodes alike
 * on both paths (each maximal invalid subpart one U+FFFD, decodeUtf8 uses the platform's decoder).
 */
function outline(d: Diagnosis): unknown {
  return {
    inputs: d.inputs.map((i) => ({ kind: i.kind, records: i.records, command: i.command, lines: [i.firstLine, i.lastLine], warned: i.warnings.map((w) => w.line) })),
    hosts: d.hosts,
    findings: d.findings.map((f) => ({ id: f.id, title: f.title, evidence: f.evidence.map((e) => e.line) })),
  };
}

describe('bytes path and text path read the same', () => {
  it('every capture, exactly (valid UTF-8: messages and evidence text too)', () => {
    const wrong: string[] = [];
    for (const c of captures) {
      let bytes: Diagnosis;
      try {
        bytes = viaBytes(c.rel, c.bytes);
      } catch (e) {
        wrong.push(`${c.rel}: bytes path threw ${(e as Error).message}`);
        continue;
      }
      if (JSON.stringify(bytes) !== JSON.stringify(viaText(c.rel, c.bytes))) wrong.push(c.rel);
    }
    expect(wrong).toEqual([]);
  });

  it('every capture, and a session of them all, read from a file 4 KB at a time as the browser worker reads one', async () => {
    const session = Buffer.concat(captures.map((c) => Buffer.concat([c.bytes, Buffer.from('\n')])));
    const wrong: string[] = [];
    for (const c of [...captures, { rel: 'session', bytes: session }]) {
      const read = (s: number, e: number) => c.bytes.slice(s, e);
      const paste = await pasteOfChunks(c.rel, c.bytes.length, async (s, e) => read(s, e), linesFromRanges(read, c.bytes.length), undefined, 4096);
      if (JSON.stringify(diagnose([paste])) !== JSON.stringify(viaText(c.rel, c.bytes))) wrong.push(c.rel);
    }
    expect(wrong).toEqual([]);
  });

  it('every capture as a terminal log with a time stamp on every line, each kind of stamp, in memory and 4 KB at a time', async () => {
    const wrong: string[] = [];
    for (const [k, stamp] of STAMPS.entries()) {
      for (const c of captures) {
        const raw = Buffer.from(c.bytes).toString('latin1').split('\n');
        const t0 = Date.UTC(2026, 11, 3, 23, 59, 30);
        const bytes = Buffer.from(raw.map((l, i) => (i === raw.length - 1 && l === '' ? '' : stamp(t0 + i * 1234) + l)).join('\n'), 'latin1');
        const want = JSON.stringify(viaText(c.rel, bytes));
        if (JSON.stringify(viaBytes(c.rel, bytes)) !== want) wrong.push(`${c.rel} (stamp ${k}, in memory)`);
        const read = (s: number, e: number) => bytes.slice(s, e);
        const paste = await pasteOfChunks(c.rel, bytes.length, async (s, e) => read(s, e), linesFromRanges(read, bytes.length), undefined, 4096);
        if (JSON.stringify(diagnose([paste])) !== want) wrong.push(`${c.rel} (stamp ${k}, 4 KB at a time)`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('a session of every capture, one after the other', () => {
    const session = Buffer.concat(captures.map((c) => Buffer.concat([c.bytes, Buffer.from('\n')])));
    expect(viaBytes('s', session)).toEqual(viaText('s', session));
  });

  it('a show tech-support holding every capture between rules of dashes (and NX-OS backquotes): the same on both paths', () => {
    // The echo each capture opens with stays in the section's text; the separator is what opens the section here.
    const parts = captures.flatMap((c, k) => [Buffer.from(k % 2 ? `\n\`show ip cache flow\`\n` : '\n------------------ show ip cache flow ------------------\n\n'), c.bytes]);
    const tech = Buffer.concat([Buffer.from('R1#show tech-support\n'), ...parts, Buffer.from('\n')]);
    const d = viaBytes('t', tech);
    expect(d).toEqual(viaText('t', tech));
    expect(d.inputs.filter((i) => i.command === 'show ip cache flow').length).toBeGreaterThan(captures.length / 2);
  });

  it('a show tech-support whose verbose cache follows an echoed cache flow: the separator ends the flow rows on both paths', () => {
    const read = (f: string) => fs.readFileSync(join(__dirname, '../parsers', f), 'utf8');
    const flow = read('show-ip-cache-flow/fixtures/seed.txt');
    const verbose = read('show-ip-cache-verbose-flow/fixtures/constructed-cmdref-layout.txt').split('\n').slice(1).join('\n');
    const tech = Buffer.from(`${flow}\n------------------ show ip cache verbose flow ------------------\n\n${verbose}\n`);
    const d = viaBytes('t', tech);
    expect(d).toEqual(viaText('t', tech));
    expect(d.inputs.map((i) => i.kind)).toEqual(['show ip cache flow', 'show ip cache verbose flow']);
  });

  it('a truncated multi-byte character in a line decodes as on the text path (found by the fuzz run, seed 1395522998)', () => {
    // A process name after two bytes of a three-byte sequence (E1 80, no third): one U+FFFD, not one per byte.
    const text = Buffer.from('CPU utilization for five seconds: 99%/78%; one minute: 99%; five minutes: 98%\n PID Runtime(ms)   Invoked      uSecs   5Sec   1Min   5Min TTY Process\n  20  1137746  111  10 12.89%  9.99%  9.99%   0 ARP Input\n  21  1137  111  10  4.19%  3.00%  3.00%   0 ', 'latin1');
    const bytes = Buffer.concat([text, Buffer.from([0xe1, 0x80]), Buffer.from('IP Input\n', 'latin1')]);
    const d = viaBytes('m', bytes);
    expect(JSON.stringify(d)).toContain('\ufffdIP Input');
    expect(JSON.stringify(d)).not.toContain('\ufffd\ufffd');
    expect(d).toEqual(viaText('m', bytes));
  });

  it('damaged captures, stamped as terminal logs or not: no exception, same outline', { timeout }, () => {
    const arb = fc.tuple(fc.nat({ max: captures.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), fc.option(fc.nat(STAMPS.length - 1), { nil: undefined }));
    fc.assert(
      fc.property(arb, ([i, muts, stamp]) => {
        let bytes = captures[i]!.bytes;
        if (stamp !== undefined) {
          const raw = Buffer.from(bytes).toString('latin1').split('\n');
          bytes = Buffer.from(raw.map((l, n) => STAMPS[stamp]!(Date.UTC(2026, 11, 3, 23, 59) + n * 999) + l).join('\n'), 'latin1');
        }
        const b = mutate(bytes, muts);
        expect(outline(viaBytes('m', b))).toEqual(outline(viaText('m', b)));
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });
});
