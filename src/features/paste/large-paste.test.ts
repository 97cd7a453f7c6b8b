// Big-paste helpers: line counting and preview cut, and the text a paste produces.
import { describe, expect, it } from 'vitest';
import { isLarge, LARGE_PASTE_CHARS, previewOf, spliceText } from './large-paste';

describe('previewOf', () => {
  it('counts lines with and without a final newline', () => {
    expect(previewOf('a\nb\nc').totalLines).toBe(3);
    expect(previewOf('a\nb\nc\n').totalLines).toBe(3);
    expect(previewOf('').totalLines).toBe(0);
  });
  it('keeps the first N lines', () => {
    const text = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`).join('\n');
    const p = previewOf(text, 3);
    expect(p.head).toBe('line 1\nline 2\nline 3');
    expect(p.totalLines).toBe(10);
  });
  it('returns everything when shorter than N', () => {
    expect(previewOf('x\ny', 5).head).toBe('x\ny');
  });
});

describe('spliceText and isLarge', () => {
  it('replaces the selection with the pasted text', () => {
    expect(spliceText('hello world', 6, 11, 'there')).toBe('hello there');
    expect(spliceText('', 0, 0, 'abc')).toBe('abc');
  });
  it('calls a paste large only past the limit', () => {
    expect(isLarge('x'.repeat(LARGE_PASTE_CHARS))).toBe(false);
    expect(isLarge('x'.repeat(LARGE_PASTE_CHARS + 1))).toBe(true);
  });
});
