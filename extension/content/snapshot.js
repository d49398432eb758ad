// A JSON snapshot of the page (or of one element of it), read by the service worker: the article is found and
// analysed there, off the page's main thread, in WebAssembly instantiated once per worker rather than once per
// tab. The walk is sliced: it yields to the page whenever a slice has run SLICE_MS, so that no task of ours is
// long however large the page.
//
// Format (read by page::snapshot::scan_snapshot in Rust):
//   {"url": "...", "root": NODE}
//   NODE = {"t": "p", "a": {"name": "value", ...}?, "h": true?, "c": [NODE, ...]}   (an element: tag,
//          attributes when it has any kept, hidden by CSS, children)
//        | {"x": "..."}                                                         (a text node)
// (The reader also takes the long keys tag/attrs/hidden/children/text; the short ones make the JSON that is
// built, sent and parsed a quarter shorter.)
// Text entries are numbered in document order from 0: entry k is textNodes[k] here. Only what the article
// finder reads is kept: the attributes of ATTRS, no children under SKIP_TAGS but the text of <title> and of
// JSON-LD scripts (the publication date lives there), no children under an element CSS hides (`"h": true`:
// the finder skips its whole subtree), no comments; a text node of ASCII whitespace only is sent as one
// space outside <pre> (the finder collapses such a run to at most one space mapped to the node's offset 0,
// whatever its length). On the saved pages (tests/e2e/pages.spec.mjs) this makes the JSON 1–75 % shorter
// (nytimes-1: 179 → 44 kB, mostly a hidden menu) for the same text, segment map and analysis.

/**
 * Let the page run: scheduler.yield() where there is one (our continuation then goes before other tasks),
 * else a message to ourselves, a macrotask that nested setTimeout's 4 ms clamp does not delay.
 */
export function yieldToPage() {
  if (globalThis.scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** How long one slice of the walk may run before it yields (ms): far below the 50 ms long-task bar. */
export const SLICE_MS = 8;

const KEEP_SCRIPT_TEXT = (el) => el.localName === 'script' && (el.getAttribute('type') || '').includes('ld+json');
const MAX_ATTR = 2000;
/**
 * The attributes the Rust side reads (src/page/detect.rs, meta.rs: hints, hidden markers, metadata, links,
 * language); the others (data-*, srcset, inline handlers…) would only make the snapshot longer to build,
 * send and parse. Keep in step with the `attr(…)` calls there.
 */
export const ATTRS = new Set(['class', 'id', 'role', 'itemprop', 'hidden', 'aria-hidden', 'style', 'type', 'property', 'name', 'http-equiv', 'content', 'href', 'datetime', 'pubdate', 'title', 'lang', 'xml:lang']);
/**
 * Elements whose subtree the article finder never reads (SKIP_TAGS in src/page/detect.rs; a unit test keeps
 * the two lists equal): kept with their attributes (<meta>) but without children, except the text of <title>
 * and of JSON-LD scripts, which it does read. Navigation, footers and asides are often a large part of a page.
 */
export const SKIP_TAGS = new Set([
  'aside', 'audio', 'button', 'canvas', 'embed', 'figcaption', 'footer', 'iframe', 'input', 'link', 'map', 'math',
  'meta', 'nav', 'noscript', 'object', 'option', 'script', 'select', 'style', 'svg', 'template', 'textarea',
  'title', 'video',
]);
/** A text of the whitespace the finder collapses (src/page/detect.rs `Collector::text`; not NBSP). */
const BLANK = /^[ \t\n\r\f]+$/;
/** Nodes visited between two looks at the clock. */
const CHECK_EVERY = 64;

/**
 * The walk, resumable: `step(deadline)` visits nodes until done (true) or `deadline` (performance.now()) has
 * passed (false). Each element's children are listed when it is entered, so a page changing between two
 * slices cannot make the walk visit a node twice.
 */
class Walk {
  constructor(doc, root) {
    this.doc = doc;
    this.textNodes = [];
    const inHead = root.localName === 'head' || !!root.closest?.('head');
    this.root = this.element(root, inHead);
    this.stack = [this.frame(root, this.root, inHead, !!root.closest?.('pre'))];
  }

  /** An element's snapshot, children to come. */
  element(el, inHead) {
    const out = { t: el.localName };
    // Names, then the values kept: iterating `el.attributes` would make an Attr object for each attribute.
    if (el.hasAttributes()) {
      for (const name of el.getAttributeNames()) {
        if (ATTRS.has(name)) (out.a ??= {})[name] = el.getAttribute(name).slice(0, MAX_ATTR);
      }
    }
    // Layout knows what CSS hides; the Rust side cannot compute styles. (Nothing in <head> is laid out; the
    // finder asks nothing of skipped elements, nor of <html> and <body>.)
    const asked = !inHead && !SKIP_TAGS.has(el.localName) && !['html', 'head', 'body'].includes(el.localName);
    if (asked && el.checkVisibility && !el.checkVisibility()) out.h = true;
    out.c = [];
    return out;
  }

  /**
   * An element being walked: its snapshot `out`, its children to visit, whether it is in <head>, whether
   * its text keeps its whitespace (in a <pre>, or the text the finder reads whole: <title>, JSON-LD).
   */
  frame(el, out, inHead, keepSpace) {
    const kids = [];
    if (SKIP_TAGS.has(el.localName)) {
      if (el.localName === 'title' || KEEP_SCRIPT_TEXT(el)) for (let child = el.firstChild; child; child = child.nextSibling) if (child.nodeType === Node.TEXT_NODE) kids.push(child);
      return { out, kids, i: 0, inHead, keepSpace: true };
    }
    // Sibling links rather than `childNodes`: iterating that live list was the walk's costliest part (profiled
    // on the saved pages, where this code runs cold, once a page).
    if (!out.h) for (let child = el.firstChild; child; child = child.nextSibling) if (child.nodeType === Node.ELEMENT_NODE || child.nodeType === Node.TEXT_NODE) kids.push(child);
    return { out, kids, i: 0, inHead, keepSpace };
  }

  step(deadline = Infinity) {
    const { stack, textNodes } = this;
    let n = 0;
    while (stack.length) {
      if (++n % CHECK_EVERY === 0 && performance.now() > deadline) return false;
      const top = stack[stack.length - 1];
      if (top.i === top.kids.length) {
        stack.pop();
        continue;
      }
      const child = top.kids[top.i++];
      if (child.nodeType === Node.TEXT_NODE) {
        textNodes.push(child);
        const data = child.data;
        top.out.c.push({ x: !top.keepSpace && BLANK.test(data) ? ' ' : data });
      } else {
        const out = this.element(child, top.inHead);
        top.out.c.push(out);
        stack.push(this.frame(child, out, top.inHead || child.localName === 'head', top.keepSpace || child.localName === 'pre'));
      }
    }
    return true;
  }

  result() {
    return { json: JSON.stringify({ url: this.doc.URL, root: this.root }), textNodes: this.textNodes };
  }
}

/** `{json, textNodes}` at once (one task): for small parts of a page, e.g. a block added later. */
export function snapshotPage(doc = document, root = doc.documentElement) {
  const walk = new Walk(doc, root);
  walk.step();
  return walk.result();
}

/**
 * `{json, textNodes}` in slices of at most about SLICE_MS, yielding to the page in between. `onTask(ms)` hears
 * each slice's duration (the last includes the JSON); `stopped()` true abandons the walk (resolves null).
 */
export async function snapshotSliced(doc = document, { root = doc.documentElement, onTask = () => {}, stopped = () => false } = {}) {
  let start = performance.now();
  const walk = new Walk(doc, root);
  while (!walk.step(start + SLICE_MS)) {
    onTask(performance.now() - start);
    await yieldToPage();
    if (stopped()) return null;
    start = performance.now();
  }
  const out = walk.result();
  onTask(performance.now() - start);
  return out;
}
