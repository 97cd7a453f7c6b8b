// Tests for `show processes cpu` (and `sorted`) on real captures: utilization, per-core lines, process rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseDetailed } from '../../diagnose';
import { sectionsOf } from '../../sections';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

function read(text: string, source = 'x.txt') {
  const d = diagnoseDetailed([{ source, text }]);
  const input = d.diagnosis.inputs[0]!;
  const cpu = sectionsOf(d.sections, 'show processes cpu')[0];
  return { input, inputs: d.diagnosis.inputs, data: cpu?.data };
}

describe('show processes cpu: real captures', () => {
  // Peer counts from MANIFEST.tsv where one is given (ntc 316, genie-1 578, genie-2 8, sorted genie-2/4 3,
  // sorted genie-5 201); napalm ones were counted by reading (file lines minus the two header lines).
  it.each([
    ['ntc-1.txt', 316, undefined],
    ['genie-1.txt', 578, 'show process cpu'],
    ['genie-2.txt', 8, 'show processes cpu | include process'],
    ['napalm-1.txt', 298, undefined],
    ['napalm-2.txt', 88, undefined],
    ['sorted-genie-1.txt', 0, 'show processes cpu sorted 5min | inc CPU'],
    ['sorted-genie-2.txt', 3, undefined],
    ['sorted-genie-3.txt', 0, 'show processes cpu sorted 5min | inc CPU'],
    ['sorted-genie-4.txt', 3, undefined],
    ['sorted-genie-5.txt', 201, 'show processes cpu sorted'],
  ])('%s: kind, %i process rows, no unread line', (name, rows, command) => {
    const { input, inputs } = read(fixture(name), name);
    expect(inputs).toHaveLength(1);
    expect(input.kind).toBe('show processes cpu');
    expect(input.command).toBe(command);
    expect(input.records).toBe(rows);
    expect(input.warnings).toEqual([]);
  });

  it('napalm-2 (Cat3850 16.6): 29% total of which 15% at interrupt level, on line 1', () => {
    const { data } = read(fixture('napalm-2.txt'));
    expect(data).toMatchObject({ fiveSec: 29, interrupt: 15, oneMin: 19, fiveMin: 19, utilizationLine: 1 });
    expect(data!.processes.find((p) => p.name === 'ARP Input')).toMatchObject({ pid: 37, line: 39, runtimeMs: 1368, invoked: 8780, uSecs: 155 });
  });

  it('ntc-1: names with spaces and percentages (Check heaps 1.18% one minute, IP Input on line 188)', () => {
    const { data } = read(fixture('ntc-1.txt'));
    expect(data).toMatchObject({ fiveSec: 4, interrupt: 0, oneMin: 6, fiveMin: 5 });
    expect(data!.processes[3]).toEqual({
      pid: 4, name: 'Check heaps', fiveSec: 0, oneMin: 1.18, fiveMin: 0.92, line: 6, runtimeMs: 12798734, invoked: 606112, uSecs: 21116, tty: 0,
    });
    expect(data!.processes.find((p) => p.name === 'IP Input')).toMatchObject({ pid: 186, oneMin: 0.01, line: 188 });
  });

  it('genie-1: the exec timestamp and the IOS-XE footer are known, the utilization comes from line 5', () => {
    const { data } = read(fixture('genie-1.txt'));
    expect(data).toMatchObject({ fiveSec: 1, interrupt: 0, oneMin: 2, fiveMin: 3, utilizationLine: 5 });
    expect(data!.processes.at(-1)!.line).toBe(584);
  });

  it('sorted-genie-5 (IOS-XE): four per-core lines, bare percentages, no overall X%/Y% line', () => {
    const { data } = read(fixture('sorted-genie-5.txt'));
    expect(data!.fiveSec).toBeUndefined();
    expect(data!.cores).toEqual([
      { core: 0, fiveSec: 6, oneMin: 8, fiveMin: 7, line: 2 },
      { core: 1, fiveSec: 11, oneMin: 16, fiveMin: 15, line: 3 },
      { core: 2, fiveSec: 0, oneMin: 0, fiveMin: 0, line: 4 },
      { core: 3, fiveSec: 0, oneMin: 0, fiveMin: 0, line: 5 },
    ]);
    expect(data!.processes[0]).toMatchObject({ pid: 5782, name: 'iosd', fiveSec: 4.52, oneMin: 6.1, fiveMin: 5.85, line: 7 });
  });

  it('sorted-genie-1 (`| inc CPU`): only the utilization line, 13%/0%', () => {
    const { data } = read(fixture('sorted-genie-1.txt'));
    expect(data).toMatchObject({ fiveSec: 13, interrupt: 0, oneMin: 23, fiveMin: 15, utilizationLine: 2 });
  });
});

describe('show processes cpu: pastes as they arrive', () => {
  it('recognises `sh proc cpu sort` and the tech note case of 99/98 interrupt in IP Input', () => {
    const text = [
      'Router#sh proc cpu sort',
      'CPU utilization for five seconds: 99%/98%; one minute: 99%; five minutes: 97%',
      ' PID Runtime(ms)   Invoked      uSecs   5Sec   1Min   5Min TTY Process',
      '  28    42884168  17683590       2425 66.31% 65.92% 64.10%   0 IP Input',
      '  71     8812204   4417080       1995 12.05% 11.87% 11.40%   0 HyBridge Input',
      '   9      451816   1039020        434  0.73%  0.70%  0.71%   0 ARP Input',
      'Router#',
    ].join('\r\n');
    const { input, data } = read(text);
    expect(input).toMatchObject({ kind: 'show processes cpu', records: 3, warnings: [] });
    expect(data).toMatchObject({ fiveSec: 99, interrupt: 98 });
    expect(data!.processes.map((p) => [p.name, p.fiveSec, p.line])).toEqual([
      ['IP Input', 66.31, 4],
      ['HyBridge Input', 12.05, 5],
      ['ARP Input', 0.73, 6],
    ]);
  });

  it('does not take `show processes cpu history` for this command', () => {
    const { input } = read('Router#show processes cpu history\n   100 *****\n');
    expect(input.kind).toBe('unknown');
  });
});

describe('show processes cpu: squeezed columns', () => {
  it('ntc-1 with every run of spaces squeezed to one reads the same facts', () => {
    const squeezed = fixture('ntc-1.txt').replace(/ +/g, ' ');
    expect(read(squeezed).data).toEqual(read(fixture('ntc-1.txt')).data);
    expect(read(squeezed).input.warnings).toEqual([]);
  });
});

describe('show processes cpu: bad input', () => {
  it('reports a mangled row and stray text with their line numbers, keeps the good rows, never throws', () => {
    const text = [
      'show processes cpu',
      'CPU utilization for five seconds: 12%/3%; one minute: 10%; five minutes: 9%',
      ' PID Runtime(ms)   Invoked      uSecs   5Sec   1Min   5Min TTY Process',
      '   1           0        22          0  0.00%  0.00%  0.00%   0 Chunk Manager',
      '   2          81    abc          0  0.00%  0.00%  0.00%   0 Load Meter',
      'lorem ipsum',
      '   3           0         1          0  0.00%  0.00%  0.00%   0 Connection Mgr',
    ].join('\n');
    const { input } = read(text);
    expect(input.records).toBe(2);
    expect(input.warnings.map((w) => w.line)).toEqual([5, 6]);
    expect(input.warnings[0]!.message).toContain('Load Meter');
  });
});

describe('show processes cpu: field pastes (issue 13, fixtures/NOTES.md)', () => {
  it.each([
    ['field-4510-glued.txt', 2],
    ['field-6500-vss-glued.txt', 3],
    ['field-7206-arp-input.txt', 7],
    ['field-exclude-filter.txt', 8],
    ['field-6500-sorted.txt', 1],
    ['field-7513-nat-squeezed.txt', 14],
  ])('%s: every row of the hand count read, no warning', (name, rows) => {
    const { input, inputs } = read(fixture(name), name);
    expect(inputs).toHaveLength(1);
    expect(input.kind).toBe('show processes cpu');
    expect(input.records).toBe(rows);
    expect(input.warnings).toEqual([]);
  });

  it('4510: the busiest process, whose Runtime and Invoked ran together, is read and split by uSecs', () => {
    const { data } = read(fixture('field-4510-glued.txt'));
    expect(data!.processes[0]).toEqual({
      pid: 35, name: 'Cat4k Mgmt HiPri', fiveSec: 19.75, oneMin: 19.82, fiveMin: 19.85, line: 3, runtimeMs: 1227823268, invoked: 1342443097, uSecs: 914, tty: 0,
    });
  });

  it('6500 VSS: the glued IPC Seat Manager row is split (137377296 ms, 1296358745 invocations)', () => {
    const { data } = read(fixture('field-6500-vss-glued.txt'));
    expect(data!.processes.find((p) => p.pid === 20)).toMatchObject({ name: 'IPC Seat Manager', runtimeMs: 137377296, invoked: 1296358745, uSecs: 105 });
    expect(data).toMatchObject({ fiveSec: 98, interrupt: 31 });
  });

  it('a glued row that no split explains keeps its percentages and says which counters are unknown', () => {
    const { data, input } = read('Router#show processes cpu\n  35 99999999999999 914 19.75% 19.82% 19.85% 0 Cat4k Mgmt HiPri\n');
    expect(data!.processes[0]).toEqual({ pid: 35, name: 'Cat4k Mgmt HiPri', fiveSec: 19.75, oneMin: 19.82, fiveMin: 19.85, line: 2, tty: 0 });
    expect(input.warnings).toEqual([{ line: 2, message: 'process "Cat4k Mgmt HiPri": runtime, invoked and uSecs ran together, left unknown' }]);
  });

  it('a table whose own rows break the uSecs formula (IOS-XE) splits nothing by it', () => {
    const rows = ['  1 100 10 3 0.00% 0.00% 0.00% 0 a', '  2 100 10 4 0.00% 0.00% 0.00% 0 b', '  3 5248799482118370040 247 19.51% 16.34% 16.71% 0 c'];
    const { data, input } = read(`Router#show processes cpu\n${rows.join('\n')}\n`);
    expect(data!.processes[2]!.runtimeMs).toBeUndefined();
    expect(input.warnings.map((w) => w.line)).toEqual([4]);
  });
});

describe('show processes cpu: copied from a mail thread (real captures)', () => {
  const field = (name: string) => fixture(join('field', name));

  it('a reply quoting every line with "> ": the marks are taken off (one note), 13 rows, utilisation and the echo read', () => {
    const { input, data } = read(field('cisco-bba-mail-quoted.txt'));
    expect(input).toMatchObject({ kind: 'show processes cpu', records: 13, command: 'sh proc cpu sorted | e 0.00' });
    expect(input.warnings.map((w) => w.message)).toEqual([
      'quoted as in a mail reply: the ">" marks before lines 1-16 were taken off, and the lines read as the router printed them',
      'note added by the poster, not read: "<---"',
    ]);
    expect(data).toMatchObject({ fiveSec: 99, interrupt: 70, oneMin: 99, fiveMin: 99 });
    expect(data!.processes[0]).toMatchObject({ pid: 77, name: 'PPP IPCP', fiveSec: 20.47, line: 4 });
  });

  it('quoted ">>> ", blanks squeezed and re-wrapped by the mail client: the cut utilisation line and the names pushed to the next line read joined', () => {
    const { input, data } = read(field('cisco-bba-mail-quoted-wrapped.txt'));
    expect(input).toMatchObject({ kind: 'show processes cpu', records: 3 });
    expect(input.warnings.map((w) => w.line)).toEqual([1, 6]);
    expect(data).toMatchObject({ fiveSec: 99, interrupt: 70, oneMin: 99, fiveMin: 99, utilizationLine: 2 });
    expect(data!.processes.map((p) => [p.pid, p.name, p.line])).toEqual([
      [77, 'PPP IPCP', 5],
      [163, 'VTEMPLATE Backgr', 7],
      [148, 'IGMP Input', 9],
    ]);
  });

  it('two quoted lines are not a mail quote: a poster\'s ">>" on a row stays a note on that row', () => {
    const text = ['CPU utilization for five seconds: 99%/70%; one minute: 99%; five minutes: 99%', '>>   77    14284408   3108213       4595 20.47% 21.03% 21.11%   0 PPP IPCP'].join('\n');
    const { input } = read(text);
    expect(input.warnings.some((w) => w.message.startsWith('quoted as in a mail reply'))).toBe(false);
  });
});

describe('show processes cpu history pasted without its command (real captures)', () => {
  it.each(['history-graph-cisco-nsp-7500-vip.txt', 'history-graph-habets-2620.txt'])('%s is named as the history graph, not read as processes', (name) => {
    const { input } = read(fixture(name));
    expect(input.kind).toBe('unknown');
    expect(input.warnings[0]).toEqual({ line: 1, message: 'a "show processes cpu history" graph, without its command: recognised but not read by this tool' });
  });

  it('a table of numbers and stars that is no graph (no scale, no caption) is still "no router output recognised"', () => {
    const { input } = read(['100 ***', ' 90 ***', ' 80 ***', ' 70 **', ' 60 *', ' 50 *'].join('\n'));
    expect(input.warnings[0]!.message).toBe('no router output recognised');
  });
});

describe('show processes cpu: NX-OS and IOS-XE platform layouts (field captures)', () => {
  const field = (name: string) => read(fixture(`field/${name}`), name);
  const top = (d: NonNullable<ReturnType<typeof read>['data']>, n: number) =>
    [...d.processes].sort((a, b) => b.fiveSec - a.fiveSec).slice(0, n).map((p) => `${p.name} ${p.fiveSec}`);

  it('NX-OS 1Sec layout (genielibs R3_nx, CRLF): 308 rows, the footer as the busy share, ksmd on top', () => {
    const { input, data } = field('genielibs-nxos-r3-1sec-crlf.txt');
    expect(input).toMatchObject({ kind: 'show processes cpu', records: 308, warnings: [] });
    expect(data!.util).toEqual({ user: 2.61, kernel: 15.7, idle: 81.67, line: 313 });
    // 100 - 81.67 idle: NX-OS prints no interrupt share, so none is made up.
    expect(data!.fiveSec).toBe(18.33);
    expect(data!.interrupt).toBeUndefined();
    expect(top(data!, 2)).toEqual(['ksmd 6.25', 'event_manager 3.09']);
    expect(data!.processes.find((p) => p.name === 'ksmd')).toMatchObject({ pid: 22, oneSec: 6.25 });
  });

  it('NX-OS filtered with | ex 0.00 (Nexus 3064PQ): 10 rows, t2usd on top', () => {
    const { input, data } = field('netengse-n3064pq-sort-excluded.txt');
    expect(input).toMatchObject({ records: 10, warnings: [] });
    expect(data!.util).toMatchObject({ user: 57.83, kernel: 5.4, idle: 36.75 });
    expect(top(data!, 2)).toEqual(['t2usd 26.5', 'ksmd 8']);
  });

  it('NX-OS with both the footer and a five-second line: the five-second line wins, no warning', () => {
    const { input, data } = field('genie-nxos-util-and-utilization.txt');
    expect(input).toMatchObject({ records: 3, warnings: [] });
    expect(data).toMatchObject({ fiveSec: 19, interrupt: 5, oneMin: 19, fiveMin: 21, utilizationLine: 11 });
    expect(data!.util).toMatchObject({ idle: 78.35, line: 9 });
  });

  it('older NX-OS layout with "-" for the TTY: 18 rows, sysmgr on top', () => {
    const { input, data } = field('ntc-nxos-old-layout-tty-dash.txt');
    expect(input).toMatchObject({ records: 18, warnings: [] });
    expect(data).toMatchObject({ fiveSec: 15, interrupt: 1, oneMin: 12, fiveMin: 10 });
    expect(top(data!, 1)).toEqual(['sysmgr 0.92']);
    expect(data!.processes[0]!.tty).toBeUndefined();
  });

  it('IOS-XE platform table: the comma-separated utilization line, its cores, 182 rows', () => {
    const { input, data } = field('genie-iosxe-platform-router.txt');
    expect(input).toMatchObject({ records: 182, warnings: [] });
    expect(data).toMatchObject({ fiveSec: 2, oneMin: 5, fiveMin: 22 });
    expect(data!.interrupt).toBeUndefined();
    expect(data!.cores.map((c) => c.fiveSec)).toEqual([2, 0]);
    expect(data!.processes[0]).toMatchObject({ pid: 1, ppid: 0, name: 'init' });
    expect([...data!.processes].sort((a, b) => b.fiveMin - a.fiveMin)[0]).toMatchObject({ name: 'linux_iosd-imag', fiveMin: 32 });
  });

  it('IOS-XE platform sorted on 14 cores: 426 rows, one process above 100%', () => {
    const { input, data } = field('genie-iosxe-platform-sorted-14-cores.txt');
    expect(input).toMatchObject({ records: 426, warnings: [] });
    expect(data).toMatchObject({ fiveSec: 43, oneMin: 44, fiveMin: 44 });
    expect(data!.cores).toHaveLength(14);
    expect(top(data!, 1)).toEqual(['ucode_pkt_PPE0 599']);
  });

  it('IOS-XE platform filtered: cores and three rows double-spaced; cores and no rows', () => {
    const a = field('genie-iosxe-platform-exclude-double-spaced.txt');
    expect(a.input).toMatchObject({ kind: 'show processes cpu', records: 3, warnings: [] });
    expect(a.data!.cores).toHaveLength(7);
    expect(top(a.data!, 1)).toEqual(['btman 7']);
    const b = field('genie-iosxe-platform-no-rows.txt');
    expect(b.input).toMatchObject({ kind: 'show processes cpu', records: 0, warnings: [] });
    expect(b.data).toMatchObject({ fiveSec: 7, oneMin: 8, fiveMin: 9 });
    expect(b.data!.cores).toHaveLength(7);
  });
});

describe('show processes cpu: a paste that stops inside its last row (no line end after it)', () => {
  const elided = fixture('field/ipbalance-elided.txt');
  /** The capture up to its row of PID 9, cut `keep` characters into it, with no line end after it. */
  const cutAt = (keep: number) => {
    const lines = elided.split('\n');
    const at = lines.findIndex((l) => l.startsWith('9 136 293117'));
    return [...lines.slice(0, at), lines[at]!.slice(0, keep).trimEnd()].join('\n');
  };

  it('"9 136 293117 0 0.00% 0.00" (cut in its 1Min column) is reported as cut, not read as a process named "0.00"', () => {
    const { input, data } = read(cutAt('9 136 293117 0 0.00% 0.00'.length));
    expect(input.records).toBe(8);
    expect(input.warnings).toEqual([{ line: 12, message: 'the paste ends inside this row (no line end after it, and shorter than the rows\' layout): cut, not read: "9 136 293117 0 0.00% 0.00"' }]);
    expect(data!.processes.some((p) => p.name === '0.00' || p.pid === 9)).toBe(false);
  });

  it('cut anywhere before its name, the row is reported; with its name begun, it is read with the name as far as it goes', () => {
    const row = '9 136 293117 0 0.00% 0.00% 0.00% 0 AAA high-capacit';
    const nameAt = row.indexOf('AAA');
    for (let k = 1; k < row.length; k++) {
      const { input, data } = read(cutAt(k));
      if (k <= nameAt) {
        expect(input.records, `cut at ${k}`).toBe(8);
        expect(input.warnings.map((w) => w.line), `cut at ${k}`).toEqual([12]);
      } else {
        expect(input).toMatchObject({ records: 9, warnings: [] });
        expect(data!.processes.at(-1)).toMatchObject({ pid: 9, runtimeMs: 136, invoked: 293117, fiveSec: 0, oneMin: 0, fiveMin: 0, tty: 0, name: row.slice(nameAt, k).trimEnd() });
      }
    }
  });

  it('the same short row with a line end after it reads as before, and a whole last row with none is read', () => {
    expect(read(`${cutAt('9 136 293117 0 0.00% 0.00'.length)}\n`).input.records).toBe(9);
    expect(read(cutAt(200)).input).toMatchObject({ records: 9, warnings: [] });
  });
});
