// cef-not-enabled: CEF off (`no ip cef`, no `ip cef`, "CEF not running", a busy fast-switching cache); remedy `ip cef`.
import { sectionsOf } from '../sections';
import type { Evidence, Finding, Severity } from '../types';
import { answered, answerFinding, answerText, unconfirmed } from './answer-finding';
import { routesToBroadcast } from './default-route-to-broadcast-interface';
import { busyCaches } from './fast-switching-cache-churn';
import { cefAlwaysOn, cefState, configs, onRouter, platformFacts } from './parsed-facts';
import { cefCommand, expandInterfaceName } from './remedies';
import type { RuleContext, RuleDef } from './rule-types';
import { seeFinding } from './finding-names';

const CONFIRM = ['show ip cef summary', 'show running-config | include ip cef', 'show version'];

/** "12.0(7)T" -> [12, 0]; "11.1(24)CC" -> [11, 1] with the CC train. */
function iosRelease(version: string | undefined): { major: number; minor: number; cc: boolean } | undefined {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  return m ? { major: +m[1]!, minor: +m[2]!, cc: /\)\s*CC/i.test(version ?? '') || /CC\d*$/i.test(version ?? '') } : undefined;
}

function remedy(ctx: RuleContext, extraCaveats: string[]): Finding['remedy'] {
  const platform = platformFacts(ctx);
  const distributed = platform?.distributed ?? cefState(ctx).distributed;
  const version = platform?.version ?? configs(ctx).find((c) => c.data.version)?.data.version;
  const rel = iosRelease(version);
  const caveats: string[] = [];
  if (rel && rel.major < 12 && !(rel.major === 11 && rel.minor === 1 && rel.cc)) {
    caveats.push(`This router runs IOS ${version}: CEF needs 11.1CC or 12.0 and later on the 7200/7500/GSR, and 12.0 or later elsewhere. Upgrade first (check the Software Advisor).`);
  } else {
    caveats.push('CEF is supported from 11.1CC and 12.0 on the 7200/7500/GSR, and from 12.0 on other platforms: check the Software Advisor for this image.');
  }
  if (!platform) caveats.push('On a 7500 or a GSR use ip cef distributed instead (paste show version and the tool picks it).');
  caveats.push(
    'If fast switching already ate the memory, clear the ARP cache (clear ip arp) before enabling CEF; expect a short CPU spike while the cache and adjacencies rebuild.',
  );
  const routes = routesToBroadcast(ctx).filter((r) => r.isDefault);
  caveats.push(
    routes.length
      ? `Fix the default route to ${expandInterfaceName(routes[0]!.route.interface)} first (${seeFinding('default-route-to-broadcast-interface')}): with it, CEF builds an adjacency per destination until memory runs out, and then CEF/DCEF disables itself and must be re-enabled by hand.`
      : 'A default route pointing at a broadcast or multipoint interface makes CEF build an adjacency per destination; if CEF then fails to allocate memory it disables itself and must be re-enabled by hand.',
  );
  return {
    summary: `Switch to CEF: with many flows it takes less CPU and memory than fast switching's per-destination cache${distributed ? ' (distributed CEF on this platform)' : ''}.`,
    commands: [cefCommand(distributed)],
    caveats: [...extraCaveats, ...caveats],
  };
}

function fromEvidence(ctx: RuleContext): Finding[] {
  const name = onRouter(ctx);
  // The live state outranks any config: a summary saying CEF switches ends the matter.
  if (sectionsOf(ctx.sections, 'show ip cef summary').some((s) => s.data.running === true)) return [];
  const summaries = sectionsOf(ctx.sections, 'show ip cef summary').filter((s) => s.data.running === false);
  const ev: Evidence[] = summaries.flatMap((s) => (s.data.stateLine ? [ctx.evidence(s.source, s.data.stateLine)] : []));
  let severity: Severity | undefined = summaries.length ? 'warning' : undefined;
  let title = summaries.length ? `CEF is not running${name}` : '';
  const extra: string[] = [];
  const cfgs = configs(ctx);
  const configured = cfgs.some((c) => c.data.cef.mode === 'enabled' || c.data.cef.mode === 'distributed');
  if (summaries.length && configured) {
    title = `CEF is configured but not running${name}`;
    extra.push('The config enables CEF but it is not running: CEF/DCEF disables itself when it fails to allocate memory and stays off until re-enabled by hand.');
  }
  for (const c of cfgs) {
    if (c.data.cef.mode === 'disabled' && c.data.cef.line) {
      ev.push(ctx.evidence(c.source, c.data.cef.line));
      severity = 'warning';
      title ||= `CEF is disabled (no ip cef)${name}`;
    }
  }
  const running = cefState(ctx).running;
  // A missing `ip cef` line only means "off" on classic IOS; IOS-XE and CatOS cannot turn it off.
  if (!severity && running !== true && !cefAlwaysOn(ctx)) {
    // From 12.2 on, classic IOS prints `ip cef` when it is on; where it is missing there, the platform is one
    // that cannot turn CEF off (IOS-XE, switches, access points). A filtered config proves nothing.
    const absent = cfgs.filter((c) => {
      const rel = iosRelease(c.data.version);
      return c.data.cef.mode === 'absent' && !c.data.filter && !c.data.partial && c.data.interfaces.length > 0 && (!rel || rel.major < 12 || (rel.major === 12 && rel.minor < 2));
    });
    if (absent.length) {
      ev.push(ctx.evidence(absent[0]!.source, absent[0]!.data.firstLine ?? absent[0]!.summary.firstLine));
      severity = 'info';
      title = `The running-config has no ip cef line${name}`;
      extra.push('Classic IOS shows ip cef in the running-config when CEF is on; platforms where it cannot be turned off (IOS-XE, Catalyst 6000 Sup2) omit it: show ip cef summary settles it.');
    }
  }
  if (running !== true) {
    for (const b of busyCaches(ctx)) {
      ev.push(...b.evidence);
      severity = severity === 'info' || !severity ? 'warning' : severity;
      title ||= `Fast switching is carrying the load (${b.what})${name}`;
    }
  }
  if (!severity) return [];
  return [{ id: 'cef-not-enabled', severity, title, evidence: ev, remedy: remedy(ctx, extra) }];
}

export const cefNotEnabledRule: RuleDef = {
  id: 'cef-not-enabled',
  checks: 'CEF state: no ip cef or no ip cef line in the config, "not running" in show ip cef summary, or a busy fast-switching cache.',
  confirmWith: CONFIRM,
  evaluate(ctx) {
    const found = fromEvidence(ctx);
    if (found.length || !unconfirmed(ctx, CONFIRM.slice(0, 2))) return found;
    if (answered(ctx, 'switching', 'fast', 'netflow')) {
      return [
        answerFinding(ctx, {
          id: 'cef-not-enabled',
          severity: 'warning',
          title: `Packets are fast- or netflow-switched, not CEF-switched`,
          summary: `You answered ${answerText(ctx, 'switching')}. The tech note's first relief for the worm's load is CEF (ip cef, or ip cef distributed on a 7500/GSR).`,
          confirmWith: CONFIRM,
        }),
      ];
    }
    return [];
  },
};
