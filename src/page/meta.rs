//! Page metadata: title, publication time, language.
//!
//! Read from the flattened page ([`Page`]) that detection uses, so the live DOM and parsed HTML agree.
//! Orders of preference:
//! - title: `og:title`, JSON-LD `headline`, `twitter:title`, `<title>` (a trailing " | Site" part dropped when
//!   what remains is long enough to be a headline), the first `<h1>`;
//! - published: JSON-LD `datePublished` (anywhere in the JSON-LD, `@graph` arrays included), `<meta>`
//!   `article:published_time` and its usual aliases, an element with `itemprop="datePublished"`, the first
//!   `<time datetime>` inside the article;
//! - language: `<html lang>`, `og:locale` (`fr_FR` → `fr-FR`), `content-language`.

use super::detect::{Choice, Page};
use super::{Article, PageTree};

/// `<meta>` keys that carry the publication time, best first.
const PUBLISHED_METAS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
];

/// Read the metadata (text left empty).
pub(crate) fn read<P: PageTree>(tree: &P, page: &Page<P::Node>, choice: &Choice) -> Article {
    let json_ld: Vec<serde_json::Value> =
        page.json_ld.iter().filter_map(|s| serde_json::from_str(s.trim()).ok()).collect();
    Article { text: String::new(), title: title(page, &json_ld), published: published(tree, page, choice, &json_ld), lang: lang(tree, page) }
}

fn meta<'p, N>(page: &'p Page<N>, key: &str) -> Option<&'p str> {
    page.metas.iter().find(|(k, v)| k == key && !v.trim().is_empty()).map(|(_, v)| v.trim())
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// The first string value of `key` in JSON-LD documents, depth-first in document order, without recursion.
fn json_ld_string(docs: &[serde_json::Value], key: &str) -> Option<String> {
    use serde_json::Value;
    let mut stack: Vec<&Value> = docs.iter().rev().collect();
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                if let Some(Value::String(s)) = map.get(key) {
                    if let Some(s) = clean(s) {
                        return Some(s);
                    }
                }
                stack.extend(map.values().rev());
            }
            Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    None
}

fn title<N>(page: &Page<N>, json_ld: &[serde_json::Value]) -> Option<String> {
    if let Some(t) = meta(page, "og:title").and_then(clean) {
        return Some(t);
    }
    if let Some(t) = json_ld_string(json_ld, "headline") {
        return Some(t);
    }
    if let Some(t) = meta(page, "twitter:title").and_then(clean) {
        return Some(t);
    }
    if let Some(t) = page.title.as_deref().and_then(clean) {
        return Some(strip_site_name(&t));
    }
    let h1 = page.nodes.iter().position(|n| n.tag == "h1" && !n.in_head)?;
    let text: String = page.nodes[h1..page.nodes[h1].end].iter().filter(|n| n.is_text()).map(|n| n.text.as_str()).collect();
    clean(&text)
}

/// "Headline | Site" → "Headline", when the headline keeps at least four words.
fn strip_site_name(title: &str) -> String {
    for sep in [" | ", " – ", " — ", " - ", " :: ", " / ", " » "] {
        if let Some(at) = title.rfind(sep) {
            let head = title[..at].trim();
            if head.split_whitespace().count() >= 4 {
                return head.to_string();
            }
        }
    }
    title.to_string()
}

fn published<P: PageTree>(tree: &P, page: &Page<P::Node>, choice: &Choice, json_ld: &[serde_json::Value]) -> Option<String> {
    if let Some(d) = json_ld_string(json_ld, "datePublished") {
        return Some(d);
    }
    for key in PUBLISHED_METAS {
        if let Some(d) = meta(page, key).and_then(clean) {
            return Some(d);
        }
    }
    for n in &page.nodes {
        if n.itemprop.split_whitespace().any(|p| p == "datepublished") {
            let value = tree.attr(&n.node, "datetime").or_else(|| tree.attr(&n.node, "content"));
            if let Some(d) = value.as_deref().and_then(clean) {
                return Some(d);
            }
        }
    }
    for &c in &choice.containers {
        for n in &page.nodes[c..page.nodes[c].end] {
            if n.tag == "time" {
                if let Some(d) = tree.attr(&n.node, "datetime").as_deref().and_then(clean) {
                    return Some(d);
                }
            }
        }
    }
    None
}

fn lang<P: PageTree>(tree: &P, page: &Page<P::Node>) -> Option<String> {
    let root = tree.root();
    let declared = tree.attr(&root, "lang").or_else(|| tree.attr(&root, "xml:lang"));
    if let Some(l) = declared.as_deref().and_then(clean) {
        return Some(l);
    }
    if let Some(l) = meta(page, "og:locale").and_then(clean) {
        return Some(l.replace('_', "-"));
    }
    meta(page, "content-language").and_then(clean)
}
