// Property tests (issue 11): over generated configs and findings, every plan keeps every ACL entry, a default route
// at every line, never turns an interface that let everything through into one that drops all it does not permit, never claims a name twice, keeps modes apart, and its back-out restores the config exactly.
// Fixed seed here; `npm run fuzz` sets FUZZ_RUNS (and optionally FUZZ_SEED) for a longer run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runningConfigParser } from '../parsers/show-running-config/parser';
import { normaliseLines } from '../text/normalise';
import { buildPlan } from './build-plan';
import { buildModel } from './config-model';
import { findingArb, findingsFor, lastOfEach } from '../proof/plan-arbitraries';
import { alternativeAlone, createdIds, planProblems, problemsEveryWay, routerProblems } from './testing/plan-checks';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 150;
const SEED = Number(process.env.FUZZ_SEED) || 20010719;
const params = { seed: SEED, numRuns: RUNS };
const timeout = 30_000 + RUNS * 200;

const IFACES = ['FastEthernet0/0', 'FastEthernet0/1', 'Vlan1', 'Vlan3', 'GigabitEthernet0/0', 'Serial0/0'];
const VERSIONS = ['12.1(5)T', '12.2(13)T', '12.2(14)S', '12.3(2)T', '12.4(25d)', '15.6(2)T', undefined];
const NAMES = ['EDGE_IN', 'MGMT', 'WEB-FILTER', 'EDGE_IN-BLOCK'];

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
  // Bindings to lists the config does not define (removed with `no access-list 101`, the interface line left): IOS
  // lets everything through them.
  dangling: fc.array(fc.tuple(fc.nat(5), fc.constantFrom('in', 'out'), fc.constantFrom('101', 'OLD-FILTER')), { maxLength: 2 }),
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
    const bound = new Set<string>();
    for (const [i, dir, a] of c.bindings) {
      if (i % c.ifaces.length === k && c.acls.length) {
        out.push(` ip access-group ${c.acls[a % c.acls.length]!.id} ${dir}`);
        bound.add(dir);
      }
    }
    for (const [i, dir, id] of c.dangling) {
      if (i % c.ifaces.length !== k || bound.has(dir) || c.acls.some((a) => a.id === id)) continue;
      out.push(` ip access-group ${id} ${dir}`);
      bound.add(dir);
    }
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

/** The model of a config's text, as the plan is built on it (`blind`: as if no running-config was pasted). */
function modelOf(text: string, version: string | undefined, blind = false) {
  const lines = normaliseLines(text);
  return buildModel(blind ? undefined : runningConfigParser.parse({ lines, from: 0, to: lines.length }).data, version);
}

/** A plan built from `seenText` (what was pasted), checked on the router that has `text`: steps by their gates, the whole copy, each alternative. */
function safeOnRouter(seenText: string, text: string, version: string | undefined, spec: Parameters<typeof findingsFor>[0], safetyNet: boolean): void {
  const seen = modelOf(seenText, version);
  const router = modelOf(text, version);
  const built = buildPlan(seen, findingsFor(spec, seen), { router: 'P1', safetyNet });
  const dump = `${seenText}\n--- pasted; the router has ---\n${text}\n\n${JSON.stringify(built.plan, null, 1)}`;
  // Step by step by the gates, the whole-plan copy unread (it carries no step whose safety rests on a check), and
  // each alternative on its own as its card offers it.
  expect(problemsEveryWay(router, built), dump).toEqual([]);
}

describe('change plans over generated configs', () => {
  it(
    'built from a config cut short (no end, what follows the cut unseen), on the router as it is: following each step\'s gates, or pasting the whole-plan copy unread, no interface loses a filter or drops all it does not permit',
    () => {
      fc.assert(
        fc.property(
          configArb.chain((c) => fc.tuple(fc.constant(c), findingArb(c.ifaces), fc.nat(), fc.boolean())),
          ([generated, spec, cutAt, safetyNet]) => {
            const n = generated.ifaces.length;
            const routes = lastOfEach(generated.routes, ([toIf, i]) => `${toIf} ${i % n}`);
            const c = { ...generated, routes, bindings: lastOfEach(generated.bindings, ([i, dir]) => `${i % n} ${dir}`) };
            const text = configText(c);
            const lines = text.split('\n');
            // Cut anywhere after the first interface block (a paste cut short: a --More-- lost, a terminal buffer full).
            const first = lines.findIndex((l) => l.startsWith('interface '));
            const from = lines.indexOf('!', first) + 1;
            const cut = lines.slice(0, from + 1 + (cutAt % Math.max(1, lines.length - 2 - from))).join('\n');
            safeOnRouter(cut, text, c.version, spec, safetyNet);
          },
        ),
        params,
      );
    },
    timeout,
  );

  it(
    'built from part of a config that still ends in end (show running-config interface X, | begin interface), on the router as it is: as safe as from one cut short',
    () => {
      fc.assert(
        fc.property(
          configArb.chain((c) => fc.tuple(fc.constant(c), findingArb(c.ifaces), fc.nat(), fc.nat(), fc.boolean())),
          ([generated, spec, startAt, lengthAt, safetyNet]) => {
            const n = generated.ifaces.length;
            const routes = lastOfEach(generated.routes, ([toIf, i]) => `${toIf} ${i % n}`);
            const c = { ...generated, routes, bindings: lastOfEach(generated.bindings, ([i, dir]) => `${i % n} ${dir}`) };
            const text = configText(c);
            const lines = text.split('\n');
            // Blocks between `!` lines past the hostname: a window of them, shown the way IOS shows part of a config.
            const bounds = lines.flatMap((l, i) => (l === '!' && i > lines.indexOf('hostname P1') ? [i] : []));
            const a = startAt % (bounds.length - 1);
            const b = a + 1 + (lengthAt % (bounds.length - 1 - a));
            const part = ['Building configuration...', '', 'Current configuration : 512 bytes', ...lines.slice(bounds[a]!, bounds[b]! + 1), 'end'].join('\n');
            safeOnRouter(part, text, c.version, spec, safetyNet);
          },
        ),
        // (A window that hides a list the plan's free-looking number names is rarer than a cut: more runs.)
        { ...params, numRuns: Math.max(RUNS, 1000) },
      );
    },
    timeout,
  );

  it(
    'keep every ACL entry and a default route at every line, claim no name twice, keep modes apart, and back out exactly',
    () => {
      fc.assert(
        fc.property(
          configArb.chain((c) => fc.tuple(fc.constant(c), findingArb(c.ifaces), fc.boolean(), fc.boolean())),
          ([c, spec, safetyNet, blind]) => {
            const text = configText(c);
            // Sometimes no running-config at all: the plan must not bind anything it cannot see.
            const model = modelOf(text, c.version, blind);
            const findings = findingsFor(spec, model);
            const built = buildPlan(model, findings, { router: 'P1', safetyNet });
            const problems = planProblems(model, built.plan);
            expect(problems, `${text}\n\n${JSON.stringify(built.plan, null, 1)}`).toEqual([]);
            if (blind) {
              const all = [...built.plan.steps.flatMap((s) => s.commands), ...[...built.alternatives.values()].flat().flatMap((a) => a.commands)];
              expect(all.filter((l) => /^ (ip access-group|service-policy) /.test(l))).toEqual([]);
            }
            // Each alternative, pasted on its own by its gate's words, is as safe as the plan on this config.
            if (!blind) {
              for (const alt of [...built.alternatives.values()].flat()) {
                if (alt.commands.length) expect(routerProblems(model, alternativeAlone(built.plan, alt)), `alternative "${alt.summary}"\n${text}`).toEqual([]);
              }
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
