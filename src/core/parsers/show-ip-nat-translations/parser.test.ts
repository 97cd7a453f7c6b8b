// Tests for `show ip nat translations` on real captures: plain, static (---), verbose, TAB-typed, squeezed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseDetailed } from '../../diagnose';
import { sectionsOf } from '../../sections';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

function read(text: string) {
  const d = diagnoseDetailed([{ source: 'x.txt', text }]);
  return { input: d.diagnosis.inputs[0]!, inputs: d.diagnosis.inputs, data: sectionsOf(d.sections, 'show ip nat translations')[0]?.data };
}

describe('show ip nat translations: real captures', () => {
  // Peer counts from MANIFEST.tsv (marius-* and ccna60d-1 were counted by hand by the corpus author; rechecked).
  it.each([
    ['ntc-1.txt', 6, undefined],
    ['genie-1.txt', 3, 3],
    ['genie-2.txt', 3, 3],
    ['genie-3.txt', 3, 3],
    ['genie-4.txt', 2, 2],
    ['genie-5.txt', 3, 3],
    ['genie-6.txt', 3, 3],
    ['genie-7.txt', 1, undefined],
    ['genie-8.txt', 7, undefined],
    ['genie-9.txt', 5, 5],
    ['marius-1.txt', 7, undefined],
    ['marius-2.txt', 7, undefined],
    ['marius-3.txt', 2, undefined],
    ['ccna60d-1.txt', 3, undefined],
  ])('%s: %i rows, footer %s, nothing unread', (name, rows, total) => {
    const { input, inputs, data } = read(fixture(name));
    expect(inputs).toHaveLength(1);
    expect(input.kind).toBe('show ip nat translations');
    expect(input.records).toBe(rows);
    expect(data!.total).toBe(total);
    expect(input.warnings).toEqual([]);
  });

  it('ntc-1 (no echo, found by shape): icmp and static rows', () => {
    const { data } = read(fixture('ntc-1.txt'));
    expect(data!.translations[3]).toEqual({
      protocol: 'icmp', insideGlobal: '10.9.0.0:513', insideLocal: '10.1.0.2:512', outsideLocal: '10.2.0.2:512', outsideGlobal: '10.2.0.2:513', line: 5,
    });
    expect(data!.translations[5]).toEqual({
      protocol: '---', insideGlobal: '10.9.0.0', insideLocal: '10.1.0.2', outsideLocal: '---', outsideGlobal: '---', line: 8,
    });
  });

  it('ccna60d-1: TAB-separated re-typed rows read like aligned ones', () => {
    const { data } = read(fixture('ccna60d-1.txt'));
    expect(data!.translations.map((t) => [t.protocol, t.insideGlobal, t.insideLocal, t.line])).toEqual([
      ['icmp', '150.1.1.4:4', '10.5.5.1:4', 3],
      ['icmp', '150.1.1.3:1', '10.5.5.2:1', 4],
      ['tcp', '150.1.1.5:159', '10.5.5.3:159', 5],
    ]);
  });

  it('genie-3: indented rows and footer; genie-9: IOS-XE verbose details are skipped, footer on line 58', () => {
    expect(read(fixture('genie-3.txt')).data).toMatchObject({ total: 3, totalLine: 7 });
    const { data } = read(fixture('genie-9.txt'));
    expect(data!.totalLine).toBe(58);
    expect(data!.translations.map((t) => t.line)).toEqual([3, 14, 25, 36, 47]);
  });

  it('marius-3: an outside static entry has only outside addresses', () => {
    const { data } = read(fixture('marius-3.txt'));
    expect(data!.translations[0]).toMatchObject({ protocol: '---', insideGlobal: '---', outsideLocal: '10.123.4.2', outsideGlobal: '10.123.4.1', line: 3 });
  });

  it('genie-8 (vrf, squeezed columns): rows under both repeated headers', () => {
    const { data } = read(fixture('genie-8.txt'));
    expect(data!.translations.map((t) => t.line)).toEqual([4, 5, 6, 7, 8, 11, 12]);
  });
});

describe('show ip nat translations: wrapped rows', () => {
  it('joins a row a terminal cut at 80 columns, and reports it on its first line', () => {
    const row = 'tcp 100.100.100.100:10240 192.168.121.200:12600 192.168.210.200:12600 192.168.210.200:10240';
    // The cut falls inside the last address ("192.168.21" | "0.200:10240"), so the first piece cannot read alone.
    const { input, data } = read(`show ip nat translations\n${row.slice(0, 80)}\n${row.slice(80)}\ntcp 10.9.0.0:51776 10.1.0.2:51776 10.2.0.2:21 10.2.0.2:21\n`);
    expect(input).toMatchObject({ records: 2, warnings: [] });
    expect(data!.translations[0]).toMatchObject({ outsideGlobal: '192.168.210.200:10240', line: 2 });
    expect(data!.translations[1]!.line).toBe(4);
  });

  it('cannot know a row cut inside its last port was cut: the tail is reported, not silently dropped', () => {
    const row = 'icmp 100.100.100.100:1024 192.168.121.20:1260 192.168.21.20:1260 192.168.21.20:1024';
    const { input } = read(`show ip nat translations\n${row.slice(0, 80)}\n${row.slice(80)}\n`);
    expect(input.records).toBe(1);
    expect(input.warnings).toEqual([{ line: 3, message: 'line not understood: "024"' }]);
  });
});

describe('show ip nat translations: exec prompt timestamp', () => {
  it('knows the "Load for five secs" / "Time source is" lines printed above the output', () => {
    const { input } = read(['PE1#show ip nat translations', 'Load for five secs: 1%/0%; one minute: 1%; five minutes: 1%', 'Time source is NTP, 00:41:33.830 EST Thu Jun 20 2019', 'tcp 10.9.0.0:51776 10.1.0.2:51776 10.2.0.2:21 10.2.0.2:21'].join('\n'));
    expect(input).toMatchObject({ records: 1, warnings: [] });
  });
});

describe('show ip nat translations: bad input', () => {
  it('reports rows it cannot read, stray lines and a footer that disagrees, with line numbers', () => {
    const { input } = read([
      'Router#sh ip nat tr',
      'Pro Inside global      Inside local       Outside local      Outside global',
      'tcp 10.9.0.0:51776     10.1.0.2:51776     10.2.0.2:21        10.2.0.2:21',
      'tcp 10.9.0.300:51778   10.1.0.2:51778     10.2.0.2:21        10.2.0.2:21',
      'create 04/09/11 10:51:48, use 04/09/11 10:52:31, timeout: 00:01:00',
      'tcp 10.9.0.0:51779     10.1.0.2:51779     10.2.0.2:21',
      'Total number of translations: 4',
    ].join('\n'));
    expect(input).toMatchObject({ kind: 'show ip nat translations', records: 1 });
    expect(input.warnings.map((w) => w.line)).toEqual([4, 6, 7]);
    expect(input.warnings[2]!.message).toBe('the router counts 4 translations but 1 rows were read');
  });

  it('reads the IOS-XE "vrf NAME verbose" detail lines (Group_id / vrf, Time-left) under a row without warning', () => {
    const { input } = read([
      'GENIE-1(config)# show ip nat translations vrf genie verbose',
      'Pro Inside global      Inside local       Outside local      Outside global',
      'any ---                ---                10.1.0.2          10.144.0.2',
      '    Group_id:0   vrf: genie',
      '    Format(H:M:S) Time-left :0:0:-1',
    ].join('\n'));
    expect(input).toMatchObject({ kind: 'show ip nat translations', records: 1, warnings: [] });
  });

  it('does not accept verbose details before any row', () => {
    const { input } = read('show ip nat translations verbose\nentry-id: 0x0, use_count:1\n');
    expect(input.warnings.map((w) => w.line)).toEqual([2]);
  });
});

describe('show ip nat translations: field forms (issue 13)', () => {
  it('masked addresses with ports: the translation counted, masked columns empty and named in a warning', () => {
    const { input, data } = read('R1#show ip nat translations\nPro Inside global      Inside local       Outside local      Outside global\ntcp x.x.x.x:1029       10.1.0.1:1029      a.b.c.d:80         a.b.c.d:80\n');
    expect(input.records).toBe(1);
    expect(data!.translations[0]).toMatchObject({ protocol: 'tcp', insideGlobal: '', insideLocal: '10.1.0.1:1029', outsideLocal: '', outsideGlobal: '' });
    expect(input.warnings.map((w) => w.message)).toEqual([
      'inside global address hidden by the poster ("x.x.x.x:1029"): row read, address unknown',
      'outside local address hidden by the poster ("a.b.c.d:80"): row read, address unknown',
      'outside global address hidden by the poster ("a.b.c.d:80"): row read, address unknown',
    ]);
  });
});

describe('show ip nat translations: an address cut short by hand', () => {
  it('counts the row with the cut address unknown and warned, and still joins a terminal-wrapped row', () => {
    const { input, data } = read('show ip nat translations\nany ---                ---                10.1.2.21          120.1.211\n');
    expect(input.records).toBe(1);
    expect(data!.translations[0]).toMatchObject({ outsideLocal: '10.1.2.21', outsideGlobal: '' });
    expect(input.warnings).toEqual([{ line: 2, message: 'outside global address hidden by the poster ("120.1.211"): row read, address unknown' }]);
  });
});
