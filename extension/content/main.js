// NewsLens content script (bundled with content/index.js into content/newslens.js by scripts/package.mjs):
// find the article, analyse it, paint it, and show hover cards. The page is read here into a JSON snapshot,
// in slices (content/snapshot.js); the service worker finds the article in it and analyses it, off the page's
// main thread, with the WebAssembly module it instantiated once for every tab. Only when the worker cannot
// answer is the module loaded here (if the page's CSP allows it) to do the same in the page.
//
// Outcome on <html> (what tests and the popup read):
//   data-newslens-state="loading" | "ready" | "error", data-newslens-error="message" on error,
//   data-newslens-counts='{"quote":n,"speaker":n,"date":n,"person":n,"organization":n,"location":n}',
//   data-newslens-engine="worker" | "content" (where the article was found and analysed),
//   data-newslens-paint="highlight" | "wrap",
//   data-newslens-misanchored="n": spans not painted because the page's words there differ from the analysis,
//   data-newslens-timing='{"imported":ms,"settings":ms,"snapshot":ms,"slices":n,"worker":ms,"workerAnalyse":ms,
//   "workerWasm":ms,"workerBytes":ms,"workerCompile":ms,"workerReadyAt":ms,"workerScriptAt":ms,"workerWarm":ms,"workerAge":ms,"workerWarmed":n,"workerRewarmed":n,"paint":ms,"painted":ms,"maxTask":ms,"wasmBytes":n,…}': the bundle's evaluation, the
//   settings read, the snapshot (its slices' total and count), the wait for the worker (not a task here) and
//   what the analysis took there, the worker's WebAssembly instantiation (of it: getting the module's bytes, their compilation; and when the
//   module was ready and the worker's script began, in ms since the worker started) and warm-up (once per
//   worker), how long
//   the worker had run when asked and how many of its warm-up pieces were done (and of its re-analyses of
//   earlier pages while idle, workerRewarmed), the paint slices,
//   document_end (when this script starts: t0) → painted, the longest of our tasks, the module's memory (in the worker; here on the
//   fallback); also "send" (the sendMessage call: the message's serialisation, in the snapshot's last task),
//   "styles" (the wait for the page's style sheets, stylesApplied), "asked"/"answered" (t0 → request sent / reply received), "toWorker"/"fromWorker" (the request's
//   and the reply's way between the processes, serialisation included), "workerQueued" (the request waiting
//   there for the module or the settings); data-newslens-url: the URL analysed.
// document_idle's time is on <html> too, data-newslens-idle-at (content/idle.js), in ms since the page's
// timeOrigin as t0 is: the budget's idle → painted is t0 + painted − that, 0 when painted before idle.
// After the first paint, dynamic.js keeps the paint right as the page changes (see there).

import { SegmentMap } from '../common/anchor.js';
import { paintSliced, spansOf } from '../common/paint.js';
import { HoverCard } from '../common/card.js';
import { attachHover } from '../common/hover.js';
import { snapshotPage, snapshotSliced, yieldToPage } from './snapshot.js';
import { watchPage } from './dynamic.js';
import { beforeRun, afterRun } from './controls.js';
import init, * as wasm from '../pkg/newslens.js';
import { pageModuleSource } from '../ext/wasm-bytes.js';

/** The module's exports once instantiated here (only when the worker could not answer). */
let wasmExports = null;

/** Load the WebAssembly module here, or null when the page forbids it (CSP without 'wasm-unsafe-eval'). */
async function loadWasm() {
  try {
    // Importing the JS glue is always allowed (it is in this script); compiling the module is what the
    // page's CSP may refuse. A second run (single-page app navigation) reuses the instance.
    wasmExports ??= await init({ module_or_path: await pageModuleSource() });
    return wasm;
  } catch (e) {
    console.info('NewsLens: WebAssembly unavailable in this page:', e && e.message);
    return null;
  }
}

/**
 * `options` for a page's first request: the reader's settings for this site, which the worker reads itself (so
 * that the request does not wait for the content script's own read of them: 12–120 ms under load, often longer
 * than the snapshot). `options` here: the same, read here, for the path without the worker.
 */
const BY_SITE = { options: null };

/**
 * Find the article in a snapshot (`{json, textNodes}`) and analyse it with `options` (`{lang?, reference?,
 * referenceSource?}`, null, or BY_SITE): `{analysis, text, nodes, starts, lengths, nodeOffsets, title, published, lang,
 * engine}`, nodes being the page's text nodes. In the service worker; here when it cannot answer (being
 * updated, or gone). `timing` gets the worker's figures; `task(name, f)` times what runs here; `publish`: the
 * page's article, which the worker keeps for the side panel.
 */
async function analyseSnapshot({ json, textNodes }, options, { timing = {}, task = (_, f) => f(), publish = false } = {}) {
  let reply = null;
  const bySite = options === BY_SITE;
  const sent = performance.now();
  try {
    const asking = chrome.runtime.sendMessage({ type: 'newslens/analyze-snapshot', json, options: bySite ? null : options, bySite, publish, sentAt: performance.timeOrigin + sent });
    timing.send = performance.now() - sent;
    if (timing.t0 !== undefined) timing.asked = sent - timing.t0;
    reply = await asking;
  } catch { /* no worker: below */ }
  const got = performance.now();
  if (timing.t0 !== undefined) timing.answered = got - timing.t0;
  if (bySite) options = await BY_SITE.options;
  if (reply && reply.off) throw new Error('NewsLens is off on this site');
  let r;
  let engine = 'worker';
  if (reply && reply.ok) {
    r = JSON.parse(reply.json);
    timing.workerAnalyse = reply.worker.analyse;
    timing.workerWasm = reply.worker.wasm;
    timing.workerBytes = reply.worker.bytes;
    timing.workerCompile = reply.worker.compile;
    timing.workerReadyAt = reply.worker.readyAt;
    timing.workerScriptAt = reply.worker.scriptAt;
    timing.workerWarm = reply.worker.warm;
    timing.wasmBytes = reply.worker.wasmBytes;
    timing.workerAge = reply.worker.age;
    timing.workerWarmed = reply.worker.warmed;
    timing.workerRewarmed = reply.worker.rewarmed;
    timing.workerQueued = reply.worker.queued;
    timing.toWorker = reply.worker.toWorker;
    // (Across processes: both clocks as wall-clock times, each from its own timeOrigin.)
    timing.fromWorker = performance.timeOrigin + got - reply.worker.answeredAt;
  } else if (reply) {
    throw new Error(reply.error || 'the service worker could not analyse this page');
  } else {
    const here = await loadWasm();
    if (!here) throw new Error('the service worker did not answer, and this page forbids WebAssembly');
    r = task('analyse', () => here.analyzeSnapshot(json, options));
    engine = 'content';
    timing.wasmBytes = wasmExports?.memory?.buffer.byteLength ?? 0;
  }
  return { ...r, text: r.analysis.text, nodes: Array.from(r.nodeIndexes, (k) => textNodes[k]), engine };
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

/**
 * Resolve once the page's render-blocking style sheets are in: at document_end (when this script starts) they
 * may still be loading, and the snapshot must know what CSS hides (menus, dialogs: checkVisibility). Chromium
 * and Firefox render no frame before them, so the next animation frame says they are in (a sheet that failed
 * to load looks pending too: the frame comes all the same). A hidden tab renders no frames: there the load
 * event, at most a second. Nothing to wait for once the page has loaded, or when every sheet is in.
 */
function stylesApplied(doc = document) {
  if (doc.readyState === 'complete') return Promise.resolve();
  // (A <link> style sheet has its `sheet` once loaded; <style> elements apply as they are parsed.)
  const pending = [...doc.querySelectorAll('link[rel~="stylesheet" i]')].some((link) => !link.sheet && !link.disabled);
  if (!pending) return Promise.resolve();
  if (doc.visibilityState === 'visible') return new Promise((resolve) => requestAnimationFrame(() => resolve()));
  return new Promise((resolve) => {
    addEventListener('load', () => resolve(), { once: true });
    setTimeout(resolve, 1000);
  });
}

/** Mutation records kept from the script's start to the first paint (see run()). */
const EARLY_CHANGES = 5000;

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
 * per tab (it does so itself for the analyses it made). (The panel's jumps to a passage are answered by controls.js.)
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

/** Run NewsLens on this page once. `t0`: performance.now() at document_end (the bundle's first line). */
export async function run({ t0 = performance.now() } = {}) {
  const html = document.documentElement;
  if (html.dataset.newslensState) return; // already ran (re-injection)
  html.dataset.newslensState = 'loading';
  // Each step is its own short task (a yield in between), so that the page's input is never held up long.
  const timing = { t0, maxTask: 0, snapshot: 0, slices: 0, heapBefore: performance.memory?.usedJSHeapSize ?? 0 };
  const noteTask = (name, ms) => {
    timing[name] = (timing[name] ?? 0) + ms;
    timing.maxTask = Math.max(timing.maxTask, ms);
  };
  const task = (name, f) => {
    const start = performance.now();
    const value = f();
    noteTask(name, performance.now() - start);
    return value;
  };
  timing.imported = performance.now() - t0; // the bundle's evaluation, from document_end
  // The page's changes from the first snapshot on (its scripts may still be running: this is document_end),
  // for the watcher, which starts after the first paint. (At most EARLY_CHANGES records: a page that never
  // stops changing is not kept in memory while the first analysis waits for it to settle.)
  const changes = [];
  const keep = (records) => { changes.push(...records.slice(0, Math.max(0, EARLY_CHANGES - changes.length))); };
  const early = new MutationObserver(keep);
  early.observe(html, { childList: true, subtree: true, characterData: true });
  try {
    // Three things at once: the settings read, the worker's start (a stopped worker loads its module; a
    // running one stops its warm-up, our request coming next), and the page's snapshot, whose slices run while
    // the other two wait on messages.
    chrome.runtime.sendMessage({ type: 'newslens/wake', soon: true }).catch(() => {});
    let off = false;
    const settingsStart = performance.now();
    // The reader's settings: null when NewsLens is off on this site (controls.js runs us again when turned on).
    const settings = beforeRun(run).then((o) => {
      timing.settings = performance.now() - settingsStart;
      off = !o;
      return o;
    });
    const read = async () => {
      const waited = performance.now();
      await stylesApplied();
      timing.styles ??= performance.now() - waited;
      return snapshotSliced(document, {
        onTask: (ms) => { timing.slices += 1; noteTask('snapshot', ms); },
        stopped: () => off,
      });
    };
    BY_SITE.options = settings.then((o) => (o && o.lang ? o : null));
    // The first request goes as soon as the snapshot is read, the settings read or not: the worker applies
    // them itself (and declines where NewsLens is off); a retry (the article not there yet) uses ours.
    const ask = (snapshot, options) => {
      const start = performance.now();
      return analyseSnapshot(snapshot, options, { timing, task, publish: true }).then((r) => {
        timing.worker = performance.now() - start; // waiting, not working: the page's thread is free meanwhile
        return r;
      });
    };
    let first = read().then((snapshot) => (snapshot ? ask(snapshot, BY_SITE) : null));
    first.catch(() => {}); // (awaited below; a failure is reported there, not as an unhandled rejection)
    const options = await settings;
    if (!options) return; // the snapshot stops at its next slice (or the worker declines)
    const opts = options.lang ? options : null;
    const result = await withOneRetry(async () => {
      const r = await (first ?? read().then((snapshot) => ask(snapshot, opts)));
      first = null;
      return r;
    });
    html.dataset.newslensEngine = result.engine;
    const { analysis } = result;
    const map = new SegmentMap(result);
    // The reply was read in a task of its own (a long one for a huge article): paint in the next ones.
    await yieldToPage();
    const page = await paintSliced(spansOf(analysis), map, { pause: yieldToPage, onTask: (ms) => noteTask('paint', ms) });
    const { mode, painted, counts, misanchored, clear } = page;
    timing.painted = performance.now() - t0;
    // The hover's span index, and the rest, in tasks of their own too (tens of ms for a huge article).
    await yieldToPage();
    const card = new HoverCard(document);
    const detach = task('hover', () => attachHover({ doc: document, painted, map, mode, card, analysis }));
    await yieldToPage();
    const settle = performance.now();
    timing.text = result.text.length;
    timing.heapAfter = performance.memory?.usedJSHeapSize ?? 0;
    html.dataset.newslensPaint = mode;
    html.dataset.newslensMisanchored = String(misanchored);
    html.dataset.newslensCounts = JSON.stringify(counts);
    html.dataset.newslensUrl = location.href;
    // Later changes of the page: new or changed blocks are read and analysed the same way, one at a time.
    const read1 = (root, how) => analyseSnapshot(snapshotPage(document, root), opts || how ? { ...opts, ...how } : null);
    keep(early.takeRecords());
    early.disconnect();
    const watcher = watchPage({ doc: document, read: read1, result, page, hover: detach, ignore: (el) => el === card.host, onNavigate: rescan, pending: changes });
    // Whoever takes this run off the page (controls.js when the reader changes a setting, rescan) stops
    // the watcher too; the hover's addLayer/moved stay reachable.
    const stop = Object.assign(() => { watcher.stop(); detach(); }, { addLayer: detach.addLayer, moved: detach.moved });
    current = { card, detach: stop, clear };
    afterRun({ analysis, painted, mode, counts, clear, card, map, detach: stop });
    noteTask('settle', performance.now() - settle);
    html.dataset.newslensTiming = JSON.stringify(timing, (k, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v));
    html.dataset.newslensState = 'ready';
    if (result.engine !== 'worker') publishForPanel(analysis); // the worker kept its own
  } catch (e) {
    html.dataset.newslensError = String((e && e.message) || e);
    html.dataset.newslensState = 'error';
  } finally {
    early.disconnect();
  }
}
