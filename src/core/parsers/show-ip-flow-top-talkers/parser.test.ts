// show ip flow top-talkers: corpus captures, egress copies counted once, the footer, sample wording, verbose.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../../diagnose';
import type { SectionOf } from '../../sections';
import { intToIp } from '../../text/lines';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
function read(text: string) {
  const d = diagnoseDetailed([{ source: 't', text }]);
  const s = d.sections.find((x) => x.kind === 'show ip flow top-talkers') as SectionOf<'show ip flow top-talkers'> | undefined;
  return { input: d.diagnosis.inputs[0]!, data: s?.data, hosts: d.diagnosis.hosts };
}

describe('show ip flow top-talkers: real captures', () => {
  it('blognotes-1: six rows are three flows, each egress copy (`*`) counted once; bytes with a K suffix', () => {
    const { input, data } = read(fixture('blognotes-1.txt'));
    expect(input).toMatchObject({ kind: 'show ip flow top-talkers', records: 3 });
    expect(data!.egressDuplicates).toBe(3);
    expect(data!.lastColumn).toBe('bytes');
    const f = data!.flows;
    expect([intToIp(f.src[0]!), intToIp(f.dst[0]!), f.proto[0], f.srcPort[0], f.dstPort[0], f.bytes[0], f.ifNames[f.dstIf[0]!]]).toEqual([
      '10.116.147.101', '10.77.10.139', 6, 80, 0x05c0, 8599000, 'Fa0/0.134',
    ]);
    // Bytes only: packets unknown, so the flows are not judged, and the report says why.
    expect(Number.isNaN(f.packets[0]!)).toBe(true);
    expect(input.warnings).toEqual([{ line: 2, message: expect.stringMatching(/^top talkers sorted by bytes give no packet counts/) }]);
  });

  it('marius-1: the footer "2 of 10 top talkers shown. 2 flows processed." is read', () => {
    const { input, data, hosts } = read(fixture('marius-1.txt'));
    expect(input).toMatchObject({ kind: 'show ip flow top-talkers', records: 2, command: 'sh ip flow top-talkers' });
    expect(data!.footer).toEqual({ shown: 2, top: 10, processed: 2, line: 6 });
    expect(hosts[0]!.reasons.join(' ')).toMatch(/all 2 flows come from show ip flow top-talkers \(2 of 10 top talkers shown\), a sample of the busiest flows/);
    expect(hosts[0]!.packetsPerFlow).toBe(0);
  });

  it('ntc-1 with its echo: packets column, hex protocol and ports', () => {
    const { input, data } = read(`R1#show ip flow top-talkers\n${fixture('ntc-1.txt')}`);
    expect(input).toMatchObject({ kind: 'show ip flow top-talkers', records: 2, warnings: [] });
    expect([data!.flows.proto[0], data!.flows.srcPort[0], data!.flows.packets[0]]).toEqual([17, 1985, 414]);
  });
});

describe('show ip flow top-talkers: worm flows, sorted by packets', () => {
  const rows = Array.from({ length: 8 }, (_, i) => `Fa0/0         10.1.1.66       Fa0/1         ${60 + i}.${i * 7 + 3}.2.9        06 0D${(10 + i).toString(16).toUpperCase().padStart(2, '0')} 0050     1`);
  const text = ['R#show ip flow top-talkers', 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts', ...rows, '8 of 10 top talkers shown. 8 flows processed.'].join('\n');

  it('a scanner among the top talkers is judged, and its reasons say the flows are a sample', () => {
    const { input, hosts } = read(text);
    expect(input).toMatchObject({ records: 8, warnings: [] });
    expect(hosts[0]).toMatchObject({ ip: '10.1.1.66', verdict: 'infected', failedFlows: 8 });
    expect(hosts[0]!.reasons.some((r) => /top talkers.*a sample of the busiest flows/.test(r))).toBe(true);
  });

  it('is not read as the top talkers when the echo says show ip cache flow (no sample wording)', () => {
    const d = diagnose([{ source: 't', text: text.replace('show ip flow top-talkers', 'show ip cache flow').replace(/\n8 of 10.*$/, '') }]);
    expect(d.inputs[0]!.kind).toBe('show ip cache flow');
    expect(d.hosts[0]!.reasons.some((r) => /sample/.test(r))).toBe(false);
  });

  it('the verbose form: two lines a flow, bytes column turned into packets with B/Pk', () => {
    const v = [
      'R#show ip flow top-talkers verbose',
      'SrcIf          SrcIPaddress    DstIf          DstIPaddress    Pr TOS Flgs Bytes',
      'Port Msk AS                    Port Msk AS    NextHop              B/Pk  Active',
      'Et0/0.1        10.10.18.1      Et1/0.1        172.16.10.232   11 00  10     3040',
      '0000 /0  0                     0000 /0  0     0.0.0.0                80    10.4',
      '1 of 10 top talkers shown. 1 flows processed.',
    ].join('\n');
    const { input, data } = read(v);
    expect(input).toMatchObject({ kind: 'show ip flow top-talkers', records: 1, warnings: [] });
    expect([data!.flows.packets[0], data!.flows.bytes[0], data!.details!.active[0]]).toEqual([38, 3040, 10.4]);
  });
});

describe('show ip flow top-talkers: field captures', () => {
  const field = (name: string) => read(fixture(`field/${name}`));

  it('without its echo, told from show ip cache flow (the same header) by its footer: six rows, CRLF', () => {
    const { input, data } = field('ntc-first-commit-footer-crlf.txt');
    expect(input).toMatchObject({ kind: 'show ip flow top-talkers', records: 6, warnings: [] });
    expect(data!.footer).toMatchObject({ shown: 6, top: 20, processed: 6 });
    // The same rows without the footer stay show ip cache flow: nothing else tells them apart.
    const noFooter = fixture('field/ntc-first-commit-footer-crlf.txt').replace(/6 of 20 top talkers shown\. 6 flows processed\.\r?\n?/, '');
    expect(read(noFooter).input.kind).toBe('show ip cache flow');
  });

  it('"% Cache is empty" is said in words, not as a line not understood', () => {
    const { input } = field('lostintransit-cache-empty.txt');
    expect(input).toMatchObject({ kind: 'show ip flow top-talkers', records: 0 });
    expect(input.warnings).toEqual([{ line: 2, message: expect.stringMatching(/^the router says its flow cache is empty/) }]);
  });
});
