import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../../diagnose';
import type { SectionOf } from '../../sections';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
function read(text: string) {
  const d = diagnoseDetailed([{ source: 't', text }]);
  const s = d.sections[0] as SectionOf<'show adjacency summary'> | undefined;
  return { input: d.diagnosis.inputs[0]!, data: s?.data };
}

describe('show adjacency summary: genieparser IOS-XE capture', () => {
  const { input, data } = read(fixture('genie-1.txt'));
  it('reads 0 adjacencies, 0 complete, 0 incomplete (the peer: complete=0 incomplete=0) and every line', () => {
    expect(input).toMatchObject({ kind: 'show adjacency summary', records: 1, warnings: [], command: 'show adjacency summary' });
    expect(data).toEqual({ total: 0, complete: 0, incomplete: 0, line: 2 });
  });
  it('is recognised by shape without the echo', () => {
    const body = fixture('genie-1.txt').split('\n').slice(1).join('\n');
    expect(read(body).input).toMatchObject({ kind: 'show adjacency summary', records: 1 });
  });
});

describe('show adjacency summary: constructed layouts', () => {
  it('12.3: total 6 and the per-interface table', () => {
    const { input, data } = read(fixture('constructed-12.3-by-interface.txt'));
    expect(input).toMatchObject({ kind: 'show adjacency summary', warnings: [] });
    expect(data).toEqual({
      total: 6,
      line: 2,
      byInterface: [
        { interface: 'FastEthernet0/0', count: 4, line: 6 },
        { interface: 'Serial0/0', count: 2, line: 7 },
      ],
    });
  });
  it('12.2S: 5 total, 3 complete, 2 incomplete, linktype lines recognised', () => {
    const { input, data } = read(fixture('constructed-12.2s-linktype.txt'));
    expect(input.warnings).toEqual([]);
    expect(data).toMatchObject({ total: 5, complete: 3, incomplete: 2 });
    expect(data!.byInterface!.map((r) => r.count)).toEqual([3, 2]);
  });
});

describe('show adjacency summary: bad input', () => {
  it('an echo with no output is 0 records and no warnings', () => {
    expect(read('Router#show adjacency summary\nRouter#\n').input).toMatchObject({ kind: 'show adjacency summary', records: 0, warnings: [] });
  });
  it('warns on unknown lines with their numbers', () => {
    const { input, data } = read('show adjacency summary\nAdjacency table has 3 adjacencies:\nFa0/0 3\n  whatever this is\n');
    expect(data!.total).toBe(3);
    expect(input.warnings.map((w) => w.line)).toEqual([3, 4]);
  });
});

it('reads the IOS-XE "Load for five secs" / "Time source is" banner as known lines', () => {
  const lines = fixture('genie-1.txt').split('\n');
  lines.splice(1, 0, 'Load for five secs: 1%/0%; one minute: 1%; five minutes: 0%', 'Time source is NTP, 21:28:35.662 EST Mon May 11 2020');
  const d = diagnose([{ source: 'b', text: lines.join('\n') }]);
  expect(d.inputs[0]).toMatchObject({ kind: 'show adjacency summary', records: 1, warnings: [] });
});

describe('show adjacency summary: output run onto the echo line (a wiki export, field capture)', () => {
  it('reads nothing and says the output is on the command line, by its line', () => {
    const text = readFileSync(join(__dirname, 'fixtures/field/lkaplan-wiki-one-line.txt'), 'utf8');
    const d = diagnose([{ source: 'w', text }]);
    expect(d.inputs[0]).toMatchObject({ kind: 'show adjacency summary', records: 0 });
    expect(d.inputs[0]!.warnings).toEqual([{ line: 1, message: expect.stringMatching(/^the command line goes on for 31 words: the output seems run onto it/) }]);
  });
});
