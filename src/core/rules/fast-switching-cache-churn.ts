// fast-switching-cache-churn: `show ip cache` large or churning while CEF is not in use; remedy: the cache ager, then CEF.
import { sectionsOf } from '../sections';
import type { Evidence, Finding } from '../types';
import { answered, answerFinding, answerText, unconfirmed } from './answer-finding';
import { cefState, onRouter, platformFacts } from './parsed-facts';
import { CACHE_AGER_COMMAND, cefCommand } from './remedies';
import type { RuleContext, RuleDef } from './rule-types';
import { seeFinding } from './finding-names';

/** A fast cache this large holds per-destination entries for a scan, not a site's working set. */
export const CACHE_ENTRIES_WARNING = 10000;
export const CACHE_BYTES_WARNING = 4 * 1024 * 1024;
/** Adds (and invalidations) in this range with most entries thrown away: the cache churns. */
export const CACHE_ADDS_WARNING = 50000;
export const CHURN_RATIO = 0.5;

const CONFIRM = ['show ip cache', 'show ip cef summary'];

export interface BusyCache {
  what: string;
  evidence: Evidence[];
  ager?: { divisor: number; intervalSeconds: number; lowMemoryDivisor: number };
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Fast-switching caches (show ip cache / verbose) that are large or churning. Shared with cef-not-enabled. */
export function busyCaches(ctx: RuleContext): BusyCache[] {
  const out: BusyCache[] = [];
  const sections = [...sectionsOf(ctx.sections, 'show ip cache'), ...sectionsOf(ctx.sections, 'show ip cache verbose')];
  for (const s of sections) {
    const d = s.data;
    const parts: string[] = [];
    const ev: Evidence[] = [];
    if ((d.entries ?? 0) >= CACHE_ENTRIES_WARNING || (d.bytes ?? 0) >= CACHE_BYTES_WARNING) {
      parts.push(`${fmt(d.entries ?? 0)} entries, ${fmt(d.bytes ?? 0)} bytes`);
      if (d.summaryLine) ev.push(ctx.evidence(s.source, d.summaryLine));
    }
    const adds = d.adds ?? 0;
    if (adds >= CACHE_ADDS_WARNING && (d.invalidates ?? 0) >= adds * CHURN_RATIO) {
      parts.push(`${fmt(adds)} adds, ${fmt(d.invalidates ?? 0)} invalidates`);
      if (d.countersLine) ev.push(ctx.evidence(s.source, d.countersLine));
    }
    if (!parts.length) continue;
    out.push({ what: parts.join('; '), evidence: ev, ...(d.ager ? { ager: d.ager } : {}) });
  }
  return out;
}

function finding(ctx: RuleContext, b: BusyCache): Finding {
  const platform = platformFacts(ctx);
  const distributed = platform?.distributed ?? cefState(ctx).distributed;
  const a = b.ager;
  const current = a ? `The cache is now aged by 1/${a.divisor} every ${a.intervalSeconds} seconds (1/${a.lowMemoryDivisor} when memory is low).` : '';
  const same = a && a.intervalSeconds === 60 && a.lowMemoryDivisor === 5 && a.divisor === 25;
  return {
    id: 'fast-switching-cache-churn',
    severity: 'warning',
    title: `Fast-switching cache is large or churning: ${b.what}${onRouter(ctx)}`,
    evidence: b.evidence,
    remedy: {
      summary:
        'Fast switching keeps one cache entry per destination, and the worm probes random destinations. ' +
        `${current} ip cache-ager-interval X Y Z runs the ager every X seconds and ages 1/Y of the cache when memory is low, 1/Z otherwise; the tech note's example is 60 5 25. CEF avoids the per-destination cache altogether.`,
      commands: same ? [] : [CACHE_AGER_COMMAND],
      caveats: [
        ...(same ? ['The ager already runs at the tech note\'s example (60 5 25): move to CEF rather than age harder.'] : []),
        'Trade-off: ageing more, sooner keeps the cache and its memory small, but packets of flows still running whose entries were aged out are process-switched until the entry is rebuilt: short CPU spikes in IP Input.',
        'clear ip cache frees the whole cache at once but raises CPU sharply: only when absolutely necessary.',
      ],
      alternatives: [{ summary: `Preferred: switch to CEF (${seeFinding('cef-not-enabled')} for its caveats).`, commands: [cefCommand(distributed)] }],
    },
  };
}

export const fastSwitchingCacheChurnRule: RuleDef = {
  id: 'fast-switching-cache-churn',
  checks: 'show ip cache: a large fast-switching cache or heavy adds and invalidations while CEF is not running.',
  confirmWith: CONFIRM,
  evaluate(ctx) {
    if (cefState(ctx).running === true) return [];
    const found = busyCaches(ctx).map((b) => finding(ctx, b));
    if (found.length || !unconfirmed(ctx, CONFIRM.slice(0, 1))) return found;
    if (answered(ctx, 'switching', 'fast') && answered(ctx, 'memory', 'low', 'mallocfail')) {
      return [
        answerFinding(ctx, {
          id: 'fast-switching-cache-churn',
          severity: 'info',
          title: 'The fast-switching cache may be eating memory',
          summary: `You answered ${answerText(ctx, 'switching')} and ${answerText(ctx, 'memory')}: with fast switching the worm's random destinations each take a cache entry.`,
          confirmWith: CONFIRM,
        }),
      ];
    }
    return [];
  },
};
