// Markdown export: findings, remedy config in fences, flagged hosts, and pasted text kept as data.
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../core/types';
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
  const md = diagnosisToMarkdown(d, { cpu: 'interrupt' }, new Date('2026-01-01T00:00:00Z'));
  it('lists the finding, its evidence and remedy commands', () => {
    expect(md).toContain('### [critical] 193.23.45.35 on Vl1 is scanning TCP port 80');
    expect(md).toContain('flows.txt:5  Vl1 193.23.45.35');
    expect(md).toContain('access-list 150 deny tcp any any eq www\ninterface Vlan1');
    expect(md).toContain('- Blocks all web');
  });
  it('lists flagged hosts only', () => {
    expect(md).toContain('| 193.23.45.35 | Vl1 | 7 | 7 | 7 | 1.1 | infected | code-red |');
    expect(md).not.toContain('| 10.0.0.1 |');
  });
  it('names each flagged host\'s service and likely worm in words', () => {
    expect(md).toContain('| infected | unknown | TCP port 445 | Sasser |');
    expect(md).toContain('| Verdict | Variant | Service swept | Likely worm |');
  });
  it('keeps pasted backticks inside a longer fence', () => {
    expect(md).toContain('````\nflows.txt:5');
  });
  it('records the answers', () => {
    expect(md).toContain('- cpu: interrupt');
  });
});
