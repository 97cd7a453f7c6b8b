import { describe, expect, it } from 'vitest';
import { count, listWords } from './plural';

describe('count', () => {
  it('uses the singular for one and the plural otherwise', () => {
    expect(count(1, 'record')).toBe('1 record');
    expect(count(0, 'record')).toBe('0 records');
    expect(count(2, 'entry', 'entries')).toBe('2 entries');
    expect(count(12345, 'flow')).toBe('12,345 flows');
  });
});

describe('listWords', () => {
  it('joins with commas and "and", and says how many more past the cap', () => {
    expect(listWords([])).toBe('');
    expect(listWords(['a'])).toBe('a');
    expect(listWords(['a', 'b'])).toBe('a and b');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listWords(['a', 'b', 'c', 'd', 'e'], 3)).toBe('a, b, c and 2 more');
  });
});
