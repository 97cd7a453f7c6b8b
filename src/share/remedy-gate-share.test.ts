// A finding's gate (remedy.gate) and the safety net's words leave the page whole: through the share masker, in a
// shared diagnosis link (the payload schema keeps the field), and in the Markdown export above the finding's lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnose';
import { withSafetyNet } from '../core/plan/safety-net';
import type { Diagnosis } from '../core/types';
import { decodePayload, encodePayload } from './codec';
import type { SharePayload } from './payload-schema';
import { redactDiagnosis } from './redact-secrets';
import { diagnosisToMarkdown, reportMarkdown } from './report-markdown';

const seed = readFileSync(join(__dirname, '../core/parsers/show-ip-cache-flow/fixtures/seed.txt'), 'utf8');
const d = (): Diagnosis => diagnose([{ source: 'seed.txt', text: seed }]);
const gated = (x: Diagnosis) => x.findings.find((f) => f.remedy.gate?.length)!;

describe('remedy.gate leaves the page whole', () => {
  it('comes through the share masker word for word, as does the safety net\'s', () => {
    const before = d();
    expect(gated(before).remedy.gate!.join(' ')).toContain('Paste it only if show access-lists on that ACL prints an Extended IP access list with entries');
    const netted = { ...before, plans: before.plans!.map((p) => withSafetyNet(p)) };
    const after = redactDiagnosis(netted, [{ source: 'seed.txt', text: seed }]);
    expect(after.findings.map((f) => f.remedy)).toEqual(before.findings.map((f) => f.remedy));
    expect(after.plans).toEqual(netted.plans);
    expect(after.plans![0]!.steps[0]!.gate![0]).toContain('show running-config | include Last configuration change|NVRAM config last updated');
  });

  it('validates in a shared diagnosis and is kept (the schema would drop an unknown key)', () => {
    const diagnosis = d();
    const payload: SharePayload = { mode: 'diagnosis', v: 1, answers: {}, anonymised: false, redacted: 0, omitted: [], diagnosis };
    const r = decodePayload(encodePayload(payload));
    expect(r.ok).toBe(true);
    if (!r.ok || r.payload.mode !== 'diagnosis') return;
    expect(r.notes).toEqual([]);
    expect(gated(r.payload.diagnosis as Diagnosis).remedy.gate).toEqual(gated(diagnosis).remedy.gate);
  });

  it('refuses a link whose gate is not a list of short strings', () => {
    const diagnosis = d();
    gated(diagnosis).remedy.gate = [42 as unknown as string];
    expect(decodePayload(encodePayload({ mode: 'diagnosis', v: 1, answers: {}, anonymised: false, redacted: 0, omitted: [], diagnosis } as SharePayload)).ok).toBe(false);
  });

  it('is printed in the Markdown as "Before pasting it:" above the finding\'s lines, escaped', () => {
    const diagnosis = d();
    const f = gated(diagnosis);
    const md = reportMarkdown(diagnosis, {}, new Date(0));
    const section = md.slice(md.indexOf(`### [${f.severity}] ${f.title}`));
    const list = section.indexOf('Before pasting it:');
    expect(list).toBeGreaterThan(0);
    expect(list).toBeLessThan(section.indexOf(`\n${f.remedy.commands[0]}\n`));
    expect(section).toContain('- Paste it only if show access-lists on that ACL prints an Extended IP access list with entries');
    const crafted = diagnosisToMarkdown({ ...diagnosis, plans: [], findings: [{ ...f, remedy: { ...f.remedy, gate: ['Only if *120* has entries.'] } }] }, {}, new Date(0));
    expect(crafted).toContain('Before pasting it:\n\n- Only if \\*120\\* has entries.\n\n```\n');
  });
});
