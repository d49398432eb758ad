//! The live-DOM backend (WebAssembly only): [`PageTree`] over `web_sys::Node`s.
//!
//! The content script calls [`scan_document`] and gets the article text with its segment map, whose nodes
//! are the page's own text nodes: a segment's `(node, start)` gives a DOM `Range` directly. Hidden nodes are
//! those whose computed `display` is `none` or `visibility` is `hidden` (asked only of the elements that
//! `checkVisibility()`, one cheap call, does not find visible), plus the attribute checks every backend gets from the
//! detector. A document without a window (made with `createHTMLDocument`) has no styles: nothing is hidden
//! by CSS there.

use std::borrow::Cow;

use web_sys::wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node, Window};

use super::{scan, ArticleContent, NodeKind, PageTree};
use crate::error::{Error, ErrorKind};

/// A document (or one element's subtree) seen as a [`PageTree`].
pub struct DomTree {
    document: Document,
    window: Option<Window>,
    /// The element taken as the root instead of `<html>` ([`scan_element`]).
    root: Option<Element>,
    /// `Element.prototype.checkVisibility` and its options, when the browser has it (Chromium 105+,
    /// Firefox 106+): one call per element instead of `getComputedStyle` and two property reads for all.
    check_visibility: Option<(js_sys::Function, js_sys::Object)>,
}

impl DomTree {
    /// Wrap a document; computed styles come from its window when it has one.
    pub fn new(document: &Document) -> DomTree {
        DomTree::with_root(document.clone(), None)
    }

    fn with_root(document: Document, root: Option<Element>) -> DomTree {
        let window = document.default_view();
        let check_visibility = window.as_ref().and(document.document_element()).and_then(|el| {
            let f = js_sys::Reflect::get(&el, &JsValue::from_str("checkVisibility")).ok()?.dyn_into::<js_sys::Function>().ok()?;
            // `visibility: hidden` counts as hidden, as with computed styles (`checkVisibilityCSS` is the
            // option's older name).
            let options = js_sys::Object::new();
            for key in ["visibilityProperty", "checkVisibilityCSS"] {
                js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::TRUE).ok()?;
            }
            Some((f, options))
        });
        DomTree { document, window, root, check_visibility }
    }
}

/// Find the article in a live document. Segment nodes are the page's text nodes.
pub fn scan_document(doc: &Document) -> Result<ArticleContent<Node>, Error> {
    if doc.document_element().is_none() {
        return Err(Error::new(ErrorKind::NoArticle, "the document has no root element; wait for the page to load"));
    }
    scan(&DomTree::new(doc))
}

/// Find the article inside one element of a live page, as if the element were the whole page: for blocks
/// added after the first scan (infinite scroll, a live blog's new entries, a single-page app's new view), so
/// that only they are read and analysed.
pub fn scan_element(el: &Element) -> Result<ArticleContent<Node>, Error> {
    let Some(document) = el.owner_document() else {
        return Err(Error::new(ErrorKind::NoArticle, "the element is not in a document; scan it once it is attached"));
    };
    scan(&DomTree::with_root(document, Some(el.clone())))
}

impl PageTree for DomTree {
    type Node = Node;

    fn root(&self) -> Node {
        if let Some(root) = &self.root {
            return root.clone().into();
        }
        match self.document.document_element() {
            Some(root) => root.into(),
            None => self.document.clone().into(),
        }
    }

    fn children(&self, node: &Node) -> Cow<'_, [Node]> {
        let list = node.child_nodes();
        Cow::Owned((0..list.length()).filter_map(|i| list.get(i)).collect())
    }

    fn kind(&self, node: &Node) -> NodeKind<'_> {
        match node.node_type() {
            Node::ELEMENT_NODE => match node.dyn_ref::<Element>() {
                Some(el) => NodeKind::Element(Cow::Owned(el.local_name().to_ascii_lowercase())),
                None => NodeKind::Other,
            },
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => NodeKind::Text,
            _ => NodeKind::Other,
        }
    }

    fn attr(&self, node: &Node, name: &str) -> Option<Cow<'_, str>> {
        node.dyn_ref::<Element>()?.get_attribute(name).map(Cow::Owned)
    }

    fn text(&self, node: &Node) -> Option<Cow<'_, str>> {
        match node.node_type() {
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => node.node_value().map(Cow::Owned),
            _ => None,
        }
    }

    fn is_hidden(&self, node: &Node) -> bool {
        let (Some(window), Some(el)) = (&self.window, node.dyn_ref::<Element>()) else {
            return false;
        };
        // Most elements are visible: one call says so. The few it calls invisible are confirmed with computed
        // styles, since an element without a box of its own (`display: contents`) shows its children.
        if let Some((check, options)) = &self.check_visibility {
            if check.call1(el, options).is_ok_and(|visible| visible.is_truthy()) {
                return false;
            }
        }
        match window.get_computed_style(el) {
            Ok(Some(style)) => {
                style.get_property_value("display").is_ok_and(|d| d == "none")
                    || style.get_property_value("visibility").is_ok_and(|v| v == "hidden")
            }
            _ => false,
        }
    }
}
