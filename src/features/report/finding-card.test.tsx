// The finding card's checks above its lines: from its plan steps when they add up to its commands (one block a step),
// else from remedy.gate, so no gated line is offered for copying without what must hold first.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Finding, PlanStep } from '../../core/types';
import { FindingCard } from './finding-card';

const step: PlanStep = { mode: 'config', findings: ['scanning-host'], why: 'Block.', commands: ['ip access-list extended 120', ' 1 deny tcp any any eq www'], gate: ['Paste it only if its first entry is numbered above 1.'] };
const finding: Finding = {
  id: 'scanning-host',
  severity: 'critical',
  title: '10.1.1.5 is scanning TCP port 80',
  evidence: [],
  remedy: { summary: 'Block port 80.', commands: step.commands, caveats: [], gate: step.gate },
};
const card = (f: Finding, planSteps?: PlanStep[]) => renderToStaticMarkup(<FindingCard finding={f} index={0} selectedSource={null} onClearSource={() => {}} planSteps={planSteps} />);
const notes = (html: string) => [...html.matchAll(/<div class="step-gate" role="note" aria-label="([^"]+)">/g)].map((m) => m[1]);

describe('FindingCard checks', () => {
  it('shows remedy.gate above the lines when no plan steps are given', () => {
    const html = card(finding);
    expect(notes(html)).toEqual(['Before pasting this remedy']);
    expect(html).toContain('Paste it only if its first entry is numbered above 1.');
    expect(html.indexOf('Before pasting these lines')).toBeLessThan(html.indexOf('1 deny tcp any any eq www'));
  });

  it('shows the steps\' own checks, once, when its plan steps are given (as before)', () => {
    expect(notes(card(finding, [step]))).toEqual(['Before pasting this remedy']);
    const two = card(finding, [{ ...step, commands: [step.commands[0]!] }, { ...step, commands: [step.commands[1]!], gate: ['Second.'] }]);
    expect(notes(two)).toEqual(['Before pasting part 1 of this remedy', 'Before pasting part 2 of this remedy']);
  });

  it('shows no checks when there are none', () => {
    const { gate: _, ...remedy } = finding.remedy;
    expect(notes(card({ ...finding, remedy }))).toEqual([]);
  });
});
