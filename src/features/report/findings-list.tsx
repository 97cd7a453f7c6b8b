// The findings, most severe first, with the evidence filter the hosts table or a chart may have set.
import { useShallow } from 'zustand/react/shallow';
import type { Finding } from '../../core/types';
import { useAppStore } from '../../state/store';
import { FindingCard } from './finding-card';

const RANK = { critical: 0, warning: 1, info: 2 } as const;

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings.slice().sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

export function FindingsList() {
  const { findings, selectedSource, selectSource } = useAppStore(
    useShallow((s) => ({ findings: s.diagnosis?.findings, selectedSource: s.selectedSource, selectSource: s.selectSource })),
  );
  if (!findings) return null;
  if (findings.length === 0) {
    return <p>No findings: nothing in these pastes matches the tech note's Code Red symptoms.</p>;
  }
  return (
    <div className="findings">
      {sortFindings(findings).map((f, i) => (
        <FindingCard key={`${f.id}-${i}`} finding={f} selectedSource={selectedSource} onClearSource={() => selectSource(null)} />
      ))}
    </div>
  );
}
