// Vite build for the browser app: relative base so dist/ works from any sub-path; the core runs in a module worker.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Fixed ports so `npm start` prints a stable URL and Playwright knows where the built app is served. */
export const DEV_PORT = 5173;
export const PREVIEW_PORT = 4173;

export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: DEV_PORT, strictPort: false, open: false },
  preview: { host: '127.0.0.1', port: PREVIEW_PORT, strictPort: true, open: false },
  build: {
    target: 'es2022',
    sourcemap: false,
    // The first-paint budget is 130 KB gzipped: keep heavy views (charts, report) in their own lazy chunks.
    chunkSizeWarningLimit: 600,
  },
});
