// Private keys pasted whole: a PEM private key or PKCS#12 (`crypto pki export TP pem terminal ...`, ASA `crypto ca
// export TP pkcs12 ...`), and the base64 an ASA reads after `crypto ca import TP pkcs12 PASS`. Their lines hold no
// keyword (base64, `Proc-Type:`, `DEK-Info:`): only the lines around them say they are secret, so they are read as
// blocks. Certificates (`BEGIN CERTIFICATE`) are public and stay.
import { MASK } from './mask';
import { commandPosition } from './secret-commands';
import { isSpace, LineWords, type SecretKind } from './secret-words';

const isBase64Char = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61;

/** What follows `-----` on a line, upper case (a bounded slice: a marker's label is short); undefined when none. */
function afterDashes(line: string): string | undefined {
  let at = line.indexOf('-----');
  if (at < 0) return undefined;
  // (A diff's `-` before a removed marker makes six: `------BEGIN ...`.)
  while (line.charCodeAt(at + 5) === 45 && at < 8) at++;
  return line.slice(at + 5, at + 85).toUpperCase();
}

/** `-----BEGIN RSA PRIVATE KEY-----`, `BEGIN ENCRYPTED PRIVATE KEY`, `BEGIN EC PRIVATE KEY`, `BEGIN PKCS12`. */
export function opensSecretPem(line: string): boolean {
  const m = afterDashes(line);
  if (!m?.startsWith('BEGIN ')) return false;
  const label = m.slice(6, m.indexOf('-----') < 0 ? m.length : m.indexOf('-----'));
  return label.includes('PRIVATE') || label.includes('PKCS12') || label.includes('PKCS #12');
}

/** `-----END ...`, and the ASA's `-----End - This line not part of the pkcs12-----`. */
const closesPem = (line: string) => afterDashes(line)?.startsWith('END') === true;

/** One word of base64 only (leading/trailing blanks aside). */
function base64Line(line: string): boolean {
  let b = 0;
  let e = line.length;
  while (b < e && isSpace(line.charCodeAt(b))) b++;
  while (e > b && isSpace(line.charCodeAt(e - 1))) e--;
  if (b === e) return false;
  for (let i = b; i < e; i++) if (!isBase64Char(line.charCodeAt(i))) return false;
  return true;
}

/** A line of a PEM body: base64, blank, or an RFC 1421 header (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: ...`). */
function pemBody(line: string): boolean {
  if (line.trim() === '' || base64Line(line)) return true;
  const colon = line.indexOf(': ');
  let b = 0;
  while (b < colon && isSpace(line.charCodeAt(b))) b++; // a block indented whole (a Markdown code block)
  if (colon <= b) return false;
  for (let i = b; i < colon; i++) {
    const c = line.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45)) return false;
  }
  return true;
}

/** `crypto ca import TP pkcs12 ...` (as a command: after a prompt, a log's `command:`, ...): the terminal then reads the PKCS#12 in base64. */
function importsPkcs12(line: string): boolean {
  const ws = new LineWords(line, 0);
  for (let i = 0; i < 12 && ws.at(i + 4); i++) {
    if (ws.at(i)!.norm === 'crypto' && commandPosition(line, ws.at(i)!)) return ws.at(i + 2)!.norm === 'import' && ws.at(i + 4)!.norm === 'pkcs12';
  }
  return false;
}

/**
 * Block state across lines: `step` masks a line inside a private key's PEM block (its markers stay) or the base64
 * typed after a PKCS#12 import (to `quit`), and returns undefined for any other line, which is read as usual.
 */
export function keyBlocks() {
  let state: 'off' | 'pem' | 'pkcs12' = 'off';
  let body = false; // base64 seen since the import
  let waited = 0; // prose lines since the import (`Enter the base 64 encoded pkcs12.`)
  const masked = (line: string): { text: string; kind: SecretKind } => ({ text: `${line.slice(0, line.length - line.trimStart().length)}${MASK}`, kind: 'key' });
  return {
    open: () => state !== 'off',
    step(line: string): { text: string; kind: SecretKind } | undefined {
      if (state === 'pem') {
        // A body that stops without its END (a truncated paste) ends the block at its first other line.
        if (closesPem(line) || !pemBody(line)) state = 'off';
        else return line.trim() === '' ? undefined : masked(line);
      } else if (state === 'pkcs12') {
        const t = line.trim().toLowerCase();
        if (t !== 'quit' && t !== 'exit' && base64Line(line) && (body || t.length >= 16)) {
          body = true;
          return masked(line);
        }
        if (body || t === 'quit' || t === 'exit' || ++waited > 4) state = 'off';
      }
      if (line.includes('-----') && opensSecretPem(line)) state = 'pem';
      else if (line.includes('kcs12') && importsPkcs12(line)) {
        state = 'pkcs12';
        body = false;
        waited = 0;
      }
      return undefined;
    },
  };
}
