// A small IOS interpreter: replays a change plan's lines on the config model, reporting the state after every line.
import type { ChangePlan, PlanMode } from '../types';
import { readAcl6Entry } from '../parsers/show-running-config/config-lines';
import { isIPv4 } from '../text/lines';
import { expandInterfaceName } from '../rules/remedies';
import {
  cloneModel,
  globalKey,
  interfaceKey,
  normalGlobal,
  numberedKind,
  type AclKind,
  type ConfigModel,
  type ModelAcl,
  routeOptions,
  type ModelRoute,
} from './config-model';

/** Exec-mode verbs: typed inside configure terminal (without `do`) each is `% Invalid input`. */
const EXEC_VERBS = new Set(['clear', 'undebug', 'debug', 'show', 'reload', 'write', 'copy', 'ping', 'traceroute', 'configure', 'terminal', 'set']);
/** Config-mode verbs: typed at the exec prompt each is `% Invalid input` (or worse, a partial match). */
const CONFIG_VERBS = new Set(['interface', 'access-list', 'ip', 'ipv6', 'no', 'class-map', 'policy-map', 'logging', 'mls', 'service-policy', 'router', 'hostname']);

/** `ip X` lines an interface takes; any other `ip ...` line leaves interface mode for global config, as in IOS. */
const INTERFACE_IP_WORDS = new Set(['accounting', 'proxy-arp', 'route-cache', 'nat', 'flow', 'directed-broadcast', 'redirects', 'unreachables', 'verify', 'mroute-cache', 'helper-address', 'mtu', 'tcp']);

export interface LineError {
  step: number;
  line: string;
  message: string;
}

type Context =
  | { kind: 'global' }
  | { kind: 'interface'; key: string }
  | { kind: 'acl'; id: string }
  | { kind: 'acl6'; id: string }
  | { kind: 'class-map'; name: string }
  | { kind: 'policy-map'; name: string }
  | { kind: 'policy-class'; policy: string };

/** One interpreter session: a model being changed and the config submode it is in. */
export class Session {
  readonly model: ConfigModel;
  private ctx: Context = { kind: 'global' };
  readonly errors: LineError[] = [];
  private step = 0;

  constructor(model: ConfigModel) {
    this.model = cloneModel(model);
  }

  private fail(line: string, message: string): void {
    this.errors.push({ step: this.step, line, message });
  }

  /** Enter config mode (configure terminal) for the lines of step `step`. */
  begin(step: number): void {
    this.step = step;
    this.ctx = { kind: 'global' };
  }

  exec(line: string): void {
    const first = line.trim().split(/\s+/)[0]!.toLowerCase();
    if (CONFIG_VERBS.has(first) || line.startsWith(' ')) this.fail(line, 'configuration command at the exec prompt');
    else if (!EXEC_VERBS.has(first)) this.fail(line, 'not an exec command this model knows');
  }

  config(raw: string): void {
    const line = raw.trim();
    const w = line.split(/\s+/);
    const lw = w.map((x) => x.toLowerCase());
    if (line === '' || line.startsWith('!')) return;
    if (line.includes('<')) return this.fail(raw, 'placeholder left in the line');
    // `set ip dscp 1` is a policy-map class line; `set mls flow full` (CatOS) is not config at all.
    if (this.ctx.kind === 'policy-class' && lw[0] === 'set' && this.subMode(raw, w, lw)) return;
    if (EXEC_VERBS.has(lw[0]!)) return this.fail(raw, 'exec command inside configure terminal (% Invalid input)');
    if (lw[0] === 'end') return this.fail(raw, 'end inside a config step');
    if (lw[0] === 'exit') {
      this.ctx = this.ctx.kind === 'policy-class' ? { kind: 'policy-map', name: this.ctx.policy } : { kind: 'global' };
      return;
    }
    // A sub-mode line first; a line the sub-mode does not take falls back to global config, as IOS does.
    if (this.ctx.kind !== 'global' && this.subMode(raw, w, lw)) return;
    this.ctx = { kind: 'global' };
    this.global(raw, w, lw);
  }

  private subMode(raw: string, w: string[], lw: string[]): boolean {
    const c = this.ctx;
    if (c.kind === 'acl') return this.aclLine(raw, c.id, w, lw);
    if (c.kind === 'acl6') return this.acl6Line(raw, c.id, w, lw);
    if (c.kind === 'interface') return this.interfaceLine(raw, c.key, w, lw);
    if (c.kind === 'class-map' && lw[0]?.startsWith('match')) {
      this.model.classMaps[c.name]!.push(w.join(' '));
      return true;
    }
    if (c.kind === 'policy-map' && lw[0] === 'no' && lw[1] === 'class' && w[2]) {
      const body = this.model.policyMaps[c.name]!;
      const at = body.indexOf(`class ${w[2]}`);
      if (at < 0) return this.fail(raw, `policy-map ${c.name} has no class ${w[2]}`), true;
      // The class and its indented actions go together.
      let end = at + 1;
      while (end < body.length && body[end]!.startsWith('  ')) end++;
      body.splice(at, end - at);
      return true;
    }
    if (c.kind === 'policy-map' && lw[0] === 'class' && w[1]) {
      this.model.policyMaps[c.name]!.push(`class ${w[1]}`);
      this.ctx = { kind: 'policy-class', policy: c.name };
      return true;
    }
    if (c.kind === 'policy-class' && ['set', 'police', 'drop', 'bandwidth', 'priority', 'shape'].includes(lw[0]!)) {
      this.model.policyMaps[c.policy]!.push(`  ${w.join(' ')}`);
      return true;
    }
    return false;
  }

  private aclLine(raw: string, id: string, w: string[], lw: string[]): boolean {
    const acl = this.model.acls[id]!;
    const seqEdit = this.model.ios?.sequenceEditing === true;
    if (lw[0] === 'no' && /^\d+$/.test(w[1] ?? '') && w.length === 2) {
      if (!seqEdit) this.fail(raw, 'sequence numbers need IOS 12.3(2)T / 12.2(14)S or later');
      const i = acl.entries.findIndex((e) => e.seq === Number(w[1]));
      if (i < 0) this.fail(raw, `ACL ${id} has no entry ${w[1]}`);
      else acl.entries.splice(i, 1);
      return true;
    }
    let k = 0;
    let seq: number | undefined;
    if (/^\d+$/.test(w[0] ?? '')) {
      if (!seqEdit) this.fail(raw, 'sequence numbers need IOS 12.3(2)T / 12.2(14)S or later');
      seq = Number(w[0]);
      k = 1;
    }
    // A list-wide line (NX-OS): kept with the list, once.
    if (k === 0 && /^(statistics per-entry|fragments (deny|permit)-all)$/.test(lw.join(' '))) {
      const set = (acl.settings ??= []).filter((x) => !(x.startsWith('fragments') && lw[0] === 'fragments'));
      if (!set.includes(lw.join(' '))) set.push(lw.join(' '));
      acl.settings = set;
      return true;
    }
    if (!['permit', 'deny', 'remark', 'dynamic', 'evaluate'].includes(lw[k] ?? '')) return false;
    this.addEntry(raw, id, acl, w.slice(k).join(' '), seq);
    return true;
  }

  /**
   * A line inside `ipv6 access-list NAME`: `permit|deny|remark ... [sequence N]` (IOS's documented form; a
   * running-config may print `sequence N` first), `no <entry>` (removes the entry typed) or `no sequence N`.
   */
  private acl6Line(raw: string, id: string, w: string[], lw: string[]): boolean {
    const list = this.model.acls6![id]!;
    const neg = lw[0] === 'no';
    // `no sequence N`: the entry of that number.
    if (neg && lw[1] === 'sequence' && /^\d+$/.test(w[2] ?? '') && w.length === 3) {
      const i = list.findIndex((e) => e.seq === Number(w[2]));
      if (i < 0) this.fail(raw, `IPv6 ACL ${id} has no entry ${w[2]}`);
      else list.splice(i, 1);
      return true;
    }
    // The entry as the config parser reads one (its number before or after it).
    const e = readAcl6Entry(id, neg ? w.slice(1) : w, 0);
    if (!e) return false;
    const { text, sequence: seq } = e;
    if (neg) {
      const i = list.findIndex((x) => x.text === text && (seq === undefined || x.seq === seq));
      if (i < 0) this.fail(raw, `IPv6 ACL ${id} has no entry ${text}`);
      else list.splice(i, 1);
      return true;
    }
    if (!/^remark\b/.test(text) && /\b\d{1,3}(\.\d{1,3}){3}\b/.test(text)) this.fail(raw, `an IPv4 address in IPv6 ACL ${id}`);
    if (list.some((x) => x.text === text)) return this.fail(raw, `IPv6 ACL ${id} already has that entry (% Duplicate)`), true;
    const s = seq ?? (list[list.length - 1]?.seq ?? 0) + 10;
    if (list.some((x) => x.seq === s)) return this.fail(raw, `IPv6 ACL ${id} already has entry ${s} (% Duplicate sequence number)`), true;
    list.push({ seq: s, text });
    list.sort((a, b) => a.seq - b.seq);
    return true;
  }

  private addEntry(raw: string, id: string, acl: ModelAcl, text: string, seq?: number): void {
    if (acl.kind === 'standard' && !validStandard(text)) this.fail(raw, `not a standard ACL entry for ${id}`);
    const last = acl.entries[acl.entries.length - 1]?.seq ?? 0;
    const s = seq ?? last + 10;
    if (acl.entries.some((e) => e.seq === s)) return this.fail(raw, `ACL ${id} already has entry ${s} (% Duplicate sequence number)`);
    acl.entries.push({ seq: s, text });
    acl.entries.sort((a, b) => a.seq - b.seq);
  }

  private interfaceLine(raw: string, key: string, w: string[], lw: string[]): boolean {
    const i = this.model.interfaces[key]!;
    const neg = lw[0] === 'no';
    const c = neg ? lw.slice(1) : lw;
    const v = neg ? w.slice(1) : w;
    if (c[0] === 'ip' && c[1] === 'access-group') {
      const dir = c[c.length - 1];
      if (dir !== 'in' && dir !== 'out') return this.fail(raw, 'access-group without a direction'), true;
      if (neg) {
        if (v.length === 4 && i.groups[dir] !== v[2]) this.fail(raw, `${i.name} has no access-group ${v[2]} ${dir}`);
        delete i.groups[dir];
      } else if (v.length === 4) i.groups[dir] = v[2]!;
      else this.fail(raw, 'access-group line not understood');
      return true;
    }
    if (c[0] === 'ipv6' && c[1] === 'traffic-filter') {
      const dir = c[3];
      if (v.length !== 4 || (dir !== 'in' && dir !== 'out')) return this.fail(raw, 'traffic-filter line not understood'), true;
      const f = (i.filters6 ??= {});
      if (neg) {
        if (f[dir] !== v[2]) this.fail(raw, `${i.name} has no ipv6 traffic-filter ${v[2]} ${dir}`);
        delete f[dir];
      } else f[dir] = v[2]!;
      if (!f.in && !f.out) delete i.filters6;
      return true;
    }
    if (c[0] === 'service-policy' && (c[1] === 'input' || c[1] === 'output') && v[2]) {
      if (neg) delete i.policies[c[1]];
      else {
        if (!this.model.policyMaps[v[2]]) this.fail(raw, `policy-map ${v[2]} is not defined`);
        i.policies[c[1]] = v[2];
      }
      return true;
    }
    if (c[0] === 'ip' && c[1] === 'address' && isIPv4(v[2] ?? '') && isIPv4(v[3] ?? '')) {
      const secondary = c[4] === 'secondary';
      i.addresses = i.addresses.filter((a) => !(a.address === v[2] && a.mask === v[3]) && (secondary || a.secondary));
      if (!neg) i.addresses.push({ address: v[2]!, mask: v[3]!, secondary });
      return true;
    }
    // Other interface toggles (`ip accounting`, `no ip proxy-arp`): kept as typed, `no X` removes X.
    if ((c[0] === 'ip' && INTERFACE_IP_WORDS.has(c[1] ?? '')) || c[0] === 'shutdown' || c[0] === 'description' || c[0] === 'rate-limit') {
      const body = v.join(' ');
      i.settings = i.settings.filter((s) => s !== body && s !== `no ${body}` && `no ${s}` !== body);
      if (!neg) i.settings.push(body);
      else if (!['ip accounting', 'shutdown'].includes(body)) i.settings.push(`no ${body}`);
      return true;
    }
    return false;
  }

  private global(raw: string, w: string[], lw: string[]): void {
    const m = this.model;
    const neg = lw[0] === 'no';
    const c = neg ? lw.slice(1) : lw;
    const v = neg ? w.slice(1) : w;
    if (c[0] === 'interface' && v[1]) {
      const key = interfaceKey(v.slice(1).join(''));
      if (neg) delete m.interfaces[key];
      else {
        // A plan names interfaces the config has: typing another one would create it (a Vlan or Loopback) on IOS.
        if (m.known && !m.interfaces[key]) this.fail(raw, 'interface not in the running-config');
        m.interfaces[key] ??= { name: expandInterfaceName(v.slice(1).join('')), addresses: [], groups: {}, policies: {}, settings: [] };
        this.ctx = { kind: 'interface', key };
      }
      return;
    }
    if (c[0] === 'access-list' && /^\d+$/.test(v[1] ?? '')) {
      const id = v[1]!;
      if (neg && v.length === 2) return void delete m.acls[id];
      if (neg) return this.fail(raw, '`no access-list N <entry>` deletes the whole list on IOS');
      const acl = (m.acls[id] ??= { kind: numberedKind(id), numbered: true, entries: [] });
      this.addEntry(raw, id, acl, v.slice(2).join(' '));
      return;
    }
    if (c[0] === 'ip' && c[1] === 'access-list' && (c[2] === 'standard' || c[2] === 'extended') && v[3]) {
      const id = v[3];
      const kind = c[2] as AclKind;
      if (neg) return void delete m.acls[id];
      if (/^\d+$/.test(id)) {
        if (numberedKind(id) !== kind) return this.fail(raw, `${id} is not a ${kind} ACL number`);
        if (m.ios?.sequenceEditing !== true) return this.fail(raw, 'editing a numbered ACL by name needs IOS 12.3(2)T / 12.2(14)S or later');
      }
      const acl = (m.acls[id] ??= { kind, numbered: /^\d+$/.test(id), entries: [] });
      if (acl.kind !== kind) return this.fail(raw, `ACL ${id} is ${acl.kind}, not ${kind}`);
      this.ctx = { kind: 'acl', id };
      return;
    }
    if (c[0] === 'ipv6' && c[1] === 'access-list' && v[2] && v.length === 3) {
      const id = v[2];
      if (neg) {
        if (m.acls6) delete m.acls6[id];
        return;
      }
      if (m.acls[id]) return this.fail(raw, `${id} is an IPv4 ACL (% Access-list type conflicts)`);
      (m.acls6 ??= {})[id] ??= [];
      this.ctx = { kind: 'acl6', id };
      return;
    }
    if (c[0] === 'ip' && c[1] === 'route') {
      const r = parseRoute(v.slice(2));
      if (!r) return this.fail(raw, 'route not understood');
      if (neg) {
        const before = m.routes.length;
        m.routes = m.routes.filter((x) => !routeMatches(x, r));
        if (m.routes.length === before) this.fail(raw, 'no such route to remove');
      } else {
        // One static route per prefix, mask and gateway: typing it with another distance changes that distance.
        m.routes = m.routes.filter((x) => !sameRoute({ ...x, distance: undefined, options: undefined }, { ...r, distance: undefined, options: undefined }));
        m.routes.push(r);
      }
      return;
    }
    if (c[0] === 'class-map' && v.length >= 2) {
      const name = v[v.length - 1]!;
      if (neg) return void delete m.classMaps[name];
      m.classMaps[name] ??= [];
      this.ctx = { kind: 'class-map', name };
      return;
    }
    if (c[0] === 'policy-map' && v[1]) {
      if (neg) return void delete m.policyMaps[v[1]];
      m.policyMaps[v[1]] ??= [];
      this.ctx = { kind: 'policy-map', name: v[1] };
      return;
    }
    if (raw.startsWith(' ')) return this.fail(raw, 'sub-mode line outside its block');
    // Everything else is a global toggle: the last line typed for its key is in force.
    const key = globalKey(line(w));
    if (neg && normalGlobal(key, line(w)) === '') delete m.globals[key];
    else m.globals[key] = line(w);
  }
}

function line(w: string[]): string {
  return w.join(' ');
}

/** Standard entries match a source only: `permit|deny any|host A|A [W] [log]`, or a remark. */
function validStandard(text: string): boolean {
  const t = text.split(/\s+/);
  if (t[0] === 'remark') return true;
  if (t[0] !== 'permit' && t[0] !== 'deny') return false;
  if (t[1] === 'any') return t.length <= 3;
  if (t[1] === 'host') return isIPv4(t[2] ?? '') && t.length <= 4;
  return isIPv4(t[1] ?? '') && t.length <= 4;
}

function parseRoute(words: string[]): ModelRoute | null {
  let k = 0;
  const r: Partial<ModelRoute> = {};
  if (words[0] === 'vrf' && words[1]) [r.vrf, k] = [words[1], 2];
  if (!isIPv4(words[k] ?? '') || !isIPv4(words[k + 1] ?? '')) return null;
  r.prefix = words[k]!;
  r.mask = words[k + 1]!;
  const opts: { name?: string; permanent?: boolean; track?: string; tag?: string } = {};
  const rest = words.slice(k + 2);
  for (let i = 0; i < rest.length; i++) {
    const x = rest[i]!;
    if (x === 'name' || x === 'track' || x === 'tag') {
      opts[x] = rest[++i];
      continue;
    }
    if (x === 'permanent') opts.permanent = true;
    else if (isIPv4(x)) r.nextHop ??= x;
    // Distance 1 is a static route's default: `... 10.0.0.2 1` and `... 10.0.0.2` are one route on IOS.
    else if (/^\d+$/.test(x)) r.distance ??= Number(x) === 1 ? undefined : Number(x);
    else r.interface ??= expandInterfaceName(x);
  }
  const options = routeOptions(opts);
  if (options) r.options = options;
  return r as ModelRoute;
}

function sameRoute(a: ModelRoute, b: ModelRoute): boolean {
  return a.vrf === b.vrf && a.prefix === b.prefix && a.mask === b.mask && a.interface === b.interface && a.nextHop === b.nextHop && a.distance === b.distance && a.options === b.options;
}

/** `no ip route P M [X]` removes the routes to P M that match what it names (all of them when it names nothing). */
function routeMatches(x: ModelRoute, r: ModelRoute): boolean {
  if (x.vrf !== r.vrf || x.prefix !== r.prefix || x.mask !== r.mask) return false;
  if (r.interface !== undefined && x.interface !== r.interface) return false;
  if (r.nextHop !== undefined && x.nextHop !== r.nextHop) return false;
  return r.distance === undefined || x.distance === r.distance;
}

export interface ReplayOptions {
  /** Called after every line with the model as it stands, the step index and the line. */
  onLine?: (model: ConfigModel, step: number, line: string) => void;
}

export interface Replay {
  model: ConfigModel;
  errors: LineError[];
}

/** Replays steps (a plan's, or its back-out's) on a copy of `model`. */
export function applySteps(model: ConfigModel, steps: readonly { mode: PlanMode; commands: readonly string[] }[], opts: ReplayOptions = {}): Replay {
  const s = new Session(model);
  steps.forEach((step, i) => {
    s.begin(i);
    for (const l of step.commands) {
      if (step.mode === 'config') s.config(l);
      else s.exec(l);
      opts.onLine?.(s.model, i, l);
    }
  });
  return { model: s.model, errors: s.errors };
}

/** Replays a whole plan's steps on `model`: the state after every line goes to `onLine`. */
export function apply(model: ConfigModel, plan: Pick<ChangePlan, 'steps'>, opts: ReplayOptions = {}): Replay {
  return applySteps(model, plan.steps, opts);
}

/** The model in a form two states can be compared in: global toggles at their defaults compare equal to absent. */
export function comparable(m: ConfigModel): ConfigModel {
  const c = cloneModel(m);
  const globals: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.globals)) {
    const n = normalGlobal(k, v);
    if (n !== '') globals[k] = n;
  }
  c.globals = globals;
  if (c.acls6 && Object.keys(c.acls6).length === 0) delete c.acls6;
  for (const i of Object.values(c.interfaces)) i.settings.sort();
  c.routes.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return c;
}
