// A chart with its caption and the same numbers as a table (for keyboards and screen readers).
import type { ReactNode } from 'react';
import { DataTable, type Column } from './chart-columns';

export function ChartFrame<T>({ id, title, note, rows, columns, children, drawn = true, height }: {
  id: string;
  title: string;
  note?: string;
  rows: readonly T[];
  columns: Column<T>[];
  children: ReactNode;
  /** False: the chart's room only (its height), the chart itself drawn in a later frame (charts.tsx). */
  drawn?: boolean;
  height?: number;
}) {
  return (
    <figure className="chart" data-chart={id} aria-labelledby={`chart-${id}`}>
      <figcaption>
        <h3 id={`chart-${id}`}>{title}</h3>
        {note && <p className="muted chart-note">{note}</p>}
      </figcaption>
      <div className="chart-canvas" aria-hidden="true">
        {drawn ? children : <div style={{ height }} />}
      </div>
      <details className="chart-data">
        <summary>The numbers</summary>
        <DataTable rows={rows} columns={columns} />
      </details>
    </figure>
  );
}
