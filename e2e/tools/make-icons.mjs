// Renders public/'s PNG icons from public/icon.svg and the install screenshots from the built app, in Chromium.
// Run after changing the icon or the report's look: `node e2e/tools/make-icons.mjs` (it builds and serves dist/).
// The outputs are committed; nothing runs this at build time.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath, ROOT, startPreview } from '../bench/preview-server.mjs';

const svg = readFileSync(`${ROOT}public/icon.svg`, 'utf8');
// Maskable: full bleed (the platform cuts its own shape); the glyph already sits inside the 80% safe circle.
const maskable = svg.replace('rx="96" ', '');

const browser = await chromium.launch({ ...(chromiumPath() ? { executablePath: chromiumPath() } : {}), args: ['--no-sandbox', '--disable-gpu'] });

async function png(source, size, file) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const url = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${url}" width="${size}" height="${size}">`);
  await page.locator('img').evaluate((img) => img.decode());
  writeFileSync(`${ROOT}public/${file}`, await page.screenshot({ omitBackground: true, type: 'png' }));
  await page.close();
}

await png(svg, 192, 'icon-192.png');
await png(svg, 512, 'icon-512.png');
await png(maskable, 512, 'icon-maskable-512.png');
await png(svg, 180, 'apple-touch-icon.png');

// Screenshots for the richer install dialog: the tech note's example report, wide and narrow.
const port = Number(process.env.ICONS_PORT ?? 4191);
const preview = startPreview(port);
try {
  await preview.ready();
  for (const [name, width, height] of [['report-wide', 1280, 720], ['report-narrow', 540, 960]]) {
    const ctx = await browser.newContext({ viewport: { width, height }, serviceWorkers: 'block', colorScheme: 'light' });
    const page = await ctx.newPage();
    await page.goto(`${preview.base}#/example`);
    await page.locator('[data-finding-id]').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    writeFileSync(`${ROOT}public/screenshots/${name}.jpg`, await page.screenshot({ type: 'jpeg', quality: 72 }));
    await ctx.close();
  }
} finally {
  preview.stop();
  await browser.close();
}
