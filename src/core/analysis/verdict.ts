// Turns one source's counters and walk into a verdict, a variant and the reasons in words.
import type { FlowRef, HostAnalysis } from './fan-out';
import { BLIND_SWEEP_MIN } from './flow-facts';
import { decideVariant, describeVariant, type LocalityCounts } from './locality';
import { isSequential, matchWorm, type SweepFacts } from './profiles/match-worm';
import { serviceWords } from './service';
import { LOG_SUSPECT, LOG_UPPER, STEP_FAIL, type Walk } from './trw';

export interface HostCounters {
  addr: number;
  ip: string;
  /** Flows per interface, for a source that arrived on more than one; otherwise the two fields below say it all. */
  interfaces?: Map<string, number>;
  /** Its one interface ('' when its rows name none) and the flows on it, when `interfaces` is absent. */
  interfaceName: string;
  interfaceFlows: number;
  flows: number;
  destinations: number;
  port80Flows: number;
  packetsPerFlow: number;
  failedFlows: number;
  inbound: boolean;
  walk: Walk;
  locality: LocalityCounts;
  evidence: FlowRef[];
  /** The host's main service and the shape of its sweep. */
  sweep: SweepFacts;
}

/** Flows per interface the source arrived on, as a Map (empty when its rows name no interface). */
export function interfaceCounts(h: Pick<HostAnalysis, 'interface' | 'interfaces' | 'interfaceFlows'>): ReadonlyMap<string, number> {
  return h.interfaces ?? new Map(h.interface !== '' ? [[h.interface, h.interfaceFlows]] : []);
}

/**
 * The four interfaces with the most flows, most first (ties in first-seen order), as `Gi0/1 (120), Fa0/2 (7)`.
 * Picked in one pass over the Map: sorting its entries cost 3 us a host, and every source of a capture whose
 * interfaces change from row to row has several.
 */
export function busiestInterfaces(ifCounts: ReadonlyMap<string, number>): string {
  const top = busiestFour.reset();
  const names: string[] = [];
  ifCounts.forEach((n, name) => top.offer(names.push(name) - 1, n));
  return top.text((e) => names[e]!);
}

/**
 * The four busiest of a source's interfaces, offered one by one in first-seen order by their entry numbers: kept in
 * order in fixed slots (nothing made per entry). An entry goes after every kept one with as many flows or more (a
 * stable sort's order), when that is among the first four. One for the module (reset() before each source):
 * busiestInterfaces and MultiInterfaces share it, so a Map and the analysis's columns word a source alike.
 */
class BusiestFour {
  private n0 = -1;
  private n1 = -1;
  private n2 = -1;
  private n3 = -1;
  private e0 = -1;
  private e1 = -1;
  private e2 = -1;
  private e3 = -1;

  reset(): this {
    this.n0 = this.n1 = this.n2 = this.n3 = -1;
    this.e0 = this.e1 = this.e2 = this.e3 = -1;
    return this;
  }

  /** Entry e, with n flows (n >= 0). */
  offer(e: number, n: number): void {
    if (n > this.n3) {
      this.n3 = n;
      this.e3 = e;
    } else return;
    if (this.n3 > this.n2) {
      this.n3 = this.n2;
      this.e3 = this.e2;
      this.n2 = n;
      this.e2 = e;
    } else return;
    if (this.n2 > this.n1) {
      this.n2 = this.n1;
      this.e2 = this.e1;
      this.n1 = n;
      this.e1 = e;
    } else return;
    if (this.n1 > this.n0) {
      this.n1 = this.n0;
      this.e1 = this.e0;
      this.n0 = n;
      this.e0 = e;
    }
  }

  /** How many are kept (up to four): entry(i) and flows(i) for i below that, most flows first. */
  get size(): number {
    return this.n3 >= 0 ? 4 : this.n2 >= 0 ? 3 : this.n1 >= 0 ? 2 : this.n0 >= 0 ? 1 : 0;
  }

  entry(i: number): number {
    return i === 0 ? this.e0 : i === 1 ? this.e1 : i === 2 ? this.e2 : this.e3;
  }

  flows(i: number): number {
    return i === 0 ? this.n0 : i === 1 ? this.n1 : i === 2 ? this.n2 : this.n3;
  }

  /** `Gi0/1 (120), Fa0/2 (7)`: the kept ones, most first, each entry named by `name`. */
  text(name: (e: number) => string): string {
    let text = `${name(this.e0)} (${this.n0})`;
    if (this.n1 >= 0) text += `, ${name(this.e1)} (${this.n1})`;
    if (this.n2 >= 0) text += `, ${name(this.e2)} (${this.n2})`;
    if (this.n3 >= 0) text += `, ${name(this.e3)} (${this.n3})`;
    return text;
  }
}

export const busiestFour = new BusiestFour();

/** The interface with the most flows (the first seen of those with as many). */
export function mainInterface(ifCounts: ReadonlyMap<string, number>): string {
  let best = '';
  let n = -1;
  for (const [name, c] of ifCounts) if (c > n) [best, n] = [name, c];
  return best;
}

/** The reason a source seen on several interfaces gets ('' for one). */
export function interfacesReason(ifs: ReadonlyMap<string, number>): string {
  return ifs.size > 1 ? `arrives on ${ifs.size} interfaces: ${busiestInterfaces(ifs)}` : '';
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The verdict the walk alone gives (judge() words it). */
export function verdictOf(w: Walk): HostAnalysis['verdict'] {
  if (w.crossed) return 'infected';
  return w.llr >= LOG_SUSPECT - 1e-9 ? 'suspect' : 'clean';
}

const neutralWords = (n: number) =>
  n ? `; ${plural(n, 'failure')} to destinations other sources reach not counted (a busy, filtered or retried server, not a scan)` : '';

/**
 * Clean hosts' reasons repeat (200,000 clients make a few hundred distinct ones): one string each, shared. Bounded,
 * so a pathological capture cannot grow it without limit; past the bound the words are made afresh.
 */
const CLEAN_REASONS_MAX = 4096;
const cleanReasonByCounts = new Map<number, string>();
const cleanReasonByService = new Map<string, string>();

/** The one reason a host that is not flagged gets from its walk (judge() adds the rest). */
export function cleanReason(w: Walk, service: string): string {
  // Unscored probes are said only where scoring them would have raised the verdict (a lone unanswered DNS query
  // needs no excuse); those few reasons are made afresh.
  if (w.unscored > 0 && w.llr + w.unscored * STEP_FAIL >= LOG_SUSPECT - 1e-9) {
    return (
      `${w.successes} answered and ${w.failures} unanswered first contacts: no scanning pattern ` +
      `(this capture records no reply to any UDP or ICMP probe; fewer than ${BLIND_SWEEP_MIN} unanswered is not a sweep)${neutralWords(w.neutral)}`
    );
  }
  if (w.failures + w.successes + w.neutral > 0) {
    const small = w.successes < 1024 && w.failures < 1024 && w.neutral < 1024;
    const key = small ? (w.neutral * 1024 + w.failures) * 1024 + w.successes : -1;
    let r = small ? cleanReasonByCounts.get(key) : undefined;
    if (r === undefined) {
      r = `${w.successes} answered and ${w.failures} unanswered first contacts: no scanning pattern${neutralWords(w.neutral)}`;
      if (small && cleanReasonByCounts.size < CLEAN_REASONS_MAX) cleanReasonByCounts.set(key, r);
    }
    return r;
  }
  let r = cleanReasonByService.get(service);
  if (r === undefined) {
    r = service === 'unknown' ? 'no first contacts to judge by' : `no ${serviceWords(service)} first contacts to judge by`;
    if (cleanReasonByService.size < CLEAN_REASONS_MAX) cleanReasonByService.set(service, r);
  }
  return r;
}

export const INBOUND_REASON = 'every flow from it is routed to Null: an outside host probing in, not a local infection';

/**
 * A count as a small integer. Counts read from typed columns arrive as doubles, and one double stored in a field makes
 * V8 keep that field as a boxed number in every host (16 bytes each, 200,000 hosts): small integers are stored inline.
 */
export const whole = (x: number): number => ((x | 0) === x ? x | 0 : x);

export function judge(c: HostCounters): HostAnalysis {
  const w = c.walk;
  const verdict = verdictOf(w);
  const service = c.sweep.service;
  let variant: HostAnalysis['variant'] = 'unknown';
  let worm: HostAnalysis['worm'] = 'unknown';
  let reasons: string[];
  if (verdict === 'clean') {
    // Most hosts of a big capture: the walk's one reason (shared words), no variant, no worm.
    reasons = [cleanReason(w, service)];
    if (c.inbound) reasons.push(INBOUND_REASON);
  } else {
    const neutral = neutralWords(w.neutral);
    reasons = [
      verdict === 'infected'
        ? `${plural(w.failuresAtCrossing, 'unanswered first contact')} to distinct destinations crossed the 99:1 scanner threshold ` +
          `of the sequential test (${w.failures} unanswered, ${w.successes} answered in all${neutral})`
        : `${plural(w.failures, 'unanswered first contact')} and ${w.successes} answered: odds ${Math.exp(w.llr).toFixed(0)}:1 ` +
          `for scanning, below the ${Math.exp(LOG_UPPER).toFixed(0)}:1 needed to call it${neutral}`,
    ];
    if (c.inbound) reasons.push(INBOUND_REASON);
    // The Code Red variant is a TCP/80 call (accounting's bare SYNs are the tech note's TCP/80 too).
    let variantAt = -1;
    if (service === 'tcp/80' || service === 'tcp') {
      variant = decideVariant(c.locality);
      variantAt = reasons.push(describeVariant(c.locality, variant)) - 1;
    } else reasons.push(`sweeps ${serviceWords(service)}`);
    if (isSequential(c.sweep)) {
      reasons.push(`targets consecutive addresses (${Math.round(c.sweep.sequentialShare * 100)}% of its first contacts follow the previous address): a sequential sweep`);
    }
    const call = matchWorm(c.sweep, c.locality, w.successes);
    worm = call.worm;
    reasons.push(...call.reasons);
    // Another worm named (Nimda's sweep of its own /16): no Code Red variant beside it, which would say the opposite.
    if (variantAt >= 0 && worm !== 'unknown' && worm !== 'code-red' && worm !== 'code-red-ii' && variant !== 'unknown') {
      variant = 'unknown';
      reasons[variantAt] = describeVariant(c.locality, variant);
    }
  }
  const ifs = c.interfaces;
  const iface = ifs ? mainInterface(ifs) : c.interfaceName;
  const arrives = ifs ? interfacesReason(ifs) : '';
  if (arrives) reasons.push(arrives);
  return {
    ip: c.ip,
    interface: iface,
    flows: whole(c.flows),
    destinations: whole(c.destinations),
    port80Flows: whole(c.port80Flows),
    packetsPerFlow: c.packetsPerFlow,
    failedFlows: whole(c.failedFlows),
    verdict,
    variant,
    reasons,
    service,
    worm,
    inbound: c.inbound,
    addr: c.addr,
    locality: c.locality,
    evidence: c.evidence,
    interfaces: ifs,
    interfaceFlows: whole(ifs ? (ifs.get(iface) ?? 0) : c.interfaceFlows),
  };
}
