// The one place router secrets are masked, for everything that leaves the page or persists (issue 12): share links
// (pastes and diagnosis), the Markdown export, the printed/displayed report, storage, and quoted warnings.
//
// It reads IOS, IOS-XE, NX-OS and CatOS by grammar, not by line starts: a line is cut into words, each word is
// compared without the prefix glued to it (a prompt `R1(config)#`, `command:` in a logged-command syslog, `|` in
// `show archive log config all`, a quote in a warning), and a keyword that takes a secret (`secret`, `password`,
// `key`, `community`, `authentication`, ...) masks what follows, wherever it sits on the line. When in doubt it
// masks. Lines are masked in place (the keyword stays, the secret becomes MASK) so line numbers stay true.
// Everything is a single pass over characters and words: no regex that can backtrack, a 1 MB line stays linear.

import {
  isKeyMaterial,
  isSpace,
  lastTwoWords,
  lastWords,
  LineWords,
  type SecretKind,
  awaitsSecret,
  fillsTerminal,
  mayBeWrapped,
  mayContinue,
  quotePrefixLength,
  trimmedEnd,
  words,
} from './secret-words';

export type { SecretKind } from './secret-words';

export { MASK } from './mask';
import { MASK } from './mask';
import { bannerEnd } from '../core/text/split';
import { lineStampLength } from '../core/text/line-stamps';
import { applyCuts, keyMaterialSpan, lineCuts, MAY_HOLD_SECRET, redactLine, secretWordFinder } from './redact-line';
import { commandPosition } from './secret-commands';
import { keyBlocks } from './pem-blocks';
import { secretTables } from './secret-tables';
export { redactLine } from './redact-line';

export interface RedactedLine {
  /** 1-based line number in the text. */
  line: number;
  kind: SecretKind;
}

export interface Redaction {
  text: string;
  removed: RedactedLine[];
}


/** Key material quoted alone (8 hex digits of a certificate, 40 base64 characters of a key): diagnosis strings only. */
export const LOOSE_KEY = /[0-9A-Fa-f]{8}|[A-Za-z0-9+/=]{40}/;

const indentOf = (line: string) => line.slice(0, line.length - line.trimStart().length);

/**
 * Block state across lines: an unindented `crypto` opens a block of indented lines (keys, peers, certificates); a
 * line naming a `certificate`, or ending with `key-string`/`key-hash` (no value), opens key material running to
 * `quit`/`exit`; a private key's PEM block or a PKCS#12 import is masked to its end (pem-blocks.ts); a table header
 * (`show crypto isakmp key`, `show snmp community`, ...) opens a table whose secret column is masked (secret-tables.ts).
 */
function blockMasker() {
  let inCrypto = false;
  let cryptoIndent = 0; // the block's lines are indented further than its `crypto` line (a whole paste may be indented)
  let inKeyMaterial = false;
  const keys = keyBlocks();
  const tables = secretTables();
  // The line before was wrapped inside its secret or after its keyword ('terminal-word': inside a secret that starts
  // in its last word, whose rest may start with `#`, `%`, `>` or `*`).
  let wrapped: false | 'terminal' | 'terminal-word' | 'terminal-space' | 'mail' = false;
  /**
   * After a wrapped line, a continuation is the rest of what the keyword took (the rest of the secret, a second key
   * whose keyword was masked on the line before, or the secret itself): masked whole, when in doubt.
   */
  function continued(line: string): { text: string; kind: SecretKind } | null {
    return mayContinue(line, wrapped !== 'mail', wrapped === 'terminal-space', wrapped === 'terminal-word') ? { text: MASK, kind: 'password' } : null;
  }
  /**
   * How a line may be wrapped onto the next: by a terminal (it fills the width, and read with the next line a
   * secret runs into it: `... secret 9 $9$ab` + `cd...`, or `... scrypt sec` + `ret 9 ...`), or by a mail client at
   * a space (`... algorithm-type scrypt secret` + `9 $9$...`).
   */
  function wraps(line: string, next: string | undefined): typeof wrapped {
    // (An indented line before an indented one reads as a row of a table or a section, not a wrapped line.)
    if (next !== undefined && !(isSpace(line.charCodeAt(0)) && isSpace(next.charCodeAt(0))) && MAY_HOLD_SECRET.test(line + next)) {
      const { cuts } = lineCuts(line + next);
      // Cut at a space, the next line's first word is the command's next word even when it looks like a command.
      const cut = cuts.find((c) => c.end > line.length);
      if (cut) {
        if (isSpace(line.charCodeAt(line.length - 1)) || isSpace(next.charCodeAt(0))) return 'terminal-space';
        // (A cut from further back is a keyword's rest of line, prose as often as not: `A key named ... by crypto`.)
        let last = line.length;
        while (last > 0 && !isSpace(line.charCodeAt(last - 1))) last--;
        return cut.start >= last ? 'terminal-word' : 'terminal';
      }
    }
    if (!mayBeWrapped(trimmedEnd(line)) || !MAY_HOLD_SECRET.test(line)) return false;
    return awaitsSecret(lastWords(line, 4)) ? 'mail' : false;
  }
  return {
    open: () => inCrypto || inKeyMaterial || keys.open() || tables.open() || wrapped !== false,
    /** The masked line and its kind, or null when the line stays as it is; `next` when the line may wrap onto it. */
    step(line: string, next?: string): { text: string; kind: SecretKind } | null {
      const cont = wrapped ? continued(line) : null;
      // (A line masked whole as a wrapped secret's tail may still open a key block: `-----BEGIN ... PRIVATE KEY-----`.)
      if (cont) keys.step(line);
      const r = cont ?? inner(line);
      wrapped = wraps(line, next);
      return r;
    },
  };
  function inner(line: string): { text: string; kind: SecretKind } | null {
    const key = keys.step(line);
    if (key) return key;
    if (inCrypto) {
      const indent = indentOf(line);
      if (indent.length > cryptoIndent && indent.length < line.length) return { text: `${indent}${MASK}`, kind: 'crypto block' };
      inCrypto = false;
      inKeyMaterial = false; // a certificate inside the block was masked with it
    }
    if (inKeyMaterial) {
      const first = words(line)[0]?.norm;
      if (first !== 'quit' && first !== 'exit' && isKeyMaterial(line)) return { text: `${indentOf(line)}${MASK}`, kind: 'certificate' };
      inKeyMaterial = false;
    }
    const row = tables.row(line);
    if (row !== undefined) return row && { text: applyCuts(line, [row]), kind: 'key' };
    if (!MAY_HOLD_SECRET.test(line)) return null;
    if (tables.header(line)) return null;
    // `crypto` as a command (after a prompt and a space too: `asa(config)# crypto ...`) opens a block.
    const ws = new LineWords(line, 0);
    const first = ws.at(0);
    if (first && (first.norm === 'crypto' || (ws.at(1)?.norm === 'crypto' && commandPosition(line, ws.at(1)!)))) {
      inCrypto = true;
      cryptoIndent = first.start;
    }
    const [lastWord] = lastTwoWords(line);
    if (CERTIFICATE_WORD.test(line) || lastWord === 'key-string' || lastWord === 'key-hash' || lastWord === 'key-data') inKeyMaterial = true;
    const r = redactLine(line);
    return r.kind ? { text: r.text, kind: r.kind } : null;
  }
}

/** `certificate` as a word of its own (`crypto pki certificate chain`, ` certificate self-signed 01`). */
const CERTIFICATE_WORD = /(?:^|[^a-z-])certificate(?:[^a-z-]|$)/i;

/** The length of a line (`start` to `end` in `text`) without its quote or diff prefix (quotePrefixLength). */
const bareLength = (text: string, start: number, end: number) => end - start - quotePrefixLength(text, start, end);

/** Whether some line of the text fills a terminal's width (a loop over line breaks only). */
function hasWideLine(text: string): boolean {
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (fillsTerminal(bareLength(text, start, end - (end > start && text.charCodeAt(end - 1) === 13 ? 1 : 0)))) return true;
    if (nl < 0) return false;
    start = nl + 1;
  }
}

/** End of the line starting at `from` (the index of its \n or \r, or the text's length). */
function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/**
 * Mask every secret in a paste or an export; reports which lines were touched. Line breaks are kept as they were
 * (CRLF pastes come back byte-identical). Outside blocks it jumps from one keyword hit to the next instead of
 * walking every line: a 6 MB flow table with a config in front costs one search, not 100,000 line tests.
 */
export function redactSecretsDetailed(text: string): Redaction {
  // No keyword anywhere and no line of a terminal's width (a keyword may be cut in two by a wrap): nothing to mask.
  const nextHit = secretWordFinder(text);
  const firstHit = nextHit(0);
  if (firstHit < 0 && !(text.length >= 79 && hasWideLine(text))) return { text, removed: [] };
  const removed: RedactedLine[] = [];
  const blocks = blockMasker();
  const closers = bannerClosers(text);
  let out = '';
  let emitted = 0; // text before this index is already in `out`
  let pos = 0; // start of the next line to read
  let lineNo = 1; // its number
  let hit = firstHit; // index of the next keyword hit at or after `pos` (-1: none left)
  for (;;) {
    if (!blocks.open()) {
      // The next hit is searched once and kept while wide lines before it are read (searching again from every
      // wide line would cost the distance to the hit each time: quadratic on a table of 80-column rows).
      if (hit >= 0 && hit < pos) hit = nextHit(pos);
      const m = hit >= 0;
      let start = m ? hit : text.length;
      while (start > pos && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
      // Lines skipped are counted; one filling a terminal's width is read all the same (a keyword may be cut in two).
      let lineStart = pos;
      let wide = false;
      for (let i = pos; i < start; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
          if (fillsTerminal(bareLength(text, lineStart, c === 10 && i > lineStart && text.charCodeAt(i - 1) === 13 ? i - 1 : i))) {
            wide = true;
            break;
          }
          lineNo++;
          lineStart = i + 1;
        }
      }
      if (!m && !wide) break;
      pos = wide ? lineStart : start;
    }
    const end = lineEnd(text, pos);
    // An e-mail quote or a diff's `+`/`-` (quotePrefixLength), then a terminal log's time stamp (Tera Term, SecureCRT,
    // `ts`), are no part of what the router printed: the line is read after them (a `crypto` block, a table's rows, a
    // key's body, a wrapped secret's tail are told by their lines' starts), and they are kept as they are.
    const quote = quotePrefixLength(text, pos, end);
    const cut = quote + lineStampLength(text.slice(pos + quote, Math.min(end, pos + quote + 96)));
    // A line filling a terminal's width may go on in the next line (the terminal wrapped it): read the two together.
    let next: string | undefined;
    if (fillsTerminal(end - pos - cut) && end < text.length) {
      const from = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
      next = text.slice(from, lineEnd(text, from));
      next = next.slice(quotePrefixLength(next));
      next = next.slice(lineStampLength(next.slice(0, 96)));
    }
    const line = text.slice(pos + cut, end);
    let r = blocks.step(line, next);
    // The line that closes a banner keeps its delimiter, whatever the line before awaited (bannerClosers).
    const delimiter = r ? closers?.get(lineNo) : undefined;
    if (r && delimiter !== undefined) r = keepDelimiter(line, delimiter, r);
    if (r) {
      out += text.slice(emitted, pos + cut) + r.text;
      emitted = end;
      removed.push({ line: lineNo, kind: r.kind });
    }
    if (end >= text.length) break;
    pos = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    lineNo++;
  }
  return { text: out + text.slice(emitted), removed };
}

/**
 * The lines that close a banner, by line number, with the banner's delimiter: the lines the parser reads as a
 * banner's end (core/text/split.ts bannerEnd, on the same lines). Undefined when the text has no banner.
 */
function bannerClosers(text: string): Map<number, string> | undefined {
  if (!text.includes('banner ')) return undefined;
  // Read past terminal-log stamps, as the masking loop does.
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.slice(lineStampLength(l.slice(0, 96))));
  const closers = new Map<number, string>();
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('banner ')) continue;
    const e = bannerEnd(lines, i);
    if (e === i) continue;
    closers.set(e + 1, /^banner (?:[a-z-]+ )?(\^C|\S)/.exec(lines[i]!)![1]!);
    i = e;
  }
  return closers;
}

/**
 * A banner's closing line as masked (`r`), its delimiter put back: the line before may end with a word that awaits
 * a secret on the next line (banner prose: `... ask for the password`), and the masker, in doubt, masks that line
 * whole. The parser would then read the banner as never closed, and the config after it as banner text. What comes
 * before the delimiter stays masked; what follows it is masked as a line of its own.
 */
function keepDelimiter(line: string, delimiter: string, r: { text: string; kind: SecretKind }): { text: string; kind: SecretKind } {
  const at = line.indexOf(delimiter);
  if (at < 0) return r;
  const before = line.slice(0, at);
  const after = line.slice(at + delimiter.length);
  return { text: `${before.trim() === '' ? before : MASK}${delimiter}${redactLine(after).text}`, kind: r.kind };
}

/** Mask every router secret in a text (pastes, exports, anything persisted). */
export function redactSecrets(text: string): string {
  return redactSecretsDetailed(text).text;
}

/**
 * LOOSE_KEY.test(s), by one pass over the runs of hex digits and of base64 characters, without the regular
 * expression: a diagnosis of 5,000 infected hosts quotes 60,000 evidence lines, and the expression tried both of
 * its branches at every character of each (80 ms on the page's main thread).
 */
export function mayHoldLooseKey(s: string): boolean {
  let hex = 0;
  let b64 = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    hex = digit || (upper && c <= 70) || (lower && c <= 102) ? hex + 1 : 0;
    b64 = digit || upper || lower || c === 43 || c === 47 || c === 61 ? b64 + 1 : 0;
    if (hex >= 8 || b64 >= 40) return true;
  }
  return false;
}

/** One string of a diagnosis: secrets by keyword, and key material quoted without its block (in short strings). */
function redactQuoted(s: string): string {
  const masked = MAY_HOLD_SECRET.test(s) ? redactSecrets(s) : s;
  if (masked.length > 8192 || !mayHoldLooseKey(masked)) return masked;
  return masked
    .split('\n')
    .map((line) => {
      const span = keyMaterialSpan(line);
      return span ? applyCuts(line, [span]) : line;
    })
    .join('\n');
}

/**
 * Mask every string inside a JSON-like value (a diagnosis or part of one), keeping its shape. What needed no mask is
 * returned as it is, not copied: the value must not be changed in place afterwards (diagnoses never are).
 */
export function redactDeep<T>(value: T): T {
  return redactIn(value, new Map());
}

/**
 * Strings up to this long are masked once per redactDeep call, however often they come (names, services, titles).
 * Longer ones are mostly quoted lines, each once: remembering them cost more than it saved.
 */
const MEMO_MAX = 48;

/**
 * redactDeep with the strings masked so far (`done`): the same string is masked the same way every time, and a
 * diagnosis repeats some tens of thousands of times (each evidence line's paste name: "Paste 1" holds "pas", so each
 * was masked by the whole block masker, about 100 ms for 60,000 evidence lines on the page's main thread).
 */
function redactIn<T>(value: T, done: Map<string, string>): T {
  if (typeof value === 'string') {
    // (A long string is not looked up either: hashing each quoted line cost as much as masking it.)
    if (value.length > MEMO_MAX) return redactQuoted(value) as T;
    let r = done.get(value);
    if (r === undefined) done.set(value, (r = redactQuoted(value)));
    return r as T;
  }
  // Arrays and objects are copied only when something in them was masked (as redactFields leaves hosts without a
  // keyword): a diagnosis is never changed in place, and 60,000 evidence lines copied cost tens of milliseconds.
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const x: unknown = value[i];
      const r = redactIn(x, done);
      if (r !== x && !out) out = value.slice(0, i);
      out?.push(r);
    }
    return (out ?? value) as T;
  }
  if (value !== null && typeof value === 'object') {
    const from = value as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    for (const k of Object.keys(from)) {
      const x = from[k];
      const r = redactIn(x, done);
      if (r !== x) (out ??= { ...from })[k] = r;
    }
    return (out ?? value) as T;
  }
  return value;
}

interface QuotingDiagnosis {
  inputs: { source: string; warnings: { line: number; message: string }[]; command?: string; firstLine?: number }[];
  findings: { evidence: { source: string; line: number; text: string }[] }[];
  hosts?: unknown[];
}

/**
 * Every field masked (plans, findings, inputs, charts, whatever is added later), hosts apart: tens of thousands of
 * them hold an address, an interface name and the tool's own sentences, so only a host whose strings hold a
 * keyword is copied (cloning 60,000 hosts cost most of a second on the main thread).
 */
function redactFields<T extends QuotingDiagnosis>(d: T): T {
  const { hosts, ...rest } = d;
  const out = redactDeep(rest) as T;
  if (hosts) {
    // The strings of a host that come from a paste: its address and interface (the rest are the tool's words).
    // Interfaces repeat (a few names for 72,516 hosts), so each is tested once; an address of digits, hex letters,
    // dots and colons holds no keyword (each has a letter past f, or is ://), so it needs no test.
    const tested = new Map<string, boolean>();
    const pasted = (x: unknown) => {
      if (typeof x !== 'string' || plainAddress(x)) return false;
      let hit = tested.get(x);
      if (hit === undefined) tested.set(x, (hit = MAY_HOLD_SECRET.test(x)));
      return hit;
    };
    out.hosts = hosts.map((h) => {
      const { ip, interface: iface } = h as { ip?: unknown; interface?: unknown };
      return pasted(ip) || pasted(iface) ? redactDeep(h) : h;
    });
  }
  return out;
}

/** Only digits, the letters a-f (either case), dots and colons: an IPv4 or IPv6 address as written. */
function plainAddress(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    // ASCII letters to lower case; digits, '.' and ':' stay as they are (a few control characters become one of them:
    // no keyword has those either).
    const c = s.charCodeAt(i) | 0x20;
    if (!((c >= 48 && c <= 58) || c === 46 || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

const clip = (t: string) => (t.length > 120 ? `${t.slice(0, 117)}...` : t); // as warnings quote a line

/**
 * A diagnosis as it may be shown, printed, exported or shared: every string masked, and, given the pastes, every
 * quoted line (evidence, `not read: "…"` warnings) replaced by its masked line from the paste itself, because a
 * line of a certificate or of a key table carries no keyword of its own: only its paste says it is secret.
 */
export function redactDiagnosis<T extends QuotingDiagnosis>(d: T, pastes?: readonly { source: string; text: string }[]): T {
  return redactDiagnosisBy(d, pastes?.map((p) => ({ source: p.source, ...redactSecretsDetailed(p.text) })));
}

/**
 * redactDiagnosis with each paste already masked (redactSecretsDetailed), for a caller that keeps the masked text
 * too (the worker, which sends it back for storage: a big paste is masked once).
 */
export function redactDiagnosisBy<T extends QuotingDiagnosis>(d: T, masks?: readonly ({ source: string } & Redaction)[]): T {
  const out = redactFields(d);
  if (!masks) return out;
  const masked = new Map<string, { lines: string[]; touched: Set<number> }>();
  for (const r of masks) {
    if (r.removed.length > 0) masked.set(r.source, { lines: r.text.split(/\r\n|\n|\r/), touched: new Set(r.removed.map((x) => x.line)) });
  }
  if (masked.size === 0) return out;
  const maskedLine = (source: string, line: number) => {
    const m = masked.get(source);
    return m?.touched.has(line) ? m.lines[line - 1]?.trim() : undefined;
  };
  // New objects where a line changes, never a change in place: redactFields shares what it did not mask with `d`.
  out.findings = out.findings.map((f) => {
    const evidence = f.evidence.map((e) => {
      const text = maskedLine(e.source, e.line);
      return text === undefined || text === e.text ? e : { ...e, text };
    });
    return evidence.every((e, k) => e === f.evidence[k]) ? f : { ...f, evidence };
  });
  out.inputs = out.inputs.map((i) => {
    const warnings = i.warnings.map((w) => {
      const line = maskedLine(i.source, w.line);
      const q = w.message.indexOf('"');
      return line !== undefined && q >= 0 ? { ...w, message: `${w.message.slice(0, q)}"${clip(line)}"` } : w;
    });
    const command = i.command === undefined || i.firstLine === undefined ? i.command : maskedCommand(i.command, maskedLine(i.source, i.firstLine));
    return command === i.command && warnings.every((w, k) => w === i.warnings[k]) ? i : { ...i, warnings, command };
  });
  return out;
}

/**
 * A section's command as its masked prompt line has it: alone, the command has lost what told its secret (the mode in
 * `R1(config-radius-server)#k 7 X`). The line is the prompt, then the command: the command's text before its first
 * mask must start the command, or the whole command is masked (when in doubt).
 */
function maskedCommand(command: string, line: string | undefined): string {
  if (line === undefined || !line.includes(MASK)) return command;
  let p = 0;
  while (p < line.length && line.charCodeAt(p) !== 35 && line.charCodeAt(p) !== 62) p++;
  const tail = line.slice(p + 1).trimStart();
  const at = tail.indexOf(MASK);
  return at >= 0 && command.startsWith(tail.slice(0, at)) ? tail : MASK;
}

/** "3 secret lines masked (enable secret, snmp community)" for the UI; empty when nothing was found. */
export function describeRedaction(removed: readonly RedactedLine[]): string {
  if (removed.length === 0) return '';
  const kinds = [...new Set(removed.map((r) => r.kind))].join(', ');
  return `${removed.length} secret line${removed.length === 1 ? '' : 's'} masked (${kinds})`;
}
