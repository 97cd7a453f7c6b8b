// Turns one source's counters and walk into a verdict, a variant and the reasons in words.
import type { FlowRef, HostAnalysis } from './fan-out';
import { BLIND_SWEEP_MIN } from './flow-facts';
import { decideVariant, describeVariant, localityLogRatio, type LocalityCounts } from './locality';
import { isSequential, matchWorm, type SweepFacts } from './profiles/match-worm';
import { serviceWords } from './service';
import { LOG_SUSPECT, LOG_UPPER, STEP_FAIL, type Walk } from './trw';

export interface HostCounters {
  addr: number;
  ip: string;
  interfaces: Map<string, number>;
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

function mainInterface(ifCounts: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [name, c] of ifCounts) if (c > n) [best, n] = [name, c];
  return best;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The verdict the walk alone gives (judge() words it). */
export function verdictOf(w: Walk): HostAnalysis['verdict'] {
  if (w.crossed) return 'infected';
  return w.llr >= LOG_SUSPECT - 1e-9 ? 'suspect' : 'clean';
}

export function judge(c: HostCounters): HostAnalysis {
  const w = c.walk;
  const reasons: string[] = [];
  let verdict: HostAnalysis['verdict'] = 'clean';
  const neutral = w.neutral
    ? `; ${plural(w.neutral, 'failure')} to destinations other sources reach not counted (a busy, filtered or retried server, not a scan)`
    : '';
  if (w.crossed) {
    verdict = 'infected';
    reasons.push(
      `${plural(w.failuresAtCrossing, 'unanswered first contact')} to distinct destinations crossed the 99:1 scanner threshold ` +
        `of the sequential test (${w.failures} unanswered, ${w.successes} answered in all${neutral})`,
    );
  } else if (w.llr >= LOG_SUSPECT - 1e-9) {
    verdict = 'suspect';
    reasons.push(
      `${plural(w.failures, 'unanswered first contact')} and ${w.successes} answered: odds ${Math.exp(w.llr).toFixed(0)}:1 ` +
        `for scanning, below the ${Math.exp(LOG_UPPER).toFixed(0)}:1 needed to call it${neutral}`,
    );
  } else if (w.failures + w.successes + w.neutral > 0) {
    // Said only where scoring them would have raised the verdict: a lone unanswered DNS query needs no excuse.
    const unscored =
      w.unscored > 0 && w.llr + w.unscored * STEP_FAIL >= LOG_SUSPECT - 1e-9
        ? ` (this capture records no reply to any UDP or ICMP probe; fewer than ${BLIND_SWEEP_MIN} unanswered is not a sweep)`
        : '';
    reasons.push(`${w.successes} answered and ${w.failures} unanswered first contacts: no scanning pattern${unscored}${neutral}`);
  } else {
    reasons.push(c.sweep.service === 'unknown' ? 'no first contacts to judge by' : `no ${serviceWords(c.sweep.service)} first contacts to judge by`);
  }
  if (c.inbound) reasons.push('every flow from it is routed to Null: an outside host probing in, not a local infection');
  // The Code Red variant is a TCP/80 call (accounting's bare SYNs are the tech note's TCP/80 too).
  const web = c.sweep.service === 'tcp/80' || c.sweep.service === 'tcp';
  const variant = verdict === 'clean' || !web ? 'unknown' : decideVariant(c.locality);
  if (verdict !== 'clean' && web) reasons.push(describeVariant(c.locality, variant));
  let worm: HostAnalysis['worm'] = 'unknown';
  if (verdict !== 'clean') {
    if (!web) reasons.push(`sweeps ${serviceWords(c.sweep.service)}`);
    if (isSequential(c.sweep)) {
      reasons.push(`targets consecutive addresses (${Math.round(c.sweep.sequentialShare * 100)}% of its first contacts follow the previous address): a sequential sweep`);
    }
    const call = matchWorm(c.sweep, c.locality, w.successes);
    worm = call.worm;
    reasons.push(...call.reasons);
  }
  const ifs = c.interfaces;
  if (ifs.size > 1) {
    const list = [...ifs].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, k]) => `${n} (${k})`).join(', ');
    reasons.push(`arrives on ${ifs.size} interfaces: ${list}`);
  }
  return {
    ip: c.ip,
    interface: mainInterface(ifs),
    flows: c.flows,
    destinations: c.destinations,
    port80Flows: c.port80Flows,
    packetsPerFlow: c.packetsPerFlow,
    failedFlows: c.failedFlows,
    verdict,
    variant,
    reasons,
    service: c.sweep.service,
    worm,
    inbound: c.inbound,
    addr: c.addr,
    llr: w.llr,
    locality: c.locality,
    localityLogRatio: localityLogRatio(c.locality),
    evidence: c.evidence,
    interfaces: ifs,
  };
}
