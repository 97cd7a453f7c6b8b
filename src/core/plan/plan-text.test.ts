// The whole-plan script: what one paste does to a router, read by no one on the way (no gate honoured).
import { describe, expect, it } from 'vitest';
import type { ChangePlan, PlanStep } from '../types';
import { planOutline, planScript, stepsWords, wholePlanParts } from './plan-text';
import { withSafetyNet } from './safety-net';

const route: PlanStep = { mode: 'config', findings: ['default-route-to-broadcast-interface'], why: 'Next hop.', commands: ['ip route 0.0.0.0 0.0.0.0 <next-hop address on FastEthernet0/0: show ip arp FastEthernet0/0>', 'no ip route 0.0.0.0 0.0.0.0 FastEthernet0/0'] };
const http: PlanStep = { mode: 'config', findings: ['http-server-enabled'], why: 'Off.', commands: ['no ip http server'] };
const arp: PlanStep = { mode: 'exec', findings: ['default-route-to-broadcast-interface'], why: 'Free ARP.', commands: ['clear arp-cache'] };
const blind: PlanStep = { mode: 'config', findings: ['scanning-host'], why: 'Block.', commands: ['ip access-list extended <inbound ACL on Vlan1: show ip interface Vlan1>', ' 1 deny tcp any any eq www'], gate: ['Paste it only if show access-lists on that ACL prints an Extended IP access list with entries, the first numbered above 1.'] };
const fresh: PlanStep = {
  mode: 'config',
  findings: ['scanning-host'],
  why: 'FastEthernet0/0 has no inbound access list in the running-config: ACL 150 (a number nothing else uses) is built whole, then bound.',
  commands: ['access-list 150 deny tcp any any eq www', 'access-list 150 permit ip any any', 'interface FastEthernet0/0', ' ip access-group 150 in'],
  gate: ['If the pre-check (show ip interface FastEthernet0/0) names an inbound access list, do not paste it: the running-config pasted is incomplete and binding 150 would replace that list; paste the whole config again.'],
};
const plan = (steps: PlanStep[], platform?: 'nx-os'): ChangePlan => ({ router: 'R', precheck: ['show ip route 0.0.0.0'], steps, verify: [], rollback: [], ...(platform ? { platform } : {}) });

describe('the whole change plan as one paste', () => {
  it('is not offered when a step has a value to fill in: its placeholder line would fail and the next remove the default route', () => {
    expect(planScript(plan([route, http, arp]))).toBe('');
    expect(wholePlanParts(plan([route, http, arp]))).toEqual({ pasted: [2, 3], alone: [1] });
  });

  it('is not offered when a step\'s safety rests on what a pre-check shows (filled in an editor, its words would be lost)', () => {
    expect(planScript(plan([fresh, http]))).toBe('');
    expect(planScript(plan([blind]))).toBe('');
    expect(wholePlanParts(plan([fresh, http]))).toEqual({ pasted: [2], alone: [1] });
  });

  it('carries every step in order when none waits on anything; a safety net around nothing is no plan (IOS and NX-OS)', () => {
    expect(planScript(plan([http, arp]))).toBe(['configure terminal', 'no ip http server', 'end', 'clear arp-cache'].join('\n'));
    expect(planScript(withSafetyNet(plan([blind, fresh])))).toBe('');
    expect(wholePlanParts(withSafetyNet(plan([blind, fresh])))).toEqual({ pasted: [], alone: [2, 3] });
  });

  it('keeps the safety net by hand: reload in N and reload cancel are typed, NX-OS checkpoint goes first', () => {
    expect(planScript(withSafetyNet(plan([http])))).toBe(['configure terminal', 'no ip http server', 'end'].join('\n'));
    expect(planScript(withSafetyNet(plan([http], 'nx-os'))).split('\n')[0]).toBe('checkpoint code-red-triage');
  });

  it("the outline puts a step's checks after its why, and names steps by number", () => {
    const outline = planOutline(plan([fresh, http]));
    expect(outline.find((p) => p.heading.startsWith('Step 1'))).toMatchObject({ note: fresh.why, checks: fresh.gate });
    expect(outline.find((p) => p.heading.startsWith('Step 2'))!.note).toBe('Off.');
    expect(stepsWords([2])).toBe('step 2');
    expect(stepsWords([1, 3, 4])).toBe('steps 1, 3 and 4');
  });
});
