// Vite build for the browser app: relative base so dist/ works from any sub-path; the core runs in a module worker.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
// Share/offline (issue 7) and CSP (issue 8): service worker, single-file build, Content-Security-Policy.
import { VitePWA } from 'vite-plugin-pwa';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { singleFileFinish, sitePolicy } from './src/features/share/hosting/vite-hosting-plugins.ts';
// Static hosts without on-the-fly compression (issue 16): .gz and .br copies beside the assets.
import { precompress } from './src/features/share/hosting/precompress-plugin.ts';
import { webManifest } from './src/features/share/hosting/web-manifest.ts';
// First paint without script (issue 16): the first screens, prerendered from the app's components into index.html.
import { prerender } from './src/prerender/prerender-plugin.ts';

/** Fixed ports so `npm start` prints a stable URL and Playwright knows where the built app is served. */
export const DEV_PORT = 5173;
export const PREVIEW_PORT = 4173;

/**
 * Precache everything the app needs so it reloads offline after one visit; `prompt` so a new deploy never swaps
 * code under an engineer mid-triage: the app asks first (features/share/update-banner.tsx). Disabled (its
 * register module becomes a no-op) in the single-file build, which runs from file:// where no worker can register.
 */
const pwa = (single: boolean) =>
  VitePWA({
    disable: single,
    registerType: 'prompt',
    injectRegister: false, // registered from code (no inline script, for the CSP)
    strategies: 'generateSW',
    manifest: webManifest,
    workbox: {
      globPatterns: ['**/*.{js,css,html,webmanifest,svg,png,ico,txt}'],
      globIgnores: ['single/**', '_headers'],
      cleanupOutdatedCaches: true,
      // No catch-all navigation route (issue 12): with one, every URL in the worker's scope (another app's
      // /not-this-app/admin.html on the same host) was answered with this app. Navigations are served from the
      // precache only, which holds this app's own index.html (`./` maps to it); anything else goes to the network.
      navigateFallback: null,
      maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    },
  });

/** `npm start` prints where the built-in example opens (no browser is launched). */
const printExampleUrl = (): Plugin => ({
  name: 'print-example-url',
  configureServer(server) {
    const print = server.printUrls.bind(server);
    server.printUrls = () => {
      print();
      const base = server.resolvedUrls?.local[0];
      if (base) server.config.logger.info(`  ➜  Example: ${base}#/example  (the tech note's captures, fully diagnosed)`);
    };
  },
});

// `vite build --mode single` (second step of `npm run build`): one self-contained HTML file, worker inlined.
export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  return {
  base: './',
  plugins: [react(), printExampleUrl(), prerender(), pwa(single), ...(single ? [viteSingleFile(), singleFileFinish()] : [sitePolicy(), precompress()])],
  // Single file: Chromium refuses module workers from blob: URLs on file:// pages, so that build's inlined worker
  // is a classic (iife) one.
  worker: { format: single ? 'iife' : 'es' },
  server: { host: '127.0.0.1', port: DEV_PORT, strictPort: false, open: false },
  preview: { host: '127.0.0.1', port: PREVIEW_PORT, strictPort: true, open: false },
  build: {
    target: 'es2022',
    sourcemap: false,
    // The first-paint budget is 130 KB gzipped: keep heavy views (charts, report) in their own lazy chunks.
    chunkSizeWarningLimit: 600,
    ...(single ? { outDir: 'dist/single', emptyOutDir: true, chunkSizeWarningLimit: 5000 } : {}),
  },
  };
});
