//! Article detection over a page tree, written once for the live DOM and for parsed HTML.
//!
//! (Walking-skeleton stub: the page-tree trait, its backends and the detector replace this.)

use crate::error::{Error, ErrorKind};

/// The article found on a page.
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

/// Find the article in an HTML document.
pub fn article_from_html(html: &str) -> Result<Article, Error> {
    let _ = html;
    Err(Error::new(ErrorKind::NoArticle, "html input is not supported yet"))
}
