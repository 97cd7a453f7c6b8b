// netflow-unavailable: netflow cannot or should not run (questionnaire); remedy: ip accounting on the lone egress interface.
import { sectionsOf } from '../sections';
import type { Finding } from '../types';
import { answered, answerText } from './answer-finding';
import { routesToBroadcast } from './default-route-to-broadcast-interface';
import { configs, findInterface, inSubnet, subnetOf } from './parsed-facts';
import { expandInterfaceName, placeholder } from './remedies';
import type { RuleContext, RuleDef } from './rule-types';
import { seeFinding } from './finding-names';

const REASONS = ['unsupported', 'low-memory', 'many-ingress'];

/** True when the tool will recommend IP accounting: netflow ruled out and no netflow cache pasted. */
export function recommendsAccounting(ctx: RuleContext): boolean {
  if (!answered(ctx, 'netflow', ...REASONS)) return false;
  return !sectionsOf(ctx.sections, 'show ip cache flow').some((s) => s.data.flows.count > 0);
}

/** The egress interface the default route leaves by: named in the route, or the subnet holding its next hop. */
export function egressInterface(ctx: RuleContext): { name: string; why: string } | undefined {
  const direct = routesToBroadcast(ctx).find((r) => r.isDefault);
  if (direct) return { name: expandInterfaceName(direct.route.interface), why: 'the default route points at it' };
  for (const c of configs(ctx)) {
    for (const r of c.data.staticRoutes) {
      if (r.prefix !== '0.0.0.0' || r.mask !== '0.0.0.0') continue;
      if (r.interface) return { name: findInterface(c.data, r.interface)?.name ?? expandInterfaceName(r.interface), why: 'the default route points at it' };
      const hop = r.nextHop;
      const i = hop ? c.data.interfaces.find((x) => { const s = subnetOf(x.address, x.mask); return s && inSubnet(hop, s); }) : undefined;
      if (i) return { name: i.name, why: `the default route's next hop ${hop} is on its subnet` };
    }
  }
  return undefined;
}

export const netflowUnavailableRule: RuleDef = {
  id: 'netflow-unavailable',
  checks: 'Questionnaire: netflow unsupported, memory too low or fragmented, or many ingress interfaces and one egress.',
  confirmWith: ['show version', 'show memory summary', 'show running-config | include interface|ip route'],
  evaluate(ctx): Finding[] {
    if (!recommendsAccounting(ctx)) return [];
    const egress = egressInterface(ctx);
    const ifName = egress?.name ?? placeholder('lone egress interface');
    return [
      {
        id: 'netflow-unavailable',
        severity: 'info',
        title: `Netflow is not an option here (you answered ${answerText(ctx, 'netflow')}): use IP accounting on ${egress ? ifName : 'the egress interface'}`,
        evidence: [],
        remedy: {
          summary:
            'Netflow accounts on the ingress path; when it is unsupported, memory is short, or many ingress interfaces share one egress, IP accounting on the lone egress ' +
            'interface finds the scanning hosts instead: look for sources sending a few 48-byte packets to many destinations. Paste show ip accounting here.',
          commands: [`interface ${ifName}`, ' ip accounting', 'end', 'show ip accounting'],
          caveats: [
            ...(egress ? [`${ifName} chosen because ${egress.why}.`] : ['Paste show running-config and the tool names the egress interface from the default route.']),
            `IP accounting disables DCEF on the interface: do not enable it where you need distributed CEF (${seeFinding('ip-accounting-disables-dcef')}). Use it briefly, then no ip accounting.`,
          ],
        },
      },
    ];
  },
};
