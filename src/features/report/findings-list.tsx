// The findings, most severe first, with the evidence filter the hosts table or a chart may have set.
import { useShallow } from 'zustand/react/shallow';
import type { ChangePlan, Finding, PlanStep } from '../../core/types';
import { useAppStore } from '../../state/store';
import { FindingCard } from './finding-card';

const RANK = { critical: 0, warning: 1, info: 2 } as const;

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings.slice().sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/**
 * The plan steps that make up this finding's remedy: the steps naming it whose lines are all in its commands (two
 * findings of one id, e.g. two scanning-host findings, each get their own steps). Undefined when they do not add up.
 */
function partOf(plans: readonly ChangePlan[] | undefined, f: Finding): PlanStep[] | undefined {
  const steps = (plans ?? []).flatMap((p) => p.steps).filter((s) => s.findings.includes(f.id) && !/^reload\b/.test(s.commands[0] ?? ''));
  const mine = steps.filter((s) => s.commands.every((c) => f.remedy.commands.includes(c)));
  return mine.flatMap((s) => s.commands).join('\n') === f.remedy.commands.join('\n') ? mine : undefined;
}

export function FindingsList() {
  const { findings, plans, selectedSource, selectSource } = useAppStore(
    useShallow((s) => ({ findings: s.diagnosis?.findings, plans: s.diagnosis?.plans, selectedSource: s.selectedSource, selectSource: s.selectSource })),
  );
  if (!findings) return null;
  if (findings.length === 0) {
    return <p>No findings: nothing in these pastes matches the tech note's Code Red symptoms.</p>;
  }
  return (
    <div className="findings">
      {sortFindings(findings).map((f, i) => (
        <FindingCard
          key={`${f.id}-${i}`}
          finding={f}
          index={i}
          selectedSource={selectedSource}
          onClearSource={() => selectSource(null)}
          planSteps={partOf(plans, f)}
        />
      ))}
    </div>
  );
}
