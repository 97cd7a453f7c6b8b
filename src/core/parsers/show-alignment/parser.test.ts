// Tests for `show alignment` on real captures: no data, alignment corrections, spurious accesses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseDetailed } from '../../diagnose';
import { sectionsOf } from '../../sections';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

function read(text: string) {
  const d = diagnoseDetailed([{ source: 'x.txt', text }]);
  return { input: d.diagnosis.inputs[0]!, data: sectionsOf(d.sections, 'show alignment')[0]?.data };
}

describe('show alignment: real captures', () => {
  it('genie-1: nothing recorded (peer: no_alignment_data, no_spurious_references)', () => {
    const { input, data } = read(fixture('genie-1.txt'));
    expect(input).toMatchObject({ kind: 'show alignment', records: 1, warnings: [] });
    expect(data).toEqual({
      noData: true, alignmentErrors: 0, alignmentLine: 2, spuriousAccesses: 0, spuriousLine: 3, alignmentRows: [], spuriousRows: [],
    });
  });

  it('genie-2: 6 corrections in two rows, no spurious references (peer: alignment_data, no_spurious_references)', () => {
    const { input, data } = read(fixture('genie-2.txt'));
    expect(input.warnings).toEqual([]);
    expect(data).toMatchObject({ noData: false, alignmentErrors: 6, alignmentLine: 6, spuriousAccesses: 0, spuriousLine: 13 });
    expect(data!.image).toBe('RSP Software (RSP-ISV-M), Version 11.3(3a), RELEASE SOFTWARE (fc1)');
    expect(data!.alignmentRows[0]).toEqual({
      address: '60EF3765', count: 3, access: '32bit', type: 'read', traceback: ['0x60262474', '0x601AC594', '0x601AC580'], line: 10,
    });
    expect(data!.alignmentRows[1]!.line).toBe(11);
  });

  it('genie-3: no alignment data, 26 spurious accesses, tracebacks continued on the next line', () => {
    const { input, data } = read(fixture('genie-3.txt'));
    expect(input.warnings).toEqual([]);
    expect(data).toMatchObject({ noData: false, alignmentErrors: 0, alignmentLine: 7, spuriousAccesses: 26, spuriousLine: 9 });
    expect(data!.image).toBe('GS Software (RSP-PV-M), Version 11.1(26.1)CC, EARLY DEPLOYMENT MAINTENANCE INTERIM SOFTWARE');
    expect(data!.spuriousRows.map((r) => [r.address, r.count, r.traceback.length, r.line])).toEqual([
      ['1DC8', 1, 8, 12],
      ['1DE0', 1, 8, 14],
    ]);
  });

  it('is recognised by shape when no command was echoed', () => {
    const { input } = read('No alignment data has been recorded.\nNo spurious memory references have been recorded.\n');
    expect(input).toMatchObject({ kind: 'show alignment', records: 1, warnings: [] });
  });
});

describe('show alignment: exec prompt timestamp', () => {
  it('knows the "Load for five secs" / "Time source is" lines printed above the output', () => {
    const { input } = read(['PE1#show alignment', 'Load for five secs: 1%/0%; one minute: 1%; five minutes: 1%', 'Time source is NTP, 00:41:33.830 EST Thu Jun 20 2019', 'No alignment data recorded'].join('\n'));
    expect(input).toMatchObject({ records: 1, warnings: [] });
  });
});

describe('show alignment: bad input', () => {
  it('reports what it cannot read with line numbers and does not claim "no data" from half the output', () => {
    const { input, data } = read('sh align\nNo alignment data recorded\nTotal Spurious Accesses: lots\n   zz  yy\n');
    expect(input.warnings.map((w) => w.line)).toEqual([3, 4]);
    expect(data!.noData).toBe(false);
    expect(data!.spuriousAccesses).toBeUndefined();
  });
});

it('show alignment: reads "Total Spurious Accesses: N" with a colon', () => {
  const { input, data } = read('show alignment\nNo alignment data has been recorded.\nTotal Spurious Accesses: 412\n');
  expect(input.warnings).toEqual([]);
  expect(data).toMatchObject({ alignmentErrors: 0, spuriousAccesses: 412, spuriousLine: 3, noData: false });
});

it('show alignment: reads "Unaligned handler is disabled" (prompt and command on two lines) as detection off, with no counts', () => {
  const d = diagnoseDetailed([{ source: 'd', text: ['Device#', 'show alignment', 'Unaligned handler is disabled', ''].join('\n') }]);
  const s = sectionsOf(d.sections, 'show alignment')[0]!;
  expect(d.diagnosis.inputs.map((i) => [i.kind, i.records, i.warnings])).toEqual([['show alignment', 1, []]]);
  expect(s.data).toMatchObject({ detectionDisabledLine: 3, noData: false });
  expect([s.data.alignmentErrors, s.data.spuriousAccesses]).toEqual([undefined, undefined]);
});
