import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';

const read = (name: string) => ({ source: name, text: readFileSync(join(__dirname, 'fixtures', name), 'utf8') });
// Every fixture must be read as the command it is: a silent rule on an unread capture would prove nothing.
const run = (names: string[], answers: Record<string, string> = {}) => {
  const d = diagnose(names.map(read), answers);
  for (const i of d.inputs) expect(i.kind, i.source).not.toBe('unknown');
  return d.findings;
};
const one = (id: string, names: string[], answers: Record<string, string> = {}) => run(names, answers).filter((f) => f.id === id);

describe('cef-not-enabled', () => {
  it('fires on "%CEF not running" with ip cef and its caveats (versions, clear ip arp first, CEF disabling itself)', () => {
    const [f] = one('cef-not-enabled', ['cef-not-running.txt']);
    expect(f!).toMatchObject({ severity: 'warning', title: 'CEF is not running' });
    expect(f!.evidence).toEqual([{ source: 'cef-not-running.txt', line: 2, text: '%CEF not running' }]);
    expect(f!.remedy.commands).toEqual(['ip cef']);
    const caveats = f!.remedy.caveats.join(' ');
    expect(caveats).toContain('11.1CC and 12.0');
    expect(caveats).toContain('clear ip arp');
    expect(caveats).toMatch(/CPU spike/);
    expect(caveats).toMatch(/disables itself/);
    expect(caveats).toContain('ip cef distributed');
  });

  it('fires on a large, churning fast-switching cache', () => {
    const [f] = one('cef-not-enabled', ['technote-ip-cache-churn.txt']);
    expect(f!.title).toMatch(/^Fast switching is carrying the load/);
    expect(f!.evidence.map((e) => e.line)).toEqual([2, 3]);
  });

  it('stays silent when CEF runs (the tech note 7200 sample, a dCEF box), and on the note\'s small cache', () => {
    expect(one('cef-not-enabled', ['seed-cef-summary.txt'])).toEqual([]);
    expect(one('cef-not-enabled', ['cef-distributed.txt'])).toEqual([]);
    expect(one('cef-not-enabled', ['seed-ip-cache.txt'])).toEqual([]);
    expect(one('cef-not-enabled', ['technote-ip-cache-churn.txt', 'seed-cef-summary.txt'])).toEqual([]);
    expect(one('cef-not-enabled', ['config-constructed-code-red.txt', 'seed-cef-summary.txt'])).toEqual([]);
  });

  it('from the answer (fast switching): a warning naming show ip cef summary, overruled by a summary that says CEF runs', () => {
    const [f] = one('cef-not-enabled', [], { switching: 'fast' });
    expect(f!).toMatchObject({ severity: 'warning', evidence: [] });
    expect(f!.remedy.commands[0]).toBe('show ip cef summary');
    expect(one('cef-not-enabled', ['seed-cef-summary.txt'], { switching: 'fast' })).toEqual([]);
    expect(one('cef-not-enabled', [], { switching: 'cef' })).toEqual([]);
  });
});

describe('fast-switching-cache-churn', () => {
  it('fires on 48,213 entries and 1.2M adds: ip cache-ager-interval 60 5 25 with its trade-off, CEF preferred', () => {
    const [f] = one('fast-switching-cache-churn', ['technote-ip-cache-churn.txt']);
    expect(f!.severity).toBe('warning');
    expect(f!.title).toBe('Fast-switching cache is large or churning: 48,213 entries, 8,195,244 bytes; 1,284,567 adds, 1,236,354 invalidates');
    expect(f!.remedy.commands).toEqual(['ip cache-ager-interval 60 5 25']);
    expect(f!.remedy.summary).toContain('aged by 1/20 every 60 seconds (1/4 when memory is low)');
    expect(f!.remedy.caveats.join(' ')).toMatch(/process-switched .* IP Input/);
    expect(f!.remedy.alternatives![0]!.commands).toEqual(['ip cef']);
  });

  it('from the answers (fast switching, memory low): an info naming show ip cache; the note\'s small cache silences it', () => {
    const [f] = one('fast-switching-cache-churn', [], { switching: 'fast', memory: 'low' });
    expect(f!).toMatchObject({ severity: 'info', evidence: [] });
    expect(f!.remedy.commands[0]).toBe('show ip cache');
    expect(one('fast-switching-cache-churn', ['seed-ip-cache.txt'], { switching: 'fast', memory: 'low' })).toEqual([]);
    expect(one('fast-switching-cache-churn', [], { switching: 'fast', memory: 'normal' })).toEqual([]);
  });

  it('stays silent on the tech note\'s own 2-entry cache, and when CEF is running', () => {
    expect(one('fast-switching-cache-churn', ['seed-ip-cache.txt'])).toEqual([]);
    expect(one('fast-switching-cache-churn', ['technote-ip-cache-churn.txt', 'seed-cef-summary.txt'])).toEqual([]);
  });
});

describe('netflow-unavailable', () => {
  it('fires on the answer: ip accounting on the egress interface (placeholder without a config), DCEF warning', () => {
    const [f] = one('netflow-unavailable', [], { netflow: 'many-ingress' });
    expect(f!.severity).toBe('info');
    // `end` and `show ip accounting` no longer sit among config lines: the plan ends config mode and lists the show as a check.
    expect(f!.remedy.commands).toEqual(['interface <lone egress interface>', ' ip accounting']);
    expect(f!.remedy.caveats.join(' ')).toMatch(/disables DCEF/);
  });

  it('stays silent when netflow works, or when a netflow cache is pasted', () => {
    expect(one('netflow-unavailable', [], { netflow: 'yes' })).toEqual([]);
    expect(one('netflow-unavailable', [])).toEqual([]);
    expect(one('netflow-unavailable', ['seed-cache-flow.txt'], { netflow: 'unsupported' })).toEqual([]);
  });
});

describe('ip-accounting-disables-dcef', () => {
  it('fires when this report recommends accounting on a router running distributed CEF', () => {
    const [f] = one('ip-accounting-disables-dcef', ['cef-distributed.txt'], { netflow: 'low-memory' });
    expect(f!.severity).toBe('warning');
    expect(f!.title).toBe('This report suggests IP accounting, but distributed CEF is on');
    expect(f!.evidence[0]!.text).toMatch(/^IP Distributed CEF with switching/);
  });

  it('is only info when DCEF rests on the answer', () => {
    expect(one('ip-accounting-disables-dcef', [], { netflow: 'low-memory', switching: 'dcef' })[0]!.severity).toBe('info');
  });

  it('stays silent without DCEF, and when accounting is not on the table', () => {
    expect(one('ip-accounting-disables-dcef', ['seed-cef-summary.txt'], { netflow: 'low-memory' })).toEqual([]);
    expect(one('ip-accounting-disables-dcef', ['cef-distributed.txt'])).toEqual([]);
  });
});
