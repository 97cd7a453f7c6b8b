import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../../diagnose';
import type { SectionOf } from '../../sections';
import { intToIp } from '../../text/lines';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

// Row counts from ../shared/corpus/MANIFEST.tsv (checked by reading each capture), and the first row of each.
const CORPUS: [file: string, rows: number, firstRow?: { line: number; src: string; dst: string; dstPort: number; packets: number }][] = [
  ['ccna60d-1.txt', 6, { line: 30, src: '150.1.1.254', dst: '10.0.0.1', dstPort: 0x0800, packets: 339 }],
  ['dean-1.txt', 1, { line: 20, src: '192.168.100.10', dst: '192.168.200.10', dstPort: 0x0800, packets: 5 }],
  ['dean-2.txt', 0],
  ['dean-3.txt', 0],
  ['echalkpad-1.txt', 2, { line: 25, src: '192.168.10.4', dst: '192.168.10.1', dstPort: 0x07d0, packets: 8 }],
  ['marius-1.txt', 1, { line: 28, src: '172.16.29.17', dst: '172.16.29.16', dstPort: 0x0303, packets: 1 }],
];

describe('show ip cache flow: real captures (corpus)', () => {
  for (const [file, rows, first] of CORPUS) {
    it(`${file}: ${rows} rows, every other line recognised`, () => {
      const d = diagnose([{ source: file, text: fixture(file) }]);
      const flow = d.inputs.filter((i) => i.kind === 'show ip cache flow');
      expect(flow).toHaveLength(1);
      expect(flow[0]!.records).toBe(rows);
      const unread = flow[0]!.warnings.filter((w) => !w.message.startsWith('no flow rows'));
      expect(unread).toEqual([]);
      if (rows === 0) {
        expect(flow[0]!.warnings).toEqual([expect.objectContaining({ message: expect.stringMatching(/^no flow rows/) })]);
        expect(d.hosts).toEqual([]);
        expect(d.charts).toBeUndefined();
      }
      if (first) {
        const s = diagnoseDetailed([{ source: file, text: fixture(file) }]).sections.find((x) => x.kind === 'show ip cache flow') as SectionOf<'show ip cache flow'>;
        const t = s.data.flows;
        expect(t.line[0]).toBe(first.line);
        expect([intToIp(t.src[0]!), intToIp(t.dst[0]!), t.dstPort[0], t.packets[0]]).toEqual([first.src, first.dst, first.dstPort, first.packets]);
      }
    });
  }

  it('ccna60d-1: hex ports read as hex (C0B3 -> 0017 is telnet, not port 17 decimal)', () => {
    const d = diagnose([{ source: 'c', text: fixture('ccna60d-1.txt') }]);
    const h = d.hosts.find((x) => x.ip === '10.0.0.2')!;
    expect(h).toMatchObject({ flows: 4, port80Flows: 0, interface: 'Se0/0', verdict: 'clean' });
  });

  it('echalkpad-1: squeezed single-space columns and lower-case hex', () => {
    const d = diagnose([{ source: 'e', text: fixture('echalkpad-1.txt') }]);
    expect(d.hosts.map((h) => h.ip).sort()).toEqual(['192.168.10.2', '192.168.10.4']);
    expect(d.hosts.find((h) => h.ip === '192.168.10.2')).toMatchObject({ interface: 'Fa0/0', flows: 1, packetsPerFlow: 23 });
  });
});
