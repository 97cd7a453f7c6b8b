// The config-mode interpreter: what IOS does with each line a plan can hold, and what it refuses.
import { describe, expect, it } from 'vitest';
import { runningConfigParser } from '../parsers/show-running-config/parser';
import { normaliseLines } from '../text/normalise';
import { applySteps, comparable } from './apply';
import { buildModel } from './config-model';
import { rollbackSteps } from './rollback';
import { canon } from './testing/plan-checks';

const CONFIG = [
  'hostname T1',
  'interface FastEthernet0/0',
  ' ip address 10.0.0.1 255.255.255.0',
  ' ip access-group 120 in',
  'interface Vlan3',
  ' ip address 10.10.3.1 255.255.255.0',
  'ip route 0.0.0.0 0.0.0.0 Vlan3',
  'ip route 10.9.0.0 255.255.0.0 10.0.0.2 1',
  'access-list 120 deny udp any any eq 1434',
  'access-list 120 permit ip any any',
  'ip access-list standard MGMT',
  ' 10 permit host 10.0.0.9',
  'logging console debugging',
].join('\n');

function model(version?: string) {
  const lines = normaliseLines(CONFIG);
  return buildModel(runningConfigParser.parse({ lines, from: 0, to: lines.length }).data, version);
}

const config = (...commands: string[]) => [{ mode: 'config' as const, commands }];

describe('the interpreter', () => {
  it('numbers entries 10, 20 like IOS, and inserts by sequence number only on IOS that takes them', () => {
    expect(model().acls['120']!.entries.map((e) => e.seq)).toEqual([10, 20]);
    const old = applySteps(model('12.1(5)T'), config('ip access-list extended 120', ' 5 deny tcp any any eq www'));
    expect(old.errors.map((e) => e.message)).toEqual(['editing a numbered ACL by name needs IOS 12.3(2)T / 12.2(14)S or later', 'sub-mode line outside its block']);
    const next = applySteps(model('12.4(25d)'), config('ip access-list extended 120', ' 5 deny tcp any any eq www'));
    expect(next.errors).toEqual([]);
    expect(next.model.acls['120']!.entries.map((e) => `${e.seq} ${e.text}`)).toEqual(['5 deny tcp any any eq www', '10 deny udp any any eq 1434', '20 permit ip any any']);
    expect(applySteps(next.model, config('ip access-list extended 120', ' 10 deny ip any any')).errors[0]!.message).toMatch(/Duplicate sequence number/);
  });

  it('refuses exec lines in config mode, config lines at the exec prompt, placeholders, and end', () => {
    const r = applySteps(model(), [
      { mode: 'config', commands: ['clear arp-cache', 'ip route 0.0.0.0 0.0.0.0 <next hop>', 'end'] },
      { mode: 'exec', commands: ['ip cef', 'undebug all'] },
    ]);
    expect(r.errors.map((e) => e.message)).toEqual([
      'exec command inside configure terminal (% Invalid input)',
      'placeholder left in the line',
      'end inside a config step',
      'configuration command at the exec prompt',
    ]);
  });

  it('a standard list takes no port entries; one access-group per direction, the last wins', () => {
    expect(applySteps(model('15.1(4)M'), config('ip access-list standard MGMT', ' deny tcp any any eq www')).errors).toHaveLength(1);
    const r = applySteps(model(), config('interface FastEthernet0/0', ' ip access-group MGMT in'));
    expect(r.model.interfaces['fastethernet0/0']!.groups).toEqual({ in: 'MGMT' });
  });

  it('routes: distance 1 is the default, a new distance replaces the old, `no ip route P M X` removes that one', () => {
    const m = model();
    expect(m.routes.find((r) => r.prefix === '10.9.0.0')).toEqual({ prefix: '10.9.0.0', mask: '255.255.0.0', nextHop: '10.0.0.2' });
    const r = applySteps(m, config('ip route 10.9.0.0 255.255.0.0 10.0.0.2 200', 'ip route 0.0.0.0 0.0.0.0 10.10.3.2', 'no ip route 0.0.0.0 0.0.0.0 Vlan3'));
    expect(r.errors).toEqual([]);
    expect(r.model.routes).toEqual([
      { prefix: '10.9.0.0', mask: '255.255.0.0', nextHop: '10.0.0.2', distance: 200 },
      { prefix: '0.0.0.0', mask: '0.0.0.0', nextHop: '10.10.3.2' },
    ]);
    // The back-out types the old distance again rather than removing the route.
    const back = rollbackSteps(m, r.model);
    expect(back[0]!.commands).toEqual(['ip route 0.0.0.0 0.0.0.0 Vlan3', 'ip route 10.9.0.0 255.255.0.0 10.0.0.2', 'no ip route 0.0.0.0 0.0.0.0 10.10.3.2']);
    expect(canon(comparable(applySteps(r.model, back).model))).toBe(canon(comparable(m)));
  });

  it('a global line after an interface block is global again (no ip access-list, logging console)', () => {
    const r = applySteps(model(), config('interface Vlan3', ' no ip proxy-arp', 'no logging console', 'no ip http server'));
    expect(r.errors).toEqual([]);
    expect(r.model.interfaces['vlan3']!.settings).toEqual(['no ip proxy-arp']);
    expect(r.model.globals['logging console']).toBe('no logging console');
    const back = rollbackSteps(model(), r.model);
    expect(back[0]!.commands).toEqual(['interface Vlan3', ' ip proxy-arp', 'logging console debugging']);
  });
});
