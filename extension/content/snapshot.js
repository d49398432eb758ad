// A JSON snapshot of the page, for the service-worker path: when the page's CSP forbids WebAssembly in the
// content script, the article is found and analysed in the service worker, which has no DOM.
//
// Format (read by page::snapshot::scan_snapshot in Rust):
//   {"url": "...", "root": NODE}
//   NODE = {"tag": "p", "attrs": {"name": "value", ...}, "hidden": true?, "children": [NODE, ...]}
//        | {"text": "..."}
// Text entries are numbered in document order from 0: entry k is textNodes[k] here. Comments are left
// out; the text of <script>/<style> is left out too, except JSON-LD (the publication date lives there).

const KEEP_SCRIPT_TEXT = (el) => el.localName === 'script' && (el.getAttribute('type') || '').includes('ld+json');
const MAX_ATTR = 2000;

/** `{json, textNodes}`: the snapshot as a JSON string, and the text nodes its text entries stand for. */
export function snapshotPage(doc = document) {
  const textNodes = [];
  const visit = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      textNodes.push(node);
      return { text: node.data };
    }
    const el = node;
    const out = { tag: el.localName, attrs: {} };
    for (const a of el.attributes) out.attrs[a.name] = a.value.slice(0, MAX_ATTR);
    // Layout knows what CSS hides; the Rust side cannot compute styles.
    if (el.checkVisibility && el.localName !== 'head' && !el.closest('head') && !el.checkVisibility()) out.hidden = true;
    const raw = el.localName === 'script' || el.localName === 'style' || el.localName === 'noscript' || el.localName === 'template';
    out.children = [];
    for (const child of el.childNodes) {
      if (child.nodeType === Node.ELEMENT_NODE || (child.nodeType === Node.TEXT_NODE && (!raw || KEEP_SCRIPT_TEXT(el)))) {
        out.children.push(visit(child));
      }
    }
    return out;
  };
  const root = visit(doc.documentElement);
  return { json: JSON.stringify({ url: doc.URL, root }), textNodes };
}
