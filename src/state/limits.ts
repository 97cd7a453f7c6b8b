// Stated input limits: past them the app says so plainly instead of hanging.

/** Total pasted text across all panels, in bytes (UTF-16 length is close enough for router output, which is ASCII). */
export const MAX_TOTAL_INPUT_BYTES = 50 * 1024 * 1024;
/** Panels one session may hold. */
export const MAX_PASTES = 20;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export const LIMIT_MESSAGE = `The pastes together are larger than ${formatBytes(MAX_TOTAL_INPUT_BYTES)}, the most this page reads. ` +
  'Paste a filtered capture instead (for example "show ip cache flow | include 0050"), or split it and run the CLI on the whole file.';
