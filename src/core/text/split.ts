// Splits one paste into command sections at each prompt (or bare echoed `show ...` line).
import { mayBePrompt, parseBareCommand, parsePrompt, splitFilter } from './prompt';

export interface RawSection {
  /** The command as typed (abbreviations and `| filter` kept), when the paste echoed one. */
  command?: string;
  /** 0-based index of the echo line, when there was one. */
  echoIndex?: number;
  /** Output lines are lines[from..to). */
  from: number;
  to: number;
}

/**
 * `show tech-support` prints each command it runs between rules of dashes instead of after a prompt (IOS, IOS-XE);
 * NX-OS's prints it between backquotes (`` `show version` ``).
 */
const TECH_SEPARATOR = /^-{3,} ((?:show|more) .*?\S) -{3,}\s*$/i;
const NXOS_TECH_SEPARATOR = /^`((?:show) [^`]*\S)`\s*$/i;

/** The command a show tech-support separator line names, or undefined (a cheap first-character test first). */
export function techSeparatorCommand(line: string): string | undefined {
  const c0 = line.charCodeAt(0);
  if (c0 !== 45 && c0 !== 96) return undefined;
  return (TECH_SEPARATOR.exec(line) ?? NXOS_TECH_SEPARATOR.exec(line))?.[1];
}

/**
 * Walk the lines once. `isShowCommand` decides whether a bare line like `show ip arp` is an echo (only commands
 * the index knows count, so a log message containing "show" is not mistaken for one).
 * `only`, when given, lists (ascending) every line that may hold text: the others are empty, and are not read (a big
 * dump read as bytes has a million empty lines where its flow rows were; see Prescan.textLines).
 */
export function splitSections(lines: readonly string[], isShowCommand: (base: string) => boolean, only?: readonly number[]): RawSection[] {
  const out: RawSection[] = [];
  const hosts = new Set<string>();
  let cur: RawSection = { from: 0, to: 0 };
  const close = (end: number) => {
    cur.to = end;
    out.push(cur);
  };
  /** The last line of a banner being skipped (-1: none). */
  let skipTo = -1;
  const n = only ? only.length : lines.length;
  for (let j = 0; j < n; j++) {
    const i = only ? only[j]! : j;
    if (i <= skipTo) continue;
    const line = lines[i]!;
    // Prompts and echoes are short; skipping long lines keeps a 1M-row table to one cheap check per line.
    if (line.length > 300) continue;
    // A show tech-support section: its command between dashes, or backquotes.
    const tech = techSeparatorCommand(line);
    if (tech !== undefined) {
      close(i);
      cur = { command: tech, echoIndex: i, from: i + 1, to: i + 1 };
      continue;
    }
    // Data rows of most tables start with a digit or an interface name: a cheap look at the first characters first.
    if (!mayBePrompt(line)) continue;
    const c0 = line.charCodeAt(0);
    if (c0 === 98 && line.startsWith('banner ')) {
      // A config banner is free text that may hold `Router>` or `R1#show ...`: never split inside it.
      skipTo = bannerEnd(lines, i);
      continue;
    }
    const p = parsePrompt(line, hosts);
    if (p) {
      if (p.host !== undefined) hosts.add(p.host);
      close(i);
      cur = p.command ? { command: p.command, echoIndex: i, from: i + 1, to: i + 1 } : { from: i + 1, to: i + 1 };
      continue;
    }
    const bare = parseBareCommand(line);
    if (bare && isShowCommand(splitFilter(bare).base)) {
      close(i);
      cur = { command: bare, echoIndex: i, from: i + 1, to: i + 1 };
    }
  }
  close(lines.length);
  // Drop what is not a command's output: blank text before the first prompt, a trailing bare prompt, and
  // commands that print nothing (`terminal length 0`, `conf t`, `clear ip flow stats`, config-mode lines).
  // A `show` with no output stays: `show ip cache flow | include 0050` matching nothing is a real answer.
  return out.filter((s) => {
    if (s.command === undefined) return hasContent(lines, s.from, s.to);
    // `show tech-support` itself prints nothing but its sections, each read as its own command.
    if (/^sh\S*\s+tech/i.test(s.command) && !hasContent(lines, s.from, s.to)) return false;
    // A non-show command that only printed its usual acknowledgement (`conf t`, `wr`) has no output to read.
    return isShowLike(s.command) || hasContent(lines, s.from, s.to, CHATTER);
  });
}

/** Lines a banner's delimiter is looked for in, after its first line. */
export const BANNER_MAX_LINES = 100;

/** The delimiter of a config banner that `line` opens and does not close on itself (`banner motd ^C`), if it does. */
export function bannerDelimiter(line: string): string | undefined {
  const m = /^banner (?:[a-z-]+ )?(\^C|\S)(.*)$/.exec(line);
  return m && !m[2]!.includes(m[1]!) ? m[1]! : undefined;
}

/** Index of the line that closes the banner opened at `i` (`banner motd ^C` ... `^C`), or `i` if none does. */
export function bannerEnd(lines: readonly string[], i: number): number {
  const delim = bannerDelimiter(lines[i]!);
  if (delim === undefined) return i;
  // A banner is short; past BANNER_MAX_LINES without its delimiter the line was not a banner after all.
  for (let k = i + 1; k < lines.length && k <= i + BANNER_MAX_LINES; k++) if (lines[k]!.includes(delim)) return k;
  return i;
}

function isShowLike(command: string): boolean {
  return /^(sh|sho|show|more)(\s|$)/i.test(command);
}

/**
 * What IOS answers to entering config mode and saving it: fixed texts that carry nothing. Anything else a
 * non-show command prints stays and is reported (`un all` and its "All possible debugging has been turned off"
 * included), and so does a syslog message that pops up meanwhile (a %SYS-2-MALLOCFAIL, say).
 */
const CHATTER =
  /^(Enter configuration commands, one per line\.\s+End with CNTL\/Z\.|Building configuration\.\.\.|\[OK\]|Destination filename \[[\w.-]+\]\?)$/;

function hasContent(lines: readonly string[], from: number, to: number, skip?: RegExp): boolean {
  for (let i = from; i < to; i++) {
    const t = lines[i]!.trim();
    if (t !== '' && !skip?.test(t)) return true;
  }
  return false;
}
