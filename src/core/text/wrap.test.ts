import { describe, expect, it } from 'vitest';
import { fields, isIPv4 } from './lines';
import { normaliseLines } from './normalise';
import { joinWrapped, readWrapped, wrapJoins } from './wrap';

/** A toy flow-row reader: 8 fields, addresses in fields 2 and 4 (as a parser would check by shape). */
function readRow(text: string): string[] | null {
  const f = fields(text);
  return f.length === 8 && isIPv4(f[1]!) && isIPv4(f[3]!) && /^\d+$/.test(f[7]!) ? f : null;
}

describe('wrapped lines', () => {
  it('glues a piece cut inside a word back as it was, and a piece cut in blanks with one space', () => {
    const a = 'x'.repeat(76) + '193.';
    expect(joinWrapped(a, '23.45.35 Vl3')).toBe(`${'x'.repeat(76)}193.23.45.35 Vl3`);
    expect(joinWrapped('Vl1   193.23.45.35', '   Vl3')).toBe('Vl1   193.23.45.35 Vl3');
    expect(wrapJoins('y'.repeat(80), 'z')).toEqual([`${'y'.repeat(80)}z`, `${'y'.repeat(80)} z`]);
  });

  it('rejoins a flow row a terminal cut at 80 columns, inside an address', () => {
    const row = `Vl1${' '.repeat(40)}193.23.45.35    Vl3           2.34.56.12      06 0F9F 0050     2`;
    const lines = normaliseLines(`${row.slice(0, 80)}\n${row.slice(80)}\nVl1 1.1.1.1 Vl3 2.2.2.2 06 0F9F 0050 1\n`);
    expect(lines[0]!.length).toBe(80);
    const r = readWrapped(lines, 0, lines.length, readRow);
    expect(r?.lines).toBe(2);
    expect(r?.value.slice(1, 4)).toEqual(['193.23.45.35', 'Vl3', '2.34.56.12']);
    expect(readWrapped(lines, 2, lines.length, readRow)).toEqual({ value: fields(lines[2]!), lines: 1 });
  });

  it('rejoins a row cut in the blanks between two columns (trailing blanks trimmed)', () => {
    const row = `Vl1${' '.repeat(50)}193.23.45.35    Vl3 2.34.56.12      06 0F9F       0050     2`;
    const cut = row.indexOf('0050') - 3;
    const lines = normaliseLines(`${row.slice(0, cut)}\n${row.slice(cut)}\n`);
    expect(lines[0]!.endsWith('0F9F')).toBe(true);
    expect(readWrapped(lines, 0, lines.length, readRow)?.value[6]).toBe('0050');
  });

  it('never glues a complete line to the next record, nor a short line to anything', () => {
    const full = 'Vl1 1.1.1.1 Vl3 2.2.2.2 06 0F9F 0050 1';
    expect(readWrapped([full.padEnd(80, 'q'), full], 0, 2, readRow)).toBeNull();
    expect(readWrapped(['garbage', '1.1.1.1 Vl3 2.2.2.2 06 0F9F 0050 1'], 0, 2, readRow)).toBeNull();
    expect(readWrapped(['x'.repeat(80)], 0, 1, readRow)).toBeNull();
  });
});
