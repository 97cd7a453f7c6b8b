// One line's secrets: the line is cut into words and every keyword that takes a secret masks what follows it
// (the grammar half of redact-secrets.ts, which adds blocks, wrapped lines, whole texts and diagnoses).
import {
  abbreviatedTrigger,
  abbreviationContext,
  COMMUNITY_LEAD,
  COMMUNITY_TAIL,
  isAddressLike,
  isKeyMaterial,
  isNumber,
  isShortNumber,
  isSpace,
  LineWords,
  normWord,
  triggerKind,
  type SecretKind,
  SNMP_HOST_WORDS,
  SNMP_USER_WORDS,
  trimmedEnd,
  type Word,
} from './secret-words';

import { MASK } from './mask';
import { commandCut, commandPosition, type Cut, prefixOf, restCut, secretStart, wordsBefore, wordStartAt } from './secret-commands';

/**
 * Cheap first look (a plain alternation of literals, linear): a line without any of these substrings cannot hold a
 * secret this module knows. Every keyword above contains one of them. (Searching big pastes for runs of hex
 * digits as well cost 0.2 s per 6 MB of flow table, so loose key material is looked for in short strings only.)
 */
export const MAY_HOLD_SECRET =
  /secret|pas|sec|key|communit|crypto|auth|priv|psk|token|:\/\/|snmp|cert|encryption|mgmtuser|tacacs|radius|message-d|user:|usern|en |ena|md5|chap|ssword|aaa-s|aaa |mail|netuser|pkcs/i;

/**
 * Where MAY_HOLD_SECRET matches in a big text, from a given index on (-1: nowhere), exactly as a /gi search finds it.
 * Case-insensitive search of a 7.9 MB paste took 50 ms in V8; a case-sensitive one of its lower-case copy 18 ms.
 * A match on the original text is a match on its lower-case copy at the same index (V8's /i without /u folds no
 * character past ASCII to an ASCII one), but the copy may match where the original does not (the Kelvin sign
 * lowers to "k"), so every hit is checked on the original. A text whose lower-case copy is longer (U+0130) is
 * searched as it is.
 */
export function secretWordFinder(text: string): (from: number) => number {
  const lower = text.toLowerCase();
  const exact = new RegExp(MAY_HOLD_SECRET.source, 'iy');
  if (lower.length !== text.length) {
    const all = new RegExp(MAY_HOLD_SECRET.source, 'gi');
    return (from) => {
      all.lastIndex = from;
      return all.exec(text)?.index ?? -1;
    };
  }
  const fast = new RegExp(MAY_HOLD_SECRET.source, 'g');
  return (from) => {
    for (let at = from; ; ) {
      fast.lastIndex = at;
      const m = fast.exec(lower);
      if (!m) return -1;
      exact.lastIndex = m.index;
      if (exact.test(text)) return m.index;
      at = m.index + 1;
    }
  };
}

/** Credentials inside a URL word (`ftp://user:pw@host/...`): mask between `//` and the word's last `@`. */
function urlCut(raw: string, w: Word): Cut | null {
  // Searched within the word only: searching the rest of the line for every word would be quadratic.
  const slashes = raw.indexOf('://');
  if (slashes < 0) return null;
  const at = raw.lastIndexOf('@');
  if (at <= slashes + 3) return null;
  return { start: w.start + slashes + 3, end: w.start + at };
}

/** Query names of web APIs that carry a secret, beyond the router keywords (`?pwd=`, `?api_key=`, `?access_token=`). */
const QUERY_SECRETS = new Map<string, SecretKind>([
  ['pass', 'password'], ['pwd', 'password'], ['apikey', 'key'], ['api_key', 'key'], ['api-key', 'key'],
  ['access_token', 'license token'], ['access-token', 'license token'], ['auth_token', 'license token'],
  ['auth-token', 'license token'], ['sessionid', 'key'], ['session_id', 'key'],
]);

/**
 * Secrets in a URL's query (`https://h/get?password=x&token=y`): each value whose name takes a secret is cut (the
 * glued `password=x` rule skips URL words). One pass over the word. Returns the kind of the first one, if any.
 */
function queryCuts(raw: string, w: Word, cuts: Cut[]): SecretKind | undefined {
  const slashes = raw.indexOf('://');
  const q = slashes < 0 ? -1 : raw.indexOf('?', slashes + 3);
  if (q < 0) return undefined;
  let kind: SecretKind | undefined;
  for (let i = q + 1; i < raw.length; ) {
    let eq = -1;
    let end = i;
    for (; end < raw.length; end++) {
      const c = raw.charCodeAt(end);
      // Only `&` ends a value: a `;` may be the secret's own (a real `&` in one is sent as %26).
      if (c === 38 /* & */) break;
      if (c === 61 /* = */ && eq < 0) eq = end;
    }
    if (eq > i && eq < end - 1) {
      const name = raw.slice(i, eq);
      const k = triggerKind(name) ?? QUERY_SECRETS.get(name);
      if (k) {
        cuts.push({ start: w.start + eq + 1, end: w.start + end });
        kind ??= k;
      }
    }
    i = end + 1;
  }
  return kind;
}

/** `password`/`secret` of an `enable` or `username` command are named so in the UI's count. */
function kindAt(line: string, w: Word, kind: SecretKind): SecretKind {
  if (kind !== 'password') return kind;
  const before = line.slice(0, w.start).toLowerCase();
  const enable = before.lastIndexOf('enable');
  const user = before.lastIndexOf('username');
  if (enable < 0 && user < 0) return kind;
  return enable > user ? (w.norm === 'secret' ? 'enable secret' : 'enable password') : 'username secret';
}

/** Past this many words, the tail of a community or `snmp-server host` line is masked whole (when in doubt). */
const MAX_TAIL_WORDS = 32;

/** Mask words from j on that `keep` does not keep; past MAX_TAIL_WORDS, everything left. */
function tailCuts(line: string, ws: LineWords, j: number, keep: (w: string) => boolean, cuts: Cut[]): void {
  for (let k = j; ws.at(k); k++) {
    if (k - j >= MAX_TAIL_WORDS) {
      cuts.push({ start: ws.at(k)!.start, end: trimmedEnd(line) });
      return;
    }
    if (!keep(ws.at(k)!.lower)) cuts.push({ start: ws.at(k)!.start, end: ws.at(k)!.end });
  }
}

/**
 * Whether an abbreviated `sec`/`pass` word is the secret keyword: after `en`, `usern NAME`, `nei PEER`, ..., at the
 * start of a command (first word, after a prompt, `command:` or `|`), or followed by a type digit and a value.
 */
function abbreviationUsed(line: string, word: Word, ws: LineWords): boolean {
  const [prev, prevPrev] = wordsBefore(line, word.start);
  if (abbreviationContext(prev, prevPrev)) return true;
  const raw = line.slice(word.start, word.end).toLowerCase();
  const g = raw.indexOf(word.norm);
  const glue = g > 0 ? raw.charCodeAt(g - 1) : 0;
  if (glue === 35 || glue === 62 || glue === 58 || glue === 124) return true;
  if (prev === undefined || prev === '') return true; // the line's first word, or after `--More--`
  return isShortNumber(ws.at(1)!.lower) && ws.at(2) !== undefined;
}

/** The model of `security model:v2c` or `security model: v1` (ws.at(0) is `security`), lower case. */
function snmpModel(ws: LineWords): string | undefined {
  const m = ws.at(1)?.lower;
  return m === 'model:' ? ws.at(2)?.lower : m?.startsWith('model:') ? m.slice(6) : undefined;
}

/**
 * Every cut a line needs, and the kind of the first. Only words holding a keyword hit can start a rule (every
 * keyword contains one of MAY_HOLD_SECRET's substrings), so the line is read from hit to hit.
 */
export function lineCuts(line: string): { cuts: Cut[]; kind?: SecretKind } {
  const cuts: Cut[] = [];
  let kind: SecretKind | undefined;
  const note = (k: SecretKind) => (kind ??= k);
  let firstWordStart = 0;
  while (firstWordStart < line.length && isSpace(line.charCodeAt(firstWordStart))) firstWordStart++;
  const finder = new RegExp(MAY_HOLD_SECRET.source, 'gi');
  const edited = line.includes('\b');
  let textEnd: number | undefined; // where the line's text ends, once needed
  let from = 0;
  for (;;) {
    finder.lastIndex = from;
    const m = finder.exec(line);
    if (!m) break;
    const ws = new LineWords(line, wordStartAt(line, m.index, from));
    const word = ws.at(0)!;
    from = word.end;
    const w = word.norm;
    const raw = line.slice(word.start, word.end).toLowerCase();
    const url = urlCut(raw, word);
    if (url) {
      cuts.push(url);
      note('credentials in a URL');
    }
    const inQuery = queryCuts(raw, word, cuts);
    if (inQuery) note(inQuery);
    // snmp-server host ADDR ...: every word after the address that is not a keyword (the community, user, vrf).
    // CatOS `set snmp trap ADDR COMMUNITY` likewise (not `set snmp trap enable all`, nor `snmp-server trap link ietf`).
    const snmp = w === 'snmp' || prefixOf(w, 'snmp-server', 6);
    if (snmp) {
      const next = ws.at(1)?.norm;
      const addressNext = ws.at(2) !== undefined && isAddressLike(ws.at(2)!.norm);
      const hostWord = next !== undefined && next.length >= 2 && 'host'.startsWith(next);
      if ((hostWord || (next === 'trap' && addressNext)) && ws.at(3)) {
        tailCuts(line, ws, 3, (x) => SNMP_HOST_WORDS.has(x), cuts);
        note('snmp community');
        break;
      }
    }
    // `snmp-server comm X RO`: an abbreviated community keyword after the snmp command (whole words are hits anyway).
    // Down to `c`: no other snmp-server keyword is a prefix of `community` (contact, context, chassis-id are not).
    const commAfterSnmp = snmp && prefixOf(ws.at(1)?.norm, 'community', 1);
    if (w === 'community' || w === 'community-map' || w === 'community-ext' || commAfterSnmp) {
      let j = commAfterSnmp ? 2 : 1;
      // `name:` of `Community name: X`: only a trailing colon is dropped, never a glued prefix.
      while (ws.at(j + 1) && COMMUNITY_LEAD.has(ws.at(j)!.lower.replace(/:$/, ''))) j++;
      if (!ws.at(j)) break;
      cuts.push({ start: ws.at(j)!.start, end: ws.at(j)!.end });
      tailCuts(line, ws, j + 1, (x) => COMMUNITY_TAIL.has(x) || isNumber(x), cuts);
      note('snmp community');
      break;
    }
    // `[user: NAME]` of login syslogs (`%SEC_LOGIN-4-LOGIN_FAILED`): people type their password at the user prompt.
    if (w === 'user' && raw.endsWith('user:') && raw.includes('[') && ws.at(1)) {
      const v = ws.at(1)!;
      const close = line.lastIndexOf(']', v.end - 1);
      cuts.push({ start: v.start, end: close >= v.start ? close : v.end });
      note('user name');
      from = v.end;
      continue;
    }
    // IOS `show snmp host`: `user: COMMUNITY<TAB>security model: v2c` (the v1/v2c community is the user).
    if (w === 'user' && raw.endsWith('user:') && ws.at(2)?.norm === 'security' && ws.at(3)?.norm === 'model') {
      cuts.push({ start: ws.at(1)!.start, end: ws.at(1)!.end });
      note('snmp community');
      from = ws.at(1)!.end;
      continue;
    }
    // IOS `show snmp group`: `groupname: NAME   security model:v2c`. A v1/v2c group is named after its community.
    const model = w === 'security' && raw === 'security' ? snmpModel(ws) : undefined;
    if ((model === 'v1' || model === 'v2c') && wordsBefore(line, word.start, true)[1]?.endsWith('groupname:')) {
      let e = word.start;
      while (isSpace(line.charCodeAt(e - 1))) e--;
      cuts.push({ start: wordStartAt(line, e, 0), end: e });
      note('snmp community');
      continue;
    }
    // `<password>x</password>`, `<secret>...` in NETCONF/RESTCONF XML: from the tag's end, the rest of the line.
    const lt = raw.indexOf('<');
    const gt = lt < 0 ? -1 : raw.indexOf('>', lt);
    if (gt > lt + 1 && gt < raw.length - 1 && triggerKind(raw.slice(lt + 1, gt))) {
      cuts.push({ start: word.start + gt + 1, end: trimmedEnd(line) });
      note('password');
      break;
    }
    // `password=x`, `key:x` glued in one word.
    const glued = raw.includes('://') ? undefined : gluedSecret(raw);
    if (glued) {
      cuts.push({ start: word.start + glued.at + 1, end: trimmedEnd(line) });
      note(glued.kind);
      break;
    }
    // `crypto ...` in command position (first word, or glued to a prompt or `command:`) masks its line; elsewhere
    // it is a process name (`Crypto IKMP`) and the keys inside crypto commands are caught by their own keywords.
    if (w === 'crypto' && ws.at(1) && (word.start === firstWordStart || word.end - word.start > w.length || commandPosition(line, word))) {
      // `crypto pki server NAME` alone holds no secret, and says the HTTP server serves SCEP: the analysis reads it
      // (its block below is still masked whole). Anything more on the line is masked as before.
      if (ws.at(1)!.norm === 'pki' && ws.at(2)?.norm === 'server' && ws.at(3) && !ws.at(4)) break;
      cuts.push(restCut(line, ws, 1));
      note('crypto block');
      break;
    }
    const byCommand = commandCut(line, ws, edited);
    if (byCommand) {
      cuts.push(byCommand.cut);
      note(byCommand.kind);
      // A cut of one word (`test aaa ... USER PASS legacy`, a PIX key) leaves the rest of the line to read.
      if (byCommand.cut.end >= (textEnd ??= trimmedEnd(line))) break;
      from = Math.max(from, byCommand.cut.end);
      continue;
    }
    const trig = triggerKind(w);
    if (trig && ws.at(1)) {
      cuts.push(restCut(line, ws, secretStart(ws, 0)));
      note(kindAt(line, word, trig));
      break;
    }
    if (abbreviatedTrigger(w) && ws.at(1) && abbreviationUsed(line, word, ws)) {
      cuts.push(restCut(line, ws, secretStart(ws, 0)));
      note(kindAt(line, word, 'password'));
      break;
    }
    // OSPFv3 `encryption ipsec spi N esp ALG KEY AUTH KEY` (interface, `area`, virtual link): the rest of the line.
    if (w === 'encryption' && ws.at(1)?.norm === 'ipsec' && ws.at(2)) {
      cuts.push(restCut(line, ws, 1));
      note('key');
      break;
    }
    // AireOS `config mgmtuser add NAME PASSWORD read-write` and `config mgmtuser password NAME PASSWORD`.
    if (w === 'mgmtuser' && ws.at(3)) {
      cuts.push(restCut(line, ws, 3));
      note('password');
      break;
    }
    // `tacacs-server [host H ...] k X`, `radius-server ... ke X`: the only keyword of these commands starting with k
    // (looked for among the next few words only, so a line of them stays linear).
    if (prefixOf(w, 'tacacs-server', 6) || prefixOf(w, 'radius-server', 6)) {
      let k = 1;
      while (k < 12 && ws.at(k + 1) && !(ws.at(k)!.lower.length > 0 && 'key'.startsWith(ws.at(k)!.lower))) k++;
      if (k < 12 && ws.at(k + 1)) {
        cuts.push(restCut(line, ws, secretStart(ws, k)));
        note('key');
        break;
      }
    }
    // `snmp-server user U G v3 au sha X pr aes 128 Y` (abbreviated): after the user and group, from the first word
    // that is not a version, `encrypted`, `remote`, `access` or an ACL number, the rest of the line.
    if (snmp && ws.at(4) && ws.at(1)!.norm.length >= 2 && 'user'.startsWith(ws.at(1)!.norm)) {
      let k = 4;
      while (ws.at(k + 1) && (SNMP_USER_WORDS.has(ws.at(k)!.lower) || isShortNumber(ws.at(k)!.lower))) k++;
      cuts.push(restCut(line, ws, k));
      note('key');
      break;
    }
  }
  return { cuts, kind };
}

/** The whole line, or the part between its first and last quote (a warning), when it is certificate/key material. */
export function keyMaterialSpan(line: string): Cut | null {
  const first = line.indexOf('"');
  const last = line.lastIndexOf('"');
  const candidates: Cut[] = [{ start: 0, end: line.length }];
  if (first >= 0 && last > first + 1) candidates.push({ start: first + 1, end: last });
  for (const c of candidates) {
    let body = line.slice(c.start, c.end);
    if (body.endsWith('...')) body = body.slice(0, -3); // a warning shortens long lines
    if (isKeyMaterial(body, true)) {
      const lead = body.length - body.trimStart().length;
      return { start: c.start + lead, end: c.end };
    }
  }
  return null;
}

export function applyCuts(line: string, cuts: Cut[]): string {
  if (cuts.length === 0) return line;
  cuts.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const c of cuts) {
    if (c.start < at) continue; // a URL cut inside a rest-of-line cut
    out += line.slice(at, c.start) + MASK;
    at = c.end;
  }
  return out + line.slice(at);
}

/** Mask one line when it holds a secret; returns the kind, or undefined when there is none. */
export function redactLine(line: string): { text: string; kind?: SecretKind } {
  if (!MAY_HOLD_SECRET.test(line)) return { text: line };
  const { cuts, kind } = lineCuts(line);
  if (cuts.length === 0) return { text: line };
  const text = applyCuts(line, cuts);
  return text === line ? { text } : { text, kind };
}

/** How far into a word a glued trigger's separator can sit (the longest trigger word and its quotes fit well within). */
const GLUED_REACH = 64;

/**
 * `password=x`, `"tunnel-password=x"`, `key:x`: the first `=` or `:` whose left part is a trigger word, and that
 * trigger's kind. The first one, not the last: the secret after it may hold more of them (`password=ab=cd`, a key
 * `k:9:z`), and then the part left of the last one is no trigger at all. Separators within GLUED_REACH characters
 * are tried, then the last one, so a long word costs no more than a short one.
 */
function gluedSecret(raw: string): { at: number; kind: SecretKind } | undefined {
  const reach = Math.min(raw.length - 1, GLUED_REACH);
  for (let i = 1; i < reach; i++) {
    const c = raw.charCodeAt(i);
    if (c !== 61 /* = */ && c !== 58 /* : */) continue;
    const left = normWord(raw.slice(0, i));
    const kind = triggerKind(left);
    if (kind) return { at: i, kind };
  }
  // Past the reach, the last one (a long glued prefix whose last part is the trigger: `...-password=x`).
  const last = Math.max(raw.lastIndexOf('='), raw.lastIndexOf(':'));
  if (last >= reach && last < raw.length - 1) {
    const left = normWord(raw.slice(0, last));
    const kind = triggerKind(left);
    if (kind) return { at: last, kind };
  }
  return undefined;
}
