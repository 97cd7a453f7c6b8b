// Secrets told by the command around them rather than by a keyword of their own. IOS takes any unambiguous prefix,
// so `en s X`, `usern bob pri 15 p X` or a mode's `k 7 X` name a secret only inside their command; and some commands
// put theirs at a fixed place (WLC `config netuser add U X`, PIX `aaa-server T (if) host H X`, `user:pw@host`).
// Each rule reads a few words from its keyword hit: a line of them stays linear.
import { isAddressLike, isAlgorithm, isDiffMarker, isShortNumber, isSpace, LineWords, normWord, QUALIFIERS, REST_TRIGGERS, trimmedEnd, type SecretKind, type Word } from './secret-words';

/** One masking decision on a line: replace [start, end) by MASK (several may apply, never overlapping). */
export interface Cut {
  start: number;
  end: number;
}

/** Mask from word j to the end of the line (keeping a closing quote the line had, for warnings). */
export function restCut(line: string, ws: LineWords, j: number): Cut {
  let end = trimmedEnd(line);
  const q = line.charCodeAt(end - 1);
  const from = ws.at(j)!.start;
  if ((q === 34 || q === 39) && end - 1 > from && from > 0 && line.lastIndexOf(String.fromCharCode(q), from - 1) >= 0) end--;
  return { start: from, end };
}

/** The first word after the keyword at i that is the secret itself (skipping type digits, algorithms, keywords). */
export function secretStart(ws: LineWords, i: number): number {
  let j = i + 1;
  // Skip only while something follows: the last word is always treated as the secret.
  while (ws.at(j + 1)) {
    const w = ws.at(j)!.lower;
    if (isShortNumber(w) || QUALIFIERS.has(w) || isAlgorithm(w) || REST_TRIGGERS.has(w)) j++;
    else break;
  }
  return j;
}

/** Start of the word holding index h (no further back than `floor`). */
export function wordStartAt(line: string, h: number, floor: number): number {
  let k = h;
  while (k > floor && !isSpace(line.charCodeAt(k - 1))) k--;
  return k;
}

/** The two words before index `start`, lower case, raw or normalised (read backwards: each hit crosses only the gap before it). */
export function wordsBefore(line: string, start: number, raw = false): [string | undefined, string | undefined] {
  const out: string[] = [];
  let e = start;
  while (out.length < 2) {
    while (e > 0 && isSpace(line.charCodeAt(e - 1))) e--;
    if (e === 0) break;
    const b = wordStartAt(line, e, 0);
    const w = line.slice(b, e).toLowerCase();
    out.push(raw ? w : normWord(w));
    e = b;
  }
  return [out[0], out[1]];
}

/** `w` is a prefix of `full` of at least `min` characters (an abbreviated keyword, as IOS reads it). */
export const prefixOf = (w: string | undefined, full: string, min: number): boolean => w !== undefined && w.length >= min && w.length <= full.length && full.startsWith(w);

/** A prefix of `secret` or `password`, down to one letter: the secret keyword where its command has no other s/p word. */
const secretWord = (w: string) => prefixOf(w, 'secret', 1) || prefixOf(w, 'password', 1);

/** A prompt (`R1#`, `asa(config)#`, `Console>`, CatOS's `(enable)` after one), a `--More--` leftover, grep's `cfg.txt:12`. */
const isPrompt = (raw: string) => (raw.length >= 2 && (raw.endsWith('#') || raw.endsWith('>'))) || raw === '(enable)' || raw.startsWith('--more--') || grepPrefix(raw);

/** `FILE:LINE` or `FILE:LINE:` of `grep -n` across saved configs. */
function grepPrefix(raw: string): boolean {
  let e = raw.endsWith(':') ? raw.length - 1 : raw.length;
  const digitsEnd = e;
  while (e > 0 && raw.charCodeAt(e - 1) >= 48 && raw.charCodeAt(e - 1) <= 57) e--;
  return e < digitsEnd && e > 1 && raw.charCodeAt(e - 1) === 58;
}

/**
 * Whether a word starts a command: the line's first word (indented in `show history`), glued to a prompt,
 * `command:` or an archive log's `|`, or after a prompt and a space (`asa(config)# crypto ...`).
 */
export function commandPosition(line: string, word: Word): boolean {
  const at = word.norm === '' ? -1 : word.lower.lastIndexOf(word.norm);
  // (A diff's `+`/`-` glued to the word is no glue: the word is where it would be without it.)
  if (at > 0 && !(at === 1 && isDiffMarker(word.lower.charCodeAt(0)))) {
    const glue = word.lower.charCodeAt(at - 1);
    return glue === 35 || glue === 62 || glue === 58 || glue === 124;
  }
  const [prev] = wordsBefore(line, word.start, true);
  return prev === undefined || isPrompt(prev);
}

/** Options of `username NAME` that take one value before the secret keyword (`privilege 15`, `view ops`). */
const USER_OPTIONS: readonly [string, number][] = [['privilege', 2], ['view', 1], ['algorithm-type', 2], ['access-class', 2], ['role', 2]];
/** Config modes whose only command starting with k is `key` (`R1(config-radius-server)#k 7 X`). */
const KEY_MODES = ['radius-server', 'server-radius', 'server-tacacs', 'tacacs-server', 'keychain-key'];
/** Words of WLC `config snmp v3user create NAME [ro|rw] AUTH PRIV AUTHKEY PRIVKEY` before its keys. */
const V3USER_WORDS = new Set(['ro', 'rw', 'none', 'hmacmd5', 'hmacsha', 'des', 'aescfb128']);

/**
 * The word at `k` where a command takes its secret keyword: masked from there when it is a prefix of `secret` or
 * `password` (`en s X`), or when the line was edited with backspaces (`secrt^H^Het 0 X` reads as no keyword at all).
 */
function slotCut(line: string, ws: LineWords, k: number, edited: boolean): Cut | null {
  const w = ws.at(k);
  if (!w || !ws.at(k + 1)) return null;
  if (!secretWord(w.norm) && !edited) return null;
  return restCut(line, ws, secretStart(ws, k));
}

/** `user:pw@host` without a scheme (call-home `mail-server`, EEM `mail server`, `_email_server`): the password. */
function credentialsCut(line: string, w: Word): Cut | null {
  const raw = line.slice(w.start, w.end);
  if (raw.includes('://')) return null;
  const at = raw.lastIndexOf('@');
  const colon = raw.indexOf(':');
  return colon > 0 && colon < at - 1 ? { start: w.start + colon + 1, end: w.start + at } : null;
}

/**
 * The secret a command holds by its place in the command, for the word at the hit (ws.at(0)); null when none.
 * `ospf me 1 md5 X` is read at `md5`, `ppp chap p X` at `chap`. `edited`: the line holds a backspace (searched once
 * per line by the caller, not once per hit).
 */
export function commandCut(line: string, ws: LineWords, edited: boolean): { cut: Cut; kind: SecretKind } | null {
  const word = ws.at(0)!;
  const w = word.norm;
  const as = (cut: Cut | null, kind: SecretKind) => (cut ? { cut, kind } : null);
  // `username NAME [privilege N] [view V] [algorithm-type T] s|p... X`, `ppp pap sent-username NAME pass X`.
  if ((prefixOf(w, 'username', 5) || prefixOf(w, 'sent-username', 6) || w.endsWith('-username')) && ws.at(1)) {
    let k = 2;
    for (let n = 0; n < USER_OPTIONS.length && ws.at(k + 1); n++) {
      const o = ws.at(k)!.lower;
      if (!USER_OPTIONS.some(([full, min]) => prefixOf(o, full, min))) break;
      k += 2;
    }
    return as(slotCut(line, ws, k, edited), 'username secret');
  }
  // `en [al sc] s|p... X`: only where `enable` is the command (`logging enable` is not).
  if (prefixOf(w, 'enable', 2) && commandPosition(line, word)) {
    const k = prefixOf(ws.at(1)?.lower, 'algorithm-type', 2) ? 3 : 1;
    const cut = slotCut(line, ws, k, edited);
    return as(cut, cut && ws.at(k)!.norm.startsWith('p') ? 'enable password' : 'enable secret');
  }
  // A mode whose `k`/`pre` is its key: `R1(config-radius-server)#k 7 X`, `(config-ikev2-keyring-peer)# p X`.
  const close = word.lower.lastIndexOf(')#');
  if (close > 0) {
    const mode = word.lower.slice(word.lower.lastIndexOf('(', close) + 1, close);
    const k = close + 2 < word.lower.length ? 0 : 1;
    const full = mode.includes('keyring') ? 'pre-shared-key' : KEY_MODES.some((m) => mode.includes(m)) ? 'key' : undefined;
    if (full && ws.at(k + 1) && prefixOf(ws.at(k)!.norm, full, 1)) return as(restCut(line, ws, secretStart(ws, k)), 'key');
  }
  // ` ip ospf me 1 md5 X`: `md5` after a key number and an abbreviated `message-digest-key`.
  if (w === 'md5' && ws.at(1)) {
    const [prev, prevPrev] = wordsBefore(line, word.start);
    if (prev !== undefined && isShortNumber(prev) && prefixOf(prevPrev, 'message-digest-key', 2)) return as(restCut(line, ws, secretStart(ws, 0)), 'key');
  }
  // ` ppp chap p X`.
  if (w === 'chap' && ws.at(2) && prefixOf(ws.at(1)!.norm, 'password', 1)) return as(restCut(line, ws, secretStart(ws, 1)), 'password');
  // Chat scripts' expect-send pairs: `ssword: X` (the prompt's tail, as chat scripts match it).
  if (w.length >= 5 && 'password'.endsWith(w) && word.lower.endsWith(':') && ws.at(1)) return as(restCut(line, ws, 1), 'password');
  // An HTTP `Authorization: Basic X` header (a RESTCONF session pasted with its request).
  if (w === 'authorization' && word.lower.endsWith(':') && ws.at(1)) return as(restCut(line, ws, 1), 'password');
  // ASA `radius-common-pw X`.
  if (w === 'radius-common-pw' && ws.at(1)) return as(restCut(line, ws, 1), 'key');
  // IOS `test aaa group G [server ADDR] USER PASS [legacy|new-code]`, NX-OS `test aaa server radius ADDR [vrf V] USER
  // PASS` and `test aaa group G USER PASS`: the password only (the user name is a name, anonymised elsewhere).
  if (w === 'aaa' && ws.at(3) && prefixOf(wordsBefore(line, word.start)[0], 'test', 2)) {
    const kind = ws.at(1)!.norm;
    let j = 3; // after `group G`, or `server radius`
    if (prefixOf(kind, 'group', 2) && prefixOf(ws.at(3)!.norm, 'server', 3) && ws.at(5)) j = 5;
    else if (prefixOf(kind, 'server', 3)) j = ws.at(4)?.norm === 'vrf' ? 6 : 4;
    else if (!prefixOf(kind, 'group', 2)) return null;
    const pass = ws.at(j + 1);
    return pass ? as({ start: pass.start, end: pass.end }, 'password') : null;
  }
  // ASA `test aaa-server authentication TAG [host ADDR] username U password P`: what follows `password`.
  if (w === 'aaa-server' && prefixOf(wordsBefore(line, word.start)[0], 'test', 2)) {
    for (let k = 1; k < 10 && ws.at(k + 1); k++) if (ws.at(k)!.norm === 'password') return as(restCut(line, ws, k + 1), 'password');
    return null;
  }
  // PIX `aaa-server TAG (if) host ADDR KEY [timeout N]`: the word after the address, unless a keyword.
  if (w === 'aaa-server') {
    for (let h = 1; h < 4 && ws.at(h + 2); h++) {
      if (ws.at(h)!.norm !== 'host' || !isAddressLike(ws.at(h + 1)!.norm)) continue;
      const key = ws.at(h + 2)!;
      return key.lower === 'timeout' || key.lower === 'key' ? null : as({ start: key.start, end: key.end }, 'key');
    }
    return null;
  }
  if (w.includes('mail')) {
    for (let k = 1; k <= 3 && ws.at(k); k++) {
      const cut = credentialsCut(line, ws.at(k)!);
      if (cut) return as(cut, 'credentials in a URL');
    }
    return null;
  }
  // WLC `config radius|tacacs auth|acct|athr add N ADDR PORT ascii|hex X`.
  if ((w === 'radius' || w === 'tacacs') && ws.at(3) && ['auth', 'acct', 'athr'].includes(ws.at(1)!.norm) && ws.at(2)!.norm === 'add' && wordsBefore(line, word.start)[0] === 'config') {
    let k = 3;
    while (k < 8 && ws.at(k + 1) && ws.at(k)!.lower !== 'ascii' && ws.at(k)!.lower !== 'hex') k++;
    return ws.at(k + 1) ? as(restCut(line, ws, k + 1), 'key') : null;
  }
  // WLC `config netuser add NAME X wlan ...` (its password only) and `config netuser password NAME X`.
  if (w === 'netuser' && ws.at(3)) {
    if (ws.at(1)!.norm === 'add') return as({ start: ws.at(3)!.start, end: ws.at(3)!.end }, 'password');
    if (ws.at(1)!.norm === 'password') return as(restCut(line, ws, 3), 'password');
  }
  // WLC `config snmp v3user create NAME rw hmacsha aescfb128 AUTHKEY PRIVKEY`.
  if (w === 'snmp' && ws.at(1)?.norm === 'v3user' && ws.at(2)?.norm === 'create' && ws.at(4)) {
    let k = 4;
    while (ws.at(k + 1) && V3USER_WORDS.has(ws.at(k)!.lower)) k++;
    return as(restCut(line, ws, k), 'key');
  }
  return null;
}
