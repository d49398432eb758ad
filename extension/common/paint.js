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

/** True when this browser has the CSS Custom Highlight API. */
export const highlightApi = () => typeof CSS !== 'undefined' && !!CSS.highlights && typeof Highlight === 'function';

/**
 * Paint `spans` on the page through `map` (a SegmentMap). Returns `{mode, painted, counts, clear}`:
 * `painted` is the spans with their live `range`, `mode` is 'highlight' or 'wrap'.
 */
export function paint(spans, map, { doc = document, forceWrap = false } = {}) {
  const painted = [];
  for (const s of spans) {
    const range = map.range(s.start, s.end, doc);
    if (range && !range.collapsed) painted.push({ ...s, range });
  }
  const counts = countSpans(painted);
  if (!forceWrap && highlightApi()) {
    KINDS.forEach((kind, priority) => {
      const h = new Highlight(...painted.filter((s) => s.kind === kind).map((s) => s.range));
      h.priority = priority;
      CSS.highlights.set(highlightName(kind), h);
    });
    return { mode: 'highlight', painted, counts, clear: () => KINDS.forEach((k) => CSS.highlights.delete(highlightName(k))) };
  }
  const marks = [];
  // Live ranges follow the text nodes as they are split, so every range stays right while we wrap.
  painted.forEach((s, index) => {
    for (const mark of wrapRange(s.range, doc)) {
      mark.dataset.newslensKind = s.kind;
      mark.dataset.newslensSpan = String(index);
      marks.push(mark);
    }
  });
  const clear = () => {
    for (const m of marks) {
      if (!m.parentNode) continue;
      m.replaceWith(...m.childNodes);
    }
    doc.body && doc.body.normalize();
  };
  return { mode: 'wrap', painted, counts, clear };
}

/** Wrap the text of `range` in `newslens-mark` elements, one per text node it crosses. */
function wrapRange(range, doc) {
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
  const marks = [];
  for (let node of texts) {
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    if (to <= from) continue;
    if (to < node.data.length) node.splitText(to);
    if (from > 0) node = node.splitText(from);
    const mark = doc.createElement('newslens-mark');
    node.parentNode.insertBefore(mark, node);
    mark.appendChild(node);
    marks.push(mark);
  }
  return marks;
}
