// The flow tables of the modern flow commands (Flexible NetFlow, top talkers, verbose cache, MLS NetFlow, NX-OS).
import type { FlowSource } from './analysis/flow-facts';
import type { Flow6Source } from './analysis/ipv6-hosts';
import type { ParsedSection } from './sections';

/** IPv4 flows of the modern commands, each marked when it is only a sample of the cache. */
export function modernFlowSources(sections: readonly ParsedSection[]): FlowSource[] {
  const out: FlowSource[] = [];
  for (const s of sections) {
    if (s.kind === 'show flow monitor cache') {
      const shown = s.data.selection?.shown;
      const sample = shown !== undefined ? `the top ${shown} flows of a sorted show flow monitor cache` : undefined;
      out.push({ source: s.source, kind: s.kind, flows: s.data.flows, ...(sample ? { sample } : {}) });
    } else if (s.kind === 'show ip flow top-talkers') {
      const f = s.data.footer;
      out.push({ source: s.source, kind: s.kind, flows: s.data.flows, sample: `show ip flow top-talkers${f ? ` (${f.shown} of ${f.top} top talkers shown)` : ''}` });
    } else if (s.kind === 'show ip cache verbose flow' || s.kind === 'show mls netflow ip' || s.kind === 'show flow cache') {
      out.push({ source: s.source, kind: s.kind, flows: s.data.flows });
    }
  }
  return out;
}

export function ipv6FlowSources(sections: readonly ParsedSection[]): Flow6Source[] {
  const out: Flow6Source[] = [];
  for (const s of sections) {
    if ((s.kind === 'show flow monitor cache' || s.kind === 'show flow cache') && s.data.flows6.flows.count > 0) {
      out.push({ source: s.source, kind: s.kind, flows: s.data.flows6.flows, names: s.data.flows6.names });
    }
  }
  return out;
}
