// Property tests (issue 11): over generated configs and findings, every plan keeps every ACL entry, a default route
// at every line, never claims a name twice, keeps modes apart, and its back-out restores the config exactly.
// Fixed seed here; `npm run fuzz` sets FUZZ_RUNS (and optionally FUZZ_SEED) for a longer run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runningConfigParser } from '../parsers/show-running-config/parser';
import { normaliseLines } from '../text/normalise';
import type { Finding, FindingId } from '../types';
import { buildPlan } from './build-plan';
import { buildModel } from './config-model';
import { withIntents, type RemedyIntent } from './intents';
import { createdIds, planProblems } from './testing/plan-checks';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 150;
const SEED = Number(process.env.FUZZ_SEED) || 20010719;
const params = { seed: SEED, numRuns: RUNS };
const timeout = 30_000 + RUNS * 200;

const IFACES = ['FastEthernet0/0', 'FastEthernet0/1', 'Vlan1', 'Vlan3', 'GigabitEthernet0/0', 'Serial0/0'];
const VERSIONS = ['12.1(5)T', '12.2(13)T', '12.2(14)S', '12.3(2)T', '12.4(25d)', '15.6(2)T', undefined];
const NAMES = ['EDGE_IN', 'MGMT', 'WEB-FILTER', 'EDGE_IN-BLOCK'];
const HOSTS = ['10.0.0.5', '10.0.1.7', '20.1.104.194', '61.146.138.212'];
const SERVICES = ['eq www', 'eq 445', 'eq 135', 'eq 23'];

const stdEntry = fc.tuple(fc.constantFrom('permit', 'deny'), fc.constantFrom('any', 'host 10.0.0.9', '10.1.0.0 0.0.255.255', '192.168.1.1'), fc.boolean()).map(
  ([a, s, log]) => `${a} ${s}${log ? ' log' : ''}`,
);
const extEntry = fc
  .tuple(fc.constantFrom('permit', 'deny'), fc.constantFrom('ip', 'tcp', 'udp'), fc.constantFrom('any', 'host 10.0.0.9', '10.1.0.0 0.0.255.255'), fc.constantFrom('any', 'host 172.16.0.1'), fc.constantFrom('', ' eq www', ' eq 1434', ' range 135 139'), fc.boolean())
  .map(([a, p, s, d, port, log]) => `${a} ${p} ${s} ${d}${p === 'ip' ? '' : port}${log ? ' log' : ''}`);
const remark = fc.constantFrom('remark worm filter', 'remark managed by NOC');

const aclArb = fc.oneof(
  fc.record({ id: fc.integer({ min: 1, max: 99 }).map(String), named: fc.constant(false), kind: fc.constant('standard' as const), entries: fc.array(fc.oneof(stdEntry, remark), { maxLength: 5 }), seq: fc.constant(false) }),
  fc.record({ id: fc.constantFrom('100', '120', '150', '151', '199', '2000'), named: fc.constant(false), kind: fc.constant('extended' as const), entries: fc.array(fc.oneof(extEntry, remark), { maxLength: 5 }), seq: fc.constant(false) }),
  fc.record({ id: fc.constantFrom(...NAMES), named: fc.constant(true), kind: fc.constantFrom('standard' as const, 'extended' as const), entries: fc.array(fc.oneof(extEntry, remark), { maxLength: 5 }), seq: fc.boolean() }),
);

const configArb = fc.record({
  version: fc.constantFrom(...VERSIONS),
  ifaces: fc.uniqueArray(fc.constantFrom(...IFACES), { minLength: 1, maxLength: 5 }),
  acls: fc.uniqueArray(aclArb, { maxLength: 4, selector: (a) => a.id }),
  bindings: fc.array(fc.tuple(fc.nat(5), fc.constantFrom('in', 'out'), fc.nat(5)), { maxLength: 6 }),
  routes: fc.array(fc.tuple(fc.boolean(), fc.nat(5), fc.option(fc.constantFrom(1, 250), { nil: undefined })), { maxLength: 3 }),
  classMaps: fc.subarray(['http-hacks', 'http-hacks-2', 'mark-inbound-http-hacks']),
  http: fc.boolean(),
});

type Cfg = typeof configArb extends fc.Arbitrary<infer T> ? T : never;

function configText(c: Cfg): string {
  const out = ['Building configuration...', '!', ...(c.version ? [`version ${c.version.replace(/\(.*$/, '')}`] : []), 'hostname P1', '!'];
  c.ifaces.forEach((name, k) => {
    out.push(`interface ${name}`, ` ip address 10.0.${k}.1 255.255.255.0`);
    if (k === 1) out.push(` ip address 20.1.0.1 255.255.0.0 secondary`);
    for (const [i, dir, a] of c.bindings) if (i % c.ifaces.length === k && c.acls.length) out.push(` ip access-group ${c.acls[a % c.acls.length]!.id} ${dir}`);
    out.push('!');
  });
  for (const [toIf, i, dist] of c.routes) {
    const via = toIf ? c.ifaces[i % c.ifaces.length]! : `10.0.${i % c.ifaces.length}.2`;
    out.push(`ip route 0.0.0.0 0.0.0.0 ${via}${dist !== undefined ? ` ${dist}` : ''}`);
  }
  out.push(c.http ? 'ip http server' : 'no ip http server', '!');
  for (const a of c.acls) {
    const entries = a.kind === 'standard' && a.named ? a.entries.map((e) => (e.startsWith('remark') ? e : e.replace(/^(permit|deny) \S+ (any|host \S+|\S+ \S+) .*$/, '$1 $2'))) : a.entries;
    if (a.named) {
      out.push(`ip access-list ${a.kind} ${a.id}`);
      entries.forEach((e, i) => out.push(` ${a.seq ? `${(i + 1) * 10} ` : ''}${e}`));
    } else entries.forEach((e) => out.push(`access-list ${a.id} ${e}`));
    out.push('!');
  }
  for (const m of c.classMaps) out.push(`class-map match-any ${m}`, ' match protocol http', '!');
  out.push('end');
  return out.join('\n');
}

const findingArb = (ifaces: string[]) =>
  fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('block' as const), iface: fc.option(fc.constantFrom(...ifaces, 'Vlan99'), { nil: undefined }), dir: fc.constantFrom('in' as const, 'out' as const), host: fc.constantFrom(...HOSTS), service: fc.constantFrom(...SERVICES), scoped: fc.boolean(), alt: fc.boolean() }),
      fc.record({ kind: fc.constant('toggle' as const), lines: fc.subarray(['no ip http server', 'ip cef', 'no logging console', 'ip cache-ager-interval 60 5 25', 'mls flow ip full']) }),
      fc.record({ kind: fc.constant('exec' as const), line: fc.constantFrom('clear arp-cache', 'undebug all') }),
      fc.record({ kind: fc.constant('policy' as const), iface: fc.constantFrom(...ifaces) }),
    ),
    { minLength: 1, maxLength: 5 },
  );

type Spec = ReturnType<typeof findingArb> extends fc.Arbitrary<infer T> ? T : never;

function findingsFor(spec: Spec, model: ReturnType<typeof buildModel>): Finding[] {
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

describe('change plans over generated configs', () => {
  it(
    'keep every ACL entry and a default route at every line, claim no name twice, keep modes apart, and back out exactly',
    () => {
      fc.assert(
        fc.property(
          configArb.chain((c) => fc.tuple(fc.constant(c), findingArb(c.ifaces), fc.boolean(), fc.boolean())),
          ([c, spec, safetyNet, blind]) => {
            const text = configText(c);
            const lines = normaliseLines(text);
            const parsed = runningConfigParser.parse({ lines, from: 0, to: lines.length });
            // Sometimes no running-config at all: the plan must not bind anything it cannot see.
            const model = buildModel(blind ? undefined : parsed.data, c.version);
            const findings = findingsFor(spec, model);
            const built = buildPlan(model, findings, { router: 'P1', safetyNet });
            const problems = planProblems(model, built.plan);
            expect(problems, `${text}\n\n${JSON.stringify(built.plan, null, 1)}`).toEqual([]);
            if (blind) {
              const all = [...built.plan.steps.flatMap((s) => s.commands), ...[...built.alternatives.values()].flat().flatMap((a) => a.commands)];
              expect(all.filter((l) => /^ (ip access-group|service-policy) /.test(l))).toEqual([]);
            }
            // Alternatives never reuse what the plan creates, nor each other's names.
            const planIds = createdIds(model, built.plan.steps.flatMap((s) => s.commands));
            for (const alts of built.alternatives.values()) {
              const seen = new Set<string>();
              for (const a of alts) {
                for (const id of createdIds(model, a.commands)) {
                  expect(planIds, `alternative reuses ${id}`).not.toContain(id);
                  expect(seen.has(id), `two alternatives create ${id}`).toBe(false);
                  seen.add(id);
                }
              }
            }
            // Each finding's part is exactly the lines of the steps serving it.
            for (const f of findings) {
              const mine = built.plan.steps.filter((s) => s.findings.includes(f.id) && !/^reload /.test(s.commands[0] ?? ''));
              expect(mine.flatMap((s) => s.commands)).toEqual(expect.arrayContaining(built.parts.get(f)!));
            }
          },
        ),
        params,
      );
    },
    timeout,
  );
});
