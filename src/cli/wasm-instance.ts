// The CLI's WebAssembly modules (clean-rows-wasm, clean-json-wasm, fnf-runs-wasm, verbose-runs-wasm, mls-runs-wasm,
// nx-runs-wasm) are shipped as base64 and instantiated here, each once, where a run first needs it.

/** A module's shipped bytes, from its base64. */
export const shippedBytes = (base64: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(base64, 'base64'));

/**
 * The exports of the module `bytes` (with `imports`), or undefined where WebAssembly cannot be compiled or
 * instantiated on this Node: its caller then keeps its JavaScript.
 */
export function wasmExports<T>(bytes: Uint8Array<ArrayBuffer>, imports: WebAssembly.Imports = {}): T | undefined {
  try {
    return new WebAssembly.Instance(new WebAssembly.Module(bytes), imports).exports as unknown as T;
  } catch {
    return undefined;
  }
}
