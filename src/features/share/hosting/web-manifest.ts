// The web app manifest (installable app, issue 16): names, colours, icons in public/, and install screenshots.
// Imported by vite.config.ts only; vite-plugin-pwa writes it as manifest.webmanifest.
import type { ManifestOptions } from 'vite-plugin-pwa';

export const webManifest: Partial<ManifestOptions> = {
  // A stable identity, so a later start_url change does not make browsers see a different app.
  id: './',
  name: 'Code Red Triage',
  short_name: 'Code Red',
  description: 'Triage Cisco routers hit by the Code Red worm, offline, in the browser.',
  start_url: './',
  scope: './',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#8b0000',
  categories: ['utilities', 'productivity', 'developer tools'],
  icons: [
    { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  // Made by e2e/tools/make-icons.mjs from the tech note's example report.
  screenshots: [
    { src: 'screenshots/report-wide.jpg', sizes: '1280x720', type: 'image/jpeg', form_factor: 'wide', label: 'The report: infected hosts and the fix' },
    { src: 'screenshots/report-narrow.jpg', sizes: '540x960', type: 'image/jpeg', form_factor: 'narrow', label: 'The report on a phone' },
  ],
};
