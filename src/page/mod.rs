//! Article detection over a page tree, written once for the live DOM and for parsed HTML.
//!
//! A backend implements [`PageTree`] (the live DOM through web-sys in `dom.rs`, parsed HTML and JS
//! snapshots through an arena tree); [`scan`] finds the article container, collects its text nodes into one
//! text with a [`Segment`] map (UTF-16), and reads the page metadata.
//!
//! (Walking-skeleton stub: the interface is fixed, the detector is to be written.)

use crate::error::{Error, ErrorKind};

/// What a node of a page tree is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// An element, with its lower-case tag name.
    Element(String),
    /// A text node.
    Text,
    /// Comments, doctype, processing instructions: skipped.
    Other,
}

/// A read-only view of a page: the one thing a backend must provide.
pub trait PageTree {
    /// A handle on one node (cheap to clone).
    type Node: Clone;
    /// The document element (`<html>`).
    fn root(&self) -> Self::Node;
    /// Child nodes in document order.
    fn children(&self, node: &Self::Node) -> Vec<Self::Node>;
    /// Element, text or other.
    fn kind(&self, node: &Self::Node) -> NodeKind;
    /// An attribute of an element (`None` for non-elements or when absent).
    fn attr(&self, node: &Self::Node, name: &str) -> Option<String>;
    /// The data of a text node (`None` for other nodes).
    fn text(&self, node: &Self::Node) -> Option<String>;
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
    /// Title, publication time (ISO as written), language, as in [`Article`].
    pub meta: Article,
}

/// The article found on a page, without the node map (what the CLI needs).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// The article text: blocks separated by `\n`.
    pub text: String,
    /// The title from metadata or the main heading.
    pub title: Option<String>,
    /// Publication time from metadata, ISO 8601 as written on the page.
    pub published: Option<String>,
    /// The page's declared language (`<html lang>`, `og:locale`).
    pub lang: Option<String>,
}

/// Find the article on a page and collect its text.
pub fn scan<P: PageTree>(page: &P) -> Result<ArticleContent<P::Node>, Error> {
    let _ = page;
    Err(Error::new(ErrorKind::NoArticle, "article detection is not written yet"))
}

/// Find the article in an HTML document (the CLI's `.html` input).
pub fn article_from_html(html: &str) -> Result<Article, Error> {
    let _ = html;
    Err(Error::new(ErrorKind::NoArticle, "html input is not supported yet"))
}
