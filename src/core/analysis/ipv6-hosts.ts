// IPv6 hosts: the same fan-out and sequential test over IPv6 flow tables, with the addresses put back as printed.
import type { FlowTable } from '../parsers/flow-table';
import { intToIp } from '../text/lines';
import { analyseFanOut, type HostAnalysis } from './fan-out';
import { ownHost } from './clean-hosts';
import type { FlowSource } from './flow-facts';
import { describeVariant } from './locality';
import { PROFILES } from './profiles/all-profiles';

/** An IPv6 flow table: src/dst hold keys that `names` turns back into addresses (parsers/flow-table6.ts). */
export interface Flow6Source extends FlowSource {
  names: Map<number, string>;
}

const SPREAD = 0x9e3779b1;
export const IPV6_NO_VARIANT = 'an IPv6 source: Code Red and Code Red II pick only IPv4 targets, so no variant is given';
/** Every worm profiled here (Code Red to Mirai) generates IPv4 targets: an IPv6 sweep is none of them. */
export const IPV6_NO_WORM = `no worm profiled here sweeps IPv6 (${PROFILES.map((p) => p.name).join(', ')} all pick IPv4 targets): a scan of another kind, by a worm or a tool`;

/** Keys are per paste: give every address one key across all sources before they meet in one analysis. */
function rekey(sources: readonly Flow6Source[]): { sources: FlowSource[]; names: Map<number, string> } {
  const keyOf = new Map<string, number>();
  const names = new Map<number, string>();
  const key = (address: string) => {
    const a = address.toLowerCase();
    let k = keyOf.get(a);
    if (k === undefined) {
      k = Math.imul(keyOf.size + 1, SPREAD) >>> 0;
      keyOf.set(a, k);
      names.set(k, address);
    }
    return k;
  };
  const out = sources.map((s) => {
    const t = s.flows;
    const src = new Uint32Array(t.count);
    const dst = new Uint32Array(t.count);
    for (let i = 0; i < t.count; i++) {
      src[i] = key(s.names.get(t.src[i]!) ?? '::');
      dst[i] = key(s.names.get(t.dst[i]!) ?? '::');
    }
    const flows: FlowTable = { ...t, src, dst };
    return { source: s.source, kind: s.kind, flows, ...(s.sample ? { sample: s.sample } : {}) };
  });
  return { sources: out, names };
}

export function analyseIpv6(given: readonly Flow6Source[]): HostAnalysis[] {
  if (given.every((s) => s.flows.count === 0)) return [];
  const { sources, names } = rekey(given);
  // Each host is changed below: plain objects, not clean-host rows.
  const hosts = analyseFanOut(sources).map(ownHost);
  // The verdict stands (failed first contacts are failed in any family); locality by octets means nothing here.
  const real = new Map<string, string>();
  for (const h of hosts) real.set(h.ip, names.get(h.addr) ?? h.ip);
  for (const h of hosts) {
    const variantReason = describeVariant(h.locality, h.variant);
    h.ip = names.get(h.addr) ?? intToIp(h.addr);
    // The worm call's words name the profiles it weighed (Code Red, Nimda, Slammer...): none applies to IPv6.
    h.reasons = h.reasons.filter((r) => r !== variantReason && !PROFILES.some((p) => r.includes(p.name)));
    if (h.verdict !== 'clean') h.reasons.push(IPV6_NO_VARIANT, IPV6_NO_WORM);
    h.variant = 'unknown';
    if (h.worm !== undefined) h.worm = 'unknown';
    if (h.sharedTargetsWith) h.sharedTargetsWith = h.sharedTargetsWith.map((ip) => real.get(ip) ?? ip);
  }
  return hosts;
}
