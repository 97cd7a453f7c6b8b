// The safety net's tick box names the reload the plan would get: its minutes sized to the plan (safety-net.ts).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ChangePlan, PlanStep } from '../../core/types';
import { withSafetyNet } from '../../core/plan/safety-net';
import { ChangePlanView } from './change-plan';

const http: PlanStep = { mode: 'config', findings: ['http-server-enabled'], why: 'Off.', commands: ['no ip http server'] };
const gated: PlanStep = { mode: 'config', findings: ['scanning-host'], why: 'Block.', commands: ['access-list 150 deny tcp any any eq www'], gate: ['If the pre-check lists entries, do not paste it.'] };
const plan = (steps: PlanStep[]): ChangePlan => ({ router: 'R', precheck: [], steps, verify: [], rollback: [] });
const label = (p: ChangePlan) => /<label class="safety-net">[\s\S]*?<\/label>/.exec(renderToStaticMarkup(<ChangePlanView plan={p} index={0} />))![0];

describe('the safety net tick box', () => {
  it('offers the reload the plan would get: 10 minutes, 5 more a step pasted on its own', () => {
    expect(label(plan([http]))).toContain('<code>reload in 10</code>');
    expect(label(plan([gated, http]))).toContain('<code>reload in 15</code>');
    expect(label(plan([gated, http]))).toContain('it reloads then unless cancelled');
  });

  it('shows the unsaved-changes check above the reload when ticked (a plan that came with its net)', () => {
    const netted = withSafetyNet(plan([gated, http]));
    expect(label(netted)).toContain('<code>reload in 15</code>');
    const html = renderToStaticMarkup(<ChangePlanView plan={netted} index={0} />);
    expect(html).toContain('reload in 15');
    expect(html).toContain('aria-label="Before pasting step 1"');
    expect(html).toContain('show running-config | include Last configuration change|NVRAM config last updated');
  });
});
