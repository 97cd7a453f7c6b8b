// Verdicts read from a sample of the flows (top talkers, `sort ... top N`) say so in their reasons.
import { ownHost } from './clean-hosts';
import type { HostAnalysis } from './fan-out';
import type { FlowSource } from './flow-facts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Adds, to each host with flows from a sampled source, which sample and how many of its flows came from it. */
export function noteSampledFlows(hosts: HostAnalysis[], sources: readonly FlowSource[], key: (h: HostAnalysis) => number = (h) => h.addr): void {
  const sampled = sources.filter((s) => s.sample);
  if (sampled.length === 0) return;
  const bySource = new Map<number, Map<string, number>>();
  for (const s of sampled) {
    const t = s.flows;
    for (let i = 0; i < t.count; i++) {
      const src = t.src[i]!;
      let m = bySource.get(src);
      if (!m) bySource.set(src, (m = new Map()));
      m.set(s.sample!, (m.get(s.sample!) ?? 0) + 1);
    }
  }
  for (let i = 0; i < hosts.length; i++) {
    const m = bySource.get(key(hosts[i]!));
    if (!m) continue;
    const h = (hosts[i] = ownHost(hosts[i]!));
    for (const [sample, n] of m) {
      h.reasons.push(
        `${n === h.flows ? `all ${plural(n, 'flow')}` : `${n} of its ${plural(h.flows, 'flow')}`} come from ${sample}, a sample of the busiest flows, not the whole cache: ` +
          'the counts are lower bounds and a scanner outside the sample stays unseen',
      );
    }
  }
}
