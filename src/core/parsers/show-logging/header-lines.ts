// The lines of the `show logging` header (above "Log Buffer"): counters, destinations, and the known blocks.
import { EXEC_PROMPT_TIMESTAMP_LINES } from '../shared/exec-prompt-timestamp';

/**
 * "Syslog logging: enabled (0 messages dropped, [N messages rate-limited,] 0 flushes, 0 overruns, ...)". The closing
 * parenthesis is required, so a line cut at the terminal width does not read alone and is joined to its tail.
 */
export const SYSLOG = /^\s*Syslog logging:\s*(enabled|disabled)\b(?:\s*\(([^()]*)\))?\s*$/i;

/**
 * "Console logging: level debugging, 9 messages logged[, xml disabled,]", "Trap logging: level informational,
 * 33 message lines logged", "Console logging: disabled", "Buffer logging: disabled, xml disabled, ...".
 */
export const DESTINATION =
  /^\s*(Console|Monitor|Buffer|Trap) logging:\s*(?:(disabled)\b|level (\w+)(?:,\s*(\d+) messages?(?: lines)? logged)?)([^]*)/i;

/** What may follow a destination on its line: the xml and filtering flags, nothing else. */
export const DESTINATION_TAIL = /^(?:\s*,\s*(?:xml|filtering) (?:disabled|enabled)(?:\s*\(\d+ messages logged\))?)*\s*(?:,\s*)?$/i;

/** "Log Buffer (16384 bytes):": everything below is buffered messages. */
export const LOG_BUFFER = /^\s*Log Buffer \(\d+ bytes\):\s*$/i;

/** Header lines carrying nothing the rules read, recognised so that they are not reported as unread. */
export const KNOWN_HEADER: RegExp[] = [
  // The exec prompt timestamp (`terminal exec prompt timestamp`) printed above every command's output.
  ...EXEC_PROMPT_TIMESTAMP_LINES,
  /^\s*No (Active|Inactive) Message Discriminator\.\s*$/i,
  /^\s*Exception Logging: size \(\d+ bytes\)\s*$/i,
  /^\s*Logging Exception size \(\d+ bytes\)\s*$/i,
  /^\s*Count and timestamp logging messages: (disabled|enabled)\s*$/i,
  /^\s*(File|Persistent) logging: .+$/i,
  /^\s*No active filter modules\.\s*$/i,
  /^\s*ESM: \d+ messages dropped\s*$/i,
  /^\s*Logging Source-Interface:\s+VRF Name:\s*$/i,
  // "Logging to 10.5.2.1  (udp port 514, audit disabled," (its details follow, indented) or, on old IOS and
  // short forms, the whole host on one line: "Logging to 10.1.1.1, 53 message lines logged".
  /^\s*Logging to \S/i,
  /^\s*TLS Profiles:\s*$/i,
  // Continuations of a destination or host: flags and per-host counters, always indented.
  /^\s+(xml (disabled|enabled),?\s*)?(filtering (disabled|enabled)(\s*\(\d+ messages logged\))?)\s*$/i,
  /^\s+link (up|down)\),?\s*$/i,
  /^\s+\d+ message lines (logged|rate-limited|dropped-by-MD),?\s*$/i,
  /^\s+xml (disabled|enabled), sequence number (disabled|enabled)\s*$/i,
  /^\s+tls-profile: \S+\s*$/i,
  // TLS profile details.
  /^\s+Profile Name: .+$/i,
  /^\s+(Ciphersuites|Trustpoint|TLS version):\s[^]+/i,
];

/** "Active Message Discriminator:" / "Inactive ...:" start a table of discriminator rows. */
export const DISCRIMINATOR_HEAD = /^\s*(Active|Inactive) Message Discriminator:\s*$/i;
/** "dis1      msg-body       drops    "Configured from console by cisco"". */
export const DISCRIMINATOR_ROW = /^\s*\S+\s+(mnemonics|msg-body|facility|severity)\s+(drops|rate-limit|includes)\s[^]+/i;
/** Rows under "Logging Source-Interface: VRF Name:": an interface, optionally its VRF. */
export const SOURCE_INTERFACE_ROW = /^\s+[A-Za-z][\w./:-]*\d(\s+\S+)?\s*$/;

/** The counters inside the syslog parentheses. */
export function syslogCounters(inner: string): { dropped?: number; flushes?: number; overruns?: number } {
  const n = (re: RegExp) => {
    const m = re.exec(inner);
    return m ? +m[1]! : undefined;
  };
  const out: { dropped?: number; flushes?: number; overruns?: number } = {};
  const dropped = n(/(?<!\d)(\d+) messages dropped/i);
  const flushes = n(/(?<!\d)(\d+) flushes/i);
  const overruns = n(/(?<!\d)(\d+) overruns/i);
  if (dropped !== undefined) out.dropped = dropped;
  if (flushes !== undefined) out.flushes = flushes;
  if (overruns !== undefined) out.overruns = overruns;
  return out;
}
