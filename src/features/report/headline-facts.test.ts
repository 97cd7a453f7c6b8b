import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../core/diagnose';
import { headlineWorm, primaryAction } from './headline-facts';

const sample = (n: string) => ({ source: n, text: readFileSync(join(__dirname, '../example/samples', n), 'utf8') });

describe('headline facts', () => {
  it('the primary action is the whole change plan when there is one', () => {
    const d = diagnose([sample('seed_show_ip_cache_flow.txt')]);
    const a = primaryAction(d)!;
    expect(a.button).toBe('Copy the whole change plan');
    expect(a.text).toContain('configure terminal');
    expect(a.text).toContain('eq www');
    expect(a.label).toMatch(/^Copy the whole change plan for /);
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
