// Hosts between the worker and the page as columns: a big diagnosis's hosts cross as a few typed arrays and string
// tables (handed over, not copied) and become objects again on the page, in a loop that makes each one at once.
// Posted as objects, the page's thread spent about 200 ms reading 72,516 of them back (a 100,000-row paste of many
// sources: most of the time between the worker's answer and the verdict on screen), and more collecting the garbage.
//
// Lossless for any host: one of the usual shape (the public host's keys, in its order, with the usual types) goes in
// the columns; any other (a flagged host's sharedTargetsWith, a field of an odd type) goes as the object it is.
import type { Host } from '../core/types';

/** The usual host's keys, in toPublicHost's order (core/diagnose.ts). */
const KEYS = ['ip', 'interface', 'flows', 'destinations', 'port80Flows', 'packetsPerFlow', 'verdict', 'variant', 'service', 'worm', 'failedFlows', 'reasons', 'inbound'] as const;

/** Hosts as columns (decodeHosts makes them objects again). */
export interface HostsWire {
  n: number;
  /** Every host's address, one a line. */
  ips: string;
  /** Strings many hosts share (interface, verdict, variant, service, worm), by number. */
  strings: string[];
  interface: Int32Array;
  verdict: Int32Array;
  variant: Int32Array;
  service: Int32Array;
  worm: Int32Array;
  flows: Float64Array;
  destinations: Float64Array;
  port80Flows: Float64Array;
  packetsPerFlow: Float64Array;
  failedFlows: Float64Array;
  /** The host's reasons, as a number in `reasonLists`. */
  reasons: Int32Array;
  reasonLists: string[][];
  inbound: Uint8Array;
  /** Hosts not of the usual shape, as they are, by their place. */
  others: [number, Host][];
}

/** Does `h` have exactly the usual keys, in order, with the usual types? */
function usual(h: Host): boolean {
  const keys = Object.keys(h);
  if (keys.length !== KEYS.length) return false;
  for (let i = 0; i < KEYS.length; i++) if (keys[i] !== KEYS[i]) return false;
  return (
    typeof h.ip === 'string' &&
    !h.ip.includes('\n') &&
    typeof h.interface === 'string' &&
    typeof h.flows === 'number' &&
    typeof h.destinations === 'number' &&
    typeof h.port80Flows === 'number' &&
    typeof h.packetsPerFlow === 'number' &&
    typeof h.verdict === 'string' &&
    typeof h.variant === 'string' &&
    typeof h.service === 'string' &&
    typeof h.worm === 'string' &&
    typeof h.failedFlows === 'number' &&
    Array.isArray(h.reasons) &&
    h.reasons.every((r) => typeof r === 'string') &&
    typeof h.inbound === 'boolean'
  );
}

/** Numbers for strings, each string kept once. */
class StringTable {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  number(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/** Reason lists by number, each list kept once. A list is known by its reasons' numbers, not by its text joined: joining
 * made a new string for every host, and hashing it was most of the encoding (72,516 hosts: 32 of 50 ms in Node). */
class ListTable {
  readonly values: string[][] = [];
  private readonly reasonIds = new Map<string, number>();
  /** A trie over reason numbers: a node's list is the one that ends there (or -1). */
  private readonly root: ListNode = { next: new Map(), list: -1 };
  /** The last list numbered (neighbours in a diagnosis often have equal reasons). */
  private last: readonly string[] = [];
  private lastNumber = -1;

  number(list: readonly string[]): number {
    if (this.lastNumber >= 0 && sameList(list, this.last)) return this.lastNumber;
    let node = this.root;
    for (const reason of list) {
      let id = this.reasonIds.get(reason);
      if (id === undefined) {
        id = this.reasonIds.size;
        this.reasonIds.set(reason, id);
      }
      let next = node.next.get(id);
      if (next === undefined) {
        next = { next: new Map(), list: -1 };
        node.next.set(id, next);
      }
      node = next;
    }
    if (node.list < 0) {
      node.list = this.values.length;
      this.values.push(list as string[]);
    }
    this.last = list;
    this.lastNumber = node.list;
    return node.list;
  }
}

interface ListNode {
  next: Map<number, ListNode>;
  list: number;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `hosts` as columns, and the buffers to hand over with them. */
export function encodeHosts(hosts: readonly Host[]): { wire: HostsWire; transfer: ArrayBuffer[] } {
  const n = hosts.length;
  const strings = new StringTable();
  const lists = new ListTable();
  const str = (s: string) => strings.number(s);
  const w: HostsWire = {
    n,
    ips: '',
    strings: strings.values,
    interface: new Int32Array(n),
    verdict: new Int32Array(n),
    variant: new Int32Array(n),
    service: new Int32Array(n),
    worm: new Int32Array(n),
    flows: new Float64Array(n),
    destinations: new Float64Array(n),
    port80Flows: new Float64Array(n),
    packetsPerFlow: new Float64Array(n),
    failedFlows: new Float64Array(n),
    reasons: new Int32Array(n),
    reasonLists: lists.values,
    inbound: new Uint8Array(n),
    others: [],
  };
  const ips = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const h = hosts[i]!;
    if (!usual(h)) {
      ips[i] = '';
      w.others.push([i, h]);
      continue;
    }
    ips[i] = h.ip;
    w.interface[i] = str(h.interface);
    w.verdict[i] = str(h.verdict);
    w.variant[i] = str(h.variant);
    w.service[i] = str(h.service!);
    w.worm[i] = str(h.worm!);
    w.flows[i] = h.flows;
    w.destinations[i] = h.destinations;
    w.port80Flows[i] = h.port80Flows;
    w.packetsPerFlow[i] = h.packetsPerFlow;
    w.failedFlows[i] = h.failedFlows;
    w.reasons[i] = lists.number(h.reasons);
    w.inbound[i] = h.inbound ? 1 : 0;
  }
  w.ips = ips.join('\n');
  const transfer = [w.interface, w.verdict, w.variant, w.service, w.worm, w.flows, w.destinations, w.port80Flows, w.packetsPerFlow, w.failedFlows, w.reasons, w.inbound].map((a) => a.buffer as ArrayBuffer);
  return { wire: w, transfer };
}

/** The hosts again, each a fresh object with the keys in the order it had (and its own reasons list). */
export function decodeHosts(w: HostsWire): Host[] {
  const out = new Array<Host>(w.n);
  const ips = w.n > 0 ? w.ips.split('\n') : [];
  const s = w.strings;
  const lists = w.reasonLists;
  let o = 0;
  for (let i = 0; i < w.n; i++) {
    if (o < w.others.length && w.others[o]![0] === i) {
      out[i] = w.others[o++]![1];
      continue;
    }
    out[i] = {
      ip: ips[i]!,
      interface: s[w.interface[i]!]!,
      flows: w.flows[i]!,
      destinations: w.destinations[i]!,
      port80Flows: w.port80Flows[i]!,
      packetsPerFlow: w.packetsPerFlow[i]!,
      verdict: s[w.verdict[i]!]! as Host['verdict'],
      variant: s[w.variant[i]!]! as Host['variant'],
      service: s[w.service[i]!]!,
      worm: s[w.worm[i]!]! as Host['worm'],
      failedFlows: w.failedFlows[i]!,
      reasons: lists[w.reasons[i]!]!.slice(),
      inbound: w.inbound[i] === 1,
    };
  }
  return out;
}
