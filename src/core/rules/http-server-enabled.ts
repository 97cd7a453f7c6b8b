// http-server-enabled: `ip http server` in the config, or port-80 flows aimed at the router's own addresses.
import { sectionsOf } from '../sections';
import { ipToInt, intToIp } from '../text/lines';
import type { Evidence, Finding } from '../types';
import { answered, answerFinding, unconfirmed } from './answer-finding';
import { withIntents } from '../plan/intents';
import { configs, onRouter } from './parsed-facts';
import type { RuleContext, RuleDef } from './rule-types';

const CONFIRM = ['show running-config | include ip http', 'show ip cache flow | include 0050'];
const EVIDENCE_FLOWS = 5;
const listWords = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/** Port-80 flows whose destination is one of the router's own (configured) addresses. */
function flowsToRouter(ctx: RuleContext): { count: number; evidence: Evidence[]; targets: Set<string> } {
  const own = new Set<number>();
  for (const c of configs(ctx)) for (const i of c.data.interfaces) if (i.address) own.add(ipToInt(i.address));
  const res = { count: 0, evidence: [] as Evidence[], targets: new Set<string>() };
  if (!own.size) return res;
  for (const s of sectionsOf(ctx.sections, 'show ip cache flow')) {
    const t = s.data.flows;
    for (let i = 0; i < t.count; i++) {
      if (t.dstPort[i] !== 80 || t.proto[i] !== 6 || !own.has(t.dst[i]!)) continue;
      res.count++;
      res.targets.add(intToIp(t.dst[i]!));
      if (res.evidence.length < EVIDENCE_FLOWS) res.evidence.push(ctx.evidence(s.source, t.line[i]!));
    }
  }
  return res;
}

// (The step's words as the remedy's first sentence gives them, with or without a gate.)
const WHY = 'Infected hosts probe every address on port 80, the router\'s own included.';
// What else serves over the IOS HTTP server, as show running-config | include finds it (parsers/show-running-config httpUses).
const USES_INCLUDE = 'show running-config | include ip admission|webauth|auth-proxy|pki server|ip http path';

export const httpServerEnabledRule: RuleDef = {
  id: 'http-server-enabled',
  checks: 'Running-config ip http server (not negated), or TCP/80 flows aimed at the router\'s own addresses.',
  confirmWith: CONFIRM,
  evaluate(ctx): Finding[] {
    const enabled = configs(ctx).filter((c) => c.data.httpServer.enabled && c.data.httpServer.line);
    const flows = flowsToRouter(ctx);
    if (enabled.length || flows.count) {
      const name = onRouter(ctx);
      const title = enabled.length
        ? `HTTP server enabled${name}${flows.count ? `, and ${flows.count} port-80 flows reach it` : ''}`
        : `${flows.count} port-80 flows aimed at the router's own address${flows.targets.size > 1 ? 'es' : ''} (${[...flows.targets].slice(0, 3).join(', ')})${name}`;
      // Something else the router serves over HTTP (web logins, a certificate server): turning the server off
      // would stop it, an outage of its own. The server stays; the block on port 80 keeps the worm away from it.
      const uses = enabled.flatMap((c) => (c.data.httpUses ?? []).map((u) => ({ ...u, source: c.source })));
      // Part of a config, or one cut short, may hide those lines: the step waits on the include that would show them.
      const unseen = enabled.some((c) => c.data.partial !== undefined || !c.data.ended);
      const finding: Finding = {
        id: 'http-server-enabled',
        severity: 'warning',
        title,
        evidence: [...enabled.map((c) => ctx.evidence(c.source, c.data.httpServer.line!)), ...uses.map((u) => ctx.evidence(u.source, u.line)), ...flows.evidence],
        remedy: uses.length
          ? {
              summary:
                `Infected hosts probe every address on port 80, the router's own included, and each attempt costs its CPU. This router's HTTP server also serves ${listWords([...new Set(uses.map((u) => u.what))])}, which no ip http server would stop: keep the server, and keep the worm from it instead.`,
              commands: [],
              caveats: [
                'Block port 80 from the infected hosts where they enter (the scanning-host finding\'s change), and limit who reaches the HTTP server with ip http access-class and a list of the hosts that need it.',
                'Turn the server off (no ip http server) only once nothing above needs it any more.',
              ],
            }
          : {
              summary: 'Infected hosts probe every address on port 80, the router\'s own included: each attempt costs its CPU while the IOS HTTP server answers. Turn it off.',
              commands: ['no ip http server'],
              caveats: [
                'Anything that manages the router over HTTP (a web GUI, some monitoring) stops working; use SSH or ip http secure-server restricted with ip http access-class if it is needed.',
                ...(unseen ? [`The running-config pasted may not show everything the router has: ${USES_INCLUDE} must print nothing first (web logins or a certificate server served over HTTP would stop).`] : []),
              ],
            },
      };
      if (uses.length || !unseen) return [finding];
      return [
        withIntents(finding, [
          {
            kind: 'global',
            commands: ['no ip http server'],
            why: WHY,
            ...({ gate: [`Paste it only if ${USES_INCLUDE} prints nothing: the running-config pasted may not show everything the router has, and web logins, a certificate server's SCEP or files served over HTTP would stop with the server.`] }),
          },
          { kind: 'verify', commands: ['show running-config | include ip http'] },
        ]),
      ];
    }
    if (unconfirmed(ctx, CONFIRM.slice(0, 1)) && answered(ctx, 'http-attempts', 'yes')) {
      return [
        answerFinding(ctx, {
          id: 'http-server-enabled',
          severity: 'info',
          title: 'Many HTTP connection attempts reach the router',
          summary: 'The tech note advises disabling the router\'s HTTP server (no ip http server) so it stops serving the worm\'s connection attempts.',
          confirmWith: CONFIRM,
        }),
      ];
    }
    return [];
  },
};
