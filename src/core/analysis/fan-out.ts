// Per-source fan-out statistics and verdicts over every flow source in a diagnosis.
import type { Host } from '../types';
import { intToIp } from '../text/lines';
import { flowOutcome, type FlowSource, WWW } from './flow-facts';
import { classifyLocality, decideVariant, localityLogRatio, type LocalityCounts } from './locality';
import { LOG_UPPER, STEP_FAIL, newWalk, step, type Walk } from './trw';

/** Where a flow was read: enough to quote the line as evidence. */
export interface FlowRef {
  source: string;
  line: number;
}

export interface HostAnalysis extends Host {
  /** Numeric address, for sorting and locality. */
  addr: number;
  llr: number;
  locality: LocalityCounts;
  localityLogRatio: number;
  /** First failed port-80 (or bare-SYN) flows, for evidence; bounded. */
  evidence: FlowRef[];
}

export const EVIDENCE_PER_HOST = 12;

interface Acc {
  addr: number;
  flows: number;
  port80: number;
  packets: number;
  failed: number;
  dsts: Set<number>;
  ifCounts: Map<string, number>;
  nullFlows: number;
  walk: Walk;
  locality: LocalityCounts;
  evidence: FlowRef[];
}

const NULL_IF = /^(null|null0|nu0)$/i;

/**
 * Destinations some source reached with a real exchange. A failure aimed at one of them is not scanning
 * evidence: it is a client retrying a busy or filtered server that others can reach.
 */
function reachedDestinations(sources: readonly FlowSource[]): Set<number> {
  const ok = new Set<number>();
  for (const s of sources) {
    const t = s.flows;
    for (let i = 0; i < t.count; i++) if (flowOutcome(t, i) === 'ok') ok.add(t.dst[i]!);
  }
  return ok;
}

export function analyseFanOut(sources: readonly FlowSource[]): HostAnalysis[] {
  const reached = reachedDestinations(sources);
  const accs = new Map<number, Acc>();
  for (const s of sources) {
    const t = s.flows;
    for (let i = 0; i < t.count; i++) {
      const src = t.src[i]!;
      let a = accs.get(src);
      if (!a) {
        a = {
          addr: src,
          flows: 0,
          port80: 0,
          packets: 0,
          failed: 0,
          dsts: new Set(),
          ifCounts: new Map(),
          nullFlows: 0,
          walk: newWalk(),
          locality: { same16: 0, same8: 0, other: 0 },
          evidence: [],
        };
        accs.set(src, a);
      }
      const dst = t.dst[i]!;
      a.flows++;
      a.packets += t.packets[i]!;
      if (t.dstPort[i] === WWW) a.port80++;
      const ifName = t.ifNames[t.srcIf[i]!]!;
      if (ifName) a.ifCounts.set(ifName, (a.ifCounts.get(ifName) ?? 0) + 1);
      if (NULL_IF.test(t.ifNames[t.dstIf[i]!]!)) a.nullFlows++;
      const outcome = flowOutcome(t, i);
      if (outcome === 'failed') {
        a.failed++;
        if (a.evidence.length < EVIDENCE_PER_HOST) a.evidence.push({ source: s.source, line: t.line[i]! });
      }
      const firstContact = !a.dsts.has(dst);
      if (firstContact) {
        a.dsts.add(dst);
        if (outcome !== 'ignore') {
          a.locality[classifyLocality(src, dst)]++;
          // A failure to a destination others reach is neutral, not evidence of scanning.
          if (outcome === 'ok') step(a.walk, false);
          else if (!reached.has(dst)) step(a.walk, true);
        }
      }
    }
  }
  const hosts = [...accs.values()].map(toHost);
  hosts.sort((x, y) => y.destinations - x.destinations || y.flows - x.flows || x.addr - y.addr);
  return hosts;
}

function mainInterface(ifCounts: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [name, c] of ifCounts) if (c > n) [best, n] = [name, c];
  return best;
}

function toHost(a: Acc): HostAnalysis {
  const w = a.walk;
  const inbound = a.nullFlows > 0 && a.nullFlows === a.flows;
  const reasons: string[] = [];
  let verdict: Host['verdict'] = 'clean';
  if (w.crossed) {
    verdict = 'infected';
    reasons.push(
      `${w.failuresAtCrossing} unanswered first contacts to distinct destinations crossed the 99:1 scanner threshold ` +
        `(${w.failures} failed, ${w.successes} answered in all)`,
    );
  } else if (w.llr >= 2 * STEP_FAIL - 1e-9) {
    verdict = 'suspect';
    reasons.push(
      `${w.failures} unanswered first contacts and ${w.successes} answered: odds ${Math.exp(w.llr).toFixed(0)}:1 ` +
        `for scanning, below the ${Math.exp(LOG_UPPER).toFixed(0)}:1 needed to call it`,
    );
  } else if (w.failures + w.successes > 0) {
    reasons.push(`${w.successes} answered and ${w.failures} unanswered first contacts: no scanning pattern`);
  } else {
    reasons.push('no TCP/80 first contacts to judge by');
  }
  if (inbound) reasons.push('every flow from it is routed to Null: an outside host probing in, not a local infection');
  const variant = verdict === 'clean' ? 'unknown' : decideVariant(a.locality);
  const lr = localityLogRatio(a.locality);
  if (verdict !== 'clean') {
    const { same16, same8, other } = a.locality;
    const mix = `targets: ${same16} same /16, ${same8} same /8, ${other} elsewhere`;
    if (variant === 'code-red') reasons.push(`${mix}: uniformly random, as Code Red (odds ${Math.exp(-lr).toExponential(1)}:1)`);
    else if (variant === 'code-red-ii') reasons.push(`${mix}: local bias of Code Red II (odds ${Math.exp(lr).toExponential(1)}:1)`);
    else reasons.push(`${mix}: too few or too mixed to tell Code Red from Code Red II`);
  }
  return {
    ip: intToIp(a.addr),
    addr: a.addr,
    interface: mainInterface(a.ifCounts),
    flows: a.flows,
    destinations: a.dsts.size,
    port80Flows: a.port80,
    packetsPerFlow: Math.round((a.packets / a.flows) * 100) / 100,
    failedFlows: a.failed,
    verdict,
    variant,
    reasons,
    inbound,
    llr: w.llr,
    locality: a.locality,
    localityLogRatio: lr,
    evidence: a.evidence,
  };
}
