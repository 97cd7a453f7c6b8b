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

/**
 * Opened or dropped files at least this big are analysed as bytes in the worker and kept as a reference (name,
 * size, date), not as text: no textarea, no store, no stored copy. Smaller ones open as editable paste panels.
 */
export const BIG_FILE_BYTES = 1024 * 1024;
/**
 * Big files together: the worker holds about 0.6 bytes of columns per byte of flow rows, plus the page itself, and a
 * browser tab gets a few GB at most. Past this the page refuses the file and says to use the CLI.
 */
export const MAX_FILE_BYTES = 500 * 1024 * 1024;

export function fileLimitMessage(name: string, size: number): string {
  return (
    `${name} (${formatBytes(size)}) was not opened: with the files already open it would pass the ${formatBytes(MAX_FILE_BYTES)} limit ` +
    'for files on this page (a browser tab would run out of memory). Run the command-line analyzer on it instead: ' +
    'npm run analyze -- FILE (it reads files of any size), or open a filtered capture ("show ip cache flow | include 0050").'
  );
}
