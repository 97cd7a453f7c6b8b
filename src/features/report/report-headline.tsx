// The report's first screen: who is infected, where they enter, the likely worm, and the one thing to do now.
import { useShallow } from 'zustand/react/shallow';
import { expandInterfaceName } from '../../core/rules/remedies';
import { count, listWords } from '../../core/text/plural';
import type { Diagnosis, Host } from '../../core/types';
import { useAppStore } from '../../state/store';
import { CopyButton } from '../../ui/copy-button';
import { headlineWorm, primaryAction } from './headline-facts';

const NAMED = 3;

function hostWords(h: Host): string {
  return h.interface ? `${h.ip} on ${expandInterfaceName(h.interface)}` : h.ip;
}

export function ReportHeadline() {
  const d = useAppStore(useShallow((s) => s.diagnosis)) as Diagnosis | null;
  if (!d) return null;
  const infected = d.hosts.filter((h) => h.verdict === 'infected');
  const suspect = d.hosts.filter((h) => h.verdict === 'suspect').length;
  const critical = d.findings.filter((f) => f.severity === 'critical').length;
  const worm = headlineWorm(infected);
  const action = primaryAction(d);
  return (
    <section className="report-headline" aria-labelledby="headline-heading" data-testid="report-headline">
      <h2 id="headline-heading" className="offscreen">Summary</h2>
      {infected.length > 0 ? (
        <p className="headline-hosts">
          <strong>{count(infected.length, 'infected host')}:</strong> {listWords(infected.map(hostWords), NAMED)}
          {worm ?? ''}.
        </p>
      ) : (
        <p className="headline-hosts">{d.hosts.length > 0 ? 'No infected host in these flows.' : 'No flow data: the hosts are not known yet.'}</p>
      )}
      <p className="muted headline-counts">
        {d.findings.length === 0
          ? "No finding: nothing in this output matches the problems of the Code Red tech note."
          : `${count(d.findings.length, 'finding')} (${critical} critical)${suspect ? `, ${count(suspect, 'suspect host')}` : ''}.`}
      </p>
      {action && (
        <div className="headline-action">
          <p>
            <strong>Do this first:</strong> {action.what}
          </p>
          <CopyButton text={action.text} label={action.label} idleText={action.button} />
        </div>
      )}
    </section>
  );
}
