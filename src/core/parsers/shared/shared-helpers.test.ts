import { describe, expect, it } from 'vitest';
import { isHeaderFragment } from '../../text/lines';
import type { Section } from '../parser-types';
import { EXEC_PROMPT_TIMESTAMP_START, isExecPromptTimestamp } from './exec-prompt-timestamp';
import { sniffRows } from './sniff-rows';

const section = (lines: string[]): Section => ({ lines, from: 0, to: lines.length });
const judge = (l: string) => (l.startsWith('HEAD') ? 1 : l.startsWith('row') ? 'row' : null);

describe('sniffRows', () => {
  it('lets the first numeric verdict decide, blank lines not counted', () => {
    expect(sniffRows(section(['', 'junk', 'HEAD x', 'row']), 10, judge)).toBe(1);
  });
  it('scores the share of rows among the non-blank lines seen, capped, with the bonus once a row is seen', () => {
    expect(sniffRows(section(['row', '', 'junk', 'row', 'junk']), 10, judge)).toBe(0.5);
    expect(sniffRows(section(['row', 'junk', 'junk', 'junk']), 10, judge, { bonus: 0.2 })).toBeCloseTo(0.45);
    expect(sniffRows(section(['junk', 'junk']), 10, judge, { bonus: 0.2 })).toBe(0);
    expect(sniffRows(section(['row', 'row']), 10, judge)).toBe(0.9);
    expect(sniffRows(section(['row', 'row']), 10, judge, { cap: 0.95, bonus: 0.3 })).toBe(0.95);
  });
  it('looks at no more than maxLines non-blank lines, and answers 0 for an empty section', () => {
    expect(sniffRows(section(['junk', 'junk', 'HEAD']), 2, judge)).toBe(0);
    expect(sniffRows(section(['', '  ']), 10, judge)).toBe(0);
  });
});

describe('isHeaderFragment', () => {
  const words = new Set(['pid', 'tty', 'process', 'dstip', 'srcip', 'prot']);
  it('accepts two or more header words in any case and rejects a single word or any other word', () => {
    expect(isHeaderFragment('  PID   TTY  Process', words)).toBe(true);
    expect(isHeaderFragment('PID', words)).toBe(false);
    expect(isHeaderFragment('PID TTY Holding', words)).toBe(false);
  });
  it('splits on the separator given (colons in MLS headers) and skips lines over 200 characters', () => {
    expect(isHeaderFragment('DstIP SrcIP Prot:', words)).toBe(false);
    expect(isHeaderFragment('DstIP SrcIP Prot:', words, /[\s:]+/)).toBe(true);
    expect(isHeaderFragment(`${'pid '.repeat(60)}`, words)).toBe(false);
  });
});

describe('exec prompt timestamp lines', () => {
  const load = 'Load for five secs: 2%/0%; one minute: 3%; five minutes: 3%';
  const time = 'Time source is NTP, 10:21:31.421 UTC Fri Nov 27 2026';
  it('the full shape reads both lines and nothing garbled', () => {
    expect(isExecPromptTimestamp(load)).toBe(true);
    expect(isExecPromptTimestamp(time)).toBe(true);
    expect(isExecPromptTimestamp('Load for five secs: lots')).toBe(false);
  });
  it('the prefix form takes any line that starts like one', () => {
    expect(EXEC_PROMPT_TIMESTAMP_START.test('Load for five secs: lots')).toBe(true);
    expect(EXEC_PROMPT_TIMESTAMP_START.test(` ${time}`)).toBe(true);
    expect(EXEC_PROMPT_TIMESTAMP_START.test('CPU utilization for five seconds: 99%/80%')).toBe(false);
  });
});

describe('MLS protocol and port names', () => {
  it('reads names the table prints and numbers; a name that is an object member (constructor, __proto__) is not known', async () => {
    const { portNumber, protocolNumber } = await import('./mls-protocol-port-names');
    expect([protocolNumber('tcp'), protocolNumber('UDP'), protocolNumber('0'), protocolNumber('300'), protocolNumber('-')]).toEqual([6, 17, undefined, null, undefined]);
    expect([portNumber('www'), portNumber('ftp-data'), portNumber('65536'), portNumber('1434')]).toEqual([80, 20, null, 1434]);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(protocolNumber(name), name).toBeNull();
      expect(portNumber(name), name).toBeNull();
    }
  });
});

describe('field and column names from the paste are looked up as own keys only', () => {
  it('a Flexible NetFlow field or an NX-OS header word named like an object member has no role', async () => {
    const { roleOf } = await import('../show-flow-monitor-cache/record-fields');
    const { headerColumns } = await import('../show-flow-cache/parser');
    expect(roleOf('ipv4 source address')).toBe('src4');
    expect(headerColumns('SIP DIP Packet Count')).toEqual(['src', 'dst', 'packets']);
    for (const name of ['constructor', '__proto__', 'toString', 'valueOf']) {
      expect(roleOf(name), name).toBeUndefined();
      expect(headerColumns(`SIP DIP ${name} Packet Count`), name).toEqual(['src', 'dst', undefined, 'packets']);
    }
  });
});
