// Make a share link from the work in progress: secrets masked, addresses optionally anonymised, and the raw
// pastes carried while the link stays short; past that, the diagnosis itself (trimmed until it fits).
import { diagnose, type SenderHostFact } from '../core/diagnose';
import type { Answers, Diagnosis, Paste } from '../core/types';
import { createAnonymiser } from './anonymise-addresses';
import { createNameAnonymiser } from './anonymise-names';
import { encodePayload } from './codec';
import { mapStrings } from './map-strings';
import { PAYLOAD_VERSION, type DiagnosisPayload, type SharePayload, type SharedDiagnosis } from './payload-schema';
import { redactDiagnosis, redactLine, redactSecrets, redactSecretsDetailed, type RedactedLine } from './redact-secrets';
import { LINK_BUDGET, shareUrl } from './share-route';

export { LINK_BUDGET };
/** Pastes longer than this (in characters) would need better than 60x compression to fit: not even tried. */
export const MAX_RAW_FOR_INPUT_MODE = 60 * LINK_BUDGET;

export interface ShareInput {
  /** Page address the link should open (location.href); only its part before `#` is kept. */
  pageUrl: string;
  pastes: readonly Paste[];
  answers: Answers;
  /** The diagnosis of these pastes, as the UI shows it. */
  diagnosis: Diagnosis;
  /** 8 random bytes to anonymise addresses and names with (crypto.getRandomValues); absent: they stay. */
  anonymiseKey?: ArrayLike<number> | null;
}

export interface ShareLink {
  url: string;
  mode: SharePayload['mode'];
  /** Secret lines masked in the pastes (and the same kinds in the diagnosis text). */
  redacted: RedactedLine[];
  anonymised: boolean;
  /** What was left out, in plain words, for the UI. */
  omitted: string[];
  /** True when even the trimmed diagnosis is over LINK_BUDGET (the link still works where it is not cut). */
  overBudget: boolean;
}

/** Mask secrets (every string, and quoted lines as their pastes mask them), then anonymise. */
function cleanDiagnosis(d: SharedDiagnosis, pastes: readonly Paste[], anon: ((s: string) => string) | null): SharedDiagnosis {
  const masked = redactDiagnosis(d, pastes);
  return anon ? mapStrings(masked, anon) : masked;
}

/** Ways to shrink a diagnosis, gentlest first; each returns a note, or null when it had nothing to cut. */
const TRIMS: ((d: SharedDiagnosis) => string | null)[] = [
  (d) => {
    const clean = d.hosts.filter((h) => h.verdict === 'clean').length;
    if (clean === 0) return null;
    d.hosts = d.hosts.filter((h) => h.verdict !== 'clean');
    return `${clean} clean host${clean === 1 ? '' : 's'}`;
  },
  (d) => capArray(d.inputs, (i) => i.warnings, 3, 'parser warnings'),
  (d) => capArray(d.findings, (f) => f.evidence, 6, 'evidence lines'),
  (d) => (d.charts && d.charts.topSources.length > 10 ? `${d.charts.topSources.splice(10).length} top-source chart bars` : null),
  (d) => {
    const suspects = d.hosts.filter((h) => h.verdict === 'suspect').length;
    if (suspects === 0) return null;
    d.hosts = d.hosts.filter((h) => h.verdict !== 'suspect');
    return `${suspects} suspect host${suspects === 1 ? '' : 's'}`;
  },
  (d) => (d.hosts.length > 50 ? `${d.hosts.splice(50).length} infected hosts past the first 50` : null),
  (d) => capArray(d.findings, (f) => f.evidence, 1, 'evidence lines'),
  (d) => capArray(d.hosts, (h) => h.reasons, 1, 'verdict reasons'),
];

function capArray<T, U>(items: T[], get: (t: T) => U[], keep: number, what: string): string | null {
  let cut = 0;
  for (const it of items) {
    const arr = get(it);
    if (arr.length > keep) cut += arr.splice(keep).length;
  }
  return cut > 0 ? `${cut} ${what}` : null;
}

/**
 * The sender's host verdicts that the receiver would not work out from the anonymised pastes alone: found by
 * diagnosing those pastes here, before the link leaves, and comparing host by host (keyed by anonymised address).
 */
function senderFacts(input: ShareInput, pastes: Paste[], ip: (s: string) => string): SenderHostFact[] {
  const theirs = new Map(diagnose(pastes, input.answers).hosts.map((h) => [h.ip, h]));
  const facts: SenderHostFact[] = [];
  for (const h of input.diagnosis.hosts) {
    const at = ip(h.ip);
    const t = theirs.get(at);
    if (t && t.verdict === h.verdict && t.variant === h.variant && t.service === h.service && t.worm === h.worm) continue;
    facts.push({ ip: at, verdict: h.verdict, variant: h.variant, ...(h.service ? { service: h.service } : {}), ...(h.worm ? { worm: h.worm } : {}) });
  }
  return facts;
}

export function buildShareLink(input: ShareInput): ShareLink {
  const anonymiser = input.anonymiseKey ? createAnonymiser(input.anonymiseKey) : null;
  const names = input.anonymiseKey ? createNameAnonymiser(input.anonymiseKey) : null;
  const redacted: RedactedLine[] = [];
  const masked = input.pastes.map((p) => {
    const r = redactSecretsDetailed(p.text);
    redacted.push(...r.removed);
    // A paste's name is text the user typed: masked like the rest (and anonymised below with the text).
    return { source: redactSecrets(p.source), text: r.text };
  });
  // Names are learned from every paste first, so a hostname maps to one pseudonym in all pastes and the diagnosis.
  for (const p of masked) names?.learn(`${p.source}\n${p.text}`);
  const anon = anonymiser && names ? (s: string) => anonymiser.text(names.text(s)) : null;
  const pastes = anon ? masked.map((p) => ({ source: anon(p.source), text: anon(p.text) })) : masked;
  const common = { v: PAYLOAD_VERSION, answers: { ...input.answers }, anonymised: anonymiser !== null, redacted: redacted.length };
  const base = { redacted, anonymised: anonymiser !== null };

  // Router output deflates about 5-20x and base64 adds a third: past this many characters the pastes cannot fit,
  // so skip compressing megabytes just to find that out.
  const rawChars = pastes.reduce((n, p) => n + p.text.length, 0);
  if (pastes.length > 0 && rawChars <= MAX_RAW_FOR_INPUT_MODE) {
    const facts = anonymiser ? senderFacts(input, pastes, anonymiser.ip) : [];
    const withPastes: SharePayload = { mode: 'input', ...common, pastes, ...(facts.length ? { facts } : {}) };
    const url = shareUrl(input.pageUrl, encodePayload(withPastes));
    if (url.length <= LINK_BUDGET) return { ...base, url, mode: 'input', omitted: [], overBudget: false };
  }

  // A deep copy keeps the caller's diagnosis untouched while the trims cut arrays in place (plain JSON data).
  const full = JSON.parse(JSON.stringify(input.diagnosis)) as SharedDiagnosis;
  const diagnosis = cleanDiagnosis(full, input.pastes, anon);
  const omitted = ['raw pastes'];
  const make = (): string => {
    const payload: DiagnosisPayload = { mode: 'diagnosis', ...common, diagnosis, omitted };
    return shareUrl(input.pageUrl, encodePayload(payload));
  };
  let link = make();
  for (const trim of TRIMS) {
    if (link.length <= LINK_BUDGET) break;
    const note = trim(diagnosis);
    if (note) {
      omitted.push(note);
      link = make();
    }
  }
  return { ...base, url: link, mode: 'diagnosis', omitted, overBudget: link.length > LINK_BUDGET };
}
