// Dynamic pages: keep the paint right while the page changes after the first analysis.
//
// After Dark Reader's watcher (src/inject/dynamic-theme/watch.ts): a MutationObserver only COLLECTS records;
// a debounced flush (quiet for FLUSH_QUIET ms, at most FLUSH_MAX ms after the first record) then
//   1. checks every painted span still reads its words; one that does not is re-anchored by its quoted text
//      in the article (whitespace and soft hyphens aside; the occurrence nearest to where it was) or dropped;
//   2. analyses only the blocks that are new or whose words changed (read into a snapshot here, found and
//      analysed in the service worker like the first article), one block at a time with a yield in between:
//      a block whose words were analysed already (a framework re-rendering the same paragraph, a node moved)
//      is skipped, so infinite scroll never re-analyses what was done. A block outside the first
//      article counts only when it holds an article itself (500 characters: the next story of an endless
//      feed), not for a widget's few words.
// Our own mutations (the hover card, wrap-mode marks) are ignored. Navigation in a single-page app
// (history.pushState/replaceState, popstate) is seen by polling location.href and the Navigation API: content
// scripts live in an isolated world, so patching the page's `history` would not see the page's own calls.
//
// Outcome on <html> (what tests read): data-newslens-blocks (blocks analysed after load),
// data-newslens-reanchored, data-newslens-dropped (spans moved or given up), data-newslens-counts (updated).

import { SegmentMap } from '../common/anchor.js';
import { countSpans, moveSpan, paintMore, readsAs, spansOf, unpaint } from '../common/paint.js';
import { yieldToPage } from './snapshot.js';

/** Quiet time before a flush, and the longest a record waits. */
const FLUSH_QUIET = 200;
const FLUSH_MAX = 1000;
/** Characters of article text for a block outside the first article to be analysed (the detector's bar). */
const MIN_OUTSIDE = 500;
/** Fewer characters than this is not worth an analysis (a counter, a "Load more" button). */
const MIN_BLOCK = 20;

/** JavaScript's `\s`, plus the soft hyphen (invisible, dropped from the article text). */
const isSpace = (c) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xad || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** A text without whitespace or soft hyphens: how two texts are compared here (`\s` is isSpace's set). */
export const squash = (text) => text.replace(/[\s\u00ad]+/g, '');

const SKIP_TEXT_OF = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
const BLOCKS = 'p,li,blockquote,h1,h2,h3,h4,h5,h6,dd,dt,td,th,pre,figcaption,article,section,main,div';

/**
 * The squashed text under `root` with, for each of its UTF-16 units, the text node and offset it comes
 * from: `{text, at(i) → {node, offset}}`.
 */
export function textIndex(root, doc = document, ignore = () => false) {
  const nodes = [];
  const nodeOf = [];
  const offsetOf = [];
  let text = '';
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement && (SKIP_TEXT_OF.has(n.parentElement.nodeName) || ignore(n.parentElement)) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = n.data;
    const k = nodes.length;
    nodes.push(n);
    let chunk = '';
    for (let i = 0; i < data.length; i++) {
      if (isSpace(data.charCodeAt(i))) continue;
      chunk += data[i];
      nodeOf.push(k);
      offsetOf.push(i);
    }
    text += chunk;
  }
  return { text, at: (i) => ({ node: nodes[nodeOf[i]], offset: offsetOf[i] }) };
}

/**
 * A range over the occurrence of `words` in `index` nearest to position `hint` (a share of the text,
 * 0..1), or null when the words are not there.
 */
export function findWords(index, words, hint = 0, doc = document) {
  const needle = squash(words);
  if (!needle) return null;
  const want = hint * index.text.length;
  let best = -1;
  for (let p = index.text.indexOf(needle); p >= 0; p = index.text.indexOf(needle, p + 1)) {
    if (best < 0 || Math.abs(p - want) < Math.abs(best - want)) best = p;
    if (p > want) break; // later ones are farther still
  }
  if (best < 0) return null;
  const a = index.at(best);
  const b = index.at(best + needle.length - 1);
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset + 1);
  return range;
}

/** The outermost of `nodes` (none inside another), connected ones only. */
function outermost(nodes) {
  const set = new Set(nodes);
  return [...set].filter((n) => {
    if (!n.isConnected) return false;
    for (let p = n.parentNode; p; p = p.parentNode) if (set.has(p)) return false;
    return true;
  });
}

/** The element that holds a text node as a block (its paragraph, list item…). */
const blockOf = (node) => (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement)?.closest(BLOCKS) || node.parentElement;

/** The element holding all of a segment map's text nodes. */
function commonRoot(nodes, doc) {
  if (!nodes.length) return doc.body;
  const r = doc.createRange();
  r.setStart(nodes[0], 0);
  r.setEnd(nodes[nodes.length - 1], 0);
  const c = r.commonAncestorContainer;
  return c.nodeType === Node.ELEMENT_NODE ? c : c.parentElement;
}

/**
 * Watch the page after the first paint. `read(root, options)`: a promise of what the article finder and the
 * analysis make of one element as if it were a page (`{analysis, text, nodes, starts, …}` like `result`),
 * `options` being the first article's (`{lang, reference, referenceSource}`) for a block of it, null for
 * another story (its own metadata then); `result`: what was analysed (`{analysis, text, nodes, …}`);
 * `page`: paint()'s result (its `painted` list grows in place); `hover`: attachHover's detach function
 * (addLayer, moved); `ignore(node)`: true for our own nodes; `onNavigate()`: the URL changed (a single-page
 * app showed another page): the caller scans afresh; `pending`: mutation records of the page from before
 * (between its snapshot and now), handled as if seen here. Returns `{stop, flushNow}`.
 */
export function watchPage({ doc = document, read, result, page, hover, ignore = () => false, onNavigate = () => {}, pending = [] }) {
  const html = doc.documentElement;
  const analysis = result.analysis;
  const options = { lang: analysis.lang, reference: analysis.reference, referenceSource: analysis.reference_source };
  // What was analysed, whitespace aside: a block whose words are all in here is not analysed again.
  // (Made at the first change: nothing is done here for a page that never changes.)
  let analysed = null;
  const articleRoot = commonRoot(result.nodes, doc);
  const stats = { blocks: 0, reanchored: 0, dropped: 0 };
  // Each span's place in its own text, as a hint for re-anchoring (share of the text, 0..1).
  const hintOf = new WeakMap();
  const noteHints = (spans, length) => { for (const s of spans) hintOf.set(s, length ? s.start / length : 0); };
  noteHints(page.painted, result.text.length);

  const isOurs = (node) => {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return !!el && (ignore(el) || !!el.closest('newslens-mark, newslens-card'));
  };

  let stopped = false;
  let queue = [];
  let timer = 0;
  let first = 0;
  let running = false;
  const observer = new MutationObserver((records) => {
    queue.push(...records);
    schedule();
  });
  const schedule = () => {
    const now = performance.now();
    if (!first) first = now;
    clearTimeout(timer);
    timer = setTimeout(flush, now - first >= FLUSH_MAX ? 0 : FLUSH_QUIET);
  };

  /** Check the painted spans; re-anchor or drop those whose words moved or changed. */
  const revalidate = () => {
    const bad = page.painted.filter((s) => !s.dropped && !(s.range.startContainer.isConnected && s.range.endContainer.isConnected && readsAs(s.range, s.text)));
    if (!bad.length) return;
    const root = articleRoot.isConnected ? articleRoot : doc.body;
    const index = textIndex(root, doc, isOurs);
    const lost = [];
    for (const s of bad) {
      const range = findWords(index, s.text, hintOf.get(s) ?? 0, doc);
      if (range) {
        moveSpan(s, range, page);
        hover?.moved?.(s);
        stats.reanchored += 1;
      } else {
        lost.push(s);
      }
    }
    if (lost.length) {
      unpaint(lost, page);
      stats.dropped += lost.length;
    }
  };

  /** Analyse one new or changed block; paint what it finds that is not painted yet. */
  const analyseBlock = async (root) => {
    const words = squash(root.textContent || '');
    analysed ??= squash(result.text);
    if (words.length < MIN_BLOCK || analysed.includes(words)) return;
    // A block of the article reads as the article (its language, its reference date); another story is
    // its own: its metadata, else what its text says.
    const inside = articleRoot.contains(root) || root.contains(articleRoot);
    let scanned;
    try {
      scanned = await read(root, inside ? options : null);
    } catch {
      return; // no text there after all
    }
    if (!inside && scanned.text.length < MIN_OUTSIDE) return;
    const a = scanned.analysis;
    if (!scanned.nodes.every((n) => n.isConnected)) return; // changed again meanwhile: the next flush sees it
    const map = new SegmentMap(scanned);
    const spans = spansOf(a).map((s) => ({ ...s, analysis: a }));
    // Spans already painted on the same words (a container re-rendered with old and new paragraphs).
    const byNode = new Map();
    for (const s of page.painted) {
      const n = s.range.startContainer;
      if (!byNode.has(n)) byNode.set(n, []);
      byNode.get(n).push(s);
    }
    const fresh = (s) => !(byNode.get(s.range.startContainer) || []).some((o) => o.kind === s.kind && o.range.startOffset === s.range.startOffset);
    if (stopped) return;
    const { painted } = paintMore(spans, map, page, { doc, keep: fresh });
    noteHints(painted, scanned.text.length);
    hover?.addLayer?.(painted, map);
    analysed += `\u0000${squash(scanned.text)}`;
    stats.blocks += 1;
  };

  const flush = async () => {
    timer = 0;
    first = 0;
    if (running) return schedule(); // one flush at a time; this one runs after
    const records = queue;
    queue = [];
    running = true;
    try {
      let touched = false;
      const roots = [];
      for (const r of records) {
        if (isOurs(r.target)) continue;
        if (r.type === 'characterData') {
          touched = true;
          roots.push(blockOf(r.target));
          continue;
        }
        if (r.removedNodes.length) touched = true;
        for (const n of r.addedNodes) {
          if (n.nodeType === Node.TEXT_NODE ? !n.data.trim() : n.nodeType !== Node.ELEMENT_NODE) continue;
          if (isOurs(n) || SKIP_TEXT_OF.has(n.nodeName)) continue;
          touched = true;
          roots.push(n.nodeType === Node.TEXT_NODE ? blockOf(n) : n);
        }
      }
      if (!touched) return;
      if (!articleRoot.isConnected && !result.nodes.some((n) => n.isConnected)) {
        // The whole article was replaced (a single-page app's new view without a URL change).
        onNavigate();
        return;
      }
      revalidate();
      for (const root of outermost(roots.filter(Boolean))) {
        await yieldToPage();
        if (stopped) return;
        if (root.isConnected) await analyseBlock(root);
        // Our wrap-mode marks are mutations too: drop their records.
        if (page.mode !== 'highlight') observer.takeRecords();
      }
      html.dataset.newslensCounts = JSON.stringify(countSpans(page.painted.filter((s) => !s.dropped)));
      html.dataset.newslensBlocks = String(stats.blocks);
      html.dataset.newslensReanchored = String(stats.reanchored);
      html.dataset.newslensDropped = String(stats.dropped);
    } finally {
      running = false;
    }
  };

  // Single-page apps: the URL changes without a load.
  const path = () => location.href.replace(/#.*$/, '');
  let url = path();
  const checkUrl = () => {
    if (path() === url) return;
    url = path();
    onNavigate();
  };
  const poll = setInterval(checkUrl, 500);
  addEventListener('popstate', checkUrl);
  const nav = globalThis.navigation;
  nav?.addEventListener?.('navigatesuccess', checkUrl);

  observer.observe(doc.body || html, { childList: true, subtree: true, characterData: true });
  if (pending.length) {
    queue.push(...pending);
    schedule();
  }
  html.dataset.newslensBlocks = '0';
  html.dataset.newslensReanchored = '0';
  html.dataset.newslensDropped = '0';
  return {
    stop() {
      stopped = true;
      observer.disconnect();
      clearTimeout(timer);
      clearInterval(poll);
      removeEventListener('popstate', checkUrl);
      nav?.removeEventListener?.('navigatesuccess', checkUrl);
    },
    flushNow: () => flush(),
  };
}
