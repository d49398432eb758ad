// Firefox build: the background script's WebAssembly module, streamed from pkg/newslens_bg.wasm as it is read
// (Firefox compiles while the bytes arrive; the file stays a plain .wasm for the add-on's reviewers). Copied to
// ext/ by scripts/package.mjs; the Chromium build has its own.

/** Compile the module, timing its parts into `times`: `bytes` (the fetch, to its response), `compile`. */
export async function compileModule(times) {
  const start = performance.now();
  const response = await fetch(new URL('../pkg/newslens_bg.wasm', import.meta.url));
  times.bytes = performance.now() - start;
  const module = await WebAssembly.compileStreaming(response);
  times.compile = performance.now() - start - times.bytes;
  return module;
}
