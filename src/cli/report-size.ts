// How big --json's document will be, before it is written: the CLI lets a big capture's tables go first when the
// report is big enough for its writing to raise the process's peak memory (analyze.ts).

/** JSON past which --json collects garbage before writing a big capture's report (50,000 clean hosts' worth). */
export const BIG_REPORT_BYTES = 20_000_000;

/** What the estimate reads of a diagnosis (hosts in either form, findings with their quoted lines). */
export interface SizedReport {
  hosts: readonly { verdict: string }[];
  findings: readonly { evidence: readonly unknown[] }[];
}

/**
 * About how many bytes --json writes for `d`: a clean host takes about 400, a flagged one about 800 (its reasons), and
 * each line a finding quotes about 200 (measured on the bench's captures; report-size.test.ts holds it to the real
 * document). Counting hosts alone undercounted a capture with thousands of infected hosts: 25,000 hosts, 5,000 of
 * them flagged, and findings quoting 40,000 lines make 21 MB of JSON, and its writing raised the peak by 20 MB.
 */
export function reportBytesEstimate(d: SizedReport): number {
  let bytes = 0;
  for (const h of d.hosts) bytes += h.verdict === 'clean' ? 400 : 800;
  for (const f of d.findings) bytes += 200 * f.evidence.length;
  return bytes;
}
