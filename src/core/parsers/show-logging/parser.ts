// `show logging`: syslog counters (dropped, flushes, overruns), destinations and levels, buffered messages.
import type { Warning } from '../../types';
import { unreadLine } from '../../text/lines';
import { joinWrapped, readWrapped, WRAP_WIDTHS } from '../../text/wrap';
import type { ParserDef, Section } from '../parser-types';
import {
  DESTINATION,
  DESTINATION_TAIL,
  DISCRIMINATOR_HEAD,
  DISCRIMINATOR_ROW,
  KNOWN_HEADER,
  LOG_BUFFER,
  SOURCE_INTERFACE_ROW,
  SYSLOG,
  syslogCounters,
} from './header-lines';
import { isContinuation, isDetailLine, isMessageStart, mnemonicOf, XR_STAMP } from './message-lines';

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
  /** Last source line of the message (its continuation lines included), when it spans several. */
  lastLine?: number;
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

type Block = 'none' | 'discriminator' | 'source-interface';

export const loggingParser: ParserDef<'show logging', LoggingData> = {
  kind: 'show logging',
  commands: ['show logging'],

  sniff(section: Section): number {
    let starts = 0;
    let shaped = 0;
    let seen = 0;
    let inMessage = false;
    /** A message above, only blank lines since (its MALLOCFAIL details may follow those). */
    let messageAbove = false;
    for (let i = section.from; i < section.to && seen < 40; i++) {
      const l = section.lines[i]!;
      if (l.trim() === '') {
        messageAbove ||= inMessage;
        inMessage = false;
        continue;
      }
      seen++;
      if (SYSLOG.test(l) || LOG_BUFFER.test(l)) return 1;
      if (DESTINATION.test(l)) return 0.9;
      if (isMessageStart(l)) {
        starts++;
        shaped++;
        inMessage = true;
      } else if ((inMessage && /^\S/.test(l) && isContinuation(l)) || (messageAbove && isDetailLine(l))) {
        // Unindented continuations (-Traceback=, Pool:, the restart banner); indented ones could be any table.
        shaped++;
        inMessage = true;
      } else {
        inMessage = false;
      }
      messageAbove = false;
    }
    // A bare run of syslog messages (`show logging | include ...` without the echo) still reads as this command.
    return starts === 0 ? 0 : Math.min(0.85, shaped / seen + 0.2);
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const data: LoggingData = { messages: [], mallocFails: [] };
    let inBuffer = false;
    /** True from "Log Buffer (N bytes):" until the first message under it. */
    let atBufferStart = false;
    let block: Block = 'none';
    let current: LogMessage | undefined;
    /** The message before the blank lines just passed: its MALLOCFAIL details may come after them (isDetailLine). */
    let beforeBlank: LogMessage | undefined;
    const lines = section.lines;

    for (let i = section.from; i < section.to; i++) {
      const line = lines[i]!;
      if (line.trim() === '') {
        beforeBlank = current ?? beforeBlank;
        current = undefined;
        continue;
      }
      if (!current && beforeBlank && inBuffer && isDetailLine(line)) current = beforeBlank;
      beforeBlank = undefined;
      if (isMessageStart(line)) {
        current = { line: i + 1, text: line.trim(), ...mnemonicOf(line) };
        data.messages.push(current);
        inBuffer = true;
        atBufferStart = false;
        continue;
      }
      if (inBuffer) {
        if (current && isContinuation(line)) {
          current.text += ` ${line.trim()}`;
          current.lastLine = i + 1;
        } else if (current && wasCut(lines[i - 1]!)) {
          // A long message cut at the terminal or mail width: its tail starts at column 0 on the next line.
          const prev = lines[i - 1]!.trim();
          current.text = current.text.slice(0, current.text.length - prev.length) + joinWrapped(prev, line).trim();
          current.lastLine = i + 1;
        } else if (atBufferStart) {
          // The ring buffer overwrote the beginning of its oldest message; what is left is a tail ("IEEE PD").
          warnings.push(unreadLine(i, line, 'partial message at the start of the log buffer (its beginning was overwritten), not counted'));
        } else {
          warnings.push(unreadLine(i, line));
        }
        continue;
      }
      if (!inBuffer && XR_STAMP.test(line.trim())) continue;
      if (LOG_BUFFER.test(line)) {
        inBuffer = true;
        atBufferStart = true;
        continue;
      }
      // A header line cut at the terminal width reads only once joined with its tail.
      const header = readWrapped(lines, i, section.to, (text) => (readsAsHeader(text, i) ? text : null));
      if (header) {
        readHeaderLine(header.value, i, data, warnings);
        block = DISCRIMINATOR_HEAD.test(line) ? 'discriminator' : /Source-Interface:/i.test(line) ? 'source-interface' : 'none';
        i += header.lines - 1;
        continue;
      }
      // Not whole even joined: still read what it says (a destination with an odd tail), with a warning.
      if (readHeaderLine(line, i, data, warnings)) {
        block = 'none';
        continue;
      }
      if (block === 'discriminator' && DISCRIMINATOR_ROW.test(line)) continue;
      if (block === 'source-interface' && SOURCE_INTERFACE_ROW.test(line)) continue;
      if (/^\s*\^\s*$/.test(line)) {
        warnings.push(unreadLine(i, line, 'a caret marker pointing at the line above (an annotation, not router output)'));
        continue;
      }
      warnings.push(unreadLine(i, line));
    }
    for (const m of data.messages) if (m.facility === 'SYS' && m.mnemonic === 'MALLOCFAIL') data.mallocFails.push(m);
    return { data, records: data.messages.length, warnings };
  },
};

/** A physical line exactly as long as a known cut width (or one short: cut in a blank, then trimmed). */
function wasCut(prev: string): boolean {
  return WRAP_WIDTHS.includes(prev.length) || WRAP_WIDTHS.includes(prev.length + 1);
}

/** Whether a (possibly rejoined) line reads as a header line, with nothing left over. */
function readsAsHeader(text: string, i: number): boolean {
  const scratch: Warning[] = [];
  return readHeaderLine(text, i, { messages: [], mallocFails: [] }, scratch) && scratch.length === 0;
}

/** Reads one header line into `data`; false when it is not a header line. */
function readHeaderLine(line: string, i: number, data: LoggingData, warnings: Warning[]): boolean {
  const s = SYSLOG.exec(line);
  if (s) {
    data.syslogEnabled = s[1]!.toLowerCase() === 'enabled';
    data.syslogLine = i + 1;
    Object.assign(data, syslogCounters(s[2] ?? ''));
    return true;
  }
  const d = DESTINATION.exec(line);
  if (d) {
    const which = d[1]!.toLowerCase() as 'console' | 'monitor' | 'buffer' | 'trap';
    const dest: LogDestination = { enabled: d[2] === undefined, line: i + 1 };
    if (d[3] !== undefined) dest.level = d[3].toLowerCase();
    if (d[4] !== undefined) dest.messagesLogged = +d[4];
    data[which] = dest;
    if (!DESTINATION_TAIL.test(d[5] ?? '')) warnings.push(unreadLine(i, line, `${d[1]} logging read, but not the rest of its line`));
    return true;
  }
  return DISCRIMINATOR_HEAD.test(line) || KNOWN_HEADER.some((re) => re.test(line));
}
