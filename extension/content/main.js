// NewsLens content script (an ES module imported by loader.js): find the article, analyse it, paint it,
// and show hover cards. The analysis runs here in WebAssembly when the page allows it; when the page's CSP
// forbids WebAssembly it runs in the service worker on a JSON snapshot of the page.
//
// Outcome on <html> (what tests and the popup read):
//   data-newslens-state="loading" | "ready" | "error", data-newslens-error="message" on error,
//   data-newslens-counts='{"quote":n,"speaker":n,"date":n,"person":n,"organization":n,"location":n}',
//   data-newslens-engine="content" | "worker" (where the analysis ran), data-newslens-paint="highlight" | "wrap",
//   data-newslens-misanchored="n": spans not painted because the page's words there differ from the analysis.

import { SegmentMap } from '../common/anchor.js';
import { paint, spansOf } from '../common/paint.js';
import { HoverCard } from '../common/card.js';
import { attachHover } from '../common/hover.js';
import { snapshotPage } from './snapshot.js';
import { beforeRun, afterRun } from './controls.js';
import init, * as wasm from '../pkg/newslens.js';

/** Load the WebAssembly module here, or null when the page forbids it (CSP without 'wasm-unsafe-eval'). */
async function loadWasm() {
  try {
    // Importing the JS glue is always allowed (an extension resource); compiling the module is what the
    // page's CSP may refuse.
    await init({ module_or_path: chrome.runtime.getURL('pkg/newslens_bg.wasm') });
    return wasm;
  } catch (e) {
    console.info('NewsLens: WebAssembly unavailable in this page, analysing in the service worker:', e && e.message);
    return null;
  }
}

/** Analyse in the content script: `{analysis, nodes, starts, lengths, nodeOffsets}`. */
function analyseHere(wasm, options) {
  return wasm.analyzeDocument(document, options);
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

/** Run NewsLens on this page once. */
export async function run() {
  const html = document.documentElement;
  if (html.dataset.newslensState) return; // already ran (re-injection)
  html.dataset.newslensState = 'loading';
  try {
    // The reader's settings: null when NewsLens is off on this site (controls.js runs us again when turned on).
    const options = await beforeRun(run);
    if (!options) return;
    const wasm = await loadWasm();
    const opts = options.lang ? options : null;
    const result = await withOneRetry(() => (wasm ? analyseHere(wasm, opts) : analyseInWorker(opts)));
    html.dataset.newslensEngine = wasm ? 'content' : 'worker';
    const map = new SegmentMap(result);
    const { analysis } = result;
    const { mode, painted, counts, misanchored, clear } = paint(spansOf(analysis), map);
    const card = new HoverCard(document);
    const detach = attachHover({ doc: document, painted, map, mode, card, analysis });
    html.dataset.newslensPaint = mode;
    html.dataset.newslensMisanchored = String(misanchored);
    html.dataset.newslensCounts = JSON.stringify(counts);
    html.dataset.newslensState = 'ready';
    afterRun({ analysis, painted, mode, counts, clear, card, map, detach });
    publishForPanel(analysis);
  } catch (e) {
    html.dataset.newslensError = String((e && e.message) || e);
    html.dataset.newslensState = 'error';
  }
}
