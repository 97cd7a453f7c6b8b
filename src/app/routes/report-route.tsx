// Report page: a headline, findings (most severe first), hosts, charts (lazy), what was read, export and share.
import { lazy, Suspense, useDeferredValue } from 'react';
import { Link } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { ExampleButton } from '../../features/example/example-button';
import { BigFiles } from '../../features/paste/big-files';
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

/** One line a NOC engineer reads first: how bad, and how many hosts to chase. */
function ReportHeadline() {
  const counts = useAppStore(
    useShallow((s) => {
      const f = s.diagnosis?.findings ?? [];
      const h = s.diagnosis?.hosts ?? [];
      return {
        findings: f.length,
        critical: f.filter((x) => x.severity === 'critical').length,
        infected: h.filter((x) => x.verdict === 'infected').length,
        suspect: h.filter((x) => x.verdict === 'suspect').length,
      };
    }),
  );
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  return (
    <p className="report-headline">
      {counts.findings === 0
        ? 'No finding: nothing in this output matches the problems of the Code Red tech note.'
        : `${plural(counts.findings, 'finding')} (${counts.critical} critical), ${plural(counts.infected, 'infected host')}, ${plural(counts.suspect, 'suspect host')}.`}
    </p>
  );
}

export function Component() {
  const hasPastes = useAppStore((s) => s.pastes.some((p) => p.text.length > 0) || s.files.some((f) => f.state === 'open'));
  const hasMissingFiles = useAppStore((s) => s.files.some((f) => f.state === 'missing'));
  const hasDiagnosis = useAppStore((s) => s.diagnosis !== null);
  const busy = useAppStore((s) => s.status === 'running' || s.status === 'waiting');
  // The full report (findings, hosts, what was read) renders as a deferred, interruptible update: React splits it
  // into short slices instead of one long main-thread task when the worker's answer arrives (Lighthouse TBT, issue 6).
  const reportShown = useDeferredValue(hasDiagnosis, false);
  if (!hasPastes && !hasDiagnosis) {
    return (
      <>
        <h1>Report</h1>
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
        <h1>Report</h1>
        <p>{busy ? 'Reading your pastes…' : 'Not analysed yet.'}</p>
      </>
    );
  }
  if (!reportShown) {
    return (
      <>
        <h1>Report</h1>
        <p className="muted">Preparing the report…</p>
      </>
    );
  }
  return (
    <>
      <h1>Report</h1>
      <SharedLinkNotice />
      {hasMissingFiles && <BigFiles missingOnly />}
      <ReportHeadline />
      <DownloadReport />
      <section aria-labelledby="findings-heading">
        <h2 id="findings-heading">Findings</h2>
        <FindingsList />
      </section>
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
