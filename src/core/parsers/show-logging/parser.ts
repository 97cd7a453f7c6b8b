// `show logging`: syslog counters (dropped, flushes, overruns), destinations and levels, buffered messages.
// PLACEHOLDER (issue 3): the facts below are the agreed shape; the parser does not read them yet.
import { notYetRead } from '../not-yet-read';
import type { ParserDef } from '../parser-types';

export interface LogDestination {
  enabled: boolean;
  level?: string;
  messagesLogged?: number;
  line: number;
}

export interface LogMessage {
  line: number;
  /** The message with its continuation lines joined. */
  text: string;
  facility?: string;
  severity?: number;
  mnemonic?: string;
}

export interface LoggingData {
  syslogEnabled?: boolean;
  dropped?: number;
  flushes?: number;
  overruns?: number;
  syslogLine?: number;
  console?: LogDestination;
  monitor?: LogDestination;
  buffer?: LogDestination;
  trap?: LogDestination;
  messages: LogMessage[];
  /** %SYS-2-MALLOCFAIL messages (subset of messages). */
  mallocFails: LogMessage[];
}

export const loggingParser: ParserDef<'show logging', LoggingData> = {
  kind: 'show logging',
  commands: ['show logging'],
  sniff: () => 0,
  parse: (section) => notYetRead<LoggingData>(section, { messages: [], mallocFails: [] }),
};
