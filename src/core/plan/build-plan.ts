// One change plan per router: every finding's remedy merged, ordered safely, replayed on the model as it is built.
import type { ChangePlan, Finding, FindingId, PlanMode, PlanStep } from '../types';
import { expandInterfaceName, placeholder } from '../rules/remedies';
import { applySteps, type LineError } from './apply';
import { aclLines, blockCommands, boundElsewhere, cbacWords, cutListWords, withoutLogKeywords } from './block';
import { blockCommands6 } from './block6';
import { knownHopGate, routeGate, sharedPolicyWords } from './step-words';
import { cloneModel, globalKey, interfaceKey, normalGlobal, routeWords, takesDhcpNextHop, unseenWords, type ConfigModel } from './config-model';
import { fallbackIntents } from './fallback-intents';
import { intentsOf, type BlockIntent, type PolicyIntent, type RemedyIntent, type RouteIntent } from './intents';
import { NameAllocator } from './names';
import { nxosConfigLines, nxosExecLine, nxosProse, nxosShow } from './nx-os';
import { rollbackSteps } from './rollback';
import { withSafetyNet } from './safety-net';

export interface PlanOptions {
  router: string;
  /** `reload in 10` first and `reload cancel` last, for a change made through the router itself. */
  safetyNet?: boolean;
}

export interface BuiltPlan {
  plan: ChangePlan;
  /** Each finding's part of the plan: the lines of the steps that serve it, in plan order. */
  parts: Map<Finding, string[]>;
  /** Alternatives rebuilt against the plan's model, so their names collide with nothing; each with its steps' gates. */
  alternatives: Map<Finding, { summary: string; commands: string[]; gate?: string[] }[]>;
  /** The model after the plan's replayable lines, and what the interpreter refused (placeholders excepted). */
  after: ConfigModel;
  errors: LineError[];
  /** On NX-OS: each finding's steps that have no NX-OS form here, as IOS lines, held back from the plan. */
  withheld: Map<Finding, string[]>;
  /** Steps held back for what the paste could not show (a list cut by its end), by finding: why, in words. */
  held: Map<Finding, string[]>;
}

interface Draft {
  mode: PlanMode;
  findings: FindingId[];
  owners: Finding[];
  why: string;
  /** What the pre-checks must show before the step is pasted (PlanStep.gate). */
  gate?: string[];
  commands: string[];
  undo?: string[];
}

const EXEC_FIRST = 0;
const ROUTES = 1;
const BLOCKS = 2;
const ACL_COPIES = 3;
const POLICIES = 4;
const GLOBALS = 5;
const INTERFACES = 6;
const EXEC_AFTER = 7;

/**
 * Add to `list` the items it does not hold yet, in order, through a Set: linear in both. (With list.includes, a block
 * step that gathered the entries and hosts of 5,000 infected sources made 12.5 million string compares, 115 ms of a
 * 1.8 s run; block() now gathers them in Sets of its own.)
 */
function pushUnique(list: string[], items: readonly string[]): void {
  if (items.length === 0) return;
  const seen = new Set(list);
  for (const i of items) {
    if (seen.has(i)) continue;
    seen.add(i);
    list.push(i);
  }
}

class PlanBuilder {
  work: ConfigModel;
  readonly names: NameAllocator;
  readonly precheck: string[] = [];
  readonly verify: string[] = [];
  readonly errors: LineError[] = [];
  /** ACLs wanted without log keywords (by finding), and those a block step's copy already stripped. */
  readonly stripWanted = new Map<string, Finding[]>();
  readonly stripped = new Set<string>();
  /** Steps held back (BuiltPlan.held). */
  readonly held = new Map<Finding, string[]>();

  private hold(fs: readonly Finding[], why: string): void {
    for (const f of fs) {
      const list = this.held.get(f) ?? [];
      if (!list.includes(why)) list.push(why);
      this.held.set(f, list);
    }
  }

  constructor(private readonly original: ConfigModel) {
    this.work = cloneModel(original);
    this.names = new NameAllocator(original);
  }

  /** Replay a config step on the working model (lines holding a placeholder cannot be replayed: their back-out is given). */
  commit(d: Draft): void {
    if (d.mode !== 'config') return;
    if (d.commands.some((l) => l.includes('<'))) return;
    const r = applySteps(this.work, [d]);
    this.work = r.model;
    this.errors.push(...r.errors);
  }

  route(items: { f: Finding; i: RouteIntent }[]): Draft | undefined {
    const { i } = items[0]!;
    const { distance, ...rest } = i.route;
    // Distance 1 is a static route's default, as the model reads it.
    const bare = distance !== undefined && distance !== 1 ? { ...rest, distance } : rest;
    // The route as the config has it, options (track, tag, name) included: the new route keeps them.
    const r = this.work.routes.find((x) => routeWords({ ...x, options: undefined }) === routeWords({ ...bare, options: undefined }));
    if (!r) return undefined;
    const dhcp = items.some((x) => x.i.dhcp);
    // A DHCP interface's gateway can change at lease renewal: a fixed address would cut the route then. IOS
    // 12.3(8)T and later take `dhcp` as the next hop; on an older or unknown IOS that line would fail and the
    // second one would leave no route, so the engineer is asked, in words, to check the version first.
    const dhcpHop = dhcp && this.work.ios !== undefined && takesDhcpNextHop(this.work.ios.version);
    const known = items.find((x) => x.i.nextHop)?.i;
    const nextHop = dhcp ? (dhcpHop ? 'dhcp' : undefined) : known?.nextHop;
    const ifName = r.interface ? expandInterfaceName(r.interface) : '';
    const vrf = r.vrf ? `vrf ${r.vrf} ` : '';
    const hop =
      nextHop ??
      (dhcp
        ? placeholder(`dhcp (IOS 12.3(8)T or later: show version) or, on older IOS, the gateway ${ifName} learned by DHCP: show dhcp lease`)
        : placeholder(`next-hop address on ${ifName}: show ip arp ${vrf}${ifName} or show cdp neighbors ${ifName} detail`));
    const fresh = { ...r, interface: undefined, nextHop: hop } as typeof r;
    delete fresh.interface;
    const add = `ip route ${routeWords(fresh)}`;
    const isDefault = r.prefix === '0.0.0.0' && r.mask === '0.0.0.0';
    // A VRF's route is in the VRF's table: the global table's would show the wrong route, before and after.
    const showRoute = `show ip route ${vrf}${isDefault ? '0.0.0.0' : r.prefix}`;
    pushUnique(this.precheck, [showRoute]);
    if (dhcp) pushUnique(this.precheck, ['show dhcp lease']);
    if (!nextHop && !dhcp) pushUnique(this.precheck, [`show ip arp ${vrf}${ifName}`, `show cdp neighbors ${ifName} detail`]);
    else if (!dhcp) pushUnique(this.precheck, [`show cdp neighbors ${ifName} detail`]);
    pushUnique(this.verify, [showRoute]);
    const dhcpWhy = dhcp
      ? ` ${ifName} takes its address by DHCP, so the next hop is the DHCP gateway (ip route ... dhcp), never a fixed address that a new lease could leave behind.` +
        (dhcpHop ? '' : ' That form needs IOS 12.3(8)T or later: check show version first; on an older IOS fill in the gateway show dhcp lease names, and expect to redo this if the lease changes it.')
      : '';
    return {
      mode: 'config',
      ...owners(items.map((x) => x.f)),
      why: `${i.why}${dhcpWhy} The new route goes in first and the old one comes out second, so the router has a ${isDefault ? 'default ' : ''}route at every moment, even if the paste is cut short.`,
      commands: [add, `no ip route ${routeWords(r)}`],
      undo: [`ip route ${routeWords(r)}`, `no ${add}`],
      // A next hop filled in by hand, or worked out by the tool: one that does not answer would take the route with
      // it (and a session that comes in that way) once the old route goes, in the same paste.
      ...(hop.includes('<') ? { gate: [routeGate(dhcp, ifName, r.vrf, isDefault)] } : nextHop && !dhcp ? { gate: [knownHopGate(nextHop, known?.nextHopWhy, ifName, r.vrf, isDefault)] } : {}),
    };
  }

  stripLog(f: Finding, acl: string, why: string): Draft | undefined {
    const old = this.work.acls[acl];
    if (!old) return undefined;
    if (this.work.tailAcl === acl) {
      this.hold([f], cutListWords(acl));
      return undefined;
    }
    const binds = (fresh: string) =>
      Object.values(this.work.interfaces).flatMap((x) =>
        (['in', 'out'] as const).filter((d) => x.groups[d] === acl).flatMap((d) => [`interface ${x.name}`, ` ip access-group ${fresh} ${d}`]),
      );
    // A block step already swapped in a log-free copy everywhere the list was bound: nothing left to do.
    if (this.stripped.has(acl) && binds('').length === 0) return undefined;
    // An IOS-XE common binding (the list as the common one, or behind one): one plain ip access-group line swapping
    // a copy in could drop the common list. No copy, in words.
    const common = Object.values(this.work.interfaces).flatMap((x) =>
      (['in', 'out'] as const).filter((d) => x.common?.[d] !== undefined && (x.common[d] === acl || x.groups[d] === acl)).map((d) => `${x.name} ${d}`),
    );
    if (common.length) {
      this.hold([f], `ACL ${acl} is bound with ip access-group common on ${common.join(', ')}: one ip access-group line swapping a log-free copy in could drop the common list, so no copy is made here. Take the log keywords out of ${acl} by hand, in a maintenance window.`);
      return undefined;
    }
    // Bound on no interface (NAT, a vty line or a route-map use it): a copy would be bound nowhere and change nothing.
    if (binds('').length === 0) {
      this.hold([f], `ACL ${acl} is bound with ip access-group on no interface in the running-config pasted, so a log-free copy would filter nothing: no change is pasted for it.`);
      return undefined;
    }
    const fresh = this.names.copyOf(acl, 'NOLOG');
    const bodies = old.entries.map((e) => (e.text.startsWith('remark') ? e.text : withoutLogKeywords(e.text)));
    const numbered = /^\d+$/.test(fresh);
    const lines = aclLines(fresh, numbered, bodies, old.settings, old.kind);
    return {
      mode: 'config',
      ...owners([f]),
      // (Bound inbound where CBAC inspects: its temporary entries in the old list are not in the copy.)
      why:
        `${why} ACL ${fresh} is ACL ${acl} entry for entry without the log keywords, built whole before one ip access-group line per interface swaps it in.` +
        (Object.values(this.work.interfaces).some((x) => x.groups.in === acl) ? cbacWords(this.work, acl, 'in') : ''),
      commands: [...lines, ...binds(fresh)],
    };
  }

  block(items: { f: Finding; i: BlockIntent }[]): Draft {
    const first = items[0]!.i;
    // Each once, in the order the findings give them (Sets keep insertion order).
    const entrySet = new Set<string>();
    const hostSet = new Set<string>();
    for (const { i } of items) {
      for (const e of i.entries) entrySet.add(e);
      for (const h of i.hosts) hostSet.add(h);
    }
    const entries = [...entrySet];
    const hosts = [...hostSet];
    const v6 = first.family === 'ipv6';
    const b = (v6 ? blockCommands6 : blockCommands)(this.work, this.names, {
      ...(first.interface ? { interface: first.interface } : {}),
      direction: first.direction,
      entries,
      hosts,
      ...(first.unresolved ? { unresolved: first.unresolved } : {}),
      ...(first.resolve ? { resolve: first.resolve } : {}),
      stripLog: new Set(this.stripWanted.keys()),
    });
    if (b.held) this.hold(items.map((x) => x.f), b.held);
    // An in-place edit of a list the router also binds elsewhere, which only this plan's earlier steps moved off
    // (each onto a copy): pasted without them, the deny entries would apply there too. It waits on them, in words.
    const edited = (v6 ? /^ipv6 access-list ([^\s<]+)$/ : /^ip access-list extended ([^\s<]+)$/).exec(b.commands[0] ?? '')?.[1];
    const inPlace = edited !== undefined && (v6 ? edited in (this.original.acls6 ?? {}) : true);
    if (edited && inPlace && first.interface) {
      const before = boundElsewhere(this.original, edited, interfaceKey(first.interface), first.direction, v6);
      if (before.length) (b.gate ??= []).push(`Paste it only after the steps above that bind copies in place of ACL ${edited} on ${before.join(', ')}: until they are in, ${edited} also filters there, and the deny entries would apply there too.`);
    }
    const helped = b.stripped ? (this.stripWanted.get(b.stripped) ?? []) : [];
    if (b.stripped) this.stripped.add(b.stripped);
    if (this.work.ios === undefined && !v6) b.precheck.push('show version | include Version');
    pushUnique(this.precheck, b.precheck);
    const whys: string[] = [];
    pushUnique(whys, items.map((x) => x.i.why));
    return { mode: 'config', ...owners([...items.map((x) => x.f), ...helped]), why: `${whys.join(' ')} ${b.how}`, ...(b.gate?.length ? { gate: b.gate } : {}), commands: b.commands, ...(b.undo ? { undo: b.undo } : {}) };
  }

  policy(f: Finding, p: PolicyIntent): Draft {
    const key = p.interface ? interfaceKey(p.interface) : undefined;
    const iface = key && this.work.known ? this.work.interfaces[key] : undefined;
    const cls = this.names.mqcName(p.classMap);
    const lines = [`class-map ${p.match} ${cls}`, ...p.matches.map((m) => ` ${m}`)];
    const existing = iface?.policies[p.direction];
    const body = [` class ${cls}`, ...p.actions.map((a) => `  ${a}`)];
    if (existing) {
      return {
        mode: 'config',
        ...owners([f]),
        why:
          `${p.why} ${iface!.name} already has service-policy ${p.direction} ${existing}: the class is added to that policy, which stays in place.` +
          sharedPolicyWords(this.work, existing, iface!.name),
        commands: [...lines, `policy-map ${existing}`, ...body],
      };
    }
    if (!iface) {
      // The interface's service policy cannot be seen: binding a new one could replace it, so the class goes into
      // the policy the pre-check names, as ACL entries do when the ACL cannot be seen.
      const ifName = p.interface ? expandInterfaceName(p.interface) : undefined;
      const check = ifName ? `show policy-map interface ${ifName} ${p.direction}` : (p.resolve ?? 'show ip interface brief');
      pushUnique(this.precheck, [check]);
      const where = ifName ?? `the ${p.unresolved ?? 'ingress interface'}`;
      return {
        mode: 'config',
        ...owners([f]),
        why:
          `${p.why} ${this.work.known ? 'The running-config pasted does not show' : 'No running-config was pasted, so this plan cannot see'} the service policy on ${where}: ` +
          `the class goes into the ${p.direction} policy the pre-check names.`,
        gate: [`Paste it only once the pre-check (${check}) names an ${p.direction} policy and you put its name in. If it has none, paste the running-config and the tool builds and binds one.`],
        commands: [...lines, `policy-map ${placeholder(`${p.direction} policy on ${where}: ${check}`)}`, ...body],
        undo: [`policy-map ${placeholder(`${p.direction} policy on ${where}: ${check}`)}`, ` no class ${cls}`, `no class-map ${cls}`],
      };
    }
    const pol = this.names.mqcName(p.policyMap);
    const where = iface.name;
    return {
      mode: 'config',
      ...owners([f]),
      why: p.why,
      commands: [...lines, `policy-map ${pol}`, ...body, `interface ${where}`, ` service-policy ${p.direction} ${pol}`],
    };
  }

  /** Global lines not already set by this plan or already in force. */
  globals(f: Finding, commands: string[], why: string, claimed: Map<string, string>, gate?: string[]): Draft | undefined {
    const keep = commands.filter((c) => {
      const k = globalKey(c);
      if (claimed.has(k)) return false;
      claimed.set(k, c);
      return normalGlobal(k, this.work.globals[k]) !== normalGlobal(k, c) || this.work.globals[k] === undefined;
    });
    return keep.length ? { mode: 'config', ...owners([f]), why, commands: keep, ...(gate?.length ? { gate: [...gate] } : {}) } : undefined;
  }
}

function owners(fs: Finding[]): { findings: FindingId[]; owners: Finding[] } {
  const ids: FindingId[] = [];
  for (const f of fs) if (!ids.includes(f.id)) ids.push(f.id);
  return { findings: ids, owners: [...new Set(fs)] };
}

/** Merge drafts with identical lines and mode (two findings asking for `clear arp-cache`). */
function mergeSame(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const same = out.find((o) => o.mode === d.mode && o.commands.join('\n') === d.commands.join('\n'));
    if (!same) out.push(d);
    else {
      for (const f of d.owners) if (!same.owners.includes(f)) same.owners.push(f);
      for (const id of d.findings) if (!same.findings.includes(id)) same.findings.push(id);
    }
  }
  return out;
}

/** Lists, class-maps and policy-maps a step creates: `access-list N`, `ip access-list K NAME`, `class-map [T] NAME`, `policy-map NAME`. */
function freshNames(model: ConfigModel, lines: readonly string[]): { id: string; show: string }[] {
  const out: { id: string; show: string }[] = [];
  for (const l of lines) {
    const m = /^(?:access-list (\d+) |ip access-list (?:standard|extended) ([^\s<]+)$|class-map (?:match-any |match-all )?([^\s<]+)$|policy-map ([^\s<]+)$|ipv6 access-list ([^\s<]+)$)/.exec(l);
    const acl = m?.[1] ?? m?.[2];
    if (acl && !(acl in model.acls) && !out.some((x) => x.id === acl)) out.push({ id: acl, show: `show access-lists ${acl}` });
    const acl6 = m?.[5];
    if (acl6 && !(acl6 in (model.acls6 ?? {})) && !out.some((x) => x.id === acl6)) out.push({ id: acl6, show: `show ipv6 access-list ${acl6}` });
    if (m?.[3] && !(m[3] in model.classMaps)) out.push({ id: m[3], show: `show class-map ${m[3]}` });
    if (m?.[4] && !(m[4] in model.policyMaps)) out.push({ id: m[4], show: `show policy-map ${m[4]}` });
  }
  return out;
}

/**
 * A config without its closing `end` may be cut short, and lists usually come after the interfaces: a number that
 * looks free may be a NAT list or a vty access-class past the cut, which `access-list N ...` would append to.
 */
function checkFreshNames(model: ConfigModel, d: Draft, precheck: string[]): void {
  const fresh = freshNames(model, d.commands);
  if (fresh.length === 0) return;
  pushUnique(precheck, fresh.map((x) => x.show));
  (d.gate ??= []).push(`${unseenWords(model)} ${fresh.map((x) => x.show).join(', ')} must print nothing before it is pasted (anything of that name past the cut would get these lines added to it).`);
}

export function buildPlan(model: ConfigModel, findings: readonly Finding[], opts: PlanOptions): BuiltPlan {
  const b = new PlanBuilder(model);
  const phases: Draft[][] = [[], [], [], [], [], [], [], []];
  const byIntent = findings.map((f) => ({ f, intents: intentsOf(f) ?? fallbackIntents(f) }));
  const routes = new Map<string, { f: Finding; i: RouteIntent }[]>();
  const blocks = new Map<string, { f: Finding; i: BlockIntent }[]>();
  for (const { f, intents } of byIntent) {
    for (const i of intents) {
      if (i.kind === 'route') {
        const k = routeWords(i.route);
        let items = routes.get(k);
        if (!items) routes.set(k, (items = []));
        items.push({ f, i });
      } else if (i.kind === 'block') {
        const k = `${i.interface ? interfaceKey(i.interface) : `?${i.unresolved ?? ''}|${i.hosts.join(',')}`} ${i.direction}${i.family ? ` ${i.family}` : ''}`;
        let items = blocks.get(k);
        if (!items) blocks.set(k, (items = []));
        items.push({ f, i });
      } else if (i.kind === 'precheck') pushUnique(b.precheck, i.commands);
      else if (i.kind === 'verify') pushUnique(b.verify, i.commands);
      else if (i.kind === 'exec') {
        for (const c of i.commands) phases[i.when === 'before' ? EXEC_FIRST : EXEC_AFTER]!.push({ mode: 'exec', ...owners([f]), why: i.why, commands: [c] });
      }
    }
  }
  const nxos = model.platform === 'nx-os';
  const withheld = new Map<Finding, string[]>();
  /**
   * On NX-OS, a step with a line this tool cannot write in its syntax is held back whole, before the model sees it;
   * on an ASA or IOS XR every step is (their commands are languages this tool does not write).
   */
  const expressible = (d: Draft): boolean => {
    if (!nxos && model.platform === undefined) return true;
    const ok = !nxos ? false : d.mode === 'config' ? nxosConfigLines(d.commands) !== null : d.commands.every((c) => nxosExecLine(c) !== null);
    if (!ok) for (const f of d.owners) withheld.set(f, [...(withheld.get(f) ?? []), ...d.commands]);
    return ok;
  };
  const run = (phase: number, d: Draft | undefined) => {
    if (!d || d.commands.length === 0 || !expressible(d)) return;
    phases[phase]!.push(d);
    b.commit(d);
  };
  for (const items of routes.values()) run(ROUTES, b.route(items));
  for (const { f, intents } of byIntent) {
    for (const i of intents) {
      if (i.kind !== 'strip-log') continue;
      let wanted = b.stripWanted.get(i.acl);
      if (!wanted) b.stripWanted.set(i.acl, (wanted = []));
      wanted.push(f);
    }
  }
  // Blocks before log-free copies: a block that copies a list drops its log keywords in the same copy.
  for (const items of blocks.values()) run(BLOCKS, b.block(items));
  for (const { f, intents } of byIntent) for (const i of intents) if (i.kind === 'strip-log') run(ACL_COPIES, b.stripLog(f, i.acl, i.why));
  for (const { f, intents } of byIntent) for (const i of intents) if (i.kind === 'policy') run(POLICIES, b.policy(f, i));
  const claimed = new Map<string, string>();
  for (const { f, intents } of byIntent) for (const i of intents) if (i.kind === 'global') run(GLOBALS, b.globals(f, i.commands, i.why, claimed, i.gate));
  for (const { f, intents } of byIntent) {
    for (const i of intents) {
      if (i.kind !== 'interface') continue;
      const name = b.work.interfaces[interfaceKey(i.interface)]?.name ?? expandInterfaceName(i.interface);
      const lines = i.commands.map((c) => c.trim());
      // The back-out of a line the model cannot replay (a placeholder interface): its `no` form, or the line a `no` removed.
      const undo = [`interface ${name}`, ...lines.map((c) => (c.startsWith('no ') ? ` ${c.slice(3)}` : ` no ${c}`))];
      run(INTERFACES, { mode: 'config', ...owners([f]), why: i.why, commands: [`interface ${name}`, ...lines.map((c) => ` ${c}`)], undo });
    }
  }
  // The tech note: with memory taken by a fast-switching cache, clear the ARP cache before enabling CEF (and after the
  // route that filled it is fixed). A clear the plan ends with goes in front of the step that turns CEF on instead.
  if (phases[GLOBALS]!.some((d) => d.commands.some((c) => /^ip cef\b/.test(c)))) {
    const clears = phases[EXEC_AFTER]!.filter((d) => d.commands.some((c) => /^clear (arp-cache|ip arp)\b/.test(c)));
    phases[EXEC_AFTER] = phases[EXEC_AFTER]!.filter((d) => !clears.includes(d));
    const moved = mergeSame(clears).filter(expressible).map((d) => ({ ...d, why: `${d.why} It comes before CEF is turned on: Cisco's advice is to clear the ARP cache before enabling CEF when memory is short.` }));
    phases[GLOBALS] = [...moved, ...phases[GLOBALS]!];
  }
  const drafts = phases.flatMap((p, n) => (n === EXEC_FIRST || n === EXEC_AFTER ? mergeSame(p).filter(expressible) : p));
  if (model.cutShort) for (const d of drafts) checkFreshNames(model, d, b.precheck);
  // Alternatives are built on the model after the plan, with the same allocator: no number or name is claimed twice.
  const alternatives = new Map<Finding, { summary: string; commands: string[]; gate?: string[] }[]>();
  for (const { f, intents } of byIntent) {
    const alts = intents.flatMap((i) => (i.kind === 'alternative' ? [i] : []));
    if (alts.length === 0) continue;
    alternatives.set(
      f,
      alts.map((a) => {
        // An alternative replaces the finding's own block: it is built on the config as it was, with the plan's names taken.
        const saved = b.work;
        b.work = cloneModel(model);
        const prechecks = b.precheck.length;
        const commands: string[] = [];
        const gate: string[] = [];
        // (A block held back, a list the paste may have cut: the alternative is not offered.)
        let held = false;
        for (const i of a.intents) {
          const d = i.kind === 'block' ? b.block([{ f, i }]) : b.policy(f, i);
          if (d.commands.length === 0) held = true;
          // Pasted from its card, it waits on the same checks as a plan step would.
          if (model.cutShort) checkFreshNames(model, d, b.precheck);
          pushUnique(gate, d.gate ?? []);
          commands.push(...d.commands);
          b.commit({ ...d, undo: undefined });
        }
        b.work = saved;
        b.precheck.length = prechecks;
        // On NX-OS, an alternative it has no form for here (NBAR's class-maps) comes back empty: it is not offered;
        // on an ASA or IOS XR every one does.
        const written = held ? [] : model.platform === undefined ? commands : nxos ? (nxosConfigLines(commands) ?? []) : [];
        return { summary: a.summary, commands: written, ...(written.length && gate.length ? { gate: nxos ? gate.map(nxosProse) : gate } : {}) };
      }),
    );
  }
  const after = b.work;
  if (drafts.length > 0) pushUnique(b.verify, ['show processes cpu sorted']);
  // Written out for the platform: on NX-OS every line in its syntax (each step was checked to have one above).
  const written = (mode: PlanMode, lines: string[]): string[] => {
    if (!nxos) return lines;
    const out = mode === 'config' ? nxosConfigLines(lines) : lines.map(nxosExecLine);
    if (out === null || out.some((l) => l === null)) throw new Error(`a line NX-OS has no form for here reached the plan: ${lines.join(' / ')}`);
    return out as string[];
  };
  const shows = (lines: string[]) => (nxos ? [...new Set(lines.map(nxosShow))] : lines);
  const prose = (t: string) => (nxos ? nxosProse(t) : t);
  const steps: PlanStep[] = drafts.map((d) => ({
    mode: d.mode,
    findings: d.findings,
    why: prose(d.why),
    commands: written(d.mode, d.commands),
    ...(d.gate?.length ? { gate: d.gate.map(prose) } : {}),
  }));
  // The back-out, a part a config step, last step first: each part reverses its own step only (its change on the model,
  // or its undo when it holds a placeholder), so an engineer who left a step out (its checks said so) leaves its part
  // out too. One diff of the whole plan would undo steps never pasted (a `no ip access-group` for a list never bound).
  const rollback: ChangePlan['rollback'] = [];
  let state = model;
  const states: [ConfigModel, ConfigModel][] = drafts.map((d) => {
    const before = state;
    if (d.mode === 'config' && !d.commands.some((l) => l.includes('<'))) state = applySteps(state, [d]).model;
    return [before, state];
  });
  for (let k = drafts.length - 1; k >= 0; k--) {
    const d = drafts[k]!;
    if (d.mode !== 'config') continue;
    const lines = d.commands.some((l) => l.includes('<')) ? (d.undo ?? []) : rollbackSteps(states[k]![0], states[k]![1]).flatMap((r) => r.commands);
    if (lines.length) rollback.push({ mode: 'config', commands: written('config', lines), step: k + 1 });
  }
  let plan: ChangePlan = { router: opts.router, precheck: shows(b.precheck), steps, verify: shows(b.verify), rollback, ...(nxos ? { platform: 'nx-os' as const } : {}) };
  if (opts.safetyNet) plan = withSafetyNet(plan);
  const parts = new Map<Finding, string[]>();
  for (const f of findings) parts.set(f, steps.filter((_, k) => drafts[k]!.owners.includes(f)).flatMap((st) => st.commands));
  return { plan, parts, alternatives, after, errors: b.errors, withheld, held: b.held };
}
