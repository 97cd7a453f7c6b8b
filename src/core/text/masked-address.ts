// Addresses a poster hid by hand before sharing a paste: `x.x.x.x`, `10.x.x.x`, `192.168.1.xxx`, `a.b.c.d`, `W.X.Y.Z`.
//
// A masked address is still a row: parsers count it and keep its other columns, but it is never an address, so
// it must never reach host verdicts. Only whole-token shapes count: four dot-separated parts, each a real octet
// or a mask (letters w/x/y/z or a-d, `*`, `#`, `?`), at least one of them a mask.

/** A part of a dotted quad a poster replaced: `x`, `xx`, `xxx`, `X`, `Y`, `z`, `a`..`d`, `W` (`W.X.Y.Z`), `*`, `#`, `?`. */
const MASK_PART = /^(?:[xXyYzZ]{1,3}|[a-dA-DwW]|\*{1,3}|#{1,3}|\?{1,3})$/;
const OCTET = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Is this token a hand-masked IPv4 address (not a real one, not an arbitrary word)? */
export function isMaskedIPv4(token: string): boolean {
  if (token.length > 15 || token.length < 7) return false;
  const parts = token.split('.');
  if (parts.length !== 4) return false;
  let masked = 0;
  for (const p of parts) {
    if (MASK_PART.test(p)) masked++;
    else if (!OCTET.test(p)) return false;
  }
  return masked > 0;
}

/** `x.x.x.x:80`, `10.1.x.x:1024`: a masked address with a port, as NAT and flow tables print them. */
export function isMaskedAddressPort(token: string): boolean {
  const colon = token.indexOf(':');
  if (colon < 0) return isMaskedIPv4(token);
  return isMaskedIPv4(token.slice(0, colon)) && /^\d{1,5}$/.test(token.slice(colon + 1));
}

/**
 * Three octets and nothing else (`120.1.211`): an address a poster (or a test author) cut short by hand. Only a
 * caller that knows the line was not cut by a terminal may take it as such: a terminal wrap cuts addresses too.
 */
export function isCutIPv4(token: string): boolean {
  const parts = token.split('.');
  return token.length <= 11 && parts.length === 3 && parts.every((p) => OCTET.test(p));
}

/** The warning a row read with a hidden address carries: which field, and what the poster put there. */
export function maskedAddressWarning(index: number, field: string, posted: string): { line: number; message: string } {
  return posted === ''
    ? { line: index + 1, message: `${field} left blank by the poster: row read, address unknown` }
    : { line: index + 1, message: `${field} hidden by the poster ("${posted}"): row read, address unknown` };
}
