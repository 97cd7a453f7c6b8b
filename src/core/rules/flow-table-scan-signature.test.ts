import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';

const read = (name: string) => ({ source: name, text: readFileSync(join(__dirname, 'fixtures', name), 'utf8') });
const sig = (pastes: { source: string; text: string }[]) => {
  const d = diagnose(pastes);
  for (const i of d.inputs) expect(i.kind, i.source).toBe('show ip cache flow');
  return d.findings.filter((f) => f.id === 'flow-table-scan-signature');
};

/** A stats-only paste in the layout IOS prints (the 7500 capture's columns), for the classes no capture was at hand. */
function protocolTable(rows: [string, number, number, number, number, number][]): string {
  const total = rows.reduce((n, r) => n + r[1], 0);
  const line = ([p, flows, fps, ppf, bpp, pps]: [string, number, number, number, number, number]) =>
    `${p.padEnd(14)}${String(flows).padStart(8)}${fps.toFixed(1).padStart(9)}${String(ppf).padStart(10)}${String(bpp).padStart(6)}${pps.toFixed(1).padStart(9)}${'0.0'.padStart(10)}${'15.2'.padStart(10)}`;
  return [
    'Router#show ip cache flow',
    'Protocol         Total    Flows   Packets Bytes  Packets Active(Sec) Idle(Sec)',
    '--------         Flows     /Sec     /Flow  /Pkt     /Sec     /Flow     /Flow',
    ...rows.map(line),
    `Total:        ${String(total).padStart(8)}      0.0         2    60      0.0       0.1      15.2`,
    '',
  ].join('\n');
}

describe('flow-table-scan-signature on real captures', () => {
  it('fires on the 7500 during Nachi: 15,299 ICMP flows a second, 91 bytes, the ICMP echo filter', () => {
    const [f, ...rest] = sig([read('cache-flow-stats-nachi-7500.txt')]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'critical', title: "The flow cache's protocol table shows an ICMP flood: 1,376,938 flows" });
    expect(f!.evidence).toEqual([{ source: 'cache-flow-stats-nachi-7500.txt', line: 3, text: expect.stringMatching(/^ICMP\s+1376938/) }]);
    expect(f!.remedy.summary).toMatch(/15,299\.3 ICMP flows a second/);
    expect(f!.remedy.summary).toMatch(/Welchia \(Nachi\)/);
    expect(f!.remedy.commands).toEqual(['show ip cache flow | include 0000 0800']);
  });

  it('fires on the TCP/445 sweep: 81,106 TCP-other flows of 2 packets, 57 bytes; the counters back it; 01BD first', () => {
    const [f, ...rest] = sig([read('cache-flow-stats-smb-scan.txt')]);
    expect(rest).toEqual([]);
    expect(f!.title).toBe("The flow cache's protocol table shows a TCP-other sweep: 81,106 flows");
    expect(f!.evidence.map((e) => e.line)).toEqual([16, 8]);
    expect(f!.remedy.summary).toMatch(/81,106 of 82,716 flows are TCP-other at 2 packets a flow, 57 bytes a packet/);
    expect(f!.remedy.summary).toMatch(/86,349 flows added to a 4,096-entry cache .* 89% of packets 64 bytes or less/);
    for (const w of ['Sasser', 'Conficker or WannaCry', 'Blaster', 'Welchia (Nachi)']) expect(f!.remedy.summary).toContain(w);
    expect(f!.remedy.commands[0]).toBe('show ip cache flow | include 01BD');
    expect(f!.remedy.commands).toContain('show ip cache flow | include 0087');
    expect(f!.remedy.caveats.join(' ')).toMatch(/last clearing of statistics never/);
  });

  it('stays silent on quiet routers\' tables (corpus captures)', () => {
    for (const name of ['cache-flow-ccna60d-1.txt', 'seed-cache-flow.txt']) expect(sig([read(name)]), name).toEqual([]);
  });
});

describe('flow-table-scan-signature: a stats-only paste of each kind (constructed tables)', () => {
  it('TCP-WWW at 1-2 packets of 48 bytes: the Code Reds and Nimda, filter 0050', () => {
    const [f] = sig([{ source: 't', text: protocolTable([['TCP-WWW', 52000, 310.5, 1, 48, 320.1], ['UDP-DNS', 900, 1.2, 2, 70, 2.0]]) }]);
    expect(f!.title).toMatch(/TCP-WWW sweep: 52,000 flows/);
    expect(f!.remedy.summary).toMatch(/Code Red .*Code Red II .*Nimda/);
    expect(f!.remedy.commands).toEqual(['show ip cache flow | include 0050']);
  });

  it('UDP-other single 404-byte datagrams: Slammer, filter 059A', () => {
    const [f] = sig([{ source: 't', text: protocolTable([['UDP-other', 250000, 4000.2, 1, 404, 4000.2], ['TCP-WWW', 3000, 10.1, 12, 700, 120.0]]) }]);
    expect(f!.remedy.summary).toMatch(/Slammer/);
    expect(f!.remedy.commands).toEqual(['show ip cache flow | include 059A']);
  });

  it('TCP-Telnet sweep: Mirai, filter 0017', () => {
    const [f] = sig([{ source: 't', text: protocolTable([['TCP-Telnet', 40000, 90.0, 2, 44, 180.0], ['TCP-WWW', 2000, 5.0, 20, 800, 100.0]]) }]);
    expect(f!.remedy.summary).toMatch(/Mirai/);
    expect(f!.remedy.commands).toEqual(['show ip cache flow | include 0017']);
  });

  it('silent when the big class carries real sessions (many packets) or is not far above the rest', () => {
    expect(sig([{ source: 't', text: protocolTable([['TCP-WWW', 52000, 310.5, 24, 900, 7000.0], ['UDP-DNS', 900, 1.2, 2, 70, 2.0]]) }])).toEqual([]);
    expect(sig([{ source: 't', text: protocolTable([['TCP-other', 30000, 100.0, 2, 50, 200.0], ['TCP-WWW', 20000, 80.0, 20, 800, 1600.0]]) }])).toEqual([]);
    expect(sig([{ source: 't', text: protocolTable([['ICMP', 5000, 12.0, 1, 84, 12.0]]) }])).toEqual([]);
  });

  it('the counters alone (tiny packets churning the cache, no protocol table): a warning with the filters', () => {
    const text = read('cache-flow-stats-smb-scan.txt').text.split('\n').slice(0, 12).join('\n');
    const [f] = sig([{ source: 't', text }]);
    expect(f).toMatchObject({ severity: 'warning', title: 'The flow cache churns with tiny flows: a sweep is likely' });
    expect(f!.remedy.commands).toContain('show ip cache flow | include 01BD');
  });
});

describe('flow-table-scan-signature from the questionnaire alone', () => {
  it('names the worms and the filter for the service the engineer saw dominate, until the output is pasted', () => {
    const d = diagnose([], { 'dominant-traffic': 'udp-1434' });
    const f = d.findings.find((x) => x.id === 'flow-table-scan-signature')!;
    expect(f).toMatchObject({ severity: 'info', evidence: [] });
    expect(f.title).toMatch(/^UDP port 1434 dominates the flows \(from your answers; paste show ip cache flow \| include 059A to confirm\)$/);
    expect(f.remedy.summary).toMatch(/Slammer \(fix: MS02-039\)/);
    expect(diagnose([], { 'dominant-traffic': 'telnet' }).findings.find((x) => x.id === 'flow-table-scan-signature')!.remedy.commands).toEqual([
      'show ip cache flow | include 0017|0913',
    ]);
  });

  it('silent when the answer is "don\'t know", or once show ip cache flow is pasted', () => {
    expect(diagnose([], { 'dominant-traffic': 'unknown' }).findings.filter((x) => x.id === 'flow-table-scan-signature')).toEqual([]);
    expect(diagnose([read('cache-flow-ccna60d-1.txt')], { 'dominant-traffic': 'tcp-445' }).findings.filter((x) => x.id === 'flow-table-scan-signature')).toEqual([]);
  });
});
