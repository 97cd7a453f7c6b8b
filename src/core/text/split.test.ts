import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { commandIndex } from '../parsers/registry';
import { normaliseLines } from './normalise';
import { splitSections } from './split';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const split = (text: string) => {
  const lines = normaliseLines(text);
  return splitSections(lines, (b) => commandIndex.match(b) !== null).map((s) => ({
    command: s.command,
    first: (s.echoIndex ?? s.from) + 1,
    last: s.to,
  }));
};

/** Real captures (copied from the corpus) in the order a NOC engineer might have run them in one session. */
const SESSION = [
  'running-config-dean-1.txt', // lines 1-168: R1#terminal length 0, R1#sh run (CRLF)
  'cache-flow-dean-3.txt', // 169-188: R1#clear ip flow stats, R1#show ip cache flow (CRLF)
  'nat-translations-marius-3.txt', // 189-192: R5#show ip nat tr
  'ip-arp-marius-2.txt', // 193-199: R1(config)#do sh ip arp
  'logging-marius-1.txt', // 200-258: R1#show logging ... R1#un all (+1 line of output)
  'cef-summary-seed.txt', // 259-270: Router<show ip cef summary, U+00A0 indents
  'cache-flow-echalkpad-1.txt', // 271-297: RouterA#show ip cache flow ... trailing bare RouterA#
];

describe('a multi-command paste of real captures', () => {
  const text = SESSION.map(fixture).join('');
  const d = diagnose([{ source: 'session.txt', text }]);

  it('has one input per command that printed something, in order, none for terminal length 0 or clear', () => {
    expect(d.inputs.map((i) => [i.command, i.kind, i.firstLine, i.lastLine])).toEqual([
      ['sh run', 'show running-config', 2, 168],
      ['show ip cache flow', 'show ip cache flow', 170, 188],
      ['show ip nat tr', 'show ip nat translations', 189, 192],
      ['sh ip arp', 'show ip arp', 193, 199],
      ['show logging', 'show logging', 200, 256],
      ['un all', 'unknown', 257, 258],
      ['show ip cef summary', 'show ip cef summary', 259, 270],
      ['show ip cache flow', 'show ip cache flow', 271, 296],
    ]);
  });

  it('says the one non-show command with output is not read, and quotes its output line', () => {
    const un = d.inputs[5]!;
    expect(un.warnings[0]).toEqual({ line: 257, message: '"un all" is not a command this tool reads' });
    expect(un.warnings.slice(1).map((w) => w.line)).toEqual([258]);
  });

  it('puts no prompt line, no terminal length 0 and no clear in any warning', () => {
    const quoted = d.inputs.flatMap((i) => i.warnings.map((w) => w.message)).join('\n');
    expect(quoted).not.toMatch(/terminal length|clear ip flow|RouterA#|R1#|R5#/);
  });
});

describe('splitSections', () => {
  it('drops commands with no output and a trailing bare prompt, keeps a show that printed nothing', () => {
    const text = 'R1#terminal length 0\nR1#conf t\nR1(config)#interface Vlan1\nR1(config-if)#ip route-cache flow\nR1(config-if)#end\nR1#show ip cache flow | include 0050\nR1#sh ip arp\nInternet  10.1.1.1  -  5254.00c7.6ac6  ARPA   Vlan1\nR1#\n';
    expect(split(text)).toEqual([
      { command: 'show ip cache flow | include 0050', first: 6, last: 6 },
      { command: 'sh ip arp', first: 7, last: 8 },
    ]);
  });

  it('drops a non-show command that printed only its acknowledgement, keeps one with real output', () => {
    const text = [
      'R1#conf t',
      'Enter configuration commands, one per line.  End with CNTL/Z.',
      'R1(config)#end',
      'R1#wr',
      'Building configuration...',
      '[OK]',
      'R1#ping 10.1.1.1',
      'Success rate is 100 percent (5/5), round-trip min/avg/max = 1/2/4 ms',
      'R1#',
    ].join('\n');
    expect(split(text)).toEqual([{ command: 'ping 10.1.1.1', first: 7, last: 8 }]);
  });

  it('never splits inside a config banner, even at prompt-like lines', () => {
    const text = ['R1#sh run', 'hostname R1', 'banner motd ^C', 'R1>', 'R1#show version', '^C', 'banner exec #R1#sh ip arp#', 'end', 'R1#sh ip arp', 'x'].join('\n');
    expect(split(text)).toEqual([
      { command: 'sh run', first: 1, last: 8 },
      { command: 'sh ip arp', first: 9, last: 10 },
    ]);
  });

  it('splits CatOS and the tech note odd prompts, and bare echoed commands', () => {
    const text = '6500-sup(enable)show mls ent\nDestination-IP  Source-IP\n6500-sup(enable)\nshow ip accounting\n  Source  Destination  Packets  Bytes\n';
    expect(split(text)).toEqual([
      { command: 'show mls ent', first: 1, last: 2 },
      { command: 'show ip accounting', first: 4, last: 5 },
    ]);
  });

  it('does not split show version at its "Device#  PID  SN" header', () => {
    const text = fixture('version-genie-1.txt');
    expect(split(text)).toEqual([{ command: undefined, first: 1, last: normaliseLines(text).length }]);
  });

  it('keeps text before the first prompt as its own section, with no command', () => {
    expect(split('Vl1 1.1.1.1 Vl3 2.2.2.2 06 0F9F 0050 1\nR1#sh ip arp\nx\n')).toEqual([
      { command: undefined, first: 1, last: 1 },
      { command: 'sh ip arp', first: 2, last: 3 },
    ]);
  });

  it('reads log messages printed after a configuration-mode command by shape; other commands stay not read', () => {
    const mallocfail = '*Mar 1 00:00:27.307: %SYS-2-MALLOCFAIL: Memory allocation of 10260 bytes failed from 0x62912920, alignment 0';
    const config = diagnose([{ source: 'c', text: ['R1(config-if)#ip nat inside', mallocfail, 'Pool: Processor Free: 13696 Cause: Memory fragmentation', ''].join('\n') }]);
    expect(config.inputs.map((i) => [i.kind, i.records])).toEqual([['show logging', 1]]);
    const exec = diagnose([{ source: 'e', text: ['R1#un all', mallocfail, ''].join('\n') }]);
    expect(exec.inputs.map((i) => i.kind)).toEqual(['unknown']);
  });
});

describe('show tech-support: each command between its separators', () => {
  const isShow = () => true;
  it('IOS rules of dashes and NX-OS backquotes open a section each; the empty show tech-support echo is dropped', () => {
    const lines = ['R1#show tech-support', '', '', '------------------ show version ------------------', '', 'Cisco IOS Software', '', '------------------ show running-config ------------------', 'hostname R1', '`show clock`', '10:00:00 UTC'];
    expect(splitSections(lines, isShow).map((s) => [s.command, s.echoIndex, s.from, s.to])).toEqual([
      ['show version', 3, 4, 7],
      ['show running-config', 7, 8, 9],
      ['show clock', 9, 10, 11],
    ]);
  });

  it('a rule of dashes without a show command, or inside a table, is no separator', () => {
    const lines = ['R1#show ip cache flow', 'SrcIf SrcIPaddress', '-------- --------', '---- not a command ----'];
    expect(splitSections(lines, isShow).map((s) => s.command)).toEqual(['show ip cache flow']);
  });
});
