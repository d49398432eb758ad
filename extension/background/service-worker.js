// NewsLens service worker (Chromium) / background script (Firefox): runs the analysis for pages whose CSP
// forbids WebAssembly in the content script. The content script sends a JSON snapshot of the page
// (content/snapshot.js); we find the article in it, analyse it, and send back the analysis and the segment
// map in snapshot text indexes.

import init, { analyze, analyzeArticle, analyzeSnapshot } from '../pkg/newslens.js';

// Load once per worker lifetime; the worker may be stopped and restarted between messages.
let ready = null;
const loaded = () => (ready ??= init({ module_or_path: new URL('../pkg/newslens_bg.wasm', import.meta.url) }));

// Messages are JSON-serialised: typed arrays become plain arrays here.
const plain = (r) => ({
  analysis: r.analysis,
  text: r.text,
  title: r.title,
  published: r.published,
  lang: r.lang,
  nodeIndexes: Array.from(r.nodeIndexes),
  starts: Array.from(r.starts),
  lengths: Array.from(r.lengths),
  nodeOffsets: Array.from(r.nodeOffsets, (o) => (o ? Array.from(o) : null)),
});

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (!message || message.type !== 'newslens/analyze-snapshot') return false;
  loaded()
    .then(() => sendResponse({ ok: true, result: plain(analyzeSnapshot(message.json, message.options ?? null)) }))
    .catch((e) => sendResponse({ ok: false, error: String((e && e.message) || e) }));
  return true; // the answer is asynchronous
});

// The analysis of an article the content script scanned (`newslens/analyze-article`, {text, meta, options}):
// run here, off the page's main thread, where a page's input never waits for it.
chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (!message || message.type !== 'newslens/analyze-article') return false;
  loaded()
    .then(() => sendResponse({ ok: true, analysis: analyzeArticle(message.text, message.meta ?? null, message.options ?? null) }))
    .catch((e) => sendResponse({ ok: false, error: String((e && e.message) || e) }));
  return true;
});

// The analysers build their tables (regexes, lexicons) on first use, the costliest call by far: build them as
// soon as the worker starts, in both languages, before a page asks.
loaded()
  .then(() => {
    analyze('« Nous tiendrons », a déclaré mardi 3 mars M. Jean Dupont, maire de Lyon, au Monde.', { lang: 'fr' });
    analyze('"We will," Mayor John Smith of Boston told Reuters on Tuesday, March 3.', { lang: 'en' });
  })
  .catch(() => {});

// The side panel reads each tab's analysis from session storage ('analysis:<tabId>'); the content script
// sends it here because only we know its tab id (sender.tab.id). Forgotten when the tab closes or navigates.
const panelKey = (tabId) => `analysis:${tabId}`;
chrome.runtime.onMessage.addListener((message, sender) => {
  if (!message || message.type !== 'newslens/analysis' || !sender.tab) return false;
  // Over the session quota (10 MB in all) the panel just finds nothing for that tab.
  chrome.storage.session.set({ [panelKey(sender.tab.id)]: { analysis: message.analysis, frameId: sender.frameId } }).catch(() => {});
  return false;
});
chrome.tabs.onRemoved.addListener((tabId) => chrome.storage.session.remove(panelKey(tabId)));
// (Without the "tabs" permission `change.url` is hidden: any new load forgets; the page's script republishes.)
chrome.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') chrome.storage.session.remove(panelKey(tabId));
});
// Chromium: the toolbar button opens the side panel (Firefox opens its sidebar from sidebar_action).
chrome.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: true }).catch(() => {});
