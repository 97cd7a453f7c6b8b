// Chart-ready series over the flow verdicts: plain JSON, aggregated, bounded in size whatever the input.
import type { Verdict } from '../types';
import type { HostAnalysis } from './fan-out';
import { CleanHost, type CleanHostColumns } from './clean-hosts';
import type { MultiInterfaces } from './fan-out-tables';
import { CR2_EXPECTED } from './locality';

export const TOP_SOURCES = 20;
export const TOP_INTERFACES = 8;

/**
 * Everything a results page charts (recharts: each array is a `data` prop, each numeric key a series).
 * Size is bounded: 20 + at most 33 + 4 + 9 + 13 rows, however many flows were read.
 */
export interface ChartSeries {
  /** Sources with the most distinct destinations, highest first (at most 20). Bar chart: x = ip. */
  topSources: { ip: string; destinations: number; flows: number; failedFlows: number; verdict: Verdict; inbound: boolean }[];
  /**
   * How many sources reach how many distinct destinations, in powers-of-two buckets ("1", "2-3", "4-7", ...),
   * from 1 up to the largest fan-out seen (empty buckets kept so a log-scale axis reads right). Sources with no
   * destination are not counted. `flagged` = infected or suspect.
   */
  fanOutDistribution: { bucket: string; min: number; max: number; sources: number; flagged: number }[];
  /**
   * Where the infected and suspect (outbound) hosts' targets sit relative to each host, as shares 0..1, beside
   * what Code Red II (1/8 random, 1/2 same /8, 3/8 same /16, never 127/8, 224/8, 0/255 octets or itself) and
   * the first Code Red (uniformly random) would give. `targets` is the count behind `observed`.
   */
  localityMix: { category: 'same /16' | 'same /8' | 'elsewhere' | 'never for Code Red II'; observed: number; targets: number; codeRedII: number; codeRed: number }[];
  /** Flows per interface the sources arrive on: the top 8, then one "other" row. */
  flowsPerInterface: { interface: string; flows: number; sources: number; flaggedSources: number }[];
  /**
   * Sources grouped by the service each sweeps most (`tcp/80`, `tcp/445`, `udp/1434`, `icmp`...): how many, how many
   * flagged, and the flagged ones' failed contacts on it. Flagged services first; at most 12 rows, then "other".
   */
  servicesSwept?: { service: string; sources: number; flagged: number; failedFlows: number }[];
}

const round = (x: number) => Math.round(x * 10000) / 10000;

type InterfaceRow = { flows: number; sources: number; flaggedSources: number };
type ServiceRow = { sources: number; flagged: number; failedFlows: number };

/** What every chart needs from the hosts, gathered in one pass over them (each host read once, in its order). */
class Tally {
  top: HostAnalysis[] = [];
  /** Sources and flagged sources by power-of-two bucket of destinations (index = floor(log2)). */
  bucketSources: number[] = [];
  bucketFlagged: number[] = [];
  maxDestinations = 0;
  locality = { same16: 0, same8: 0, other: 0, forbidden: 0 };
  interfaces = new Map<string, InterfaceRow>();
  services = new Map<string, ServiceRow>();
  // Runs of hosts on one interface or service are common: the last row of each is kept at hand.
  private lastIf: string | undefined;
  private lastIfRow: InterfaceRow | undefined;
  private lastSvc: string | undefined;
  private lastSvcRow: ServiceRow | undefined;
  /** For clean sources seen on several interfaces (read from their table): each interface's row, by its number. */
  private severalRows = new Map<MultiInterfaces, (InterfaceRow | undefined)[]>();
  /**
   * For clean sources kept as rows (addClean): the interface row and the service row of each name number of their
   * columns (null: the name is none, '' or 'unknown'), found by name once, then by number (no Map lookup a source).
   */
  private cleanOf: CleanHostColumns | undefined;
  private cleanIf: (InterfaceRow | null | undefined)[] = [];
  private cleanSvc: (ServiceRow | null | undefined)[] = [];

  constructor(hosts: readonly HostAnalysis[]) {
    for (const h of hosts) {
      // A clean source kept as a row of columns: read from the columns (no getter per field).
      if (h instanceof CleanHost) {
        this.addClean(h, h.columns, h.row);
        continue;
      }
      this.offerTop(h);
      const flagged = h.verdict !== 'clean';
      const d = h.destinations;
      if (d > this.maxDestinations) this.maxDestinations = d;
      if (d >= 1) {
        const b = d < 2 ** 31 ? 31 - Math.clz32(d) : Math.floor(Math.log2(d));
        this.bucketSources[b] = (this.bucketSources[b] ?? 0) + 1;
        if (flagged) this.bucketFlagged[b] = (this.bucketFlagged[b] ?? 0) + 1;
      }
      if (flagged && !h.inbound) {
        const c = this.locality;
        c.same16 += h.locality.same16;
        c.same8 += h.locality.same8;
        c.other += h.locality.other;
        c.forbidden += h.locality.forbidden;
      }
      // A source seen on one interface has no Map (fan-out.ts): its name and flows are on the host. A clean one seen on
      // several is read from its table (its Map would be made at each read: thousands, in a capture whose interfaces
      // change from row to row). Otherwise the Map is read once.
      const clean = h instanceof CleanHost ? h : undefined;
      const m = clean?.columns.multi;
      const several = clean && m ? clean.columns.multiHost[clean.row]! - 1 : -1;
      if (m && several >= 0) this.addSeveral(m, several);
      else {
        const ifs = h.interfaces;
        if (ifs) for (const [name, flows] of ifs) this.addInterface(name, flows, flagged);
        else if (h.interface !== '') this.addInterface(h.interface, h.interfaceFlows, flagged);
      }
      const service = h.service ?? 'unknown';
      if (service !== 'unknown') this.addService(service, flagged, h.failedFlows);
    }
  }

  /**
   * What the loop above does for a clean source (not flagged, so no locality), its fields read from its row: the
   * same additions in the same order. Services and interfaces are found by their number in the columns' names
   * (200,000 clean sources: the charts took 47-77 ms, now 32-59).
   */
  private addClean(h: CleanHost, c: CleanHostColumns, row: number): void {
    const top = this.top;
    const d = c.destinations[row]!;
    // offerTop's first test, on the row (byFanOut(h, last) >= 0: h does not sort before the last of a full list).
    if (top.length < TOP_SOURCES) this.offerTop(h);
    else {
      const last = top[TOP_SOURCES - 1]!;
      if ((last.destinations - d || last.flows - c.flows[row]! || c.addr[row]! - last.addr) < 0) this.offerTop(h);
    }
    if (d > this.maxDestinations) this.maxDestinations = d;
    if (d >= 1) {
      const b = 31 - Math.clz32(d);
      this.bucketSources[b] = (this.bucketSources[b] ?? 0) + 1;
    }
    if (c !== this.cleanOf) {
      this.cleanOf = c;
      this.cleanIf = [];
      this.cleanSvc = [];
    }
    const m = c.multi;
    const several = m ? c.multiHost[row]! - 1 : -1;
    if (m && several >= 0) this.addSeveral(m, several);
    else {
      // addInterface(name, flows, false), its row found by the name's number after the first time.
      const n = c.ifName[row]!;
      let r = this.cleanIf[n];
      if (r === undefined) {
        const name = c.names.values[n]!;
        r = name === '' ? null : this.interfaceRow(name);
        this.cleanIf[n] = r;
      }
      if (r !== null) {
        r.flows += c.ifFlows[row]!;
        r.sources++;
      }
    }
    // addService(service, false, failed): a clean source only counts.
    const n = c.service[row]!;
    let s = this.cleanSvc[n];
    if (s === undefined) {
      const service = c.names.values[n]!;
      s = service === 'unknown' ? null : this.serviceRow(service);
      this.cleanSvc[n] = s;
    }
    if (s !== null) s.sources++;
  }

  /** The interface's row, made (in the Map's order of first use) when it has none. */
  private interfaceRow(name: string): InterfaceRow {
    let r = this.interfaces.get(name);
    if (!r) this.interfaces.set(name, (r = { flows: 0, sources: 0, flaggedSources: 0 }));
    return r;
  }

  /** The service's row, made (in the Map's order of first use) when it has none. */
  private serviceRow(service: string): ServiceRow {
    let r = this.services.get(service);
    if (!r) this.services.set(service, (r = { sources: 0, flagged: 0, failedFlows: 0 }));
    return r;
  }

  /**
   * Keeps the first TOP_SOURCES hosts in fan-out order, as a stable sort would: hosts already in that order (as
   * analyseFanOut returns them) cost one comparison each past the first few.
   */
  private offerTop(h: HostAnalysis): void {
    const top = this.top;
    if (top.length === TOP_SOURCES && byFanOut(h, top[TOP_SOURCES - 1]!) >= 0) return;
    // After every host it does not sort before (ties keep their order).
    let i = top.length;
    while (i > 0 && byFanOut(h, top[i - 1]!) < 0) i--;
    top.splice(i, 0, h);
    if (top.length > TOP_SOURCES) top.pop();
  }

  private addInterface(name: string, flows: number, flagged: boolean): void {
    const r = name === this.lastIf ? this.lastIfRow! : this.interfaceRow(name);
    r.flows += flows;
    r.sources++;
    if (flagged) r.flaggedSources++;
    this.lastIf = name;
    this.lastIfRow = r;
  }

  /**
   * A clean source's flows per interface from the table (`m`, host k): as addInterface() for each, in the same order,
   * each interface's row found by its number after its first (no name looked up per source).
   */
  private addSeveral(m: MultiInterfaces, k: number): void {
    let rows = this.severalRows.get(m);
    if (!rows) this.severalRows.set(m, (rows = []));
    for (let e = m.start[k]!; e < m.start[k + 1]!; e++) {
      const g = m.ifg[e]!;
      let r = rows[g];
      if (r === undefined) rows[g] = r = this.interfaceRow(m.names[g]!);
      r.flows += m.flows[e]!;
      r.sources++;
    }
  }

  private addService(service: string, flagged: boolean, failedFlows: number): void {
    const r = service === this.lastSvc ? this.lastSvcRow! : this.serviceRow(service);
    r.sources++;
    if (flagged) {
      r.flagged++;
      r.failedFlows += failedFlows;
    }
    this.lastSvc = service;
    this.lastSvcRow = r;
  }
}

const byFanOut = (a: HostAnalysis, b: HostAnalysis) => b.destinations - a.destinations || b.flows - a.flows || a.addr - b.addr;

function fanOutBuckets(t: Tally): ChartSeries['fanOutDistribution'] {
  const out: ChartSeries['fanOutDistribution'] = [];
  for (let min = 1, b = 0; min <= t.maxDestinations; min *= 2, b++) {
    const max = min * 2 - 1;
    out.push({ bucket: min === max ? `${min}` : `${min}-${max}`, min, max, sources: t.bucketSources[b] ?? 0, flagged: t.bucketFlagged[b] ?? 0 });
  }
  return out;
}

function localityMix(t: Tally): ChartSeries['localityMix'] {
  const c = t.locality;
  const n = c.same16 + c.same8 + c.other + c.forbidden;
  const share = (x: number) => (n === 0 ? 0 : round(x / n));
  const pForbidden = 1 - (252 / 256) * (254 / 256) ** 3;
  return [
    { category: 'same /16', observed: share(c.same16), targets: c.same16, codeRedII: CR2_EXPECTED.same16, codeRed: round(1 / 65536) },
    { category: 'same /8', observed: share(c.same8), targets: c.same8, codeRedII: CR2_EXPECTED.same8, codeRed: round(1 / 256) },
    { category: 'elsewhere', observed: share(c.other), targets: c.other, codeRedII: CR2_EXPECTED.other, codeRed: round(1 - 1 / 256 - pForbidden) },
    { category: 'never for Code Red II', observed: share(c.forbidden), targets: c.forbidden, codeRedII: 0, codeRed: round(pForbidden) },
  ];
}

function flowsPerInterface(t: Tally): ChartSeries['flowsPerInterface'] {
  const rows = [...t.interfaces].map(([iface, r]) => ({ interface: iface, ...r })).sort((a, b) => b.flows - a.flows || a.interface.localeCompare(b.interface));
  if (rows.length <= TOP_INTERFACES + 1) return rows;
  const rest = rows.slice(TOP_INTERFACES);
  const other = { interface: 'other', flows: 0, sources: 0, flaggedSources: 0 };
  for (const r of rest) {
    other.flows += r.flows;
    other.sources += r.sources;
    other.flaggedSources += r.flaggedSources;
  }
  return [...rows.slice(0, TOP_INTERFACES), other];
}

export const TOP_SERVICES = 12;

function servicesSwept(t: Tally): NonNullable<ChartSeries['servicesSwept']> {
  const rows = [...t.services].map(([service, r]) => ({ service, ...r })).sort((a, b) => b.flagged - a.flagged || b.sources - a.sources || a.service.localeCompare(b.service));
  if (rows.length <= TOP_SERVICES + 1) return rows;
  const other = { service: 'other', sources: 0, flagged: 0, failedFlows: 0 };
  for (const r of rows.slice(TOP_SERVICES)) {
    other.sources += r.sources;
    other.flagged += r.flagged;
    other.failedFlows += r.failedFlows;
  }
  return [...rows.slice(0, TOP_SERVICES), other];
}

/** The chart series for a diagnosis, in one pass over the hosts (sorted by fan-out as analyseFanOut returns them, or not). */
export function chartSeries(hosts: readonly HostAnalysis[]): ChartSeries {
  const t = new Tally(hosts);
  return {
    topSources: t.top.map((h) => ({ ip: h.ip, destinations: h.destinations, flows: h.flows, failedFlows: h.failedFlows, verdict: h.verdict, inbound: h.inbound })),
    fanOutDistribution: fanOutBuckets(t),
    localityMix: localityMix(t),
    flowsPerInterface: flowsPerInterface(t),
    servicesSwept: servicesSwept(t),
  };
}
