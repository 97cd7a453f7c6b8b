// mls-flowmask-hides-sources: MLS entries without source addresses (destination-only flow mask); remedy: full flow, then revert.
import { sectionsOf } from '../sections';
import type { Evidence, Finding } from '../types';
import { answered, answerFinding, answerText, unconfirmed } from './answer-finding';
import { configs } from './parsed-facts';
import type { RuleContext, RuleDef } from './rule-types';

const EVIDENCE_LINES = 4;
const CONFIRM = ['show mls entry', 'show mls ip', 'show mls netflow ip'];

/** `pfc3`: Sup720 / Sup2T (PFC3, PFC4), whose masks are per interface: `interface-full` keeps the sources. */
type Mode = 'hybrid' | 'native' | 'pfc3';

const ENABLE: Record<Mode, string> = { hybrid: 'set mls flow full', native: 'mls flow ip full', pfc3: 'mls flow ip interface-full' };
// On PFC3/PFC4 the `no` form restores the platform's default mask, whatever it was.
const REVERT: Record<Mode, string> = { hybrid: 'set mls flow destination', native: 'mls flow ip destination', pfc3: 'no mls flow ip interface-full' };
const WHERE: Record<Mode, string> = {
  hybrid: 'on the supervisor (CatOS, enable mode)',
  native: 'in configuration mode',
  pfc3: 'in configuration mode (Sup720 / Sup2T)',
};
const SHOW: Record<Mode, string> = { hybrid: 'show mls entry', native: 'show mls ip', pfc3: 'show mls netflow ip' };

function remedy(modes: Mode[]): Finding['remedy'] {
  const [main, ...others] = modes;
  const m = main!;
  return {
    summary:
      `The flow mask is destination-only${m === 'pfc3' ? '' : ' (the Catalyst 6000 Sup1/MSFC default)'}, so MLS entries carry no source address and the infected hosts stay hidden. ` +
      `Switch to full flow ${WHERE[m]}, read the sources with ${SHOW[m]}, then switch back.`,
    commands: [ENABLE[m]],
    caveats: [
      'A more specific flow mask can increase the number of MLS entries dramatically: acceptable for a short while during an infestation, as entries are already climbing.',
      `Once the infected sources and port are known, revert: ${REVERT[m]}.`,
      'A Sup2/MSFC2 switches with CEF in hardware and is not swamped by full flow; a Sup1 is.',
    ],
    alternatives: [
      // Not another way to the same end, but the line to paste afterwards: kept copyable beside the first.
      { summary: `Afterwards, once the sources are known: back to the destination-only flow mask.`, commands: [REVERT[m]] },
      ...others.map((o) => ({ summary: `${o === 'native' ? 'Native IOS' : o === 'pfc3' ? 'Sup720 / Sup2T' : 'Hybrid (CatOS)'} instead; revert with ${REVERT[o]}.`, commands: [ENABLE[o]] })),
    ],
  };
}

function fromEvidence(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const tables: [Mode, { source: string; entries: number; sourcesPresent: boolean; destinationOnlyLines: number[] }][] = [
    ...sectionsOf(ctx.sections, 'show mls entry').map((s) => ['hybrid', { source: s.source, ...s.data }] as [Mode, typeof s.data & { source: string }]),
    ...sectionsOf(ctx.sections, 'show mls ip').map((s) => ['native', { source: s.source, ...s.data }] as [Mode, typeof s.data & { source: string }]),
    ...sectionsOf(ctx.sections, 'show mls netflow ip').map((s) => ['pfc3', { source: s.source, ...s.data }] as [Mode, typeof s.data & { source: string }]),
  ];
  // One finding a paste and table kind, from its biggest destination-only table: the mask is a setting, and the same
  // command pasted again (repeated snapshots) shows the same one.
  const biggest = new Map<string, (typeof tables)[number]>();
  for (const e of tables) {
    const [mode, t] = e;
    if (t.entries === 0 || t.sourcesPresent) continue;
    const k = `${t.source}\u0000${mode}`;
    const had = biggest.get(k);
    if (!had || t.entries > had[1].entries) biggest.set(k, e);
  }
  for (const [mode, t] of biggest.values()) {
    const ev: Evidence[] = t.destinationOnlyLines.slice(0, EVIDENCE_LINES).map((l) => ctx.evidence(t.source, l));
    out.push({
      id: 'mls-flowmask-hides-sources',
      severity: 'warning',
      title: `${t.entries} MLS entries in ${SHOW[mode]} carry no source address (destination-only flow mask)`,
      evidence: ev,
      remedy: remedy([mode]),
    });
  }
  // CatOS prints the mask itself in its `show mls ip` summary ("IP Current flow mask is Destination flow").
  for (const s of sectionsOf(ctx.sections, 'show mls ip')) {
    const m = s.data.flowMask;
    if (!m || !/^destination(\s+flow)?$/i.test(m.mask.trim()) || out.length) continue;
    const n = s.data.reportedEntries;
    out.push({
      id: 'mls-flowmask-hides-sources',
      severity: 'warning',
      title: `The MLS flow mask is ${m.mask}${n !== undefined ? ` on ${n} active entries` : ''}: MLS entries do not name the infected sources`,
      evidence: [ctx.evidence(s.source, m.line)],
      remedy: remedy(['hybrid']),
    });
  }
  if (out.length) return out;
  // Native IOS states the mask in its config: `mls flow ip destination`.
  for (const c of configs(ctx)) {
    const f = c.data.mlsFlow;
    if (!f || !/destination/i.test(f.mode) || /source|full/i.test(f.mode)) continue;
    out.push({
      id: 'mls-flowmask-hides-sources',
      severity: 'info',
      title: `The MLS flow mask is destination-only (${f.mode}): MLS entries will not name the infected sources`,
      evidence: [ctx.evidence(c.source, f.line)],
      remedy: remedy(['native']),
    });
  }
  return out;
}

export const mlsFlowmaskHidesSourcesRule: RuleDef = {
  id: 'mls-flowmask-hides-sources',
  checks: 'show mls entry / show mls ip entries with no source address (destination-only flow mask).',
  confirmWith: CONFIRM,
  evaluate(ctx) {
    const found = fromEvidence(ctx);
    if (found.length || !unconfirmed(ctx, CONFIRM)) return found;
    if (!answered(ctx, 'platform', 'cat6k-sup1-msfc1', 'cat6k-sup1-msfc2', 'cat5k')) return [];
    const mode = answered(ctx, 'platform-mode', 'hybrid', 'native') as Mode | undefined;
    const modes: Mode[] = mode ? [mode] : ['hybrid', 'native'];
    const f = answerFinding(ctx, {
      id: 'mls-flowmask-hides-sources',
      severity: 'info',
      title: 'MLS probably runs with the destination-only flow mask',
      summary: `You answered ${answerText(ctx, 'platform')}: netflow-based MLS there defaults to a destination-only flow mask, so its entries do not show the infected sources.`,
      // Sup1/MSFC and Cat5000 answers: the PFC3 table (show mls netflow ip) is not on these boxes.
      confirmWith: mode ? [SHOW[mode]] : [SHOW.hybrid, SHOW.native],
      caveats: [`If the entries carry no source address: ${modes.map((m) => `${ENABLE[m]} (${m}), revert with ${REVERT[m]}`).join('; ')}.`],
    });
    return [f];
  },
};
