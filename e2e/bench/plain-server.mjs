// A plain static server for the benchmarks: dist/ as files, no compression, no caching headers (like Python's
// http.server, a file share, or nginx without gzip for JS). It serves a file's bytes whatever the client accepts.
import { createReadStream, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

function serve(root, port) {
  createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    try {
      if (!file.startsWith(normalize(root)) || !statSync(file).isFile()) throw new Error('not a file');
    } catch {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  }).listen(port, '127.0.0.1');
}

/**
 * Serve `root` on 127.0.0.1:`port` from a child process (the benchmarks block their own event loop while Lighthouse
 * runs); returns { base, stop, ready }.
 */
export function plainServer(root, port) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), root, String(port)], { stdio: 'ignore' });
  const stop = () => child.kill();
  process.on('exit', stop);
  const base = `http://127.0.0.1:${port}/`;
  async function ready() {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(base)).ok) return;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the plain server did not start');
  }
  return { base, stop, ready };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) serve(process.argv[2], Number(process.argv[3]));
