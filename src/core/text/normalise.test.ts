import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseLine, normaliseLines } from './normalise';

describe('normaliseLines', () => {
  it('keeps one entry per source line whatever the line endings', () => {
    expect(normaliseLines('a\r\nb\rc\nd\n')).toEqual(['a', 'b', 'c', 'd']);
    expect(normaliseLines('a\r\n\r\nb')).toEqual(['a', '', 'b']);
  });

  it('turns U+00A0 and other odd spaces into spaces and drops zero-width ones', () => {
    expect(normaliseLines('Vl1\u00a0\u00a0193.23.45.35\u2003x\u200by\ufeff')).toEqual(['Vl1  193.23.45.35 xy']);
  });

  it('drops the "➥" a book puts before the second half of a wrapped row, at line start only', () => {
    expect(normaliseLines('172.16.10.1 - - - - 00-30-96-2d-24-20 188\n\u27a5ARPA ARPA 2/7 2/6 870\nsee \u27a5 here')).toEqual([
      '172.16.10.1 - - - - 00-30-96-2d-24-20 188',
      'ARPA ARPA 2/7 2/6 870',
      'see \u27a5 here',
    ]);
  });

  it('expands tabs to 8-column stops and trims trailing blanks and tabs', () => {
    expect(normaliseLines('Device#\t  PID\t\t\tSN \t')).toEqual([`Device#   PID${' '.repeat(19)}SN`]);
    expect(normaliseLines('abc   \nd\t\n')).toEqual(['abc', 'd']);
  });

  it('erases IOS --More-- exactly as the router prints it (9 backspaces, 8 blanks, 9 backspaces)', () => {
    const bs = '\b'.repeat(9);
    const raw = `ip cef\r\n!\r\n --More-- ${bs}        ${bs}interface FastEthernet0/0\r\n no ip address\r\n`;
    expect(normaliseLines(raw)).toEqual(['ip cef', '!', 'interface FastEthernet0/0', ' no ip address']);
  });

  it('erases the 10/10/10 variant netmiko sees and keeps the next line indent', () => {
    const bs = '\b'.repeat(10);
    expect(normaliseLines(` --More-- ${bs}          ${bs} description uplink`)).toEqual([' description uplink']);
  });

  it('removes a --More-- whose backspaces were stripped but whose erase blanks remain', () => {
    expect(normaliseLines(' --More--          no ip address')).toEqual([' no ip address']);
    expect(normaliseLines(' --More-- Vl1 1.2.3.4')).toEqual(['Vl1 1.2.3.4']);
    expect(normaliseLines('--More--')).toEqual(['']);
    expect(normaliseLines('<--- More --->')).toEqual(['']);
  });

  it('replays backspaces as a terminal does: overwrite, not delete', () => {
    expect(normaliseLines('abc\b\bX')).toEqual(['aXc']);
    expect(normaliseLines('sh ip cahe\b \b\b \bche flow')).toEqual(['sh ip cache flow']);
  });

  it('strips ANSI escapes (colours, erase-line, cursor moves, OSC titles)', () => {
    const raw = '\x1b]0;R1: ssh\x07\x1b[1;32mR1#\x1b[0mshow ip arp\x1b[K\n\x1b[24;1H\x1b7Internet  10.1.1.1\x1b8\n';
    expect(normaliseLines(raw)).toEqual(['R1#show ip arp', 'Internet  10.1.1.1']);
  });

  it('shows a raw Ctrl-C banner delimiter as ^C and drops other control bytes', () => {
    expect(normaliseLines('banner motd \x03\nhello\x07\n\x03\n')).toEqual(['banner motd ^C', 'hello', '^C']);
  });

  it('leaves squeezed columns squeezed: parsers read by shape', () => {
    expect(normaliseLines('Vl1 193.23.45.35 Vl3 2.34.56.12 06 0F9F 0050 2')).toEqual(['Vl1 193.23.45.35 Vl3 2.34.56.12 06 0F9F 0050 2']);
  });

  it('does not touch the word More in ordinary text', () => {
    expect(normaliseLines('More than 5 flows - see below')).toEqual(['More than 5 flows - see below']);
  });

  it('handles an 80 MB clean paste on the fast path in well under a few seconds', () => {
    const row = 'Vl1           193.23.45.35    Vl3           2.34.56.12      06 0F9F 0050     2\n';
    const big = row.repeat(Math.ceil(80e6 / row.length));
    const t0 = performance.now();
    const lines = normaliseLines(big);
    const ms = performance.now() - t0;
    expect(lines.length).toBe(Math.ceil(80e6 / row.length));
    expect(lines[0]).toBe(row.trimEnd());
    expect(ms).toBeLessThan(5000);
  });
});

describe('normaliseLines on plain text (printable ASCII and line feeds, the one-scan shortcut)', () => {
  it('splits it into lines, trailing blanks trimmed, as the full path does, pager marks removed', () => {
    const plainLine = fc.oneof(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 30 }), fc.constantFrom('', '   ', ' --More-- ', 'Router#', '  Fa0/0  10.0.0.1  '));
    fc.assert(
      fc.property(fc.array(plainLine, { maxLength: 20 }), fc.boolean(), (ls, endsWithBreak) => {
        const text = ls.join('\n') + (endsWithBreak ? '\n' : '');
        // The same text with one odd character that the full path deletes (a zero-width space) takes that path.
        const full = normaliseLines(`\u200b${text}`);
        expect(normaliseLines(text)).toEqual(full);
      }),
      { numRuns: 500 },
    );
  });
});

describe('normaliseLine (one line, as the byte path hands them over)', () => {
  it('gives what normaliseLines gives for that line, whatever it holds', () => {
    // Printable ASCII mostly, with what the full path deals with: pager marks (with or without their backspaces),
    // tabs, CR-less control characters, ANSI escapes, odd and zero-width spaces, other non-ASCII, trailing blanks.
    const piece = fc.oneof(
      { weight: 6, arbitrary: fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 20 }) },
      {
        weight: 2,
        arbitrary: fc.constantFrom(' --More-- ', ' --More-- \b\b\b\b\b\b\b\b\b        \b\b\b\b\b\b\b\b\b', 'More -', 'More', '<--- More --->', '\t', '\x1b[K', '\x07', '\x7f', '\u00a0', '\u200b', '\u27a5', 'é', '   ', 'Fa0/0  10.0.0.1'),
      },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const line = parts.join('');
        expect(normaliseLine(line)).toBe(normaliseLines(line)[0] ?? '');
      }),
      { numRuns: 5_000, seed: 20261203 },
    );
    for (const line of ['', ' ', 'Router#show ip cache flow   ', ' --More-- ', 'a\tb', 'x\u00a0y']) expect(normaliseLine(line)).toBe(normaliseLines(line)[0] ?? '');
  });

  it('gives what normaliseLines gives for that line among others, whatever the others hold', () => {
    // A line is cleaned or not by what it holds, never by a pager mark on another line (a `--MORE--` beside a `More`
    // was taken out only when some other line had a mark: the byte path, line by line, kept it).
    const piece = fc.constantFrom(' --More-- ', ' --MORE-- ', '-- more --', 'More0/1', 'More -', 'x', ' ', '10.1.1.1', '\b', '\t');
    const line = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        const all = normaliseLines(lines.join('\n'));
        lines.forEach((l, i) => expect(normaliseLine(l)).toBe(all[i] ?? ''));
      }),
      { numRuns: 3_000, seed: 20261205 },
    );
  });
});
