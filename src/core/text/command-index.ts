// Matches a typed command (abbreviations included: `sh ip cach fl`) against command specs, longest spec first.

export interface CommandSpec<K extends string> {
  /** Full words, e.g. "show ip cache flow"; `*` is any one word (a name the user gives). */
  words: string;
  kind: K;
}

interface CompiledSpec<K extends string> {
  tokens: string[];
  kind: K;
}

/**
 * IOS accepts any prefix that is unique among the keywords valid at that point. We only know our own specs, not
 * every IOS keyword, so a prefix of 2+ letters is accepted as IOS would (`sh`, `cach`, `fl`), while a 1-letter
 * prefix is accepted only after the verb and only when it is unique among the words our specs allow there
 * (`sh ip nat t` -> translations; `sh ip c f` stays unknown: cache or cef). The verb itself (`show`, `more`)
 * needs 2 letters: `s` is ambiguous on a router.
 */
const MIN_ABBREV = 2;

function tokenMatches(typed: string, word: string): boolean {
  // `*` stands for an argument the user names (`show flow monitor NAME cache`).
  if (typed === word || word === '*') return true;
  return typed.length >= Math.min(MIN_ABBREV, word.length) && word.startsWith(typed);
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
    const typed = command.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (typed.length === 0) return null;
    for (const spec of this.specs) {
      if (typed.length < spec.tokens.length) continue;
      if (spec.tokens.every((w, i) => tokenMatches(typed[i]!, w) || this.uniqueLetter(typed, i, w))) return spec.kind;
    }
    return null;
  }

  /** The words typed after the command a spec matched (`interface Gi0/1` of `show running-config interface Gi0/1`). */
  argumentsOf(command: string): string[] {
    const typed = command.trim().split(/\s+/).filter(Boolean);
    const lower = typed.map((t) => t.toLowerCase());
    for (const spec of this.specs) {
      if (lower.length < spec.tokens.length) continue;
      if (spec.tokens.every((w, i) => tokenMatches(lower[i]!, w) || this.uniqueLetter(lower, i, w))) return typed.slice(spec.tokens.length);
    }
    return [];
  }

  /** A 1-letter token after the verb that starts exactly one of the words our specs allow after the same prefix. */
  private uniqueLetter(typed: readonly string[], i: number, word: string): boolean {
    const t = typed[i]!;
    if (i === 0 || t.length !== 1 || !word.startsWith(t)) return false;
    const options = new Set<string>();
    for (const s of this.specs) {
      if (s.tokens.length <= i) continue;
      if (!s.tokens.slice(0, i).every((w, j) => tokenMatches(typed[j]!, w))) continue;
      if (s.tokens[i]!.startsWith(t)) options.add(s.tokens[i]!);
    }
    return options.size === 1;
  }
}
