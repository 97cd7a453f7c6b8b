import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../../diagnose';
import type { SectionOf } from '../../sections';
import { intToIp } from '../../text/lines';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
/** Parse a paste the way the app does (split at the echo) and return the first section's facts and summary. */
function read(text: string) {
  const s = diagnoseDetailed([{ source: 't', text }]).sections[0] as SectionOf<'show ip accounting'>;
  return { data: s.data, records: s.summary.records, warnings: s.summary.warnings };
}

describe('show ip accounting: the tech note sample', () => {
  const d = diagnose([{ source: 'seed.txt', text: fixture('seed.txt') }]);

  it('reads 16 rows with no warnings', () => {
    expect(d.inputs[0]).toMatchObject({ kind: 'show ip accounting', records: 16, warnings: [] });
  });

  it('keeps the row values: line 7 is 20.1.196.207 -> 20.1.1.11, 3 packets, 213 bytes', () => {
    const { data } = read(fixture('seed.txt'));
    const i = Array.from(data.flows.line).indexOf(7);
    expect(intToIp(data.flows.src[i]!)).toBe('20.1.196.207');
    expect(intToIp(data.flows.dst[i]!)).toBe('20.1.1.11');
    expect(data.flows.packets[i]).toBe(3);
    expect(data.flows.bytes[i]).toBe(213);
    expect(data.dataAge).toBeUndefined();
  });

  it('flags 20.1.145.49 and 20.1.104.194 and clears 20.1.196.207 and 20.1.81.88', () => {
    const v = Object.fromEntries(d.hosts.map((h) => [h.ip, h.verdict]));
    expect(v['20.1.145.49']).toBe('infected');
    expect(v['20.1.104.194']).toBe('infected');
    expect(v['20.1.196.207']).toBe('clean');
    expect(v['20.1.81.88']).toBe('clean');
  });
});

describe('show ip accounting: constructed variants', () => {
  it('checkpoint: 4 rows, the data age and the threshold line, trailing prompt', () => {
    const d = diagnose([{ source: 'c.txt', text: fixture('technote-format-checkpoint-age-threshold.txt') }]);
    expect(d.inputs[0]).toMatchObject({ kind: 'show ip accounting', records: 4, warnings: [] });
    const { data } = read(fixture('technote-format-checkpoint-age-threshold.txt'));
    expect(data.dataAge).toBe('1w2d');
    expect(data.dataAgeLine).toBe(8);
    expect(data.thresholdExceeded).toEqual({ packets: 7, bytes: 433, line: 9 });
  });

  it('access-violations with CRLF: 2 rows denied by ACL 150, age 00:12:45', () => {
    const text = fixture('technote-format-access-violations-crlf.txt');
    expect(text).toContain('\r\n');
    const d = diagnose([{ source: 'v.txt', text }]);
    expect(d.inputs[0]).toMatchObject({ kind: 'show ip accounting', records: 2, warnings: [] });
    const { data } = read(text);
    expect(data.deniedByAcl).toEqual([{ acl: '150', line: 3 }, { acl: '150', line: 4 }]);
    expect(data.dataAge).toBe('00:12:45');
  });

  it('`| include` output squeezed to single spaces, no header: 3 rows', () => {
    const d = diagnose([{ source: 'i.txt', text: fixture('technote-format-include-squeezed.txt') }]);
    expect(d.inputs[0]).toMatchObject({ kind: 'show ip accounting', records: 3, warnings: [], command: 'sh ip acc | i 20.1.145' });
  });

  it('recognises rows by shape when no command was echoed', () => {
    const body = fixture('seed.txt').split('\n').slice(2).join('\n');
    const d = diagnose([{ source: 'rows.txt', text: body }]);
    expect(d.inputs[0]).toMatchObject({ kind: 'show ip accounting', records: 16 });
  });

  it('U+00A0 and CRLF variants parse to the same facts', () => {
    const base = read(fixture('seed.txt'));
    const odd = read(fixture('seed.txt').replace(/ /g, '\u00a0').replace(/\n/g, '\r\n'));
    expect(odd.records).toBe(base.records);
    expect(Array.from(odd.data.flows.src)).toEqual(Array.from(base.data.flows.src));
    expect(odd.warnings).toEqual([]);
  });
});

describe('show ip accounting: the other lines IOS prints', () => {
  it('the access-violations threshold line and the cleared-midway notice', () => {
    const { data, warnings, records } = read(
      'show ip accounting access-violations\n 20.1.145.49      75.246.253.88     2     96    150\n\n% IP accounting data cleared or checkpointed\nAccounting threshold exceeded for 12 packets violating access list(s)\n',
    );
    expect(warnings).toEqual([]);
    expect(records).toBe(1);
    expect(data.interruptedLine).toBe(4);
    expect(data.violationsThresholdExceeded).toEqual({ packets: 12, line: 5 });
  });
});

describe('show ip accounting: bad input', () => {
  it('warns with line numbers on junk, bad addresses and impossible byte counts, and keeps the good rows', () => {
    const text = [
      'show ip accounting',
      '   Source           Destination              Packets               Bytes',
      ' 20.1.145.49      75.246.253.88      2      96',
      ' 20.1.145.49      300.1.1.1          2      96',
      ' 20.1.145.49      75.246.253.89      9      96',
      'garbage here',
      'Accounting data age is',
    ].join('\n');
    const r = read(text);
    expect(r.records).toBe(1);
    expect(r.warnings.map((w) => w.line)).toEqual([4, 5, 6, 7]);
    expect(r.warnings[0]!.message).toMatch(/invalid address/);
    expect(r.warnings[1]!.message).toMatch(/fewer bytes/);
    expect(r.warnings[2]!.message).toContain('garbage here');
  });
});

describe('show ip accounting: an address broken by a space in a forum paste', () => {
  const text = [
    ' router#sh ip accounting output-packets ',
    ' Source Destination Packets Bytes ',
    ' 192.1.1.110 192.1.1.97 5 500 ',
    ' 172.17.246. 128 192.1.1.110 8 704 ',
    ' Accounting data age is 2d23h ',
  ].join('\n');

  it('rejoins "172.17.246. 128" into 172.17.246.128, keeps the row and says so on its line', () => {
    const r = read(text);
    expect(r.records).toBe(2);
    expect(Array.from(r.data.flows.src.slice(0, 2), (a) => intToIp(a))).toEqual(['192.1.1.110', '172.17.246.128']);
    expect(r.warnings).toEqual([{ line: 4, message: 'source address broken by a space ("172.17.246. 128"), read as 172.17.246.128' }]);
  });

  it('still refuses a space that is not right after a dot, and a value out of range once rejoined', () => {
    const r = read([' Source Destination Packets Bytes', ' 172.17.246 .128 192.1.1.110 8 704', ' 172.17.246. 328 192.1.1.110 8 704'].join('\n'));
    expect(r.records).toBe(0);
    expect(r.warnings.map((w) => w.line)).toEqual([2, 3]);
  });
});

it('reads the IOS-XE "Load for five secs" / "Time source is" banner as known lines', () => {
  const lines = fixture('seed.txt').split('\n');
  lines.splice(1, 0, 'Load for five secs: 1%/0%; one minute: 1%; five minutes: 0%', 'Time source is NTP, 21:28:35.662 EST Mon May 11 2020');
  const d = diagnose([{ source: 'b', text: lines.join('\n') }]);
  expect(d.inputs[0]).toMatchObject({ kind: 'show ip accounting', records: 16, warnings: [] });
});

describe('show ip accounting: field pastes (issue 13, fixtures/NOTES.md)', () => {
  it('a blog paste with single blanks: 2 rows, no warning', () => {
    const { data, records, warnings } = read(fixture('field-nyquist-squeezed.txt'));
    expect([records, warnings]).toEqual([2, []]);
    expect(Array.from(data.flows.packets)).toEqual([915, 80]);
  });

  it('a source masked by the poster: the row counted with its counts, kept out of the flow table, warned', () => {
    const { data, records, warnings } = read('R1#sh ip accounting\n Source Destination Packets Bytes\n X.X.X.X   10.1.1.1   3   144\n 10.1.1.2  10.1.1.1   1   48\n');
    expect(records).toBe(2);
    expect(data.flows.count).toBe(1);
    expect(data.hidden).toEqual([{ line: 3, hidden: [{ field: 'source address', posted: 'X.X.X.X' }], dst: 167837953, packets: 3, bytes: 144 }]);
    expect(warnings).toEqual([{ line: 3, message: 'source address hidden by the poster ("X.X.X.X"): row read, address unknown' }]);
  });

  it('Packets run into Bytes: one cut an IP packet allows is taken, several leave the row apart with a warning', () => {
    const one = read('R1#sh ip accounting\n 10.1.1.2  10.1.1.1   148\n');
    expect([one.records, Array.from(one.data.flows.packets), Array.from(one.data.flows.bytes), one.warnings]).toEqual([1, [1], [48], []]);
    const many = read('R1#sh ip accounting\n 10.1.1.2  10.1.1.1   162560\n');
    expect([many.records, many.data.flows.count, many.warnings.map((w) => w.message)]).toEqual([
      1, 0, ['packets and bytes ran together, left unknown (the row is not used for host verdicts)'],
    ]);
  });
});
