// IPv6 deny entries in front of an interface's IPv6 filtering (`ipv6 traffic-filter`), never dropping an entry it had.
import { expandInterfaceName, placeholder } from '../rules/remedies';
import { boundElsewhere, cutListWords, type BlockCommands, type BlockRequest } from './block';
import { interfaceKey, type ConfigModel, type ModelAclEntry } from './config-model';
import type { NameAllocator } from './names';

/** The name a new IPv6 list starts from (`-2`, `-3`... when the config has it). */
const FRESH6 = 'BLOCK-WWW-V6';

const showFilter = (ifName: string) => `show running-config interface ${ifName} | include ipv6 traffic-filter`;

function seqLines(id: string, entries: readonly string[]): string[] {
  // (IOS's documented form puts the number after the entry: `deny tcp host 2001:DB8::5 any eq www sequence 1`.)
  return [`ipv6 access-list ${id}`, ...entries.map((e, k) => ` ${e} sequence ${k + 1}`)];
}

/** Entries 1..n fit in front of the list's first: they go in by sequence number, nothing is rebuilt. */
function room(list: readonly ModelAclEntry[], n: number): boolean {
  return list.every((e) => e.seq > n);
}

function gateSeq(show: string, n: number): string {
  return (
    `Paste it only if ${show} prints the list with entries, the first numbered (sequence) above ${n}. ` +
    `Anything else (no such list, no entries, an entry numbered ${n === 1 ? '1' : `1 to ${n}`}) means do not paste it: deny entries put into a list with none would be all it holds, and its implicit deny would drop all other IPv6 traffic arriving there (neighbor discovery aside); paste the whole running-config and the tool builds the change whole.`
  );
}

/** A new IPv6 list built whole (the entries, then `permit ipv6 any any`), then bound with one traffic-filter line. */
function fresh(names: NameAllocator, ifName: string, req: BlockRequest): { id: string; commands: string[] } {
  const id = names.ipv6Name(FRESH6);
  return { id, commands: [`ipv6 access-list ${id}`, ...[...req.entries, 'permit ipv6 any any'].map((e) => ` ${e}`), `interface ${ifName}`, ` ipv6 traffic-filter ${id} ${req.direction}`] };
}

/** The interface's IPv6 filtering cannot be seen: the pre-check names the list, and the entries go in at its top. */
function blind6(req: BlockRequest, model: ConfigModel): BlockCommands {
  const ifName = req.interface ? expandInterfaceName(req.interface) : undefined;
  const dirWord = req.direction === 'in' ? 'inbound' : 'outbound';
  const hosts = req.hosts.slice(0, 3);
  const resolve = req.resolve ?? (hosts[0] ? `show ipv6 neighbors ${hosts[0]}` : 'show ipv6 interface brief');
  const acl = ifName
    ? placeholder(`IPv6 list filtering ${ifName} ${req.direction}: ${showFilter(ifName)}`)
    : placeholder(`IPv6 list filtering the interface facing ${hosts.join(', ')} ${req.direction}: ${resolve} names the interface`);
  const seen = !model.known ? 'No running-config was pasted, so this plan cannot see' : 'The running-config pasted does not show';
  const what = ifName ?? `the interface facing ${hosts.join(', ')}`;
  return {
    commands: seqLines(acl, req.entries),
    undo: [`ipv6 access-list ${acl}`, ...req.entries.map((e) => ` no ${e}`)],
    how: `${seen} the IPv6 filtering on ${what}. Run the pre-checks first: they name its ${dirWord} IPv6 list (ipv6 traffic-filter), and these lines put the deny entries at its top by sequence number.`,
    gate: [
      gateSeq('show ipv6 access-list on that list', req.entries.length),
      `Do not paste it if show running-config | include with that list's name shows it used anywhere else (another ipv6 traffic-filter, an ipv6 access-class, a route-map): the deny entries would apply there too; paste the whole running-config and the tool copies the list instead.`,
      `If ${ifName ?? 'that interface'} has no ${dirWord} ipv6 traffic-filter, paste the running-config and the tool builds one; never bind a new list in its place.`,
    ],
    precheck: ifName ? [showFilter(ifName), 'show ipv6 access-list'] : [resolve, 'show ipv6 access-list'],
  };
}

/**
 * Commands that put `req.entries` (IPv6) in front of the IPv6 filtering on `req.interface`, in an order that never
 * leaves the interface unfiltered: a new or copied list is whole before the one `ipv6 traffic-filter` line binds it.
 */
export function blockCommands6(model: ConfigModel, names: NameAllocator, req: BlockRequest): BlockCommands {
  const key = req.interface ? interfaceKey(req.interface) : undefined;
  const iface = key ? model.interfaces[key] : undefined;
  if (!model.known || !iface || !key) return blind6(req, model);
  const dir = req.direction;
  const dirWord = dir === 'in' ? 'inbound' : 'outbound';
  const precheck = [showFilter(iface.name)];
  const old = iface.filters6?.[dir];
  if (old === undefined) {
    const { id, commands } = fresh(names, iface.name, req);
    return {
      commands,
      how: `${iface.name} has no ${dirWord} IPv6 list (ipv6 traffic-filter) in the running-config: IPv6 list ${id} (a name nothing else uses) is built whole, its last entry permitting all other IPv6 traffic, then bound.`,
      gate: [`If the pre-check (${showFilter(iface.name)}) names an ${dirWord} list, do not paste it: the running-config pasted is incomplete and binding ${id} would replace that list; paste the whole config again.`],
      precheck,
    };
  }
  const list = model.acls6?.[old];
  const show = `show ipv6 access-list ${old}`;
  const entries = list?.filter((e) => !/^remark\b/i.test(e.text)) ?? [];
  if (!list || entries.length === 0) {
    // A list missing, or holding no entries: deny entries put into it would become all it holds.
    if (!list && model.cutShort) {
      const b = blind6(req, model);
      return { ...b, how: `${iface.name} names IPv6 list ${old}, which the running-config pasted does not show (it may be cut short). ${b.how}`, precheck: [...precheck, show] };
    }
    const { id, commands } = fresh(names, iface.name, req);
    return {
      commands,
      how: `${iface.name} filters ${dirWord} IPv6 with list ${old}, which the running-config pasted ${list ? 'shows with no entries' : 'does not define'}: deny entries put into ${old} would leave it holding only them, whose implicit deny would drop all other IPv6 traffic arriving on ${iface.name}. IPv6 list ${id} (a name nothing else uses) is built whole, then bound in its place.`,
      gate: [`If the pre-check (${show}) lists entries, do not paste it: the running-config pasted is not the router's, and binding ${id} would replace that list; paste the whole config again.`],
      precheck: [...precheck, show],
    };
  }
  const elsewhere = boundElsewhere(model, old, key, dir, true);
  if (elsewhere.length === 0 && room(list, req.entries.length)) {
    return {
      commands: seqLines(old, req.entries),
      how: `${iface.name} already filters ${dirWord} IPv6 with list ${old}: the deny entries go in at its top by sequence number, every entry it had stays.`,
      gate: [gateSeq(show, req.entries.length), ...(model.cutShort ? [`Do not paste it if show running-config | include ${old}( |$) shows ${old} used anywhere else (another ipv6 traffic-filter, an ipv6 access-class, a route-map): the deny entries would apply there too.`] : [])],
      precheck: [...precheck, show],
    };
  }
  if (model.tailAcl === old) return { commands: [], how: '', precheck, held: cutListWords(old) };
  const id = names.copyOf(old, 'BLOCK');
  // Written in order with no numbers: IOS numbers them 10, 20, ... so the order is the list's (a number copied
  // from the old list could land between the deny entries).
  const body = [...req.entries, ...list.map((e) => e.text)];
  const reason = elsewhere.length ? `list ${old} is also used by ${elsewhere.join(', ')}, so it is not edited` : `list ${old} has no free sequence numbers in front of its first entry`;
  return {
    commands: [`ipv6 access-list ${id}`, ...body.map((e) => ` ${e}`), `interface ${iface.name}`, ` ipv6 traffic-filter ${id} ${dir}`],
    how: `${iface.name} already filters ${dirWord} IPv6 with list ${old}. ${reason[0]!.toUpperCase()}${reason.slice(1)}: IPv6 list ${id} holds the deny entries followed by every entry of ${old}, copied from the running-config in order, and one ipv6 traffic-filter line swaps it in.`,
    precheck: [...precheck, show],
  };
}
