// Recognises the prompt lines and bare command echoes that separate one command's output from the next.

export interface PromptLine {
  /** Hostname as shown in the prompt, when there was a prompt. */
  host?: string;
  /** The command typed after the prompt, `do ` stripped; empty for a bare prompt. */
  command: string;
}

// IOS `Router#`, `Router>`, `R1(config-if)#`, `Device# show ...`, CatOS `6500-sup(enable)`, and the tech note's
// garbled `Router<show ...` (a `#` mangled on its way into the document).
const IOS_PROMPT = /^\s*([A-Za-z][\w.\-/:@]{0,62})(\([\w.\-/ ]{1,30}\))?([#>])\s*([^]*)/;
// CatOS names may start with a digit (the tech note's `6500-sup`); the stock prompt is `Console> (enable)`.
const CATOS_PROMPT = /^\s*([A-Za-z0-9][\w.\-/:@]{0,62})(?:> ?)?\((enable|debug)\)\s*([^]*)/;
const ODD_PROMPT = /^\s*([A-Za-z][\w.\-/:@]{0,62})<\s*((?:sh|sho|show)\s.*)$/i;
/** A hostname a poster hid before sharing: `<hostname>#`, `[router]#`, `***#`, `####>`; a command must follow. */
const HIDDEN_HOST_PROMPT = /^\s*(<[\w.\-]{1,40}>|\[[\w.\-]{1,40}\]|\*{2,12}|#{2,12})(\([\w.\-/ ]{1,30}\))?([#>])\s*(\S.*)$/;
/** The hostname taken off altogether, the `#` left: `#sh ver`. Only with a show command after it. */
const NO_HOST_PROMPT = /^\s*#\s*((?:do\s+)?(?:sh|sho|show)\s+\S.*)$/i;
/**
 * First words people type at a prompt in a captured session. A stranger's `word#text` line is only a prompt when
 * the text starts with one of these: data lines like show version's `Device#   PID   SN` header must not split.
 */
const COMMAND_WORD =
  /^(do\s+)?(sh|sho|show|more|clear|clea|cle|conf|config|configure|term|termi|terminal|en|ena|enable|disable|ping|trace|traceroute|debug|deb|undebug|undeb|un|u|no|set|copy|wr|write|exit|end|dir|reload|clock|interface|int|ip|router|logging|access-list|mls|line|hostname|tclsh|ssh|telnet)\b/i;
/** Once a hostname has been seen in a prompt, any lower-case command after it is a command (`R1#un all`). */
const ANY_COMMAND = /^(do\s+)?[a-z][a-z0-9-]*(\s|$)/;

/**
 * A prompt whose hostname starts with a digit (`1720_UUNET_Frame>sh mem`: old IOS took such a name with a warning):
 * a letter somewhere in the name, and a command the prompt is known for after it (or any, after a name seen before).
 */
const DIGIT_HOST_PROMPT = /^\s*(\d[\w.\-/:@]{0,62})(\([\w.\-/ ]{1,30}\))?([#>])\s*([^]*)/;

/**
 * Could this line be a prompt, by its first character (what splitSections and the byte path's section tracker look
 * at before parsePrompt)? A letter or a blank, `<`, `[`, `*`, `#` (a hidden hostname); a digit only where a `#` or `>`
 * comes before the first blank (`1720_UUNET_Frame>sh mem`) or a CatOS `(enable)`/`(debug)` follows: rows of many
 * tables start with a digit, and this stays a look at a few characters for them.
 */
export function mayBePrompt(line: string): boolean {
  const c0 = line.charCodeAt(0);
  if ((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || c0 === 32 || c0 === 60 || c0 === 91 || c0 === 42 || c0 === 35) return true;
  if (c0 < 48 || c0 > 57) return false;
  const n = Math.min(line.length, 100);
  for (let i = 1; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c === 35 || c === 62) return true;
    if (c === 32 || c === 9) break;
  }
  return line.includes('(enable)') || line.includes('(debug)');
}

function cleanCommand(cmd: string): string {
  return cmd.trim().replace(/^do\s+/i, '').replace(/\s+/g, ' ');
}

/** Does the line hold `#`, `>`, `(` or `<`? (Four native searches: a character class's match ran 40% slower on 1M lines.) */
function hasPromptChar(line: string): boolean {
  return line.indexOf('#') >= 0 || line.indexOf('>') >= 0 || line.indexOf('(') >= 0 || line.indexOf('<') >= 0;
}

/**
 * Is this line a prompt (with or without a command)? Bare prompts (`Router#`) end a section; prompts with a
 * command start one. `knownHosts` are hostnames already seen in prompts of this paste: after them any lower-case
 * command counts, so `R1#un all` splits even though `un` is not in the command word list.
 */
export function parsePrompt(line: string, knownHosts?: ReadonlySet<string>): PromptLine | null {
  // Every prompt form has one of these: most output lines (a Flexible NetFlow cache has ~9 a flow) skip three regexes.
  if (!hasPromptChar(line)) return null;
  const cat = CATOS_PROMPT.exec(line);
  if (cat) return { host: cat[1], command: cleanCommand(cat[3] ?? '') };
  const odd = ODD_PROMPT.exec(line);
  if (odd) return { host: odd[1], command: cleanCommand(odd[2] ?? '') };
  const hid = HIDDEN_HOST_PROMPT.exec(line);
  if (hid && COMMAND_WORD.test(hid[4]!)) return { host: hid[1], command: cleanCommand(hid[4]!) };
  const bare = NO_HOST_PROMPT.exec(line);
  if (bare) return { command: cleanCommand(bare[1]!) };
  const m = IOS_PROMPT.exec(line);
  if (!m) return digitHostPrompt(line, knownHosts);
  const rest = m[4] ?? '';
  if (rest === '') {
    // `>` also appears in data (e.g. "Ethernet0 > up"); a bare prompt is a single word.
    if (m[3] === '>' && /\s/.test(line.trim())) return null;
    return { host: m[1], command: '' };
  }
  return commandAfter(m[1]!, rest, knownHosts?.has(m[1]!) === true);
}

/** `host`'s prompt with `rest` after it: a command people type there, or (after a name seen before) any command. */
function commandAfter(host: string, rest: string, known: boolean): PromptLine | null {
  // `R1#!` or `R1#! next capture`: a comment typed at the prompt (IOS ignores it), so the prompt stands bare.
  if (rest.startsWith('!')) return { host, command: '' };
  if (!COMMAND_WORD.test(rest) && !(known && ANY_COMMAND.test(rest))) return null;
  return { host, command: cleanCommand(rest) };
}

/** DIGIT_HOST_PROMPT's line, or null: a command it is known for, or a bare prompt or any command of a name seen before. */
function digitHostPrompt(line: string, knownHosts?: ReadonlySet<string>): PromptLine | null {
  const m = DIGIT_HOST_PROMPT.exec(line);
  if (!m || !/[A-Za-z]/.test(m[1]!)) return null;
  const rest = m[4]!.trim();
  const known = knownHosts?.has(m[1]!) === true;
  if (rest === '') return known ? { host: m[1], command: '' } : null;
  return commandAfter(m[1]!, rest, known);
}

/** A command echoed without a prompt, e.g. a line that is just `show ip accounting` (or `do sh ...`). */
export function parseBareCommand(line: string): string | null {
  const t = line.trim();
  if (!/^(do\s+)?(sh|sho|show|more)\s+\S/i.test(t)) return null;
  return cleanCommand(t);
}

/** Split `show ip cache flow | include 0050` into the command and its output filter. */
export function splitFilter(command: string): { base: string; filter?: string } {
  const bar = command.indexOf('|');
  if (bar < 0) return { base: command.trim() };
  return { base: command.slice(0, bar).trim(), filter: command.slice(bar + 1).trim() };
}

export type FilterKind = 'include' | 'exclude' | 'begin' | 'section' | 'count' | 'other';

const FILTER_WORDS: readonly (readonly [Exclude<FilterKind, 'other'>, string])[] = [
  ['include', 'include'],
  ['exclude', 'exclude'],
  ['begin', 'begin'],
  ['section', 'section'],
  ['count', 'count'],
];

/**
 * What a `| filter` keeps, for parsers that must know a header or stats block may be missing on purpose.
 * IOS accepts any unique prefix: `i`, `inc`, `e`, `ex`, `b`, `beg`, `s`, `sec`, `c`, `cou`.
 */
export function parseFilter(filter: string): { kind: FilterKind; pattern: string } {
  const t = filter.trim();
  const sp = t.search(/\s/);
  const word = (sp < 0 ? t : t.slice(0, sp)).toLowerCase();
  const pattern = sp < 0 ? '' : t.slice(sp + 1).trim();
  if (word !== '') for (const [kind, full] of FILTER_WORDS) if (full.startsWith(word)) return { kind, pattern };
  return { kind: 'other', pattern };
}
