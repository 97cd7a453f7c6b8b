import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../../diagnose';
import type { SectionOf } from '../../sections';
import { intToIp } from '../../text/lines';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
function read(text: string) {
  const d = diagnoseDetailed([{ source: 't', text }]);
  const s = d.sections[0] as SectionOf<'show mls ip'> | undefined;
  return { input: d.diagnosis.inputs[0]!, data: s?.data, diagnosis: d.diagnosis };
}

describe('show mls ip: full flow mask (constructed from the note layout)', () => {
  const { input, data, diagnosis } = read(fixture('technote-format-full-flow.txt'));
  it('reads 8 two-line entries under the note header, sources present', () => {
    expect(input).toMatchObject({ kind: 'show mls ip', records: 8, warnings: [], command: 'show mls ip' });
    expect(data).toMatchObject({ entries: 8, sourcesPresent: true, destinationOnlyLines: [] });
    expect(data!.flows.count).toBe(8);
  });
  it('maps names and numbers alike: line 6 "tcp :3311 :www", line 10 "6 :3313 :80", line 20 udp domain', () => {
    const f = data!.flows;
    const at = (line: number) => Array.from(f.line).indexOf(line);
    const a = at(6);
    expect([intToIp(f.src[a]!), intToIp(f.dst[a]!), f.proto[a], f.srcPort[a], f.dstPort[a], f.packets[a], f.bytes[a]]).toEqual([
      '20.1.145.49', '75.246.253.88', 6, 3311, 80, 2, 96,
    ]);
    expect([f.proto[at(10)], f.dstPort[at(10)]]).toEqual([6, 80]);
    expect([f.proto[at(20)], f.dstPort[at(20)], f.bytes[at(20)]]).toEqual([17, 53, 74]);
  });
  it('source interface from SrcDstPorts, destination from Dst i/f (spaces around the comma on line 19)', () => {
    const f = data!.flows;
    const i = Array.from(f.line).indexOf(18);
    expect([f.ifNames[f.srcIf[i]!], f.ifNames[f.dstIf[i]!]]).toEqual(['Fa4/3', 'Vl10']);
  });
  it('feeds the fan-out: 20.1.145.49 scans port 80 from Fa4/1', () => {
    expect(diagnosis.hosts.find((h) => h.ip === '20.1.145.49')).toMatchObject({ flows: 6, destinations: 6, port80Flows: 6, interface: 'Fa4/1' });
  });
  it('is recognised by shape with the echo and headers removed', () => {
    const body = fixture('technote-format-full-flow.txt').split('\n').slice(5).join('\n');
    expect(read(body).input).toMatchObject({ kind: 'show mls ip', records: 8 });
  });
});

describe('show mls ip: destination-only flow mask', () => {
  it('0.0.0.0 sources: 3 entries, sourcesPresent false, their first lines listed, no flows', () => {
    const { input, data } = read(fixture('technote-format-destination-only.txt'));
    expect(input).toMatchObject({ kind: 'show mls ip', records: 3, warnings: [] });
    expect(data).toMatchObject({ entries: 3, sourcesPresent: false, destinationOnlyLines: [6, 8, 10] });
    expect(data!.flows.count).toBe(0);
  });
  it('"-" and blank sources, squeezed columns, CRLF, no rule lines', () => {
    const { input, data } = read(fixture('technote-format-blank-source-squeezed-crlf.txt'));
    expect(input).toMatchObject({ kind: 'show mls ip', records: 2, warnings: [] });
    expect(data).toMatchObject({ sourcesPresent: false, destinationOnlyLines: [4, 6] });
  });
  it('an empty table (header only) does not claim sources are missing', () => {
    const header = fixture('technote-format-full-flow.txt').split('\n').slice(0, 5).join('\n');
    expect(read(header).data).toMatchObject({ entries: 0, sourcesPresent: true, destinationOnlyLines: [] });
  });
  it('U+00A0 variant gives the same facts', () => {
    const t = fixture('technote-format-full-flow.txt');
    const a = read(t).data!;
    const b = read(t.replace(/ /g, '\u00a0')).data!;
    expect(Array.from(b.flows.dst)).toEqual(Array.from(a.flows.dst));
    expect(b.entries).toBe(a.entries);
  });
});

describe('show mls ip on a hybrid (CatOS) supervisor: the summary, not entries', () => {
  it('reads the flow mask and the entry count, and every line', () => {
    const { input, data } = read(fixture('constructed-catos-summary.txt'));
    expect(input).toMatchObject({ kind: 'show mls ip', records: 0, warnings: [], command: 'show mls ip' });
    expect(data).toMatchObject({ entries: 0, reportedEntries: 87, flowMask: { mask: 'Destination flow', line: 4 } });
  });
});

describe('show mls ip: native IOS on Sup2/Sup720 ("Displaying Netflow entries in Supervisor Earl")', () => {
  it('the configuration guide\'s destination-only entry, its counters under their own heading: 1 entry, no flow', () => {
    const { input, data } = read(
      [
        'Router# show mls ip  ',
        'Displaying Netflow entries in Supervisor Earl',
        'DstIP SrcIP Prot:SrcPort:DstPort Src i/f:AdjPtr ',
        '--------------------------------------------------------------------',
        '200.2.5.3 0.0.0.0 0 :0 :0 0 : 0  ',
        'Pkts Bytes Age LastSeen Attributes ',
        '---------------------------------------------------',
        '0 0 1 01:52:25 L3 - Dynamic',
      ].join('\n'),
    );
    expect(input).toMatchObject({ kind: 'show mls ip', records: 1, warnings: [] });
    expect(data).toMatchObject({ entries: 1, sourcesPresent: false, destinationOnlyLines: [5] });
    expect(data!.flows.count).toBe(0);
  });

  it('both headings first, then entry and counters pairs: the source interface comes from Src i/f', () => {
    const { input, data } = read(
      [
        'Displaying Netflow entries in Supervisor Earl',
        'DstIP           SrcIP           Prot:SrcPort:DstPort  Src i/f         :AdjPtr',
        '-----------------------------------------------------------------------------',
        'Pkts         Bytes         Age   LastSeen  Attributes',
        '---------------------------------------------------',
        '10.1.1.2        10.1.1.1        tcp :1024  :80        Gi1/1           :0x2A',
        '1            46            5     13:53:30  L3 - Dynamic',
        '10.1.1.3        10.1.1.1        udp :1025  :53        Vl10            : 0',
        '2            120           3     13:53:32  L3 - Dynamic',
      ].join('\n'),
    );
    expect(input).toMatchObject({ kind: 'show mls ip', records: 2, warnings: [] });
    const f = data!.flows;
    expect([intToIp(f.src[0]!), intToIp(f.dst[0]!), f.proto[0], f.srcPort[0], f.dstPort[0], f.packets[0], f.bytes[0]]).toEqual([
      '10.1.1.1', '10.1.1.2', 6, 1024, 80, 1, 46,
    ]);
    expect([f.proto[1], f.dstPort[1], f.packets[1], f.bytes[1]]).toEqual([17, 53, 2, 120]);
    expect([f.ifNames[f.srcIf[0]!], f.ifNames[f.srcIf[1]!]]).toEqual(['Gi1/1', 'Vl10']);
  });

  it('an entry whose counters never come is still reported, headings in between or not', () => {
    const { input } = read(['show mls ip', 'Displaying Netflow entries in Supervisor Earl', '10.1.1.2 10.1.1.1 tcp :1024 :80 Gi1/1 :0x0', 'Pkts Bytes Age LastSeen Attributes', ''].join('\n'));
    expect(input.records).toBe(0);
    expect(input.warnings.map((w) => [w.line, w.message.split(':')[0]])).toEqual([[3, 'MLS entry without its counters line']]);
  });
});

describe('show mls ip: bad input', () => {
  it('warns on an entry without counters, orphan counters, unknown names and junk, with line numbers', () => {
    const text = [
      'show mls ip',
      '75.246.253.88   20.1.145.49     tcp :3311  :www       Vl1000:0050.0f2d.2c01',
      '20.1.1.11       20.1.81.88      tcp :1062  :www       Vl10  :00e0.4fac.b3ff',
      '38           21840       Fa4/3,Fa4/4    ARPA,ARPA   30    11:47:02',
      '1            48          Fa4/1,Fa4/2    ARPA,ARPA   12    11:47:08',
      '20.1.1.12       20.1.81.88      xyz :1062  :www       Vl10  :00e0.4fac.b3ff',
      'Number of Entries Found = 3',
      'the end',
    ].join('\n');
    const { input, data } = read(text);
    expect(input.records).toBe(1);
    expect(data!.reportedEntries).toBe(3);
    expect(input.warnings.map((w) => w.line)).toEqual([2, 5, 6, 8]);
    expect(input.warnings[0]!.message).toMatch(/without its counters line/);
    expect(input.warnings[2]!.message).toMatch(/not known/);
  });
});

it('reads the IOS-XE "Load for five secs" / "Time source is" banner as known lines', () => {
  const lines = fixture('technote-format-full-flow.txt').split('\n');
  lines.splice(1, 0, 'Load for five secs: 1%/0%; one minute: 1%; five minutes: 0%', 'Time source is NTP, 21:28:35.662 EST Mon May 11 2020');
  const d = diagnose([{ source: 'b', text: lines.join('\n') }]);
  expect(d.inputs[0]).toMatchObject({ kind: 'show mls ip', records: 8, warnings: [] });
});

describe('show mls ip: Sup2 native Supervisor EARL blocks (constructed from the documented layout)', () => {
  const { input, data, diagnosis } = read(fixture('constructed-sup2-earl-blocks.txt'));
  it('reads the 5 two-part entries as flows with sources', () => {
    expect(input).toMatchObject({ kind: 'show mls ip', records: 5, warnings: [] });
    expect(data).toMatchObject({ entries: 5, sourcesPresent: true });
    expect(diagnosis.hosts[0]).toMatchObject({ ip: '20.1.145.49', flows: 5, verdict: 'infected', interface: 'Vl1000' });
  });
  it('with a destination-only mask the finding keeps the native remedy (mls flow ip full)', () => {
    const text = fixture('constructed-sup2-earl-blocks.txt').replace(/20\.1\.145\.49   /g, '0.0.0.0        ').replace(/tcp :\d+ +:www +Vl1000 +:0x0/g, '0   :0      :0         --              :0x0');
    const d = diagnose([{ source: 's', text }]);
    expect(d.hosts).toEqual([]);
    expect(d.findings.find((f) => f.id === 'mls-flowmask-hides-sources')!.remedy.commands).toEqual(['mls flow ip full']);
  });
});
