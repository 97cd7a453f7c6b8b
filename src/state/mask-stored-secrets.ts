// Router secrets never outlive the session: every paste is written to storage masked (issue 12: always, whatever
// words it holds). The masking itself is src/share/redact-secrets.ts; this only avoids masking an unchanged paste
// again on every write.
import { redactSecrets } from '../share/redact-secrets';
import type { PasteEntry } from './pastes-slice';

/** Last masked text per paste id. */
const cache = new Map<string, { text: string; masked: string }>();

export function maskForStorage(p: PasteEntry): PasteEntry {
  const name = redactSecrets(p.name);
  const hit = cache.get(p.id);
  if (hit && hit.text === p.text) return { ...p, name, text: hit.masked };
  const masked = redactSecrets(p.text);
  cache.set(p.id, { text: p.text, masked });
  return { ...p, name, text: masked };
}
