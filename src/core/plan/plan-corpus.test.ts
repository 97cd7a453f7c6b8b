// The plan safety rules on every real running-config in the corpus (byte copies in the running-config parser's
// fixtures), with a block on every interface in both directions, every route to an interface rewritten, every
// logging ACL copied, on the config's own IOS and on old and new IOS.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { runningConfigParser } from '../parsers/show-running-config/parser';
import { normaliseLines } from '../text/normalise';
import type { Finding } from '../types';
import { buildPlan } from './build-plan';
import { buildModel, type ConfigModel } from './config-model';
import { withIntents, type RemedyIntent } from './intents';
import { filteringOf, planProblems } from './testing/plan-checks';

const DIR = join(__dirname, '../parsers/show-running-config/fixtures');
// Real captures only: the constructed configs are covered by the rule and plan tests.
const REAL = readdirSync(DIR).filter((n) => n.endsWith('.txt') && !n.startsWith('constructed-'));

function modelOf(name: string, version?: string): ConfigModel {
  const lines = normaliseLines(readFileSync(join(DIR, name), 'utf8'));
  const parsed = runningConfigParser.parse({ lines, from: 0, to: lines.length });
  return buildModel(parsed.data, version);
}

function everyRemedy(m: ConfigModel): Finding[] {
  const mk = (id: Finding['id'], intents: RemedyIntent[]): Finding =>
    withIntents({ id, severity: 'warning', title: id, evidence: [], remedy: { summary: 'Fix.', commands: [], caveats: [] } }, intents);
  const out: Finding[] = [];
  for (const i of Object.values(m.interfaces)) {
    for (const direction of ['in', 'out'] as const) {
      out.push(mk('scanning-host', [{ kind: 'block', interface: i.name, direction, entries: ['deny tcp any any eq www', 'deny udp host 10.9.9.9 any eq 1434'], hosts: ['10.9.9.9'], why: 'Block.' }]));
    }
  }
  for (const r of m.routes) if (r.interface) out.push(mk('default-route-to-broadcast-interface', [{ kind: 'route', route: r, nextHop: '192.0.2.1', why: 'Next hop.' }]));
  for (const [id, a] of Object.entries(m.acls)) if (a.entries.some((e) => /\slog(-input)?(\s|$)/.test(e.text))) out.push(mk('acl-log-keyword', [{ kind: 'strip-log', acl: id, why: 'No log.' }]));
  out.push(mk('http-server-enabled', [{ kind: 'global', commands: ['no ip http server', 'ip cef', 'no logging console'], why: 'Toggles.' }]));
  out.push(mk('console-logging-flushes', [{ kind: 'exec', commands: ['undebug all'], when: 'before', why: 'Stop debugs.' }]));
  return out;
}

describe('change plans on the real configs', () => {
  it('reads real configs with interfaces, and some with filtering in place (else the test proves little)', () => {
    expect(REAL.length).toBeGreaterThanOrEqual(5);
    const filtered = REAL.filter((n) => filteringOf(modelOf(n)).length > 0);
    expect(filtered.length).toBeGreaterThanOrEqual(1);
  });

  for (const name of REAL) {
    for (const version of [undefined, '12.1(5)T', '15.6(2)T']) {
      it(`${name} on ${version ?? 'its own IOS'}: every rule holds`, () => {
        const model = modelOf(name, version);
        const built = buildPlan(model, everyRemedy(model), { router: name, safetyNet: version === '15.6(2)T' });
        expect(built.plan.steps.length).toBeGreaterThan(0);
        expect(planProblems(model, built.plan)).toEqual([]);
      });
    }

    it(`${name} with the tech note's flows through diagnose: the plan replays cleanly`, () => {
      const text = readFileSync(join(DIR, name), 'utf8');
      const flows = readFileSync(join(__dirname, '../rules/fixtures/seed-cache-flow.txt'), 'utf8');
      const d = diagnose([{ source: name, text }, { source: 'flows.txt', text: flows }]);
      for (const p of d.plans ?? []) expect(planProblems(modelOf(name), p)).toEqual([]);
    });
  }
});
