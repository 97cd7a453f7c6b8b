// show mls netflow ip (Sup720 / Sup2T): full and destination-only masks, detail, count.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../../diagnose';
import type { SectionOf } from '../../sections';
import { intToIp } from '../../text/lines';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
function read(name: string) {
  const d = diagnoseDetailed([{ source: name, text: fixture(name) }]);
  const s = d.sections.find((x) => x.kind === 'show mls netflow ip') as SectionOf<'show mls netflow ip'> | undefined;
  return { input: d.diagnosis.inputs[0]!, data: s!.data, diagnosis: d.diagnosis };
}

describe('show mls netflow ip (Sup720 / Sup2T), constructed from the documented layout', () => {
  it('full flow: 8 two-line entries, names mapped, the scanner judged infected', () => {
    const { input, data, diagnosis } = read('constructed-sup720-full-flow.txt');
    expect(input).toMatchObject({ kind: 'show mls netflow ip', records: 8, warnings: [] });
    const f = data.flows;
    expect([intToIp(f.src[0]!), intToIp(f.dst[0]!), f.proto[0], f.srcPort[0], f.dstPort[0], f.packets[0], f.bytes[0], f.ifNames[f.srcIf[0]!], f.line[0]]).toEqual([
      '20.1.145.49', '75.246.253.88', 6, 3311, 80, 1, 48, 'Vl10', 7,
    ]);
    expect(diagnosis.hosts[0]).toMatchObject({ ip: '20.1.145.49', flows: 6, failedFlows: 6, verdict: 'infected', interface: 'Vl10' });
    expect(diagnosis.findings.map((x) => x.id)).not.toContain('mls-flowmask-hides-sources');
  });

  it('destination-only mask (Sup2T banner): no sources, the flow-mask finding names interface-full', () => {
    const { input, data, diagnosis } = read('constructed-sup2t-destination-only.txt');
    expect(input).toMatchObject({ records: 4, warnings: [] });
    expect(data).toMatchObject({ entries: 4, sourcesPresent: false, destinationOnlyLines: [7, 9, 11, 13] });
    expect(diagnosis.hosts).toEqual([]);
    const f = diagnosis.findings.find((x) => x.id === 'mls-flowmask-hides-sources')!;
    expect(f.title).toMatch(/^4 MLS entries in show mls netflow ip carry no source address/);
    expect(f.remedy.commands).toEqual(['mls flow ip interface-full']);
    expect(f.remedy.caveats.join(' ')).toMatch(/no mls flow ip interface-full/);
    expect(f.evidence.map((e) => e.line)).toEqual([7, 9, 11, 13]);
  });

  it('detail: the hardware-field lines are read past, the 2 entries kept', () => {
    const { input } = read('constructed-sup720-detail.txt');
    expect(input).toMatchObject({ kind: 'show mls netflow ip', records: 2, warnings: [] });
  });

  it('count: the number of shortcuts as printed, no entries', () => {
    const { input, data } = read('constructed-sup720-count.txt');
    expect(input).toMatchObject({ records: 0, warnings: [] });
    expect(data.reportedEntries).toBe(31044);
  });

  it('an entry line without its counters is reported', () => {
    const text = fixture('constructed-sup720-detail.txt').replace(/^1 +48 .*\n/m, '');
    const w = diagnose([{ source: 'x', text }]).inputs[0]!.warnings;
    expect(w).toContainEqual({ line: 11, message: 'MLS NetFlow entry without its counters line: not counted' });
  });
});
