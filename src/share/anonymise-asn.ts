// Public BGP AS numbers name an organisation (whois answers who holds AS 26808): in a share link each gets a
// pseudonym in the private range, the same one wherever it stands (router bgp, remote-as, the neighbour table, AS
// paths, route distinguishers and targets, communities). Only AS positions are read, never every number: a count,
// a metric or a weight stays. Private, documentation and reserved numbers name nobody and stay as they are.
// Linear: every pattern is anchored or starts at a literal, and AS paths are walked token by token.
import { lineStampLength } from '../core/text/line-stamps';
import { halfSipHash, halfSipKey, type HalfSipKey } from './half-siphash';
import { commandStart } from './name-forms';

export interface AsnAnonymiser {
  /** Note the AS numbers a text holds (a private one already there is never given as a pseudonym). */
  learn(s: string): void;
  /** The text with every public AS number in an AS position replaced; line count unchanged. */
  text(s: string): string;
}

/** A public AS number: not private (64512-65534, 4200000000-4294967294), documentation (64496-64511, 65536-65551) or reserved. */
export function isPublicAsn(n: number): boolean {
  return (n >= 1 && n <= 64495 && n !== 23456) || (n >= 131072 && n <= 4199999999);
}

const PRIVATE16 = 64512;
const PRIVATE16_COUNT = 65534 - 64512 + 1;
const PRIVATE32 = 4200000000;
const PRIVATE32_COUNT = 4294967294 - 4200000000 + 1;

/** An AS number as written: asplain (`26808`, `4200000001`) or asdot (`1.10`). */
const ASN = String.raw`\d{1,10}(?:\.\d{1,5})?`;

// Where the syntax or a show command puts one AS number (group 2), after its keyword (group 1).
const SINGLE: RegExp[] = [
  new RegExp(String.raw`(\brouter\s+bgp\s+)(${ASN})(?![\w.])`, 'g'),
  new RegExp(String.raw`(\b(?:remote-as|local-as)\s+)(${ASN})(?![\w.])`, 'g'),
  // show ip bgp summary's `local AS number 26808`, show ip bgp neighbors' `remote AS 7018`, `local AS 26808`.
  new RegExp(String.raw`(\b(?:[Rr]emote|[Ll]ocal)\s+AS(?:\s+number)?:?\s+)(${ASN})(?![\w.])`, 'g'),
  // show ip protocols' `Routing Protocol is "bgp 26808"`, show ip route's `Known via "bgp 26808"`, redistribution.
  new RegExp(String.raw`("bgp\s+|\bredistribute\s+bgp\s+|\bbgp\s+confederation\s+identifier\s+|\bBGP Protocol Tag\s*:\s*|\baggregated by\s+)(${ASN})(?![\w.])`, 'g'),
];
// Lists of AS numbers after a keyword (group 1), separated by blanks (group 2).
const LISTS: RegExp[] = [
  new RegExp(String.raw`(\bbgp\s+confederation\s+peers\s+)(${ASN}(?:\s+${ASN}){0,63})(?![\w.])`, 'g'),
  new RegExp(String.raw`(\bset\s+as-path\s+prepend\s+)(${ASN}(?:\s+${ASN}){0,63})(?![\w.])`, 'g'),
  // NX-OS show ip bgp detail: `AS-Path: 7018 3356 64496 , path sourced external to AS`.
  new RegExp(String.raw`(\bAS-Path:\s+)(${ASN}(?:\s+${ASN}){0,255})(?![\w.])`, 'g'),
];

/** Lines where `N:M` is an AS and a number (route distinguishers, route targets, communities). */
const COMMUNITY_LINE = /\b(?:rd|RD|route-target|RT|SoO|extcommunity|community|Community|Distinguisher|community-list)\b/;
// The AS before the colon (group 1), the assigned number after it (group 2): not part of a time or an address.
const COMMUNITY = /(?<=^|[\s,("']|\bRT:|\bSoO:|\brt:|\bsoo:)(\d{1,10})(:\d{1,10})(?![\w:.])/g;

/** An AS-path access list's regular expression: its numbers outside `[...]` and `{...}` are AS numbers. */
const AS_PATH_LIST = /^(\s*(?:ip\s+)?as-path\s+access-list\s+\S{1,64}\s+(?:seq\s+\d{1,10}\s+)?(?:permit|deny)\s+)(\S[^\n]{0,1000})$/;

// show ip bgp summary: the neighbour table's heading, and its rows (`198.51.100.1  4  7018  1234 ...`; IOS XR's
// speaker column in place of the version; a long IPv6 neighbour alone on the line above its numbers).
const NEIGHBOR_HEADING = /^\s*Neighbor\s+(?:V|Spk)\s+AS\s+MsgRcvd\s+MsgSent/;
const NEIGHBOR_ROW = new RegExp(String.raw`^(\s*(?:\S{1,64}\s+)?\d{1,3}\s+)(${ASN})(?=\s+\d+\s+\d+\s+\d+\s)`);
// Without its heading (a diagnosis's quoted line): the full IOS/NX-OS row shape, version 4, an address first.
const NEIGHBOR_ROW_ALONE = new RegExp(String.raw`^(\s*(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]{2,39}:[0-9A-Fa-f]{0,4})\s+4\s+)(${ASN})(?=(?:\s+\d+){5}\s+\S+\s+\S+\s*$)`);

// show ip bgp: a route's row ends with its AS path and origin code; the heading opens the table.
const ROUTES_HEADING = /^\s*Network\s+Next Hop\s+Metric\s+LocPrf\s+Weight\s+Path\s*$/;
const ORIGIN = /\s[ie?]\s*$/;
// Without the heading: a row starts with its status codes (`*>`, `*>i`, `r>i`, `s>`), a wrapped one with blanks.
const ROUTE_START = /^\s{0,4}(?:[*rsdhSx][>=]?[ie]?(?=[\s\d])|\s{10,}\S)/;
const ADDRESS = /\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{1,4}:[0-9A-Fa-f:]{1,38}/;
const PATH_TOKEN = /^[({[]?\d{1,10}(?:\.\d{1,5})?(?:,\d{1,10}(?:\.\d{1,5})?){0,63}[)}\]]?$/;
// show ip bgp PREFIX: the entry's path line (`  7018 3356 64496`, `  7018 3356, (aggregated by 3356 10.1.1.1)`).
const ENTRY_HEADING = /\bBGP routing table (?:entry|information) for\s/;
const ENTRY_PATH = new RegExp(String.raw`^(\s+)([({]?${ASN}(?:[,}) ]{1,2}[({]?${ASN}){0,255}[)}]?)(?=,|\s*$)`);
const AS_NUMBER = /\d{1,10}(?:\.\d{1,5})?/g;
const BGP_TEXT = /bgp|BGP|remote-as|local-as|route-target|\brd\s|Distinguisher|[Cc]ommunity|AS-Path|as-path|MsgRcvd|Network\s+Next Hop/;
/** A word every AS position above comes with (the neighbour table, route rows and entries are told apart). */
const ANY_AS = /bgp|remote-as|local-as|\bAS\b|\brd\b|\bRD\b|route-target|\bRT\b|\bSoO\b|[Cc]ommunity|Distinguisher|as-path|AS-Path|aggregated by|BGP Protocol Tag/;

export function createAsnAnonymiser(keyBytes: ArrayLike<number>): AsnAnonymiser {
  const key: HalfSipKey = halfSipKey(keyBytes);
  const taken = new Set<number>();
  const given = new Map<number, number>();

  const hash = (n: number): number => halfSipHash(key, [0x41, 0x53, n & 255, (n >>> 8) & 255, (n >>> 16) & 255, n >>> 24]);
  const probe = (from: number, base: number, count: number): number | null => {
    for (let i = 0; i < count; i++) {
      const c = base + ((from + i) % count);
      if (!taken.has(c)) return c;
    }
    return null;
  };
  // One pseudonym an AS, never one another AS has or a private one the pastes hold (two peers never merge).
  const pseudonym = (n: number): number => {
    let p = given.get(n);
    if (p !== undefined) return p;
    const h = hash(n);
    p = (n <= 65535 ? probe(h % PRIVATE16_COUNT, PRIVATE16, PRIVATE16_COUNT) : null) ?? probe(h % PRIVATE32_COUNT, PRIVATE32, PRIVATE32_COUNT)!;
    taken.add(p);
    given.set(n, p);
    return p;
  };
  const valueOf = (w: string): number | null => {
    const dot = w.indexOf('.');
    if (dot < 0) return Number(w);
    const hi = Number(w.slice(0, dot));
    const lo = Number(w.slice(dot + 1));
    return hi <= 65535 && lo <= 65535 ? hi * 65536 + lo : null;
  };
  const write = (n: number, asdot: boolean) => (asdot && n > 65535 ? `${Math.floor(n / 65536)}.${n % 65536}` : String(n));

  let learning = false;
  /** One AS number as written, mapped (or, while learning, noted). */
  const one = (w: string): string => {
    const n = valueOf(w);
    if (n === null || !Number.isSafeInteger(n) || n > 4294967295) return w;
    if (learning) {
      if (!isPublicAsn(n)) taken.add(n);
      return w;
    }
    return isPublicAsn(n) ? write(pseudonym(n), w.includes('.')) : w;
  };
  const every = (s: string): string => s.replace(AS_NUMBER, one);

  // An AS-path regex: numbers inside [...] and {...} are character classes and counts.
  const asPathRegex = (re: string): string => {
    let out = '';
    let depth = '';
    for (let i = 0; i < re.length; ) {
      const c = re[i]!;
      if (depth === '' && /\d/.test(c)) {
        let j = i;
        while (j < re.length && /\d/.test(re[j]!)) j++;
        out += one(re.slice(i, j));
        i = j;
        continue;
      }
      if (depth === '' && (c === '[' || c === '{')) depth = c === '[' ? ']' : '}';
      else if (c === depth) depth = '';
      out += c;
      i++;
    }
    return out;
  };

  // A route row: walk back from the origin code over single-blank-separated AS tokens; the first of that run is
  // the weight (always printed), the rest the path.
  const routeRow = (l: string, routes: boolean): string => {
    const o = ORIGIN.exec(l);
    if (!o || !(routes || ROUTE_START.test(l)) || !ADDRESS.test(l.slice(0, o.index))) return l;
    const starts: number[] = [];
    let end = o.index;
    for (;;) {
      let start = end;
      while (start > 0 && l[start - 1] !== ' ' && l[start - 1] !== '\t') start--;
      if (start === end || !PATH_TOKEN.test(l.slice(start, end))) break;
      starts.push(start);
      // The next token back is in the run only when a single blank separates them.
      if (start < 2 || l[start - 1] !== ' ' || l[start - 2] === ' ' || l[start - 2] === '\t') break;
      end = start - 1;
    }
    if (starts.length < 2) return l;
    const from = starts[starts.length - 2]!;
    return l.slice(0, from) + every(l.slice(from, o.index)) + l.slice(o.index);
  };

  const line = (l: string, st: { neighbors: boolean; routes: boolean; entry: boolean }): string => {
    // (Most lines of a big capture are flow rows: one look for a word an AS position needs, and they are done.)
    if (!st.neighbors && !st.entry && !ANY_AS.test(l) && !ORIGIN.test(l) && !NEIGHBOR_ROW_ALONE.test(l)) return l;
    let out = l;
    for (const re of SINGLE) out = out.replace(re, (_w, head: string, n: string) => head + one(n));
    for (const re of LISTS) out = out.replace(re, (_w, head: string, list: string) => head + every(list));
    if (COMMUNITY_LINE.test(out)) out = out.replace(COMMUNITY, (_w, n: string, rest: string) => one(n) + rest);
    const path = AS_PATH_LIST.exec(out);
    if (path) out = path[1]! + asPathRegex(path[2]!);
    const row = (st.neighbors ? NEIGHBOR_ROW : NEIGHBOR_ROW_ALONE).exec(out);
    if (row) out = row[1]! + one(row[2]!) + out.slice(row[0].length);
    out = routeRow(out, st.routes);
    if (st.entry) {
      const e = ENTRY_PATH.exec(out);
      if (e) out = e[1]! + every(e[2]!) + out.slice(e[0].length);
    }
    return out;
  };

  const pass = (s: string): string => {
    if (!/\d/.test(s)) return s;
    // A big capture that names BGP nowhere (a flow dump) has no AS to look for line by line; a small text (a
    // quoted row of a diagnosis, a short paste) is read whole whatever it says.
    if (s.length > 65_536 && !BGP_TEXT.test(s)) return s;
    const st = { neighbors: false, routes: false, entry: false };
    const lines = s.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const stamped = lines[i]!;
      // Lines longer than any router prints are read by no AS form (and cost nothing).
      if (stamped.length > 4000) continue;
      const cut = lineStampLength(stamped.slice(0, 96));
      const l = stamped.slice(cut);
      // A prompt (a new command) or a blank line ends a table.
      if (commandStart(l) > 0 || l.trim() === '') st.neighbors = st.routes = st.entry = false;
      if (NEIGHBOR_HEADING.test(l)) st.neighbors = true;
      else if (ROUTES_HEADING.test(l)) st.routes = true;
      if (ENTRY_HEADING.test(l)) st.entry = true;
      const out = line(l, st);
      if (out !== l) lines[i] = stamped.slice(0, cut) + out;
    }
    return lines.join('\n');
  };

  return {
    learn(s) {
      learning = true;
      try {
        pass(s);
      } finally {
        learning = false;
      }
    },
    text: pass,
  };
}
