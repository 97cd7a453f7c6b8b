// Share-link decoder fuzz (issue 8): random strings, cut and bit-flipped valid links, huge and bomb-like inputs
// never throw; every failure is a clear error, and whatever decodes has passed the schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../core/answers';
import { diagnose } from '../core/diagnose';
import { fromBase64Url, toBase64Url } from './base64url';
import { MAX_ENCODED_CHARS, decodePayload, encodePayload, type DecodeResult } from './codec';
import { PayloadSchema, type SharePayload } from './payload-schema';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 150;
const SEED = Number(process.env.FUZZ_SEED) || 20010719;
const params = { seed: SEED, numRuns: RUNS };
const timeout = 20_000 + RUNS * 200;

const REASONS = new Set(['not-a-link', 'too-large', 'version', 'damaged', 'invalid']);
const seedText = readFileSync(join(__dirname, '../core/parsers/show-ip-cache-flow/fixtures/seed.txt'), 'utf8');
const envelope = (json: string, version = 1) => `v${version}.${toBase64Url(deflateSync(strToU8(json)))}`;

/** Never throws (the caller runs it), and the result is either a clear failure or a payload the schema accepts. */
function checkDecoded(r: DecodeResult): void {
  if (!r.ok) {
    if (!REASONS.has(r.reason)) throw new Error(`unknown failure reason ${r.reason}`);
    if (typeof r.message !== 'string' || r.message.length < 10) throw new Error(`unclear message: ${JSON.stringify(r.message)}`);
    return;
  }
  if (!v.safeParse(PayloadSchema, r.payload).success) throw new Error('decoded a payload the schema refuses');
  if (validateAnswers(r.payload.answers).problems.length) throw new Error('decoded answers the questionnaire does not know');
}

const validAnswers = fc.subarray([
  ['cpu', 'interrupt'],
  ['memory', 'mallocfail'],
  ['nat', 'pat'],
  ['irb', 'yes'],
  ['switching', 'fast'],
] as const);

const inputPayload: fc.Arbitrary<SharePayload> = fc.record({
  mode: fc.constant('input' as const),
  v: fc.constant(1 as const),
  answers: validAnswers.map((kv) => Object.fromEntries(kv)),
  anonymised: fc.boolean(),
  redacted: fc.nat(50),
  pastes: fc.array(fc.record({ source: fc.string({ maxLength: 40 }), text: fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.constant(seedText)) }), {
    minLength: 1,
    maxLength: 3,
  }),
});

const diagnosisPayload: SharePayload = {
  mode: 'diagnosis',
  v: 1,
  answers: { cpu: 'interrupt' },
  anonymised: false,
  redacted: 0,
  diagnosis: diagnose([{ source: 'seed.txt', text: seedText }]),
  omitted: ['raw pastes'],
};

describe('decodePayload on untrusted text', () => {
  it('random strings, with and without a "v1." prefix', { timeout }, () => {
    const arb = fc.tuple(fc.constantFrom('', 'v1.', 'v2.', 'v0.', 'v999999.', 'v1'), fc.string({ unit: 'binary', maxLength: 300 }));
    fc.assert(fc.property(arb, ([pre, s]) => checkDecoded(decodePayload(pre + s))), params);
  });

  it('random base64url after "v1." (valid alphabet, random bytes)', { timeout }, () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (b) => checkDecoded(decodePayload(`v1.${toBase64Url(b)}`))), params);
  });

  it('round-trips valid payloads, hostile text included', { timeout }, () => {
    fc.assert(
      fc.property(inputPayload, (p) => {
        expect(decodePayload(encodePayload(p))).toEqual({ ok: true, payload: p, notes: [] });
      }),
      { ...params, numRuns: Math.max(20, Math.ceil(RUNS / 3)) },
    );
    expect(decodePayload(encodePayload(diagnosisPayload))).toMatchObject({ ok: true, payload: { mode: 'diagnosis' } });
  });

  it('valid links cut anywhere', { timeout }, () => {
    const links = [encodePayload(diagnosisPayload), ...fc.sample(inputPayload, { seed: SEED, numRuns: 5 }).map(encodePayload)];
    for (const link of links) {
      for (let k = 0; k < link.length; k += Math.max(1, Math.floor(link.length / 200))) {
        const r = decodePayload(link.slice(0, k));
        checkDecoded(r);
        // Deflate streams end with a final block: a cut link must not open as a report.
        if (k < link.length - 4) expect(r.ok, `cut at ${k} of ${link.length}`).toBe(false);
      }
    }
  });

  it('valid links with bits flipped in the compressed bytes, or characters replaced', { timeout }, () => {
    const arb = fc.tuple(
      fc.oneof(fc.constant(diagnosisPayload), inputPayload),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 4 }),
      fc.nat(),
      fc.constantFrom('A', '_', '-', '0', '.', '=', '+', ' ', '%', '\u00e9'),
    );
    fc.assert(
      fc.property(arb, ([p, flips, at, ch]) => {
        const link = encodePayload(p);
        const bytes = fromBase64Url(link.slice(3))!;
        for (const [i, bit] of flips) bytes[i % bytes.length] = bytes[i % bytes.length]! ^ (1 << bit);
        checkDecoded(decodePayload(`v1.${toBase64Url(bytes)}`));
        const j = 3 + (at % (link.length - 3));
        checkDecoded(decodePayload(link.slice(0, j) + ch + link.slice(j + 1)));
      }),
      params,
    );
  });
});

describe('decodePayload on huge and hostile inputs', () => {
  const timed = (s: string) => {
    const t0 = performance.now();
    const r = decodePayload(s);
    return { r, ms: performance.now() - t0 };
  };

  it('refuses a link past the size limit at once', () => {
    const { r, ms } = timed(`v1.${'A'.repeat(MAX_ENCODED_CHARS + 1)}`);
    expect(r).toMatchObject({ ok: false, reason: 'too-large' });
    expect(ms).toBeLessThan(500);
  });

  it('reads a link just under the limit quickly and says it is damaged', () => {
    const { r, ms } = timed(`v1.${'Q'.repeat(MAX_ENCODED_CHARS - 4)}`);
    checkDecoded(r);
    expect(r.ok).toBe(false);
    expect(ms).toBeLessThan(3000);
  });

  it('stops a deflate bomb (a small link that inflates past the cap)', () => {
    const bomb = envelope(`{"mode":"input","v":1,"pastes":[{"source":"x","text":"${'A'.repeat(20_000_000)}"}]}`);
    expect(bomb.length).toBeLessThan(100_000);
    const { r, ms } = timed(bomb);
    expect(r).toMatchObject({ ok: false, reason: 'too-large' });
    expect(ms).toBeLessThan(3000);
  });

  it('survives JSON nested a hundred thousand levels deep', () => {
    const deep = `{"mode":"input","v":1,"answers":{},"anonymised":false,"redacted":0,"pastes":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    checkDecoded(decodePayload(envelope(deep)));
    const deepObj = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    checkDecoded(decodePayload(envelope(deepObj)));
  });

  it('refuses prototype tricks and wrong types with a clear error', () => {
    for (const json of [
      '{"__proto__":{"mode":"input"},"v":1}',
      '{"mode":"input","v":1,"answers":{"__proto__":"x"},"anonymised":false,"redacted":0,"pastes":[{"source":"a","text":"b"}]}',
      'null',
      '[]',
      '"v1."',
      '{"mode":"diagnosis","v":1,"answers":{},"anonymised":false,"redacted":0,"omitted":[],"diagnosis":{"version":1,"inputs":[],"hosts":[{"ip":"1.2.3.4"}],"findings":[]}}',
    ]) {
      const r = decodePayload(envelope(json));
      checkDecoded(r);
      if (r.ok) expect(Object.getPrototypeOf(r.payload)).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>).mode).toBeUndefined();
  });
});
