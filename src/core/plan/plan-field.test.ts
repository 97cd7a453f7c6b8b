// The plan safety rules on running-configs from the field (other projects' captures, fixtures/field/NOTES.md),
// each with the seed's scanning host moved into every interface's subnet, plus the other findings' triggers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { runningConfigParser } from '../parsers/show-running-config/parser';
import { normaliseLines } from '../text/normalise';
import type { Finding } from '../types';
import { applySteps } from './apply';
import { buildPlan } from './build-plan';
import { buildModel, type ConfigModel } from './config-model';
import { withIntents, type RemedyIntent } from './intents';
import { filteringOf, planProblems, routerProblems } from './testing/plan-checks';

const DIR = join(__dirname, 'fixtures/field');
const FIELD = readdirSync(DIR).filter((n) => n.endsWith('.txt'));
const SEED = readFileSync(join(__dirname, '../../features/example/samples/seed_show_ip_cache_flow.txt'), 'utf8');
/** Lines that make other findings fire: the web server on, console logging on. */
/** Flow tables name interfaces short (Fa0/0, Vl1, Di0, Se0/3/0:0). */
const SHORT: [RegExp, string][] = [[/^FastEthernet/i, 'Fa'], [/^GigabitEthernet/i, 'Gi'], [/^Vlan/i, 'Vl'], [/^Dialer/i, 'Di'], [/^Serial/i, 'Se'], [/^Ethernet/i, 'Et'], [/^Loopback/i, 'Lo']];
const shortInterfaceName = (n: string) => SHORT.reduce((x, [re, s]) => x.replace(re, s), n);
const TRIGGERS = '\nip http server\nlogging console\n';

function parse(text: string) {
  const lines = normaliseLines(text);
  return runningConfigParser.parse({ lines, from: 0, to: lines.length }).data!;
}

/** The seed's scanning host (193.23.45.35 on Vl1) moved to a host of each addressed interface's subnet, entering there. */
function flowsInto(text: string): string {
  return parse(text)
    .interfaces.filter((i) => i.address && i.mask !== '255.255.255.255')
    .map((i) => {
      const o = i.address!.split('.').map(Number);
      const host = `${o[0]}.${o[1]}.${o[2]}.${((o[3]! + 7) % 250) + 1}`;
      return SEED.replace(/Vl1(\s+)193\.23\.45\.35/g, (_m, sp: string) => `${shortInterfaceName(i.name)}${sp}${host}`);
    })
    .join('\n');
}

function everyRemedy(m: ConfigModel): Finding[] {
  const mk = (id: Finding['id'], intents: RemedyIntent[]): Finding =>
    withIntents({ id, severity: 'warning', title: id, evidence: [], remedy: { summary: 'Fix.', commands: [], caveats: [] } }, intents);
  const out: Finding[] = [];
  for (const i of Object.values(m.interfaces)) {
    for (const direction of ['in', 'out'] as const) {
      out.push(mk('scanning-host', [{ kind: 'block', interface: i.name, direction, entries: ['deny tcp any any eq www'], hosts: ['10.9.9.9'], why: 'Block.' }]));
    }
  }
  for (const r of m.routes) if (r.interface) out.push(mk('default-route-to-broadcast-interface', [{ kind: 'route', route: r, nextHop: '192.0.2.1', why: 'Next hop.' }]));
  for (const [id, a] of Object.entries(m.acls)) if (a.entries.some((e) => /\slog(-input)?(\s|$)/.test(e.text))) out.push(mk('acl-log-keyword', [{ kind: 'strip-log', acl: id, why: 'No log.' }]));
  out.push(mk('http-server-enabled', [{ kind: 'global', commands: ['no ip http server', 'ip cef', 'no logging console'], why: 'Toggles.' }]));
  return out;
}

describe('change plans on running-configs from the field', () => {
  it('has field configs, some filtering already (else the test proves little)', () => {
    expect(FIELD.length).toBeGreaterThanOrEqual(6);
    expect(FIELD.filter((n) => filteringOf(buildModel(parse(readFileSync(join(DIR, n), 'utf8')))).length > 0).length).toBeGreaterThanOrEqual(4);
  });

  for (const name of FIELD) {
    const text = readFileSync(join(DIR, name), 'utf8');

    it(`${name}: every access-group line in the text is on its interface in the model`, () => {
      // The dangerous case: a binding the parser misses is an interface the plan thinks unfiltered, and binds over.
      const typed = text.split('\n').filter((l) => /^\s*ip access-group \S+ (in|out)\s*$/.test(l)).length;
      const model = buildModel(parse(text));
      const bound = Object.values(model.interfaces).reduce((n, i) => n + Object.keys(i.groups).length, 0);
      expect(bound).toBe(typed);
    });

    it(`${name} with a scanning host behind every interface and the other triggers: every plan is safe`, () => {
      const config = text + TRIGGERS;
      const d = diagnose([{ source: name, text: config }, { source: 'flows.txt', text: flowsInto(text) }]);
      const model = buildModel(parse(config));
      expect(d.findings.filter((f) => f.id === 'scanning-host').length).toBeGreaterThan(0);
      expect(d.plans?.length).toBe(1);
      for (const p of d.plans!) expect(planProblems(model, p)).toEqual([]);
      // The alternatives beside each finding are pasted too: alone on the config, none may lose a list's entries.
      const had = filteringOf(model);
      for (const f of d.findings) {
        for (const a of f.remedy.alternatives ?? []) {
          const lines = a.commands.filter((l) => !l.includes('<'));
          const lost: string[] = [];
          applySteps(model, [{ mode: 'config', commands: lines }], {
            onLine(m, _s, l) {
              for (const h of had) {
                const id = m.interfaces[h.iface]?.groups[h.dir];
                const now = id !== undefined ? m.acls[id]?.entries.filter((e) => !e.text.startsWith('remark')).length : undefined;
                if (now === undefined || now < h.entries.length) lost.push(`${a.summary}: after "${l}" ${h.iface} ${h.dir}`);
              }
            },
          });
          expect(lost).toEqual([]);
        }
      }
    });

    for (const version of [undefined, '12.1(5)T', '15.6(2)T']) {
      it(`${name} on ${version ?? 'its own IOS'}: a block on every interface both ways, every route and log list: every rule holds`, () => {
        const model = buildModel(parse(text), version);
        const built = buildPlan(model, everyRemedy(model), { router: name, safetyNet: version === '15.6(2)T' });
        expect(built.plan.steps.length).toBeGreaterThan(0);
        expect(planProblems(model, built.plan)).toEqual([]);
      });
    }
  }
});

describe('hazards the field configs showed, each on the smallest config that has it', () => {
  const ios124 = (body: string[]) => buildModel(parse(['version 12.4', 'hostname R', '!', ...body, 'end'].join('\n')));
  const block = (iface: string): Finding =>
    withIntents({ id: 'scanning-host', severity: 'warning', title: 't', evidence: [], remedy: { summary: 'Fix.', commands: [], caveats: [] } }, [
      { kind: 'block', interface: iface, direction: 'in', entries: ['deny tcp any any eq www'], hosts: ['10.1.1.9'], why: 'Block.' },
    ]);

  it('never inserts entries into the list NAT also uses (a deny there stops translating web traffic)', () => {
    const model = ios124([
      'interface FastEthernet0/1', ' ip address 10.1.1.1 255.255.255.0', ' ip access-group 101 in', ' ip nat inside', '!',
      'interface Dialer0', ' ip address negotiated', ' ip nat outside', '!',
      'ip nat inside source list 101 interface Dialer0 overload', 'access-list 101 permit ip 10.1.1.0 0.0.0.255 any', '!',
    ]);
    const built = buildPlan(model, [block('FastEthernet0/1')], { router: 'R' });
    const lines = built.plan.steps.flatMap((s) => s.commands);
    expect(lines).not.toContain('ip access-list extended 101');
    expect(lines).toContain(' ip access-group 150 in');
    expect(built.plan.steps[0]!.why).toContain('ip nat inside');
    expect(planProblems(model, built.plan)).toEqual([]);
  });

  it('never inserts entries into the list a vty access-class uses (the next login could be refused)', () => {
    const model = ios124([
      'interface FastEthernet0/1', ' ip address 10.1.1.1 255.255.255.0', ' ip access-group ADMIN in', '!',
      'ip access-list extended ADMIN', ' permit tcp 10.1.1.0 0.0.0.255 any', ' permit ip any any', '!',
      'line vty 0 4', ' access-class ADMIN in', '!',
    ]);
    const built = buildPlan(model, [block('FastEthernet0/1')], { router: 'R' });
    expect(built.plan.steps.flatMap((s) => s.commands)).toContain('ip access-list extended ADMIN-BLOCK');
    expect(planProblems(model, built.plan)).toEqual([]);
  });
});

describe('routes the field configs route differently', () => {
  const flows = (ifs: string, host: string) => SEED.replace(/Vl1(\s+)193\.23\.45\.35/g, (_m, sp: string) => `${ifs}${sp}${host}`);
  const dhcpWan = (version: string) =>
    [`version ${version}`, 'hostname R', '!', 'interface FastEthernet0/0', ' ip address dhcp', ' ip nat outside', '!', 'interface Vlan1', ' ip address 192.168.1.1 255.255.255.0', ' ip nat inside', '!',
      'ip route 0.0.0.0 0.0.0.0 FastEthernet0/0', 'end'].join('\n');
  const routeStep = (text: string) => {
    const d = diagnose([{ source: 'r', text }, { source: 'flows.txt', text: flows('Vl1', '192.168.1.77') }]);
    const plan = d.plans![0]!;
    expect(planProblems(buildModel(parse(text)), plan)).toEqual([]);
    return { plan, step: plan.steps.find((s) => s.findings.includes('default-route-to-broadcast-interface'))! };
  };

  it('a default route out of a DHCP interface goes to the DHCP gateway, never a fixed address a new lease leaves behind', () => {
    const { step } = routeStep(dhcpWan('12.4'));
    expect(step.commands).toEqual(['ip route 0.0.0.0 0.0.0.0 dhcp', 'no ip route 0.0.0.0 0.0.0.0 FastEthernet0/0']);
    expect(step.why).toContain('DHCP');
  });

  it('on an IOS older than 12.3(8)T the DHCP form is a placeholder naming show version, and the why says so', () => {
    const { step, plan } = routeStep(dhcpWan('12.2'));
    expect(step.commands[0]).toMatch(/^ip route 0\.0\.0\.0 0\.0\.0\.0 <dhcp \(IOS 12\.3\(8\)T or later: show version\)/);
    expect(step.why).toContain('show version');
    expect(plan.precheck).toContain('show dhcp lease');
  });

  it('a VRF default route is checked in its VRF table, before and after', () => {
    const text = ['version 12.4', 'hostname R', '!', 'ip vrf CUST', ' rd 1:1', '!', 'interface FastEthernet0/0', ' ip address 198.51.100.2 255.255.255.0', '!',
      'interface FastEthernet0/1', ' ip vrf forwarding CUST', ' ip address 10.2.2.1 255.255.255.0', '!', 'ip route 0.0.0.0 0.0.0.0 198.51.100.1', 'ip route vrf CUST 0.0.0.0 0.0.0.0 FastEthernet0/1', 'end'].join('\n');
    const d = diagnose([{ source: 'r', text }, { source: 'flows.txt', text: flows('Fa0/1', '10.2.2.77') }]);
    const plan = d.plans![0]!;
    expect(plan.precheck).toContain('show ip route vrf CUST 0.0.0.0');
    expect(plan.verify).toContain('show ip route vrf CUST 0.0.0.0');
    expect(plan.precheck).not.toContain('show ip route 0.0.0.0');
    expect(planProblems(buildModel(parse(text)), plan)).toEqual([]);
  });
});

describe('entries inserted by sequence number', () => {
  it('tell the engineer to check the first sequence number, which a running-config does not show', () => {
    const model = buildModel(parse(['version 12.4', 'hostname R', '!', 'interface FastEthernet0/0.10', ' encapsulation dot1Q 10', ' ip address 10.1.10.1 255.255.255.0', ' ip access-group VLAN10-IN in', '!',
      'ip access-list extended VLAN10-IN', ' remark users', ' permit ip 10.1.10.0 0.0.0.255 any', '!', 'end'].join('\n')));
    const f = withIntents({ id: 'scanning-host', severity: 'warning', title: 't', evidence: [], remedy: { summary: 'Fix.', commands: [], caveats: [] } }, [
      { kind: 'block', interface: 'Fa0/0.10', direction: 'in', entries: ['deny tcp any any eq www'], hosts: ['10.1.10.55'], why: 'Block.' },
    ]);
    const built = buildPlan(model, [f], { router: 'R' });
    expect(built.plan.steps[0]!.commands).toEqual(['ip access-list extended VLAN10-IN', ' 1 deny tcp any any eq www']);
    expect(built.plan.steps[0]!.gate).toEqual([expect.stringContaining('show access-lists VLAN10-IN shows the sequence numbers: paste it only if its first entry is numbered above 1')]);
    expect(built.plan.precheck).toContain('show access-lists VLAN10-IN');
    expect(planProblems(model, built.plan)).toEqual([]);
  });
});

describe('PPP interfaces the flow tables name short', () => {
  const flows = (ifs: string, host: string) => SEED.replace(/Vl1(\s+)193\.23\.45\.35/g, (_m, sp: string) => `${ifs}${sp}${host}`);

  it('flows on Mu1 find the list already on interface Multilink1 and keep it whole', () => {
    const text = ['version 12.4', 'hostname R', '!', 'interface Multilink1', ' ip address 10.6.6.1 255.255.255.252', ' ip access-group T1-IN in', ' ppp multilink', '!',
      'ip access-list extended T1-IN', ' permit tcp any any established', ' deny ip any any', '!', 'end'].join('\n');
    const d = diagnose([{ source: 'r', text }, { source: 'flows.txt', text: flows('Mu1', '10.6.6.2') }]);
    const lines = d.plans![0]!.steps.flatMap((s) => s.commands);
    expect(lines).toEqual(expect.arrayContaining(['ip access-list extended T1-IN', ' 1 deny tcp any any eq www']));
    expect(lines.join('\n')).not.toContain('<');
    expect(planProblems(buildModel(parse(text)), d.plans![0]!)).toEqual([]);
  });

  it('flows on Vi3 (a PPP session) name Virtual-Access3 in full and point at the template, never at a new list', () => {
    const text = ['version 12.4', 'hostname R', '!', 'interface FastEthernet0/0', ' ip address 192.168.1.1 255.255.255.0', '!', 'interface Virtual-Template1', ' ip unnumbered FastEthernet0/0', ' ip access-group 120 in', '!',
      'access-list 120 permit ip any any', 'end'].join('\n');
    const d = diagnose([{ source: 'r', text }, { source: 'flows.txt', text: flows('Vi3', '192.168.1.77') }]);
    const plan = d.plans![0]!;
    const step = plan.steps.find((s) => s.findings.includes('scanning-host'))!;
    expect(plan.precheck).toContain('show ip interface Virtual-Access3 | include access list');
    expect(step.gate?.at(-1)).toContain('cloned from a Virtual-Template');
    expect(step.commands.some((l) => /ip access-group/.test(l))).toBe(false);
  });
});

describe('a config cut short', () => {
  it('a new list is bound only after the pre-check shows the interface unfiltered, in words', () => {
    // The last interface of a paste cut mid-body (no `end`): its access-group line may be what was lost.
    const text = ['version 12.4', 'hostname R', '!', 'interface FastEthernet0/0', ' ip address 10.7.7.1 255.255.255.0', ' ip nat inside'].join('\n');
    const model = buildModel(parse(text));
    const f = withIntents({ id: 'scanning-host', severity: 'warning', title: 't', evidence: [], remedy: { summary: 'Fix.', commands: [], caveats: [] } }, [
      { kind: 'block', interface: 'Fa0/0', direction: 'in', entries: ['deny tcp any any eq www'], hosts: ['10.7.7.9'], why: 'Block.' },
    ]);
    const built = buildPlan(model, [f], { router: 'R' });
    expect(built.plan.precheck).toContain('show ip interface FastEthernet0/0 | include access list');
    expect(built.plan.steps[0]!.gate?.[0]).toContain('names an inbound access list, do not paste it');
    // A list past the cut (a NAT list, a vty access-class) could already hold the number that looks free.
    expect(built.plan.precheck).toContain('show access-lists 150');
    expect(built.plan.steps[0]!.gate?.[1]).toContain('no closing end line, so it may be cut short: show access-lists 150 must print nothing');
    const whole = buildPlan(buildModel(parse(`${text}\n!\nend`)), [f], { router: 'R' });
    expect(whole.plan.precheck).not.toContain('show access-lists 150');
    expect(planProblems(model, built.plan)).toEqual([]);
  });
});

describe('part of a config that still ends in end', () => {
  // show running-config interface X, | begin interface, or a paste that starts below the top: an ACL number that
  // looks free may be bound elsewhere; appending to it would open that interface, and its back-out would delete it.
  const full = ['version 12.4', 'hostname P1', '!', 'interface FastEthernet0/0', ' ip address 10.0.0.1 255.255.255.0', ' ip access-group 150 in', '!',
    'interface FastEthernet0/1', ' ip address 10.0.1.1 255.255.255.0', '!', 'access-list 150 permit tcp any any eq 22', '!', 'end'].join('\n');
  const shown = (echo: string, body: string[]) =>
    [...(echo ? [`P1#${echo}`] : []), 'Building configuration...', '', 'Current configuration : 512 bytes', '!', ...body, 'end'].join('\n');
  const one = ['interface FastEthernet0/1', ' ip address 10.0.1.1 255.255.255.0', '!'];
  const block = withIntents({ id: 'scanning-host', severity: 'warning', title: 't', evidence: [], remedy: { summary: 'Fix.', commands: [], caveats: [] } }, [
    { kind: 'block', interface: 'FastEthernet0/1', direction: 'in', entries: ['deny tcp any any eq www'], hosts: ['10.0.1.9'], why: 'Block.' },
  ]);
  it.each([
    ['show running-config interface FastEthernet0/1', one, 'only part of the config (show running-config interface FastEthernet0/1)'],
    ['show running-config | begin interface FastEthernet0/1', one, 'shown through "| begin interface FastEthernet0/1"'],
    ['', one, 'missing its top (no version or hostname line)'],
  ])('%s: the free-looking number waits on show access-lists, and the whole router is safe', (echo, body, words) => {
    const lines = normaliseLines(shown(echo, body));
    const sections = diagnose([{ source: 'p.txt', text: lines.join('\n') }]).inputs;
    expect(sections.map((i) => i.kind)).toEqual(['show running-config']);
    const model = buildModel(runningConfigParser.parse({ lines, from: echo ? 1 : 0, to: lines.length, ...(echo.includes('|') ? { filter: echo.slice(echo.indexOf('|') + 1).trim() } : echo ? { args: echo.split(' ').slice(2).join(' ') } : {}) }).data);
    expect(model.partial).toBe(words);
    const built = buildPlan(model, [block], { router: 'P1' });
    expect(built.plan.precheck).toContain('show access-lists 150');
    expect(built.plan.steps[0]!.gate?.join(' ')).toContain(`The running-config pasted is ${words}, so it may not show everything the router has: show access-lists 150 must print nothing`);
    expect(routerProblems(buildModel(parse(full)), built.plan)).toEqual([]);
  });
  it('the same part read through diagnose: the command typed is what says so, and a missing ip cef line proves nothing', () => {
    const d = diagnose([{ source: 'p.txt', text: shown('show running-config interface FastEthernet0/1', one) }]);
    expect(d.findings.map((f) => f.id)).not.toContain('cef-not-enabled');
    const whole = diagnose([{ source: 'p.txt', text: ['version 12.0', 'hostname P1', '!', ...one, 'end'].join('\n') }]);
    expect(whole.findings.map((f) => f.id)).toContain('cef-not-enabled');
  });
});

describe('a rewritten route keeps what rides on it', () => {
  it('track, tag and name stay on the new route: a tracked default left untracked never fails over to the backup', () => {
    const text = ['version 12.4', 'hostname R', '!', 'interface FastEthernet0/0', ' ip address 203.0.113.2 255.255.255.0', '!', 'interface Dialer1', ' ip address negotiated', '!',
      'ip route 0.0.0.0 0.0.0.0 FastEthernet0/0 name WAN track 1 tag 5', 'ip route 0.0.0.0 0.0.0.0 Dialer1 250', 'end'].join('\n');
    const model = buildModel(parse(text));
    const f = withIntents({ id: 'default-route-to-broadcast-interface', severity: 'warning', title: 't', evidence: [], remedy: { summary: 'Fix.', commands: [], caveats: [] } }, [
      { kind: 'route', route: { prefix: '0.0.0.0', mask: '0.0.0.0', interface: 'FastEthernet0/0' }, nextHop: '203.0.113.1', why: 'Next hop.' },
    ]);
    const built = buildPlan(model, [f], { router: 'R' });
    expect(built.plan.steps[0]!.commands).toEqual(['ip route 0.0.0.0 0.0.0.0 203.0.113.1 name WAN track 1 tag 5', 'no ip route 0.0.0.0 0.0.0.0 FastEthernet0/0 name WAN track 1 tag 5']);
    expect(built.plan.rollback.flatMap((s) => s.commands)).toEqual(['ip route 0.0.0.0 0.0.0.0 FastEthernet0/0 name WAN track 1 tag 5', 'no ip route 0.0.0.0 0.0.0.0 203.0.113.1 name WAN track 1 tag 5']);
    expect(planProblems(model, built.plan)).toEqual([]);
  });

  it('a next hop the engineer fills in, or the tool worked out, is checked and pinged first (the old route goes in the same paste)', () => {
    const text = ['version 12.4', 'hostname R', '!', 'interface FastEthernet0/0', ' ip address 203.0.113.2 255.255.255.0', '!', 'ip route 0.0.0.0 0.0.0.0 FastEthernet0/0', 'end'].join('\n');
    const model = buildModel(parse(text));
    const route = (nextHop?: string) =>
      withIntents({ id: 'default-route-to-broadcast-interface', severity: 'warning', title: 't', evidence: [], remedy: { summary: 'Fix.', commands: [], caveats: [] } }, [
        { kind: 'route', route: { prefix: '0.0.0.0', mask: '0.0.0.0', interface: 'FastEthernet0/0' }, ...(nextHop ? { nextHop } : {}), why: 'Next hop.' },
      ]);
    const filled = buildPlan(model, [route()], { router: 'R' }).plan.steps[0]!;
    expect(filled.commands[0]).toMatch(/^ip route 0\.0\.0\.0 0\.0\.0\.0 <next-hop address on FastEthernet0\/0: /);
    expect(filled.gate).toEqual([expect.stringMatching(/^Fill in the address of the router beyond FastEthernet0\/0 .* ping that address first: paste it only if the ping answers\. .*take the default route with it/)]);
    expect(buildPlan(model, [route('203.0.113.1')], { router: 'R' }).plan.steps[0]!.gate).toEqual([
      expect.stringMatching(/^203\.0\.113\.1 is the tool's reading of what was pasted: confirm it is the router beyond FastEthernet0\/0 .*ping 203\.0\.113\.1 answers; paste it only then\. .*take the default route with it/),
    ]);
  });
});

describe('lists other features use, past the interfaces', () => {
  it('a crypto map ACL, a uRPF exception list and a directed-broadcast list are never edited in place nor reused', () => {
    const text = ['version 12.4', 'hostname R', '!', 'crypto map VPN 10 ipsec-isakmp', ' set peer 198.51.100.9', ' match address 101', '!',
      'interface FastEthernet0/0', ' ip address 10.8.8.1 255.255.255.0', ' ip access-group 101 in', ' ip verify unicast source reachable-via rx allow-default 150', ' ip directed-broadcast 151', '!',
      'access-list 101 permit ip 10.8.8.0 0.0.0.255 10.9.0.0 0.0.255.255', 'access-list 101 permit ip any any', 'end'].join('\n');
    const model = buildModel(parse(text));
    expect(model.aclUses).toMatchObject({ '101': 'match address 101', '150': 'ip verify unicast', '151': 'ip directed-broadcast 151' });
    const f = withIntents({ id: 'scanning-host', severity: 'warning', title: 't', evidence: [], remedy: { summary: 'Fix.', commands: [], caveats: [] } }, [
      { kind: 'block', interface: 'Fa0/0', direction: 'in', entries: ['deny tcp any any eq www'], hosts: ['10.8.8.9'], why: 'Block.' },
    ]);
    const lines = buildPlan(model, [f], { router: 'R' }).plan.steps.flatMap((s) => s.commands);
    expect(lines).not.toContain('ip access-list extended 101');
    expect(lines.some((l) => /^access-list 15[01] /.test(l))).toBe(false);
    expect(lines).toContain(' ip access-group 152 in');
  });
});

describe('a web server published through the interface the block faces', () => {
  it('the plan blocks the infected hosts only, the broad entry an alternative (margrave example 1: static NAT of port 80 on the outside interface)', () => {
    const text = readFileSync(join(DIR, 'margrave-example1.txt'), 'utf8');
    const d = diagnose([{ source: 'r', text }, { source: 'flows.txt', text: SEED.replace(/Vl1(\s+)193\.23\.45\.35/g, (_m, sp: string) => `Fa0${sp}209.172.108.20`) }]);
    const f = d.findings.find((x) => x.id === 'scanning-host')!;
    expect(f.remedy.caveats.join(' ')).toContain('publishes a web server through it: the broad entry would stop the web server published through that interface too, so the plan blocks port 80 from the infected hosts only');
    const lines = d.plans![0]!.steps.flatMap((x) => x.commands);
    expect(lines.some((l) => /deny tcp host 209\.172\.108\.20 any eq www/.test(l))).toBe(true);
    expect(lines.some((l) => /deny tcp any any eq www/.test(l))).toBe(false);
    expect(f.remedy.alternatives?.[0]?.summary).toMatch(/^Broad variant/);
    // Silent on the inside interface, where the broad entry stops the LAN's infected hosts scanning out.
    const inside = diagnose([{ source: 'r', text }, { source: 'flows.txt', text: SEED.replace(/Vl1(\s+)193\.23\.45\.35/g, (_m, sp: string) => `Vl1${sp}192.168.2.77`) }]);
    expect(inside.findings.find((x) => x.id === 'scanning-host')!.remedy.caveats.join(' ')).not.toContain('publishes a web server');
    expect(inside.plans![0]!.steps.flatMap((x) => x.commands).some((l) => /deny tcp any any eq www/.test(l))).toBe(true);
  });

  it('an inbound list that lets web requests in to a server: the same (no NAT); a reply port (eq www before the destination) is no server', () => {
    const config = (entry: string) =>
      ['version 15.4', 'hostname EDGE2', '!', 'interface GigabitEthernet0/0', ' ip address 203.0.113.2 255.255.255.248', ' ip access-group OUTSIDE-IN in', '!',
        'ip access-list extended OUTSIDE-IN', ` ${entry}`, ' permit tcp any any established', ' permit icmp any any', '!', 'end'].join('\n');
    const flows = SEED.replace(/Vl1(\s+)193\.23\.45\.35/g, (_m, sp: string) => `Gi0/0${sp}198.51.100.77`);
    const plan = (entry: string) => diagnose([{ source: 'r', text: config(entry) }, { source: 'flows.txt', text: flows }]).plans![0]!.steps.flatMap((x) => x.commands);
    expect(plan('permit tcp any host 203.0.113.3 eq www')).toContain(' 1 deny tcp host 198.51.100.77 any eq www');
    expect(plan('permit tcp any eq www any')).toContain(' 1 deny tcp any any eq www');
  });

  it('an interface that serves web logins (ip admission): the same, since its users\' port-80 requests are the login page\'s', () => {
    const config = (auth: boolean) =>
      ['version 15.1', 'hostname BR1', '!', 'ip admission name WEBAUTH proxy http', '!', 'interface GigabitEthernet0/1', ' ip address 10.20.0.1 255.255.255.0', ...(auth ? [' ip admission WEBAUTH'] : []), '!', 'end'].join('\n');
    const flows = SEED.replace(/Vl1(\s+)193\.23\.45\.35/g, (_m, sp: string) => `Gi0/1${sp}10.20.0.66`);
    const plan = (auth: boolean) => diagnose([{ source: 'r', text: config(auth) }, { source: 'flows.txt', text: flows }]).plans![0]!.steps.flatMap((x) => x.commands);
    expect(plan(true)).toContain('access-list 150 deny tcp host 10.20.0.66 any eq www');
    expect(plan(false)).toContain('access-list 150 deny tcp any any eq www');
  });

  it('a router whose own web server CME phones use (telephony-service url, ip http path): the same (red team, round 3)', () => {
    const config = (server: boolean) =>
      ['version 12.4', 'hostname CME', '!', 'interface GigabitEthernet0/1', ' ip address 10.20.0.1 255.255.255.0', '!', server ? 'ip http server' : 'no ip http server', 'ip http path flash:', '!',
        'telephony-service', ' max-ephones 24', ' url directories http://10.20.0.1/localdirectory', ' url services http://10.20.0.1/services.xml', '!', 'end'].join('\n');
    const flows = SEED.replace(/Vl1(\s+)193\.23\.45\.35/g, (_m, sp: string) => `Gi0/1${sp}10.20.0.66`);
    const plan = (server: boolean) => diagnose([{ source: 'r', text: config(server) }, { source: 'flows.txt', text: flows }]).plans![0]!.steps.flatMap((x) => x.commands);
    expect(plan(true)).toContain('access-list 150 deny tcp host 10.20.0.66 any eq www');
    expect(plan(true)).not.toContain('access-list 150 deny tcp any any eq www');
    // With the server off there is nothing of the router's to reach on port 80: the tech note's broad entry.
    expect(plan(false)).toContain('access-list 150 deny tcp any any eq www');
  });
});

describe('a router that inspects (CBAC)', () => {
  it('a copied inbound list says open sessions may have to reconnect; the in-place insert does not', () => {
    const body = ['hostname R', '!', 'interface Dialer1', ' ip address negotiated', ' ip access-group EXT_IN in', ' ip inspect EXT_OUT out', '!',
      'ip access-list extended EXT_IN', ' permit tcp any any eq 1415', ' deny ip any any', '!', 'end'];
    const f = () => withIntents({ id: 'scanning-host', severity: 'warning', title: 't', evidence: [], remedy: { summary: 'Fix.', commands: [], caveats: [] } }, [
      { kind: 'block', interface: 'Di1', direction: 'in', entries: ['deny tcp any any eq www'], hosts: ['198.51.100.7'], why: 'Block.' },
    ]);
    const old = buildModel(parse(['version 12.1', ...body].join('\n')));
    const copied = buildPlan(old, [f()], { router: 'R' });
    expect(copied.plan.steps[0]!.why).toContain('ip inspect on Dialer1');
    expect(planProblems(old, copied.plan)).toEqual([]);
    const inPlace = buildPlan(buildModel(parse(['version 12.4', ...body].join('\n'))), [f()], { router: 'R' });
    expect(inPlace.plan.steps[0]!.why).not.toContain('ip inspect');
  });

  it('the log-free copy of an inbound list says so too (red team: only the block path warned)', () => {
    const body = ['version 12.2', 'hostname R', '!', 'interface Serial0/0', ' ip address 192.0.2.1 255.255.255.252', ' ip access-group 101 in', ' ip inspect FW out', '!',
      'access-list 101 permit tcp any any eq 22', 'access-list 101 deny ip any any log', 'end'];
    const f = withIntents({ id: 'acl-log-keyword', severity: 'warning', title: 't', evidence: [], remedy: { summary: 'Fix.', commands: [], caveats: [] } }, [
      { kind: 'strip-log', acl: '101', why: 'Stop ACL 101 logging.' },
    ]);
    const built = buildPlan(buildModel(parse(body.join('\n'))), [f], { router: 'R' });
    expect(built.plan.steps[0]!.commands).toContain(' ip access-group 100 in');
    expect(built.plan.steps[0]!.why).toContain('ip inspect on Serial0/0');
  });
});

describe('an IOS-XE common list in front of the interface list (ip access-group common C I in)', () => {
  const config = (own: string[]) =>
    ['version 16.9', 'hostname ASR1', '!', 'interface GigabitEthernet0/0/1', ' ip address 10.50.0.1 255.255.255.0', ' ip access-group common COMMON-IN CAMPUS-IN in', '!',
      'ip access-list extended COMMON-IN', ' 10 deny ip 127.0.0.0 0.255.255.255 any', ...own, '!', 'end'].join('\n');
  const block = withIntents({ id: 'scanning-host', severity: 'warning', title: 't', evidence: [], remedy: { summary: 'Fix.', commands: [], caveats: [] } }, [
    { kind: 'block', interface: 'Gi0/0/1', direction: 'in', entries: ['deny tcp any any eq www'], hosts: ['10.50.0.9'], why: 'Block.' },
  ]);
  it('reads both lists: the interface list bound, the common one in front and never reused', () => {
    const model = buildModel(parse(config(['ip access-list extended CAMPUS-IN', ' 10 permit tcp 10.50.0.0 0.0.0.255 any eq 443'])));
    expect(model.interfaces['gigabitethernet0/0/1']).toMatchObject({ groups: { in: 'CAMPUS-IN' }, common: { in: 'COMMON-IN' } });
    expect(model.reservedAcls).toEqual(expect.arrayContaining(['COMMON-IN', 'CAMPUS-IN']));
  });
  it('inserts into the interface list by sequence number where it can; otherwise holds the change, never binding a copy over both', () => {
    const inPlace = buildPlan(buildModel(parse(config(['ip access-list extended CAMPUS-IN', ' 10 permit tcp 10.50.0.0 0.0.0.255 any eq 443']))), [block], { router: 'R' });
    expect(inPlace.plan.steps[0]!.commands).toEqual(['ip access-list extended CAMPUS-IN', ' 1 deny tcp any any eq www']);
    for (const own of [['ip access-list standard CAMPUS-IN', ' 10 permit 10.50.0.0 0.0.0.255'], []]) {
      const built = buildPlan(buildModel(parse(config(own))), [block], { router: 'R' });
      const lines = built.plan.steps.flatMap((s) => s.commands);
      expect(lines.filter((l) => /ip access-group/.test(l)), own.join('/')).toEqual([]);
      expect([...built.held.values()].flat().join(' ')).toContain('the common list COMMON-IN in front of ACL CAMPUS-IN');
    }
  });
});

describe('a log-free copy of a list something else uses', () => {
  const run = (lines: string[]) => diagnose([{ source: 'r', text: ['version 15.2', 'hostname R', '!', ...lines, '!', 'end'].join('\n') }]);
  it('keeps the old list when NAT uses it too (removing it would leave NAT matching nothing)', () => {
    const d = run(['interface GigabitEthernet0/1', ' ip address 10.1.1.1 255.255.255.0', ' ip access-group 110 in', ' ip nat inside', '!',
      'interface GigabitEthernet0/0', ' ip address 203.0.113.2 255.255.255.252', ' ip nat outside', '!',
      'ip nat inside source list 110 interface GigabitEthernet0/0 overload', 'access-list 110 permit ip 10.1.1.0 0.0.0.255 any log']);
    const f = d.findings.find((x) => x.id === 'acl-log-keyword')!;
    expect(f.remedy.caveats.join(' ')).toContain('Keep ACL 110 after the swap: "ip nat inside" uses it too');
    expect(f.remedy.caveats.join(' ')).not.toContain('no access-list 110');
  });
  it('holds the copy where the list sits in an IOS-XE common binding, and where no interface binds it', () => {
    const common = run(['interface GigabitEthernet0/0/1', ' ip address 10.50.0.1 255.255.255.0', ' ip access-group common COMMON-IN USERS-IN in', '!',
      'ip access-list extended COMMON-IN', ' 10 deny ip 127.0.0.0 0.255.255.255 any log', 'ip access-list extended USERS-IN', ' 10 permit ip any any log']);
    const lines = (d: ReturnType<typeof run>) => (d.plans ?? []).flatMap((p) => p.steps.flatMap((s) => s.commands));
    expect(lines(common).filter((l) => /ip access-group/.test(l))).toEqual([]);
    const caveats = common.findings.filter((x) => x.id === 'acl-log-keyword').flatMap((x) => x.remedy.caveats).join(' ');
    expect(caveats).toContain('is bound with ip access-group common on GigabitEthernet0/0/1 in');
    expect(caveats).toContain('COMMON-IN is bound as a common list');
    const unbound = run(['line vty 0 4', ' access-class 23 in', 'access-list 23 permit 10.0.0.0 0.255.255.255 log']);
    expect(lines(unbound).filter((l) => /^access-list \d+ /.test(l))).toEqual([]);
  });
});

describe('a remark printed with no number above a low-numbered entry (IOS-XE)', () => {
  it('is no room in front: three deny entries do not go in at 1-3 above "3 permit", the list is copied instead', () => {
    const text = ['version 16.12', 'hostname XE13', '!', 'interface GigabitEthernet0/0/1', ' ip address 10.10.10.1 255.255.255.0', ' ip access-group USERS-IN in', '!',
      'ip access-list extended USERS-IN', ' remark mgmt first', ' 3 permit tcp 10.10.10.0 0.0.0.255 host 10.10.10.1 eq 22', ' remark rest', ' 20 permit ip any any', '!', 'end'].join('\n');
    const model = buildModel(parse(text));
    const block = (entries: string[]) =>
      buildPlan(model, [withIntents({ id: 'scanning-host', severity: 'warning', title: 't', evidence: [], remedy: { summary: 'Fix.', commands: [], caveats: [] } }, [
        { kind: 'block', interface: 'Gi0/0/1', direction: 'in', entries, hosts: ['10.10.10.7'], why: 'Block.' },
      ])], { router: 'R' }).plan.steps[0]!.commands;
    expect(block(['deny tcp any any eq www'])).toEqual(['ip access-list extended USERS-IN', ' 1 deny tcp any any eq www']);
    const three = block(['deny tcp host 10.10.10.7 any eq www', 'deny tcp host 10.10.10.8 any eq www', 'deny tcp host 10.10.10.9 any eq www']);
    expect(three).not.toContain(' 3 deny tcp host 10.10.10.9 any eq www');
    expect(three).toContain(' ip access-group USERS-IN-BLOCK in');
  });
});

describe('one list on three subinterfaces, a host behind each', () => {
  it('the last step edits the list in place only after the steps that moved the others onto copies, and says so', () => {
    const text = ['version 15.2', 'hostname R', '!',
      ...[10, 20, 30].flatMap((v) => [`interface GigabitEthernet0/1.${v}`, ` encapsulation dot1Q ${v}`, ` ip address 10.10.${v}.1 255.255.255.0`, ' ip access-group VLAN-IN in', '!']),
      'ip access-list extended VLAN-IN', ' 10 permit ip any any', '!', 'end'].join('\n');
    const model = buildModel(parse(text));
    const f = (v: number) => withIntents({ id: 'scanning-host', severity: 'warning', title: `t${v}`, evidence: [], remedy: { summary: 'Fix.', commands: [], caveats: [] } }, [
      { kind: 'block', interface: `Gi0/1.${v}`, direction: 'in', entries: ['deny tcp any any eq www'], hosts: [`10.10.${v}.66`], why: 'Block.' },
    ]);
    const steps = buildPlan(model, [f(10), f(20), f(30)], { router: 'R' }).plan.steps;
    const inPlace = steps.find((s) => s.commands[0] === 'ip access-list extended VLAN-IN')!;
    expect(inPlace.gate?.join(' ')).toContain('Paste it only after the steps above that bind copies in place of ACL VLAN-IN on GigabitEthernet0/1.10 in, GigabitEthernet0/1.20 in');
    expect(steps.filter((s) => s !== inPlace).every((s) => !(s.gate ?? []).join(' ').includes('Paste it only after'))).toBe(true);
  });
});

describe('a service policy the NBAR class joins, applied on other interfaces too', () => {
  it('says the class marks there as well', () => {
    const text = ['version 15.2', 'hostname R', '!', ...['GigabitEthernet0/1', 'GigabitEthernet0/2'].flatMap((n, k) => [`interface ${n}`, ` ip address 10.${k}.0.1 255.255.255.0`, ' service-policy input LAN-QOS', '!']),
      'policy-map LAN-QOS', ' class class-default', '!', 'end'].join('\n');
    const model = buildModel(parse(text));
    const f = withIntents({ id: 'scanning-host', severity: 'warning', title: 't', evidence: [], remedy: { summary: 'Fix.', commands: [], caveats: [] } }, [
      { kind: 'policy', interface: 'Gi0/1', direction: 'input', classMap: 'http-hacks', policyMap: 'mark-inbound-http-hacks', match: 'match-any', matches: ['match protocol http url "*cmd.exe*"'], actions: ['set ip dscp 1'], why: 'Mark.' },
    ]);
    const step = buildPlan(model, [f], { router: 'R' }).plan.steps[0]!;
    expect(step.commands).toContain('policy-map LAN-QOS');
    expect(step.why).toContain('LAN-QOS is also applied on GigabitEthernet0/2 input: the class marks the worm\'s requests there too.');
  });
});

describe('a PFC3 / Sup2T flow mask widened to interface-full (red team: the back-out typed a line the config never had)', () => {
  it('backs out with no mls flow ip interface-full, the finding\'s own revert, and the model returns to its default', () => {
    const text = readFileSync(join(__dirname, '../parsers/show-mls-netflow-ip/fixtures/constructed-sup2t-destination-only.txt'), 'utf8');
    const d = diagnose([{ source: 'mls', text }]);
    const plan = d.plans![0]!;
    expect(plan.steps.flatMap((s) => s.commands)).toContain('mls flow ip interface-full');
    expect(plan.rollback.flatMap((r) => r.commands)).toEqual(['no mls flow ip interface-full']);
    const before = buildModel(undefined);
    const after = applySteps(applySteps(before, plan.steps.filter((s) => s.mode === 'config')).model, plan.rollback).model;
    expect(after.globals['mls flow ip'] === undefined || after.globals['mls flow ip'] === 'no mls flow ip interface-full').toBe(true);
  });
});

describe('a host behind a crypto map (red team, round 3): decrypted packets skip the inbound ACL from 12.3(8)T', () => {
  const config = (crypto: boolean) =>
    ['version 15.1', 'hostname HUB', '!', 'interface GigabitEthernet0/0', ' ip address 203.0.113.1 255.255.255.0', ' ip access-group OUTSIDE-IN in', ...(crypto ? [' crypto map VPNMAP'] : []), '!',
      'ip access-list extended OUTSIDE-IN', ' 10 permit esp any host 203.0.113.1', ' 20 permit udp any host 203.0.113.1 eq isakmp', ' 30 permit ip 10.17.0.0 0.0.255.255 any', '!', 'end'].join('\n');
  const flows = SEED.replace(/Vl1(\s+)193\.23\.45\.35/g, (_m, sp: string) => `Gi0/0${sp}10.17.4.33`);
  it('the step and the finding say the deny does not stop a host that comes through the tunnel', () => {
    const d = diagnose([{ source: 'r', text: config(true) }, { source: 'flows.txt', text: flows }]);
    const f = d.findings.find((x) => x.id === 'scanning-host')!;
    expect(f.remedy.caveats.join(' ')).toMatch(/GigabitEthernet0\/0 carries crypto map VPNMAP and 10\.17\.4\.33 is not on its subnets.*set ip access-group under the crypto map entry/);
    expect(d.plans![0]!.steps[0]!.why).toMatch(/no longer checked against the inbound ACL/);
  });
  it('silent without a crypto map there', () => {
    const d = diagnose([{ source: 'r', text: config(false) }, { source: 'flows.txt', text: flows }]);
    expect(JSON.stringify(d)).not.toMatch(/crypto map/);
  });
});
