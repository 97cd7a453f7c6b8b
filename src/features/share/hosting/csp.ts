// The Content-Security-Policy of the built app, in one place: the meta tag, the header file and the e2e tests use it.
//
// No request may leave the origin (no fonts, analytics or CDNs), no inline script, no plugins, no <base>, no forms.
// `frame-ancestors` is only honoured in an HTTP header (browsers ignore it, with a console warning, in a meta tag),
// so it goes to dist/_headers and the hosting notes, not the meta tag.

export type Directives = Record<string, string[]>;

export const META_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  // The core worker is a file of the app; in the single-file build it is a blob: URL made from inlined code.
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** Directives only a header can carry. */
export const HEADER_ONLY_DIRECTIVES: Directives = {
  'frame-ancestors': ["'none'"],
};

export function policy(d: Directives): string {
  return Object.entries(d)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

/** The single file's script and style are inline by nature: allow exactly those bytes by hash, nothing else. */
export function singleFileDirectives(scriptHashes: string[], styleHashes: string[]): Directives {
  const hashes = (h: string[]) => h.map((x) => `'sha256-${x}'`);
  return {
    ...META_DIRECTIVES,
    'script-src': hashes(scriptHashes),
    'style-src': styleHashes.length > 0 ? hashes(styleHashes) : ["'none'"],
    // file:// has no usable 'self' for fetches; the page needs none.
    'connect-src': ["'none'"],
    'worker-src': ['blob:'],
    'manifest-src': ["'none'"],
  };
}
