// NewsLens at document_start (registered next to the content script, with the same matches): wake the service
// worker, so that a stopped one starts and instantiates its WebAssembly module while the page loads, before the
// content script asks it for the analysis at document_idle. Reads nothing from the page; the answer is ignored.
chrome.runtime.sendMessage({ type: 'newslens/wake' }).catch(() => {});
