import { describe, expect, it } from 'vitest';
import { commandIndex } from '../parsers/registry';
import { CommandIndex } from './command-index';
import { splitFilter } from './prompt';

const kind = (typed: string) => commandIndex.match(splitFilter(typed).base);

describe('command index (through the real registry)', () => {
  it.each([
    ['sh ip cach fl', 'show ip cache flow'],
    ['show ip cache flow | include 0050', 'show ip cache flow'],
    ['sh ip cache verbose flow', 'show ip cache verbose flow'],
    ['sh ip cache verbose', 'show ip cache verbose'],
    ['sh ip cach', 'show ip cache'],
    ['sh proc cpu sort', 'show processes cpu'],
    ['sh proc cpu sorted 5min | inc CPU', 'show processes cpu'],
    ['sh proc mem | i ARP', 'show processes memory'],
    ['sh log', 'show logging'],
    ['sh logg', 'show logging'],
    ['sh run', 'show running-config'],
    ['sh run | i ip route', 'show running-config'],
    ['more system:running-config', 'show running-config'],
    ['show ip nat tr', 'show ip nat translations'],
    ['sh ip nat t', 'show ip nat translations'],
    ['sh ip nat stat', 'show ip nat statistics'],
    ['sh ip cef sum', 'show ip cef summary'],
    ['show mls ent', 'show mls entry'],
    ['sh mls ip', 'show mls ip'],
    ['sh ip arp', 'show ip arp'],
    ['sh arp', 'show ip arp'],
    ['sh ver', 'show version'],
    ['SH IP ACC', 'show ip accounting'],
    ['sh align', 'show alignment'],
    ['sh mem sum', 'show memory summary'],
    ['sh adj sum', 'show adjacency summary'],
  ])('%s -> %s', (typed, expected) => {
    expect(kind(typed)).toBe(expected);
  });

  it.each([
    ['sh proc cpu hist', 'unknown'],
    ['sh proc cpu h', 'unknown'],
    ['sh ip cef', 'unknown'],
    ['sh ip cef 10.0.0.0', 'unknown'],
    ['sh adj', 'unknown'],
  ])('%s is recognised but not read (%s)', (typed, expected) => {
    expect(kind(typed)).toBe(expected);
  });

  it.each(['s ip arp', 'sh ip c f', 'sh ip cahce flow', 'show', 'terminal length 0', 'clear ip flow stats', ''])(
    '%s matches nothing',
    (typed) => {
      expect(kind(typed)).toBeNull();
    },
  );
});

describe('CommandIndex', () => {
  const idx = new CommandIndex([
    { words: 'show ip cache', kind: 'cache' },
    { words: 'show ip cache flow', kind: 'flow' },
    { words: 'show ip cef', kind: 'cef' },
  ]);

  it('prefers the longest spec and treats extra words as arguments', () => {
    expect(idx.match('sh ip cache flow')).toBe('flow');
    expect(idx.match('sh ip cache 10.0.0.0 255.0.0.0')).toBe('cache');
  });

  it('takes a one-letter word only when it is unique among the specs at that point', () => {
    expect(idx.match('sh ip cache f')).toBe('flow');
    expect(idx.match('sh ip c')).toBeNull();
  });
});
