// Router secrets never outlive the session: every paste is written to storage masked (issue 12: always, whatever
// words it holds). The masking itself is src/share/redact-secrets.ts; this keeps it off the page for big pastes (a
// 7.5 MB paste is about 100 ms of masking, a long task): the analysis worker masks every paste it reads anyway and
// sends the masked text back (diagnosis-runner.ts), else a masking worker does it; an unchanged paste is never
// masked twice.
import { redactSecrets } from '../share/redact-secrets';
import { maskTextsInWorker } from '../worker/mask-client';
import type { PasteEntry } from './pastes-slice';

/** Pastes holding at least this many characters not masked yet are masked off the page; fewer take a few ms here. */
export const MASK_OFF_PAGE_FROM_CHARS = 256 * 1024;

/** Last masked text per paste id. */
const cache = new Map<string, { text: string; masked: string }>();
/** Masked texts on their way from the analysis worker, per paste id (undefined when that run did not finish). */
const coming = new Map<string, { text: string; masked: Promise<string | undefined> }>();

function cached(p: PasteEntry): string | undefined {
  const hit = cache.get(p.id);
  return hit && hit.text === p.text ? hit.masked : undefined;
}

/** The analysis worker is masking this paste's text (diagnosis-runner.ts): storage waits for it instead of masking again. */
export function maskedElsewhere(id: string, text: string, masked: Promise<string | undefined>): void {
  const entry = { text, masked };
  coming.set(id, entry);
  void masked.then((m) => {
    if (m !== undefined) cache.set(id, { text, masked: m });
    if (coming.get(id) === entry) coming.delete(id);
  });
}

/** One paste as it is stored, masked on this thread unless its masked text is known. */
export function maskForStorage(p: PasteEntry): PasteEntry {
  let masked = cached(p);
  if (masked === undefined) {
    masked = redactSecrets(p.text);
    cache.set(p.id, { text: p.text, masked });
  }
  return { ...p, name: redactSecrets(p.name), text: masked };
}

/**
 * Every paste as it is stored. Big texts not masked yet are taken from the analysis worker when it is masking them,
 * else from the masking worker; should both fail they are masked here (slow, never skipped: an unmasked secret
 * must never reach storage).
 */
export async function maskPastesForStorage(pastes: readonly PasteEntry[]): Promise<PasteEntry[]> {
  const todo = () => pastes.filter((p) => cached(p) === undefined);
  const big = (list: PasteEntry[]) => list.reduce((n, p) => n + p.text.length, 0) >= MASK_OFF_PAGE_FROM_CHARS;
  if (big(todo())) {
    await Promise.all(todo().map((p) => (coming.get(p.id)?.text === p.text ? coming.get(p.id)!.masked : undefined)));
    const left = todo();
    if (big(left)) {
      try {
        const masked = await maskTextsInWorker(left.map((p) => p.text));
        left.forEach((p, i) => {
          const m = masked[i];
          if (typeof m === 'string') cache.set(p.id, { text: p.text, masked: m });
        });
      } catch {
        /* masked below, on this thread */
      }
    }
  }
  // Removed pastes' texts are not kept alive here.
  const ids = new Set(pastes.map((p) => p.id));
  for (const id of cache.keys()) if (!ids.has(id)) cache.delete(id);
  return pastes.map(maskForStorage);
}
