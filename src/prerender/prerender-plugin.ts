// Vite plugin (build only): renders the first screens from the app's own components (render-shell.tsx, run in Node
// through Vite's module runner, so ?raw imports and TypeScript work as in the app) and puts them in index.html's
// <div id="root">, in both builds (site and single file). Development serves the page without them (React renders).
import { runnerImport, type Plugin } from 'vite';
import type { Shell } from './render-shell';

const ROOT_DIV = /<div id="root">([\s\S]*?)<\/div>(?=\s*<noscript>)/;

/**
 * What HTML rendering has no use for, stubbed: stylesheets (the page links the built CSS) and the service-worker
 * registration hook (its effects never run here; the shell renders no update prompt).
 */
const stubs = (): Plugin => ({
  name: 'code-red:prerender-stubs',
  enforce: 'pre',
  resolveId: (id) => (id === 'virtual:pwa-register/react' ? '\0pwa-register-stub' : /\.css(\?|$)/.test(id) ? '\0css-stub' : undefined),
  load(id) {
    if (id === '\0css-stub') return 'export default "";';
    if (id === '\0pwa-register-stub') {
      return 'import { useState } from "react";\nexport function useRegisterSW() { return { needRefresh: useState(false), offlineReady: useState(false), updateServiceWorker: async () => {} }; }';
    }
    return undefined;
  },
});

export async function renderShellInNode(root: string): Promise<Shell> {
  const { module } = await runnerImport<typeof import('./render-shell')>('/src/prerender/render-shell.tsx', {
    root,
    logLevel: 'error',
    plugins: [stubs()],
  });
  return module.renderShell();
}

export function insertShell(html: string, shell: Shell): string {
  if (!ROOT_DIV.test(html)) throw new Error('index.html has no <div id="root"></div> before its <noscript> for the prerendered screen');
  return html.replace(ROOT_DIV, () => `<div id="root">${shell.root}</div>`);
}

export function prerender(): Plugin {
  let root = process.cwd();
  return {
    name: 'code-red:prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        const shell = await renderShellInNode(root);
        this.info?.(`prerendered ${shell.pages.map((p) => p.name).join(', ')}: example ${shell.example.infected.length} infected, ${shell.example.findings} findings`);
        return insertShell(html, shell);
      },
    },
  };
}
