// Router secrets never outlive the session: pastes are written to storage with secret lines masked (issue 8).
import { redactSecrets } from '../share/redact-secrets';
import type { PasteEntry } from './pastes-slice';

/** Cheap first look: redactSecrets walks every line, which costs ~0.4 s on a 100k-row flow table. */
const MAY_HOLD_SECRET = /secret|password|community|key|crypto/i;

/** Last masked text per paste id, so an unchanged paste is not masked again on every write. */
const cache = new Map<string, { text: string; masked: string }>();

export function maskForStorage(p: PasteEntry): PasteEntry {
  if (!MAY_HOLD_SECRET.test(p.text)) return p;
  const hit = cache.get(p.id);
  if (hit && hit.text === p.text) return { ...p, text: hit.masked };
  const masked = redactSecrets(p.text);
  cache.set(p.id, { text: p.text, masked });
  return { ...p, text: masked };
}
