//! Article detection over a page tree, written once for the live DOM and for parsed HTML.
//!
//! A backend implements [`PageTree`]: the live DOM through web-sys (`dom`, WebAssembly only), or an
//! [`arena::Arena`] built from HTML ([`html`], native only) or from the content script's JSON snapshot
//! ([`snapshot`]). [`scan`] finds the article container ([`detect`]), collects its text nodes into one text
//! with a [`Segment`] map (UTF-16), and reads the page metadata ([`meta`]).
//!
//! # Text and segment map
//!
//! The article text is the concatenation of its text nodes' data with:
//! - `\n` between blocks (paragraphs, headings, list items, cells…) and for `<br>`, never two in a row, so a
//!   sentence never runs across paragraphs;
//! - whitespace runs (space, tab, CR, LF, FF) collapsed to one space, and dropped at the start and end of a
//!   block; the space kept belongs to the node where the run starts; NBSP (U+00A0) is text, kept as is;
//! - soft hyphens (U+00AD) dropped: they are invisible, and would split words for the analysers; they stay
//!   in the page, and the segment's `node_offsets_u16` maps around them;
//! - whitespace inside `<pre>` kept.
//!
//! Each [`Segment`] says where one text node's part starts in the text (UTF-16) and, when collapsing or
//! dropping changed offsets, the node offset of each of its units. Segments are sorted and do not overlap;
//! the `\n` separators lie between them. **Boundary rule:** an offset at the boundary of two nodes (or in a
//! separator gap) belongs to the start of the next segment; [`ArticleContent::locate`] implements it.
//!
//! ```
//! # #[cfg(not(target_arch = "wasm32"))] {
//! let article = newslens::page::article_from_html(
//!     "<html lang=fr><head><title>Un titre assez long pour rester | Le Site</title></head>\
//!      <body><article><p>Premier paragraphe, assez long pour compter.</p>\
//!      <p>Second   paragraphe.</p></article></body></html>",
//! ).unwrap();
//! assert_eq!(article.text, "Premier paragraphe, assez long pour compter.\nSecond paragraphe.");
//! assert_eq!(article.title.as_deref(), Some("Un titre assez long pour rester"));
//! assert_eq!(article.lang.as_deref(), Some("fr"));
//! # }
//! ```

pub mod arena;
pub mod detect;
mod hints;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;
pub mod meta;
pub mod snapshot;

use std::borrow::Cow;

use crate::error::{Error, ErrorKind};

/// What a node of a page tree is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeKind<'a> {
    /// An element, with its lower-case tag name.
    Element(Cow<'a, str>),
    /// A text node.
    Text,
    /// Comments, doctype, processing instructions: skipped.
    Other,
}

/// A read-only view of a page: the one thing a backend must provide.
///
/// Names, values and lists come as [`Cow`]: a backend that holds them (the arena) lends them, so that the
/// detector copies nothing; one that must build them (the live DOM) hands them over.
pub trait PageTree {
    /// A handle on one node (cheap to clone).
    type Node: Clone;
    /// The document element (`<html>`).
    fn root(&self) -> Self::Node;
    /// Child nodes in document order.
    fn children(&self, node: &Self::Node) -> Cow<'_, [Self::Node]>;
    /// Element, text or other.
    fn kind(&self, node: &Self::Node) -> NodeKind<'_>;
    /// An attribute of an element (`None` for non-elements or when absent).
    fn attr(&self, node: &Self::Node, name: &str) -> Option<Cow<'_, str>>;
    /// The data of a text node (`None` for other nodes).
    fn text(&self, node: &Self::Node) -> Option<Cow<'_, str>>;
    /// True when the backend knows the node is not rendered (computed style in the DOM). Backends without
    /// layout return false; the detector also checks `hidden`, `aria-hidden` and inline styles itself.
    fn is_hidden(&self, _node: &Self::Node) -> bool {
        false
    }
}

/// One text node's place in the article text.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment<N> {
    /// The text node.
    pub node: N,
    /// Where its text starts in [`ArticleContent::text`], in UTF-16 code units.
    pub start_u16: usize,
    /// Length of its text in UTF-16 code units (the node's data, possibly with whitespace collapsed: see
    /// `node_offsets_u16`).
    pub len_u16: usize,
    /// For each UTF-16 unit of this segment's part of the article text, the UTF-16 offset in the node's own
    /// data (whitespace collapsing makes them differ); empty when they are equal.
    pub node_offsets_u16: Vec<u32>,
}

/// The article found on a page, with the map from its text back to the page's text nodes.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleContent<N> {
    /// The article text: blocks separated by `\n`.
    pub text: String,
    /// The text nodes that make up `text`, in order. Offsets between two segments belong to the start of
    /// the next one.
    pub segments: Vec<Segment<N>>,
    /// Title, publication time (ISO as written), language, as in [`Article`]; its `text` is left empty
    /// (the text is [`ArticleContent::text`]).
    pub meta: Article,
}

/// The article found on a page, without the node map (what the CLI needs).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// The article text: blocks separated by `\n`.
    pub text: String,
    /// The title from metadata or the main heading.
    pub title: Option<String>,
    /// Publication time from metadata, ISO 8601 as written on the page (an RFC 2822-style value such as
    /// "Wed, 14 Jan 2015 09:42:15 -0500" is rewritten in ISO 8601; other forms are left as written).
    pub published: Option<String>,
    /// The page's declared language (`<html lang>`, `og:locale`).
    pub lang: Option<String>,
}

impl<N> ArticleContent<N> {
    /// The text node and the UTF-16 offset in its data for a UTF-16 offset of [`ArticleContent::text`],
    /// with the boundary rule: an offset between two segments (or in a `\n` gap) is the start of the next
    /// one; the text's end is the end of the last segment. `None` when there are no segments or the offset
    /// is past the end.
    pub fn locate(&self, offset_u16: usize) -> Option<(&N, usize)> {
        let text_len: usize = self.text.encode_utf16().count();
        if offset_u16 > text_len {
            return None;
        }
        // First segment that ends after the offset.
        let i = self.segments.partition_point(|s| s.start_u16 + s.len_u16 <= offset_u16);
        match self.segments.get(i) {
            Some(s) if offset_u16 >= s.start_u16 => Some((&s.node, s.node_offset(offset_u16 - s.start_u16))),
            Some(s) => Some((&s.node, s.node_offset(0))),
            None => {
                let s = self.segments.last()?;
                Some((&s.node, s.node_offset(s.len_u16)))
            }
        }
    }

    /// The same content with another node handle type (the snapshot backend numbers its text nodes).
    pub fn map_nodes<M>(self, mut f: impl FnMut(N) -> M) -> ArticleContent<M> {
        ArticleContent {
            text: self.text,
            segments: self
                .segments
                .into_iter()
                .map(|s| Segment { node: f(s.node), start_u16: s.start_u16, len_u16: s.len_u16, node_offsets_u16: s.node_offsets_u16 })
                .collect(),
            meta: self.meta,
        }
    }
}

impl<N> Segment<N> {
    /// The UTF-16 offset in the node's data of the segment's unit `k` (`k == len_u16`: just after the last).
    pub fn node_offset(&self, k: usize) -> usize {
        if self.node_offsets_u16.is_empty() {
            return k;
        }
        match self.node_offsets_u16.get(k) {
            Some(&o) => o as usize,
            None => self.node_offsets_u16.last().map_or(k, |&o| o as usize + 1),
        }
    }
}

/// Find the article on a page and collect its text. Fails (`NoArticle`) only when the page has no text.
pub fn scan<P: PageTree>(page: &P) -> Result<ArticleContent<P::Node>, Error> {
    let no_article = || Error::new(ErrorKind::NoArticle, "no article text found on this page; is it an article page?");
    let flat = detect::flatten(page);
    // A tree with no element or text at all (a snapshot whose root is not a node): nothing to detect in, and
    // the detector indexes the body (found by the `snapshot` fuzz target).
    if flat.nodes.is_empty() {
        return Err(no_article());
    }
    let choice = detect::choose(&flat);
    let (text, segments) = detect::collect(&flat, &choice);
    let meta = meta::read(page, &flat, &choice);
    if text.trim().is_empty() {
        return Err(no_article());
    }
    Ok(ArticleContent { text, segments, meta })
}

/// Find the article in an HTML document (the CLI's `.html` input).
#[cfg(not(target_arch = "wasm32"))]
pub fn article_from_html(html: &str) -> Result<Article, Error> {
    let arena = html::parse_html(html);
    let content = scan(&arena)?;
    Ok(Article { text: content.text, ..content.meta })
}

/// Find the article in an HTML document. The WebAssembly module carries no HTML parser: use
/// `dom::scan_document` on the live page or [`snapshot::scan_snapshot`] instead.
#[cfg(target_arch = "wasm32")]
pub fn article_from_html(html: &str) -> Result<Article, Error> {
    let _ = html;
    Err(Error::new(ErrorKind::InvalidInput, "html parsing is not in the webassembly module; scan the live document or a json snapshot"))
}
