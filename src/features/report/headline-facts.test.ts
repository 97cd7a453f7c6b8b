import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../core/diagnose';
import { headlineWorm, primaryAction } from './headline-facts';

const sample = (n: string) => ({ source: n, text: readFileSync(join(__dirname, '../example/samples', n), 'utf8') });

describe('headline facts', () => {
  it('the built-in example (no running-config): every step waits on a check, so the primary action is the pre-checks', () => {
    const d = diagnose([sample('seed_show_ip_cache_flow.txt')]);
    const a = primaryAction(d)!;
    expect(a.button).toBe('Copy the pre-checks');
    expect(a.text.split('\n')).toEqual(d.plans![0]!.precheck);
    expect(a.text).not.toContain('configure terminal');
    expect(a.what).toMatch(/^run the pre-checks of the change plan for .*: its step says what they must show before you paste it\.$/);
  });
  it('the whole change plan when no step waits on a check; the pre-checks, naming the steps that wait, when some do', () => {
    const base = diagnose([sample('seed_show_ip_cache_flow.txt')]).plans![0]!;
    const http = { mode: 'config' as const, findings: ['http-server-enabled' as const], why: 'Off.', commands: ['no ip http server'] };
    const gated = { ...http, findings: ['scanning-host' as const], commands: ['access-list 150 deny tcp any any eq www'], gate: ['If the pre-check (show access-lists 150) lists entries, do not paste it.'] };
    const whole = primaryAction({ ...diagnose([]), plans: [{ ...base, steps: [http] }] })!;
    expect(whole.button).toBe('Copy the whole change plan');
    expect(whole.label).toMatch(/^Copy the whole change plan for /);
    expect(whole.text).toBe('configure terminal\nno ip http server\nend');
    const part = primaryAction({ ...diagnose([]), plans: [{ ...base, steps: [gated, http] }] })!;
    expect(part.button).toBe('Copy the pre-checks');
    expect(part.what).toContain(', then paste its 2 steps in order, one at a time: step 1 says what the pre-checks must show first.');
    expect(part.text).not.toContain('access-list 150');
  });
  it('names the worm only when the infected hosts agree on one', () => {
    const h = { ip: '1.1.1.1', interface: '', flows: 1, destinations: 1, port80Flows: 1, packetsPerFlow: 1, verdict: 'infected' as const, failedFlows: 1, reasons: [], inbound: false };
    expect(headlineWorm([{ ...h, variant: 'code-red' }])).toBe(', likely Code Red');
    expect(headlineWorm([{ ...h, variant: 'code-red' }, { ...h, variant: 'code-red-ii' }])).toBeNull();
    expect(headlineWorm([{ ...h, variant: 'unknown' }])).toBeNull();
    // Hosts seen only in accounting tell no worm: the headline names the ones that do.
    expect(headlineWorm([{ ...h, variant: 'code-red' }, { ...h, ip: '20.1.1.1', variant: 'unknown' }])).toBe('; 1.1.1.1 likely Code Red');
    expect(headlineWorm([{ ...h, variant: 'unknown', worm: 'sasser' }])).toBe(', likely Sasser');
  });
  it('no plan and no config: no action', () => {
    expect(primaryAction(diagnose([]))).toBeNull();
  });
});
