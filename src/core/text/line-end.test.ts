import { describe, expect, it } from 'vitest';
import { prescanBytes } from '../big-paste/prescan';
import { takeFieldNotes } from './field-notes';
import { endsUnended } from './line-end';
import { normaliseLines } from './normalise';

describe('a paste whose last line has no line end after it', () => {
  const last = (lines: readonly string[]) => endsUnended(lines, lines.length - 1);

  it('is told by the normalised lines, whatever the line ends: LF, CR LF, a lone CR', () => {
    expect(last(normaliseLines('R1#show ip arp\nInternet  10.1.1.2   7   0011.2233.4466  ARPA'))).toBe(true);
    for (const ended of ['a\nb\n', 'a\r\nb\r\n', 'a\rb\r', 'a\n\n', '']) expect(last(normaliseLines(ended)), JSON.stringify(ended)).toBe(false);
    expect(last(normaliseLines('a\nb   '))).toBe(true);
    // Only the last line is the one the paste stops inside.
    const lines = normaliseLines('a\nb');
    expect(endsUnended(lines, 0)).toBe(false);
  });

  it('stays told when notes are taken off the lines (a mail quote: the lines are a copy)', () => {
    const lines = normaliseLines('> R1#show ip arp\n> Internet  10.1.1.1  5  0011.2233.4455  ARPA  Fa0/0\n> Internet  10.1.1.2  7  0011.2233.4466  ARPA');
    const field = takeFieldNotes(lines);
    expect(field.lines).not.toBe(lines);
    expect(last(field.lines)).toBe(true);
    expect(last(takeFieldNotes(normaliseLines('> a\n> b\n> c\n')).lines)).toBe(false);
  });

  it('is told by the lines a big file read as bytes makes, as by the text\'s', () => {
    const bytes = (t: string) => new Uint8Array(Buffer.from(t, 'latin1'));
    expect(last(prescanBytes(bytes('R1#show ip arp\nInternet  10.1.1.2   7   0011.2233.4466  ARPA')).lines)).toBe(true);
    expect(last(prescanBytes(bytes('R1#show ip arp\nInternet  10.1.1.2   7   0011.2233.4466  ARPA\n')).lines)).toBe(false);
    expect(last(prescanBytes(bytes('a\r\nb\r\n')).lines)).toBe(false);
  });
});
