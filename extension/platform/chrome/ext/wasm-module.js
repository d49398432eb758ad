// Chromium build: the service worker's WebAssembly module, compiled from the bytes that came with its own
// scripts (see ext/wasm-bytes.js for why). Copied to ext/ by scripts/package.mjs; the Firefox build has its own.

import base64 from '../pkg/newslens_bg.wasm.js';
import { fromBase64 } from './wasm-bytes.js';

/** Compile the module, timing its parts into `times`: `bytes` (decoding them), `compile`. */
export async function compileModule(times) {
  const start = performance.now();
  const bytes = fromBase64(base64);
  times.bytes = performance.now() - start;
  const module = await WebAssembly.compile(bytes);
  times.compile = performance.now() - start - times.bytes;
  return module;
}
