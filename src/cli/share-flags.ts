// The headless share surface (CONTRACT.md section 4): --link, --markdown and --open, over the same core and
// src/share code the browser's share button, Markdown download and link opening run.
import { diagnose } from '../core/diagnose';
import type { Answers, Diagnosis, Paste } from '../core/types';
import { ANONYMISE_KEY_BYTES } from '../share/anonymise-addresses';
import { buildShareLink } from '../share/build-share';
import { decodePayload } from '../share/codec';
import { redactDiagnosis } from '../share/redact-secrets';
import { reportMarkdown } from '../share/report-markdown';
import { payloadFromHash } from '../share/share-route';

/**
 * The diagnosis as the browser's report holds it: the worker's result with quoted lines masked by their pastes
 * (src/state/diagnosis-runner.ts), every string masked again on the way into the store (diagnosis-slice.ts).
 * The browser analyses only pastes that are not empty.
 */
function shownDiagnosis(pastes: readonly Paste[], answers: Answers): { filled: Paste[]; diagnosis: Diagnosis } {
  const filled = pastes.filter((p) => p.text.length > 0);
  return { filled, diagnosis: redactDiagnosis(redactDiagnosis(diagnose(filled, answers), filled)) };
}

/** `--link [--anonymise] [--base URL]`: the exact link the share button makes (one line, no trailing text). */
export function shareLink(pastes: readonly Paste[], answers: Answers, opts: { anonymise: boolean; base: string }): string {
  const { filled, diagnosis } = shownDiagnosis(pastes, answers);
  const link = buildShareLink({
    pageUrl: opts.base,
    pastes: filled,
    answers,
    diagnosis,
    // As in the browser: a fresh random key per link, so two links of one network cannot be lined up.
    anonymiseKey: opts.anonymise ? globalThis.crypto.getRandomValues(new Uint8Array(ANONYMISE_KEY_BYTES)) : null,
  });
  return link.url;
}

/** `--markdown`: the file the report's "Download the report (Markdown)" button saves. */
export function markdownReport(pastes: readonly Paste[], answers: Answers, when = new Date()): string {
  return reportMarkdown(shownDiagnosis(pastes, answers).diagnosis, answers, when);
}

export type Opened = { ok: true; diagnosis: Diagnosis; notes: string[]; mode: 'input' | 'diagnosis'; omitted: string[] } | { ok: false; reason: string };

/**
 * `--open LINK`: what a receiver's page shows for a link (a full URL, a `#/report?d=…` hash, or the bare `v1.…`
 * value). Pastes are re-analysed as the page does; a carried diagnosis is shown as sent, masked once more.
 */
export function openLink(link: string): Opened {
  const trimmed = link.trim();
  const hash = trimmed.indexOf('#');
  const encoded = hash >= 0 ? payloadFromHash(trimmed.slice(hash)) : /^v\d/.test(trimmed) ? trimmed : null;
  if (encoded === null) return { ok: false, reason: 'This is not a Code Red Triage share link (it has no "#/report?d=v1." part).' };
  const r = decodePayload(encoded);
  if (!r.ok) return { ok: false, reason: r.message.replace(/\s+/g, ' ') };
  const p = r.payload;
  if (p.mode === 'input') {
    const { diagnosis } = shownDiagnosis(p.pastes, p.answers);
    return { ok: true, diagnosis, notes: r.notes, mode: 'input', omitted: [] };
  }
  return { ok: true, diagnosis: redactDiagnosis(p.diagnosis as Diagnosis), notes: r.notes, mode: 'diagnosis', omitted: p.omitted };
}
