// Per-source fan-out statistics and verdicts over every flow source in a diagnosis (typed arrays, no per-row objects).
import type { Host } from '../types';
import { intToIp } from '../text/lines';
import { FAILED, flowOutcomeCode, type FlowSource, OK, WWW } from './flow-facts';
import { PairIndex, U32Index } from './hash-tables';
import { emptyLocality, localityCode, type LocalityCounts } from './locality';
import { findSharedTargets } from './shared-targets';
import { judge } from './verdict';
import { newWalk, step } from './trw';

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
  /** Flows per interface the source arrived on (for charts). */
  interfaces: Map<string, number>;
}

export const EVIDENCE_PER_HOST = 12;

const NULL_IF = /^(null|null0|nu0)$/i;

/** Grow-on-demand per-host counters. */
class HostColumns {
  cap = 1024;
  flows = new Float64Array(this.cap);
  port80 = new Float64Array(this.cap);
  packets = new Float64Array(this.cap);
  failed = new Float64Array(this.cap);
  nullFlows = new Float64Array(this.cap);
  dsts = new Float64Array(this.cap);
  loc = new Float64Array(this.cap * 4);
  mainIf = new Int32Array(this.cap).fill(-1);
  mainIfCount = new Float64Array(this.cap);
  /** 1 once a source has been seen on a second interface (then its counts live in a Map). */
  multiIf = new Int32Array(this.cap);

  ensure(n: number): void {
    if (n < this.cap) return;
    let c = this.cap;
    while (c <= n) c *= 2;
    const g = <T extends Float64Array | Int32Array>(a: T, k = 1, fill = 0): T => {
      const b = new (a.constructor as new (n: number) => T)(c * k);
      b.fill(fill);
      b.set(a);
      return b;
    };
    this.flows = g(this.flows);
    this.port80 = g(this.port80);
    this.packets = g(this.packets);
    this.failed = g(this.failed);
    this.nullFlows = g(this.nullFlows);
    this.dsts = g(this.dsts);
    this.loc = g(this.loc, 4);
    this.mainIf = g(this.mainIf, 1, -1);
    this.mainIfCount = g(this.mainIfCount);
    this.multiIf = g(this.multiIf);
    this.cap = c;
  }
}

export function analyseFanOut(sources: readonly FlowSource[]): HostAnalysis[] {
  let total = 0;
  for (const s of sources) total += s.flows.count;
  // Destinations someone reached with a real exchange: a failure aimed at one of them is not scanning evidence
  // (a client retrying a server others reach, clients whose port 80 is blocked locally to popular servers).
  // Filled in the pass below; only read once it is complete.
  const reached = new U32Index(1024);
  const hostsIx = new U32Index(4096);
  const pairs = new PairIndex(Math.min(total, 1 << 22));
  const h = new HostColumns();
  // Per first contact (source, destination): its host and whether any flow of it got an answer.
  let pairHost = new Int32Array(Math.max(16, total));
  let pairState = new Uint8Array(Math.max(16, total)); // 0 ignore, 1 failed, 2 ok
  const ifCounts = new Map<number, Map<string, number>>();
  const evidence = new Map<number, FlowRef[]>();
  const globalIf = new Map<string, number>();
  const ifNameList: string[] = [];
  for (const s of sources) {
    const t = s.flows;
    const ifMap = t.ifNames.map((name) => {
      let g = globalIf.get(name);
      if (g === undefined) {
        g = ifNameList.length;
        ifNameList.push(name);
        globalIf.set(name, g);
      }
      return g;
    });
    const isNull = t.ifNames.map((n) => NULL_IF.test(n));
    const named = ifMap.map((g) => ifNameList[g] !== '');
    for (let i = 0; i < t.count; i++) {
      const src = t.src[i]!;
      const dst = t.dst[i]!;
      const k = hostsIx.add(src);
      h.ensure(hostsIx.size);
      h.flows[k]!++;
      h.packets[k]! += t.packets[i]!;
      if (t.dstPort[i] === WWW) h.port80[k]!++;
      const sif = t.srcIf[i]!;
      if (named[sif]) {
        const ifg = ifMap[sif]!;
        if (h.mainIf[k] === -1) h.mainIf[k] = ifg;
        if (h.mainIf[k] === ifg && h.multiIf[k] === 0) h.mainIfCount[k]!++;
        else {
          h.multiIf[k] = 1;
          // A second interface for this source: count per name (rare, so a Map is fine).
          let m = ifCounts.get(k);
          if (!m) {
            m = new Map([[ifNameList[h.mainIf[k]!]!, h.mainIfCount[k]!]]);
            ifCounts.set(k, m);
          }
          const name = ifNameList[ifg]!;
          m.set(name, (m.get(name) ?? 0) + 1);
        }
      }
      if (isNull[t.dstIf[i]!]) h.nullFlows[k]!++;
      const outcome = flowOutcomeCode(t, i);
      if (outcome === OK) reached.add(dst);
      else if (outcome === FAILED) {
        if (h.failed[k]!++ < EVIDENCE_PER_HOST) {
          let ev = evidence.get(k);
          if (!ev) evidence.set(k, (ev = []));
          ev.push({ source: s.source, line: t.line[i]! });
        }
      }
      const p = pairs.add(src, dst);
      if (pairs.isNew()) {
        if (p >= pairHost.length) {
          const a = new Int32Array(pairHost.length * 2);
          a.set(pairHost);
          pairHost = a;
          const b = new Uint8Array(pairState.length * 2);
          b.set(pairState);
          pairState = b;
        }
        pairHost[p] = k;
        pairState[p] = outcome;
        h.dsts[k]!++;
        if (outcome !== 0) h.loc[k * 4 + localityCode(src, dst)]!++;
      } else if (outcome > pairState[p]!) pairState[p] = outcome; // answered on a later flow: not a failure
    }
  }
  // The walk, one step per first contact in the order the contacts first appear.
  const walks = Array.from({ length: hostsIx.size }, newWalk);
  for (let p = 0; p < pairs.size; p++) {
    const st = pairState[p]!;
    if (st === OK) step(walks[pairHost[p]!]!, false);
    else if (st === FAILED) {
      // Neutral when someone else reached that destination: the failure says nothing about scanning.
      if (reached.get(pairDst(pairs, p)) < 0) step(walks[pairHost[p]!]!, true);
      else walks[pairHost[p]!]!.neutral++;
    }
  }
  const hosts: HostAnalysis[] = [];
  for (let k = 0; k < hostsIx.size; k++) {
    const addr = hostsIx.keyAt[k]!;
    const locality = emptyLocality();
    locality.same16 = h.loc[k * 4]!;
    locality.same8 = h.loc[k * 4 + 1]!;
    locality.other = h.loc[k * 4 + 2]!;
    locality.forbidden = h.loc[k * 4 + 3]!;
    const interfaces = ifCounts.get(k) ?? new Map(h.mainIf[k]! >= 0 ? [[ifNameList[h.mainIf[k]!]!, h.mainIfCount[k]!]] : []);
    const flows = h.flows[k]!;
    hosts.push(
      judge({
        addr,
        ip: intToIp(addr),
        interfaces,
        flows,
        destinations: h.dsts[k]!,
        port80Flows: h.port80[k]!,
        packetsPerFlow: Math.round((h.packets[k]! / flows) * 100) / 100,
        failedFlows: h.failed[k]!,
        inbound: h.nullFlows[k]! > 0 && h.nullFlows[k] === flows,
        walk: walks[k]!,
        locality,
        evidence: evidence.get(k) ?? [],
      }),
    );
  }
  findSharedTargets(hosts, pairs, pairHost, pairState);
  hosts.sort((x, y) => y.destinations - x.destinations || y.flows - x.flows || x.addr - y.addr);
  return hosts;
}

/** The destination of first contact p (kept by PairIndex in insertion order). */
function pairDst(pairs: PairIndex, p: number): number {
  return pairs.secondAt(p);
}
