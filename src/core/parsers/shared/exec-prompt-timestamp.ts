// The two lines `terminal exec prompt timestamp` prints above every command's output ("Load for five secs", "Time source is").

/** Their full shape: parsers that report anything unexpected use these, so a garbled timestamp line is still reported. */
export const EXEC_PROMPT_TIMESTAMP_LINES: readonly RegExp[] = [
  /^\s*Load for five secs: \d+%\/\d+%; one minute: \d+%; five minutes: \d+%\s*$/i,
  /^\s*Time source is [\w ]+, \d{1,2}:\d{2}:\d{2}(\.\d+)? .*$/i,
];

/** Only how they start: parsers that skip such a line whatever follows. */
export const EXEC_PROMPT_TIMESTAMP_START = /^\s*(?:Load for five secs: |Time source is )/i;

/** True for a line in the full shape of either timestamp line. */
export function isExecPromptTimestamp(line: string): boolean {
  return EXEC_PROMPT_TIMESTAMP_LINES.some((re) => re.test(line));
}
