// Router secrets out of anything that leaves the page (share links, exports, storage): mask, never drop lines.
//
// Lines are masked in place (the keyword stays, the secret becomes MASK) so line numbers, and with them every
// warning and evidence reference, stay true. `crypto` blocks are masked whole: keys, peers and certificates.

export const MASK = '<removed>';

export type SecretKind =
  | 'enable secret'
  | 'enable password'
  | 'username secret'
  | 'snmp community'
  | 'key'
  | 'password'
  | 'crypto block';

export interface RedactedLine {
  /** 1-based line number in the text. */
  line: number;
  kind: SecretKind;
}

export interface Redaction {
  text: string;
  removed: RedactedLine[];
}

// A type digit (0 clear, 5/8/9 hash, 6 AES, 7 Vigenere) may precede the secret; keep it, mask what follows.
// Free words between keywords are `\s+(?:\S.*?\s)?`, never `\s+(?:.*?\s)?`: both blanks patterns could take the same
// run of spaces, which is quadratic on a long blank line (issue 12).
const TYPE = String.raw`(?:[05-9]\s+)?`;
// Each rule: where the secret starts (group 1 = what stays) and its kind. The rest of the line is masked,
// except for snmp-server community, where RO/RW and the ACL after the community are harmless and useful.
const LINE_RULES: { re: RegExp; kind: SecretKind; keepTail?: boolean }[] = [
  { re: new RegExp(String.raw`^(\s*enable\s+secret\s+(?:level\s+\d+\s+)?${TYPE})\S`, 'i'), kind: 'enable secret' },
  { re: new RegExp(String.raw`^(\s*enable\s+password\s+(?:level\s+\d+\s+)?${TYPE})\S`, 'i'), kind: 'enable password' },
  { re: new RegExp(String.raw`^(\s*username\s+\S+\s+(?:\S.*?\s)?(?:secret|password)\s+${TYPE})\S`, 'i'), kind: 'username secret' },
  { re: /^(\s*snmp-server\s+community\s+)\S+/i, kind: 'snmp community', keepTail: true },
  // snmp-server host ADDR [informs|traps] [version 1|2c|3 [auth|noauth|priv]] COMMUNITY [udp-port ...]
  {
    re: /^(\s*snmp-server\s+host\s+\S+\s+(?:(?:informs|traps)\s+)?(?:version\s+(?:1|2c|3)\s+(?:(?:auth|noauth|priv)\s+)?)?)(?!version\b|informs\b|traps\b)\S+/i,
    kind: 'snmp community',
    keepTail: true,
  },
  { re: new RegExp(String.raw`^(\s*key-string\s+${TYPE})\S`, 'i'), kind: 'key' },
  { re: new RegExp(String.raw`^(\s*(?:tacacs|radius)-server\s+(?:host\s+\S+\s+(?:\S.*?\s)?)?key\s+${TYPE})\S`, 'i'), kind: 'key' },
  { re: new RegExp(String.raw`^(\s*ntp\s+authentication-key\s+\d+\s+md5\s+)\S`, 'i'), kind: 'key' },
  { re: new RegExp(String.raw`^(\s*ip\s+ospf\s+(?:authentication-key|message-digest-key\s+\d+\s+md5)\s+${TYPE})\S`, 'i'), kind: 'key' },
  { re: new RegExp(String.raw`^(\s*(?:standby\s+(?:\d+\s+)?authentication|pre-shared-key|wpa-psk\s+ascii)\s+(?:\S.*?\s)?${TYPE})\S`, 'i'), kind: 'key' },
  // vty/console `password 7 ...`, `neighbor X password ...`, `ppp chap password ...`, `ip ftp password ...`
  { re: new RegExp(String.raw`^(\s*(?:(?:neighbor\s+\S+|ppp\s+(?:chap|pap)(?:\s+sent-username\s+\S+)?|ip\s+ftp)\s+)?password\s+${TYPE})\S`, 'i'), kind: 'password' },
];

// A top-level `crypto ...` line opens a block; its indented lines belong to it (IOS config layout).
const CRYPTO_HEAD = /^crypto\s/i;
const INDENTED = /^[ \t]/;

/** Mask a config line that starts at `line[start]`; undefined when it holds no secret. */
function redactFrom(line: string, start: number): { text: string; kind: SecretKind } | undefined {
  const head = line.slice(0, start);
  const rest = line.slice(start);
  for (const r of LINE_RULES) {
    const m = r.re.exec(rest);
    if (!m) continue;
    const keep = m[1]!;
    const tail = r.keepTail ? rest.slice(m[0].length) : '';
    return { text: `${head}${keep}${MASK}${tail}`, kind: r.kind };
  }
  if (CRYPTO_HEAD.test(rest.replace(/^\s+/, ''))) return { text: `${head}${rest.match(/^\s*/)![0]}crypto ${MASK}`, kind: 'crypto block' };
  return undefined;
}

// Where a config line can start inside a longer line: at its start, after a `source:line` evidence prefix (how
// reports and exports quote a line, e.g. "paste 1:12  enable secret ..."), or inside the quotes of a warning.
const QUOTED_STARTS = [/^.*?:\d+\s+/, /^[^"]*"/];

/** Mask one line when it holds a secret; returns the kind, or undefined when there is none. */
export function redactLine(line: string): { text: string; kind?: SecretKind } {
  const direct = redactFrom(line, 0);
  if (direct) return direct;
  for (const re of QUOTED_STARTS) {
    const m = re.exec(line);
    const r = m ? redactFrom(line, m[0].length) : undefined;
    if (r) return r;
  }
  return { text: line };
}

/** Mask every secret in a paste or an export; reports which lines were touched. Line breaks are kept as they were. */
export function redactSecretsDetailed(text: string): Redaction {
  const parts = text.split(/(\r\n|\n|\r)/); // keep the separators so CRLF pastes come back byte-identical
  const removed: RedactedLine[] = [];
  let inCrypto = false;
  for (let i = 0; i < parts.length; i += 2) {
    const line = parts[i]!;
    const lineNo = i / 2 + 1;
    if (inCrypto) {
      if (INDENTED.test(line) && line.trim() !== '') {
        parts[i] = `${line.match(/^\s*/)![0]}${MASK}`;
        removed.push({ line: lineNo, kind: 'crypto block' });
        continue;
      }
      inCrypto = false;
    }
    if (CRYPTO_HEAD.test(line)) inCrypto = true; // only an unindented `crypto` opens a block
    const r = redactLine(line);
    if (r.kind) {
      parts[i] = r.text;
      removed.push({ line: lineNo, kind: r.kind });
    }
  }
  return { text: parts.join(''), removed };
}

/** Mask every router secret in a text (pastes, exports, anything persisted). */
export function redactSecrets(text: string): string {
  return redactSecretsDetailed(text).text;
}

/** "3 secret lines masked (enable secret, snmp community)" for the UI; empty when nothing was found. */
export function describeRedaction(removed: readonly RedactedLine[]): string {
  if (removed.length === 0) return '';
  const kinds = [...new Set(removed.map((r) => r.kind))].join(', ');
  return `${removed.length} secret line${removed.length === 1 ? '' : 's'} masked (${kinds})`;
}
