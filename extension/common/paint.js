// Painting: turn a newslens/1 analysis into highlighted ranges on the page.
//
// STYLE.md point 7: never rewrite the page by default. Ranges are registered with the CSS Custom Highlight
// API under `newslens-<kind>` (styled by highlights.css); only where `CSS.highlights` is missing are the
// words wrapped in a `newslens-mark` element, a name no page stylesheet targets.
//
// No extension API here: the www demo page imports this module too.

/** The kinds painted, in the order of their highlight priority (later paints over earlier). */
export const KINDS = ['quote', 'person', 'organization', 'location', 'date', 'speaker'];

/** The highlight name of a kind: `newslens-quote`, … */
export const highlightName = (kind) => `newslens-${kind}`;

/**
 * Every span to paint, in article offsets: `{kind, start, end, text, item, mention?}` where `item` is the
 * quote, date or entity of the analysis it comes from (for a speaker span, the quote whose speaker it is).
 */
export function spansOf(analysis) {
  const spans = [];
  for (const q of analysis.quotes || []) {
    spans.push({ kind: 'quote', start: q.start, end: q.end, text: q.text, item: q });
  }
  // One speaker span per mention, however many quotes point at it.
  const speakerMentions = new Map();
  for (const q of analysis.quotes || []) {
    const m = q.speaker_mention;
    if (m && !speakerMentions.has(`${m.start}:${m.end}`)) {
      speakerMentions.set(`${m.start}:${m.end}`, true);
      spans.push({ kind: 'speaker', start: m.start, end: m.end, text: m.text, item: q, mention: m });
    }
  }
  for (const d of analysis.dates || []) {
    spans.push({ kind: 'date', start: d.start, end: d.end, text: d.text, item: d });
  }
  for (const e of analysis.entities || []) {
    if (!KINDS.includes(e.type)) continue; // "other" is not painted
    for (const m of e.mentions || []) {
      spans.push({ kind: e.type, start: m.start, end: m.end, text: m.text, item: e, mention: m });
    }
  }
  return spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Counts per kind, every kind present: `{quote: n, speaker: n, date: n, person: n, organization: n, location: n}`. */
export function countSpans(spans) {
  const counts = { quote: 0, speaker: 0, date: 0, person: 0, organization: 0, location: 0 };
  for (const s of spans) counts[s.kind] += 1;
  return counts;
}

// Whitespace and soft hyphens aside: the article text collapses the one and drops the other.
const squash = (text) => text.replace(/[\s\u00ad]+/g, '');

/** True when this browser has the CSS Custom Highlight API. */
export const highlightApi = () => typeof CSS !== 'undefined' && !!CSS.highlights && typeof Highlight === 'function';

/**
 * Paint `spans` on the page through `map` (a SegmentMap). Returns `{mode, painted, counts, misanchored,
 * clear}`: `painted` is the spans with their `range` (live until wrapping), `mode` is 'highlight' or 'wrap',
 * `misanchored` the number of spans left out because the page's words there differ from the analysed text.
 */
export function paint(spans, map, { doc = document, forceWrap = false } = {}) {
  const { painted, misanchored } = anchorAll(spans, map, doc);
  const counts = countSpans(painted);
  if (!forceWrap && highlightApi()) {
    const highlights = {};
    KINDS.forEach((kind, priority) => {
      const h = new Highlight(...painted.filter((s) => s.kind === kind).map((s) => s.range));
      h.priority = priority;
      highlights[kind] = h;
      CSS.highlights.set(highlightName(kind), h);
    });
    return { mode: 'highlight', painted, counts, misanchored, highlights, clear: () => KINDS.forEach((k) => CSS.highlights.delete(highlightName(k))) };
  }
  const marks = wrapAll(painted, doc);
  const clear = () => {
    const parents = new Set();
    for (const m of marks.reverse()) {
      if (!m.parentNode) continue;
      parents.add(m.parentNode);
      m.replaceWith(...m.childNodes);
    }
    for (const p of parents) if (p.isConnected) p.normalize();
  };
  return { mode: 'wrap', painted, counts, misanchored, marks, clear };
}

/**
 * A span's live range, or null when it does not anchor: `misanchored` when the range no longer reads the
 * analysed words. The page may have changed since it was scanned, or a node map may be off: paint only ranges
 * that still cover the analysed words (whitespace aside: <br> and block breaks are "\n" in the text only).
 */
function anchor(s, map, doc) {
  const range = map.range(s.start, s.end, doc);
  if (!range || range.collapsed) return null;
  return readsAs(range, s.text) ? range : 'misanchored';
}

/** Map spans to live ranges; only those whose range still reads the analysed words (see anchor). */
function anchorAll(spans, map, doc) {
  const painted = [];
  let misanchored = 0;
  for (const s of spans) {
    const range = anchor(s, map, doc);
    if (range === 'misanchored') misanchored += 1;
    else if (range) painted.push({ ...s, range });
  }
  return { painted, misanchored };
}

/**
 * paint() in slices, for pages of any size: spans are anchored and added to the highlights a slice at a time
 * (about `sliceMs` each), `pause()` (a promise: let the page run) in between; `onTask(ms)` hears each slice's
 * duration. Same result as paint(). Wrapping (no Highlight API) is done at once: it splits text nodes, which
 * must not change under a half-done paint.
 */
export async function paintSliced(spans, map, { doc = document, forceWrap = false, sliceMs = 8, pause = () => new Promise((r) => setTimeout(r, 0)), onTask = () => {} } = {}) {
  if (forceWrap || !highlightApi()) {
    const start = performance.now();
    const page = paint(spans, map, { doc, forceWrap });
    onTask(performance.now() - start);
    return page;
  }
  let start = performance.now();
  // Registered once complete: a registered Highlight that grows between slices is restyled at every frame.
  const highlights = {};
  KINDS.forEach((kind, priority) => {
    highlights[kind] = new Highlight();
    highlights[kind].priority = priority;
  });
  const painted = [];
  let misanchored = 0;
  for (let i = 0; i < spans.length; i++) {
    if (i % 32 === 31 && performance.now() - start > sliceMs) {
      onTask(performance.now() - start);
      await pause();
      start = performance.now();
    }
    const s = spans[i];
    const range = anchor(s, map, doc);
    if (range === 'misanchored') {
      misanchored += 1;
    } else if (range) {
      painted.push({ ...s, range });
      highlights[s.kind].add(range);
    }
  }
  for (const kind of KINDS) CSS.highlights.set(highlightName(kind), highlights[kind]);
  onTask(performance.now() - start);
  const clear = () => KINDS.forEach((k) => CSS.highlights.delete(highlightName(k)));
  return { mode: 'highlight', painted, counts: countSpans(painted), misanchored, highlights, clear };
}

/** True when a live range still reads `text` (whitespace aside). */
export const readsAs = (range, text) => squash(range.toString()) === squash(text);

/**
 * Paint more spans (blocks analysed after the first paint: a live page's new or changed blocks) into the
 * result `page` of an earlier paint(): their ranges join the same Highlight objects (or are wrapped), and
 * the painted spans are appended to `page.painted` in place, so whoever holds it sees them. `keep(span)`
 * (span with its range) can leave out spans already painted. Returns the spans painted and the number
 * that did not anchor.
 */
export function paintMore(spans, map, page, { doc = document, keep = () => true } = {}) {
  const anchored = anchorAll(spans, map, doc);
  const painted = anchored.painted.filter(keep);
  const { misanchored } = anchored;
  const base = page.painted.length;
  page.painted.push(...painted);
  if (page.mode === 'highlight') {
    for (const s of painted) page.highlights[s.kind]?.add(s.range);
  } else {
    page.marks?.push(...wrapAll(painted, doc, base));
  }
  return { painted, misanchored };
}

/** Stop painting `spans` (their words changed and could not be found again), and drop them from `page.painted`. */
export function unpaint(spans, page) {
  const gone = new Set(spans);
  for (const s of spans) {
    s.dropped = true;
    if (page.mode === 'highlight') page.highlights[s.kind]?.delete(s.range);
  }
  // In wrap mode the marks stay (they wrap the page's own text nodes, which the page itself changed) and
  // so do the spans, flagged: marks find their span by its index in `page.painted`.
  if (page.mode !== 'highlight') return;
  const kept = page.painted.filter((s) => !gone.has(s));
  page.painted.splice(0, page.painted.length, ...kept);
}

/** Paint span `s` at a new range (re-anchored on its quoted text after the page changed). */
export function moveSpan(s, range, page) {
  if (page.mode === 'highlight') {
    page.highlights[s.kind]?.delete(s.range);
    page.highlights[s.kind]?.add(range);
  }
  s.range = range;
}

/** Order of nesting: outer (longer) spans first; for equal extents the higher-priority kind goes inside. */
export const nestingOrder = (a, b) => b.end - b.start - (a.end - a.start) || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind);

/**
 * Wrap every painted span's text in `newslens-mark` elements (data-newslens-kind, data-newslens-span = `base`
 * + index in `painted`, its index in the page's whole painted list). Moving a text node into a mark would collapse every live range inside it, so the ranges are
 * read once into (text node, from, to) pieces, each text node is split at every cut point, and the resulting
 * fragments are wrapped, outer spans first so that marks nest.
 */
function wrapAll(painted, doc, base = 0) {
  const pieces = painted.map((s) => textPieces(s.range, doc));
  const cuts = new Map();
  for (const list of pieces) {
    for (const [node, from, to] of list) {
      if (!cuts.has(node)) cuts.set(node, new Set());
      cuts.get(node).add(from).add(to);
    }
  }
  // fragments.get(node): [[start offset in the original data, fragment text node], ...] in order.
  const fragments = new Map();
  for (const [node, points] of cuts) {
    const list = [];
    for (const p of [...points].filter((p) => p > 0 && p < node.data.length).sort((a, b) => b - a)) {
      list.push([p, node.splitText(p)]);
    }
    list.push([0, node]);
    fragments.set(node, list.reverse());
  }
  const marks = [];
  const order = painted.map((s, i) => i).sort((i, j) => nestingOrder(painted[i], painted[j]));
  for (const i of order) {
    for (const [node, from, to] of pieces[i]) {
      for (const [start, fragment] of fragments.get(node)) {
        if (start < from || start >= to) continue;
        const mark = doc.createElement('newslens-mark');
        mark.dataset.newslensKind = painted[i].kind;
        mark.dataset.newslensSpan = String(base + i);
        fragment.parentNode.insertBefore(mark, fragment);
        mark.appendChild(fragment);
        marks.push(mark);
      }
    }
  }
  return marks;
}

/** The text nodes a range covers, as [node, from, to] (offsets in the node's data). */
function textPieces(range, doc) {
  const texts = [];
  const root = range.commonAncestorContainer;
  if (root.nodeType === Node.TEXT_NODE) {
    texts.push(root);
  } else {
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (range.intersectsNode(n)) texts.push(n);
    }
  }
  const pieces = [];
  for (const node of texts) {
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    if (to > from) pieces.push([node, from, to]);
  }
  return pieces;
}
