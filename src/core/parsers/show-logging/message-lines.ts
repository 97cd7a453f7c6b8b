// Recognising buffered syslog messages: where one starts, which lines continue it, and its %FAC-SEV-MNEMONIC.

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
/** IOS XR's node before the time stamp: `RP/0/RSP0/CPU0:`, `LC/0/1/CPU0:`, or eXR's `0/RP0/CPU0:`, `0/RP0/ADMIN0:`. */
const XR_NODE = '(?:[A-Z]{2,3}/)?\\d+/[A-Z]*\\d+/[A-Z]+\\d+:';
/**
 * A message starts with an optional sequence number ("022701: ", or as a syslog server stores it, the router's name
 * or address before it: "core-rtr-01.example.net 1018: "), an optional "*" or "." (clock not in sync),
 * then a timestamp ending in ": ": a date ("Jun 19 03:02:31.123 EST", optionally with the year), an uptime
 * ("00:00:42", "1d02h", "2w3d").
 */
const TIMESTAMP_START = new RegExp(
  `^\\s*(?:${XR_NODE})?(?:(?:[A-Za-z0-9][\\w.-]*\\s+)?\\d+:\\s+)?[*.]?(?:${MONTH}\\s+\\d{1,2}\\s+(?:\\d{4}\\s+)?\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:\\s+[A-Z]{2,5})?` +
    `|\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d+)?|\\d+[ywd]\\d+[wdh]):\\s`,
);
/** "%SYS-2-MALLOCFAIL:", "%C6KPWR-SP-4-ENABLED:", "%LINEPROTO-5-UPDOWN:". */
// (IOS XR puts a space before the colon: `%PKT_INFRA-LINK-3-UPDOWN : Interface ...`.)
const MNEMONIC = /%([A-Z][A-Z0-9_]*(?:-[A-Z][A-Z0-9_]*)*)-([0-7])-([A-Z0-9_]+) ?:/;
/**
 * A line whose start was lost (timestamps off, or cut by the ring buffer: "7:04: %LINEPROTO-5-UPDOWN: ...") still
 * starts a message when a %FAC-SEV-MNEMONIC comes early in it.
 */
const MNEMONIC_EARLY = /^[^%]{0,40}%[A-Z][A-Z0-9_]*(?:-[A-Z][A-Z0-9_]*)*-[0-7]-[A-Z0-9_]+:/;

/** IOS XR's time stamp under the prompt (`Fri Sep 25 23:34:26.169 UTC`): when the command ran, not a message. */
export const XR_STAMP = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d\d:\d\d:\d\d(?:\.\d+)?(?: [A-Z]{2,5})?$/;

export function isMessageStart(line: string): boolean {
  return TIMESTAMP_START.test(line) || MNEMONIC_EARLY.test(line);
}

/**
 * The MALLOCFAIL details ("-Process= ...", "-Traceback= ...") a router prints after the message, also as a syslog
 * server stores them (its time stamp, the router's name or address and its message counter before each line:
 * "Feb 26 07:58:51 6509-e 1019: -Traceback= ...", or without the time stamp once the paste's line stamps are taken
 * off): never the start of a message, so they continue the one above even past a blank line (a forum or a mail
 * puts one between paragraphs).
 */
const DETAIL = new RegExp(`^(?:${MONTH}\\s+\\d{1,2}\\s+\\d{1,2}:\\d{2}:\\d{2}\\s+)?(?:(?:[A-Za-z0-9][\\w.-]*\\s+)?\\d+:\\s+)?-\\w+=`);
const POOL = /^(Alternate )?Pool: /i;

/**
 * Lines that continue the message above them: indented lines ("        connection id=29, ..."), the MALLOCFAIL
 * details (DETAIL, "Pool: Processor  Free: ...", "Alternate Pool: ..."), and the software banner that
 * %SYS-5-RESTART prints after itself.
 */
const CONTINUATION: RegExp[] = [
  /^\s+\S/,
  DETAIL,
  POOL,
  /^(Cisco IOS Software|Cisco Internetwork Operating System|IOS \(tm\)|Technical Support: |Copyright \(c\) |Compiled )/,
];

export function isContinuation(line: string): boolean {
  return CONTINUATION.some((re) => re.test(line));
}

/** A continuation that only ever follows a message (DETAIL, the pool lines): it continues one past blank lines too. */
export function isDetailLine(line: string): boolean {
  return DETAIL.test(line) || POOL.test(line);
}

export function mnemonicOf(text: string): { facility: string; severity: number; mnemonic: string } | undefined {
  const m = MNEMONIC.exec(text);
  return m ? { facility: m[1]!, severity: +m[2]!, mnemonic: m[3]! } : undefined;
}
