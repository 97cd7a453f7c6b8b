// The CLI reads files past 1 MB as bytes (flow rows straight into columns): that path must read what the text
// path reads, on every capture, on sessions and on damaged bytes, and never throw.
import * as fs from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { prescanBytes } from '../big-paste/prescan';
import { registerPrescan } from '../parsers/show-ip-cache-flow/prescanned';
import type { Diagnosis, Paste } from '../types';
import { mutate, mutationArb } from './arbitraries';
import { loadCaptures } from './fixture-set';

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
 * What must agree whatever the decoder: kinds, counts, where the warnings are, hosts and findings. Runs of U+FFFD
 * count as one: decodeUtf8 replaces each invalid byte, TextDecoder each maximal invalid subpart.
 */
function outline(d: Diagnosis): unknown {
  return {
    inputs: d.inputs.map((i) => ({ kind: i.kind, records: i.records, command: i.command?.replace(/\ufffd+/g, '\ufffd'), lines: [i.firstLine, i.lastLine], warned: i.warnings.map((w) => w.line) })),
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

  it('a session of every capture, one after the other', () => {
    const session = Buffer.concat(captures.map((c) => Buffer.concat([c.bytes, Buffer.from('\n')])));
    expect(viaBytes('s', session)).toEqual(viaText('s', session));
  });

  it('damaged captures: no exception, same outline', { timeout }, () => {
    const arb = fc.tuple(fc.nat({ max: captures.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(arb, ([i, muts]) => {
        const b = mutate(captures[i]!.bytes, muts);
        expect(outline(viaBytes('m', b))).toEqual(outline(viaText('m', b)));
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });
});
