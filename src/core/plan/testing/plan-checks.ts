// Test support (not product): the plan safety rules as one checker, shared by the property, corpus and example tests.
import type { ChangePlan, PlanStep } from '../../types';
import { applySteps, comparable } from '../apply';
import { standardToExtended, withoutLogKeywords } from '../block';
import { interfaceKey, isDefaultRoute, type ConfigModel, type ModelAclEntry } from '../config-model';
import { wholePlanParts } from '../plan-text';

const EXEC_WORDS = /^(clear|undebug|debug|show|reload|write|copy|set)\b/;
const CONFIG_WORDS = /^(interface|access-list|ip|no|class-map|policy-map|logging|mls|service-policy|router|hostname)\b/;
/** An engineer fills a next-hop placeholder with an address; lines with other placeholders cannot be replayed. */
const FILLED_HOP = '192.0.2.254';

/**
 * The blind step's gate (block.ts blindGate) on the list its pre-check names, `id` on this router: true when the words
 * say not to paste it (no such list, no entries, a standard list, a first entry numbered too low).
 */
/** An interface's ACL placeholder, in IOS's words or NX-OS's (`show running-config interface X` names its lists). */
const IFACE_ACL = /<(inbound|outbound) ACL on (\S+): show (?:ip interface \2 [^>]*|running-config interface \2(?: [^>]*)?)>/;

/** A step's words as the engineer reads them: why it is there, then what its pre-checks must show. */
export function stepWords(s: { why?: string; gate?: readonly string[] }): string {
  return [s.why ?? '', ...(s.gate ?? [])].join(' ');
}

function blindGateBlocks(why: string | undefined, router: ConfigModel, id: string): boolean {
  // (IOS's words name an Extended list; NX-OS's any IP list, its only kind.)
  const gate = why ? /Paste it only if show (?:ip )?access-lists on that ACL prints an (Extended )?IP access list with entries, the first numbered above (\d+)\./.exec(why) : null;
  if (!gate) return false;
  const acl = router.acls[id];
  return !acl || (gate[1] !== undefined && acl.kind !== 'extended') || entriesOf(router, id).length === 0 || acl.entries[0]!.seq <= Number(gate[2]);
}

/** A list's entries on this router, remarks left out (none for a list it does not have). */
function entriesOf(router: ConfigModel, id: string): ModelAclEntry[] {
  return router.acls[id]?.entries.filter((e) => !e.text.startsWith('remark')) ?? [];
}

/**
 * The steps as the engineer pastes them: a next-hop placeholder filled with an address, an interface's ACL placeholder
 * (`<inbound ACL on X: show ip interface X ...>`) with the list the router binds there, as its pre-check names it
 * (also one the config does not define, unless the step's words say not to paste it when that list shows no entries).
 * A step whose placeholder the engineer cannot fill (the pre-check names no list: the step says not to paste it then)
 * is left out, as are steps with other placeholders. `filled`: the ACL placeholders filled, for the back-out's steps
 * (filled only where the plan's were).
 */
function fill(
  steps: readonly { mode: PlanStep['mode']; commands: readonly string[]; why?: string; gate?: readonly string[] }[],
  m?: ConfigModel,
  filled: Set<string> = new Set(),
  back = false,
): { mode: PlanStep['mode']; commands: string[] }[] {
  const boundAcl = (l: string, why: string | undefined): string => {
    const p = IFACE_ACL.exec(l);
    const id = p && m ? m.interfaces[interfaceKey(p[2]!)]?.groups[p[1] === 'inbound' ? 'in' : 'out'] : undefined;
    if (!p || id === undefined) return l;
    if (back ? !filled.has(p[0]) : blindGateBlocks(why, m!, id)) return l;
    filled.add(p[0]);
    return l.replace(p[0], id);
  };
  return steps
    .map((s) => ({
      mode: s.mode,
      commands: s.commands.map((l) => (/^(no )?ip route /.test(l) ? l.replace(/<[^>]*>/, FILLED_HOP) : boundAcl(l, stepWords(s)))),
    }))
    .filter((s) => !s.commands.some((l) => l.includes('<')));
}

function normalEntry(text: string, standard: boolean): string {
  return withoutLogKeywords(standard ? standardToExtended(text) : text);
}

/** True when `want` appears in `have` in order (other entries may sit between and before). */
function inOrder(have: readonly string[], want: readonly string[]): boolean {
  let k = 0;
  for (const h of have) if (k < want.length && h === want[k]) k++;
  return k === want.length;
}

export interface Filtering {
  iface: string;
  dir: 'in' | 'out';
  entries: string[];
}

/** What each interface filtered before the plan: every bound, defined list's entries (remarks aside). */
export function filteringOf(m: ConfigModel): Filtering[] {
  const out: Filtering[] = [];
  for (const [key, i] of Object.entries(m.interfaces)) {
    for (const dir of ['in', 'out'] as const) {
      const id = i.groups[dir];
      const acl = id !== undefined ? m.acls[id] : undefined;
      if (!acl) continue;
      out.push({ iface: key, dir, entries: effective(acl.entries.filter((e) => !e.text.startsWith('remark')).map((e) => normalEntry(e.text, acl.kind === 'standard'))) });
    }
  }
  return out;
}

function currentEntries(m: ConfigModel, f: Filtering): string[] | undefined {
  const id = m.interfaces[f.iface]?.groups[f.dir];
  const acl = id !== undefined ? m.acls[id] : undefined;
  return acl ? effective(acl.entries.map((e) => normalEntry(e.text, acl.kind === 'standard'))) : undefined;
}

/** Entries up to the first that matches everything: those after it never match a packet. */
function effective(entries: string[]): string[] {
  const k = entries.findIndex((e) => e === 'permit ip any any' || e === 'deny ip any any');
  return k < 0 ? entries : entries.slice(0, k + 1);
}

/** JSON with object keys sorted, so two models compare whatever order their keys were set in. */
export function canon(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * The interfaces and directions that let everything through before the plan: no list bound, one the config does not
 * define, or one with no entries (remarks at most): IOS passes all through a list that does not exist or is empty.
 */
export function openOf(m: ConfigModel): { iface: string; dir: 'in' | 'out' }[] {
  const out: { iface: string; dir: 'in' | 'out' }[] = [];
  for (const [key, i] of Object.entries(m.interfaces)) {
    for (const dir of ['in', 'out'] as const) {
      const id = i.groups[dir];
      const acl = id !== undefined ? m.acls[id] : undefined;
      if (!acl || !acl.entries.some((e) => !e.text.startsWith('remark'))) out.push({ iface: key, dir });
    }
  }
  return out;
}

/**
 * The filtering rules, checked after each line replayed on `before`: no interface loses a filter it had, and what let
 * everything through still passes all but what the plan denies (a list holding only deny entries there, its implicit
 * deny, would cut off everything arriving that way, the engineer's own session among it). Returns the line's number.
 */
function filterChecks(before: ConfigModel, problems: string[], what = 'line'): (m: ConfigModel, step: number, text: string) => number {
  const had = filteringOf(before);
  const open = openOf(before);
  let line = 0;
  return (m, step, text) => {
    line++;
    for (const f of had) {
      const now = currentEntries(m, f);
      if (!now || !inOrder(now, f.entries)) problems.push(`after ${what} ${line} ("${text}", step ${step}) ${f.iface} ${f.dir} lost filtering`);
    }
    for (const o of open) {
      const now = currentEntries(m, { ...o, entries: [] })?.filter((e) => !e.startsWith('remark'));
      // (A bound list with no entries lets everything through too.)
      if (now && now.length > 0 && now.at(-1) !== 'permit ip any any') problems.push(`after ${what} ${line} ("${text}", step ${step}) ${o.iface} ${o.dir}, open before, drops everything its list does not permit`);
    }
    return line;
  };
}

/**
 * Whether a step's own words tell the engineer not to paste it on this router, as its pre-checks show it: a name that
 * must print nothing (a config cut short: what the plan creates may exist past the cut), a list that must or must not
 * list entries, an interface whose pre-check must name no list, a first entry that must be numbered above n.
 */
export function gatedOut(step: { why: string; gate?: readonly string[]; commands: readonly string[] }, router: ConfigModel): boolean {
  const why = stepWords(step);
  if (why.includes('does not take sequence numbers: do not paste it')) return true;
  // A step that names no list (its placeholder: the one the interface's pre-check names): blindGate's test on it.
  for (const l of step.commands) {
    const p = IFACE_ACL.exec(l);
    const id = p ? router.interfaces[interfaceKey(p[2]!)]?.groups[p[1] === 'inbound' ? 'in' : 'out'] : undefined;
    if (id === undefined) continue;
    if (blindGateBlocks(why, router, id)) return true;
    if (why.includes("shows the ACL used anywhere else") && usesOf(router, id).length > 1) return true;
  }
  const fresh = /:\s+((?:show [^,]+?)(?:, show [^,]+?)*) must print nothing before it is pasted/.exec(why);
  if (fresh) {
    for (const show of fresh[1]!.split(', ')) {
      const [, what, name] = /^show (?:ip )?(access-lists|class-map|policy-map) (\S+)$/.exec(show.trim()) ?? [];
      if (what === 'access-lists' && name && (name in router.acls || router.reservedAcls.includes(name))) return true;
      if (what === 'class-map' && name && name in router.classMaps) return true;
      if (what === 'policy-map' && name && name in router.policyMaps) return true;
    }
  }
  const some = /If the pre-check \(show (?:ip )?access-lists (\S+)\) lists entries, do not paste it/.exec(why);
  if (some && entriesOf(router, some[1]!).length > 0) return true;
  const named = /If the pre-check \(show (?:ip|running-config) interface (\S+)\) names an? (inbound|outbound) access list, do not paste it/.exec(why);
  if (named && router.interfaces[interfaceKey(named[1]!)]?.groups[named[2] === 'inbound' ? 'in' : 'out'] !== undefined) return true;
  const shared = /Do not paste it if show running-config \| include (\S+?)(?:\( \|\$\))? shows the ACL used anywhere else/.exec(why);
  if (shared && shared[1] !== 'with' && usesOf(router, shared[1]!).length > 1) return true;
  const first = /show (?:ip )?access-lists (\S+) shows the sequence numbers: paste it only if its first entry is numbered above (\d+)/.exec(why);
  if (first && (router.acls[first[1]!]?.entries[0]?.seq ?? Infinity) <= Number(first[2])) return true;
  return false;
}

/**
 * The plan on the router as it really is (`router`: its whole config), built from what was pasted (maybe cut short):
 * the engineer runs each step's pre-checks there and pastes only the steps their words allow (gatedOut), or pastes
 * the whole-plan copy without reading a word (`how`). No interface
 * may lose a filter it had, or drop all it does not permit where it let everything through, after any line pasted.
 */
export function routerProblems(seenRouter: ConfigModel, plan: ChangePlan, how: 'steps' | 'whole copy' = 'steps'): string[] {
  const problems: string[] = [];
  // A router whose IOS the pastes do not name: one that takes sequence numbers (an older one refuses those lines, and
  // the steps say which IOS they need).
  const router: ConfigModel = seenRouter.ios ? seenRouter : { ...seenRouter, ios: { version: '15.0', sequenceEditing: true } };
  // `whole copy`: every step the whole-plan copy may carry (planScript offers it only when none is left out; all of
  // them are held to it here, which is stronger) pasted in one go, no step's words read (its pre-checks run or not).
  const whole = new Set(wholePlanParts(plan).pasted);
  const kept = plan.steps.map((s, i) => (how === 'whole copy' ? whole.has(i + 1) : !gatedOut(s, router)));
  const pasted = plan.steps.filter((_, i) => kept[i]);
  const filled = new Set<string>();
  const replay = applySteps(router, fill(pasted, router, filled), { onLine: filterChecks(router, problems) });
  // (Two blind steps whose pre-checks name the same list both insert at sequence 1: IOS refuses the second line, the
  // list keeps the first's identical entry. Harmless, and no plan can see it coming.)
  for (const e of replay.errors) if (!/Duplicate sequence number/.test(e.message)) problems.push(`plan line "${e.line}": ${e.message}`);
  // A list the router had, edited in place, must filter only where the plan meant it to: one binding, no other use
  // (the deny entries would apply on every other interface, NAT rule, vty line or route-map that uses it), once the
  // plan is pasted (a step may first swap another binding of it to a copy).
  for (const [id, acl] of Object.entries(router.acls)) {
    const now = replay.model.acls[id];
    if (!now || JSON.stringify(now.entries.map((e) => e.text)) === JSON.stringify(acl.entries.map((e) => e.text))) continue;
    const uses = usesOf(replay.model, id);
    if (uses.length > 1) problems.push(`ACL ${id} was edited in place, though it is used by ${uses.join(', ')}`);
  }
  // Then the back-out of what was pasted (each part whose step was: a part names its step), on the router as it is
  // now: no filter lost on the way back either, and the config exactly as it was.
  // (A plan given without its back-out, an alternative checked alone: nothing to restore with.)
  if (plan.rollback.length === 0) return problems;
  const parts = plan.rollback.filter((r) => r.step === undefined || kept[r.step - 1] === true);
  const back = applySteps(replay.model, fill(parts, router, filled, true), { onLine: filterChecks(router, problems, 'back-out line') });
  for (const e of back.errors) problems.push(`back-out line "${e.line}": ${e.message}`);
  // Its filtering exactly (lists, and what each interface binds): a global toggle or a route the paste's cut hid is
  // not known to the plan, so its back-out can only put back what the paste showed (planProblems holds a whole
  // config's back-out to every line).
  const filtering = (m: ConfigModel) => {
    const c = comparable(m);
    return canon({ acls: c.acls, interfaces: Object.fromEntries(Object.entries(m.interfaces).map(([k, i]) => [k, { groups: i.groups, policies: i.policies }])) });
  };
  const [got, want] = [filtering(back.model), filtering(router)];
  if (got !== want) problems.push(`the back-out of the steps pasted does not restore the router's filtering:\n${got}\nvs\n${want}`);
  return problems;
}

/** Where a list filters or decides: its interface bindings, and a NAT rule, vty access-class or route-map match. */
function usesOf(m: ConfigModel, id: string): string[] {
  const out: string[] = [];
  for (const i of Object.values(m.interfaces)) for (const d of ['in', 'out'] as const) if (i.groups[d] === id) out.push(`${i.name} ${d}`);
  if (m.aclUses?.[id] !== undefined) out.push(m.aclUses[id]!);
  return out;
}

/** An alternative as its card offers it: a plan of that one step, its gate its own, no back-out (checked alone). */
export function alternativeAlone(plan: ChangePlan, alt: { commands: readonly string[]; gate?: readonly string[] }): ChangePlan {
  const step: PlanStep = { mode: 'config', findings: [], why: '', commands: [...alt.commands], ...(alt.gate ? { gate: [...alt.gate] } : {}) };
  return { ...plan, steps: [step], rollback: [] };
}

/**
 * A built plan pasted every way the page offers it, on the router as it is: step by step as each gate's words allow,
 * the whole-plan copy unread, and each alternative on its own by its gate. `as` turns a plan into the IOS lines the
 * checker reads (NX-OS plans: iosPlanOf). Each problem says which way it was pasted.
 */
export function problemsEveryWay(
  router: ConfigModel,
  built: { plan: ChangePlan; alternatives: ReadonlyMap<unknown, readonly { summary: string; commands: readonly string[]; gate?: readonly string[] }[]> },
  as: (p: ChangePlan) => ChangePlan = (p) => p,
): string[] {
  const problems = [...routerProblems(router, as(built.plan)), ...routerProblems(router, as(built.plan), 'whole copy').map((p) => `whole copy: ${p}`)];
  for (const alt of [...built.alternatives.values()].flat()) {
    if (alt.commands.length) problems.push(...routerProblems(router, as(alternativeAlone(built.plan, alt))).map((p) => `alternative "${alt.summary}": ${p}`));
  }
  return problems;
}

/** Every violation of the plan safety rules, in words; empty when the plan is safe. */
export function planProblems(before: ConfigModel, plan: ChangePlan): string[] {
  const problems: string[] = [];
  for (const [n, s] of plan.steps.entries()) {
    if (s.commands.length === 0) problems.push(`step ${n} is empty`);
    if (s.findings.length === 0) problems.push(`step ${n} serves no finding`);
    for (const l of s.commands) {
      const t = l.trim();
      if (/^(configure|conf t|end$)/.test(t)) problems.push(`step ${n} holds "${t}"`);
      if (s.mode === 'config' && !l.startsWith(' ') && EXEC_WORDS.test(t)) problems.push(`exec line "${t}" inside config step ${n}`);
      if (s.mode === 'exec' && (CONFIG_WORDS.test(t) || l.startsWith(' '))) problems.push(`config line "${t}" inside exec step ${n}`);
    }
  }
  const hadDefault = before.routes.some(isDefaultRoute);
  const filters = filterChecks(before, problems);
  const filled = new Set<string>();
  const replay = applySteps(before, fill(plan.steps, before, filled), {
    onLine(m, step, text) {
      const line = filters(m, step, text);
      if (hadDefault && !m.routes.some(isDefaultRoute)) problems.push(`after line ${line} ("${text}") there is no default route`);
    },
  });
  for (const e of replay.errors) problems.push(`plan line "${e.line}": ${e.message}`);
  // A list NAT, a vty line, SNMP or a route-map also uses keeps its entries: a deny in front would change them too.
  for (const [id, use] of Object.entries(before.aclUses ?? {})) {
    const [was, now] = [before.acls[id], replay.model.acls[id]];
    if (was && canon(now?.entries) !== canon(was.entries)) problems.push(`ACL ${id}, also used by "${use}", was edited`);
  }
  // Names: what the plan creates was free in the config, and is created by one step only. Creating is appending
  // entries (`access-list N ...`, or unnumbered lines under `ip access-list`) or defining a class-map; adding a
  // class to a policy-map or inserting numbered entries edits what is there.
  const created = new Map<string, number>();
  for (const [n, s] of plan.steps.entries()) {
    let inNamed: string | undefined;
    for (const l of s.commands) {
      const named = /^ip access-list (?:standard|extended) (\S+)$/.exec(l);
      if (named) {
        inNamed = named[1];
        continue;
      }
      const appended = inNamed !== undefined && /^ (permit|deny|remark)\b/.test(l) ? inNamed : undefined;
      if (!l.startsWith(' ')) inNamed = undefined;
      const m = /^(?:access-list (\d+) |class-map (?:match-any |match-all )?(\S+)$)/.exec(l);
      const id = appended ?? m?.[1] ?? m?.[2];
      if (!id || id.includes('<')) continue;
      const existed = id in before.acls || before.reservedAcls.includes(id) || id in before.classMaps || id in before.policyMaps;
      if (existed) problems.push(`step ${n} appends to ${id}, which the config already has`);
      else if (created.has(id) && created.get(id) !== n) problems.push(`${id} is created by steps ${created.get(id)} and ${n}`);
      created.set(id, n);
    }
  }
  // Back-out: replayed on the state after the plan, it gives back the config as it was.
  const back = applySteps(replay.model, fill(plan.rollback, before, filled, true));
  for (const e of back.errors) problems.push(`back-out line "${e.line}": ${e.message}`);
  const [got, want] = [canon(comparable(back.model)), canon(comparable(before))];
  if (got !== want) problems.push(`back-out does not restore the config:\n${got}\nvs\n${want}`);
  return problems;
}

/** Ids (ACLs, class-maps, policy-maps) that lines create and the config did not have. */
export function createdIds(before: ConfigModel, lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const m = /^(?:access-list (\d+) |ip access-list (?:standard|extended) ([^\s<]+)$|class-map (?:match-any |match-all )?(\S+)$|policy-map (\S+)$)/.exec(l);
    const id = m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4];
    if (id && !(id in before.acls) && !(id in before.classMaps) && !(id in before.policyMaps) && !out.includes(id)) out.push(id);
  }
  return out;
}
