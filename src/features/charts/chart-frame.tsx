// A chart with its caption and the same numbers as a table (for keyboards, screen readers and print).
import type { ReactNode } from 'react';

export interface Column<T> {
  label: string;
  value: (row: T) => ReactNode;
  numeric?: boolean;
}

export function ChartFrame<T>({ id, title, note, rows, columns, children }: {
  id: string;
  title: string;
  note?: string;
  rows: readonly T[];
  columns: Column<T>[];
  children: ReactNode;
}) {
  return (
    <figure className="chart" data-chart={id} aria-labelledby={`chart-${id}`}>
      <figcaption>
        <h3 id={`chart-${id}`}>{title}</h3>
        {note && <p className="muted chart-note">{note}</p>}
      </figcaption>
      <div className="chart-canvas" aria-hidden="true">
        {children}
      </div>
      <details className="chart-data">
        <summary>The numbers</summary>
        <div className="table-scroll">
          <table>
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
      </details>
    </figure>
  );
}
