// The byte path's stamp blanking: on every line it blanks exactly what the text path's pattern takes off, whatever
// the template it fitted last (digits, day names and zones change from line to line), and puts every byte back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stampPattern } from '../text/line-stamps';
import { STAMPS } from '../proof/paste-variants';
import { mulberry32 } from '../proof/mulberry32';
import { blankStamps, restoreStamps } from './blank-stamps';

/** The line-stamps kind (bracketed 0, ISO 1, ts 2, bare time 3) of each of paste-variants' STAMPS. */
const KIND_OF_STAMP = [0, 0, 0, 0, 1, 1, 2, 3];

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 300;
const SEED = Number(process.env.FUZZ_SEED) || 20261203;

/** Stamps of one log, as its lines could carry them: the program's own, now and then with a zone or a longer fraction. */
const stampArb = fc
  .tuple(fc.nat(STAMPS.length - 1), fc.integer({ min: 0, max: 400 * 86_400_000 }), fc.constantFrom('', '', '', ' UTC', ' +0100', '-05:00', 'Z'), fc.option(fc.nat(), { nil: undefined }))
  .map(([k, t, zone, noise]) => {
    let s = STAMPS[k]!(Date.UTC(2026, 0, 1) + t);
    if (zone && /^\d{4}-/.test(s)) s = `${s.trimEnd()}${zone} `;
    // Any digit where a digit was (a damaged log, `Dec 43`): the template takes it, so the pattern must too.
    if (noise !== undefined) {
      const rnd = mulberry32(noise);
      s = s.replace(/\d/g, (d) => (rnd() < 0.3 ? String(Math.floor(rnd() * 10)) : d));
    }
    return { k, s };
  });
const bodyArb = fc.constantFrom('Router#show ip cache flow', 'Vl1  20.1.84.97  Gi0/0  67.65.246.165  06 EB1E 0050  83', '', ' ip flow ingress', 'UTC is the clock', '+ more', '-- end', '[x] y', '03:30:00 z');

describe('blankStamps', () => {
  it('blanks what the text path takes off each line, no more, no less, and puts it all back', () => {
    fc.assert(
      fc.property(fc.nat(STAMPS.length - 1), fc.array(fc.tuple(stampArb, bodyArb, fc.boolean()), { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n'), (kind, rows, eol) => {
        // The log's kind decides the pattern; its lines carry stamps of that kind, or of another (or none) now and then.
        const lines = rows.map(([st, body, own]) => (own ? STAMPS[kind]!(Date.UTC(2026, 0, 1) + body.length * 1000) : st.s) + body);
        const re = stampPattern(KIND_OF_STAMP[kind]!)!;
        const text = lines.join(eol) + eol;
        const buf = new TextEncoder().encode(text);
        const before = buf.slice();
        for (const keep of [true, false]) {
          const b = blankStamps(buf, buf.length, re, keep);
          const got = new TextDecoder().decode(buf).split(eol);
          lines.forEach((l, n) => {
            const m = re.exec(l);
            const cut = m ? m[0].length : 0;
            expect(got[n], l).toBe(' '.repeat(cut) + l.slice(cut));
          });
          restoreStamps(buf, b);
          if (keep) expect(buf).toEqual(before);
          else buf.set(before);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
