// Where a share payload sits in the URL: `#/report?d=<payload>` (a fragment, so it never reaches a server).

export const REPORT_ROUTE = '#/report';

/** Links longer than this get cut by chat tools and ticket systems; past it the pastes are left out (build-share.ts). */
export const LINK_BUDGET = 8_000;

/** The hash for a payload; base64url and the `v1.` prefix need no escaping in a fragment. */
export function reportHash(encoded: string): string {
  return `${REPORT_ROUTE}?d=${encoded}`;
}

/** The full link: the page address without its own fragment, plus the report hash. */
export function shareUrl(pageUrl: string, encoded: string): string {
  const i = pageUrl.indexOf('#');
  return `${i < 0 ? pageUrl : pageUrl.slice(0, i)}${reportHash(encoded)}`;
}

/**
 * The `d` value of a hash like `#/report?d=v1.xxx&other=1`, or null when the hash carries none.
 * Read by hand, not with URLSearchParams, because that turns `+` into a space and a pasted link may carry either.
 */
export function payloadFromHash(hash: string): string | null {
  const q = hash.indexOf('?');
  if (q < 0) return null;
  for (const part of hash.slice(q + 1).split('&')) {
    if (!part.startsWith('d=')) continue;
    try {
      return decodeURIComponent(part.slice(2)).trim();
    } catch {
      return part.slice(2).trim(); // a stray % is a damaged link; the decoder will say so
    }
  }
  return null;
}
