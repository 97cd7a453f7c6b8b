// Hosts table: sortable, filterable by verdict, paged (never renders more than one page), reasons per host.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Host } from '../../core/types';
import { useAppStore } from '../../state/store';
import type { HostSortKey, VerdictFilter } from '../../state/view-slice';
import { pageOf, sortHosts } from './sort-hosts';
import { count } from '../../core/text/plural';
import { serviceWords } from '../../core/analysis/service';
import { profileOf } from '../../core/analysis/profiles/all-profiles';

/** "TCP port 445", and for a flagged host the worm it fits in words ("likely Sasser", "worm not named"). */
function serviceCell(h: Host): { service: string; worm: string } {
  const service = h.service && h.service !== 'unknown' ? serviceWords(h.service) : '—';
  if (h.verdict === 'clean') return { service, worm: '' };
  const p = h.worm && h.worm !== 'unknown' ? profileOf(h.worm) : undefined;
  return { service, worm: p ? `likely ${p.name}` : 'worm not named (see why)' };
}

const COLUMNS: { key: HostSortKey; label: string; numeric?: boolean }[] = [
  { key: 'ip', label: 'Source' },
  { key: 'interface', label: 'Interface' },
  { key: 'flows', label: 'Flows', numeric: true },
  { key: 'destinations', label: 'Destinations', numeric: true },
  { key: 'port80Flows', label: 'Port 80 flows', numeric: true },
  { key: 'packetsPerFlow', label: 'Packets / flow', numeric: true },
  { key: 'verdict', label: 'Verdict' },
];

const EMPTY: Host[] = [];

function SortHeader({ c, sort, setSort }: { c: (typeof COLUMNS)[number]; sort: { key: HostSortKey; dir: 'asc' | 'desc' }; setSort: (k: HostSortKey) => void }) {
  return (
    <th scope="col" className={c.numeric ? 'num' : undefined} aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => setSort(c.key)}>
        {c.label}
        <span aria-hidden="true">{sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

function HostRow({ h, selected, onSelect }: { h: Host; selected: boolean; onSelect: (ip: string | null) => void }) {
  const cell = serviceCell(h);
  return (
    <tr data-host-ip={h.ip} data-verdict={h.verdict} className={selected ? 'selected' : undefined}>
      <th scope="row">
        <button type="button" className="link-button" aria-pressed={selected} onClick={() => onSelect(selected ? null : h.ip)}
          title={selected ? 'Show all evidence' : `Show only the evidence that mentions ${h.ip}`}>
          {h.ip}
        </button>
      </th>
      <td>{h.interface}</td>
      <td>
        {cell.service}
        {cell.worm && <span className="muted"> {cell.worm}</span>}
      </td>
      <td className="num">{h.flows}</td>
      <td className="num">{h.destinations}</td>
      <td className="num">{h.port80Flows}</td>
      <td className="num">{h.packetsPerFlow.toFixed(1)}</td>
      <td>
        <span className={`badge verdict-${h.verdict}`}>{h.verdict}</span>
        {h.variant !== 'unknown' && <span className="muted"> {h.variant === 'code-red-ii' ? 'Code Red II' : 'Code Red'}</span>}
        {h.inbound && <span className="muted"> (inbound)</span>}
      </td>
      <td>
        {h.reasons.length > 0 ? (
          <details>
            <summary>Why</summary>
            <ul>
              {h.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </details>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}

export function HostsTable() {
  const hosts = useAppStore((s) => s.diagnosis?.hosts ?? EMPTY);
  const { sort, page, filter, selected, setSort, setPage, setFilter, select } = useAppStore(
    useShallow((s) => ({
      sort: s.hostSort, page: s.hostPage, filter: s.verdictFilter, selected: s.selectedSource,
      setSort: s.setHostSort, setPage: s.setHostPage, setFilter: s.setVerdictFilter, select: s.selectSource,
    })),
  );
  const sorted = useMemo(() => sortHosts(hosts, sort.key, sort.dir, filter), [hosts, sort.key, sort.dir, filter]);
  const counts = useMemo(() => {
    const c = { infected: 0, suspect: 0, clean: 0 };
    for (const h of hosts) c[h.verdict] += 1;
    return c;
  }, [hosts]);
  if (hosts.length === 0) return <p>No flow data: paste <code>show ip cache flow</code> or <code>show ip accounting</code> to see the hosts.</p>;
  const { rows, page: shownPage, pages } = pageOf(sorted, page);
  return (
    <div className="hosts">
      <p>
        {count(hosts.length, 'source')}: <strong>{counts.infected} infected</strong>, {counts.suspect} suspect, {counts.clean} clean.
        {' '}Pick an address to see only the evidence that mentions it.
      </p>
      <label className="inline-field">
        Show{' '}
        <select value={filter} onChange={(e) => setFilter(e.target.value as VerdictFilter)}>
          <option value="all">all hosts</option>
          <option value="infected">infected</option>
          <option value="suspect">suspect</option>
          <option value="clean">clean</option>
        </select>
      </label>
      <div className="table-scroll hosts-scroll">
        <table>
          <caption className="offscreen">Source hosts, page {shownPage + 1} of {pages}</caption>
          <thead>
            <tr>
              {COLUMNS.slice(0, 2).map((c) => (
                <SortHeader key={c.key} c={c} sort={sort} setSort={setSort} />
              ))}
              <th scope="col">Service and likely worm</th>
              {COLUMNS.slice(2).map((c) => (
                <SortHeader key={c.key} c={c} sort={sort} setSort={setSort} />
              ))}
              <th scope="col">Reasons</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <HostRow key={h.ip} h={h} selected={selected === h.ip} onSelect={select} />
            ))}
          </tbody>
        </table>
      </div>
      {selected && (
        <p className="host-filter-status" role="status">
          The findings now show only the evidence that mentions {selected}.{' '}
          <a href="#findings-heading" onClick={(e) => { e.preventDefault(); document.getElementById('findings-heading')?.scrollIntoView({ block: 'start' }); }}>
            Go to the findings
          </a>{' '}
          <button type="button" className="link-button" onClick={() => select(null)}>Show all evidence</button>
        </p>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label="Hosts pages">
          <button type="button" onClick={() => setPage(0)} disabled={shownPage === 0}>First</button>
          <button type="button" onClick={() => setPage(shownPage - 1)} disabled={shownPage === 0}>Previous</button>
          <span>
            Page {shownPage + 1} of {pages} ({count(sorted.length, 'row')})
          </span>
          <button type="button" onClick={() => setPage(shownPage + 1)} disabled={shownPage >= pages - 1}>Next</button>
          <button type="button" onClick={() => setPage(pages - 1)} disabled={shownPage >= pages - 1}>Last</button>
        </nav>
      )}
    </div>
  );
}
