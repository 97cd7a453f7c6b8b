// The whole-plan script: what one paste does to a router, placeholders unfilled.
import { describe, expect, it } from 'vitest';
import type { ChangePlan } from '../types';
import { planScript } from './plan-text';

const plan: ChangePlan = {
  router: 'R',
  precheck: ['show ip route 0.0.0.0'],
  steps: [
    { mode: 'config', findings: ['default-route-to-broadcast-interface'], why: 'Next hop.', commands: ['ip route 0.0.0.0 0.0.0.0 <next-hop address on FastEthernet0/0: show ip arp FastEthernet0/0>', 'no ip route 0.0.0.0 0.0.0.0 FastEthernet0/0'] },
    { mode: 'config', findings: ['http-server-enabled'], why: 'Off.', commands: ['no ip http server'] },
    { mode: 'exec', findings: ['default-route-to-broadcast-interface'], why: 'Free ARP.', commands: ['clear arp-cache'] },
  ],
  verify: [],
  rollback: [],
};

describe('the whole change plan as one paste', () => {
  it('never carries a step with a value to fill in: its placeholder line would fail and the next remove the default route', () => {
    const script = planScript(plan).split('\n');
    expect(script).not.toContain('no ip route 0.0.0.0 0.0.0.0 FastEthernet0/0');
    expect(script).toEqual([
      '! Step 1 is left out: fill in its placeholders, then paste that step on its own.',
      'configure terminal', 'no ip http server', 'end', 'clear arp-cache',
    ]);
  });

  it('keeps a step whose placeholder lines are harmless unfilled (IOS refuses them and the lines under them)', () => {
    const blind = { ...plan, steps: [{ mode: 'config' as const, findings: ['scanning-host' as const], why: 'Block.', commands: ['ip access-list extended <inbound ACL on Vlan1: show ip interface Vlan1>', ' 1 deny tcp any any eq www'] }] };
    expect(planScript(blind)).toBe(['configure terminal', 'ip access-list extended <inbound ACL on Vlan1: show ip interface Vlan1>', ' 1 deny tcp any any eq www', 'end'].join('\n'));
  });
});
