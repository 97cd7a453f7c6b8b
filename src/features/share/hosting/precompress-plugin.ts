// Vite plugin: writes `.gz` and `.br` beside each text asset of the site build, for hosts that serve them as they are
// (nginx gzip_static / brotli_static, Caddy precompressed, Apache MultiViews). Runs in Node at build time.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|webmanifest|json|txt)$/;
/** Below this a compressed copy saves less than a request header weighs. */
const MIN_BYTES = 1024;

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

/** Compress every text file under `dir` (gzip level 9, brotli quality 11); returns how many copies were written. */
export function precompressDir(dir: string): number {
  let written = 0;
  for (const file of files(dir)) {
    if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_BYTES) continue;
    const body = readFileSync(file);
    const gz = gzipSync(body, { level: 9 });
    const br = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    // Only where it pays: a server picks the copy blindly, so it must never be bigger than the file.
    if (gz.length < body.length) {
      writeFileSync(`${file}.gz`, gz);
      written++;
    }
    if (br.length < body.length) {
      writeFileSync(`${file}.br`, br);
      written++;
    }
  }
  return written;
}

/** Site build only (the single file is opened from disk): after every other plugin wrote its files (sw.js too). */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'code-red:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const n = precompressDir(outDir);
        this.environment?.logger.info(`precompressed: ${n} .gz/.br files beside the assets`);
      },
    },
  };
}
