import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../../diagnose';
import type { SectionOf } from '../../sections';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
function read(text: string) {
  const d = diagnoseDetailed([{ source: 't', text }]);
  const s = d.sections[0] as SectionOf<'show ip cache' | 'show ip cache verbose'> | undefined;
  return { input: d.diagnosis.inputs[0]!, data: s?.data };
}

const HEADER_FACTS = {
  entries: 2,
  bytes: 332,
  summaryLine: 2,
  adds: 27,
  invalidates: 25,
  refcounts: 0,
  countersLine: 3,
  ager: { divisor: 25, intervalSeconds: 60, lowMemoryDivisor: 5, line: 4 },
  invalidation: { minSeconds: 2, maxSeconds: 5, quietSeconds: 3, thresholdRequests: 0, line: 5 },
  invalidationRate: { lastSecond: 0, lastPeriod: 0, periodSeconds: 3, line: 7 },
};

describe('show ip cache: the tech note sample', () => {
  const { input, data } = read(fixture('seed.txt'));
  it('reads the counters, the ager (ip cache-ager 60 5 25) and the last invalidation', () => {
    expect(input).toMatchObject({ kind: 'show ip cache', records: 2, warnings: [] });
    expect(data).toMatchObject({ verbose: false, lastFullInvalidation: '03:55:12', ...HEADER_FACTS });
  });
  it('reads the two prefixes', () => {
    expect(data!.prefixes).toEqual([
      { prefix: '4.4.4.1', length: 32, age: '03:44:53', interface: 'Serial1', nextHop: '4.4.4.1', line: 11 },
      { prefix: '192.168.9.0', length: 24, age: '00:03:15', interface: 'Ethernet1', nextHop: '20.4.4.1', line: 12 },
    ]);
  });
});

describe('show ip cache verbose: the tech note sample, table run together on one line', () => {
  const { input, data } = read(fixture('seed-verbose.txt'));
  it('reads both prefixes and their MAC headers from line 10', () => {
    expect(input).toMatchObject({ kind: 'show ip cache verbose', records: 2, warnings: [] });
    expect(data).toMatchObject({ verbose: true, lastFullInvalidation: '03:57:31', ...HEADER_FACTS });
    expect(data!.prefixes).toEqual([
      { prefix: '4.4.4.1', length: 32, cacheMaskLength: 24, age: '03:47:13', interface: 'Serial1', nextHop: '4.4.4.1', macHeaderLength: 4, macHeader: '0F000800', line: 10 },
      {
        prefix: '192.168.9.0', length: 24, cacheMaskLength: 0, age: '00:05:35', interface: 'Ethernet1', nextHop: '20.4.4.1',
        macHeaderLength: 14, macHeader: '00000C34A7FC00000C13DBA90800', line: 10,
      },
    ]);
  });
  it('the device column layout (two lines per entry) gives the same prefixes, on lines 11 and 13', () => {
    const cols = read(fixture('technote-format-verbose-columns.txt'));
    expect(cols.input).toMatchObject({ kind: 'show ip cache verbose', records: 2, warnings: [] });
    expect(cols.data!.prefixes.map((p) => ({ ...p, line: 0 }))).toEqual(data!.prefixes.map((p) => ({ ...p, line: 0 })));
    expect(cols.data!.prefixes.map((p) => p.line)).toEqual([11, 13]);
  });
  it('is told from plain `show ip cache` by its MAC headers when no command was echoed', () => {
    const strip = (t: string) => t.split('\n').slice(1).join('\n');
    expect(read(strip(fixture('technote-format-verbose-columns.txt'))).input.kind).toBe('show ip cache verbose');
    expect(read(strip(fixture('seed.txt'))).input.kind).toBe('show ip cache');
  });
});

describe('show ip cache: constructed variants', () => {
  it('`| include` rows with CRLF and no header: 2 prefixes, day-form age', () => {
    const { input, data } = read(fixture('technote-format-include-crlf.txt'));
    expect(input).toMatchObject({ kind: 'show ip cache', records: 2, warnings: [], command: 'sh ip cache | i Ethernet' });
    expect(data!.prefixes[1]).toMatchObject({ prefix: '10.20.0.0', length: 16, age: '1d02h', interface: 'Ethernet0' });
  });
  it('the "IP routing cache version N," form', () => {
    const { input, data } = read('show ip cache\nIP routing cache version 4490, 141 entries, 20772 bytes\n');
    expect(input.warnings).toEqual([]);
    expect(data).toMatchObject({ entries: 141, bytes: 20772, summaryLine: 2 });
  });
  it('the switching-path paper layout: hash overflows, "in last 7 seconds", a "MAC Header" column without lengths', () => {
    const { input, data } = read(
      [
        'Router# show ip cache',
        'IP routing cache version 4490, 141 entries, 20772 bytes, 0 hash overflows',
        'Minimum invalidation interval 2 seconds, maximum interval 5 seconds',
        'Invalidation rate 0 in last 7 seconds, 0 in last 3 seconds',
        '',
        'Prefix/Length      Age      Interface      MAC Header',
        '192.168.1.1/32    0:01:09   Ethernet0/0    AA00000010C13400000C0357430800',
        '192.168.1.0/24    0:00:21   Ethernet1/2    00000026C600000C0357400800',
      ].join('\n'),
    );
    expect(input).toMatchObject({ records: 2, warnings: [] });
    expect(data).toMatchObject({ entries: 141, bytes: 20772, invalidationRate: { lastSecond: 0, lastPeriod: 0, periodSeconds: 3 } });
    expect(data!.prefixes[0]).toMatchObject({ prefix: '192.168.1.1', age: '0:01:09', interface: 'Ethernet0/0', nextHop: '', macHeaderLength: 15 });
    expect(data!.prefixes[1]).toMatchObject({ macHeader: '00000026C600000C0357400800', macHeaderLength: 13 });
  });
  it('a short or odd hex word after the interface is not taken for a MAC header', () => {
    const { input } = read(['show ip cache', 'Prefix/Length  Age  Interface  Next Hop', '10.0.0.0/8  00:00:01  Ethernet0  ABCDEF', '10.1.0.0/16  00:00:01  Ethernet0  ABCDEF0123456'].join('\n'));
    expect(input.records).toBe(2);
    expect(input.warnings.map((w) => w.line)).toEqual([3, 4]);
  });
  it('U+00A0 variant of the seed gives the same facts', () => {
    expect(read(fixture('seed.txt').replace(/ /g, '\u00a0')).data).toEqual(read(fixture('seed.txt')).data);
  });
});

describe('show ip cache: lines IOS prints in other states', () => {
  it('ager disabled, pending invalidation, entries waiting, short rate line, no next hop, ISL and wrapped MAC headers', () => {
    const text = [
      'show ip cache verbose',
      'IP routing cache 3 entries, 600 bytes',
      '   10 adds, 7 invalidates, 1 refcounts',
      '   2 invalidated entries waiting for flow cache',
      'Cache ager disabled by user configuration',
      'Invalidation rate 4 in last second',
      'Cache invalidation for all interfaces pending for 2 seconds',
      'Prefix/Length       Age       Interface       Next Hop',
      '10.1.1.0/24-24          00:00:39  Ethernet0',
      '           14        0000.0C00.0001',
      '10.2.2.0/24-16          1d02h     Ethernet1.2     10.2.2.1',
      '                  ISL  30 AAAA0300',
      '10.3.3.0/24-24          00:01:02  Fddi0           10.3.3.1',
      '                       26 ' + 'AB'.repeat(24),
      '                       0A0B',
    ].join('\n');
    const { input, data } = read(text);
    expect(input.warnings.map((w) => w.line)).toEqual([10]);
    expect(data).toMatchObject({
      waitingForFlowCache: 2,
      agerDisabledLine: 5,
      invalidationRate: { lastSecond: 4, line: 6 },
      pendingInvalidation: { target: 'all interfaces', seconds: 2, line: 7 },
    });
    // Line 10's dotted MAC is not the hex IOS prints, so the entry is read without it and the line reported.
    expect(data!.prefixes[0]).toEqual({ prefix: '10.1.1.0', length: 24, cacheMaskLength: 24, age: '00:00:39', interface: 'Ethernet0', nextHop: '', line: 9 });
    // ISL entries print the bytes after the 26-byte ISL header: 30 - 26 = 4 bytes.
    expect(data!.prefixes[1]).toMatchObject({ nextHop: '10.2.2.1', macType: 'ISL', macHeaderLength: 30, macHeader: 'AAAA0300', line: 11 });
    // 26 bytes wrap after 24: the header is read across lines 14 and 15.
    expect(data!.prefixes[2]).toMatchObject({ interface: 'Fddi0', macHeaderLength: 26, macHeader: `${'AB'.repeat(24)}0A0B`, line: 13 });
    expect(input.records).toBe(3);
  });
});

describe('show ip cache: bad input', () => {
  it('warns on lines that are not prefix entries, with their numbers, and keeps the good entries', () => {
    const text = [
      'show ip cache',
      'IP routing cache 3 entries, 500 bytes',
      'Prefix/Length          Age    Interface     Next Hop',
      '4.4.4.1/32        03:44:53    Serial1       4.4.4.1',
      '999.1.1.0/24      00:03:15    Ethernet1    20.4.4.1',
      '10.0.0.0/8        99:99    Ethernet1    20.4.4.1',
      'Cache aged by sometimes',
    ].join('\n');
    const { input, data } = read(text);
    expect(input.records).toBe(1);
    expect(data!.entries).toBe(3);
    expect(input.warnings.map((w) => w.line)).toEqual([5, 6, 7]);
    expect(input.warnings[2]!.message).toContain('Cache aged by sometimes');
  });
});

it('reads the IOS-XE "Load for five secs" / "Time source is" banner as known lines', () => {
  const lines = fixture('seed.txt').split('\n');
  lines.splice(1, 0, 'Load for five secs: 1%/0%; one minute: 1%; five minutes: 0%', 'Time source is NTP, 21:28:35.662 EST Mon May 11 2020');
  const d = diagnose([{ source: 'b', text: lines.join('\n') }]);
  expect(d.inputs[0]).toMatchObject({ kind: 'show ip cache', records: 2, warnings: [] });
});
