// How big --json's document will be, before it is written: the CLI lets a big capture's tables go first when the
// report's writing would make enough objects to raise the process's peak memory (analyze.ts).

/**
 * Objects and strings past which --json collects garbage before writing a big capture's report: 5,000 flagged hosts'
 * worth. 5,000 infected hosts whose findings quote 40,000 lines (14 MB of it) raised the peak by 20 MB uncollected.
 */
export const BIG_REPORT_BYTES = 4_000_000;

/** What the estimate reads of a diagnosis (hosts in either form, findings with their quoted lines). */
export interface SizedReport {
  hosts: readonly unknown[];
  findings: readonly { evidence: readonly unknown[] }[];
}

/**
 * About how many bytes --json writes for `d`: a host takes about 400 (a clean one 400, a flagged one 800 with its
 * reasons), and each line a finding quotes about 250 (measured on the bench's captures; report-size.test.ts holds it
 * to the real document). No host's verdict is read (that cost 12 ms at 500,000 hosts). Counting hosts alone undercounted a capture with thousands of infected hosts: 25,000 hosts, 5,000 of them flagged,
 * and findings quoting 40,000 lines make 21 MB of JSON, and its writing raised the peak by 20 MB.
 */
export function reportBytesEstimate(d: SizedReport): number {
  return objectBytesEstimate(d, () => false);
}

/**
 * About how many of those bytes are made as JavaScript objects and strings while they are written: every host but
 * those written from their columns (`fromColumns`: clean hosts, by the WebAssembly writer, which makes none) and
 * every quoted line. Half a million clean hosts (176 MB of JSON) make next to nothing: a collection before them cost
 * 25 ms (the heap then holds their half a million row objects) and lowered no peak.
 */
export function objectBytesEstimate(d: SizedReport, fromColumns: (h: unknown) => boolean): number {
  let hosts = 0;
  for (let i = 0; i < d.hosts.length; i++) if (!fromColumns(d.hosts[i])) hosts++;
  let bytes = 400 * hosts;
  for (const f of d.findings) bytes += 250 * f.evidence.length;
  return bytes;
}
