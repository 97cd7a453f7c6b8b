// Markdown export: findings, remedy config in fences, flagged hosts, and pasted text kept as data.
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../core/types';
import { diagnosisToMarkdown } from './report-markdown';

const d: Diagnosis = {
  version: 1,
  inputs: [{ source: 'flows.txt', kind: 'show ip cache flow', records: 2, warnings: [], firstLine: 1, lastLine: 4 }],
  hosts: [
    { ip: '193.23.45.35', interface: 'Vl1', flows: 7, destinations: 7, port80Flows: 7, packetsPerFlow: 1.1, verdict: 'infected', variant: 'code-red', failedFlows: 7, reasons: [], inbound: false },
    { ip: '172.20.5.77', interface: 'Fa0/0', flows: 40, destinations: 40, port80Flows: 0, packetsPerFlow: 2, verdict: 'infected', variant: 'unknown', service: 'tcp/445', worm: 'sasser', failedFlows: 38, reasons: [], inbound: false },
    { ip: '10.0.0.1', interface: 'Vl1', flows: 1, destinations: 1, port80Flows: 0, packetsPerFlow: 5, verdict: 'clean', variant: 'unknown', failedFlows: 0, reasons: [], inbound: false },
  ],
  findings: [{
    id: 'scanning-host', severity: 'critical', title: '193.23.45.35 on Vl1 is scanning TCP port 80',
    evidence: [{ source: 'flows.txt', line: 5, text: 'Vl1 193.23.45.35 Vl3 2.34.56.12 06 0F9F 0050 2 ```<img src=x onerror=alert(1)>' }],
    remedy: { summary: 'Block port 80', commands: ['access-list 150 deny tcp any any eq www', 'interface Vlan1'], caveats: ['Blocks all web'] },
  }],
};

describe('diagnosisToMarkdown', () => {
  it('prints the change plan first, config steps inside configure terminal ... end', () => {
    const md = diagnosisToMarkdown(
      {
        ...d,
        plans: [{
          router: 'R1', precheck: ['show ip interface Vlan1 | include access list'],
          steps: [
            { mode: 'config', findings: ['scanning-host'], why: 'Block port 80.', commands: ['ip access-list extended 120', ' 1 deny tcp any any eq www'], gate: ['Paste it only if *120* has entries.', 'Else paste the running-config.'] },
            { mode: 'exec', findings: ['default-route-to-broadcast-interface'], why: 'Free ARP memory.', commands: ['clear arp-cache'] },
          ],
          verify: ['show ip cache flow | include 0050'],
          rollback: [{ mode: 'config', commands: ['ip access-list extended 120', ' no 1'] }],
        }],
      },
      {},
      new Date(0),
    );
    expect(md.indexOf('## Change plan for R1')).toBeGreaterThan(0);
    expect(md.indexOf('## Change plan for R1')).toBeLessThan(md.indexOf('## Findings'));
    expect(md).toContain('```\nconfigure terminal\nip access-list extended 120\n 1 deny tcp any any eq www\nend\n```');
    expect(md).toContain('```\nclear arp-cache\n```');
    expect(md).toContain('for infected hosts scanning');
    // What must hold before pasting, a list of its own under the why (escaped as every field is).
    expect(md).toContain('Block port 80.\n\nBefore pasting it:\n\n- Paste it only if \\*120\\* has entries.\n- Else paste the running-config.\n');
  });

  const md = diagnosisToMarkdown(d, { cpu: 'interrupt' }, new Date('2026-01-01T00:00:00Z'));
  it('lists the finding, its evidence and remedy commands', () => {
    expect(md).toContain('### [critical] 193.23.45.35 on Vl1 is scanning TCP port 80');
    expect(md).toContain('flows.txt:5  Vl1 193.23.45.35');
    expect(md).toContain('access-list 150 deny tcp any any eq www\ninterface Vlan1');
    expect(md).toContain('- Blocks all web');
  });
  it('lists flagged hosts only', () => {
    expect(md).toContain('| 193.23.45.35 | Vl1 | 7 | 7 | 7 | 1.1 | infected |  | Code Red |');
  });
  it('names each flagged host\'s service and likely worm in words', () => {
    expect(md).toContain('| infected | TCP port 445 | Sasser |');
    expect(md).toContain('| Verdict | Service swept | Likely worm |');
    expect(md).not.toContain('| 10.0.0.1 |');
  });
  it('keeps pasted backticks inside a longer fence', () => {
    expect(md).toContain('````\nflows.txt:5');
  });
  it('records the answers in the questionnaire\'s words, never its keys', () => {
    expect(md).toContain('- Where is the CPU high? High at interrupt level \\(e.g. 99%/98%\\)');
    expect(md).not.toContain('cpu: interrupt');
  });
  it('opens with the infected hosts and names no finding id or internal value', () => {
    expect(md).toContain('**2 infected hosts:** 193.23.45.35 on Vl1 and 172.20.5.77 on Fa0/0.');
    expect(md).not.toContain('scanning-host');
    expect(md).not.toContain('code-red');
    expect(md).not.toMatch(/\b1 records\b/);
  });
});
