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

describe('high-cpu-interrupt', () => {
  it('fires on 99%/98% (the tech note\'s NAT question), names the top processes and the outputs still missing', () => {
    const [f] = one('high-cpu-interrupt', ['technote-cpu-interrupt.txt']);
    expect(f!.severity).toBe('critical');
    expect(f!.title).toBe('CPU at 99% with 98% at interrupt level; top processes: IP Input 0.57%, ARP Input 0.32%, CEF process 0.08%');
    expect(f!.evidence.map((e) => e.line)).toEqual([2, 9, 8, 10]);
    expect(f!.remedy.commands).toEqual(['show ip nat statistics', 'show alignment', 'show logging', 'show ip cef summary', 'show ip cache flow']);
  });

  it('does not ask again for output already pasted', () => {
    const [f] = one('high-cpu-interrupt', ['technote-cpu-interrupt.txt', 'nat-stats-genie-6.txt', 'alignment-genie-1.txt']);
    expect(f!.remedy.commands).toEqual(['show logging', 'show ip cef summary', 'show ip cache flow']);
  });

  it('stays silent on a real router at 1%/0%', () => {
    expect(one('high-cpu-interrupt', ['cpu-genie-1.txt'])).toEqual([]);
  });

  it('from the answer alone: a warning that names show processes cpu; pasted output overrules the answer', () => {
    const [f] = one('high-cpu-interrupt', [], { cpu: 'interrupt' });
    expect(f).toMatchObject({ severity: 'warning', evidence: [] });
    expect(f!.title).toContain('paste show processes cpu');
    expect(f!.remedy.commands[0]).toBe('show processes cpu');
    expect(one('high-cpu-interrupt', ['cpu-genie-1.txt'], { cpu: 'interrupt' })).toEqual([]);
  });
});

describe('hybridge-input-cpu', () => {
  it('fires when HyBridge Input takes half the CPU', () => {
    const [f] = one('hybridge-input-cpu', ['technote-cpu-hybridge.txt']);
    expect(f!.title).toBe('HyBridge Input at 52.45% (5 s) / 49.8% (1 min)');
    expect(f!.evidence[0]!.text).toMatch(/HyBridge Input$/);
    expect(f!.remedy.summary).toMatch(/could not fast-switch/);
  });

  it('stays silent when HyBridge Input is not busy (or absent)', () => {
    expect(one('hybridge-input-cpu', ['technote-cpu-interrupt.txt'])).toEqual([]);
    expect(one('hybridge-input-cpu', ['cpu-genie-1.txt'])).toEqual([]);
  });

  it('from the answers: a warning with IRB, info without', () => {
    expect(one('hybridge-input-cpu', [], { 'cpu-process': 'hybridge-input', irb: 'yes' })[0]!.severity).toBe('warning');
    expect(one('hybridge-input-cpu', [], { 'cpu-process': 'hybridge-input' })[0]!.severity).toBe('info');
    expect(one('hybridge-input-cpu', [], { irb: 'yes' })).toEqual([]);
  });
});

describe('nat-translation-overload', () => {
  it('fires past 20,000 translations with PAT: CSCdu63623, alignment first, NAT instead of PAT, timeouts, NSE-1', () => {
    const [f] = one('nat-translation-overload', ['technote-nat-statistics-overload.txt']);
    expect(f!.severity).toBe('critical');
    expect(f!.title).toBe('35,212 NAT active translations with PAT (overload)');
    expect(f!.evidence.map((e) => e.line)).toEqual([2, 11]);
    expect(f!.remedy.commands).toEqual(['ip nat translation timeout 3600', 'ip nat translation tcp-timeout 3600']);
    const text = [f!.remedy.summary, ...f!.remedy.caveats].join(' ');
    expect(text).toContain('CSCdu63623');
    expect(text).toMatch(/Rule out alignment errors first: run show alignment twice/);
    expect(text).toContain('NSE-1');
    expect(text).toMatch(/NAT instead of PAT/);
  });

  it('never raises a timeout the config already keeps lower (ciscoconfparse-1 sets timeout 300, tcp-timeout 7200)', () => {
    const [f] = one('nat-translation-overload', ['technote-nat-statistics-overload.txt', 'config-ciscoconfparse-1.txt']);
    expect(f!.remedy.commands).toEqual(['ip nat translation tcp-timeout 3600']);
  });

  it('names the 7200 when show version says so (NSE-1 advice)', () => {
    const v = { source: 'v.txt', text: 'Router#show version\nIOS (tm) 7200 Software (C7200-JS-M), Version 12.1(5), RELEASE SOFTWARE (fc1)\ncisco 7206VXR (NPE300) processor (revision D) with 229376K/32768K bytes of memory.\n' };
    const f = diagnose([read('technote-nat-statistics-overload.txt'), v]).findings.find((x) => x.id === 'nat-translation-overload')!;
    expect(f.remedy.caveats.join(' ')).toContain('This is a 7200 (7206VXR NPE300): the tech note recommends an NSE-1');
  });

  it('says alignment is ruled out when show alignment is clean', () => {
    const [f] = one('nat-translation-overload', ['technote-nat-statistics-overload.txt', 'alignment-genie-1.txt']);
    expect(f!.remedy.caveats[0]).toMatch(/no alignment errors/);
  });

  it('stays silent at 3,339 translations (a real IOS-XE box)', () => {
    expect(one('nat-translation-overload', ['nat-stats-genie-6.txt'])).toEqual([]);
  });

  it('from the answers: PAT with interrupt CPU is a warning naming show ip nat statistics', () => {
    const [f] = one('nat-translation-overload', [], { nat: 'pat', cpu: 'interrupt' });
    expect(f!.severity).toBe('warning');
    expect(f!.remedy.commands[0]).toBe('show ip nat statistics');
    expect(one('nat-translation-overload', [], { nat: 'none', cpu: 'interrupt' })).toEqual([]);
  });

  it('the answer-only finding asks only for what is missing, and gives way to a pasted CPU that is low', () => {
    const [f] = one('nat-translation-overload', ['alignment-genie-1.txt'], { nat: 'pat', cpu: 'interrupt' });
    expect(f!.remedy.commands).toEqual(['show ip nat statistics', 'show ip nat translations', 'show processes cpu']);
    expect(f!.remedy.summary).toContain('show alignment is clean');
    expect(one('nat-translation-overload', ['cpu-genie-1.txt'], { nat: 'pat', cpu: 'interrupt' })).toEqual([]);
  });
});

describe('alignment-errors', () => {
  it('fires on a real capture with spurious accesses, and one with corrections', () => {
    expect(one('alignment-errors', ['alignment-genie-3.txt'])[0]!.title).toBe('26 spurious accesses');
    const [f] = one('alignment-errors', ['alignment-genie-2.txt']);
    expect(f!).toMatchObject({ severity: 'warning', title: '6 alignment errors' });
    expect(f!.evidence[0]!.text).toContain('Total Corrections 6');
  });

  it('is critical when two snapshots show the counters incrementing', () => {
    const [f] = one('alignment-errors', ['alignment-genie-2.txt', 'constructed-alignment-genie-2-later.txt']);
    expect(f!).toMatchObject({ severity: 'critical', title: '9 alignment errors, incrementing between snapshots' });
    expect(f!.remedy.summary).toMatch(/not the NAT scalability bug/);
  });

  it('is only info when two snapshots show no change', () => {
    expect(one('alignment-errors', ['alignment-genie-2.txt', 'alignment-genie-2.txt'])[0]!.severity).toBe('info');
  });

  it('stays silent when no alignment data has been recorded', () => {
    expect(one('alignment-errors', ['alignment-genie-1.txt'])).toEqual([]);
  });
});

describe('console-logging-flushes', () => {
  it('fires on flushes with console logging at debugging: no logging console, undebug all', () => {
    const [f] = one('console-logging-flushes', ['technote-logging-flushes.txt']);
    expect(f!).toMatchObject({ severity: 'critical', title: 'Console logging at level debugging with 1873 flushes' });
    expect(f!.evidence.map((e) => e.line)).toEqual([2, 3]);
    // Plan order: the exec step (undebug all) comes first, on its own; the config line after it.
    expect(f!.remedy.commands).toEqual(['undebug all', 'no logging console']);
    expect(f!.remedy.alternatives![0]!.commands).toEqual(['logging console warnings']);
  });

  it('stays silent on the tech note sample (0 flushes) and on drops with the console off', () => {
    expect(one('console-logging-flushes', ['seed-logging.txt'])).toEqual([]);
    expect(one('console-logging-flushes', ['logging-ccna60d-1.txt'])).toEqual([]);
  });

  it('the answer alone warns and names show logging; a pasted log without flushes silences it', () => {
    const [f] = one('console-logging-flushes', [], { 'console-logging': 'flushes' });
    expect(f!.severity).toBe('warning');
    expect(f!.remedy.commands[0]).toBe('show logging');
    expect(one('console-logging-flushes', ['seed-logging.txt'], { 'console-logging': 'flushes' })).toEqual([]);
  });
});
