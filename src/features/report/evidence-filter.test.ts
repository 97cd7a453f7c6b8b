// Evidence filtering by source: whole addresses only.
import { describe, expect, it } from 'vitest';
import { filterEvidence, mentions } from './evidence-filter';

describe('mentions', () => {
  it('finds an address between spaces', () => {
    expect(mentions('Vl1 193.23.45.35 Vl3 2.34.56.12 06 0F9F 0050 2', '193.23.45.35')).toBe(true);
  });
  it('does not match a longer address that starts or ends with it', () => {
    expect(mentions('Vl1 193.23.45.351 Vl3', '193.23.45.35')).toBe(false);
    expect(mentions('Vl1 1193.23.45.35 Vl3', '193.23.45.35')).toBe(false);
    expect(mentions('10.1.1.1.5', '10.1.1.1')).toBe(false);
  });
  it('matches an address followed by punctuation', () => {
    expect(mentions('from 10.1.1.1, to', '10.1.1.1')).toBe(true);
  });
});

describe('filterEvidence', () => {
  const ev = [
    { source: 'a', line: 1, text: 'Vl1 1.2.3.4 Vl3 5.6.7.8' },
    { source: 'a', line: 2, text: 'Vl1 9.9.9.9 Vl3 5.6.7.8' },
  ];
  it('keeps everything without a selection and only matching lines with one', () => {
    expect(filterEvidence(ev, null)).toHaveLength(2);
    expect(filterEvidence(ev, '9.9.9.9').map((e) => e.line)).toEqual([2]);
  });
});
