// Matches a typed command (abbreviations included: `sh ip cach fl`) against command specs, longest spec first.

export interface CommandSpec<K extends string> {
  /** Full words, e.g. "show ip cache flow". */
  words: string;
  kind: K;
}

interface CompiledSpec<K extends string> {
  tokens: string[];
  kind: K;
}

/** Words that may be abbreviated to a single letter in practice are still required to be at least this long. */
const MIN_ABBREV = 2;

function tokenMatches(typed: string, word: string): boolean {
  const t = typed.toLowerCase();
  if (t === word) return true;
  // `ip`, `arp`, `mls` and friends are short already; any prefix of 2+ letters counts as IOS would accept it.
  return t.length >= Math.min(MIN_ABBREV, word.length) && word.startsWith(t);
}

export class CommandIndex<K extends string> {
  private readonly specs: CompiledSpec<K>[];

  constructor(specs: readonly CommandSpec<K>[]) {
    this.specs = specs
      .map((s) => ({ tokens: s.words.toLowerCase().split(/\s+/), kind: s.kind }))
      // Longest first so `show ip cache flow` wins over `show ip cache`.
      .sort((a, b) => b.tokens.length - a.tokens.length);
  }

  /** The kind for a command (without its `| filter`), or null when no spec matches. Extra trailing words are arguments. */
  match(command: string): K | null {
    const typed = command.trim().split(/\s+/).filter(Boolean);
    for (const spec of this.specs) {
      if (typed.length < spec.tokens.length) continue;
      if (spec.tokens.every((w, i) => tokenMatches(typed[i]!, w))) return spec.kind;
    }
    return null;
  }
}
