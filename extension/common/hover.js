// Hover detection: which painted span is under the pointer, and show its card.
//
// With the Highlight API nothing in the page marks the words, so the pointer is turned into a text position
// with caretPositionFromPoint (caretRangeFromPoint in older Chromium), into an article offset through the
// segment map, then looked up among the painted spans; the span's own client rects confirm the pointer is
// really over its words (a caret is found even in the margin). In the wrapping fallback the
// `newslens-mark` elements carry the span index instead.
//
// No extension API here: the www demo page imports this module too.

import { KINDS } from './paint.js';

/** The caret (text node + offset) under a viewport point, or null. */
export function caretAt(doc, x, y) {
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p && p.offsetNode ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (doc.caretRangeFromPoint) {
    const r = doc.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

const inRects = (range, x, y) => {
  for (const r of range.getClientRects()) {
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return r;
  }
  return null;
};

/**
 * Spans sorted by start, for interval lookups. `at(offset)` returns the spans holding the offset, innermost
 * (shortest) first. Spans nest and overlap (a name inside a quote), so after the binary search for the last
 * span starting at or before the offset we walk back; `maxLen` (the longest span) bounds that walk.
 */
export class SpanIndex {
  constructor(spans) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
    this.maxLen = this.spans.reduce((m, s) => Math.max(m, s.end - s.start), 0);
  }

  at(offset) {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid].start > offset) hi = mid;
      else lo = mid + 1;
    }
    const found = [];
    for (let k = lo - 1; k >= 0 && this.spans[k].start >= offset - this.maxLen; k--) {
      if (this.spans[k].end > offset) found.push(this.spans[k]);
    }
    // Innermost first; for the same words, the most specific kind (a speaker before the person it names).
    return found.sort((a, b) => a.end - a.start - (b.end - b.start) || KINDS.indexOf(b.kind) - KINDS.indexOf(a.kind));
  }
}

/**
 * Track the pointer over the page and show `card` for the span under it. Escape hides the card.
 * `painted`: spans with `range` (from paint()), `map`: the SegmentMap, `mode`: 'highlight' | 'wrap'.
 * Returns a function that detaches the listeners, with two methods for pages that change after the first
 * paint: `addLayer(spans, map)` (spans of a block analysed later, with that block's own map; a span may carry
 * its own `analysis` for the card) and `moved(span)` (a span re-anchored on its quoted text: its range no
 * longer matches the map's offsets, so it is found by its client rects).
 */
export function attachHover({ doc = document, painted, map, mode, card, analysis }) {
  // One (map, index) per analysed block; the first is the article found at load.
  const layers = [{ map, index: new SpanIndex(painted) }];
  const moved = new Set();
  let frame = 0;
  let last = null;

  const spanAtPoint = (x, y, target) => {
    if (mode === 'wrap') {
      const mark = target && target.closest && target.closest('newslens-mark');
      if (!mark) return null;
      // The innermost mark is the most specific span.
      const span = painted[Number(mark.dataset.newslensSpan)];
      return span && !span.dropped ? { span, rect: mark.getBoundingClientRect() } : null;
    }
    const caret = caretAt(doc, x, y);
    if (!caret) return null;
    for (const layer of layers) {
      const offset = layer.map.offsetOf(caret.node, caret.offset);
      if (offset === null) continue;
      // The caret falls between characters: the pointer is over the one before or the one after it.
      const seen = new Set();
      for (const o of [offset, offset - 1]) {
        for (const span of layer.index.at(o)) {
          if (seen.has(span) || span.dropped) continue;
          seen.add(span);
          const rect = inRects(span.range, x, y);
          if (rect) return { span, rect };
        }
      }
    }
    for (const span of moved) {
      const rect = !span.dropped && inRects(span.range, x, y);
      if (rect) return { span, rect };
    }
    return null;
  };

  // The reader's hover delay (card.delay): a card opens once the pointer has rested that long on the
  // words; moving from one card's words to another's switches at once.
  let pending = 0;
  const update = () => {
    frame = 0;
    if (!last) return;
    const { x, y, target } = last;
    if (card.contains(x, y)) return; // let the reader move into the card to scroll it
    const hit = spanAtPoint(x, y, target);
    clearTimeout(pending);
    if (!hit) card.hide();
    else {
      // A span of a block analysed later carries its own analysis.
      const a = hit.span.analysis || analysis;
      if (card.visible || !card.delay) card.show(hit.span, a, hit.rect);
      else pending = setTimeout(() => card.show(hit.span, a, hit.rect), card.delay);
    }
  };

  const onMove = (e) => {
    last = { x: e.clientX, y: e.clientY, target: e.target };
    if (!frame) frame = requestAnimationFrame(update);
  };
  const onKey = (e) => {
    if (e.key === 'Escape') card.hide();
  };
  // A card opened by the keyboard stays open through the scroll that brought its words into view.
  const onScroll = () => { if (!(card.pinnedUntil > performance.now())) card.hide(); };

  doc.addEventListener('mousemove', onMove, { passive: true });
  doc.addEventListener('keydown', onKey);
  doc.addEventListener('scroll', onScroll, { passive: true, capture: true });
  const detach = () => {
    doc.removeEventListener('mousemove', onMove);
    doc.removeEventListener('keydown', onKey);
    doc.removeEventListener('scroll', onScroll, { capture: true });
    if (frame) cancelAnimationFrame(frame);
    clearTimeout(pending);
  };
  detach.addLayer = (spans, layerMap) => layers.push({ map: layerMap, index: new SpanIndex(spans) });
  detach.moved = (span) => moved.add(span);
  return detach;
}
