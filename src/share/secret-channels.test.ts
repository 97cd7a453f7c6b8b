// Issue 12, done when: a random secret planted in any corpus form, after any prefix, never appears in any output
// channel: the share link in both modes (the URL and its decoded payload), the Markdown export, what storage
// writes, and what the report shows and prints (evidence lines and quoted warnings).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnose';
import { mulberry32 } from '../core/proof/mulberry32';
import { STAMPS } from '../core/proof/paste-variants';
import type { Answers, Diagnosis, Paste } from '../core/types';
import { maskForStorage } from '../state/mask-stored-secrets';
import { useAppStore } from '../state/store';
import { buildShareLink } from './build-share';
import { redactDiagnosis } from './redact-secrets';
import { decodePayload } from './codec';
import { reportMarkdown, diagnosisToMarkdown } from './report-markdown';
import { PREFIXES, parseSecretForms, plant } from './secret-forms';
import { payloadFromHash } from './share-route';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 120;
const SEED = Number(process.env.FUZZ_SEED) || 20261202;
const PAGE = 'https://noc.example.net/codered/#/paste';
const forms = parseSecretForms(readFileSync(new URL('./fixtures/secret-forms.tsv', import.meta.url), 'utf8'));
const flows = readFileSync(new URL('./fixtures/seed_show_ip_cache_flow.txt', import.meta.url), 'utf8').split('\n');

/** Incompressible lines (a fixed generator): with them the pastes cannot fit a link, which then carries the diagnosis. */
const rnd = mulberry32(7);
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
// Short random words: no run of 8 hex digits or 40 base64 characters, which the masker would take for key material.
const word = () => Array.from({ length: 1 + Math.floor(rnd() * 7) }, () => B64[Math.floor(rnd() * 62)]).join('');
const noise = Array.from({ length: 140 }, () => Array.from({ length: 12 }, word).join(' ')).join('\n');

// Printable secrets without quotes or backslashes (JSON would escape those, and a search would miss a leak).
const SECRET_CHARS = [...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789!$%*+-./@_^~#:=?,;{}'];
const secretArb = fc.array(fc.constantFrom(...SECRET_CHARS), { minLength: 6, maxLength: 24 }).map((a) => `Zq${a.join('')}`);
// Certificate hex: a fixed head keeps a planted word from matching unrelated digits in a payload ("00000000").
const hexArb = fc.array(fc.constantFrom(...'0123456789ABCDEF'), { minLength: 4, maxLength: 4 }).map((a) => `FACE${a.join('')}`);
const b64Arb = fc.array(fc.constantFrom(...B64), { minLength: 40, maxLength: 64 }).map((a) => `AAAAB3Nz${a.join('')}`);

const sampleArb = fc.record({
  form: fc.nat(forms.length - 1),
  prefix: fc.nat(PREFIXES.length - 1),
  secrets: fc.array(secretArb, { minLength: 4, maxLength: 4 }),
  hex: fc.array(hexArb, { minLength: 6, maxLength: 6 }),
  b64: fc.array(b64Arb, { minLength: 2, maxLength: 2 }),
  anonymise: fc.boolean(),
  at: fc.nat(8),
  // A terminal log that stamps every line (Tera Term, SecureCRT, ts): the pastes' every line behind a time stamp.
  stamp: fc.option(fc.nat(STAMPS.length - 1), { nil: undefined }),
});

/** Open a link as a receiver does; the decoded payload as text. */
function opened(url: string): string {
  const r = decodePayload(payloadFromHash(new URL(url).hash) ?? '');
  if (!r.ok) throw new Error(r.message);
  return JSON.stringify(r.payload);
}

/** Markdown escapes punctuation with backslashes: undo that before searching, or escaping would hide a leak. */
const unescapeMd = (md: string) => md.replace(/\\(.)/g, '$1');

let quotedInWarnings = 0;
let carriedInDiagnosisMode = 0;

describe('a planted secret never leaves (property)', () => {
  it('is in none of the link (both modes), the Markdown, storage, or the shown report', { timeout: 60_000 + RUNS * 300 }, () => {
    fc.assert(
      fc.property(sampleArb, (s) => {
        let i = 0;
        let h = 0;
        let b = 0;
        const { lines, secrets } = plant(forms[s.form]!, PREFIXES[s.prefix]!, (k) => (k === 'H' ? s.hex[h++ % 6]! : k === 'B' ? s.b64[b++ % 2]! : s.secrets[i++ % 4]!));
        // The planted lines inside a flow table (the parser quotes them in warnings) and as a config paste.
        const stamped = (l: string[]) => (s.stamp === undefined ? l : l.map((x, n) => STAMPS[s.stamp!]!(Date.UTC(2026, 11, 3, 23, 59, 50) + n * 777) + x));
        const flowText = stamped([...flows.slice(0, 4 + s.at), ...lines, ...flows.slice(4 + s.at)]).join('\n');
        const pastes: Paste[] = [{ source: 'flows.txt', text: flowText }, { source: 'cfg.txt', text: stamped(['R1#show running-config', ...lines, 'end']).join('\n') }];
        const answers: Answers = { cpu: 'interrupt' };
        const key = s.anonymise ? [3, 1, 4, 1, 5, 9, 2, 6] : null;
        const withEvidence = (d: Diagnosis): Diagnosis => {
          // A rule quoting the config line as evidence (what the report shows and prints, and the Markdown writes).
          d.findings[0]?.evidence.push(...lines.map((text, n) => ({ source: 'cfg.txt', line: n + 2, text })));
          return d;
        };
        const diagnosis = withEvidence(diagnose(pastes, answers));
        const raw = JSON.stringify(diagnosis);
        if (secrets.some((x) => diagnosis.inputs.some((inp) => inp.warnings.some((w) => w.message.includes(x))))) quotedInWarnings++;
        expect(diagnosis.findings.length).toBeGreaterThan(0);

        const inputLink = buildShareLink({ pageUrl: PAGE, pastes, answers, diagnosis, anonymiseKey: key });
        expect(inputLink.mode).toBe('input');
        const big = [...pastes, { source: 'noise.txt', text: noise }];
        const bigDiagnosis = withEvidence(diagnose(big, answers));
        const diagnosisLink = buildShareLink({ pageUrl: PAGE, pastes: big, answers, diagnosis: bigDiagnosis, anonymiseKey: key });
        expect(diagnosisLink.mode).toBe('diagnosis');
        const inDiagnosisMode = opened(diagnosisLink.url);
        if (secrets.some((x) => JSON.stringify(bigDiagnosis).includes(x))) carriedInDiagnosisMode++;

        useAppStore.getState().setDiagnosis(redactDiagnosis(diagnosis, pastes), 1); // as core-worker.ts and diagnosis-runner.ts do
        const shown = JSON.stringify(useAppStore.getState().diagnosis);
        const stored = JSON.stringify(pastes.map((p, n) => maskForStorage({ id: `p${n}`, name: p.source, text: p.text })));
        const md = reportMarkdown(useAppStore.getState().diagnosis!, answers, new Date(0)); // as download-report.tsx

        for (const x of secrets) {
          expect(flowText + raw + unescapeMd(diagnosisToMarkdown(diagnosis, answers))).toContain(x); // not vacuous
          const channels = {
            'input-mode link': inputLink.url,
            'input-mode payload': opened(inputLink.url),
            'diagnosis-mode link': diagnosisLink.url,
            'diagnosis-mode payload': inDiagnosisMode,
            Markdown: unescapeMd(md),
            storage: stored,
            'shown report': shown,
          };
          for (const [channel, text] of Object.entries(channels)) expect(text.includes(x), `${x} in the ${channel}`).toBe(false);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The warnings and diagnosis-mode channels were really exercised, not skipped.
    expect(quotedInWarnings).toBeGreaterThan(RUNS / 4);
    expect(carriedInDiagnosisMode).toBeGreaterThan(RUNS / 2);
  });
});
