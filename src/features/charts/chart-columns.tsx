// What each chart shows, as table columns: shared by the charts' "numbers" tables and the print-only tables,
// which need no recharts (printing must not wait for the lazy chart chunk, nor for a scroll).
import type { ReactNode } from 'react';
import type { ChartSeries } from '../../core/analysis/chart-series';
import { serviceWords } from '../../core/analysis/service';

export interface Column<T> {
  label: string;
  value: (row: T) => ReactNode;
  numeric?: boolean;
}

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

type Row<K extends keyof ChartSeries> = NonNullable<ChartSeries[K]>[number];

export const TOP_SOURCE_COLUMNS: Column<Row<'topSources'>>[] = [
  { label: 'Source', value: (r) => r.ip },
  { label: 'Destinations', value: (r) => r.destinations, numeric: true },
  { label: 'Flows', value: (r) => r.flows, numeric: true },
  { label: 'Failed flows', value: (r) => r.failedFlows, numeric: true },
  { label: 'Verdict', value: (r) => r.verdict + (r.inbound ? ' (inbound)' : '') },
];

export const FAN_OUT_COLUMNS: Column<Row<'fanOutDistribution'>>[] = [
  { label: 'Destinations', value: (r) => r.bucket },
  { label: 'Sources', value: (r) => r.sources, numeric: true },
  { label: 'Flagged', value: (r) => r.flagged, numeric: true },
];

export const LOCALITY_COLUMNS: Column<Row<'localityMix'>>[] = [
  { label: 'Target', value: (r) => r.category },
  { label: 'Observed', value: (r) => pct(r.observed), numeric: true },
  { label: 'Code Red II', value: (r) => pct(r.codeRedII), numeric: true },
  { label: 'Code Red', value: (r) => pct(r.codeRed), numeric: true },
];

export const INTERFACE_COLUMNS: Column<Row<'flowsPerInterface'>>[] = [
  { label: 'Interface', value: (r) => r.interface },
  { label: 'Flows', value: (r) => r.flows, numeric: true },
  { label: 'Sources', value: (r) => r.sources, numeric: true },
  { label: 'Flagged sources', value: (r) => r.flaggedSources, numeric: true },
];

export const serviceLabel = (s: string) => (s === 'other' ? 'other' : serviceWords(s));

export const SERVICE_COLUMNS: Column<Row<'servicesSwept'>>[] = [
  { label: 'Service', value: (r) => serviceLabel(r.service) },
  { label: 'Sources', value: (r) => r.sources, numeric: true },
  { label: 'Flagged', value: (r) => r.flagged, numeric: true },
  { label: 'Failed contacts (flagged)', value: (r) => r.failedFlows, numeric: true },
];

export const CHART_TITLES = {
  servicesSwept: 'Fan-out by service swept',
  topSources: 'Top sources by fan-out',
  fanOutDistribution: 'Fan-out distribution',
  localityMix: 'Destination locality vs Code Red II',
  flowsPerInterface: 'Flows per interface',
} as const;

export function DataTable<T>({ rows, columns, caption }: { rows: readonly T[]; columns: Column<T>[]; caption?: string }) {
  return (
    <div className="table-scroll">
      <table>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.label} className={c.numeric ? 'num' : undefined}>{c.value(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
