import { describe, expect, it } from 'vitest';
import { FINDING_IDS } from '../types';
import { kindOfCommand } from './parsed-facts';
import { RULES } from './registry';

describe('rule registry', () => {
  it('has exactly one rule per finding id, in the contract\'s order', () => {
    expect(RULES.map((r) => r.id)).toEqual([...FINDING_IDS]);
  });

  it('every rule says what it checks and names show commands this tool reads to confirm it', () => {
    for (const r of RULES) {
      expect(r.checks.length, r.id).toBeGreaterThan(20);
      expect(r.confirmWith.length, r.id).toBeGreaterThan(0);
      for (const c of r.confirmWith) {
        expect(c, r.id).toMatch(/^show /);
        expect(kindOfCommand(c), `${r.id}: ${c}`).toBeDefined();
      }
    }
  });

  it('no rule fires on an empty diagnosis (no output, no answers)', () => {
    const ctx = { sections: [], hosts: [], answers: {}, evidence: (source: string, line: number) => ({ source, line, text: '' }) };
    for (const r of RULES) expect(r.evaluate(ctx), r.id).toEqual([]);
  });
});
