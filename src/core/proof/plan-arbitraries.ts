// Test support (not product): generated findings for the plan property tests (IOS and NX-OS configs alike).
import fc from 'fast-check';
import type { Finding, FindingId } from '../types';
import type { buildModel } from '../plan/config-model';
import { withIntents, type RemedyIntent } from '../plan/intents';

const HOSTS = ['10.0.0.5', '10.0.1.7', '20.1.104.194', '61.146.138.212'];
const SERVICES = ['eq www', 'eq 445', 'eq 135', 'eq 23'];

export const findingArb = (ifaces: string[]) =>
  fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('block' as const), iface: fc.option(fc.constantFrom(...ifaces, 'Vlan99'), { nil: undefined }), dir: fc.constantFrom('in' as const, 'out' as const), host: fc.constantFrom(...HOSTS), service: fc.constantFrom(...SERVICES), scoped: fc.boolean(), alt: fc.boolean() }),
      fc.record({ kind: fc.constant('toggle' as const), lines: fc.subarray(['no ip http server', 'ip cef', 'no logging console', 'ip cache-ager-interval 60 5 25', 'mls flow ip full']) }),
      fc.record({ kind: fc.constant('exec' as const), line: fc.constantFrom('clear arp-cache', 'undebug all') }),
      fc.record({ kind: fc.constant('policy' as const), iface: fc.constantFrom(...ifaces) }),
    ),
    { minLength: 1, maxLength: 5 },
  );

/**
 * The last of the items sharing a key, in their order: a running-config prints a static route once and one
 * access-group line a direction, where a generator may repeat them (the complete-config properties read the repeats
 * as IOS takes them typed; a cut could fall between them).
 */
export function lastOfEach<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return [...items].reverse().filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true))).reverse();
}

export type Spec = ReturnType<typeof findingArb> extends fc.Arbitrary<infer T> ? T : never;

export function findingsFor(spec: Spec, model: ReturnType<typeof buildModel>): Finding[] {
  const mk = (id: FindingId, intents: RemedyIntent[]): Finding => withIntents({ id, severity: 'warning', title: id, evidence: [], remedy: { summary: 'Fix it.', commands: [], caveats: [] } }, intents);
  const out: Finding[] = [];
  for (const s of spec) {
    if (s.kind === 'block') {
      const src = s.scoped ? `host ${s.host}` : 'any';
      const block: RemedyIntent = { kind: 'block', ...(s.iface ? { interface: s.iface } : {}), direction: s.dir, entries: [`deny tcp ${src} any ${s.service}`], hosts: [s.host], why: 'Block the worm.' };
      out.push(mk('scanning-host', [block, ...(s.alt ? [{ kind: 'alternative' as const, summary: 'Narrow.', intents: [{ ...block, entries: [`deny tcp host ${s.host} any ${s.service}`] } as RemedyIntent & { kind: 'block' }] }] : [])]));
    } else if (s.kind === 'toggle' && s.lines.length) out.push(mk('cef-not-enabled', [{ kind: 'global', commands: s.lines, why: 'Toggle.' }]));
    else if (s.kind === 'exec') out.push(mk('console-logging-flushes', [{ kind: 'exec', commands: [s.line], when: s.line === 'undebug all' ? 'before' : 'after', why: 'Exec.' }]));
    else if (s.kind === 'policy') {
      out.push(mk('scanning-host', [{ kind: 'policy', interface: s.iface, direction: 'input', classMap: 'http-hacks', policyMap: 'mark-inbound-http-hacks', match: 'match-any', matches: ['match protocol http url "*cmd.exe*"'], actions: ['set ip dscp 1'], why: 'Mark.' }]));
    }
  }
  // What the config itself calls for: every route to an interface rewritten, every ACL with log copied without it.
  for (const r of model.routes) if (r.interface) out.push(mk('default-route-to-broadcast-interface', [{ kind: 'route', route: r, ...(r.distance === 1 ? {} : { nextHop: '10.0.0.2' }), why: 'Next hop.' }, { kind: 'exec', commands: ['clear arp-cache'], when: 'after', why: 'ARP.' }]));
  for (const [id, a] of Object.entries(model.acls)) if (a.entries.some((e) => / log$/.test(e.text))) out.push(mk('acl-log-keyword', [{ kind: 'strip-log', acl: id, why: 'No log.' }]));
  return out;
}
