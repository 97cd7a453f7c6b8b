// The report's charts from the core's aggregated series (recharts lives only in this feature, loaded lazily).
import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useShallow } from 'zustand/react/shallow';
import type { ChartSeries } from '../../core/analysis/chart-series';
import { useAppStore } from '../../state/store';
import { CHART_TITLES, FAN_OUT_COLUMNS, INTERFACE_COLUMNS, LOCALITY_COLUMNS, pct, SERVICE_COLUMNS, serviceLabel, TOP_SOURCE_COLUMNS } from './chart-columns';
import { ChartFrame } from './chart-frame';
import { useColours, type Colours } from './theme-colours';
import './charts.css';

const HEIGHT = 260;
/** Axis ticks: whole percents fit a phone's axis ("100%", not a clipped "l00.0%"). */
const pctTick = (x: number) => `${Math.round(x * 100)}%`;

function TopSources({ rows, selected, select, c, drawn }: { rows: ChartSeries['topSources']; selected: string | null; select: (ip: string | null) => void; c: Colours; drawn: boolean }) {
  return (
    <ChartFrame
      drawn={drawn}
      height={HEIGHT}
      id="top-sources"
      title={CHART_TITLES.topSources}
      note="Distinct destinations per source. Pick a source (bar or table) to filter the evidence."
      rows={rows}
      columns={[
        { label: 'Source', value: (r) => (
          <button type="button" className="link-button" aria-pressed={selected === r.ip} onClick={() => select(selected === r.ip ? null : r.ip)}>{r.ip}</button>
        ) },
        ...TOP_SOURCE_COLUMNS.slice(1),
      ]}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={rows} layout="vertical" margin={{ left: 16, right: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="ip" width={110} interval={0} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Bar dataKey="destinations" name="destinations" isAnimationActive={false} cursor="pointer"
            onClick={(d: { payload?: { ip?: string } }) => d.payload?.ip && select(d.payload.ip)}>
            {rows.map((r) => (
              <Cell key={r.ip} fill={c[r.verdict]} className={selected === r.ip ? 'bar-selected' : undefined} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

function FanOut({ rows, c, drawn }: { rows: ChartSeries['fanOutDistribution']; c: Colours; drawn: boolean }) {
  return (
    <ChartFrame drawn={drawn} height={HEIGHT} id="fan-out" title={CHART_TITLES.fanOutDistribution} note="How many sources reach how many distinct destinations." rows={rows}
      columns={FAN_OUT_COLUMNS}>
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={rows} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} width={40} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="sources" name="sources" fill={c.clean} isAnimationActive={false} />
          <Bar dataKey="flagged" name="infected or suspect" fill={c.infected} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

function Locality({ rows, c, drawn }: { rows: ChartSeries['localityMix']; c: Colours; drawn: boolean }) {
  const targets = rows.reduce((n, r) => n + r.targets, 0);
  return (
    <ChartFrame drawn={drawn} height={HEIGHT} id="locality" title={CHART_TITLES.localityMix}
      note={targets === 0 ? 'No outbound flagged hosts: nothing to compare.' : `Where the flagged hosts' ${targets} targets sit, beside what each worm would give.`}
      rows={rows}
      columns={LOCALITY_COLUMNS}>
      {/* Horizontal bars: the category names sit on their own axis and never overlap on a phone. */}
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={rows} layout="vertical" margin={{ right: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={pctTick} domain={[0, 1]} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="category" width={96} interval={0} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v) => pct(Number(v))} />
          <Legend />
          <Bar dataKey="observed" name="observed" fill={c.infected} isAnimationActive={false} />
          <Bar dataKey="codeRedII" name="Code Red II expects" fill={c.suspect} isAnimationActive={false} />
          <Bar dataKey="codeRed" name="Code Red expects" fill={c.clean} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

function Interfaces({ rows, c, drawn }: { rows: ChartSeries['flowsPerInterface']; c: Colours; drawn: boolean }) {
  return (
    <ChartFrame drawn={drawn} height={HEIGHT} id="interfaces" title={CHART_TITLES.flowsPerInterface} note="Flows by the interface their sources arrive on." rows={rows}
      columns={INTERFACE_COLUMNS}>
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={rows} layout="vertical" margin={{ right: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="interface" width={96} interval={0} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Bar dataKey="flows" name="flows" fill={c.clean} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

function Services({ rows, c, drawn }: { rows: NonNullable<ChartSeries['servicesSwept']>; c: Colours; drawn: boolean }) {
  return (
    <ChartFrame drawn={drawn} height={HEIGHT} id="services" title={CHART_TITLES.servicesSwept} note="Sources grouped by the service each sweeps most, flagged ones first." rows={rows}
      columns={SERVICE_COLUMNS}>
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={rows.map((r) => ({ ...r, label: serviceLabel(r.service) }))} layout="vertical" margin={{ right: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="label" width={96} interval={0} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="sources" name="sources" fill={c.clean} isAnimationActive={false} />
          <Bar dataKey="flagged" name="infected or suspect" fill={c.infected} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}


/**
 * How many of `total` charts to draw: one more each frame. recharts drew all five in one 250-280 ms task when they
 * scrolled into view; one a frame keeps each task short, their frames (captions, tables) standing from the start.
 */
function useOnePerFrame(total: number): number {
  const [n, setN] = useState(1);
  useEffect(() => {
    if (n >= total) return;
    const id = requestAnimationFrame(() => setN((k) => k + 1));
    return () => cancelAnimationFrame(id);
  }, [n, total]);
  return n;
}

export default function Charts() {
  const c = useColours();
  const drawn = useOnePerFrame(5);
  const { charts, selected, select } = useAppStore(
    useShallow((s) => ({ charts: s.diagnosis?.charts, selected: s.selectedSource, select: s.selectSource })),
  );
  if (!charts || charts.topSources.length === 0) {
    return <p className="muted">No flow data to chart: paste <code>show ip cache flow</code> or <code>show ip accounting</code>.</p>;
  }
  return (
    <div className="charts">
      <TopSources rows={charts.topSources} selected={selected} select={select} c={c} drawn />
      <FanOut rows={charts.fanOutDistribution} c={c} drawn={drawn > 1} />
      <Locality rows={charts.localityMix} c={c} drawn={drawn > 2} />
      <Interfaces rows={charts.flowsPerInterface} c={c} drawn={drawn > 3} />
      {charts.servicesSwept && charts.servicesSwept.length > 0 && <Services rows={charts.servicesSwept} c={c} drawn={drawn > 4} />}
    </div>
  );
}
