// For the tests of the CLI's WebAssembly modules (clean-rows-wasm, clean-json-wasm, fnf-runs-wasm, verbose-runs-wasm,
// mls-runs-wasm, nx-runs-wasm): a module's text, assembled with wabt, must be the bytes it ships; UPDATE_WASM=1 writes them afresh. wabt is a dev
// dependency: only tests import this.
import { writeFileSync } from 'node:fs';

/** The module's bytes from its text. */
export async function assembleWat(name: string, text: string): Promise<Uint8Array> {
  const wabt = await (await import('wabt')).default();
  const mod = wabt.parseWat(name, text);
  try {
    return new Uint8Array(mod.toBinary({}).buffer);
  } finally {
    mod.destroy();
  }
}

export interface ShippedModule {
  /** The module's text and a name for wabt's messages. */
  name: string;
  text: string;
  /** The base64 the module ships, the file it is in and the constant's name there. */
  shipped: string;
  bytesFile: URL;
  constName: string;
  /** How to write it afresh, and the test that checks it (for the file's header). */
  update: string;
  checkedBy: string;
}

/**
 * The text assembled (base64) and the bytes shipped, for the test to compare. With UPDATE_WASM=1 the bytes file is
 * written from the text first, and both are the new bytes.
 */
export async function assembledAndShipped(m: ShippedModule): Promise<{ assembled: string; shipped: string }> {
  const assembled = Buffer.from(await assembleWat(m.name, m.text)).toString('base64');
  if (process.env.UPDATE_WASM !== '1') return { assembled, shipped: m.shipped };
  const header = `// Generated from wat.ts by \`${m.update}\`: do not edit (${m.checkedBy} checks it).`;
  writeFileSync(m.bytesFile, `${header}\nexport const ${m.constName} = '${assembled}';\n`);
  return { assembled, shipped: assembled };
}

/**
 * The check that a kernel's module is the text it comes from, assembled (`dir`: its folder under src/cli, whose
 * bytes.ts holds the constant `constName`; UPDATE_WASM=1 writes it afresh): for a test to run.
 */
export function textAssembledCheck(dir: string, constName: string, text: () => string, shipped: string, bytesFile: URL): () => Promise<void> {
  return async () => {
    const m = await assembledAndShipped({
      name: `${dir}.wat`,
      text: text(),
      shipped,
      bytesFile,
      constName,
      update: `UPDATE_WASM=1 npx vitest run src/cli/${dir}`,
      checkedBy: 'kernel.test.ts',
    });
    if (m.assembled !== m.shipped) throw new Error(`src/cli/${dir}/bytes.ts is not its wat.ts assembled: UPDATE_WASM=1 npx vitest run src/cli/${dir}`);
  };
}
