// Vite plugins for hosting: the CSP meta tag and dist/_headers for the site build, and the single-file finish
// (inline-hash CSP, file name). Imported by vite.config.ts only; runs in Node at build time.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { HEADER_ONLY_DIRECTIVES, META_DIRECTIVES, policy, singleFileDirectives } from './csp.ts';

export const SINGLE_FILE_NAME = 'code-red-triage.html';

const meta = (content: string) => `<meta http-equiv="Content-Security-Policy" content="${content}" />`;

/** Put the meta right after <meta charset>, before anything it must govern. */
function injectHead(html: string, tag: string): string {
  const m = /<meta charset[^>]*>/i.exec(html);
  if (!m) throw new Error('index.html has no <meta charset>: cannot place the CSP before the scripts');
  return html.slice(0, m.index + m[0].length) + `\n    ${tag}` + html.slice(m.index + m[0].length);
}

/** Site build: CSP meta tag, plus a `_headers` file (Netlify/Cloudflare syntax) carrying the header-only parts. */
export function sitePolicy(): Plugin {
  return {
    name: 'code-red:site-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => injectHead(html, meta(policy(META_DIRECTIVES))),
    },
    generateBundle() {
      const header = policy({ ...META_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES });
      this.emitFile({
        type: 'asset',
        fileName: '_headers',
        source: [
          '# Response headers for static hosts that read this file (Netlify, Cloudflare Pages). Elsewhere (nginx,',
          '# Apache, IIS) send the same: frame-ancestors works only as a header, the rest is also in the meta tag.',
          '/*',
          `  Content-Security-Policy: ${header}`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: no-referrer',
          '',
        ].join('\n'),
      });
    },
  };
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');

/** Single file: after vite-plugin-singlefile has inlined everything, hash the inline script/style into a CSP. */
export function finishSingleFile(text: string): string {
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)];
  const styles = [...text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)];
  if (scripts.some((m) => /^<script\b[^>]*\bsrc=/i.test(m[0])) || /<link\b[^>]*rel="?(stylesheet|modulepreload|manifest)/i.test(text)) {
    throw new Error('single-file build still references external scripts, styles or a manifest');
  }
  const csp = policy(singleFileDirectives(scripts.map((m) => sha256(m[1]!)), styles.map((m) => sha256(m[1]!))));
  return injectHead(text, meta(csp));
}

/** Runs once the single-file HTML is on disk (the inlining happens in the plugin's own late hook). */
export function singleFileFinish(): Plugin {
  let outDir = '';
  return {
    name: 'code-red:single-file-finish',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const from = join(outDir, 'index.html');
      writeFileSync(join(outDir, SINGLE_FILE_NAME), finishSingleFile(readFileSync(from, 'utf8')));
      rmSync(from);
      // Anything else left beside it would mean something was not inlined; the file must stand alone.
      for (const f of readdirSync(outDir)) if (f !== SINGLE_FILE_NAME) rmSync(join(outDir, f), { recursive: true });
    },
  };
}
