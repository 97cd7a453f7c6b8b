// Counted nouns in user-facing text ("1 record", "2 records"), chosen with Intl.PluralRules rather than by hand.

const RULES = new Intl.PluralRules('en');

/** `count(1, 'record')` -> "1 record", `count(3, 'entry', 'entries')` -> "3 entries"; numbers get thousands separators. */
export function count(n: number, one: string, other = `${one}s`): string {
  return `${n.toLocaleString('en')} ${RULES.select(n) === 'one' ? one : other}`;
}

/** "a", "a and b", "a, b and c"; past `max` names, "a, b, c and 4 more". */
export function listWords(items: readonly string[], max = items.length): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** "steps 1 and 2" -> "Steps 1 and 2": a sentence's first letter. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
