// Recognises the prompt lines and bare command echoes that separate one command's output from the next.

export interface PromptLine {
  /** Hostname as shown in the prompt, when there was a prompt. */
  host?: string;
  /** The command typed after the prompt, `do ` stripped; empty for a bare prompt. */
  command: string;
}

// IOS `Router#`, `Router>`, `R1(config-if)#`, CatOS `6500-sup(enable)`, and the tech note's garbled `Router<`.
const IOS_PROMPT = /^\s*([A-Za-z][\w.\-/:@]{0,62})(\([\w.\-/ ]{1,30}\))?([#>])\s*(.*)$/;
const CATOS_PROMPT = /^\s*([A-Za-z][\w.\-/:@]{0,62})\((enable|debug)\)\s*(.*)$/;
const ODD_PROMPT = /^\s*([A-Za-z][\w.\-/:@]{0,62})<\s*((?:sh|show)\s.*)$/i;
/** Commands people type at the prompt in a captured session (the ones whose output we read start with show). */
const COMMAND_WORD =
  /^(do\s+)?(sh|sho|show|clear|conf|configure|term|terminal|en|enable|ping|trace|traceroute|debug|undebug|no|set|copy|wr|write|exit|end|dir|more|reload|clock|interface|int|ip|router)\b/i;

function cleanCommand(cmd: string): string {
  return cmd.trim().replace(/^do\s+/i, '').replace(/\s+/g, ' ');
}

/**
 * Is this line a prompt (with or without a command)? Bare prompts (`Router#`) end a section; prompts with a
 * command start one. A table row never matches because data rows do not start with `word#` or `word>`.
 */
export function parsePrompt(line: string): PromptLine | null {
  const cat = CATOS_PROMPT.exec(line);
  if (cat) return { host: cat[1], command: cleanCommand(cat[3] ?? '') };
  const odd = ODD_PROMPT.exec(line);
  if (odd) return { host: odd[1], command: cleanCommand(odd[2] ?? '') };
  const m = IOS_PROMPT.exec(line);
  if (!m) return null;
  const rest = m[4] ?? '';
  // `>` also appears in data (e.g. "Ethernet0 > up"); require the rest to look like a command or be empty.
  if (rest !== '' && !COMMAND_WORD.test(rest)) return null;
  if (rest === '' && m[3] === '>' && /\s/.test(line.trim())) return null;
  return { host: m[1], command: cleanCommand(rest) };
}

/** A command echoed without a prompt, e.g. a line that is just `show ip accounting`. */
export function parseBareCommand(line: string): string | null {
  const t = line.trim();
  if (!/^(do\s+)?(sh|sho|show)\s+\S/i.test(t)) return null;
  return cleanCommand(t);
}

/** Split `show ip cache flow | include 0050` into the command and its output filter. */
export function splitFilter(command: string): { base: string; filter?: string } {
  const bar = command.indexOf('|');
  if (bar < 0) return { base: command.trim() };
  return { base: command.slice(0, bar).trim(), filter: command.slice(bar + 1).trim() };
}
