import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../../diagnose';
import type { SectionOf } from '../../sections';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
function read(text: string) {
  const d = diagnoseDetailed([{ source: 't', text }]);
  const s = d.sections[0] as SectionOf<'show memory summary'> | undefined;
  return { input: d.diagnosis.inputs[0]!, data: s?.data };
}

describe('show memory summary: the tech note `| include` samples', () => {
  it('adj: 6 allocator lines without a header, Protocol adjacency chunk 65488 bytes on line 8', () => {
    const { input, data } = read(fixture('seed-include-adj.txt'));
    expect(input).toMatchObject({ kind: 'show memory summary', records: 6, warnings: [], command: 'show memory summary | include adj' });
    expect(data!.allocators[5]).toEqual({ pc: '0x60B9F9F8', size: 65488, blocks: 1, bytes: 65488, what: 'Protocol adjacency chunk', line: 8 });
    expect(data!.pools).toEqual([]);
  });
  it('CEF: 15 lines; grouped, "CEF process" is 8 lines, 15 blocks, 552 bytes', () => {
    const { input, data } = read(fixture('seed-include-cef.txt'));
    expect(input).toMatchObject({ records: 15, warnings: [] });
    expect(data!.allocators.filter((a) => a.what === 'CEF process')).toHaveLength(8);
    expect(data!.byWhat.find((g) => g.what === 'CEF process')).toEqual({ what: 'CEF process', blocks: 15, bytes: 552 });
    // 65540 + 828 loadinfo, then 65488 up event chunk: largest first.
    expect(data!.byWhat.slice(0, 2)).toEqual([
      { what: 'CEF loadinfo chunk', blocks: 2, bytes: 66368 },
      { what: 'CEF up event chunk', blocks: 1, bytes: 65488 },
    ]);
  });
  it('FIB: header kept, 8 lines, the cut-off "FIB 1 path chun" group holds 16995888 bytes in 504 blocks', () => {
    const { input, data } = read(fixture('seed-include-fib.txt'));
    expect(input).toMatchObject({ records: 8, warnings: [] });
    expect(data!.byWhat[0]).toEqual({ what: 'FIB 1 path chun', blocks: 504, bytes: 479808 + 16516080 });
  });
  it('recognises allocator lines by shape without the echo', () => {
    const body = fixture('seed-include-cef.txt').split('\n').slice(2).join('\n');
    expect(read(body).input).toMatchObject({ kind: 'show memory summary', records: 15 });
  });
});

describe('show memory statistics and show memory: corpus captures', () => {
  it('genie-1: Processor and lsmpi_io (the peer), Tracekey recognised, no trailing newline', () => {
    const { input, data } = read(fixture('statistics-genie-1.txt'));
    expect(input).toMatchObject({ kind: 'show memory summary', records: 2, warnings: [] });
    expect(data!.pools).toEqual([
      { name: 'Processor', total: 856541768, used: 355116128, free: 501425640, lowest: 499097976, largest: 501041348, line: 4 },
      { name: 'lsmpi_io', total: 6295128, used: 6294304, free: 824, lowest: 824, largest: 412, line: 5 },
    ]);
  });
  it('napalm-1: unindented header, pools Processor, I/O and "Driver te"; used 20873476 = Processor + I/O used', () => {
    const { input, data } = read(fixture('statistics-napalm-1.txt'));
    expect(input).toMatchObject({ records: 3, warnings: [] });
    expect(data!.pools.map((p) => p.name)).toEqual(['Processor', 'I/O', 'Driver te']);
    expect(data!.pools[0]!.used + data!.pools[1]!.used).toBe(20873476);
    expect(data!.pools[0]!.free + data!.pools[1]!.free).toBe(4826256);
  });
  it('ansible-1: three IOS-XE pools including "reserve P"', () => {
    const { input, data } = read(fixture('statistics-ansible-1.txt'));
    expect(input).toMatchObject({ records: 3, warnings: [] });
    expect(data!.pools[1]).toMatchObject({ name: 'reserve P', total: 102404, used: 92, line: 3 });
  });
  it('IOS-XE show memory head: system line in bytes (peer: 3931592K total, 1506752K used) and Process/Config rows', () => {
    const { input, data } = read(fixture('show-memory-napalm-1.txt'));
    expect(input).toMatchObject({ kind: 'show memory summary', records: 2, warnings: [] });
    expect(data!.system).toEqual({ total: 3931592 * 1024, used: 1506752 * 1024, free: 2424840 * 1024, kernelReserved: 221424 * 1024, lowest: 1854732696, line: 1 });
    expect(data!.pools.map((p) => [p.name, p.used / 1024])).toEqual([['Process', 1506752], ['Config', 0]]);
  });
});

describe('show memory summary: constructed full layout', () => {
  it('2 pools and 6 allocator lines, each tagged with its pool block', () => {
    const { input, data } = read(fixture('technote-format-full-summary.txt'));
    expect(input).toMatchObject({ kind: 'show memory summary', records: 8, warnings: [] });
    expect(data!.pools.map((p) => [p.name, p.free, p.line])).toEqual([['Processor', 77410240, 3], ['I/O', 15455664, 4]]);
    expect(data!.allocators.map((a) => a.pool)).toEqual(['Processor', 'Processor', 'Processor', 'Processor', 'Processor', 'I/O']);
    expect(data!.byWhat[0]).toEqual({ what: 'FIB 1 path chun', blocks: 252, bytes: 16516080 });
  });
  it('CRLF and U+00A0 variants give the same facts', () => {
    const text = fixture('technote-format-full-summary.txt');
    expect(read(text.replace(/ /g, '\u00a0').replace(/\n/g, '\r\n')).data).toEqual(read(text).data);
  });
});

describe('show memory summary: constructed totals, free blocks, lost and corrupted pools', () => {
  const { input, data } = read(fixture('constructed-totals-free-blocks-corrupted.txt'));
  it('reads every line: 2 pools and 2 allocator lines, no warnings', () => {
    expect(input).toMatchObject({ kind: 'show memory summary', records: 4, warnings: [] });
  });
  it('flags lost blocks (">") on Processor and "Corrupted" on I/O', () => {
    expect(data!.pools[0]).toMatchObject({ name: 'Processor', total: 93620032, used: 16209792, largest: 77052456, lostBlocks: true });
    expect(data!.pools[1]).toMatchObject({ name: 'I/O', lowest: 15429304, corrupted: true });
    expect(data!.pools[1]!.largest).toBeUndefined();
  });
  it('keeps free blocks out of byWhat and the summary lines out of the allocators', () => {
    expect(data!.allocators.map((a) => [a.what, a.free ?? false, a.line])).toEqual([
      ['FIB: FIBIDB', false, 11],
      ['FIB: FIBIDB', true, 12],
    ]);
    expect(data!.byWhat).toEqual([{ what: 'FIB: FIBIDB', blocks: 7, bytes: 3136 }]);
    expect(data!.totals!.map((t) => [t.scope, t.of, t.pool, t.blocks, t.bytes, t.line])).toEqual([
      ['pool', 'used', 'Processor', 7, 3136, 13],
      ['pool', 'free', 'Processor', 3, 72, 14],
      ['pool', 'headers', 'Processor', 10, 400, 15],
      ['memory', 'used', undefined, 7, 3136, 23],
      ['memory', 'free', undefined, 3, 72, 24],
    ]);
    expect(data!.corruptedPools).toEqual(['I/O']);
  });
});

describe('show memory summary: bad input', () => {
  it('warns on a Bytes that is not Size x Blocks, a garbled pool row and junk, with line numbers', () => {
    const text = [
      'show memory summary',
      '                Head    Total(b)     Used(b)     Free(b)   Lowest(b)  Largest(b)',
      'Processor   6170B8C0    93620032    16209792',
      '0x60B8821C       448          7       3137    FIB: FIBIDB',
      '0x60B8821C       448          7       3136    FIB: FIBIDB',
      'Size Blocks',
      'lorem ipsum',
    ].join('\n');
    const { input, data } = read(text);
    expect(input.records).toBe(1);
    expect(data!.allocators).toHaveLength(1);
    expect(input.warnings.map((w) => w.line)).toEqual([3, 4, 7]);
    expect(input.warnings[1]!.message).toMatch(/not Size x Blocks/);
  });
});

it('reads the IOS-XE "Load for five secs" / "Time source is" banner as known lines', () => {
  const lines = fixture('statistics-genie-1.txt').split('\n');
  lines.splice(0, 0, 'Load for five secs: 1%/0%; one minute: 1%; five minutes: 0%', 'Time source is NTP, 21:28:35.662 EST Mon May 11 2020');
  const d = diagnose([{ source: 'b', text: lines.join('\n') }]);
  expect(d.inputs[0]).toMatchObject({ kind: 'show memory summary', records: 2, warnings: [] });
});

describe('a command the router refused (a real capture: napalm issue #680)', () => {
  it('says the router did not run it, quoting its answer, instead of two lines not read', () => {
    const d = diagnoseDetailed([{ source: 't', text: fixture('field/napalm-680-3850-refused.txt') }]);
    expect(d.diagnosis.inputs[0]).toMatchObject({
      kind: 'show memory summary',
      records: 0,
      warnings: [{ line: 3, message: 'the router did not run "show memory statistics": it answered "% Invalid input detected at \'^\' marker."' }],
    });
    // The next command is its own section, named as not read.
    expect(d.diagnosis.inputs[1]!.warnings[0]!.message).toBe('"show memory" is recognised but not read by this tool');
  });

  it('a refusal with other output under it is read as usual (nothing hidden)', () => {
    const d = diagnoseDetailed([{ source: 't', text: 'R1#show memory statistics\n% Invalid input detected at \'^\' marker.\n@@ junk 42\n' }]);
    expect(d.diagnosis.inputs[0]!.warnings.map((w) => w.line)).toEqual([2, 3]);
  });
});
