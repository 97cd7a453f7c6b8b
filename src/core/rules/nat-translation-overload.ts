// nat-translation-overload: tens of thousands of NAT translations (bug CSCdu63623 territory), worse with PAT.
import { sectionsOf } from '../sections';
import type { Evidence, Finding } from '../types';
import { answered, answerFinding, answerText, unconfirmed } from './answer-finding';
import { alignmentSnapshots } from './alignment-errors';
import { cpuShownLow } from './high-cpu-interrupt';
import { configs, onRouter, platformFacts } from './parsed-facts';
import type { RuleContext, RuleDef } from './rule-types';
import { seeFinding } from './finding-names';

/** The meltdown point on an NPE-300 class processor is about 20,000-40,000 translations (smaller boxes sooner). */
export const NAT_WARNING = 10000;
export const NAT_CRITICAL = 20000;
/** Timeouts proposed when the config does not already set lower ones (IOS defaults are a day). */
const TIMEOUTS: [string, number][] = [
  ['timeout', 3600],
  ['tcp-timeout', 3600],
];
const CONFIRM = ['show ip nat statistics', 'show ip nat translations', 'show alignment', 'show processes cpu'];
const fmt = (n: number) => n.toLocaleString('en-US');

interface Count {
  n: number;
  evidence: Evidence;
  what: string;
}

function counts(ctx: RuleContext): Count[] {
  const out: Count[] = [];
  for (const s of sectionsOf(ctx.sections, 'show ip nat statistics')) {
    if (s.data.activeTotal !== undefined && s.data.activeLine) out.push({ n: s.data.activeTotal, evidence: ctx.evidence(s.source, s.data.activeLine), what: 'active translations' });
  }
  for (const s of sectionsOf(ctx.sections, 'show ip nat translations')) {
    const n = s.data.total ?? s.data.translations.length;
    const line = s.data.totalLine ?? s.data.translations[s.data.translations.length - 1]?.line;
    if (line) out.push({ n, evidence: ctx.evidence(s.source, line), what: 'translations listed' });
  }
  return out;
}

/** PAT in use: an `overload` mapping in the statistics or the config. */
function patRules(ctx: RuleContext): { text: string; evidence: Evidence; config: boolean }[] {
  const out: { text: string; evidence: Evidence; config: boolean }[] = [];
  for (const c of configs(ctx)) for (const r of c.data.natRules) if (r.overload) out.push({ text: r.text, evidence: ctx.evidence(c.source, r.line), config: true });
  for (const s of sectionsOf(ctx.sections, 'show ip nat statistics'))
    for (const m of s.data.mappings) if (m.overload) out.push({ text: m.text, evidence: ctx.evidence(s.source, m.line), config: false });
  // Extended (port) translations are PAT whatever the mapping lines say.
  for (const s of sectionsOf(ctx.sections, 'show ip nat statistics'))
    if ((s.data.extendedCount ?? 0) > 0 && s.data.activeLine && !out.length) out.push({ text: 'extended translations', evidence: ctx.evidence(s.source, s.data.activeLine), config: false });
  return out;
}

/** Proposed timeouts, skipping any the pasted config already sets at or below the proposal (never raise one). */
function timeoutCommands(ctx: RuleContext): string[] {
  const set = new Map<string, number>();
  for (const c of configs(ctx))
    for (const [k, t] of Object.entries(c.data.natTimeouts ?? {})) set.set(k, Math.min(set.get(k) ?? Infinity, t.seconds));
  return TIMEOUTS.filter(([k, v]) => (set.get(k) ?? Infinity) > v).map(([k, v]) => `ip nat translation ${k} ${v}`);
}

const POOL = 'CODERED-NAT';

/** The config's PAT rule rewritten to a pool of global addresses (placeholders: only the engineer knows them). */
function patToPool(ctx: RuleContext): string[] | undefined {
  for (const c of configs(ctx)) {
    const r = c.data.natRules.find((x) => x.overload && x.type === 'list' && x.acl && x.direction === 'inside');
    if (!r) continue;
    return [
      `ip nat pool ${POOL} <first global address> <last global address> netmask <global netmask>`,
      `no ${r.text}`,
      `ip nat inside source list ${r.acl} pool ${POOL}`,
    ];
  }
  return undefined;
}

function finding(ctx: RuleContext, c: Count): Finding {
  const pat = patRules(ctx);
  const platform = platformFacts(ctx);
  const align = alignmentSnapshots(ctx);
  const alignCaveat =
    align.length === 0
      ? 'Rule out alignment errors first: run show alignment twice; if alignment errors or spurious accesses are incrementing, they, not the NAT bug, may be driving the interrupt-level CPU.'
      : align.some((a) => a.errors > 0)
        ? `show alignment reports alignment errors or spurious accesses (${seeFinding('alignment-errors')}): they may explain the interrupt-level CPU rather than NAT.`
        : 'show alignment reports no alignment errors: the NAT scalability bug is the likelier cause.';
  const natInsteadOfPat = patToPool(ctx);
  return {
    id: 'nat-translation-overload',
    severity: c.n >= NAT_CRITICAL ? 'critical' : 'warning',
    title: `${fmt(c.n)} NAT ${c.what}${pat.length ? ' with PAT (overload)' : ''}${onRouter(ctx)}`,
    evidence: [c.evidence, ...pat.slice(0, 2).map((p) => p.evidence)],
    remedy: {
      summary:
        `Each of the worm's probes through NAT creates a translation; past tens of thousands (about 20,000-40,000 on an NPE-300) NAT bug CSCdu63623 drives the CPU to 100% at process or interrupt level. ` +
        'Rule out alignment errors, upgrade past CSCdu63623, run NAT instead of PAT so fewer translations stay active, and lower the NAT timeouts.',
      commands: timeoutCommands(ctx),
      caveats: [
        alignCaveat,
        'Before pasting the timeouts, check show running-config | include ip nat translation: keep any timeout already lower than these.',
        'Upgrade to an IOS with the fix for CSCdu63623 (look the bug up for your release train).',
        'Shorter timeouts drop idle translations sooner: long-lived idle sessions through NAT (some VPNs, database links) may need re-establishing.',
        platform?.is7200
          ? `This is a 7200 (${platform.text}): the tech note recommends an NSE-1 processor for NAT at this scale.`
          : 'On a 7200, the tech note recommends an NSE-1 processor for NAT at this scale.',
      ],
      ...(natInsteadOfPat
        ? {
            alternatives: [
              {
                summary:
                  'Run NAT from a pool instead of PAT, so each inside host holds one translation, not one per port: fill in global addresses you own, ' +
                  'as many as inside hosts talk at once. IOS may refuse to remove the old rule while its translations are in use (clear ip nat translation * first, which cuts every session).',
                commands: natInsteadOfPat,
              },
            ],
          }
        : {}),
    },
  };
}

export const natTranslationOverloadRule: RuleDef = {
  id: 'nat-translation-overload',
  checks: 'show ip nat statistics / translations: tens of thousands of active translations, PAT making it worse.',
  confirmWith: CONFIRM,
  evaluate(ctx) {
    const found = counts(ctx)
      .filter((c) => c.n >= NAT_WARNING)
      .sort((a, b) => b.n - a.n)
      .slice(0, 1)
      .map((c) => finding(ctx, c));
    if (found.length || !unconfirmed(ctx, CONFIRM.slice(0, 2))) return found;
    const nat = answered(ctx, 'nat', 'pat', 'nat');
    if (nat && answered(ctx, 'cpu', 'interrupt', 'process') && !cpuShownLow(ctx)) {
      return [
        answerFinding(ctx, {
          id: 'nat-translation-overload',
          severity: nat === 'pat' ? 'warning' : 'info',
          title: 'NAT may be melting down under the worm\'s translations',
          summary:
            `You answered ${answerText(ctx, 'nat')} and ${answerText(ctx, 'cpu')}: the tech note's NAT bug CSCdu63623 drives the CPU to 100% with tens of thousands of translations. ` +
            (alignmentSnapshots(ctx).length === 0
              ? 'Rule out alignment errors first.'
              : alignmentSnapshots(ctx).some((a) => a.errors > 0)
                ? `show alignment reports errors: they may be the cause instead (${seeFinding('alignment-errors')}).`
                : 'show alignment is clean, which makes the NAT bug likelier.'),
          confirmWith: CONFIRM,
        }),
      ];
    }
    return [];
  },
};
