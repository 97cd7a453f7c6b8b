// Big pastes skip the editable textarea: Chromium needs seconds to lay out megabytes of text in one.

/** Past this many characters a paste is shown as a read-only preview unless the engineer asks to edit it. */
export const LARGE_PASTE_CHARS = 512 * 1024;
export const PREVIEW_LINES = 200;

export function isLarge(text: string): boolean {
  return text.length > LARGE_PASTE_CHARS;
}

/** Line count and the first lines, without splitting megabytes into an array. */
export function previewOf(text: string, lines = PREVIEW_LINES): { head: string; totalLines: number } {
  let total = text.length === 0 ? 0 : 1;
  let cut = -1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i === text.length - 1) break; // a final newline does not start another line
    total += 1;
    if (total === lines + 1) cut = i;
  }
  return { head: cut === -1 ? text : text.slice(0, cut), totalLines: total };
}

/** The text a paste into a textarea would produce, from its value, selection and the clipboard text. */
export function spliceText(value: string, start: number, end: number, inserted: string): string {
  return value.slice(0, start) + inserted + value.slice(end);
}
