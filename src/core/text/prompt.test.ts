import { describe, expect, it } from 'vitest';
import { parseBareCommand, parseFilter, parsePrompt, splitFilter } from './prompt';

describe('parsePrompt', () => {
  it.each([
    ['Router#show ip cache flow | include 0050', 'Router', 'show ip cache flow | include 0050'],
    ['R1(config)#do sh ip arp', 'R1', 'sh ip arp'],
    ['R1(config-if)#do   sh  ip   cach fl', 'R1', 'sh ip cach fl'],
    ['Device# show ip nat statistics', 'Device', 'show ip nat statistics'],
    ['      Device# show ip nat translations', 'Device', 'show ip nat translations'],
    ['6500-sup(enable)show mls ent', '6500-sup', 'show mls ent'],
    ['6500-sup(enable) set mls flow full', '6500-sup', 'set mls flow full'],
    ['Router<show ip cef summary', 'Router', 'show ip cef summary'],
    ['Router>show memory summary | include adj', 'Router', 'show memory summary | include adj'],
    ['R1#terminal length 0', 'R1', 'terminal length 0'],
    ['R1#clear ip flow stats', 'R1', 'clear ip flow stats'],
    ['RP/0/RSP0/CPU0:asr9k#sh run', 'RP/0/RSP0/CPU0:asr9k', 'sh run'],
    ['RouterA#', 'RouterA', ''],
    ['Router>', 'Router', ''],
  ])('%s', (line, host, command) => {
    expect(parsePrompt(line)).toEqual({ host, command });
  });

  it.each([
    'Device#         PID                     SN',
    'Ethernet0 > up',
    'Internet  10.1.1.1  -  5254.00c7.6ac6  ARPA   GigabitEthernet0/1',
    '*Oct 31 19:21:35.743: OSPF-1 HELLO Et0/0: Rcv hello from 2.2.2.2',
    'Vl1  193.23.45.35  Vl3  2.34.56.12  06 0F9F 0050 2',
  ])('%s is not a prompt', (line) => {
    expect(parsePrompt(line)).toBeNull();
  });

  it('accepts any lower-case command after a hostname already seen in a prompt, never capitalised data', () => {
    expect(parsePrompt('R1#un all')).toEqual({ host: 'R1', command: 'un all' });
    expect(parsePrompt('R1#verify /md5 flash:c7200.bin')).toBeNull();
    expect(parsePrompt('R1#verify /md5 flash:c7200.bin', new Set(['R1']))).toEqual({ host: 'R1', command: 'verify /md5 flash:c7200.bin' });
    expect(parsePrompt('Device#   PID   SN', new Set(['Device']))).toBeNull();
  });
});

describe('parseBareCommand and filters', () => {
  it('recognises an echo without prompt, do included', () => {
    expect(parseBareCommand('show ip accounting ')).toBe('show ip accounting');
    expect(parseBareCommand('do sh run')).toBe('sh run');
    expect(parseBareCommand('shutdown')).toBeNull();
    expect(parseBareCommand('show')).toBeNull();
  });

  it('splits the filter off and says what it keeps, abbreviations included', () => {
    expect(splitFilter('sh ip cach fl | i 0050')).toEqual({ base: 'sh ip cach fl', filter: 'i 0050' });
    expect(splitFilter('sh run')).toEqual({ base: 'sh run' });
    expect(parseFilter('i 0050')).toEqual({ kind: 'include', pattern: '0050' });
    expect(parseFilter('include ip route|http')).toEqual({ kind: 'include', pattern: 'ip route|http' });
    expect(parseFilter('inc CPU')).toEqual({ kind: 'include', pattern: 'CPU' });
    expect(parseFilter('b interface')).toEqual({ kind: 'begin', pattern: 'interface' });
    expect(parseFilter('begin ^interface')).toEqual({ kind: 'begin', pattern: '^interface' });
    expect(parseFilter('e Vl1')).toEqual({ kind: 'exclude', pattern: 'Vl1' });
    expect(parseFilter('exclude 0000')).toEqual({ kind: 'exclude', pattern: '0000' });
    expect(parseFilter('sec interface')).toEqual({ kind: 'section', pattern: 'interface' });
    expect(parseFilter('count')).toEqual({ kind: 'count', pattern: '' });
    expect(parseFilter('redirect tftp://x')).toEqual({ kind: 'other', pattern: 'tftp://x' });
  });
});

describe('prompts whose hostname the poster hid (issue 13)', () => {
  it('reads the command after <hostname>#, [router]#, ***# and ####>', () => {
    for (const [line, command] of [
      ['<hostname>#sh proc cpu sorted', 'sh proc cpu sorted'],
      ['[router]#show ip arp', 'show ip arp'],
      ['***#show ip cache flow | i 0050', 'show ip cache flow | i 0050'],
      ['####>sh ip accounting', 'sh ip accounting'],
      ['<R1>(config)#do sh ip nat translations', 'sh ip nat translations'],
    ] as const) {
      expect(parsePrompt(line)?.command, line).toBe(command);
    }
  });
  it('but not data that happens to start like one', () => {
    expect(parsePrompt('<snip>')).toBeNull();
    expect(parsePrompt('*** 5 messages dropped ***')).toBeNull();
    expect(parsePrompt('###### 100% done')).toBeNull();
  });
});

describe('a hostname that starts with a digit', () => {
  it('is a prompt with a command it is known for (old IOS took such names: `1720_UUNET_Frame>sh mem`)', () => {
    expect(parsePrompt('1720_UUNET_Frame>sh mem')).toEqual({ host: '1720_UUNET_Frame', command: 'sh mem' });
    expect(parsePrompt('7206-core#show ip cache flow')).toEqual({ host: '7206-core', command: 'show ip cache flow' });
  });

  it('is no prompt without a letter in the name, without a known command, or bare before the name was seen', () => {
    expect(parsePrompt('1720#show ver')).toBeNull();
    expect(parsePrompt('10.1.1.1>80 SYN')).toBeNull();
    expect(parsePrompt('1720_UUNET_Frame>')).toBeNull();
    expect(parsePrompt('1720_UUNET_Frame>', new Set(['1720_UUNET_Frame']))).toEqual({ host: '1720_UUNET_Frame', command: '' });
  });
});

describe('a prompt whose hostname was taken off altogether', () => {
  it('is "#" and a show command; anything else after a lone "#" is not a prompt', () => {
    expect(parsePrompt('#sh ver')).toEqual({ command: 'sh ver' });
    expect(parsePrompt('# show ip arp detail')).toEqual({ command: 'show ip arp detail' });
    expect(parsePrompt('# - Adjacencies Throttled for Glean')).toBeNull();
    expect(parsePrompt('#')).toBeNull();
  });
});

describe('a comment typed at the prompt', () => {
  it('`R1#!` is a bare prompt (IOS ignores what follows !), so it ends the section before it', () => {
    expect(parsePrompt('PRLH-U07-DR-01#!')).toEqual({ host: 'PRLH-U07-DR-01', command: '' });
    expect(parsePrompt('R1#! next capture')).toEqual({ host: 'R1', command: '' });
  });
});
