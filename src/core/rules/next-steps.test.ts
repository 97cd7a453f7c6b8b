import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseDetailed } from '../diagnose';
import { suggestNextSteps } from './next-steps';

const sectionsOf = (...names: string[]) =>
  diagnoseDetailed(names.map((n) => ({ source: n, text: readFileSync(join(__dirname, 'fixtures', n), 'utf8') }))).sections;

describe('suggestNextSteps: which ports or protocols dominate', () => {
  it('suggests the matching | include filter, ports in hex', () => {
    const first = (v: string) => suggestNextSteps({ 'dominant-traffic': v }, []).commands[0]!.command;
    expect(first('tcp-445')).toBe('show ip cache flow | include 01BD');
    expect(first('tcp-135')).toBe('show ip cache flow | include 0087');
    expect(first('udp-1434')).toBe('show ip cache flow | include 059A');
    expect(first('icmp')).toBe('show ip cache flow | include 0000 0800');
    expect(first('telnet')).toBe('show ip cache flow | include 0017|0913');
    expect(first('tcp-80')).toBe('show ip cache flow | include 0050');
    expect(suggestNextSteps({ 'dominant-traffic': 'tcp-445' }, []).causes.at(-1)!.why).toMatch(/sources opening TCP\/445/);
  });

  it("don't know: the whole output, whose protocol table names the service", () => {
    const s = suggestNextSteps({ 'dominant-traffic': 'unknown' }, []);
    expect(s.causes.map((c) => c.id)).toEqual(['flow-table-scan-signature', 'scanning-host']);
    expect(s.commands[0]).toMatchObject({ command: 'show ip cache flow', confirms: ['flow-table-scan-signature', 'scanning-host'] });
  });
});

describe('suggestNextSteps', () => {
  it('with no answers: look for the scanning hosts, then the baseline outputs', () => {
    const s = suggestNextSteps({}, []);
    expect(s.causes.map((c) => c.id)).toEqual(['scanning-host']);
    expect(s.commands.every((c) => c.kind !== 'unknown')).toBe(true);
    expect(s.commands.map((c) => c.command)).toEqual([
      'show ip cache flow | include 0050',
      'show processes cpu',
      'show logging',
      'show running-config',
      'show version',
    ]);
  });

  it('interrupt CPU with PAT: alignment before NAT, and the commands in that order', () => {
    const s = suggestNextSteps({ cpu: 'interrupt', nat: 'pat' }, []);
    expect(s.causes.map((c) => c.id)).toEqual(['high-cpu-interrupt', 'alignment-errors', 'nat-translation-overload', 'scanning-host']);
    // Interrupt-level CPU asks for what explains it (the same list its answer-only finding gives), alignment first.
    expect(s.commands.map((c) => c.command).slice(0, 3)).toEqual(['show processes cpu', 'show alignment', 'show ip nat statistics']);
    expect(s.commands.map((c) => c.command)).toContain('show ip nat translations');
    expect(s.commands.find((c) => c.command === 'show processes cpu')!.confirms).toEqual(['high-cpu-interrupt', 'alignment-errors', 'nat-translation-overload']);
    for (const c of s.causes) expect(c.why.length).toBeGreaterThan(20);
  });

  it('leaves out what is already pasted', () => {
    const s = suggestNextSteps({ cpu: 'interrupt', nat: 'pat' }, sectionsOf('technote-cpu-interrupt.txt', 'alignment-genie-1.txt'));
    const cmds = s.commands.map((c) => c.command);
    expect(cmds).not.toContain('show processes cpu');
    expect(cmds).not.toContain('show alignment');
    expect(cmds[0]).toBe('show ip nat statistics');
  });

  it('no netflow: accounting to find the hosts; on a hybrid Sup1: show mls entry', () => {
    expect(suggestNextSteps({ netflow: 'low-memory' }, []).commands.map((c) => c.command)).toContain('show ip accounting');
    const cat = suggestNextSteps({ platform: 'cat6k-sup1-msfc1', 'platform-mode': 'hybrid' }, []);
    expect(cat.causes[0]!.id).toBe('mls-flowmask-hides-sources');
    expect(cat.commands[0]!.command).toBe('show mls entry');
    expect(cat.commands.map((c) => c.command)).not.toContain('show mls ip');
  });

  it('memory short with ARP Input: the route, ARP Input and the ARP table', () => {
    const s = suggestNextSteps({ memory: 'mallocfail', 'cpu-process': 'arp-input' }, []);
    expect(s.causes.map((c) => c.id).slice(0, 4)).toEqual(['mallocfail', 'default-route-to-broadcast-interface', 'arp-input-memory', 'arp-table-explosion']);
    expect(s.commands.map((c) => c.command)).toEqual(expect.arrayContaining(['show running-config', 'show ip arp', 'show processes memory']));
  });

  it('asks for the whole config once when several causes want different parts of it', () => {
    const s = suggestNextSteps({ 'cpu-process': 'arp-input', 'http-attempts': 'yes' }, []);
    const configs = s.commands.filter((c) => c.kind === 'show running-config');
    expect(configs).toHaveLength(1);
    expect(configs[0]!.command).toBe('show running-config');
    expect(configs[0]!.confirms).toEqual(expect.arrayContaining(['default-route-to-broadcast-interface', 'http-server-enabled']));
  });

  it('ignores values that are not answers', () => {
    expect(suggestNextSteps({ cpu: 'bananas', nat: 'maybe' }, []).causes.map((c) => c.id)).toEqual(['scanning-host']);
  });

  it.each([
    ['ios15-router', 'show flow monitor NAME cache format table', 'show flow monitor cache'],
    ['ios-xe', 'show flow monitor NAME cache format table', 'show flow monitor cache'],
    ['cat6k-sup720', 'show mls netflow ip', 'show mls netflow ip'],
    ['nexus', 'show flow cache', 'show flow cache'],
    ['ios-router', 'show ip cache flow | include 0050', 'show ip cache flow'],
  ])('asks %s for the flow command it has: %s', (platform, command, kind) => {
    const steps = suggestNextSteps({ platform }, []);
    const scan = steps.commands.find((c) => c.confirms.includes('scanning-host'))!;
    expect(scan).toEqual({ command, kind, confirms: ['scanning-host'] });
    expect(steps.commands.some((c) => c.kind === 'show ip cache flow') && platform !== 'ios-router').toBe(false);
  });

  it('does not ask again for a modern flow command already pasted', () => {
    const d = diagnoseDetailed([{ source: 'n', text: 'switch# show flow cache\nIPV4 Entries\nSIP             DIP             BD ID S-Port  D-Port  Protocol  Byte Count    Packet Count  TCP FLAGS  if_id       flowStart   flowEnd\n10.1.1.1        10.2.2.2        4097  1024    80      6         48            1             0x2        0x1a000000  1           1\n' }]);
    expect(suggestNextSteps({ platform: 'nexus' }, d.sections).commands.map((c) => c.kind)).not.toContain('show flow cache');
  });
});

describe('questionnaire and report agree', () => {
  it('every command an answer-only finding asks for is on the questionnaire\'s list for the same answer', async () => {
    const { QUESTIONS } = await import('../answers');
    const { diagnose } = await import('../diagnose');
    const { kindOfCommand } = await import('./parsed-facts');
    const gaps: string[] = [];
    let checked = 0;
    for (const q of QUESTIONS)
      for (const o of q.options) {
        const answers = { [q.key]: o.value };
        const asked = new Set(suggestNextSteps(answers, []).commands.map((c) => c.kind));
        for (const f of diagnose([], answers).findings) {
          if (f.evidence.length > 0) continue;
          for (const c of f.remedy.commands) {
            const k = kindOfCommand(c);
            if (!k) continue;
            checked++;
            if (!asked.has(k)) gaps.push(`${q.key}=${o.value}: the ${f.id} finding asks for "${c}", the questionnaire does not`);
          }
        }
      }
    expect(checked).toBeGreaterThan(10);
    expect(gaps).toEqual([]);
  });
});

describe('byAnswer', () => {
  it('names the causes each answer brings, so the hint sits beside the question that raised them', () => {
    const s = suggestNextSteps({ cpu: 'interrupt', nat: 'pat', reloads: 'no' }, []);
    expect(s.byAnswer.cpu).toContain('high-cpu-interrupt');
    expect(s.byAnswer.cpu).not.toContain('scanning-host');
    // NAT raises its causes only together with high CPU: clearing either answer takes them away.
    expect(s.byAnswer.nat).toEqual(['alignment-errors', 'nat-translation-overload']);
    expect(s.byAnswer.reloads).toEqual([]);
  });
});
