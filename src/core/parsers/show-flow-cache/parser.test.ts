// show flow cache (NX-OS): the constructed capture, hand counts, verdicts, unread rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../../diagnose';
import type { SectionOf } from '../../sections';
import { intToIp } from '../../text/lines';

const text = readFileSync(join(__dirname, 'fixtures', 'constructed-n9k-ipv4-ipv6.txt'), 'utf8');

describe('NX-OS show flow cache (constructed from the documented columns)', () => {
  const d = diagnoseDetailed([{ source: 'n9k', text }]);
  const data = (d.sections[0] as SectionOf<'show flow cache'>).data;

  it('reads the 8 IPv4 rows and the IPv6 row, columns by header name', () => {
    expect(d.diagnosis.inputs[0]).toMatchObject({ kind: 'show flow cache', records: 9, warnings: [] });
    const f = data.flows;
    expect([intToIp(f.src[0]!), intToIp(f.dst[0]!), f.srcPort[0], f.dstPort[0], f.proto[0], f.bytes[0], f.packets[0], f.line[0]]).toEqual([
      '10.20.30.40', '75.246.253.88', 1024, 80, 6, 48, 1, 4,
    ]);
    expect(data.flows6.flows.count).toBe(1);
  });

  it('feeds the same verdicts: the scanner infected, the IPv6 host listed by its address', () => {
    expect(d.diagnosis.hosts.find((h) => h.ip === '10.20.30.40')).toMatchObject({ verdict: 'infected', failedFlows: 6 });
    expect(d.diagnosis.hosts.find((h) => h.ip === '2001:db8:10::5')).toMatchObject({ verdict: 'clean', variant: 'unknown' });
  });

  it('a row that does not fit its header is reported with its line', () => {
    const w = diagnose([{ source: 'x', text: text.replace('10.20.30.42     192.0.2.53', '10.20.30.42 junk 192.0.2.53') }]).inputs[0]!.warnings;
    expect(w).toEqual([{ line: 11, message: expect.stringMatching(/^flow row with 13 fields under a header of 12/) }]);
  });

  it('is recognised without its echo by the IPV4 Entries banner', () => {
    expect(diagnose([{ source: 'x', text: text.split('\n').slice(1).join('\n') }]).inputs[0]!.kind).toBe('show flow cache');
  });
});

describe('NX-OS show flow cache (a real capture: a lab N9K-C93180YC-FX, with a TOS column)', () => {
  const real = readFileSync(join(__dirname, 'fixtures', 'github-n9k-93180yc-fx-lab.txt'), 'utf8');
  const d = diagnoseDetailed([{ source: 'n9k-lab', text: real }]);

  it('reads its one row by header name, the TOS column between TCP FLAGS and if_id included (hand count)', () => {
    expect(d.diagnosis.inputs).toHaveLength(1);
    expect(d.diagnosis.inputs[0]).toMatchObject({ kind: 'show flow cache', records: 1, warnings: [] });
    const f = (d.sections.find((s) => s.kind === 'show flow cache') as SectionOf<'show flow cache'>).data.flows;
    expect([intToIp(f.src[0]!), intToIp(f.dst[0]!), f.proto[0], f.srcPort[0], f.dstPort[0], f.bytes[0], f.packets[0], f.line[0]]).toEqual([
      '1.1.1.1', '192.168.3.2', 1, 771, 0, 74, 1, 4,
    ]);
  });

  it('finds nothing to flag in one ICMP flow', () => {
    expect(d.diagnosis.hosts.filter((h) => h.verdict !== 'clean')).toEqual([]);
  });
});
