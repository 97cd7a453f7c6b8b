// Masking must not cost the diagnosis (issue 12): every real capture in the project, and captures with secrets
// planted, diagnose the same once masked (what a share link's receiver and a reload from storage re-parse).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnose';
import type { Diagnosis, Paste } from '../core/types';
import { createNameAnonymiser } from './anonymise-names';
import { redactDeep, redactSecrets } from './redact-secrets';
import { PREFIXES, parseSecretForms, plant } from './secret-forms';
import { STAMPS } from '../core/proof/paste-variants';

const SRC = join(__dirname, '..');
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const captures = walk(SRC)
  .filter((f) => /\/fixtures\//.test(f) && /\.(txt|cfg|log)$/.test(f) && statSync(f).size < 2_000_000)
  .map((f) => ({ source: f.slice(SRC.length + 1), text: readFileSync(f, 'utf8') }));

/** What the analysis decides, without the quoted text (evidence and warnings quote masked lines by design). */
function decisions(d: Diagnosis) {
  return {
    inputs: d.inputs.map((i) => ({ source: i.source, kind: i.kind, records: i.records, warned: i.warnings.map((w) => w.line) })),
    hosts: d.hosts,
    findings: d.findings.map((f) => ({ id: f.id, severity: f.severity, title: f.title, remedy: f.remedy, evidence: f.evidence.map((e) => `${e.source}:${e.line}`) })),
    // Everything else (charts, and fields added later such as change plans) must come through whole.
    rest: Object.fromEntries(Object.entries(d).filter(([k]) => !['inputs', 'hosts', 'findings'].includes(k))),
  };
}

describe('every real capture diagnoses the same once masked', () => {
  it('reads a realistic number of captures', () => {
    expect(captures.length).toBeGreaterThan(100);
  });
  it.each(captures.map((c) => [c.source, c] as const))('%s', (_name, c) => {
    const before = diagnose([c]);
    const after = diagnose([{ source: c.source, text: redactSecrets(c.text) }]);
    expect(decisions(after)).toEqual(decisions(before));
    // The report masks its diagnosis too: the words the tool writes itself (titles, remedies, reasons) survive.
    expect(decisions(redactDeep(before))).toEqual(decisions(before));
  });
});

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 60;
const SEED = Number(process.env.FUZZ_SEED) || 20261201;
const forms = parseSecretForms(readFileSync(new URL('./fixtures/secret-forms.tsv', import.meta.url), 'utf8'));
const config = readFileSync(join(SRC, 'core/parsers/show-running-config/fixtures/constructed-code-red.cfg.txt'), 'utf8');
const flows = readFileSync(new URL('./fixtures/seed_show_ip_cache_flow.txt', import.meta.url), 'utf8');

describe('every real capture diagnoses the same once its names are anonymised', () => {
  // Hostnames, users, domains and object names (lists, VRFs, maps, VLANs...) get pseudonyms: what the analysis
  // decides must not change, only the names it quotes (a name taken for a keyword would rename what a parser reads).
  const shape = (d: Diagnosis) => ({
    inputs: d.inputs.map((i) => ({ kind: i.kind, records: i.records, warned: i.warnings.map((w) => w.line) })),
    hosts: d.hosts.map((h) => `${h.ip} ${h.verdict} ${h.variant} ${h.worm ?? ''} ${h.destinations}`),
    findings: d.findings.map((f) => `${f.id} ${f.severity} ${f.evidence.map((e) => e.line).join(',')} ${f.remedy?.commands.length ?? 0}`),
    plans: (d.plans ?? []).map((p) => p.steps.map((s) => `${s.commands.length}/${s.gate?.length ?? 0}`)),
  });
  it.each(captures.map((c) => [c.source, c] as const))('%s', (_name, c) => {
    const names = createNameAnonymiser([1, 2, 3, 4, 5, 6, 7, 8]);
    names.learn(c.text);
    expect(shape(diagnose([{ source: c.source, text: names.text(c.text) }]))).toEqual(shape(diagnose([c])));
  });
});

describe('a config fragment whose block the masker hides whole', () => {
  // Found by `npm run fuzz` (FUZZ_SEED=454523685): the masker writes a crypto block's lines as ` <removed>`, which
  // was then read as a poster's elision and blanked; the fragment left (two global lines) was read as a config,
  // where the paste itself had been read as no command at all.
  it('is read the same masked as unmasked', () => {
    const text = ['enable secret Zq3pw', 'crypto ipsec client ezvpn EZ', ' group G key Zq1pw', ' username u password Zq2pw', config].join('\n');
    const masked = redactSecrets(text);
    expect(masked).toContain(' <removed>\n');
    const kinds = (t: string) => diagnose([{ source: 'run.txt', text: t }]).inputs.map((i) => [i.kind, i.records, i.firstLine]);
    expect(kinds(masked)).toEqual(kinds(text));
  });

  it('keeps the shape of a config whose lines are mostly that block', () => {
    const block = ['crypto isakmp client configuration group G', ' key Zq1pw', ' pool P', ' acl 101', ' dns 192.0.2.53', ' domain example.net', ' save-password'];
    const text = ['!', 'hostname R', ...block, '!'].join('\n');
    const masked = redactSecrets(text);
    expect(masked.split('\n').filter((l) => l === ' <removed>')).toHaveLength(6);
    const kinds = (t: string) => diagnose([{ source: 'run.txt', text: t }]).inputs.map((i) => [i.kind, i.records]);
    expect(kinds(text)).toEqual([['show running-config', 1]]);
    expect(kinds(masked)).toEqual(kinds(text));
  });
});

describe('a banner whose last line of text awaits a secret', () => {
  // Found by `npm run fuzz` (FUZZ_SEED=1273462500): a line ending with a keyword that may take its secret on the next
  // line (`... transmit-key`, `... the password`) made the masker hide the banner's closing `^C` too; the parser
  // then read the banner as never closed and split the config inside it.
  const banner = (last: string, close: string) =>
    config.replace('must not be read as configuration.\n', `must not be read as configuration.\n${last}\n${close}\n`).replace(/\n\^C\n(?=!)/, '\n');

  it('keeps its closing line, and reads the same masked as unmasked', () => {
    const text = banner('R1(config)# encryption key 1 size 128bit 7 Zq5pw transmit-key', '^C');
    expect(text).toContain('transmit-key\n^C\n!');
    const masked = redactSecrets(text);
    expect(masked).toContain('\n^C\n!');
    expect(masked).not.toContain('Zq5pw');
    const kinds = (t: string) => diagnose([{ source: 'run.txt', text: t }]).inputs.map((i) => [i.kind, i.records, i.firstLine]);
    expect(kinds(masked)).toEqual(kinds(text));
  });

  it('still masks what comes before the delimiter on that line (a secret wrapped onto it)', () => {
    const text = banner('R1(config)# encryption key 1 size 128bit 7 Zq5pw transmit-key', 'Zq9pw^C');
    const masked = redactSecrets(text);
    expect(masked).toContain('\n<removed>^C\n!');
    expect(masked).not.toMatch(/Zq[59]pw/);
    const kinds = (t: string) => diagnose([{ source: 'run.txt', text: t }]).inputs.map((i) => [i.kind, i.records, i.firstLine]);
    expect(kinds(masked)).toEqual(kinds(text));
  });
});

describe('captures with secrets planted diagnose the same once masked (property)', () => {
  it('config lines the analysis reads (ACLs on interfaces, routes, interface names) survive', { timeout: 30_000 + RUNS * 300 }, () => {
    const lines = config.split('\n');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(forms.length - 1), fc.nat(PREFIXES.length - 1), fc.nat(lines.length)), { minLength: 1, maxLength: 6 }),
        // A terminal log that stamps every line (the config's and the flows' alike), or none.
        fc.option(fc.nat(STAMPS.length - 1), { nil: undefined }),
        (plants, stamp) => {
          const out = [...lines];
          let n = 0;
          for (const [f, p, at] of plants) {
            const prefix = PREFIXES[p]!.startsWith('cfg.txt') ? '' : PREFIXES[p]!;
            // Each placeholder as the form says: {H} a certificate's hex word, {B} base64, {S} any secret. (Planted
            // as `Zq1pw` everywhere, a certificate's body was no hex dump, and read as no config even unmasked.)
            const planted = plant(forms[f]!, prefix, (k) => (k === 'H' ? (0x30820000 + ++n).toString(16).toUpperCase() : k === 'B' ? `AAAAB3NzaC1yc2EAAAADAQABAAABAQC${++n}x/Zq+Lm9Pw` : `Zq${++n}pw`)).lines;
            // At a top-level boundary: a command planted between an interface and its indented lines would
            // take those lines over (in IOS as in the masker), which is not what a config looks like.
            let k = Math.min(at, out.length);
            while (k < out.length && /^[ \t]/.test(out[k]!)) k++;
            out.splice(k, 0, ...planted);
          }
          const stamped = (t: string) => (stamp === undefined ? t : t.split('\n').map((l, i) => STAMPS[stamp]!(Date.UTC(2026, 11, 3, 23, 59) + i * 777) + l).join('\n'));
          const pastes: Paste[] = [{ source: 'run.txt', text: stamped(out.join('\n')) }, { source: 'flows.txt', text: stamped(flows) }];
          const masked = pastes.map((x) => ({ ...x, text: redactSecrets(x.text) }));
          const before = decisions(diagnose(pastes));
          const after = decisions(diagnose(masked));
          expect(after.hosts).toEqual(before.hosts);
          expect(after.findings.map((x) => [x.id, x.remedy])).toEqual(before.findings.map((x) => [x.id, x.remedy]));
          expect(after.inputs.map((x) => [x.kind, x.records])).toEqual(before.inputs.map((x) => [x.kind, x.records]));
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('a certificate server the HTTP server serves', () => {
  it('keeps its crypto pki server line through the masker (its block masked), so a link\'s receiver withholds no ip http server too', () => {
    const text = ['version 15.1', 'hostname BR1', '!', 'crypto pki server BR1-CA', ' database url flash:', ' issuer-name CN=BR1-CA', '!', 'interface Gi0/1', ' ip address 10.1.1.1 255.255.255.0', '!', 'ip http server', 'end'].join('\n');
    const masked = redactSecrets(text);
    expect(masked).toContain('\ncrypto pki server BR1-CA\n <removed>\n <removed>\n');
    const http = (t: string) => diagnose([{ source: 'c', text: t }]).findings.find((f) => f.id === 'http-server-enabled')!.remedy.commands;
    expect(http(masked)).toEqual(http(text));
    expect(http(text)).toEqual([]);
  });
});
