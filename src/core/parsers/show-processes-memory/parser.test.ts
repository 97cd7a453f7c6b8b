import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseDetailed } from '../../diagnose';
import type { SectionOf } from '../../sections';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
function read(text: string) {
  const d = diagnoseDetailed([{ source: 't', text }]);
  const s = d.sections[0] as SectionOf<'show processes memory'> | undefined;
  return { input: d.diagnosis.inputs[0]!, data: s?.data };
}

describe('show processes memory: the tech note `| include` samples (U+00A0, Router> prompt)', () => {
  it('BGP: 12 rows with no header, BGP Router holds 338145696 on line 6', () => {
    const { input, data } = read(fixture('seed-include-bgp.txt'));
    expect(input).toMatchObject({ kind: 'show processes memory', records: 12, warnings: [], command: 'show processes memory | include BGP' });
    expect(data!.processes.find((p) => p.name === 'BGP Router')).toEqual({
      pid: 87, allocated: 2969013892, freed: 102734200, holding: 338145696, name: 'BGP Router', line: 6,
    });
    expect(data!.pools).toEqual([]);
  });
  it('CEF: header kept, 2 rows, CEF process pid 73 holding 146708', () => {
    const { input, data } = read(fixture('seed-include-cef.txt'));
    expect(input).toMatchObject({ records: 2, warnings: [] });
    expect(data!.processes.map((p) => [p.pid, p.name, p.holding, p.line])).toEqual([
      [73, 'CEF process', 146708, 3],
      [84, 'CEF Scanner', 7404, 4],
    ]);
  });
  it('recognises the rows by shape without the echo', () => {
    const body = fixture('seed-include-bgp.txt').split('\n').slice(2).join('\n');
    expect(read(body).input).toMatchObject({ kind: 'show processes memory', records: 12 });
  });
});

describe('show processes memory: corpus captures', () => {
  it('genie-1 (IOS): 358 rows as the peer, Processor and I/O pools, ARP Input on line 23', () => {
    const { input, data } = read(fixture('genie-1.txt'));
    expect(input).toMatchObject({ kind: 'show processes memory', records: 358, warnings: [] });
    expect(data!.pools).toEqual([
      { name: 'Processor', total: 563180224, used: 71304104, free: 491876120, line: 2 },
      { name: 'I/O', total: 114294784, used: 96209944, free: 18084840, line: 3 },
    ]);
    expect(data!.processes.find((p) => p.name === 'ARP Input')).toMatchObject({ pid: 14, holding: 66384, line: 23 });
  });
  it('genie-2 (IOS-XE, Load/Time banner): 5 rows, three pools incl. "reserve P"', () => {
    const { input, data } = read(fixture('genie-2.txt'));
    expect(input).toMatchObject({ kind: 'show processes memory', records: 5, warnings: [] });
    expect(data!.pools.map((p) => p.name)).toEqual(['Processor', 'reserve P', 'lsmpi_io']);
    expect(data!.pools[0]).toMatchObject({ total: 10147887840, free: 9662451880, line: 4 });
  });
  it('genie-3: pools only, so 0 process rows (the peer lists just the three pools)', () => {
    const { input, data } = read(fixture('genie-3.txt'));
    expect(input).toMatchObject({ kind: 'show processes memory', records: 0, warnings: [] });
    expect(data!.pools.map((p) => [p.name, p.used])).toEqual([
      ['Processor', 487331816], ['reserve P', 88], ['lsmpi_io', 6294296],
    ]);
  });
  it('sorted genie-1: 3 processes', () => {
    expect(read(fixture('sorted-genie-1.txt')).input).toMatchObject({ kind: 'show processes memory', records: 3, warnings: [] });
  });
  it('sorted ntc-1: 13 rows as the peer, padded names trimmed, the 342936032 Total footer', () => {
    const { input, data } = read(fixture('sorted-ntc-1.txt'));
    expect(input).toMatchObject({ records: 13, warnings: [] });
    expect(data!.processes[0]).toMatchObject({ pid: 0, name: '*Init*', holding: 178205704, line: 5 });
    expect(data!.processes[12]).toMatchObject({ pid: 10, name: 'Pool Manager', freed: 4096430632 });
    expect(data!.holdingTotal).toEqual({ bytes: 342936032, line: 19 });
  });
  it('sorted genie-2: 497 rows; the peer says 433 because it keys rows by process name (433 distinct names)', () => {
    const { input, data } = read(fixture('sorted-genie-2.txt'));
    expect(input).toMatchObject({ kind: 'show processes memory', records: 497, warnings: [] });
    expect(new Set(data!.processes.map((p) => p.name)).size).toBe(433);
    expect(data!.holdingTotal).toEqual({ bytes: 377023560, line: 502 });
  });
  it('CRLF and U+00A0 variants give the same facts', () => {
    const base = read(fixture('sorted-ntc-1.txt')).data;
    const odd = read(fixture('sorted-ntc-1.txt').replace(/ /g, '\u00a0').replace(/\n/g, '\r\n'));
    expect(odd.input.warnings).toEqual([]);
    expect(odd.data).toEqual(base);
  });
  it('a header fragment left by `| include` is recognised, not reported', () => {
    const { input } = read('show processes memory | include Holding|ARP\n PID TTY  Allocated      Freed    Holding\n  14   0  253404536  253351248      66384          0          0 ARP Input\n');
    expect(input).toMatchObject({ records: 1, warnings: [] });
  });
  it('old IOS one-line "Total: ..., Used: ..., Free: ..." is the processor pool', () => {
    const { data, input } = read('show processes memory\nTotal: 3144664, Used: 2090072, Free: 1054592\n');
    expect(input.warnings).toEqual([]);
    expect(data!.pools).toEqual([{ name: 'Processor', total: 3144664, used: 2090072, free: 1054592, line: 2 }]);
  });
});

describe('show processes memory: bad input', () => {
  it('warns on short rows, junk and inconsistent pool totals, with line numbers', () => {
    const text = [
      'show processes memory',
      'Processor Pool Total: 100 Used: 60 Free: 50',
      ' PID TTY  Allocated      Freed    Holding    Getbufs    Retbufs Process',
      '   1   0    1583728       3472    1613672          0          0 Chunk Manager',
      '   2   0    1583728       3472 Load Meter',
      'xyzzy',
    ].join('\n');
    const { input, data } = read(text);
    expect(input.records).toBe(1);
    expect(data!.pools).toHaveLength(1);
    expect(input.warnings.map((w) => w.line)).toEqual([5, 6, 2]);
    expect(input.warnings[2]!.message).toMatch(/not the total/);
  });
});

describe('show processes memory: field pastes (issue 13, fixtures/NOTES.md)', () => {
  it('7206 `| include NAT` re-spaced by a forum: 3 rows, the pools, no warning', () => {
    const { input, data } = read(fixture('field-7206-include-nat.txt'));
    expect(input).toMatchObject({ kind: 'show processes memory', records: 3, warnings: [], command: 'show processes memory | include NAT' });
    expect(data!.processes.map((p) => [p.pid, p.holding, p.name])).toEqual([[256, 7224, 'IP NAT Ager'], [257, 7204, 'IP NAT WLAN'], [268, 7204, 'NAT MIB Helper']]);
    expect(data!.pools.map((p) => p.name)).toEqual(['Processor', 'I/O', 'Transient']);
  });

  it('Allocated run into Freed: Holding and the name read from the right, the pair unknown and warned', () => {
    const { input, data } = read('Router#show processes memory | include ARP\n  12   0 30201168803021848      12345      0      0 ARP Input\n');
    expect(data!.processes).toEqual([{ pid: 12, holding: 12345, name: 'ARP Input', line: 2 }]);
    expect(input.warnings).toEqual([{ line: 2, message: 'process "ARP Input": allocated and freed ran together, left unknown' }]);
  });
});
