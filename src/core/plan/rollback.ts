// The back-out: computed from the model before and after the plan, so it restores exactly what the plan changed.
import type { PlanMode } from '../types';
import { globalKey, normalGlobal, routeWords, type ConfigModel, type ModelAcl, type ModelRoute } from './config-model';

type Block = { mode: PlanMode; commands: string[] };

function sameRoute(a: ModelRoute, b: ModelRoute): boolean {
  return routeWords(a) === routeWords(b);
}

function deleteAcl(id: string, acl: ModelAcl): string {
  return acl.numbered ? `no access-list ${id}` : `no ip access-list ${acl.kind} ${id}`;
}

/** The `no` form that returns a global toggle to its default (absent) state. */
function undoGlobal(key: string, line: string): string {
  if (key === 'logging console') return 'logging console debugging';
  // `no mls flow ip interface-full` returns the flow mask to its default on every PFC (the finding's own revert); typing
  // `mls flow ip destination` would add a line the config never had, and PFC3 code takes only the interface- masks.
  // (Before PFC3, `mls flow ip destination` is the default typed back, as the finding's revert says there.)
  if (key === 'mls flow ip') return line.startsWith('no ') ? line.slice(3) : /\binterface-/.test(line) ? `no ${line}` : 'mls flow ip destination';
  if (line.startsWith('no ')) return line.slice(3);
  return `no ${key}`;
}

/**
 * Lines that take `after` back to `before`. Order keeps the router safe on the way back too: old routes return
 * before new ones go, old lists are rebound before the plan's new lists are deleted.
 */
export function rollbackSteps(before: ConfigModel, after: ConfigModel): Block[] {
  const lines: string[] = [];
  // Routes: put back what was removed, then remove what was added.
  // A route whose distance alone changed is put back by typing it again with the old distance, never removed.
  const gateway = (r: ModelRoute) => routeWords({ ...r, distance: undefined, options: undefined });
  for (const r of before.routes) if (!after.routes.some((x) => sameRoute(x, r))) lines.push(`ip route ${routeWords(r)}`);
  for (const r of after.routes) {
    if (before.routes.some((x) => sameRoute(x, r) || gateway(x) === gateway(r))) continue;
    lines.push(`no ip route ${routeWords(r)}`);
  }
  // Entries inserted by sequence number into a list that was there: remove them by number.
  for (const [id, acl] of Object.entries(after.acls)) {
    const old = before.acls[id];
    if (!old) continue;
    const added = acl.entries.filter((e) => !old.entries.some((o) => o.seq === e.seq && o.text === e.text));
    const removed = old.entries.filter((o) => !acl.entries.some((e) => o.seq === e.seq && o.text === e.text));
    if (added.length === 0 && removed.length === 0) continue;
    lines.push(`ip access-list ${acl.kind} ${id}`, ...added.map((e) => ` no ${e.seq}`), ...removed.map((e) => ` ${e.seq} ${e.text}`));
  }
  // The same for IPv6 lists: `no sequence N` for what went in, the entries taken out typed back at their numbers.
  for (const [id, list] of Object.entries(after.acls6 ?? {})) {
    const old = before.acls6?.[id];
    if (!old) continue;
    const added = list.filter((e) => !old.some((o) => o.seq === e.seq && o.text === e.text));
    const removed = old.filter((o) => !list.some((e) => o.seq === e.seq && o.text === e.text));
    if (added.length === 0 && removed.length === 0) continue;
    // (`no <entry>` removes the entry typed on every IOS with IPv6 lists; the number goes after an entry, as documented.)
    lines.push(`ipv6 access-list ${id}`, ...added.map((e) => ` no ${e.text}`), ...removed.map((e) => ` ${e.text} sequence ${e.seq}`));
  }
  // Interfaces: the old bindings, policies and settings.
  for (const [key, i] of Object.entries(after.interfaces)) {
    const o = before.interfaces[key];
    if (!o) continue;
    const body: string[] = [];
    for (const d of ['in', 'out'] as const) {
      if (o.groups[d] === i.groups[d]) continue;
      body.push(o.groups[d] !== undefined ? ` ip access-group ${o.groups[d]} ${d}` : ` no ip access-group ${i.groups[d]} ${d}`);
    }
    for (const d of ['in', 'out'] as const) {
      const [was, now] = [o.filters6?.[d], i.filters6?.[d]];
      if (was === now) continue;
      body.push(was !== undefined ? ` ipv6 traffic-filter ${was} ${d}` : ` no ipv6 traffic-filter ${now} ${d}`);
    }
    for (const d of ['input', 'output'] as const) {
      if (o.policies[d] === i.policies[d]) continue;
      body.push(o.policies[d] !== undefined ? ` service-policy ${d} ${o.policies[d]}` : ` no service-policy ${d} ${i.policies[d]}`);
    }
    for (const s of i.settings) if (!o.settings.includes(s)) body.push(s.startsWith('no ') ? ` ${s.slice(3)}` : ` no ${s}`);
    for (const s of o.settings) if (!i.settings.includes(s)) body.push(` ${s}`);
    if (body.length) lines.push(`interface ${i.name}`, ...body);
  }
  // What the plan created, now unbound: policy-maps before the class-maps they use, then lists.
  for (const p of Object.keys(after.policyMaps)) if (!(p in before.policyMaps)) lines.push(`no policy-map ${p}`);
  for (const [p, body] of Object.entries(after.policyMaps)) {
    const old = before.policyMaps[p];
    if (!old) continue;
    for (const l of body) if (l.startsWith('class ') && !old.includes(l)) lines.push(`policy-map ${p}`, ` no ${l}`);
  }
  for (const c of Object.keys(after.classMaps)) if (!(c in before.classMaps)) lines.push(`no class-map ${c}`);
  for (const [id, acl] of Object.entries(after.acls)) if (!before.acls[id]) lines.push(deleteAcl(id, acl));
  for (const id of Object.keys(after.acls6 ?? {})) if (!before.acls6?.[id]) lines.push(`no ipv6 access-list ${id}`);
  // Global toggles back to the line in force before (or the default).
  const keys = new Set([...Object.keys(before.globals), ...Object.keys(after.globals)]);
  for (const k of keys) {
    const b = before.globals[k];
    const a = after.globals[k];
    if (normalGlobal(k, b) === normalGlobal(k, a)) continue;
    lines.push(b !== undefined ? b : undoGlobal(globalKey(a!), a!));
  }
  return lines.length ? [{ mode: 'config', commands: lines }] : [];
}
