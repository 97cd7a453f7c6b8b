import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../../diagnose';
import type { SectionOf } from '../../sections';
import { intToIp } from '../../text/lines';

function read(text: string) {
  const dd = diagnoseDetailed([{ source: 't', text }]);
  const s = dd.sections.find((x) => x.kind === 'show ip cache flow') as SectionOf<'show ip cache flow'> | undefined;
  const input = dd.diagnosis.inputs.find((i) => i.kind === 'show ip cache flow');
  return { t: s?.data.flows, input, d: dd.diagnosis };
}

const HEADER = 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts';

describe('show ip cache flow: row variants', () => {
  it('reads rows with no header and no echo, by shape', () => {
    const { t, input } = read(['Vl1   10.1.1.1   Vl3   2.2.2.2   06 0F9F 0050   2', 'Vl1   10.1.1.1   Vl3   2.2.2.3   06 0FA0 0050   1', ''].join('\n'));
    expect(input).toMatchObject({ kind: 'show ip cache flow', records: 2 });
    expect(t!.dstPort[0]).toBe(80);
  });

  it('reads upper- and lower-case hex the same', () => {
    const { t } = read(['show ip cache flow', HEADER, 'Fa0/0 10.1.1.1 Se0 2.2.2.2 06 c0b3 01bb 7', 'Fa0/0 10.1.1.1 Se0 2.2.2.2 06 C0B3 01BB 7'].join('\n'));
    expect([t!.srcPort[0], t!.dstPort[0], t!.srcPort[1], t!.dstPort[1]]).toEqual([0xc0b3, 443, 0xc0b3, 443]);
  });

  it('reads an egress flow, whose DstIf IOS marks with "*", under the interface name without the mark', () => {
    const { t, input } = read(['show ip cache flow', HEADER, 'Fa0/1 10.155.20.122 Se0/0:0.101* 10.7.10.124 01 0000 0000 219', 'Fa0/0 10.1.1.1 Se0/0:0.101 2.2.2.2 06 C508 07D0 2'].join('\n'));
    expect(input).toMatchObject({ records: 2, warnings: [] });
    expect(t!.dstIf[0]).toBe(t!.dstIf[1]);
    expect(read(['show ip cache flow', HEADER, 'Fa0/1 10.1.1.1 Se0*0 2.2.2.2 01 0000 0000 1'].join('\n')).input!.records).toBe(0);
  });

  it('reads Pkts with a K or M suffix', () => {
    const { t } = read(['show ip cache flow', HEADER, 'Fa0/0 10.1.1.1 Se0 2.2.2.2 06 0400 0050 12K', 'Fa0/0 10.1.1.1 Se0 2.2.2.3 06 0400 0050 3M'].join('\n'));
    expect(Array.from(t!.packets)).toEqual([12000, 3000000]);
  });

  it('skips the IP Sub Flow Cache block of newer IOS and the protocol table', () => {
    const text = [
      'R1#show ip cache flow',
      'IP Sub Flow Cache, 34056 bytes',
      '  0 active, 1024 inactive, 0 added, 0 added to flow',
      '  0 alloc failures, 0 force free',
      '  1 chunk, 0 chunks added',
      'Protocol         Total    Flows   Packets Bytes  Packets Active(Sec) Idle(Sec)',
      '--------         Flows     /Sec     /Flow  /Pkt     /Sec     /Flow     /Flow',
      'TCP-WWW              2      0.0         9    93      0.0       0.1        1.5',
      HEADER,
      'Gi0/1         172.16.29.17    Gi0/2         8.8.4.4         06 C001 0050     3',
    ].join('\n');
    const { input, t } = read(text);
    expect(input).toMatchObject({ records: 1, warnings: [] });
    expect(t!.line[0]).toBe(10);
  });

  it('turns malformed rows into warnings with their line numbers, not flows', () => {
    const text = [
      'show ip cache flow',
      HEADER,
      'Vl1  300.1.1.1  Vl3  2.3.4.5  06 0F9F 0050 2',
      'Vl1  10.1.1.1  Vl3  2.3.4  06 0F9F 0050 2',
      'Vl1  10.1.1.1  Vl3  2.3.4.5  06 0FZZ 0050 2',
      'Vl1  10.1.1.1  Vl3  2.3.4.5  06 0F9F 0050 -4',
      'Vl1  10.1.1.1  Vl3  2.3.4.5  06 0F9F 0050 2x',
      'Vl1  10.1.1.1  Vl3  2.3.4.6  06 0F9F 0050 2',
    ].join('\n');
    const { input, t } = read(text);
    expect(input!.records).toBe(1);
    expect(t!.line[0]).toBe(8);
    expect(input!.warnings.map((w) => [w.line, w.message.split(':')[0]])).toEqual([
      [3, 'flow row with an invalid address'],
      [4, 'flow row with an invalid address'],
      [5, 'flow row with a protocol or port that is not hex'],
      [6, 'flow row with a packet count that is not a non-negative number'],
      [7, 'flow row with a packet count that is not a non-negative number'],
    ]);
  });

  it('reads `show ip cache verbose flow` two-line records: ports and bytes from the second line', () => {
    const text = [
      // Without its echo (which now goes to its own parser) the verbose layout is still read by this one.
      'SrcIf          SrcIPaddress    DstIf          DstIPaddress    Pr TOS Flgs  Pkts',
      'Port Msk AS                    Port Msk AS    NextHop              B/Pk  Active',
      'Et0/0          192.168.67.6    Et1/0.1        172.16.10.200   06 00  02        2',
      '0F9F /0  0                     0050 /0  0     0.0.0.0               48     0.0',
      'Et0/0          192.168.67.6    Et1/0.1        172.16.10.201   01 00  10       799',
      '0000 /0  0                     0C01 /0  0     0.0.0.0               28   258.1',
    ].join('\n');
    const { input, t } = read(text);
    expect(input).toMatchObject({ kind: 'show ip cache flow', records: 2, warnings: [] });
    expect([t!.proto[0], t!.srcPort[0], t!.dstPort[0], t!.packets[0], t!.bytes[0]]).toEqual([6, 0x0f9f, 80, 2, 96]);
    expect([t!.proto[1], t!.dstPort[1], t!.bytes[1]]).toEqual([1, 0x0c01, 799 * 28]);
    expect(intToIp(t!.dst[1]!)).toBe('172.16.10.201');
  });

  it('a capture with no flow rows gives no hosts and says why', () => {
    const d = diagnose([{ source: 'e', text: ['Router#show ip cache flow', 'IP Flow Switching Cache, 278544 bytes', '  0 active, 4096 inactive, 0 added', HEADER].join('\n') }]);
    expect(d.hosts).toEqual([]);
    expect(d.inputs[0]!.warnings).toEqual([{ line: 2, message: expect.stringMatching(/^no flow rows: the cache is empty/) }]);
  });
});
