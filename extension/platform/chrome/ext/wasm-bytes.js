// Chromium build: the WebAssembly module's bytes travel as base64 in a JS module, pkg/newslens_bg.wasm.js
// (written by scripts/build-wasm.sh), rather than as pkg/newslens_bg.wasm. Copied to ext/ by
// scripts/package.mjs; the Firefox build has its own.
//
// Why: an extension's service worker that fetches its .wasm waits for the browser's extension URL loader
// (9 ms to the response on an idle 2-core machine, 15 ms while the page that woke it loads) and then compiles
// from bytes that trickle in over another 10-25 ms; it cannot use V8's WebAssembly code cache, which serves
// http(s) responses only (a Cache Storage copy was tried: no cache entry is ever made for it). The worker's
// own scripts arrive with the worker, so the bytes are there at once and the compilation runs at full speed
// on all of them: worker start → module ready 117 → 91 ms (medians of 9 starts, each while a news page
// loads; see extension/README.md).

/** Decode base64 text to bytes: the native decoder where there is one (Chrome 140+), else atob. */
export function fromBase64(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** What precedes the base64 text in pkg/newslens_bg.wasm.js. */
const BASE64_START = 'export default "';

/**
 * The module's bytes for a page (the content script's fallback when the worker cannot answer): read as text,
 * since a content script cannot import the module's JS, and decoded. `init`'s `module_or_path` takes them.
 */
export async function pageModuleSource() {
  const text = await (await fetch(chrome.runtime.getURL('pkg/newslens_bg.wasm.js'))).text();
  const start = text.indexOf(BASE64_START) + BASE64_START.length;
  return fromBase64(text.slice(start, text.indexOf('"', start)));
}
