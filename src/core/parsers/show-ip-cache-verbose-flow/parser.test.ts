// show ip cache verbose flow: two-line records with ToS, flags, bytes per packet and time active.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../../diagnose';
import type { SectionOf } from '../../sections';
import { intToIp } from '../../text/lines';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
function read(text: string) {
  const d = diagnoseDetailed([{ source: 't', text }]);
  const s = d.sections.find((x) => x.kind === 'show ip cache verbose flow') as SectionOf<'show ip cache verbose flow'> | undefined;
  return { input: d.diagnosis.inputs[0]!, data: s?.data, hosts: d.diagnosis.hosts };
}

describe('show ip cache verbose flow (constructed from the documented layout)', () => {
  const { input, data, hosts } = read(fixture('constructed-cmdref-layout.txt'));

  it('reads 5 two-line records past the statistics blocks and the 12.3+ extra lines, without warnings', () => {
    expect(input).toMatchObject({ kind: 'show ip cache verbose flow', records: 5, warnings: [] });
  });

  it('keeps ToS, flags, bytes per packet and time active beside each flow', () => {
    const d = data!.details!;
    expect({ tos: [...d.tos], flags: [...d.flags], bytesPerPacket: [...d.bytesPerPacket], active: [...d.active], nextHop: d.nextHop }).toEqual({
      tos: [0x80, 0x80, 0, 0, 0],
      flags: [0, 0, 0x10, 2, 2],
      bytesPerPacket: [40, 40, 28, 48, 48],
      active: [281.4, 281.4, 258.1, 1.1, 0],
      nextHop: ['0.0.0.0', '0.0.0.0', '0.0.0.0', '10.1.1.1', '10.1.1.1'],
    });
    const f = data!.flows;
    expect([intToIp(f.src[2]!), f.proto[2], f.dstPort[2], f.packets[2], f.bytes[2], f.line[2]]).toEqual(['192.168.67.6', 1, 0x0c01, 799, 799 * 28, 31]);
  });

  it('feeds the same fan-out: 10.1.1.66 has two failed TCP/80 first contacts', () => {
    expect(hosts.find((h) => h.ip === '10.1.1.66')).toMatchObject({ flows: 2, port80Flows: 2, failedFlows: 2, interface: 'Et0/0' });
  });

  it('without the echo, the statistics blocks make it show ip cache flow, which reads the same 5 flows', () => {
    const body = fixture('constructed-cmdref-layout.txt').split('\n').slice(1).join('\n');
    expect(diagnose([{ source: 'x', text: body }]).inputs.map((i) => [i.kind, i.records])).toEqual([['show ip cache flow', 5]]);
    // The show ip cache flow parser claims the verbose header too (it reads both layouts): the echo decides.
  });

  it('a first line without its second is reported, the flow kept without ports', () => {
    const text = ['R#sh ip cache verbose flow', 'SrcIf          SrcIPaddress    DstIf          DstIPaddress    Pr TOS Flgs  Pkts', 'Et0/0          10.1.1.66       Et1/0          63.145.2.9      06 00  02       2'].join('\n');
    const r = read(text);
    expect(r.input.warnings).toEqual([{ line: 3, message: 'verbose flow record without its ports line: ports unknown' }]);
    expect(r.data!.flows.dstPort[0]).toBe(-1);
  });
});
