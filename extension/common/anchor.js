// The segment map: from offsets in the article text (UTF-16 code units, as the analysis gives them) to DOM
// positions in the page's text nodes, and back. Built from the segment map the WebAssembly article finder
// returns (`analyzeSnapshot` or `scanSnapshot`, their snapshot indexes mapped back to the text nodes)
// (STYLE.md point 6; the model is the Hypothesis client's text-range.ts).
//
// Boundary rule: an offset at the boundary of two nodes belongs to the START of the next node. A range's
// end is the exception: it stays at the END of the previous node, so a range never spills into the next
// block (see `position(offset, 'end')`).
//
// No extension API here: the www demo page imports this module too.

/** Offsets ↔ (text node, offset in its data). */
export class SegmentMap {
  /**
   * @param {{nodes: Node[], starts: ArrayLike<number>, lengths: ArrayLike<number>,
   *          nodeOffsets?: (ArrayLike<number>|null)[]}} map parallel arrays, one entry per text node
   */
  constructor({ nodes, starts, lengths, nodeOffsets }) {
    this.nodes = nodes;
    this.starts = starts;
    this.lengths = lengths;
    this.nodeOffsets = nodeOffsets || [];
    this.index = new Map(nodes.map((n, k) => [n, k]));
  }

  /** Index of the segment holding `offset`: the last k with starts[k] <= offset (or < for an end). */
  segmentAt(offset, affinity = 'start') {
    let lo = 0;
    let hi = this.starts.length; // first k whose start is past the offset
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const past = affinity === 'end' ? this.starts[mid] >= offset : this.starts[mid] > offset;
      if (past) hi = mid;
      else lo = mid + 1;
    }
    return Math.max(0, lo - 1);
  }

  /** The DOM position of an article offset: `{node, offset}` (offset in the node's data), or null. */
  position(offset, affinity = 'start') {
    if (this.nodes.length === 0) return null;
    const k = this.segmentAt(offset, affinity);
    const len = this.lengths[k];
    // Offsets in a separator between two blocks (or past the end) clamp to the end of the segment.
    const local = Math.min(Math.max(offset - this.starts[k], 0), len);
    const map = this.nodeOffsets[k];
    let nodeOffset = local;
    if (map && map.length) {
      nodeOffset = local < map.length ? map[local] : map[map.length - 1] + 1;
    }
    const node = this.nodes[k];
    return { node, offset: Math.min(nodeOffset, node.data ? node.data.length : nodeOffset) };
  }

  /** A live DOM Range over article offsets [start, end), or null when the map is empty. */
  range(start, end, doc = document) {
    const a = this.position(start, 'start');
    const b = this.position(end, 'end');
    if (!a || !b) return null;
    const r = doc.createRange();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  }

  /** The article offset of a DOM position inside one of the map's text nodes, or null. */
  offsetOf(node, nodeOffset) {
    const k = this.index.get(node);
    if (k === undefined) return null;
    const map = this.nodeOffsets[k];
    let local = nodeOffset;
    if (map && map.length) {
      // The last article unit whose node offset is <= nodeOffset (collapsed whitespace maps many to one).
      let lo = 0;
      let hi = map.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (map[mid] > nodeOffset) hi = mid;
        else lo = mid + 1;
      }
      local = nodeOffset > map[map.length - 1] ? map.length : Math.max(0, lo - 1);
    }
    return this.starts[k] + Math.min(local, this.lengths[k]);
  }
}
