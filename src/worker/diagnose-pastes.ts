// What the core worker answers to a diagnose request, as a plain function: the worker runs it on what the page
// sends, and the build (src/prerender) runs it on the tech note's example to prerender that report.
import { BYTES_PATH_MIN, pasteOfBytes } from '../core/big-paste/read-chunks';
import { diagnoseDetailed, type SenderHostFact } from '../core/diagnose';
import { suggestNextSteps, type NextSteps } from '../core/rules/next-steps';
import type { Answers, Diagnosis, Paste } from '../core/types';
import { redactDiagnosisBy, redactSecretsDetailed } from '../share/redact-secrets';
import { utf8Of } from './utf8';

export interface DiagnosedPastes {
  diagnosis: Diagnosis;
  nextSteps: NextSteps;
  /** Each of `pastes` with its router secrets masked (what the page stores of it); null when nothing was masked. */
  masked: (string | null)[];
}

/**
 * A big paste of cache-flow rows, read the way a big file is: as bytes, its clean rows straight into columns (the
 * CLI's byte path, core/big-paste). It reads what the text path reads (core/proof/bytes-path.test.ts), in about half
 * the time: 100,000 rows, 125-275 ms against 225-425 in Node. A paste with any UTF-16 surrogate stays text, so that a
 * lone one (which bytes cannot carry) is quoted as pasted.
 */
export function pasteToRead(p: Paste): Paste {
  // (And a Flexible NetFlow cache's: its plain records and table rows are read from bytes too, fnf-records.ts; an
  // NX-OS cache's IPv4 rows, nx-rows.ts, and a Catalyst's MLS NetFlow entries, mls-entries.ts, as well.)
  const flows =
    p.text.includes('SrcIPaddress') ||
    p.text.includes('SOURCE ADDRESS:') ||
    p.text.includes('SRC ADDR') ||
    p.text.includes('Prot:SrcPort:DstPort') ||
    (p.text.includes('Entries') && p.text.includes('SIP'));
  if (p.text.length < BYTES_PATH_MIN || !flows || /[\ud800-\udfff]/.test(p.text)) return p;
  return pasteOfBytes(p.source, utf8Of(p.text));
}

/** `pastes` are masked for the report's quoted lines; `fromFiles` (big files read as bytes) are analysed as they are. */
export function diagnosePastes(pastes: readonly Paste[], answers: Answers, fromFiles: readonly Paste[] = [], hostFacts?: SenderHostFact[]): DiagnosedPastes {
  const detailed = diagnoseDetailed([...pastes.map(pasteToRead), ...fromFiles], answers, hostFacts ? { senderHostFacts: hostFacts } : {});
  // Only the plain-JSON parts leave: sections hold FlowTable typed arrays that must not be posted.
  const nextSteps = suggestNextSteps(answers, detailed.sections);
  // Quoted lines masked as their pastes mask them (a certificate line has no keyword of its own). In the worker,
  // not on the page: it masks every paste whole (about 60-100 ms for a 7.5 MB paste, a long task on the page), and
  // the masked texts go back too, as what the page stores of them (a paste is masked once, not again for storage).
  const masks = pastes.map((p) => ({ source: p.source, ...redactSecretsDetailed(p.text) }));
  const diagnosis = redactDiagnosisBy(detailed.diagnosis, masks);
  return { diagnosis, nextSteps, masked: masks.map((m, i) => (m.text === pastes[i]!.text ? null : m.text)) };
}
