import { describe, expect, it } from 'vitest';
import { withoutLogKeywords as withoutLog } from '../plan/block';
import { matchesWormTraffic } from './acl-log-keyword';
import { cefCommand, expandInterfaceName, freeAclLike, freeExtendedAcl, routeToNextHop } from './remedies';

describe('which ACL entries the worm\'s TCP/80 SYNs can hit', () => {
  const table: [string, boolean][] = [
    ['permit tcp any any eq www log', true],
    ['permit tcp any any eq 80', true],
    ['deny ip any any log', true],
    ['permit any log', true],
    ['permit 10.0.0.0 0.0.0.255 log', true],
    ['permit tcp any any range 1 1024 log', true],
    ['permit tcp any any lt 1024', true],
    ['permit 6 any any eq 80', true],
    ['permit tcp any any eq 22 log', false],
    ['deny tcp any any eq telnet log', false],
    ['permit tcp any any range 443 8080', false],
    ['permit tcp any any gt 1023', false],
    ['permit tcp any any neq 80', false],
    ['permit tcp any any established log', false],
    ['deny udp any any log', false],
    ['permit 17 any any log', false],
    ['permit esp any any log', false],
    ['remark log all IPSEC', false],
  ];
  it.each(table)('%s -> %s', (entry, expected) => {
    expect(matchesWormTraffic(entry)).toBe(expected);
  });

  it('drops log and log-input, nothing else', () => {
    expect(withoutLog('deny   tcp any any log')).toBe('deny tcp any any');
    expect(withoutLog('permit ip any any log-input')).toBe('permit ip any any');
    expect(withoutLog('remark logging stays')).toBe('remark logging stays');
    expect(withoutLog('remark log this one')).toBe('remark log this one');
    // IOS's syslog cookie (log WORD, 12.4(22)T) goes with its log: left alone, IOS refuses the copied line.
    expect(withoutLog('deny ip 10.0.0.0 0.255.255.255 any log SPOOF')).toBe('deny ip 10.0.0.0 0.255.255.255 any');
    expect(withoutLog('permit gre host 198.51.100.9 host 203.0.113.2 log-input NOC-GRE')).toBe('permit gre host 198.51.100.9 host 203.0.113.2');
    expect(withoutLog('permit tcp any any eq www log time-range WORK')).toBe('permit tcp any any eq www time-range WORK');
    // An ASA's level and interval.
    expect(withoutLog('permit tcp any host 10.1.1.1 eq www log 6 interval 300')).toBe('permit tcp any host 10.1.1.1 eq www');
  });
});

describe('free ACL ids', () => {
  it('keeps a numbered ACL in its kind, skipping ids in use', () => {
    expect(freeAclLike('101', ['101', '100'])).toBe('102');
    expect(freeAclLike('10', ['1', '10'])).toBe('2');
    expect(freeAclLike('EXT_IN', ['EXT_IN', 'EXT_IN-NOLOG'])).toBe('EXT_IN-NOLOG-2');
    expect(freeExtendedAcl(['150', '151'])).toBe('152');
  });
});

describe('config lines', () => {
  it('expands short interface names', () => {
    expect(expandInterfaceName('Vl1')).toBe('Vlan1');
    expect(expandInterfaceName('Fa0/0')).toBe('FastEthernet0/0');
    expect(expandInterfaceName('Gi0/1.100')).toBe('GigabitEthernet0/1.100');
    // Catalyst 9000 multigigabit and faster ports: a flow naming Tw1/0/5 is the config's TwoGigabitEthernet1/0/5 (the
    // red team's case: the plan said the config did not show that interface's list, and gave a placeholder).
    expect(expandInterfaceName('Tw1/0/5')).toBe('TwoGigabitEthernet1/0/5');
    expect(expandInterfaceName('Twe1/0/25')).toBe('TwentyFiveGigE1/0/25');
    expect(expandInterfaceName('Fi1/0/1')).toBe('FiveGigabitEthernet1/0/1');
    expect(expandInterfaceName('Fo1/1/1')).toBe('FortyGigabitEthernet1/1/1');
    expect(expandInterfaceName('Hu1/0/49')).toBe('HundredGigE1/0/49');
  });

  it('rewrites an interface route to a next hop (new route first: the old order left no default route mid-paste), keeping a floating distance', () => {
    expect(routeToNextHop({ prefix: '0.0.0.0', mask: '0.0.0.0', interface: 'Vl3' }, '10.0.0.2')).toEqual(['ip route 0.0.0.0 0.0.0.0 10.0.0.2', 'no ip route 0.0.0.0 0.0.0.0 Vlan3', 'clear arp-cache']);
    expect(routeToNextHop({ prefix: '0.0.0.0', mask: '0.0.0.0', interface: 'Ethernet0', distance: 250 }, undefined)).toEqual([
      'ip route 0.0.0.0 0.0.0.0 <next-hop address> 250',
      'no ip route 0.0.0.0 0.0.0.0 Ethernet0 250',
      'clear arp-cache',
    ]);
    expect(routeToNextHop({ prefix: '0.0.0.0', mask: '0.0.0.0', interface: 'Gi0/0', vrf: 'red' }, '10.9.9.1').slice(0, 2)).toEqual([
      'ip route vrf red 0.0.0.0 0.0.0.0 10.9.9.1',
      'no ip route vrf red 0.0.0.0 0.0.0.0 GigabitEthernet0/0',
    ]);
    expect(cefCommand(true)).toBe('ip cef distributed');
  });
});
