// Migrations of share payloads from older versions to the current one, one step at a time.
//
// A link lives in tickets for years; when the payload shape changes, bump PAYLOAD_VERSION, keep the old decoder
// (the codec is shared while the envelope stays deflate + base64url JSON) and add a step here that turns a
// version-n object into version n+1. Steps run before validation, so a step may assume nothing about its input.
import { PAYLOAD_VERSION } from './payload-schema';

/** Step from version n (the key) to n + 1. No older versions exist yet: version 1 is the first shape shipped. */
export type Migration = (old: unknown) => unknown;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** The oldest version this build can still open. */
export const OLDEST_VERSION = 1;

export type MigrationResult = { ok: true; value: unknown } | { ok: false; error: string };

export function migrate(
  value: unknown,
  from: number,
  to: number = PAYLOAD_VERSION,
  steps: Readonly<Record<number, Migration>> = MIGRATIONS,
  oldest: number = OLDEST_VERSION,
): MigrationResult {
  if (from > to) return { ok: false, error: `this link was made by a newer version of the tool (format v${from}; this one reads up to v${to})` };
  if (from < oldest) return { ok: false, error: `this link uses format v${from}, which this version can no longer read` };
  let cur = value;
  for (let n = from; n < to; n++) {
    const step = steps[n];
    if (!step) return { ok: false, error: `no migration from link format v${n} to v${n + 1}` };
    try {
      cur = step(cur);
    } catch (e) {
      return { ok: false, error: `the v${n} link could not be upgraded: ${(e as Error).message}` };
    }
    // A step leaves the version field to the next step; set it so validation sees the version it reached.
    if (cur !== null && typeof cur === 'object') (cur as Record<string, unknown>).v = n + 1;
  }
  return { ok: true, value: cur };
}
