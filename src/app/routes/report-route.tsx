// Report page: a headline, findings (most severe first), hosts, charts (lazy), what was read, export and share.
import { lazy, Suspense, useDeferredValue } from 'react';
import { Link } from 'react-router';
import { ChartTables } from '../../features/charts/chart-tables';
import { ExampleButton } from '../../features/example/example-button';
import { ChangePlans } from '../../features/report/change-plan';
import { BigFiles } from '../../features/paste/big-files';
import { DownloadReport } from '../../features/report/download-report';
import { FindingsList } from '../../features/report/findings-list';
import { HostsTable } from '../../features/report/hosts-table';
import { ReportHeadline } from '../../features/report/report-headline';
import { InputsSummary } from '../../features/report/inputs-summary';
import { SharePanel } from '../../features/share/share-panel';
import { SharedLinkNotice } from '../../features/share/shared-link-notice';
import { useAppStore } from '../../state/store';
import { isFirstScreen } from '../../ui/first-screen';
import { WhenVisible } from '../when-visible';

// recharts is heavy: it loads only when a report with charts is on screen.
const Charts = lazy(() => import('../../features/charts/charts'));

/** The report below the findings. */
function ReportRest() {
  return (
    <>
      <section aria-labelledby="hosts-heading" className="report-part">
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
        {/* Paper gets the numbers as tables, whatever was scrolled or loaded (issue 17). */}
        <ChartTables />
      </section>
      {/* What was read comes after the verdicts: at 3 a.m. the findings are what the engineer opened this for. */}
      <section aria-labelledby="read-heading" className="report-part">
        <h2 id="read-heading">What was read</h2>
        <InputsSummary />
      </section>
      <SharePanel />
    </>
  );
}

/** The page's heading: also all the prerendered #/report shows before the app knows what is stored (src/prerender). */
export function ReportTitle() {
  return <h1>Report</h1>;
}

export function Component() {
  const hasPastes = useAppStore((s) => s.pastes.some((p) => p.text.length > 0) || s.files.some((f) => f.state === 'open'));
  const hasMissingFiles = useAppStore((s) => s.files.some((f) => f.state === 'missing'));
  const hasDiagnosis = useAppStore((s) => s.diagnosis !== null);
  const busy = useAppStore((s) => s.status === 'running' || s.status === 'waiting');
  // The full report (findings, hosts, what was read) renders as a deferred, interruptible update: React splits it
  // into short slices instead of one long main-thread task when the worker's answer arrives (Lighthouse TBT, issue 6).
  // Except in the app's first commit, which replaces the prerendered report (index.html) and must show it as it was
  // (that render is a transition already, main.tsx).
  const reportShown = useDeferredValue(hasDiagnosis, isFirstScreen() ? hasDiagnosis : false);
  // That first commit (and the prerendered report) stops after the findings, far below any first screen: the hosts,
  // charts, what was read and sharing follow in a deferred render, so neither the commit nor index.html carries them.
  const restShown = useDeferredValue(true, !isFirstScreen());
  if (!hasPastes && !hasDiagnosis) {
    return (
      <>
        <ReportTitle />
        {/* After a reload a big file is only a reference: say so and offer to reopen it, rather than lose it silently. */}
        {hasMissingFiles && <BigFiles missingOnly />}
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
        <ReportTitle />
        <p>{busy ? 'Reading your pastes…' : 'Not analysed yet.'}</p>
      </>
    );
  }
  if (!reportShown) {
    return (
      <>
        <ReportTitle />
        <p className="muted">Preparing the report…</p>
      </>
    );
  }
  return (
    <>
      <ReportTitle />
      <SharedLinkNotice />
      {hasMissingFiles && <BigFiles missingOnly />}
      <ReportHeadline />
      <DownloadReport />
      {/* The plan first (issue 11): one ordered script per router, what the engineer pastes. */}
      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading">Change plan</h2>
        <ChangePlans />
      </section>
      <section aria-labelledby="findings-heading">
        <h2 id="findings-heading">Findings</h2>
        <FindingsList />
      </section>
      {restShown && <ReportRest />}
    </>
  );
}
