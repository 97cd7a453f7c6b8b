// Report page: what was read, findings (most severe first), hosts, charts (lazy), export.
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { ExampleButton } from '../../features/example/example-button';
import { DownloadReport } from '../../features/report/download-report';
import { FindingsList } from '../../features/report/findings-list';
import { HostsTable } from '../../features/report/hosts-table';
import { InputsSummary } from '../../features/report/inputs-summary';
import { SharePanel } from '../../features/share/share-panel';
import { SharedLinkNotice } from '../../features/share/shared-link-notice';
import { useAppStore } from '../../state/store';
import { WhenVisible } from '../when-visible';

// recharts is heavy: it loads only when a report with charts is on screen.
const Charts = lazy(() => import('../../features/charts/charts'));

export function Component() {
  const hasPastes = useAppStore((s) => s.pastes.some((p) => p.text.length > 0));
  const hasDiagnosis = useAppStore((s) => s.diagnosis !== null);
  const busy = useAppStore((s) => s.status === 'running' || s.status === 'waiting');
  if (!hasPastes && !hasDiagnosis) {
    return (
      <>
        <h1>Report</h1>
        <p>Nothing to report yet: no router output has been pasted.</p>
        <div className="actions">
          <Link className="button" to="/paste">Paste router output</Link>
          <ExampleButton />
        </div>
      </>
    );
  }
  if (!hasDiagnosis) {
    return (
      <>
        <h1>Report</h1>
        <p>{busy ? 'Reading your pastes…' : 'Not analysed yet.'}</p>
      </>
    );
  }
  return (
    <>
      <h1>Report</h1>
      <SharedLinkNotice />
      <DownloadReport />
      <section aria-labelledby="read-heading">
        <h2 id="read-heading">What was read</h2>
        <InputsSummary />
      </section>
      <section aria-labelledby="findings-heading">
        <h2 id="findings-heading">Findings</h2>
        <FindingsList />
      </section>
      <section aria-labelledby="hosts-heading">
        <h2 id="hosts-heading">Hosts</h2>
        <HostsTable />
      </section>
      <section aria-labelledby="charts-heading" className="charts-section">
        <h2 id="charts-heading">Charts</h2>
        <WhenVisible placeholder={<p className="muted">Charts load when you scroll here.</p>}>
          <Suspense fallback={<p className="muted">Loading charts…</p>}>
            <Charts />
          </Suspense>
        </WhenVisible>
      </section>
      <SharePanel />
    </>
  );
}
