// Tests for `show ip nat statistics` on real captures: totals, peak, interfaces (wrapped lists), mappings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseDetailed } from '../../diagnose';
import { sectionsOf } from '../../sections';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

function read(text: string) {
  const d = diagnoseDetailed([{ source: 'x.txt', text }]);
  return { input: d.diagnosis.inputs[0]!, inputs: d.diagnosis.inputs, data: sectionsOf(d.sections, 'show ip nat statistics')[0]?.data };
}

describe('show ip nat statistics: real captures', () => {
  // active_total from MANIFEST.tsv (genieparser), and the static/dynamic/extended split read off each capture.
  it.each([
    ['genie-1.txt', 3, 0, 3, 3],
    ['genie-2.txt', 2, 0, 2, 0],
    ['genie-3.txt', 0, 0, 0, 0],
    ['genie-4.txt', 3, 0, 3, 3],
    ['genie-5.txt', 0, 0, 0, 0],
    ['genie-6.txt', 3339, 0, 3339, 3339],
    ['genie-7.txt', 1, 0, 1, 1],
    ['genie-8.txt', 0, 0, 0, 0],
    ['genie-9.txt', 5, 0, 5, 5],
    ['genie-10.txt', 6, 1, 5, 5],
    ['genie-11.txt', 3001, 1, 3000, 1500],
  ])('%s: %i active (%i static, %i dynamic; %i extended), one record, nothing unread', (name, total, st, dyn, ext) => {
    const { input, inputs, data } = read(fixture(name));
    expect(inputs).toHaveLength(1);
    expect(input).toMatchObject({ kind: 'show ip nat statistics', records: 1, warnings: [] });
    expect(data).toMatchObject({ activeTotal: total, staticCount: st, dynamicCount: dyn, extendedCount: ext });
  });

  it('genie-4: interface lists wrapped over two lines each', () => {
    const { data } = read(fixture('genie-4.txt'));
    expect(data!.outsideInterfaces).toEqual(['TenGigabitEthernet2/0/0', 'TenGigabitEthernet2/1/0', 'TenGigabitEthernet2/2/0', 'TenGigabitEthernet2/3/0']);
    expect(data!.insideInterfaces).toEqual(['TenGigabitEthernet1/0/0', 'TenGigabitEthernet1/1/0', 'TenGigabitEthernet1/2/0', 'TenGigabitEthernet1/3/0']);
    expect(data!.mappings).toEqual([
      { text: '[Id: 1] access-list 102 pool mypool refcount 3', overload: false, line: 16, id: 1, acl: '102', pool: 'mypool', refcount: 3 },
    ]);
    expect(data).toMatchObject({ hits: 59230465, misses: 3, activeLine: 4 });
  });

  it('genie-2 (12.x "Total translations", interfaces on the same line, mapping without [Id])', () => {
    const { data } = read(fixture('genie-2.txt'));
    expect(data).toMatchObject({ outsideInterfaces: ['Serial0'], insideInterfaces: ['Ethernet1'], activeLine: 3 });
    expect(data!.mappings[0]).toMatchObject({ acl: '1', pool: 'net-208', refcount: 2, overload: false, line: 10 });
    expect(data!.mappings[0]!.id).toBeUndefined();
  });

  it('genie-6: peak 8114 on line 4', () => {
    expect(read(fixture('genie-6.txt')).data).toMatchObject({ peak: 8114, peakLine: 4, activeTotal: 3339 });
  });

  it('genie-7 and genie-10: a mapping onto an interface is PAT (overload); route-maps are read too', () => {
    expect(read(fixture('genie-7.txt')).data!.mappings).toEqual([
      { text: '[Id: 3] access-list 99 interface Serial0/0 refcount 1', overload: true, line: 13, id: 3, acl: '99', interface: 'Serial0/0', refcount: 1 },
    ]);
    const { data } = read(fixture('genie-10.txt'));
    expect(data!.mappings.map((m) => [m.id, m.routeMap ?? m.acl, m.pool ?? m.interface, m.overload])).toEqual([
      [1, 'NAT-MAP', 'inside-pool', false],
      [0, 'STATIC-MAP', 'genie-pool', false],
      [4, 'GENIE-MAP', undefined, false],
      [3, '99', 'Serial0/0', true],
    ]);
  });

  it('reads an explicit overload keyword', () => {
    const { data } = read('show ip nat statistics\nDynamic mappings:\n-- Inside Source\naccess-list 7 pool big overload refcount 20000\n');
    expect(data!.mappings[0]).toMatchObject({ acl: '7', pool: 'big', overload: true, refcount: 20000, line: 4 });
  });
});

describe('show ip nat statistics: exec prompt timestamp', () => {
  it('knows the "Load for five secs" / "Time source is" lines printed above the output', () => {
    const { input } = read(['PE1#show ip nat statistics', 'Load for five secs: 1%/0%; one minute: 1%; five minutes: 1%', 'Time source is NTP, 00:41:33.830 EST Thu Jun 20 2019', 'Total active translations: 3 (0 static, 3 dynamic; 3 extended)'].join('\n'));
    expect(input).toMatchObject({ records: 1, warnings: [] });
  });
});

describe('show ip nat statistics: bad input', () => {
  it('reports lines it does not know, with line numbers, and never throws', () => {
    const { input, data } = read([
      'r1#sh ip nat stat',
      'Total active translations: 25000 (0 static, 25000 dynamic; 25000 extended)',
      'Outside interfaces: !!',
      'Hits: many  Misses: 1',
      'Expired translations: 0',
    ].join('\n'));
    expect(data!.activeTotal).toBe(25000);
    expect(input.warnings.map((w) => w.line)).toEqual([3, 4]);
  });

  it('counts no record for an echo that printed only a console message before the command was typed again', () => {
    const { inputs } = read([
      'R15#show ip nat statistics ',
      'Aug  8 06:50:16.062: %IPRT-3-RIB_LOOP: Resolution loop formed by routes in RIB',
      'R15#show ip nat statistics   ',
      'Total active translations: 2 (1 static, 1 dynamic; 1 extended)',
      'Hits: 10  Misses: 0',
    ].join('\n'));
    expect(inputs.map((i) => [i.kind, i.records])).toEqual([
      ['show ip nat statistics', 0],
      ['show ip nat statistics', 1],
    ]);
    // The console line is not dropped silently.
    expect(inputs[0]!.warnings.map((w) => w.line)).toEqual([2]);
  });
});

describe('show ip nat statistics: a worm behind a 1720 (ccielab list, 2004: a real capture)', () => {
  it('reads the prompt of a hostname that starts with a digit as the echo, the masked pool line as known, 7254 translations', () => {
    const { input, data } = read(fixture('field/ccielab-1720-udp137-worm.txt'));
    expect(input).toMatchObject({ kind: 'show ip nat statistics', records: 1, warnings: [], command: 'sh ip nat st' });
    expect(data).toMatchObject({ activeTotal: 7254, staticCount: 3, dynamicCount: 7251, activeLine: 2 });
    expect(data!.mappings?.[0]).toMatchObject({ acl: '1', pool: 'serial0', refcount: 7251 });
  });
});
