// The build's .gz/.br copies: beside each text asset worth it, decompressing to the same bytes; nothing else.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress-plugin';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('precompressDir', () => {
  it('writes gzip and brotli copies of text assets that decompress to the original bytes', () => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    mkdirSync(join(dir, 'assets'));
    const js = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `row ${i}`))};\n`;
    writeFileSync(join(dir, 'assets', 'app.js'), js);
    writeFileSync(join(dir, 'index.html'), `<!doctype html><title>x</title>${'<p>shell</p>'.repeat(200)}`);
    writeFileSync(join(dir, 'tiny.css'), 'body{margin:0}'); // under 1 KB: not worth a copy
    writeFileSync(join(dir, 'icon.png'), Buffer.alloc(4096, 7)); // binary, already compressed in real life
    expect(precompressDir(dir)).toBe(4);
    expect(gunzipSync(readFileSync(join(dir, 'assets', 'app.js.gz'))).toString()).toBe(js);
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets', 'app.js.br'))).toString()).toBe(js);
    expect(existsSync(join(dir, 'index.html.br'))).toBe(true);
    expect(existsSync(join(dir, 'tiny.css.gz'))).toBe(false);
    expect(existsSync(join(dir, 'icon.png.gz'))).toBe(false);
  });

  it('never writes a copy bigger than the file (incompressible content)', () => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    // Random bytes: gzip and brotli can only add framing to them.
    writeFileSync(join(dir, 'noise.txt'), randomBytes(3000));
    expect(precompressDir(dir)).toBe(0);
    expect(existsSync(join(dir, 'noise.txt.gz'))).toBe(false);
    expect(existsSync(join(dir, 'noise.txt.br'))).toBe(false);
  });
});
