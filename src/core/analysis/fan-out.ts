// Per-source fan-out statistics and verdicts over every flow source in a diagnosis (typed arrays, no per-row objects).
import type { Host } from '../types';
import { intToIp } from '../text/lines';
import { FAILED, flowOutcomeCode, type FlowSource, IGNORE, OK, PENDING, rowService, SYN_SERVICE, WWW } from './flow-facts';
import { PairSet, U32Index } from './hash-tables';
import { ICMP, NO_SERVICE, serviceName, UDP } from './service';
import { ServiceCounts } from './service-counts';
import { localityCode, type LocalityCounts } from './locality';
import { fanOutOrder } from './host-order';
import { SharedTargetCollector } from './shared-targets';
import { judge, verdictOf, whole } from './verdict';
import { newWalk, step, type Walk } from './trw';

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
  /**
   * Flows per interface, for a source that arrived on more than one (a few in a big capture); undefined for the rest,
   * whose one interface is `interface` with `interfaceFlows` flows. interfaceCounts() (verdict.ts) gives either as a Map.
   */
  interfaces?: Map<string, number>;
  /** Flows on `interface` (0 when its rows name no interface). */
  interfaceFlows: number;
}

/** An unanswered UDP or ICMP flow of several packets, settled once the whole capture is read (pass 2). */
const PENDING_RETRIED = 4;

export const EVIDENCE_PER_HOST = 12;

const NULL_IF = /^(null|null0|nu0)$/i;

/** Grow-on-demand per-host counters. */
class HostColumns {
  cap = 1024;
  flows = new Float64Array(this.cap);
  port80 = new Float64Array(this.cap);
  packets = new Float64Array(this.cap);
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
  // Filled in passes 1 and 2; read in pass 3 once complete.
  const reached = new U32Index(1024);
  // UDP and ICMP pairs seen (src, dst): a probe is answered when its target sent anything back.
  const pairs = new PairSet(256);
  const hostsIx = new U32Index(4096);
  const h = new HostColumns();
  const hostOf = new Int32Array(total);
  const outcomeOf = new Uint8Array(total);
  const serviceOf = new Uint32Array(total);
  const ifCounts = new Map<number, Map<string, number>>();
  const globalIf = new Map<string, number>();
  const ifNameList: string[] = [];
  // Pass 1, in row order: per-source counters, each row's host, service and outcome, the reached set.
  let row = 0;
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
    let lastSrc = -1;
    let k = -1;
    for (let i = 0; i < t.count; i++, row++) {
      const src = t.src[i]!;
      const dst = t.dst[i]!;
      const proto = t.proto[i]!;
      // Replies to UDP and ICMP probes may come from anyone, source-less MLS rows aside.
      if (proto === UDP || proto === ICMP) pairs.add(src, dst);
      // 0.0.0.0 is no source: MLS entries under a destination-only flow mask (a rule of its own reports those).
      if (src === 0) {
        hostOf[row] = -1;
        continue;
      }
      if (src !== lastSrc) {
        k = hostsIx.add(src);
        lastSrc = src;
        if (k >= h.cap) h.ensure(k);
      }
      hostOf[row] = k;
      h.flows[k]!++;
      // A source without packet counts (NaN) adds none: packets per flow stays a number.
      if (t.packets[i] === t.packets[i]) h.packets[k]! += t.packets[i]!;
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
      const service = rowService(t, i);
      serviceOf[row] = service;
      const outcome = flowOutcomeCode(t, i, service);
      outcomeOf[row] = outcome;
      if (outcome === OK) reached.add(dst);
    }
  }
  const nHosts = hostsIx.size;
  // Pass 2: settle UDP and ICMP probes (answered when the pair came back), then group rows by host, keeping row
  // order within a host (a stable counting sort). Each host's rows are then read together, so its destination
  // set stays small and in cache (no table of all pairs).
  const start = new Int32Array(nHosts + 1);
  for (let k = 0; k < nHosts; k++) start[k + 1] = start[k]! + h.flows[k]!;
  const fill = start.slice(0, nHosts);
  const gDst = new Uint32Array(start[nHosts]!);
  const gOut = new Uint8Array(start[nHosts]!);
  const gSvc = new Uint32Array(start[nHosts]!);
  const keyAt = hostsIx.keyAt;
  let r = 0;
  let answered = 0;
  let unanswered = 0;
  for (const s of sources) {
    const dst = s.flows.dst;
    for (let i = 0; i < s.flows.count; i++, r++) {
      const k = hostOf[r]!;
      if (k < 0) continue;
      let o = outcomeOf[r]!;
      if (o === PENDING) {
        // Unanswered stays pending until it is known whether this capture shows replies at all (below).
        if (pairs.has(dst[i]!, keyAt[k]!)) {
          o = OK;
          reached.add(dst[i]!);
          answered++;
        } else {
          unanswered++;
          if (s.flows.packets[i]! > 1) o = PENDING_RETRIED;
        }
        outcomeOf[r] = o;
      }
      const at = fill[k]!++;
      gDst[at] = dst[i]!;
      gOut[at] = o;
      gSvc[at] = serviceOf[r]!;
    }
  }
  if (unanswered > 0) {
    // A capture with no reply to any UDP or ICMP probe (netflow on the inside interfaces only, say) cannot tell an
    // unanswered probe from an answer it never saw. There only a single-packet flow counts as a failed probe (a sweep
    // sends one per target: Slammer's one datagram, Nachi's one echo); a flow of several packets is a person's ping or
    // a retried query, no evidence either way. Where some replies show, every unanswered probe failed.
    const retried = answered > 0 ? FAILED : IGNORE;
    const settle = (a: Uint8Array) => {
      for (let j = 0; j < a.length; j++) if (a[j] === PENDING) a[j] = FAILED;
      else if (a[j] === PENDING_RETRIED) a[j] = retried;
    };
    settle(gOut);
    settle(outcomeOf);
  }
  // Pass 3, host by host: its main service (the one with the most failed contacts), first contacts on it in order
  // (a destination's outcome is the best of its flows: a failure answered later is an answer), then the walk, the
  // locality of the judged targets and the shape of the sweep.
  const seen = new DstSet();
  const services = new ServiceCounts();
  let fDst = new Uint32Array(1024);
  let fOut = new Uint8Array(1024);
  const shared = new SharedTargetCollector();
  const pending: PendingHost[] = [];
  /** Main service of each flagged host (NO_SERVICE for the others): pass 4 reads their rows. */
  const flaggedMain = new Uint32Array(nHosts).fill(NO_SERVICE);
  let nFlagged = 0;
  for (let k = 0; k < nHosts; k++) {
    const a = start[k]!;
    const b = start[k + 1]!;
    const main = services.count(gSvc, gOut, a, b);
    seen.reset(b - a);
    if (fDst.length < b - a) {
      fDst = new Uint32Array(b - a);
      fOut = new Uint8Array(b - a);
    }
    let nf = 0;
    let failed = 0;
    let svcFlows = 0;
    for (let r = a; r < b; r++) {
      const onMain = gSvc[r] === main && main !== NO_SERVICE;
      const o = onMain ? gOut[r]! : IGNORE;
      const j = seen.indexOf(gDst[r]!, nf);
      if (j === nf) {
        fDst[nf] = gDst[r]!;
        fOut[nf] = o;
        nf++;
      } else if (o > fOut[j]!) fOut[j] = o;
      if (!onMain) continue;
      svcFlows++;
      if (o === FAILED) failed++;
    }
    const addr = keyAt[k]!;
    const walk = newWalk();
    const loc = [0, 0, 0, 0];
    let judged = 0;
    let consecutive = 0;
    let prev = -1;
    for (let j = 0; j < nf; j++) {
      const st = fOut[j]!;
      if (st === IGNORE) continue;
      const d = fDst[j]!;
      if (judged++ > 0 && d === prev + 1) consecutive++;
      prev = d;
      loc[localityCode(addr, d)]!++;
      if (st === OK) step(walk, false);
      // Neutral when someone else reached that destination: the failure says nothing about scanning.
      else if (reached.get(d) < 0) step(walk, true);
      else walk.neutral++;
    }
    const flagged = verdictOf(walk) !== 'clean';
    if (flagged) {
      nFlagged++;
      flaggedMain[k] = main;
      shared.add(k, addr, fDst, fOut, nf);
    }
    pending.push({
      walk,
      loc,
      destinations: nf,
      failed,
      service: main === SYN_SERVICE ? 'tcp' : serviceName(main),
      svcFlows,
      sequentialShare: judged > 1 ? consecutive / (judged - 1) : 0,
      targets: judged,
      others: flagged ? services.others(main) : undefined,
    });
  }
  // Pass 4, in row order, only for flagged hosts: evidence (their first failed contacts on their service) and the
  // sizes of those flows (bytes are known in accounting and verbose or modern caches only).
  const nEv = new Int32Array(nHosts);
  const evidence = new Map<number, FlowRef[]>();
  const svcPackets = new Float64Array(nHosts);
  const svcBytes = new Float64Array(nHosts);
  const svcBytesPackets = new Float64Array(nHosts);
  if (nFlagged > 0) {
    r = 0;
    for (const s of sources) {
      const t = s.flows;
      for (let i = 0; i < t.count; i++, r++) {
        const k = hostOf[r]!;
        if (k < 0 || flaggedMain[k] === NO_SERVICE || serviceOf[r] !== flaggedMain[k]) continue;
        const pk = t.packets[i]!;
        svcPackets[k]! += pk;
        const by = t.bytes[i]!;
        if (by === by) {
          svcBytes[k]! += by;
          svcBytesPackets[k]! += pk;
        }
        if (outcomeOf[r] === FAILED && nEv[k]!++ < EVIDENCE_PER_HOST) {
          let ev = evidence.get(k);
          if (!ev) evidence.set(k, (ev = []));
          ev.push({ source: s.source, line: t.line[i]! });
        }
      }
    }
  }
  // One HostAnalysis per source, with as little else per host as possible (200,000 clients in a big capture):
  // no interface Map for a source seen on one interface, one shared empty evidence list and no-others function.
  const hosts: HostAnalysis[] = [];
  const destinations = new Float64Array(nHosts);
  for (let k = 0; k < nHosts; k++) {
    const p = pending[k]!;
    destinations[k] = p.destinations;
    const addr = keyAt[k]!;
    const loc = p.loc;
    const flows = h.flows[k]!;
    const mi = h.mainIf[k]!;
    const others = p.others;
    hosts.push(
      judge({
        addr,
        ip: intToIp(addr),
        interfaces: ifCounts.get(k),
        interfaceName: mi >= 0 ? ifNameList[mi]! : '',
        interfaceFlows: mi >= 0 ? h.mainIfCount[k]! : 0,
        flows,
        destinations: p.destinations,
        port80Flows: h.port80[k]!,
        packetsPerFlow: Math.round((h.packets[k]! / flows) * 100) / 100,
        failedFlows: p.failed,
        inbound: h.nullFlows[k]! > 0 && h.nullFlows[k] === flows,
        walk: p.walk,
        locality: new HostLocality(loc),
        evidence: evidence.get(k) ?? NO_EVIDENCE,
        sweep: {
          service: p.service,
          flows: p.svcFlows,
          packetsPerFlow: p.svcFlows ? svcPackets[k]! / p.svcFlows : 0,
          bytesPerPacket: svcBytesPackets[k]! ? svcBytes[k]! / svcBytesPackets[k]! : NaN,
          sequentialShare: p.sequentialShare,
          targets: p.targets,
          others: others ? () => others : noOthers,
        },
      }),
    );
  }
  shared.finish(hosts);
  // Most destinations first, then most flows, then lowest address: counting sorts over the columns (host-order.ts).
  const order = fanOutOrder(destinations, h.flows, keyAt, nHosts);
  const sorted: HostAnalysis[] = [];
  for (let i = 0; i < nHosts; i++) sorted.push(hosts[order[i]!]!);
  return sorted;
}

/** Evidence of a host that has none (only flagged hosts have any): one frozen list, read-only like every list here. */
const NO_EVIDENCE = Object.freeze([]) as unknown as FlowRef[];
const noOthers = () => new Map<string, number>();

/**
 * A host's locality counts. A class of its own: object literals with these four names elsewhere hold probabilities
 * (locality.ts), and sharing their shape would make V8 box each host's four counts as doubles (64 bytes a host).
 */
class HostLocality implements LocalityCounts {
  same16: number;
  same8: number;
  other: number;
  forbidden: number;
  constructor(loc: readonly number[]) {
    this.same16 = whole(loc[0]!);
    this.same8 = whole(loc[1]!);
    this.other = whole(loc[2]!);
    this.forbidden = whole(loc[3]!);
  }
}

/** What pass 3 learns about a host before its flagged rows are read again. */
interface PendingHost {
  walk: Walk;
  loc: number[];
  destinations: number;
  failed: number;
  service: string;
  svcFlows: number;
  sequentialShare: number;
  targets: number;
  others: Map<string, number> | undefined;
}

/** A reusable set of destinations for one host at a time: destination -> its index among first contacts. */
class DstSet {
  private keys = new Uint32Array(64);
  private vals = new Int32Array(64).fill(-1);
  private mask = 63;

  /** Prepare for up to `n` destinations, in a prefix of the arrays sized to n (small hosts stay in L1). */
  reset(n: number): void {
    let cap = 16;
    while (cap < n * 2) cap *= 2;
    if (cap > this.keys.length) {
      this.keys = new Uint32Array(cap);
      this.vals = new Int32Array(cap).fill(-1);
    } else this.vals.fill(-1, 0, cap);
    this.mask = cap - 1;
  }

  /** Index of dst, or `next` after adding it with that index. */
  indexOf(dst: number, next: number): number {
    let s = Math.imul(dst ^ (dst >>> 15), 0x2c1b3c6d) >>> 0;
    s = (s ^ (s >>> 12)) & this.mask;
    for (;;) {
      const v = this.vals[s]!;
      if (v < 0) break;
      if (this.keys[s] === dst) return v;
      s = (s + 1) & this.mask;
    }
    this.keys[s] = dst;
    this.vals[s] = next;
    return next;
  }
}
