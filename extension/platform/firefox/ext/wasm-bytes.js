// Firefox build: where a page finds the WebAssembly module (the content script's fallback when the background
// script cannot answer). Copied to ext/ by scripts/package.mjs; the Chromium build has its own.

/** The module's URL, for `init`'s `module_or_path`. */
export const pageModuleSource = async () => chrome.runtime.getURL('pkg/newslens_bg.wasm');
