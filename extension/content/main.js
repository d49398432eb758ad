// NewsLens content script (bundled with content/index.js into content/newslens.js by scripts/package.mjs): find the article, analyse it, paint it,
// and show hover cards. The page is scanned here in WebAssembly when the page allows it and analysed in the
// service worker; when the page's CSP forbids WebAssembly both run in the service worker on a JSON snapshot
// of the page.
//
// Outcome on <html> (what tests and the popup read):
//   data-newslens-state="loading" | "ready" | "error", data-newslens-error="message" on error,
//   data-newslens-counts='{"quote":n,"speaker":n,"date":n,"person":n,"organization":n,"location":n}',
//   data-newslens-engine="content" | "worker" (where the analysis ran), data-newslens-paint="highlight" | "wrap",
//   data-newslens-misanchored="n": spans not painted because the page's words there differ from the analysis,
//   data-newslens-timing='{"wasm":ms,"warm":ms,"scan":ms,"worker":ms,"paint":ms,"painted":ms,"maxTask":ms,
//   "wasmBytes":n,…}': WebAssembly loading, the scan's warm-up and the scan (tasks), the wait for the
//   worker's analysis (not a task here), the paint task, document_idle → painted, the longest of our tasks
//   ("analyse" too when the analysis ran here), the module's memory; data-newslens-url: the URL analysed.
// After the first paint, dynamic.js keeps the paint right as the page changes (see there).

import { SegmentMap } from '../common/anchor.js';
import { paint, spansOf } from '../common/paint.js';
import { HoverCard } from '../common/card.js';
import { attachHover } from '../common/hover.js';
import { snapshotPage } from './snapshot.js';
import { watchPage, yieldToPage } from './dynamic.js';
import { beforeRun, afterRun } from './controls.js';
import init, * as wasm from '../pkg/newslens.js';

/** The module's exports once instantiated (its `memory` is what the budget table reports). */
let wasmExports = null;

/** Load the WebAssembly module here, or null when the page forbids it (CSP without 'wasm-unsafe-eval'). */
async function loadWasm() {
  try {
    // Importing the JS glue is always allowed (an extension resource); compiling the module is what the
    // page's CSP may refuse. A second run (single-page app navigation) reuses the instance.
    wasmExports ??= await init({ module_or_path: chrome.runtime.getURL('pkg/newslens_bg.wasm') });
    return wasm;
  } catch (e) {
    console.info('NewsLens: WebAssembly unavailable in this page, analysing in the service worker:', e && e.message);
    return null;
  }
}

/**
 * Analyse a scanned article text with its page `meta` ({title, published, lang}) or `options`: in the
 * service worker, off the page's main thread (its analysers are built there once, not in every tab); here
 * when the worker cannot answer. `task(name, f)` times what runs here.
 */
async function analyseText(wasm, text, { meta = null, options = null } = {}, task = (_, f) => f()) {
  try {
    const reply = await chrome.runtime.sendMessage({ type: 'newslens/analyze-article', text, meta, options });
    if (reply && reply.ok) return reply.analysis;
  } catch { /* no worker (being updated, or stopped): analyse here */ }
  return task('analyse', () => wasm.analyzeArticle(text, meta, options));
}

/**
 * Run the scanner once on a tiny article in a document of its own (not the page: nothing is read or changed
 * there; without a window it has no styles, so the whole scan runs).
 */
function warmUp(wasm) {
  const doc = document.implementation.createHTMLDocument('');
  doc.body.innerHTML = '<article><h1>NewsLens</h1><p>Un paragraphe assez long pour compter, puis un autre, comme dans un article.</p></article>';
  try { wasm.scanElement(doc.body); } catch { /* nothing to find: still warm */ }
}

/**
 * Scan the page here (WebAssembly over the live DOM), analyse it in the worker: `{analysis, nodes, starts, …}`.
 * `options`: the reader's (`{lang}`) or null.
 */
async function analyseHere(wasm, options, task, timing) {
  const scanned = task('scan', () => wasm.scanDocument(document));
  const meta = { title: scanned.title, published: scanned.published, lang: scanned.lang };
  const start = performance.now();
  scanned.analysis = await analyseText(wasm, scanned.text, { meta, options }, task);
  timing.worker = performance.now() - start; // waiting, not working: the page's thread is free meanwhile
  return scanned;
}

/** Analyse in the service worker from a page snapshot; maps the snapshot's text indexes back to nodes. */
async function analyseInWorker(options) {
  const { json, textNodes } = snapshotPage(document);
  const reply = await chrome.runtime.sendMessage({ type: 'newslens/analyze-snapshot', json, options });
  if (!reply || !reply.ok) throw new Error((reply && reply.error) || 'the service worker did not answer');
  const r = reply.result;
  return { ...r, nodes: r.nodeIndexes.map((k) => textNodes[k]) };
}

/**
 * Resolve true once the page's DOM has changed and then stayed quiet for `quiet` ms; false when nothing
 * changes within `within` ms. For pages that build their article with script after load.
 */
function domSettles(doc, { within = 5000, quiet = 800 } = {}) {
  return new Promise((resolve) => {
    let timer = setTimeout(() => done(false), within);
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => done(true), quiet);
    });
    const done = (changed) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(changed);
    };
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  });
}

/** Fewer UTF-16 units than this is no article yet (a "Loading…" placeholder, a cookie banner). */
const MIN_ARTICLE = 200;

/**
 * Run `analyse`; when it fails or finds next to no text (the article is not there yet), once more after
 * the page has changed and settled. Pages that never change keep the first outcome.
 */
async function withOneRetry(analyse) {
  let first;
  let failure = null;
  try {
    first = await analyse();
    if (first.text.length >= MIN_ARTICLE) return first;
  } catch (e) {
    failure = { error: e };
  }
  if (!(await domSettles(document))) {
    if (failure) throw failure.error;
    return first;
  }
  return analyse();
}

/**
 * The side panel (panel/panel.html) shows this tab's analysis: hand it to the service worker, which keeps it
 * per tab. (The panel's jumps to a passage are answered by controls.js.)
 */
function publishForPanel(analysis) {
  chrome.runtime.sendMessage({ type: 'newslens/analysis', analysis }).catch(() => {});
}

/** What the current run put on the page, to take it off before a single-page app's next view. */
let current = null;

function teardown() {
  if (!current) return;
  current.detach?.(); // the watcher too
  current.card?.remove();
  current.clear?.();
  current = null;
}

/** The URL changed without a load: once the new view has settled, scan and paint afresh. */
async function rescan() {
  teardown();
  await domSettles(document, { within: 2000, quiet: 300 });
  for (const key of ['newslensState', 'newslensError', 'newslensCounts']) delete document.documentElement.dataset[key];
  await run({ t0: performance.now() });
}

/** Run NewsLens on this page once. `t0`: performance.now() at document_idle (the loader's start). */
export async function run({ t0 = performance.now() } = {}) {
  const html = document.documentElement;
  if (html.dataset.newslensState) return; // already ran (re-injection)
  html.dataset.newslensState = 'loading';
  // Each step is its own task (a yield in between), so that the page's input is never held up long.
  const timing = { t0, maxTask: 0, heapBefore: performance.memory?.usedJSHeapSize ?? 0 };
  const task = (name, f) => {
    const start = performance.now();
    const value = f();
    timing[name] = performance.now() - start;
    timing.maxTask = Math.max(timing.maxTask, timing[name]);
    return value;
  };
  timing.imported = performance.now() - t0; // the module graph's imports, from document_idle
  try {
    // The reader's settings: null when NewsLens is off on this site (controls.js runs us again when turned on).
    const settingsStart = performance.now();
    const options = await beforeRun(run);
    timing.settings = performance.now() - settingsStart;
    if (!options) return;
    const start = performance.now();
    const wasm = await loadWasm();
    timing.wasm = performance.now() - start;
    // The scan's first use compiles its WebAssembly functions (V8 compiles them lazily): pay that on a tiny
    // article of our own, in a task of its own.
    if (wasm) task('warm', () => warmUp(wasm));
    const yieldStart = performance.now();
    await yieldToPage();
    timing.yield = performance.now() - yieldStart;
    const opts = options.lang ? options : null;
    const result = await withOneRetry(() => (wasm ? analyseHere(wasm, opts, task, timing) : analyseInWorker(opts)));
    html.dataset.newslensEngine = wasm ? 'content' : 'worker';
    await yieldToPage();
    const { analysis } = result;
    const map = new SegmentMap(result);
    const card = new HoverCard(document);
    const page = task('paint', () => paint(spansOf(analysis), map));
    const { mode, painted, counts, misanchored, clear } = page;
    const detach = attachHover({ doc: document, painted, map, mode, card, analysis });
    timing.painted = performance.now() - t0;
    timing.text = result.text.length;
    timing.wasmBytes = wasmExports?.memory?.buffer.byteLength ?? 0;
    timing.heapAfter = performance.memory?.usedJSHeapSize ?? 0;
    html.dataset.newslensPaint = mode;
    html.dataset.newslensMisanchored = String(misanchored);
    html.dataset.newslensCounts = JSON.stringify(counts);
    html.dataset.newslensTiming = JSON.stringify(timing, (k, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v));
    html.dataset.newslensUrl = location.href;
    html.dataset.newslensState = 'ready';
    // Later changes of the page: only where WebAssembly runs here (the worker path has no live scan).
    let watcher = null;
    if (wasm) {
      const analyse = (text, how) => analyseText(wasm, text, { ...how, options: { ...opts, ...how.options } });
      watcher = watchPage({ doc: document, wasm, analyse, result, page, hover: detach, ignore: (el) => el === card.host, onNavigate: rescan });
    }
    // Whoever takes this run off the page (controls.js when the reader changes a setting, rescan) stops
    // the watcher too; the hover's addLayer/moved stay reachable.
    const stop = Object.assign(() => { watcher?.stop(); detach(); }, { addLayer: detach.addLayer, moved: detach.moved });
    current = { card, detach: stop, clear };
    afterRun({ analysis, painted, mode, counts, clear, card, map, detach: stop });
    publishForPanel(analysis);
  } catch (e) {
    html.dataset.newslensError = String((e && e.message) || e);
    html.dataset.newslensState = 'error';
  }
}
