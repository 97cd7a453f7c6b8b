import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../../diagnose';
import type { SectionOf } from '../../sections';
import { intToIp } from '../../text/lines';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
function read(text: string) {
  const d = diagnoseDetailed([{ source: 't', text }]);
  const s = d.sections[0] as SectionOf<'show mls entry'> | undefined;
  return { input: d.diagnosis.inputs[0]!, data: s?.data, diagnosis: d.diagnosis };
}

describe('show mls entry (CatOS hybrid): full flow mask, constructed from the note layout', () => {
  const { input, data, diagnosis } = read(fixture('technote-format-full-flow.txt'));
  it('reads 7 two-line entries after `6500-sup(enable)show mls ent`', () => {
    expect(input).toMatchObject({ kind: 'show mls entry', records: 7, warnings: [], command: 'show mls ent' });
    expect(data).toMatchObject({ entries: 7, sourcesPresent: true, destinationOnlyLines: [] });
    expect(data!.flows.count).toBe(7);
  });
  it('DstPrt comes before SrcPrt: line 6 is 20.1.145.49:3311 -> 75.246.253.88:80, 2 packets, 96 bytes, from 4/1', () => {
    const f = data!.flows;
    const i = Array.from(f.line).indexOf(6);
    expect([intToIp(f.src[i]!), intToIp(f.dst[i]!), f.proto[i], f.srcPort[i], f.dstPort[i], f.packets[i], f.bytes[i]]).toEqual([
      '20.1.145.49', '75.246.253.88', 6, 3311, 80, 2, 96,
    ]);
    expect([f.ifNames[f.srcIf[i]!], f.ifNames[f.dstIf[i]!]]).toEqual(['4/1', '15/1']);
  });
  it('reads the port name on line 14 ("www") and UDP on line 18', () => {
    const f = data!.flows;
    const at = (line: number) => Array.from(f.line).indexOf(line);
    expect(f.dstPort[at(14)]).toBe(80);
    expect([f.proto[at(18)], f.dstPort[at(18)], f.srcPort[at(18)]]).toEqual([17, 53, 1063]);
  });
  it('feeds the fan-out: 20.1.145.49 has 5 port-80 flows to 5 destinations', () => {
    expect(diagnosis.hosts.find((h) => h.ip === '20.1.145.49')).toMatchObject({ flows: 5, destinations: 5, port80Flows: 5 });
  });
});

describe('show mls entry: destination-only flow mask', () => {
  it('"-" and blank sources: 3 entries, sourcesPresent false, lines listed, the MSFC heading kept', () => {
    const { input, data } = read(fixture('technote-format-destination-only.txt'));
    expect(input).toMatchObject({ kind: 'show mls entry', records: 3, warnings: [] });
    expect(data).toMatchObject({ entries: 3, sourcesPresent: false, destinationOnlyLines: [8, 10, 12] });
    expect(data!.routers).toEqual([{ address: '20.1.1.1', line: 7 }]);
    expect(data!.flows.count).toBe(0);
  });
  it('squeezed single spaces, CRLF, no header, trailing CatOS prompt', () => {
    const { input, data } = read(fixture('technote-format-squeezed-crlf-no-header.txt'));
    expect(input).toMatchObject({ kind: 'show mls entry', records: 2, warnings: [], command: 'sh mls entry' });
    expect(data!.flows.count).toBe(2);
  });
  it('is recognised by shape without the echo', () => {
    const body = fixture('technote-format-squeezed-crlf-no-header.txt').split('\n').slice(1, 5).join('\n');
    expect(read(body).input).toMatchObject({ kind: 'show mls entry', records: 2 });
  });
  it('U+00A0 variant gives the same facts', () => {
    const t = fixture('technote-format-full-flow.txt');
    const a = read(t).data!;
    const b = read(t.replace(/ /g, '\u00a0').replace(/\n/g, '\r\n')).data!;
    expect(Array.from(b.flows.src)).toEqual(Array.from(a.flows.src));
    expect(b.entries).toBe(a.entries);
  });
});

describe('show mls entry: the other CatOS layouts of the same table', () => {
  it('CatOS 8.x short form: "ESrc EDst SPort DPort", TCP*, Total Entries, after a `Console> (enable)` prompt', () => {
    const { input, data } = read(fixture('constructed-catos8-short-layout.txt'));
    expect(input).toMatchObject({ kind: 'show mls entry', records: 2, warnings: [], command: 'show mls entry ip short' });
    expect(data!.reportedEntries).toBe(2);
    const f = data!.flows;
    // SPort comes first in this layout: the source host sits on 4/1, the destination behind 15/1.
    expect([f.ifNames[f.srcIf[0]!], f.ifNames[f.dstIf[0]!], f.proto[0], f.dstPort[0], f.srcPort[0]]).toEqual(['4/1', '15/1', 6, 80, 3311]);
  });
  it('CatOS 5/6: "Dest-IP" header, "EDst ESrc DPort SPort", destination-only entries under an MSFC heading', () => {
    const { input, data } = read(fixture('constructed-catos5-edst-esrc-layout.txt'));
    expect(input).toMatchObject({ kind: 'show mls entry', records: 2, warnings: [] });
    expect(data).toMatchObject({ sourcesPresent: false, destinationOnlyLines: [7, 9], routers: [{ address: '20.1.1.1', line: 6 }] });
  });
});

describe('show mls entry: bad input', () => {
  it('warns with line numbers on a missing MAC, a missing counters line, an orphan counters line and junk', () => {
    const text = [
      'show mls entry',
      '75.246.253.88   20.1.145.49     TCP   80     3311   1000 ARPA',
      '169.187.190.170 20.1.145.49     TCP   80     3312   00-50-0f-2d-2c-01 1000 ARPA',
      '43.134.116.199  20.1.145.49     TCP   80     3313   00-50-0f-2d-2c-01 1000 ARPA',
      'ARPA 15/1      4/1       2          96          00:00:11 00:00:11',
      'ARPA 15/1      4/1       2          96          00:00:11 00:00:11',
      'nonsense',
    ].join('\n');
    const { input } = read(text);
    expect(input.records).toBe(1);
    expect(input.warnings.map((w) => w.line)).toEqual([2, 3, 6, 7]);
    expect(input.warnings[0]!.message).toMatch(/without a Destination-Mac/);
    expect(input.warnings[1]!.message).toMatch(/without its counters line/);
  });
});

it('reads the IOS-XE "Load for five secs" / "Time source is" banner as known lines', () => {
  const lines = fixture('technote-format-full-flow.txt').split('\n');
  lines.splice(1, 0, 'Load for five secs: 1%/0%; one minute: 1%; five minutes: 0%', 'Time source is NTP, 21:28:35.662 EST Mon May 11 2020');
  const d = diagnose([{ source: 'b', text: lines.join('\n') }]);
  expect(d.inputs[0]).toMatchObject({ kind: 'show mls entry', records: 7, warnings: [] });
});

describe('show mls entry: addresses masked by the poster (issue 13)', () => {
  it('the entry is counted and warned about, never a flow, and a hidden source is still a source', () => {
    const text = [
      '6500-sup(enable)show mls ent',
      'Destination-IP  Source-IP       Prot  DstPrt SrcPrt Destination-Mac   Vlan EDst',
      'ESrc DPort     SPort     Stat-Pkts  Stat-Bytes  Uptime   Age',
      '75.246.253.88   x.x.x.x         TCP   80     3311   00-50-0f-2d-2c-01 1000 ARPA',
      'ARPA 15/1      4/1       2          96          00:00:12 00:00:12',
    ].join('\n');
    const d = diagnoseDetailed([{ source: 'p', text }]);
    const s = d.sections[0] as SectionOf<'show mls entry'>;
    expect(d.diagnosis.inputs[0]!.records).toBe(1);
    expect(s.data.flows.count).toBe(0);
    expect(s.data).toMatchObject({ entries: 1, sourcesPresent: true, hiddenLines: [4], destinationOnlyLines: [] });
    expect(d.diagnosis.inputs[0]!.warnings).toEqual([{ line: 4, message: 'source address hidden by the poster ("x.x.x.x"): row read, address unknown' }]);
    expect(d.diagnosis.findings.map((f) => f.id)).not.toContain('mls-flowmask-hides-sources');
  });
});
