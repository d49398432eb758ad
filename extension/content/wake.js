// NewsLens at document_start (registered next to the content script, with the same matches): wake the service
// worker, so that a stopped one starts and instantiates its WebAssembly module while the page loads, before the
// content script asks it for the analysis at document_idle. Reads nothing from the page; the answer is ignored.
chrome.runtime.sendMessage({ type: 'newslens/wake' }).catch(() => {});
// And start reading the reader's settings (chrome.storage.local 'settings', ext/settings.js KEY), which the
// content script needs before it can paint: at document_idle that read took 12–140 ms, sometimes longer than
// the snapshot and the analysis together. Content scripts of one extension share their global object in a
// frame: controls.js takes this read, once, unless the settings changed since it was made.
globalThis.newslensEarly = { settings: chrome.storage.local.get('settings').catch(() => null), changed: false };
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes.settings) globalThis.newslensEarly.changed = true;
});
