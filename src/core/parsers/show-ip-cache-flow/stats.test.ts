import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseDetailed } from '../../diagnose';
import { sectionsOf } from '../../sections';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const statsOf = (name: string, text = fixture(name)) => {
  const d = diagnoseDetailed([{ source: name, text }]);
  const s = [...sectionsOf(d.sections, 'show ip cache flow')];
  return { d, stats: s[0]?.data.stats };
};

describe('show ip cache flow statistics', () => {
  it('a stats-only paste (the protocol table alone, no echo) is recognised as show ip cache flow', () => {
    const { d, stats } = statsOf('stats-only-nachi-7500.txt');
    expect(d.diagnosis.inputs[0]).toMatchObject({ kind: 'show ip cache flow', records: 0 });
    expect(d.diagnosis.inputs[0]!.warnings).toEqual([{ line: 1, message: expect.stringMatching(/^no flow rows, only the statistics/) }]);
    expect(stats!.protocols).toEqual([
      { protocol: 'ICMP', totalFlows: 1376938, flowsPerSec: 15299.3, packetsPerFlow: 1, bytesPerPacket: 91, packetsPerSec: 15350.6, activeSecPerFlow: 0, idleSecPerFlow: 7.4, line: 3 },
    ]);
    expect(stats!.total).toMatchObject({ totalFlows: 1610198, flowsPerSec: 17891, packetsPerFlow: 2, bytesPerPacket: 223, line: 4 });
  });

  it('reads the size distribution, the cache counters and every protocol class', () => {
    const { stats } = statsOf('stats-only-smb-scan.txt');
    expect(stats!.sizeDistribution).toMatchObject({ totalPackets: 196113, line: 2 });
    expect(stats!.sizeDistribution!.shares).toMatchObject({ '64': 0.89, '96': 0.085, '1536': 0.004 });
    expect(stats!.counters).toEqual({ bytes: 278544, active: 3633, inactive: 463, added: 86349, agerPolls: 490470, allocFailures: 0, lastCleared: 'never', line: 8 });
    expect(stats!.protocols.map((p) => [p.protocol, p.totalFlows, p.packetsPerFlow, p.bytesPerPacket])).toEqual([
      ['TCP-WWW', 18, 2, 126],
      ['TCP-other', 81106, 2, 57],
      ['UDP-DNS', 1567, 7, 68],
      ['UDP-NTP', 2, 1, 76],
      ['UDP-other', 22, 73, 78],
      ['ICMP', 1, 1, 64],
    ]);
  });

  it('the sub flow cache counters do not overwrite the main cache\'s', () => {
    const { stats } = statsOf('dean-1.txt');
    expect(stats!.counters).toMatchObject({ bytes: 278544, active: 1, inactive: 4095, added: 1, agerPolls: 11, lastCleared: '00:06:13' });
    expect(stats!.protocols).toEqual([]);
  });

  it('every corpus capture with a protocol table reads it, rows and all', () => {
    expect(statsOf('ccna60d-1.txt').stats!.protocols.map((p) => p.protocol)).toEqual(['TCP-Telnet', 'TCP-WWW', 'UDP-NTP', 'UDP-other', 'ICMP']);
    expect(statsOf('echalkpad-1.txt').stats!.protocols.map((p) => p.protocol)).toEqual(['TCP-SKINNY']);
    expect(statsOf('marius-1.txt').stats!.protocols.map((p) => p.protocol)).toEqual(['UDP-other', 'ICMP']);
  });
});
