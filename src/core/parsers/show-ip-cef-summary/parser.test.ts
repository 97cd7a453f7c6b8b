import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../../diagnose';
import type { SectionOf } from '../../sections';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
/** Parse a paste the way the app does (split at the echo) and return the first input's summary and facts. */
function read(text: string) {
  const d = diagnoseDetailed([{ source: 't', text }]);
  const s = d.sections[0] as SectionOf<'show ip cef summary'> | undefined;
  return { input: d.diagnosis.inputs[0]!, data: s?.data };
}

describe('show ip cef summary: the tech note sample (12.0, Router< prompt, U+00A0)', () => {
  const { input, data } = read(fixture('seed.txt'));
  it('is recognised from the odd prompt and read whole', () => {
    expect(input).toMatchObject({ kind: 'show ip cef summary', records: 1, warnings: [], command: 'show ip cef summary' });
  });
  it('reads CEF running, not distributed, 109212 routes/leaves, 8000 nodes, 22299136 bytes, 16 adjacencies', () => {
    expect(data).toMatchObject({
      running: true,
      distributed: false,
      stateLine: 2,
      tableVersion: 2620746,
      routes: 109212,
      leaves: 109212,
      nodes: 8000,
      bytes: 22299136,
      adjacencies: 16,
      adjacencyLine: 12,
    });
  });
});

describe('show ip cef summary: genieparser IOS-XE capture', () => {
  const { input, data } = read(fixture('genie-1.txt'));
  it('reads distributed and running, VRF Default with 98288 prefixes (the peer total_prefix)', () => {
    expect(input).toMatchObject({ kind: 'show ip cef summary', records: 1, warnings: [] });
    expect(data).toMatchObject({ running: true, distributed: true, stateLine: 2, routes: 98288 });
    expect(data!.vrfs).toEqual([{ name: 'Default', prefixes: 98288, forwarding: 98288, nonForwarding: 0, line: 4 }]);
    expect(data!.adjacencies).toBeUndefined();
  });
  it('is recognised by shape without the echo', () => {
    const body = fixture('genie-1.txt').split('\n').slice(1).join('\n');
    expect(read(body).input.kind).toBe('show ip cef summary');
  });
});

describe('show ip cef summary: a real paste from a forum (a 2621, a blank line between every line)', () => {
  const { input, data } = read(fixture('field/cisco-community-2621-blank-lines.txt'));
  it('reads it whole: the per-family adjacency count under the total is known, not unread', () => {
    expect(input).toMatchObject({ kind: 'show ip cef summary', records: 1, warnings: [], command: 'sh ip cef sum' });
    expect(data).toMatchObject({ running: true, distributed: false, tableVersion: 116, routes: 94, leaves: 94, nodes: 127, bytes: 144864, adjacencies: 90, adjacencyLine: 23 });
  });
});

describe('show ip cef summary: constructed cases', () => {
  it('"%CEF not running" after an abbreviated command', () => {
    const { input, data } = read(fixture('technote-format-not-running.txt'));
    expect(input).toMatchObject({ kind: 'show ip cef summary', records: 1, warnings: [] });
    expect(data).toMatchObject({ running: false, distributed: false, stateLine: 2 });
  });
  it('12.2 distributed CEF with flags and the "3(0) CEF resets" form', () => {
    const { input, data } = read(fixture('constructed-distributed.txt'));
    expect(input.warnings).toEqual([]);
    expect(data).toMatchObject({ running: true, distributed: true, routes: 11, leaves: 11, nodes: 13, bytes: 15568, adjacencies: 5 });
  });
  it('12.2S "instant recursive resolutions" line is recognised', () => {
    const { input } = read('show ip cef summary\nIP CEF with switching (Table Version 11), flags=0x0\n  0 instant recursive resolutions, 0 used background process\n');
    expect(input.warnings).toEqual([]);
  });
  it('IPv4 CEF is disabled', () => {
    expect(read('show ip cef summary\nIPv4 CEF is disabled\n').data).toMatchObject({ running: false, stateLine: 2 });
  });
});

describe('show ip cef summary: bad input', () => {
  it('junk after the echo is 0 records, each line warned', () => {
    const { input } = read('show ip cef summary\nhello\nworld\n');
    expect(input).toMatchObject({ kind: 'show ip cef summary', records: 0 });
    expect(input.warnings.map((w) => w.line)).toEqual([2, 3]);
  });
  it('warns on each unknown line with its number and never throws', () => {
    const { input, data } = read('show ip cef summary\nIP CEF with switching (Table Version 9)\n  banana 12 routes\n 5 prefixes (5/0 fwd/non-fwd)\n');
    expect(data!.running).toBe(true);
    expect(input.records).toBe(1);
    expect(input.warnings.map((w) => w.line)).toEqual([3, 4]);
    expect(input.warnings[1]!.message).toMatch(/outside a "VRF" block/);
  });
});

it('reads the IOS-XE "Load for five secs" / "Time source is" banner as known lines', () => {
  const lines = fixture('genie-1.txt').split('\n');
  lines.splice(1, 0, 'Load for five secs: 1%/0%; one minute: 1%; five minutes: 0%', 'Time source is NTP, 21:28:35.662 EST Mon May 11 2020');
  const d = diagnose([{ source: 'b', text: lines.join('\n') }]);
  expect(d.inputs[0]).toMatchObject({ kind: 'show ip cef summary', records: 1, warnings: [] });
});
