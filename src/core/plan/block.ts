// Deny entries in front of an interface's filtering, without ever dropping an entry it had.
import { isIPv4 } from '../text/lines';
import { expandInterfaceName, placeholder } from '../rules/remedies';
import { interfaceKey, type ConfigModel, type ModelAcl } from './config-model';
import type { NameAllocator } from './names';

export interface BlockCommands {
  commands: string[];
  /** Why, in the words of what the plan could see. */
  how: string;
  /** What the pre-checks must show before the step is pasted, one check a sentence (PlanStep.gate). */
  gate?: string[];
  precheck: string[];
  /** The back-out of lines the model cannot replay (they hold a placeholder). */
  undo?: string[];
  /** The ACL whose copy dropped its log keywords (it was asked to, in `BlockRequest.stripLog`). */
  stripped?: string;
  /** Nothing to paste (`commands` empty): why the step is held back, in words. */
  held?: string;
}

/** Why a list the paste may have cut is not copied: the words a finding's caveat gives. */
export function cutListWords(acl: string): string {
  return `The running-config pasted stops inside ACL ${acl} (its last line is one of ${acl}'s entries, and no closing end follows), so ${acl} may go on past the cut: a copy of what was pasted would drop the entries the router has after it, so the change that copies ${acl} is left out of the plan. Paste the whole running-config (terminal length 0 first) for it.`;
}

export interface BlockRequest {
  interface?: string;
  direction: 'in' | 'out';
  entries: string[];
  hosts: string[];
  unresolved?: string;
  resolve?: string;
  /** ACLs another finding wants without log keywords: a copy made here drops them too, so one copy serves both. */
  stripLog?: ReadonlySet<string>;
}

export function withoutLogKeywords(text: string): string {
  if (/^\s*(?:\d+\s+)?remark\b/i.test(text)) return text;
  const t = text.split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) {
    if (!/^log(-input)?$/i.test(t[i]!)) {
      out.push(t[i]!);
      continue;
    }
    // What `log` takes with it: IOS's syslog cookie (`log SPOOF`, 12.4(22)T), an ASA's level and interval
    // (`log 6 interval 300`). Left behind, the copy's line is one IOS refuses, and the bound copy lacks that entry.
    if (/^[0-7]$/.test(t[i + 1] ?? '')) i++;
    if (/^interval$/i.test(t[i + 1] ?? '') && /^\d+$/.test(t[i + 2] ?? '')) i += 2;
    else if (t[i + 1] !== undefined && !AFTER_LOG.has(t[i + 1]!.toLowerCase()) && /^[\w.-]{1,64}$/.test(t[i + 1]!)) i++;
  }
  return out.join(' ');
}

/** Words an entry may hold after `log` that are not its cookie. */
const AFTER_LOG = new Set(['time-range', 'fragments', 'ttl', 'option', 'dscp', 'precedence', 'tos', 'established', 'reflect', 'timeout', 'disable', 'default', 'interval', 'log', 'log-input']);

/** A standard entry (source only) as the extended entry matching the same packets. */
export function standardToExtended(text: string): string {
  const t = text.split(/\s+/);
  if (t[0] !== 'permit' && t[0] !== 'deny') return text;
  const log = t.slice(2).filter((x) => x === 'log' || x === 'log-input');
  const rest = t.slice(1).filter((x) => x !== 'log' && x !== 'log-input');
  let src: string;
  if (rest[0] === 'any') src = 'any';
  else if (rest[0] === 'host') src = `host ${rest[1]}`;
  else if (rest[1] && isIPv4(rest[1])) src = `${rest[0]} ${rest[1]}`;
  else src = `host ${rest[0]}`;
  return [t[0], 'ip', src, 'any', ...log].join(' ');
}

/** A list's lines: numbered, or named with its list-wide settings (NX-OS `fragments deny-all`) before the entries. */
export function aclLines(id: string, numbered: boolean, entries: string[], settings: readonly string[] = [], kind = 'extended'): string[] {
  return numbered ? entries.map((e) => `access-list ${id} ${e}`) : [`ip access-list ${kind} ${id}`, ...settings.map((x) => ` ${x}`), ...entries.map((e) => ` ${e}`)];
}

/**
 * Other interfaces/directions an ACL is bound to (`ipv6`: an IPv6 list's ipv6 traffic-filter bindings): editing it in
 * place would change their filtering too.
 */
export function boundElsewhere(model: ConfigModel, acl: string, key: string, dir: 'in' | 'out', ipv6 = false): string[] {
  const out: string[] = [];
  for (const [k, i] of Object.entries(model.interfaces)) {
    const bound = ipv6 ? i.filters6 : i.groups;
    for (const d of ['in', 'out'] as const) if (bound?.[d] === acl && !(k === key && d === dir)) out.push(`${i.name} ${d}`);
  }
  // A NAT list, a vty access-class or a route-map match: a deny put in front would change what they do too.
  const use = model.aclUses?.[acl];
  if (use !== undefined) out.push(`"${use} ..."`);
  return out;
}

/** Sequence numbers 1..n fit in front of the first entry: then the entries go in place, nothing is rebuilt. */
function insertionRoom(acl: ModelAcl, n: number): boolean {
  // (A remark printed with no number tells nothing of the numbers: the first numbered entry does.)
  return (acl.entries.find((e) => !e.unnumbered)?.seq ?? Infinity) > n && acl.entries.every((e) => e.unnumbered || e.seq > n);
}

/**
 * A running-config does not show sequence numbers (classic IOS): entries someone inserted at 1..n since the last
 * reload would refuse a line here, and the back-out's `no 1` would then remove theirs. The engineer checks first.
 */
/** What to do when the pre-check names no list: a PPP session's interface is cloned, so its list lives on the template. */
function noListYet(ifName: string | undefined, dirWord: string, known: boolean): string {
  // The config was pasted but says nothing of where these hosts are: what is missing is their interface, not the config.
  if (!ifName && known) {
    return `If it has no ${dirWord} ACL, paste show ip arp for these hosts (or the running-config of the router they are behind) and the tool places them and builds one; never bind a new list in its place.`;
  }
  if (ifName && /^Virtual-Access/i.test(ifName)) {
    return `${ifName} is a PPP session cloned from a Virtual-Template (or a dialer profile) and is never in the running-config: if it has no ${dirWord} ACL, ` +
      'the list belongs on that template and applies as sessions reconnect; never bind a new list over one the pre-check names.';
  }
  return `If it has no ${dirWord} ACL, paste the running-config and the tool builds one; never bind a new list in its place.`;
}

/**
 * CBAC before 12.3(4)T opens return traffic with temporary entries at the top of inbound lists: a copy swapped in
 * has none, so sessions already open may stall until they reconnect (filtering itself is kept whole).
 */
export function cbacWords(model: ConfigModel, old: string, dir: 'in' | 'out'): string {
  if (dir !== 'in' || !model.inspecting?.length) return '';
  return ` This router inspects traffic (ip inspect on ${model.inspecting.join(', ')}): on IOS before 12.3(4)T the temporary entries CBAC put in ACL ${old} are not in the copy, so sessions already open through it may have to reconnect; paste outside busy hours.`;
}

/**
 * When the blind step may be pasted, as one test on what `show access-lists` prints for the list the pre-check names:
 * an extended list (a standard one takes no port entries, and IOS refuses to edit it as extended) with entries (one
 * that does not exist, or is empty, lets everything through now: deny entries put into it would become all it holds),
 * the first numbered above n (an entry numbered 1 to n would refuse a line, and the back-out would remove it).
 */
function blindGate(n: number, nx: boolean): string[] {
  // NX-OS has one kind of IP list, and show ip access-lists prints it as "IP access list NAME".
  return [
    nx
      ? `Paste it only if show ip access-lists on that ACL prints an IP access list with entries, the first numbered above ${n}.`
      : `Paste it only if show access-lists on that ACL prints an Extended IP access list with entries, the first numbered above ${n}.`,
    `Anything else (no such list, no entries, ${nx ? '' : 'a Standard IP access list, '}an entry numbered ${n === 1 ? '1' : `1 to ${n}`}) means do not paste it: ` +
      'deny entries put into a list with none would be all it holds, and its implicit deny would drop everything else; paste the whole running-config and the tool builds the change whole.',
  ];
}

/**
 * The list the pre-check names may filter elsewhere too (bound on another interface or direction, a NAT rule, a vty
 * access-class, a route-map): the plan copies such a list when it can see it; blind, the engineer looks.
 */
function sharedGate(name?: string): string {
  return (
    // (`NAME( |$)`: the name alone, never a copy named NAME-BLOCK that a step above made.)
    `Do not paste it if show running-config | include ${name ? `${name}( |$)` : "with that ACL's name"} shows the ACL used anywhere else: another access-group line (another interface, or the other direction), an ip nat rule, a vty access-class or a route-map match. ` +
    'The deny entries would apply there too; paste the whole running-config and the tool copies the list instead.'
  );
}

function firstNumberCheck(show: string, n: number): string {
  return `${show} shows the sequence numbers: paste it only if its first entry is numbered above ${n} (an entry numbered ${n === 1 ? '1' : `1 to ${n}`} would refuse a line here, and the back-out would remove that entry).`;
}

function seqInsert(id: string, entries: string[]): string[] {
  return [`ip access-list extended ${id}`, ...entries.map((e, i) => ` ${i + 1} ${e}`)];
}

/** The plan cannot see the interface's ACL: the pre-check names it, and the entries go in at its top by sequence number. */
function blind(req: BlockRequest, model: ConfigModel): BlockCommands {
  const hosts = req.hosts.slice(0, 3);
  const ifName = req.interface ? expandInterfaceName(req.interface) : undefined;
  const dirWord = req.direction === 'in' ? 'inbound' : 'outbound';
  const resolve = req.resolve ?? (hosts[0] ? `show ip arp ${hosts[0]}` : 'show ip interface brief');
  const precheck = ifName
    ? [`show ip interface ${ifName} | include access list`, 'show running-config | section access-list']
    : [...(req.resolve ? [req.resolve] : hosts.flatMap((h) => [`show ip arp ${h}`, `show ip route ${h}`])), 'show running-config | section access-list'];
  const what = ifName ?? `the ${req.unresolved ?? `interface facing ${hosts.join(', ')}`}`;
  const acl = ifName
    ? placeholder(`${dirWord} ACL on ${ifName}: show ip interface ${ifName} | include access list`)
    : placeholder(`${dirWord} ACL on ${what}: ${resolve} names the interface, show ip interface on it | include access list the ACL`);
  const version = model.ios?.sequenceEditing === false ? [`This IOS (${model.ios.version}) does not take sequence numbers: do not paste it; paste the running-config for a plan that copies the list instead.`] : [];
  const seen = !model.known
    ? 'No running-config was pasted, so this plan cannot see the access lists on '
    : ifName
      ? 'The running-config pasted does not show the access list on '
      : req.unresolved
        ? 'What was pasted does not settle which interface that is, so this plan cannot see the access list on '
        : 'No interface of the running-config pasted has a subnet holding these hosts, and no ARP table pasted names theirs, so this plan cannot see the access list on ';
  return {
    commands: seqInsert(acl, req.entries),
    undo: [`ip access-list extended ${acl}`, ...req.entries.map((_, i) => ` no ${i + 1}`)],
    how: `${seen}${what}. Run the pre-checks first: they name its ${dirWord} ACL, and these lines put the deny entries at its top by sequence number (${model.platform === 'nx-os' ? 'NX-OS numbers every entry' : 'IOS 12.3(2)T / 12.2(14)S or later'}).`,
    gate: [...version, ...blindGate(req.entries.length, model.platform === 'nx-os'), sharedGate(), noListYet(ifName, dirWord, model.known)],
    precheck,
  };
}

/** A list nothing else uses, built whole (the entries, then `permit ip any any`), then bound on the interface. */
function freshList(names: NameAllocator, ifName: string, req: BlockRequest): { id: string; commands: string[] } {
  const id = names.extendedNumber();
  return { id, commands: [...aclLines(id, /^\d+$/.test(id), [...req.entries, 'permit ip any any']), `interface ${ifName}`, ` ip access-group ${id} ${req.direction}`] };
}

/**
 * The interface names a list the running-config does not define (`ip access-group 101 in`, no `access-list 101`): IOS
 * lets everything through a list that does not exist. Deny entries put into it would create it holding only them,
 * and its implicit deny would then drop everything else arriving there: the engineer's own session, when it comes in
 * that way. With the config read to its `end`, the list truly is missing: a new one is built whole (the
 * entries, then `permit ip any any`) and bound in its place, as for an interface with no list. Cut short, the list may
 * sit in the part not pasted: the entries go in at its top as for a list the plan cannot see, and the pre-check's
 * `show access-lists` is the gate either way, in words. `defined`: the list is there but holds no entries (remarks at
 * most), which IOS lets everything through too: a new list is built whole and bound in its place the same way.
 */
function dangling(req: BlockRequest, model: ConfigModel, names: NameAllocator, ifName: string, old: string, precheck: string[], defined = false): BlockCommands {
  const dirWord = req.direction === 'in' ? 'inbound' : 'outbound';
  const show = `show access-lists ${old}`;
  const nx = model.platform === 'nx-os';
  // (An NX-OS config prints no closing `end`: it is always read as possibly cut short, and gated.)
  if (!defined && model.cutShort) {
    // (The blind step's own gate says what to do when the list shows no entries.)
    const b = blind(req, model);
    const unseen = model.partial
      ? `does not show (it is ${model.partial})`
      : nx
        ? 'does not show (NX-OS prints no closing end, so a paste cut short cannot be told from a whole one)'
        : '(cut short before its end) does not show';
    return { ...b, how: `${ifName} names ACL ${old}, which the running-config pasted ${unseen}. ${b.how}`, precheck: [...precheck, show] };
  }
  const { id, commands } = freshList(names, ifName, req);
  return {
    commands,
    how:
      (defined
        ? `${ifName} filters ${dirWord} with ACL ${old}, which holds no entries in the running-config pasted (remarks at most): ${nx ? '' : 'IOS lets everything through a list with no entries, and '}deny entries put into ${old} would leave it holding only them, `
        : `${ifName} names ACL ${old} ${dirWord}, which the running-config pasted (read to its end) does not define: IOS lets everything through a list that does not exist, and deny entries put into ${old} would create it holding only them, `) +
      `whose implicit deny would drop everything else arriving on ${ifName}. ACL ${id} (a ${/^\d+$/.test(id) ? 'number' : 'name'} nothing else uses) is built whole, then bound in its place.`,
    gate: [`If the pre-check (${show}) lists entries, do not paste it: the running-config pasted is not the router's, and binding ${id} would replace that list; paste the whole config again.`],
    precheck: [...precheck, show],
  };
}

/** Why a block is held on an interface whose list sits behind an IOS-XE common list (and cannot be edited in place). */
function commonListWords(ifName: string, dirWord: string, common: string, old: string, why: string): string {
  return (
    `${ifName} filters ${dirWord} with the common list ${common} in front of ACL ${old} (ip access-group common), and ${why}, so the deny entries cannot go into ${old} in place. ` +
    `Binding a copy with one ip access-group line could drop ${common}: no change is pasted on ${ifName}. Block the hosts one hop closer to them, or rebuild the binding by hand in a maintenance window.`
  );
}

/**
 * Commands that put `req.entries` in front of the filtering on `req.interface`, in the order IOS needs so the
 * interface is never unfiltered: a new list is complete before the single `ip access-group` line binds it.
 */
export function blockCommands(model: ConfigModel, names: NameAllocator, req: BlockRequest): BlockCommands {
  const key = req.interface ? interfaceKey(req.interface) : undefined;
  const iface = key ? model.interfaces[key] : undefined;
  if (!model.known || !iface || !key) return blind(req, model);
  const dir = req.direction;
  const old = iface.groups[dir];
  const dirWord = dir === 'in' ? 'inbound' : 'outbound';
  const precheck = [`show ip interface ${iface.name} | include access list`];
  if (old === undefined) {
    const { id, commands } = freshList(names, iface.name, req);
    return {
      commands,
      // A paste cut short (a --More-- lost, a terminal buffer) can hide the one access-group line: binding over the
      // list it hid is the worst this tool could do, so the pre-check is the gate, in words.
      how: `${iface.name} has no ${dirWord} access list in the running-config: ACL ${id} (a ${/^\d+$/.test(id) ? 'number' : 'name'} nothing else uses) is built whole, then bound.`,
      gate: [`If the pre-check (show ip interface ${iface.name}) names an ${dirWord} access list, do not paste it: the running-config pasted is incomplete and binding ${id} would replace that list; paste the whole config again.`],
      precheck,
    };
  }
  const acl = model.acls[old];
  const common = iface.common?.[dir];
  // (A list the config does not show, or one with no entries, behind a common list: no new list is bound over it either.)
  if (common && !acl?.entries.some((e) => !e.text.startsWith('remark'))) {
    const why = acl ? `ACL ${old} holds no entries` : `the running-config pasted does not show ACL ${old}`;
    return { commands: [], how: '', precheck: [...precheck, `show access-lists ${old}`], held: commonListWords(iface.name, dirWord, common, old, why) };
  }
  if (!acl) return dangling(req, model, names, iface.name, old, precheck);
  // A list of remarks only lets everything through as a missing one does: deny entries must not become all it holds.
  if (!acl.entries.some((e) => !e.text.startsWith('remark'))) return dangling(req, model, names, iface.name, old, precheck, true);
  const elsewhere = boundElsewhere(model, old, key, dir);
  const seq = model.platform === 'nx-os' || model.ios?.sequenceEditing === true;
  if (seq && acl.kind === 'extended' && elsewhere.length === 0 && insertionRoom(acl, req.entries.length)) {
    return {
      commands: seqInsert(old, req.entries),
      how: `${iface.name} already filters ${dirWord} with ACL ${old}: the deny entries go in at its top by sequence number (${model.platform === 'nx-os' ? 'NX-OS' : 'IOS'}${model.ios ? ` ${model.ios.version}` : ''} takes them), every entry it had stays.`,
      // A config cut short may hide the list's other uses (NX-OS prints its lists before its interfaces).
      gate: [firstNumberCheck(`show access-lists ${old}`, req.entries.length), ...(model.cutShort ? [sharedGate(old)] : [])],
      precheck: [...precheck, `show access-lists ${old}`],
    };
  }
  // A copy of a list the paste may have cut would drop what the router has past the cut: no copy, in words.
  if (model.tailAcl === old) return { commands: [], how: '', precheck, held: cutListWords(old) };
  // A common list in front (IOS-XE): one ip access-group line swapping a copy in could drop it. No copy, in words.
  if (common) {
    const why = elsewhere.length
      ? `ACL ${old} is also used by ${elsewhere.join(', ')}`
      : acl.kind === 'standard'
        ? `ACL ${old} is a standard list and cannot hold port entries`
        : !seq
          ? `${model.ios ? `IOS ${model.ios.version}` : 'the IOS version (show version was not pasted)'} does not prove sequence-numbered editing`
          : `ACL ${old} has no free sequence numbers in front of its first entry`;
    return { commands: [], how: '', precheck: [...precheck, `show access-lists ${old}`], held: commonListWords(iface.name, dirWord, common, old, why) };
  }
  const strip = req.stripLog?.has(old) === true;
  const copied = acl.entries.map((e) => {
    const t = acl.kind === 'standard' ? standardToExtended(e.text) : e.text;
    return strip && !t.startsWith('remark') ? withoutLogKeywords(t) : t;
  });
  const fresh = names.extendedLike(old, 'BLOCK');
  const numbered = /^\d+$/.test(fresh);
  const reason = elsewhere.length
    ? `ACL ${old} is also used by ${elsewhere.join(', ')}, so it is not edited`
    : acl.kind === 'standard'
      ? `ACL ${old} is a standard list and cannot hold port entries`
      : !seq
        ? `${model.ios ? `IOS ${model.ios.version}` : 'The IOS version (show version was not pasted)'} does not prove sequence-numbered editing`
        : `ACL ${old} has no free sequence numbers in front of its first entry`;
  // (A list with no entries never gets here: dangling builds a new one instead.)
  const lines = [...req.entries, ...copied];
  return {
    commands: [...aclLines(fresh, numbered, lines, acl.settings), `interface ${iface.name}`, ` ip access-group ${fresh} ${dir}`],
    how:
      `${iface.name} already filters ${dirWord} with ACL ${old}. ${reason}: ACL ${fresh} holds the deny entries followed by every entry of ${old}, copied from the running-config in order` +
      `${acl.kind === 'standard' ? ' (as extended entries matching the same sources)' : ''}${strip ? ', without their log keywords' : ''}, and one ip access-group line swaps it in.` +
      cbacWords(model, old, dir),
    precheck: [...precheck, `show access-lists ${old}`],
    ...(strip ? { stripped: old } : {}),
  };
}
