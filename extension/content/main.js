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
function analyseHere(wasm) {
  return wasm.analyzeDocument(document, null);
}

/** Analyse in the service worker from a page snapshot; maps the snapshot's text indexes back to nodes. */
async function analyseInWorker() {
  const { json, textNodes } = snapshotPage(document);
  const reply = await chrome.runtime.sendMessage({ type: 'newslens/analyze-snapshot', json });
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
 * per tab; and answer the panel's 'newslens/jump' by scrolling to the range and flashing it. Sets
 * data-newslens-last-jump="start-end" on <html> (what tests read).
 */
function publishForPanel(analysis, map, painted) {
  chrome.runtime.sendMessage({ type: 'newslens/analysis', analysis }).catch(() => {});
  chrome.runtime.onMessage.addListener((message) => {
    if (!message || message.type !== 'newslens/jump') return false;
    const { start, end } = message;
    // Painted ranges stay live in highlight mode; in wrap mode the text nodes were split, so map afresh.
    let range = painted.find((s) => s.start === start && s.end === end && s.range.startContainer.isConnected)?.range;
    try { range ??= map.range(start, end); } catch { range = null; }
    if (!range) return false;
    const block = range.startContainer.parentElement;
    block?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    if (typeof Highlight === 'function' && CSS.highlights) {
      flashStyle();
      CSS.highlights.set('newslens-flash', new Highlight(range));
      setTimeout(() => CSS.highlights.delete('newslens-flash'), 1500);
    }
    document.documentElement.dataset.newslensLastJump = `${start}-${end}`;
    return false;
  });
}

/** The look of 'newslens-flash', once: a constructed sheet, which page CSPs (style-src) do not block. */
let flashSheet = null;
function flashStyle() {
  if (flashSheet) return;
  try {
    flashSheet = new CSSStyleSheet();
    flashSheet.replaceSync('::highlight(newslens-flash) { background-color: rgba(255, 120, 0, 0.55); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, flashSheet];
  } catch { /* no constructed sheets: the jump still scrolls */ }
}

/** Run NewsLens on this page once. */
export async function run() {
  const html = document.documentElement;
  if (html.dataset.newslensState) return; // already ran (re-injection)
  html.dataset.newslensState = 'loading';
  try {
    const wasm = await loadWasm();
    const result = await withOneRetry(() => (wasm ? analyseHere(wasm) : analyseInWorker()));
    html.dataset.newslensEngine = wasm ? 'content' : 'worker';
    const map = new SegmentMap(result);
    const { analysis } = result;
    const { mode, painted, counts, misanchored } = paint(spansOf(analysis), map);
    const card = new HoverCard(document);
    attachHover({ doc: document, painted, map, mode, card, analysis });
    html.dataset.newslensPaint = mode;
    html.dataset.newslensMisanchored = String(misanchored);
    html.dataset.newslensCounts = JSON.stringify(counts);
    html.dataset.newslensState = 'ready';
    publishForPanel(analysis, map, painted);
  } catch (e) {
    html.dataset.newslensError = String((e && e.message) || e);
    html.dataset.newslensState = 'error';
  }
}
