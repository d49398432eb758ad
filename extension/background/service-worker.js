// NewsLens service worker (Chromium) / background script (Firefox): runs the analysis for every page. The
// content script sends a JSON snapshot of the page (content/snapshot.js); we find the article in it, analyse
// it, and send back the analysis and the segment map in snapshot text indexes. Here the WebAssembly module is
// instantiated once per worker and its analysers built once, not in every tab, and the work runs off the
// pages' main threads.

import init, { analyze, analyzeSnapshotJson } from '../pkg/newslens.js';
import { ALL_SITES, KEY, load, onFor, siteOf, sitePatterns, update } from '../ext/settings.js';
import { openPanel } from '../ext/open-panel.js';
import { compileModule } from '../ext/wasm-module.js';
import { warmUpPieces } from './warm-up.js';

// Load once per worker lifetime; the worker may be stopped and restarted between messages. `stats`: what the
// content script reports in its timing (the module's instantiation and warm-up, its memory). `scriptAt`: when
// this script began to run, in ms since the worker started (its imports, the module's bytes in Chromium's
// build, loaded before it).
const scriptAt = performance.now();
const stats = { wasm: 0, bytes: 0, compile: 0, scriptAt, readyAt: 0, warm: 0, pieces: 0, asked: false, messages: 0, rewarmed: 0 };
let ready = null;
const loaded = () => (ready ??= (async () => {
  const start = performance.now();
  // In steps, each timed (the bytes, the compilation, the instantiation): ext/wasm-module.js, per browser.
  const module = await compileModule(stats);
  const exports = await init({ module_or_path: module });
  stats.readyAt = performance.now();
  stats.wasm = stats.readyAt - start;
  stats.memory = exports.memory;
  return exports;
})());

// The reader's settings, read once per worker and again after each change: a page's first request leaves its
// site's settings to us (`bySite`) rather than wait for its own read of them.
let settings = null;
const settingsNow = () => (settings ??= load());
chrome.storage.onChanged.addListener((changes, area) => { if (area === 'local' && changes[KEY]) settings = null; });
// Read as the worker starts (woken by a page at document_start), with the module's instantiation, rather than
// when that page's request comes and waits for it.
settingsNow().catch(() => { settings = null; });

/** `message.options`, or with `message.bySite` this site's (`{lang}` or null), or false where NewsLens is off. */
async function optionsFor(message, sender) {
  if (!message.bySite) return message.options ?? null;
  const s = await settingsNow();
  const site = siteOf(sender.url || '');
  if (!onFor(s, site)) return false;
  const lang = s.langBySite[site];
  return lang ? { lang } : null;
}

// `self.newslensOffline = true` (set by the end-to-end tests only) leaves pages unanswered, as a worker being
// updated would: the content script then analyses in the page itself, a path the tests must reach too.
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!message || message.type !== 'newslens/analyze-snapshot' || self.newslensOffline) return false;
  // `age`: how long this worker had been running when the page asked (its clock starts with the worker);
  // `warmed`: warm-up pieces done by then; `rewarmed`: re-analyses of earlier pages (below) done by then.
  const received = performance.now();
  const asked = { age: received, warmed: stats.pieces, rewarmed: stats.rewarmed, toWorker: performance.timeOrigin + received - message.sentAt };
  stats.asked = true;
  stats.messages += 1;
  Promise.all([loaded(), optionsFor(message, sender)])
    .then(([, options]) => {
      if (options === false) return sendResponse({ ok: false, off: true });
      const start = performance.now();
      // One JSON string, passed on as it is (wasm.rs, `analyzeSnapshotJson`, says why).
      const json = analyzeSnapshotJson(message.json, options);
      const end = performance.now();
      const worker = { wasm: stats.wasm, bytes: stats.bytes, compile: stats.compile, scriptAt: stats.scriptAt, readyAt: stats.readyAt, warm: stats.warm, analyse: end - start, queued: start - received, wasmBytes: stats.memory?.buffer.byteLength ?? 0, ...asked, answeredAt: performance.timeOrigin + performance.now() };
      sendResponse({ ok: true, json, worker });
      // The page's article (`publish`, not a block added later): kept for the side panel from here, so that
      // the page need not send it back (for a long article, serialising it is a long task on the page).
      if (message.publish) {
        publish(sender, JSON.parse(json).analysis);
        rewarm(message.json, options);
      }
    })
    .catch((e) => sendResponse({ ok: false, error: String((e && e.message) || e) }));
  return true; // the answer is asynchronous
});

// `newslens/wake`: a content script starting on a page asks first, so that a stopped worker starts, and loads
// its module, while the page is being read (wake.js at document_start). `soon`: the page's request follows
// within milliseconds (main.js at document_end, its snapshot under way): the warm-up stops here rather than at
// the request, which may find a piece under way otherwise.
chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (!message || message.type !== 'newslens/wake') return false;
  if (message.soon) stats.asked = true;
  stats.messages += 1;
  loaded().then(() => sendResponse({ ok: true }), (e) => sendResponse({ ok: false, error: String((e && e.message) || e) }));
  return true;
});

// The analysers build their tables (lexicons, automata) on first use, the costliest call by far, and V8
// compiles WebAssembly functions lazily, optimising them only once they have run for a while: run everything
// as soon as the worker starts, on small pages of our own in both languages (warm-up.js), so that the tables
// are built and the hottest paths optimised before pages ask (a reader's worker is stopped after 30 s idle: this
// start is the common case, not a test artefact). A first round builds the tables; more rounds follow, up to
// WARM_MS of work, because V8 optimises a function only after it has run for a while: the cold pages' analysis
// took 6.7 ms per thousand characters after the 6 pieces of a fixed 3-round warm-up, 4.8–5.1 after 10 or more
// of these pieces, 10.5–11.9 when the page asked before the tables were built (e2e pages, 5 runs each, load
// 6–9). In small pieces, one task each, and none once a page has asked or is about to: its request then waits
// for the piece under way at most, and its own analysis warms the same paths better than ours would. (With
// timers rather than background tasks, and no stop at the page's document_idle, a longer warm-up of 10 rounds
// slowed the page it was meant to speed up: cold idle→painted median 131 → 161 ms.) Each piece is a
// background-priority task (`scheduler.postTask`), run only when no message is waiting: a message reaches us in
// several hops between the browser and this worker (the channel opened, then the message), each one a task of
// ours, and timers (`setTimeout(0)`) ran before them: a page's request sent during the first piece waited for
// all the pieces left (cold toWorker 90–350 ms on 3 of 13 pages, traced).
/** Resolve once this worker has nothing more urgent to do (a background-priority task; a timer elsewhere). */
const whenIdle = () => (globalThis.scheduler?.postTask ? scheduler.postTask(() => {}, { priority: 'background' }) : new Promise((resolve) => setTimeout(resolve, 0)));
/** Work (ms) after the first round, and rounds at most: a bound whatever the clock says. */
const WARM_MS = 150;
const WARM_ROUNDS = 30;
async function warmUp() {
  const pieces = warmUpPieces();
  let spent = 0; // after the first round, which builds the analysers' tables
  for (let round = 0; round < WARM_ROUNDS && spent < WARM_MS; round++) {
    for (const { lang, text, json } of pieces) {
      await whenIdle();
      if (stats.asked) return;
      const start = performance.now();
      if (round === 0) analyze(text, { lang });
      analyzeSnapshotJson(json, null);
      const took = performance.now() - start;
      stats.warm += took;
      if (round > 0) spent += took;
      stats.pieces += 1;
    }
  }
}
loaded().then(warmUp).catch(() => {});

// Then after each page, while nothing else comes. V8 runs WebAssembly on baseline code first (Liftoff) and
// optimises a function only once it has run for a while (dynamic tiering), so a worker's first pages run mostly
// unoptimised code: the same page analysed again and again in one worker took 30–60 ms the first 8 times, 13–20
// the next 10, 5–9 after 25 (nytimes-3; with everything optimised from the start, `--no-liftoff`: 4–8 ms). So the
// page just answered is analysed again, from 300 ms after the answer, up to 16 times or 400 ms, each time one
// background-priority task, and not once a message has come (the next page's wake at document_start stops it
// long before its request). What this buys is general, not that page's: in fresh workers, another page's
// analysis after 0 / 8 / 16 / 30 rounds on the first page took 27.4 / 19.3 / 13.6 / 11.9 ms (medians of 18
// page pairs, dedicated workers in Chromium). Not for a long page, one round of which would hold up the next request as long. A worker left idle
// 30 s is stopped, and this is lost with it: it serves a reader going from page to page.
const REWARM_AFTER_MS = 300;
const REWARM_ROUNDS = 16;
const REWARM_MS = 400;
const REWARM_MAX_JSON = 200_000;
async function rewarm(json, options) {
  if (json.length > REWARM_MAX_JSON) return;
  const seen = stats.messages;
  // Not while the page reads the reply and paints: on two cores the rounds would slow them (cold idle→painted
  // 98 / 94 / 101 → 188 / 102 / 156 ms when they started at once, the reply's way back up to 30 ms).
  await new Promise((resolve) => setTimeout(resolve, REWARM_AFTER_MS));
  let spent = 0;
  for (let round = 0; round < REWARM_ROUNDS && spent < REWARM_MS; round++) {
    await whenIdle();
    if (stats.messages !== seen) return;
    const start = performance.now();
    try {
      analyzeSnapshotJson(json, options);
    } catch {
      return;
    }
    spent += performance.now() - start;
    stats.rewarmed += 1;
  }
}

// The side panel reads each tab's analysis from session storage ('analysis:<tabId>'), kept here because only
// we know its tab id (sender.tab.id). Forgotten when the tab closes or navigates.
const panelKey = (tabId) => `analysis:${tabId}`;
function publish(sender, analysis) {
  if (!sender.tab) return;
  // Over the session quota (10 MB in all) the panel just finds nothing for that tab.
  chrome.storage.session.set({ [panelKey(sender.tab.id)]: { analysis, frameId: sender.frameId, url: sender.url } }).catch(() => {});
}
// (From a page that analysed its article itself, the worker not answering.)
chrome.runtime.onMessage.addListener((message, sender) => {
  if (!message || message.type !== 'newslens/analysis') return false;
  publish(sender, message.analysis);
  return false;
});
chrome.tabs.onRemoved.addListener((tabId) => chrome.storage.session.remove(panelKey(tabId)));
// (Without the "tabs" permission `change.url` is hidden: any new load forgets; the page's script republishes.)
chrome.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') chrome.storage.session.remove(panelKey(tabId));
});

// --- When the content script runs -------------------------------------------------------------------------
// No content script is declared in the manifest (that would ask for access to every site at install). In
// 'auto' mode ("every news page") and 'sites' mode it is registered here, for the origins the reader granted
// (optional_host_permissions, asked for by the options page); in 'click' mode the toolbar popup or a
// keyboard command injects it into the one tab, under activeTab.

const SCRIPT_ID = 'newslens';
// At document_end (the DOM complete, images and the like still loading) rather than document_idle, which
// Chromium picks between then and the load event (10–110 ms later on the saved pages, more on a live site):
// the highlights come that much sooner. The page's style sheets are waited for first (main.js,
// `stylesApplied`): CSS says what is hidden.
const CONTENT = { js: ['content/newslens.js'], css: ['common/highlights.css'], runAt: 'document_end' };
// A one-line script at document_start that only wakes this worker (content/wake.js), so that a stopped worker
// starts and instantiates its module while the page is still loading. Registered with the same matches as the
// content script: it runs where NewsLens runs anyway and reads nothing.
const WAKE_ID = 'newslens-wake';
const WAKE = { js: ['content/wake.js'], runAt: 'document_start' };
// A one-line script at document_idle that notes when that came (content/idle.js): the clock of the
// idle → painted budget (issue #6), now that the content script starts before it.
const IDLE_ID = 'newslens-idle';
const IDLE = { js: ['content/idle.js'], runAt: 'document_idle' };
const SCRIPTS = { [SCRIPT_ID]: CONTENT, [WAKE_ID]: WAKE, [IDLE_ID]: IDLE };

/** The match patterns the content script should be registered for now. */
async function wantedMatches(s) {
  const granted = async (origins) => (await chrome.permissions.contains({ origins }).catch(() => false));
  if (s.mode === 'auto') return (await granted(ALL_SITES)) ? ALL_SITES : [];
  if (s.mode === 'sites') {
    const out = [];
    for (const p of sitePatterns(s.sites)) if (await granted([p])) out.push(p);
    return out;
  }
  return [];
}

async function registerNow() {
  const matches = await wantedMatches(await load());
  const ids = Object.keys(SCRIPTS);
  const have = await chrome.scripting.getRegisteredContentScripts({ ids });
  const key = (list) => JSON.stringify([...list].sort());
  // (A registration of an older version, another runAt or fewer scripts, is replaced.)
  const same = have.length === ids.length && have.every((h) => key(h.matches) === key(matches) && h.runAt === SCRIPTS[h.id]?.runAt);
  if (same || (!have.length && !matches.length)) return;
  if (have.length) await chrome.scripting.unregisterContentScripts({ ids: have.map((h) => h.id) });
  if (!matches.length) return;
  const scripts = ids.map((id) => ({ id, matches, ...SCRIPTS[id], persistAcrossSessions: true }));
  try {
    await chrome.scripting.registerContentScripts(scripts);
  } catch {
    // Older Firefox: no persistAcrossSessions; this worker re-registers at each start anyway.
    for (const script of scripts) delete script.persistAcrossSessions;
    await chrome.scripting.registerContentScripts(scripts);
  }
}

// One registration at a time (settings and permissions may change together).
let registering = Promise.resolve();
const syncScripts = () => (registering = registering.then(registerNow).catch((e) => console.warn('NewsLens: registration failed:', e)));

chrome.runtime.onInstalled.addListener(async ({ reason }) => {
  // A build that holds access to every site at install (granted by the reader, or a test build) starts in
  // automatic mode; otherwise NewsLens runs only when asked until the reader chooses otherwise.
  if (reason === 'install' && !(await chrome.storage.local.get(KEY))[KEY] && (await chrome.permissions.contains({ origins: ALL_SITES }))) {
    await update({ mode: 'auto' });
  }
  syncScripts();
});
chrome.storage.onChanged.addListener((changes, area) => { if (area === 'local' && changes[KEY]) syncScripts(); });
chrome.permissions.onAdded.addListener(() => syncScripts());
chrome.permissions.onRemoved.addListener(() => syncScripts());
syncScripts();

/** Run NewsLens in `tabId` now (activeTab: after a click on the toolbar button or a keyboard command). */
async function inject(tabId) {
  await chrome.scripting.insertCSS({ target: { tabId }, files: CONTENT.css });
  await chrome.scripting.executeScript({ target: { tabId }, files: CONTENT.js });
}

/** The content script's status in `tabId`, or null when it is not there. */
const statusOf = (tabId) => chrome.tabs.sendMessage(tabId, { type: 'newslens/status' }).catch(() => null);

// --- Keyboard commands (manifest "commands"; Firefox opens the sidebar itself with _execute_sidebar_action) ---

/** Handle a command for `tab` (the active tab when not given). Exposed on `self` for the tests. */
async function handleCommand(command, tab) {
  tab ??= (await chrome.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab) return null;
  switch (command) {
    case 'open-panel':
      await openPanel(tab.id);
      return 'panel';
    case 'toggle-highlights': {
      const status = await statusOf(tab.id);
      const s = await load();
      if (!status) {
        // Not running here yet (click mode): run it, turned on.
        const site = siteOf(tab.url || '');
        if (site && s.disabledSites.includes(site)) await update({ disabledSites: s.disabledSites.filter((h) => h !== site) });
        if (!s.enabled) await update({ enabled: true });
        await inject(tab.id);
        return 'injected';
      }
      const on = status.on;
      const disabledSites = on ? [...new Set([...s.disabledSites, status.site])] : s.disabledSites.filter((h) => h !== status.site);
      await update(on ? { disabledSites } : { disabledSites, enabled: true });
      return on ? 'off' : 'on';
    }
    case 'next-quote':
    case 'previous-quote':
      return chrome.tabs.sendMessage(tab.id, { type: 'newslens/step', dir: command === 'next-quote' ? 1 : -1 }).catch(() => false);
    default:
      return null;
  }
}
self.newslensCommand = handleCommand;

// The popup's "Highlight this page" (click mode): the popup's opening granted activeTab.
chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (!message || message.type !== 'newslens/inject') return false;
  inject(message.tabId).then(() => sendResponse({ ok: true }), (e) => sendResponse({ ok: false, error: String(e.message || e) }));
  return true;
});
chrome.commands?.onCommand.addListener((command, tab) => { handleCommand(command, tab).catch((e) => console.warn('NewsLens:', e)); });
