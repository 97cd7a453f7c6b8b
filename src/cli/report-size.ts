// How big --json's document will be, before it is written: the CLI lets a big capture's tables go first when the
// report is big enough for its writing to raise the process's peak memory (analyze.ts).

/** JSON past which --json collects garbage before writing a big capture's report (40,000 clean hosts' worth). */
export const BIG_REPORT_BYTES = 16_000_000;

/** What the estimate reads of a diagnosis (hosts in either form, findings with their quoted lines). */
export interface SizedReport {
  hosts: readonly unknown[];
  findings: readonly { evidence: readonly unknown[] }[];
}

/**
 * About how many bytes --json writes for `d`: a host takes about 400 (a clean one 400, a flagged one 800 with its
 * reasons), and each line a finding quotes about 250 (measured on the bench's captures; report-size.test.ts holds it
 * to the real document). The hosts are counted, not read: reading each one's verdict cost 12 ms at 500,000 hosts.
 * Counting hosts alone undercounted a capture with thousands of infected hosts: 25,000 hosts, 5,000 of them flagged,
 * and findings quoting 40,000 lines make 21 MB of JSON, and its writing raised the peak by 20 MB.
 */
export function reportBytesEstimate(d: SizedReport): number {
  let bytes = 400 * d.hosts.length;
  for (const f of d.findings) bytes += 250 * f.evidence.length;
  return bytes;
}
