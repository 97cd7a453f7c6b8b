// ip-accounting-disables-dcef: IP accounting meets distributed CEF (configured, or recommended by this tool).
import type { Evidence, Finding } from '../types';
import { answered } from './answer-finding';
import { egressInterface, recommendsAccounting } from './netflow-unavailable';
import { cefState, configs, platformFacts } from './parsed-facts';
import type { RuleContext, RuleDef } from './rule-types';

/** DCEF in use and the evidence for it: config/cef summary, a 7500/GSR in show version, or the answer. */
function dcef(ctx: RuleContext): { evidence: Evidence[]; why: string; answerOnly: boolean } | undefined {
  const cef = cefState(ctx);
  if (cef.distributed && cef.running !== false) return { evidence: cef.evidence, why: 'distributed CEF is on', answerOnly: false };
  const p = platformFacts(ctx);
  // A 7500 configured with plain `ip cef` runs central CEF: the platform alone no longer says DCEF.
  const central = configs(ctx).some((c) => c.data.cef.mode === 'enabled');
  if (p?.distributed && cef.running !== false && !central) return { evidence: p.evidence ? [p.evidence] : [], why: `show version says ${p.text}, a 7500/GSR-class DCEF platform`, answerOnly: false };
  if (answered(ctx, 'switching', 'dcef') && cef.running !== false && !cef.evidence.length) return { evidence: [], why: 'you answered that the router runs distributed CEF', answerOnly: true };
  return undefined;
}

export const ipAccountingDisablesDcefRule: RuleDef = {
  id: 'ip-accounting-disables-dcef',
  checks: 'ip accounting configured (or recommended by this report) where distributed CEF is in use.',
  confirmWith: ['show ip cef summary', 'show running-config | include ip cef|ip accounting|interface', 'show version'],
  evaluate(ctx): Finding[] {
    const d = dcef(ctx);
    if (!d) return [];
    const out: Finding[] = [];
    for (const c of configs(ctx)) {
      const ifs = c.data.interfaces.filter((i) => i.ipAccounting);
      if (!ifs.length) continue;
      out.push({
        id: 'ip-accounting-disables-dcef',
        severity: d.answerOnly ? 'info' : 'warning',
        title: `IP accounting on ${ifs.map((i) => i.name).join(', ')} while ${d.why}`,
        evidence: [...ifs.map((i) => ctx.evidence(c.source, i.line)), ...d.evidence],
        remedy: {
          summary: 'IP accounting disables DCEF: packets on these interfaces leave the line cards for the route processor. Use accounting briefly, on the lone egress interface, then remove it.',
          commands: ifs.flatMap((i) => [`interface ${i.name}`, ' no ip accounting']),
          caveats: ['Remove it once show ip accounting has named the scanning hosts.'],
        },
      });
    }
    if (recommendsAccounting(ctx)) {
      const egress = egressInterface(ctx);
      out.push({
        id: 'ip-accounting-disables-dcef',
        severity: d.answerOnly ? 'info' : 'warning',
        title: `This report suggests IP accounting${egress ? ` on ${egress.name}` : ''}, but ${d.why}`,
        evidence: d.evidence,
        remedy: {
          summary:
            'IP accounting disables DCEF. The remedy for netflow not being available turns it on: do it only if losing DCEF on that interface for a few minutes is acceptable, ' +
            'and take it off as soon as the scanning hosts are known.',
          commands: egress ? [`interface ${egress.name}`, ' no ip accounting'] : [],
          caveats: ['The commands above undo the accounting once you are done with it.'],
        },
      });
    }
    return out;
  },
};
