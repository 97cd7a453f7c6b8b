// The charts' numbers as plain tables for paper: always in the report's DOM, shown only in print.
import { useAppStore } from '../../state/store';
import { CHART_TITLES, DataTable, FAN_OUT_COLUMNS, INTERFACE_COLUMNS, LOCALITY_COLUMNS, SERVICE_COLUMNS, TOP_SOURCE_COLUMNS } from './chart-columns';

export function ChartTables() {
  const charts = useAppStore((s) => s.diagnosis?.charts);
  if (!charts || charts.topSources.length === 0) return null;
  return (
    <div className="print-only chart-tables" data-testid="chart-tables">
      <DataTable rows={charts.topSources} columns={TOP_SOURCE_COLUMNS} caption={CHART_TITLES.topSources} />
      <DataTable rows={charts.fanOutDistribution} columns={FAN_OUT_COLUMNS} caption={CHART_TITLES.fanOutDistribution} />
      <DataTable rows={charts.localityMix} columns={LOCALITY_COLUMNS} caption={CHART_TITLES.localityMix} />
      <DataTable rows={charts.flowsPerInterface} columns={INTERFACE_COLUMNS} caption={CHART_TITLES.flowsPerInterface} />
      {charts.servicesSwept && charts.servicesSwept.length > 0 && (
        <DataTable rows={charts.servicesSwept} columns={SERVICE_COLUMNS} caption={CHART_TITLES.servicesSwept} />
      )}
    </div>
  );
}
