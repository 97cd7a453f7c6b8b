// Shared by the browser benchmarks: build the site, serve dist/ with `vite preview` on 127.0.0.1, find Chromium.
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** CHROME_PATH, else Debian's /usr/bin/chromium, else undefined (Playwright's own browser). */
export function chromiumPath() {
  return process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

/**
 * Build (unless --no-build was given) and start `vite preview` on `port`. The server runs in its own process group
 * so `stop()` ends npx and vite together; it is also stopped when this process exits.
 */
export function startPreview(port) {
  if (!process.argv.includes('--no-build')) execSync('npx vite build', { cwd: ROOT, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}/`;
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: ROOT, stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid);
    } catch {
      /* already gone */
    }
  };
  process.on('exit', stop);
  async function ready() {
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(base)).ok) return;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('vite preview did not start');
  }
  return { base, stop, ready };
}
