// Which evidence lines mention a chosen source address (as a whole address, not a prefix of another one).
import type { Evidence } from '../../core/types';

export function mentions(text: string, ip: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(ip, from);
    if (at < 0) return false;
    const before = at === 0 ? '' : text[at - 1]!;
    const after = text[at + ip.length] ?? '';
    if (!/[\d.]/.test(before) && !/[\d]/.test(after) && !(after === '.' && /\d/.test(text[at + ip.length + 1] ?? ''))) return true;
    from = at + 1;
  }
}

export function filterEvidence(evidence: readonly Evidence[], ip: string | null): Evidence[] {
  return ip === null ? evidence.slice() : evidence.filter((e) => mentions(e.text, ip));
}
